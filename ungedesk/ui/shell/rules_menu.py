"""The Rules menu (the rule overview, loading a rule file, local standards, progression
descriptors), the File menu's tools over many cases (plans as PDF, progression over the
caseload) and the offers catalogue (Tilbudsvifte). The dialogs announce their own changes
on the change bus."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from ungedesk.ui.shell.base import ShellBase

if TYPE_CHECKING:
    from ungedesk.ui.catalogue.view import CatalogueDialog
    from ungedesk.ui.figures.view import FiguresDialog
    from ungedesk.ui.restgruppe.review_dialog import ReviewDialog
    from ungedesk.ui.rules.browser import RulesBrowserDialog

PLANS_FOLDER = "Uddannelsesplaner"  # under the folder last used, for the batch's PDFs


class RulesMenu(ShellBase):
    # Made by ui.shell.menus.build_menus (the Young people menu's group and figures).
    restgruppe_action: QAction
    figures_action: QAction

    def open_rules_browser(self) -> RulesBrowserDialog:
        from ungedesk.ui.rules.browser import RulesBrowserDialog

        dialog = RulesBrowserDialog(self._store, self._today(), self)
        self._show_dialog(dialog)
        return dialog

    def open_catalogue(self) -> CatalogueDialog:
        from ungedesk.ui.catalogue.view import CatalogueDialog

        dialog = CatalogueDialog(self._store, self._today, self)
        self._show_dialog(dialog)
        return dialog

    def open_figures(self) -> FiguresDialog:
        from ungedesk.ui.figures.view import FiguresDialog

        dialog = FiguresDialog(self._store, self._today, self)
        dialog.open_requested.connect(self.open_record)
        self._show_dialog(dialog)
        return dialog

    def open_restgruppe(self) -> ReviewDialog:
        from ungedesk.ui.restgruppe.review_dialog import ReviewDialog

        dialog = ReviewDialog(self._store, self._today, self)
        dialog.register_requested.connect(self.register_from_list)
        self._show_dialog(dialog)
        return dialog

    def load_rule_file(self) -> None:
        from ungedesk.ui.rules.browser import LoadRulesDialog

        path, _ = QFileDialog.getOpenFileName(
            self,
            QCoreApplication.translate("MainWindow", "Load rule file"),
            "",
            QCoreApplication.translate("MainWindow", "Rule files (*.toml)"),
        )
        if path:
            self._show_dialog(LoadRulesDialog(self._store, Path(path), self))

    def open_local_rules(self) -> None:
        from ungedesk.ui.rules.local_rules_dialog import LocalRulesDialog

        self._show_dialog(LocalRulesDialog(self._store, self))

    def open_descriptors(self) -> None:
        from ungedesk.ui.progression.descriptors_dialog import DescriptorsDialog

        self._show_dialog(DescriptorsDialog(self._store, self))

    def open_plan_batch(self) -> None:
        from ungedesk.ui.plan.batch_dialog import PlanBatchDialog

        folder = Path(self._folder()) / PLANS_FOLDER
        self._show_dialog(PlanBatchDialog(self._store, self._today, self._now, self, folder=folder))

    def _now(self) -> datetime:
        """The moment the batch's PDFs are stamped with: today's date (injectable), now."""
        return datetime.combine(self._today(), datetime.now().time())

    def open_caseload_progression(self) -> None:
        from ungedesk.ui.progression.caseload_dialog import CaseloadProgressionDialog

        self._show_dialog(CaseloadProgressionDialog(self._store, self._today, self))
