"""The offers catalogue (tilbudsvifte): kinds of offer, whether an offer of a kind counts as
an offer under the law on a day, and checking one offer's fields.

The kinds and the rules by date are resources/rules/offers.toml; this module parses and
checks its text and answers questions about it, but reads no files (services.catalogue
loads it). The 1 January 2026 caps on øvrig vejledning og opkvalificering and mentor limit
the municipality's spending, not a person's offer: a rule carries them as a text to show,
never as a limit the app enforces (the file's header cites the bill).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

# Who an offer is for. Not the law's target groups (those are dated and per case): a
# catalogue's coarse audience, so a caseworker can filter the offers that fit a young person.
AUDIENCES: dict[str, str] = {
    "kui": "15-17 år (KUI)",
    "uddannelsesparat": "Uddannelsesparate",
    "aktivitetsparat": "Aktivitetsparate",
    "jobparat": "Jobparate",
    "dagpenge": "Dagpengemodtagere",
}

MAX_NAME = 200
MAX_TEXT = 200
MAX_NOTES = 5000
MIN_AGE = 15
MAX_AGE = 30
MAX_WEEKS = 260

_KIND_FIELDS = frozenset({"code", "label", "valid_from", "valid_to", "note"})
_RULE_FIELDS = frozenset(
    {"kinds", "counts", "min_weeks", "cap", "valid_from", "valid_to", "source"}
)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[0-9 ()-]{8,20}$")


class OfferRulesError(ValueError):
    """The offer rules cannot be used; the message is Danish and names the entry and field."""


@dataclass(frozen=True, slots=True)
class OfferKind:
    code: str
    label: str
    valid_from: date | None = None
    valid_to: date | None = None  # exclusive
    note: str = ""

    def exists_on(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


@dataclass(frozen=True, slots=True)
class OfferRule:
    kinds: tuple[str, ...]
    counts: bool
    min_weeks: int | None
    cap: str
    valid_from: date | None
    valid_to: date | None  # exclusive
    source: str

    def covers(self, day: date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_to is None or day < self.valid_to
        )


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether an offer of a kind, on a day, counts as an offer under the law, and why."""

    counts: bool
    text: str  # Danish, one or two sentences
    cap: str  # Danish note on a spending cap, or ""
    source: str


@dataclass(frozen=True, slots=True)
class OfferRules:
    kinds: tuple[OfferKind, ...]
    rules: tuple[OfferRule, ...]

    def kind(self, code: str) -> OfferKind | None:
        return next((k for k in self.kinds if k.code == code), None)

    def label(self, code: str) -> str:
        found = self.kind(code)
        return found.label if found is not None else code

    def kinds_on(self, day: date) -> list[OfferKind]:
        """The kinds a new offer on ``day`` may have, in the file's order."""
        return [k for k in self.kinds if k.exists_on(day)]

    def rule(self, code: str, day: date) -> OfferRule | None:
        return next((r for r in self.rules if code in r.kinds and r.covers(day)), None)

    def verdict(self, code: str, day: date, weeks: int | None = None) -> Verdict:
        """Does an offer of kind ``code`` lasting ``weeks`` (None: not known) count as an
        offer under the law on ``day``?"""
        rule = self.rule(code, day)
        if rule is None:
            return Verdict(False, "Ingen regel for denne art på dagen.", "", "")
        if not rule.counts:
            return Verdict(False, "Tæller ikke som tilbud efter loven.", rule.cap, rule.source)
        if rule.min_weeks is not None:
            if weeks is not None and weeks < rule.min_weeks:
                text = (
                    f"Tæller ikke som tilbud: det skal vare mindst {rule.min_weeks} uger "
                    f"(varer {weeks})."
                )
                return Verdict(False, text, rule.cap, rule.source)
            text = f"Tæller som tilbud, når det varer mindst {rule.min_weeks} uger."
            return Verdict(True, text, rule.cap, rule.source)
        return Verdict(True, "Tæller som tilbud.", rule.cap, rule.source)


