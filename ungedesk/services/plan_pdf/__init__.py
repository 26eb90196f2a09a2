"""The young person's education plan as a PDF: the handout they take to the municipality's
unit, the school or an employer, and a PDF/A-2b copy for the municipality's archive (ESDH).

The handout speaks to the young person ("du") in short, plain Danish: every fixed sentence
lives in ``TEXT`` so a test can hold its LIX at 35 or below.

- ``text``: the fixed sentences and the shaping of user text (printable, visual, escaped);
- ``layout``: colours, sizes, styles and the building blocks (paragraphs, tables);
- ``sections``: the handout's sections in reading order (``story``);
- ``render``: the page footer and ``render_handout`` (bytes in memory, never a file).

Writing files, logging the export and the batch live in ``services.plan_export``.
"""

from ungedesk.services.plan_pdf.layout import ARCHIVE_SUBJECT, HANDOUT_SUBJECT
from ungedesk.services.plan_pdf.render import render_handout, warm_up
from ungedesk.services.plan_pdf.sections import story
from ungedesk.services.plan_pdf.text import (
    REPLACEMENT,
    TEXT,
    long_date,
    markup,
    masked_cpr,
    meeting_time,
    printable,
    visual,
)

__all__ = [
    "ARCHIVE_SUBJECT",
    "HANDOUT_SUBJECT",
    "REPLACEMENT",
    "TEXT",
    "long_date",
    "markup",
    "masked_cpr",
    "meeting_time",
    "printable",
    "render_handout",
    "story",
    "visual",
    "warm_up",
]
