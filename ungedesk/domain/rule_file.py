"""A whole rule file as the lawdata team ships it, checked as a schema, and what changes.

A rule file is the TOML of resources/rules/deadlines.toml with a top-level
``version = "YYYY-MM-DD"``: the date the legal content was last revised. A newer file can be
loaded into a running installation (services.rulesets); before it is used it is checked here
field by field, so a mistake in the file is reported in Danish, naming the rule and the field,
and never silently changes a deadline:

- the file is at most ``MAX_RULE_FILE_BYTES`` and UTF-8;
- the TOML is well-formed; only ``version`` and ``rule`` at the top level;
- every rule: the known fields only (rule_parsing.parse_rule), text fields as non-empty text, dates
  as dates (not date-times), ids unique.

``diff_rules`` compares two rule sets for the preview: rules added, removed and changed
(which fields, old -> new). Pure: no I/O.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from ungedesk.domain.rule_parsing import parse_rule
from ungedesk.domain.rules import Rule, RuleError

MAX_RULE_FILE_BYTES = 1024 * 1024  # the shipped file is ~10 KB; a megabyte is no rule file
TOP_LEVEL_KEYS = ("version", "rule")
_TEXT_FIELDS = ("id", "description", "start_event", "source", "tightens")
_DATE_FIELDS = ("valid_from", "valid_to")


@dataclass(frozen=True, slots=True)
class RuleFile:
    version: date
    rules: tuple[Rule, ...]


def _version(raw: object) -> date:
    if isinstance(raw, datetime):
        raise RuleError("Regelfilen: 'version' skal være en dato som 2027-01-01, uden klokkeslæt.")
    if isinstance(raw, date):
        return raw
    if isinstance(raw, str):
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
    raise RuleError("Regelfilen: 'version' skal være en dato som \"2027-01-01\".")


def _check_fields(raw: dict[str, object], number: int) -> None:
    """The type checks parse_rule leaves to str(): a number where text belongs is refused."""
    rule_id = raw.get("id")
    name = rule_id if isinstance(rule_id, str) and rule_id else f"nr. {number}"
    for key in _TEXT_FIELDS:
        if key in raw and not (isinstance(raw[key], str) and str(raw[key]).strip()):
            raise RuleError(f"Regel {name}: '{key}' skal være en tekst, der ikke er tom.")
    for key in _DATE_FIELDS:
        value = raw.get(key)
        if isinstance(value, datetime):
            raise RuleError(f"Regel {name}: '{key}' skal være en dato uden klokkeslæt.")
        if key in raw and not isinstance(value, (date, str)):
            raise RuleError(f"Regel {name}: '{key}' skal være en dato som 2027-01-01.")


def decode_rule_file(data: bytes) -> str:
    """The file's text: size first (before anything is parsed), then UTF-8."""
    if len(data) > MAX_RULE_FILE_BYTES:
        raise RuleError(
            f"Regelfilen er for stor ({len(data) // 1024} KB); en regelfil er højst "
            f"{MAX_RULE_FILE_BYTES // 1024} KB."
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise RuleError(
            f"Regelfilen er ikke gemt som UTF-8 (ugyldigt tegn ved byte {exc.start}). "
            "Gem den som UTF-8 og prøv igen."
        ) from None


def parse_rule_file(data: bytes | str) -> RuleFile:
    """A rule file from its bytes (or text). Raises RuleError with a Danish message."""
    text = decode_rule_file(data) if isinstance(data, bytes) else data
    if len(text.encode("utf-8")) > MAX_RULE_FILE_BYTES:
        decode_rule_file(text.encode("utf-8"))  # raises the size message
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"Regelfilen er ikke gyldig TOML: {exc}.") from None
    unknown = sorted(set(doc) - set(TOP_LEVEL_KEYS))
    if unknown:
        raise RuleError(
            f"Regelfilen: ukendt felt {', '.join(unknown)} øverst i filen "
            "(kun 'version' og [[rule]] er tilladt)."
        )
    if "version" not in doc:
        raise RuleError("Regelfilen mangler 'version = \"ÅÅÅÅ-MM-DD\"' øverst i filen.")
    version = _version(doc["version"])
    tables = doc.get("rule", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise RuleError("Regelfilen skal bestå af [[rule]]-tabeller.")
    if not tables:
        raise RuleError("Regelfilen indeholder ingen regler ([[rule]]).")
    rules: list[Rule] = []
    seen: set[str] = set()
    for number, raw in enumerate(tables, start=1):
        _check_fields(raw, number)
        rule = parse_rule(raw, local=False)
        if rule.id in seen:
            raise RuleError(f"Regel {rule.id}: 'id' findes to gange i filen.")
        seen.add(rule.id)
        rules.append(rule)
    return RuleFile(version, tuple(rules))


def file_version(text: str) -> date | None:
    """The ``version`` of a rule file read leniently (the shipped file may predate it)."""
    try:
        raw = tomllib.loads(text).get("version")
        return None if raw is None else _version(raw)
    except (tomllib.TOMLDecodeError, RuleError):
        return None


# --- which rules apply -----------------------------------------------------------------


def rules_in_force(rules: Iterable[Rule], day: date, target_group: str | None = None) -> list[Rule]:
    """Rules whose period covers ``day`` (for ``target_group``: those naming it or everyone)."""
    return [
        r
        for r in rules
        if r.in_force_on(day)
        and (target_group is None or not r.target_groups or target_group in r.target_groups)
    ]


# --- the difference between two rule sets ----------------------------------------------


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: str
    new: str


@dataclass(frozen=True, slots=True)
class RuleChange:
    kind: ChangeKind
    rule: Rule  # the new rule (the old one when removed)
    fields: tuple[FieldChange, ...] = ()


def _text(value: object) -> str:
    if value is None or value == () or value == "":
        return "-"
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(_text(v) for v in value)
    return str(value)


def rule_fields(rule: Rule) -> dict[str, str]:
    """A rule as the file's field names and display texts (for a diff)."""
    return {
        "description": rule.description,
        "start_event": rule.start_event,
        "every" if rule.recurs else "period": rule.period.label,
        "count": str(rule.count),
        "meets": _text(rule.meets),
        "target_groups": _text(rule.target_groups),
        "min_age": _text(rule.min_age),
        "max_age": _text(rule.max_age),
        "valid_from": _text(rule.valid_from),
        "valid_to": _text(rule.valid_to),
        "historic": _text(rule.historic),
        "once": _text(rule.once),
        "local": _text(rule.local),
        "tightens": _text(rule.tightens),
        "expected": _text(rule.expected),
        "provisional": _text(rule.provisional),
        "source": rule.source,
        "sources": "; ".join(f"fra {d.isoformat()}: {s}" for d, s in rule.sources) or "-",
    }


def diff_rules(old: Sequence[Rule], new: Sequence[Rule]) -> list[RuleChange]:
    """Rules added, removed and changed from ``old`` to ``new``, in the new file's order
    (removed ones last, in the old order)."""
    before = {r.id: r for r in old}
    after_ids = {r.id for r in new}
    out: list[RuleChange] = []
    for rule in new:
        previous = before.get(rule.id)
        if previous is None:
            out.append(RuleChange(ChangeKind.ADDED, rule))
            continue
        if previous == rule:
            continue
        a, b = rule_fields(previous), rule_fields(rule)
        fields = tuple(
            FieldChange(key, a.get(key, "-"), b.get(key, "-"))
            for key in dict.fromkeys([*a, *b])
            if a.get(key, "-") != b.get(key, "-")
        )
        # A field this diff does not know yet (added to Rule later) still shows as a change.
        out.append(RuleChange(ChangeKind.CHANGED, rule, fields or (FieldChange("andet", "", ""),)))
        continue
    out.extend(RuleChange(ChangeKind.REMOVED, r) for r in old if r.id not in after_ids)
    return out