def _day(where: str, key: str, raw: Mapping[str, object]) -> date | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, date) and not hasattr(value, "hour"):
        return value
    raise OfferRulesError(f"{where}: {key} skal være en dato som 2026-01-01.")


def _period(where: str, raw: Mapping[str, object]) -> tuple[date | None, date | None]:
    start, end = _day(where, "valid_from", raw), _day(where, "valid_to", raw)
    if start is not None and end is not None and end <= start:
        raise OfferRulesError(f"{where}: valid_to skal ligge efter valid_from.")
    return start, end


def _text(where: str, key: str, raw: Mapping[str, object], *, required: bool = True) -> str:
    value = raw.get(key, "")
    if not isinstance(value, str) or (required and not value.strip()):
        raise OfferRulesError(f"{where}: {key} mangler.")
    return " ".join(value.split())


def _parse_kind(raw: Mapping[str, object], number: int) -> OfferKind:
    code = raw.get("code")
    if not isinstance(code, str) or not code.strip():
        raise OfferRulesError(f"Tilbudsart nr. {number}: code mangler.")
    where = f"Tilbudsart {code}"
    unknown = sorted(set(raw) - _KIND_FIELDS)
    if unknown:
        raise OfferRulesError(f"{where}: ukendt felt {', '.join(unknown)}.")
    start, end = _period(where, raw)
    return OfferKind(
        code, _text(where, "label", raw), start, end, _text(where, "note", raw, required=False)
    )


def _parse_rule(raw: Mapping[str, object], number: int, known: set[str]) -> OfferRule:
    where = f"Tilbudsregel nr. {number}"
    unknown = sorted(set(raw) - _RULE_FIELDS)
    if unknown:
        raise OfferRulesError(f"{where}: ukendt felt {', '.join(unknown)}.")
    kinds = raw.get("kinds")
    if not isinstance(kinds, list) or not kinds or not all(isinstance(k, str) for k in kinds):
        raise OfferRulesError(f"{where}: kinds skal være en liste af tilbudsarter.")
    strange = sorted(set(kinds) - known)
    if strange:
        raise OfferRulesError(f"{where}: ukendt tilbudsart {', '.join(strange)}.")
    counts = raw.get("counts")
    if not isinstance(counts, bool):
        raise OfferRulesError(f"{where}: counts skal være true eller false.")
    weeks = raw.get("min_weeks")
    if weeks is not None and (isinstance(weeks, bool) or not isinstance(weeks, int) or weeks < 1):
        raise OfferRulesError(f"{where}: min_weeks skal være et helt antal uger.")
    start, end = _period(where, raw)
    return OfferRule(
        tuple(kinds),
        counts,
        weeks,
        _text(where, "cap", raw, required=False),
        start,
        end,
        _text(where, "source", raw),
    )


def _overlap(a: OfferRule, b: OfferRule) -> bool:
    a_end, b_end = a.valid_to or date.max, b.valid_to or date.max
    a_start, b_start = a.valid_from or date.min, b.valid_from or date.min
    return a_start < b_end and b_start < a_end


