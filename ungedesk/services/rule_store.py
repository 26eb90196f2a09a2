"""Which legal rule set is in force: the shipped file or one loaded later into the store.

The program ships resources/rules/deadlines.toml with a ``version`` date. A municipality can
load a newer file (services.rulesets); its text is kept in the ``rule_set`` table. The rule
set in force is the newest loaded one **when its version is newer than the shipped file's**;
otherwise the shipped file. So a rule file loaded in January is used until a program update
ships a file of a later version: the update then wins, without anyone having to unload the
old one (and an update that ships an older file than the loaded one leaves the loaded one in
force). A shipped file without a ``version`` counts as older than any loaded file.

Reading is cheap: the newest row's version and checksum are one indexed query; the text is
parsed once per checksum and kept.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache

from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.rule_file import RuleFile, file_version, parse_rule_file
from ungedesk.domain.rules import Rule
from ungedesk.resources import RESOURCES
from ungedesk.services import settings
from ungedesk.store.models import RuleSetRow

SHIPPED_FILE = RESOURCES / "rules" / "deadlines.toml"


@cache
def shipped_text() -> str:
    return SHIPPED_FILE.read_text(encoding="utf-8")


def shipped_version() -> date | None:
    return file_version(shipped_text())


@dataclass(frozen=True, slots=True)
class StoredSet:
    id: int
    version: date
    sha256: str
    loaded_at: datetime


def sha256_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def newest_stored(session: Session) -> StoredSet | None:
    row = session.execute(
        select(RuleSetRow.id, RuleSetRow.version, RuleSetRow.sha256, RuleSetRow.loaded_at)
        .order_by(RuleSetRow.id.desc())
        .limit(1)
    ).first()
    return None if row is None else StoredSet(*row)


def stored_wins(stored: StoredSet | None) -> bool:
    """The loaded set is in force only when it is newer than the shipped file."""
    if stored is None:
        return False
    shipped = shipped_version()
    return shipped is None or stored.version > shipped


# Parsed rule files by checksum: every overview and refresh asks for the rules, and the
# text is only read from the store when its checksum is new to this process.
_PARSED: dict[str, RuleFile] = {}


def stored_rule_file(session: Session, stored: StoredSet) -> RuleFile:
    found = _PARSED.get(stored.sha256)
    if found is None:
        text = session.scalar(select(RuleSetRow.text).where(RuleSetRow.id == stored.id))
        found = parse_rule_file(text or "")
        if len(_PARSED) >= 4:
            _PARSED.clear()
        _PARSED[stored.sha256] = found
    return found


def legal_in_force(session: Session, shipped: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """The legal rules in force: the newest loaded set if it wins, else ``shipped``."""
    stored = newest_stored(session)
    if not stored_wins(stored):
        return shipped
    assert stored is not None
    return stored_rule_file(session, stored).rules


@dataclass(frozen=True, slots=True)
class InForce:
    """What the Regler views say about the rule set in use."""

    version: date | None
    loaded: bool  # a loaded file (else the shipped one)
    loaded_at: datetime | None
    shipped_version: date | None


def in_force(session: Session) -> InForce:
    stored = newest_stored(session)
    if stored_wins(stored):
        assert stored is not None
        return InForce(stored.version, True, stored.loaded_at, shipped_version())
    return InForce(shipped_version(), False, None, shipped_version())


def fingerprint(session: Session) -> str:
    """The legal rules in force now and whether expected law is on: what the stored
    deadlines must have been computed with (RULES_COMPUTED_WITH) to be current."""
    stored = newest_stored(session)
    if stored_wins(stored):
        assert stored is not None
        legal = stored.sha256
    else:
        legal = sha256_of(shipped_text())
    expected = settings.read(session, settings.EXPECTED_RULES)
    return f"{legal}:{'expected' if expected else 'law'}"


def deadlines_current(session: Session) -> bool:
    """The stored deadlines were computed with the rules in force now. Cheap (two reads),
    so every start can ask before it loads the recomputation (services.rulesets)."""
    return settings.read(session, settings.RULES_COMPUTED_WITH) == fingerprint(session)
