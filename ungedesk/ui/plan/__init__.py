"""The record's Plan tab and everything around it.

- ``panel``: the tab itself (``PlanPanel``): its actions, each one Operation calling one
  service function (``services.plan`` to read and save, ``services.plan_export`` to hand
  out, show, save, print and send the PDF);
- ``form``: the plan's fields in sections (``PlanForm``), filled from and read into the
  domain's ``PlanContent``; its lists use ``ui.editable_list``;
- ``dialogs``: consent, hand-out and the handed-out versions;
- ``batch_dialog``: many plans at once as PDFs, with progress and Stop;
- ``pdf_preview``: the PDF on screen and on paper, from memory only.
"""