def parse_offer_rules(text: str) -> OfferRules:
    """Parse offers.toml: [[kind]] and [[rule]] tables. Every kind needs a rule, and the
    rules of one kind may not overlap (one answer on any day)."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise OfferRulesError(f"Tilbudsreglerne kan ikke læses: {exc}") from None
    unknown = sorted(set(doc) - {"kind", "rule"})
    if unknown:
        raise OfferRulesError(f"Ukendt afsnit i tilbudsreglerne: {', '.join(unknown)}.")
    kinds: list[OfferKind] = []
    for number, raw in enumerate(doc.get("kind", []), start=1):
        if not isinstance(raw, Mapping):
            raise OfferRulesError(f"Tilbudsart nr. {number} er ikke en tabel.")
        kind = _parse_kind(raw, number)
        if any(k.code == kind.code for k in kinds):
            raise OfferRulesError(f"Tilbudsart {kind.code} står to gange.")
        kinds.append(kind)
    if not kinds:
        raise OfferRulesError("Der er ingen tilbudsarter ([[kind]]).")
    known = {k.code for k in kinds}
    rules: list[OfferRule] = []
    for number, raw in enumerate(doc.get("rule", []), start=1):
        if not isinstance(raw, Mapping):
            raise OfferRulesError(f"Tilbudsregel nr. {number} er ikke en tabel.")
        rule = _parse_rule(raw, number, known)
        for earlier in rules:
            shared = set(rule.kinds) & set(earlier.kinds)
            if shared and _overlap(rule, earlier):
                raise OfferRulesError(
                    f"Tilbudsregel nr. {number}: overlapper en tidligere regel for "
                    f"{', '.join(sorted(shared))}."
                )
        rules.append(rule)
    missing = sorted(known - {k for r in rules for k in r.kinds})
    if missing:
        raise OfferRulesError(f"Tilbudsart uden regel: {', '.join(missing)}.")
    return OfferRules(tuple(kinds), tuple(rules))


# --- one offer -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OfferInput:
    """One offer as typed in the edit dialog or read from a catalogue file."""

    name: str
    kind: str
    provider: str = ""
    audiences: tuple[str, ...] = ()
    min_age: int | None = None
    max_age: int | None = None
    weeks: int | None = None  # typical duration
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    notes: str = ""


def _clean(text: str) -> str:
    return " ".join(text.split())


def validate_offer(data: OfferInput, known_kinds: set[str]) -> dict[str, str]:
    """Per-field Danish messages; empty when the offer can be saved."""
    errors: dict[str, str] = {}
    name = _clean(data.name)
    if not name:
        errors["name"] = "Skriv tilbuddets navn."
    elif len(name) > MAX_NAME:
        errors["name"] = f"Navnet må højst være {MAX_NAME} tegn."
    if data.kind not in known_kinds:
        errors["kind"] = "Vælg tilbuddets art."
    for key, value in (("provider", data.provider), ("contact_name", data.contact_name)):
        if len(_clean(value)) > MAX_TEXT:
            errors[key] = f"Højst {MAX_TEXT} tegn."
    strange = [a for a in data.audiences if a not in AUDIENCES]
    if strange:
        errors["audiences"] = f"Ukendt målgruppe: {', '.join(strange)}."
    for key, age in (("min_age", data.min_age), ("max_age", data.max_age)):
        if age is not None and not MIN_AGE <= age <= MAX_AGE:
            errors[key] = f"Alderen skal være mellem {MIN_AGE} og {MAX_AGE} år."
    if (
        data.min_age is not None
        and data.max_age is not None
        and "min_age" not in errors
        and "max_age" not in errors
        and data.max_age < data.min_age
    ):
        errors["max_age"] = "Højeste alder skal være mindst den laveste."
    if data.weeks is not None and not 1 <= data.weeks <= MAX_WEEKS:
        errors["weeks"] = f"Varigheden skal være mellem 1 og {MAX_WEEKS} uger."
    phone = data.contact_phone.strip()
    if phone and not _PHONE.match(phone):
        errors["contact_phone"] = "Telefonnummeret skal være 8 cifre (evt. med +45)."
    email = data.contact_email.strip()
    if email and not _EMAIL.match(email):
        errors["contact_email"] = "E-mailadressen ser forkert ud (fx navn@eksempel.dk)."
    if len(data.notes) > MAX_NOTES:
        errors["notes"] = f"Noterne må højst være {MAX_NOTES} tegn."
    return errors


def cleaned(data: OfferInput) -> OfferInput:
    """``data`` with whitespace tidied, as it is saved."""
    return OfferInput(
        name=_clean(data.name),
        kind=data.kind,
        provider=_clean(data.provider),
        audiences=tuple(a for a in AUDIENCES if a in data.audiences),
        min_age=data.min_age,
        max_age=data.max_age,
        weeks=data.weeks,
        contact_name=_clean(data.contact_name),
        contact_phone=data.contact_phone.strip(),
        contact_email=data.contact_email.strip(),
        notes=data.notes.strip(),
    )
