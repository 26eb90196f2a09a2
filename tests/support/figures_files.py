"""Caseworkers' figures files (services.figures_share) made from real encrypted stores,
for the tests of the leader's merge: each file from its own installation, as in a team."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ungedesk.domain.figures import Period
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.domain.youth import YouthInput
from ungedesk.services import figures_share, setup, visitation, youths
from ungedesk.services.visitation import VisitationInput
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths

NOVEMBER = Period.month(2026, 11)
PASSPHRASE = "grøn kaffe tager toget til Ribe"
TODAY = date(2026, 11, 24)


def caseworker_store(root: Path, initials: str, new_cases: int, group: str = "lab6_4") -> Store:
    """An installation of its own with ``new_cases`` young people new in November 2026."""
    store = setup.create_installation(
        StorePaths(root / initials),
        PASSPHRASE,
        ProfileInput(f"Rådgiver {initials}", initials, "Ungeteamet", Role.CASEWORKER),
        scrypt_n=2**12,
    ).opened.store
    for n in range(new_cases):
        yid = youths.register(
            store,
            YouthInput(
                f"{n + 1:02d}0100{4000 + n}", "Prøve", "Hansen", date(2026, 11, 2), caseworker_id=1
            ),
            today=TODAY,
        ).youth_id
        visitation.save(store, yid, VisitationInput(date(2026, 11, 2), group), today=TODAY)
    return store


def team_file(
    root: Path, initials: str, new_cases: int, period: Period = NOVEMBER, group: str = "lab6_4"
) -> Path:
    """One caseworker's file of ``period``'s figures, as "Gem tal til lederen…" writes it."""
    store = caseworker_store(root, initials, new_cases, group)
    try:
        target = root / f"tal-{initials}-{period.label}.json"
        return figures_share.export_file(store, period, target)
    finally:
        store.close()
