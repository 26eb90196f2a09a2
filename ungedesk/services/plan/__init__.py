"""The education plan (uddannelsesplan): the draft, consent, handed-out versions, the
handout's data, and the municipality logo the handout carries.

- ``draft``: the draft as the editor shows it, normalised, validated and saved;
- ``consent``: what beyond education and work the plan may hold, registered and withdrawn;
- ``versions``: handing out (frozen versions), the versions read back, and the handout's
  data for the version a PDF shows (``shown_version`` decides which);
- ``logo``: the municipality logo on every handout.

Exporting, printing and the batch (the plan leaving the store) are ``services.plan_export``.
"""

from ungedesk.services.plan.consent import (
    MAX_CONSENT_NOTE,
    ConsentView,
    give_consent,
    withdraw_consent,
)
from ungedesk.services.plan.draft import (
    PlanDraft,
    VersionSummary,
    draft_in,
    get_plan,
    normalise,
    save_in,
    save_plan,
)
from ungedesk.services.plan.logo import (
    LOGO_SETTING,
    MAX_LOGO_BYTES,
    clear_logo,
    has_logo,
    set_logo,
)
from ungedesk.services.plan.versions import (
    hand_out,
    hand_out_in,
    handed_out_between,
    handed_out_in,
    handout,
    handout_in,
    shown_version,
    version_content,
)

__all__ = [
    "LOGO_SETTING",
    "MAX_CONSENT_NOTE",
    "MAX_LOGO_BYTES",
    "ConsentView",
    "PlanDraft",
    "VersionSummary",
    "clear_logo",
    "draft_in",
    "get_plan",
    "give_consent",
    "hand_out",
    "hand_out_in",
    "handed_out_between",
    "handed_out_in",
    "handout",
    "handout_in",
    "has_logo",
    "normalise",
    "save_in",
    "save_plan",
    "set_logo",
    "shown_version",
    "version_content",
    "withdraw_consent",
]
