"""Progression on the nine indicators, one module per concern:

- ``views``: the read models every module returns, and the row helpers they share;
- ``descriptors``: the question and five stages per indicator, editable by the municipality;
- ``choices``: which indicators apply to a young person, over time;
- ``measurements``: the progression screen's read, recording and correcting measurements;
- ``handout``: the young person's own scores for the education plan (never sensitive ones);
- ``figures``: average movement over a caseload (aggregates only).

This package re-exports the public functions and read models, so callers keep writing
``progression.record_measurement(...)``: the plan, case transfer, demo data, the command
line, scripts and many tests use progression through this one name, and the split is about
where the code lives, not about how it is called. Open the module above to change a concern.
"""

from __future__ import annotations

from ungedesk.services.progression.choices import choose_indicators
from ungedesk.services.progression.descriptors import (
    DESCRIPTORS_FILE,
    DESCRIPTORS_SETTING,
    MAX_DESCRIPTOR,
    MAX_DESCRIPTORS_TEXT,
    SCORING_RULE,
    DescriptorState,
    descriptor_state,
    descriptors,
    descriptors_text,
    reset_descriptors,
    save_descriptors,
    shipped_descriptors_text,
)
from ungedesk.services.progression.figures import caseload_movement
from ungedesk.services.progression.handout import handout_readings, readings_in
from ungedesk.services.progression.measurements import (
    MAX_REASON,
    correct_measurement,
    corrections,
    get_progression,
    record_measurement,
    screen,
)
from ungedesk.services.progression.views import (
    ConversationRef,
    CorrectionView,
    IndicatorPeriod,
    MeasurementView,
    MovementRow,
    Progression,
    ProgressionScreen,
    ScoreView,
)

__all__ = [
    "DESCRIPTORS_FILE",
    "DESCRIPTORS_SETTING",
    "MAX_DESCRIPTOR",
    "MAX_DESCRIPTORS_TEXT",
    "MAX_REASON",
    "SCORING_RULE",
    "ConversationRef",
    "CorrectionView",
    "DescriptorState",
    "IndicatorPeriod",
    "MeasurementView",
    "MovementRow",
    "Progression",
    "ProgressionScreen",
    "ScoreView",
    "caseload_movement",
    "choose_indicators",
    "correct_measurement",
    "corrections",
    "descriptor_state",
    "descriptors",
    "descriptors_text",
    "get_progression",
    "handout_readings",
    "readings_in",
    "record_measurement",
    "reset_descriptors",
    "save_descriptors",
    "screen",
    "shipped_descriptors_text",
]
