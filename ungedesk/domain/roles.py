"""A caseworker's role and its Danish label.

Apart from profile.py (which re-exports both) so that the command line's parser can offer
the roles without loading the profile's validation and dataclasses on every ``--help``.
"""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CASEWORKER = "caseworker"
    COUNSELLOR = "counsellor"
    TEAM_LEAD = "team_lead"
    OTHER = "other"


ROLE_LABELS: dict[Role, str] = {
    Role.CASEWORKER: "Sagsbehandler (beskæftigelse)",
    Role.COUNSELLOR: "Vejleder (kommunal ungeindsats/UU)",
    Role.TEAM_LEAD: "Leder",
    Role.OTHER: "Andet",
}
