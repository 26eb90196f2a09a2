"""Reading deadline rules from TOML text into ``Rule`` values, every field checked.

Each field gets a Danish message naming the rule and the field when it is wrong, so a
municipality editing its local standards (or a rule update file) learns exactly what to fix.
The rule model and the engine live in ``ungedesk.domain.rules``.
"""

from __future__ import annotations

import tomllib
from datetime import date
from typing import Any

from ungedesk.domain.calendar import Period, Unit
from ungedesk.domain.rules import Rule, RuleError

_REQUIRED = ("id", "description", "start_event", "meets", "source", "valid_from")
_KNOWN = {
    *_REQUIRED,
    "period",
    "every",
    "count",
    "target_groups",
    "min_age",
    "max_age",
    "historic",
    "once",
    "local",
    "tightens",
    "valid_to",
    "expected",
    "provisional",
    "sources",
    "unless",
    "due_event",
    "anchor",
    "min_duration",
    "grace",
    "grace_meets",
    "replaces",
    "waivable",
}


def _period(rule_id: str, key: str, raw: object) -> Period:
    if not isinstance(raw, dict) or len(raw) != 1:
        raise RuleError(f"Regel {rule_id}: '{key}' skal have én enhed, fx {{ weeks = 1 }}.")
    ((unit, amount),) = raw.items()
    try:
        parsed_unit = Unit(unit)
    except ValueError:
        raise RuleError(
            f"Regel {rule_id}: ukendt periode {unit!r} i '{key}' "
            "(brug days, working_days, weeks, months)."
        ) from None
    if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
        raise RuleError(f"Regel {rule_id}: '{key}' skal være et helt tal, 0 eller mere.")
    return Period(amount, parsed_unit)


def _int(rule_id: str, key: str, raw: dict[str, object], minimum: int) -> int | None:
    if key not in raw:
        return None
    value = raw[key]
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise RuleError(f"Regel {rule_id}: '{key}' skal være et helt tal, mindst {minimum}.")
    return value


def _strings(rule_id: str, key: str, raw: object) -> tuple[str, ...]:
    if not isinstance(raw, list) or not all(isinstance(v, str) and v for v in raw):
        raise RuleError(f"Regel {rule_id}: '{key}' skal være en liste af tekster.")
    return tuple(raw)


def _date(rule_id: str, key: str, raw: object) -> date:
    if isinstance(raw, date):
        return raw
    try:
        return date.fromisoformat(str(raw))
    except ValueError:
        raise RuleError(f"Regel {rule_id}: {key} skal være en dato som 2027-01-01.") from None


def _sources(rule_id: str, raw: object) -> tuple[tuple[date, str], ...]:
    """``sources = [{ from = 2024-01-01, source = "LAB § 31, stk. 5" }, ...]``."""
    if not isinstance(raw, list) or not all(isinstance(v, dict) for v in raw):
        raise RuleError(f"Regel {rule_id}: 'sources' skal være en liste af {{ from, source }}.")
    out: list[tuple[date, str]] = []
    for item in raw:
        if set(item) != {"from", "source"} or not isinstance(item["source"], str):
            raise RuleError(f"Regel {rule_id}: hver kilde i 'sources' skal have from og source.")
        out.append((_date(rule_id, "sources.from", item["from"]), item["source"]))
    if [d for d, _ in out] != sorted({d for d, _ in out}):
        raise RuleError(f"Regel {rule_id}: 'sources' skal stå i datoorden uden gentagelser.")
    return tuple(out)


def _text(rule_id: str, key: str, raw: dict[str, object]) -> str | None:
    if key not in raw:
        return None
    value = raw[key]
    if not isinstance(value, str) or not value:
        raise RuleError(f"Regel {rule_id}: '{key}' skal være en tekst, fx \"left_plan\".")
    return value


def _flag(rule_id: str, key: str, raw: dict[str, object]) -> bool:
    value = raw.get(key, False)
    if not isinstance(value, bool):
        raise RuleError(f"Regel {rule_id}: '{key}' skal være true eller false.")
    return value


def _waivable(rule_id: str, raw: object) -> dict[str, Any]:
    """``waivable = true`` or ``waivable = { from = 2026-07-01, target_groups = [...] }``."""
    if isinstance(raw, bool):
        return {"waivable": raw}
    if not isinstance(raw, dict) or not set(raw) <= {"from", "target_groups"}:
        raise RuleError(
            f"Regel {rule_id}: 'waivable' skal være true/false eller "
            "{ from = DATO, target_groups = [...] }."
        )
    return {
        "waivable": True,
        "waivable_from": _date(rule_id, "waivable.from", raw["from"]) if "from" in raw else None,
        "waivable_groups": _strings(
            rule_id, "waivable.target_groups", raw.get("target_groups", [])
        ),
    }


def parse_rule(raw: dict[str, object], *, local: bool) -> Rule:
    rule_id = str(raw.get("id", "?"))
    missing = [k for k in _REQUIRED if k not in raw]
    if missing:
        raise RuleError(f"Regel {rule_id}: mangler {', '.join(missing)}.")
    unknown = sorted(set(raw) - _KNOWN)
    if unknown:
        raise RuleError(f"Regel {rule_id}: ukendt felt {', '.join(unknown)}.")
    # A rule has a period (one deadline per start event), an interval (a chain) or a due
    # date taken from an event (due_event), exactly one of them.
    due_event = _text(rule_id, "due_event", raw)
    if sum(k in raw for k in ("period", "every", "due_event")) != 1:
        if due_event is not None:
            raise RuleError(
                f"Regel {rule_id}: 'due_event' kan ikke bruges sammen med 'period' eller 'every'."
            )
        raise RuleError(f"Regel {rule_id}: angiv enten 'period' eller 'every' (præcis én af dem).")
    recurs = "every" in raw
    if due_event is not None:
        period = Period(0, Unit.DAYS)  # not used: the due date is the event's own date
    else:
        key = "every" if recurs else "period"
        period = _period(rule_id, key, raw[key])
    count = _int(rule_id, "count", raw, 1) or 1
    if recurs:
        if period.amount < 1:
            raise RuleError(f"Regel {rule_id}: 'every' skal være mindst 1 (fx {{ months = 2 }}).")
        if count != 1:
            raise RuleError(
                f"Regel {rule_id}: 'count' kan ikke bruges med 'every' "
                "(hver samtale åbner den næste frist)."
            )
    meets = _strings(rule_id, "meets", raw["meets"])
    if not meets:
        raise RuleError(f"Regel {rule_id}: 'meets' skal nævne mindst én hændelse.")
    valid_from = _date(rule_id, "valid_from", raw["valid_from"])
    valid_to = _date(rule_id, "valid_to", raw["valid_to"]) if "valid_to" in raw else None
    if valid_to is not None and valid_to <= valid_from:
        raise RuleError(f"Regel {rule_id}: valid_to skal ligge efter valid_from.")
    tightens = raw.get("tightens")
    anchor = _text(rule_id, "anchor", raw)
    if recurs and (anchor is not None or "unless" in raw):
        raise RuleError(f"Regel {rule_id}: 'anchor' og 'unless' kan ikke bruges med 'every'.")
    grace = _period(rule_id, "grace", raw["grace"]) if "grace" in raw else None
    grace_meets = _strings(rule_id, "grace_meets", raw.get("grace_meets", []))
    if (grace is None) != (not grace_meets):
        raise RuleError(f"Regel {rule_id}: 'grace' og 'grace_meets' skal angives sammen.")
    if recurs and grace is not None:
        raise RuleError(f"Regel {rule_id}: 'grace' kan ikke bruges med 'every'.")
    min_duration = (
        _period(rule_id, "min_duration", raw["min_duration"]) if "min_duration" in raw else None
    )
    return Rule(
        id=rule_id,
        description=str(raw["description"]),
        start_event=str(raw["start_event"]),
        period=period,
        meets=meets,
        source=str(raw["source"]),
        valid_from=valid_from,
        valid_to=valid_to,
        count=count,
        target_groups=_strings(rule_id, "target_groups", raw.get("target_groups", [])),
        min_age=_int(rule_id, "min_age", raw, 0),
        max_age=_int(rule_id, "max_age", raw, 0),
        historic=_flag(rule_id, "historic", raw),
        once=_flag(rule_id, "once", raw),
        local=local or _flag(rule_id, "local", raw),
        tightens=None if tightens is None else str(tightens),
        recurs=recurs,
        expected=_flag(rule_id, "expected", raw),
        provisional=_flag(rule_id, "provisional", raw),
        sources=_sources(rule_id, raw["sources"]) if "sources" in raw else (),
        unless=_strings(rule_id, "unless", raw.get("unless", [])),
        due_event=due_event,
        anchor=anchor,
        min_duration=min_duration,
        grace=grace,
        grace_meets=grace_meets,
        replaces=_strings(rule_id, "replaces", raw.get("replaces", [])),
        **_waivable(rule_id, raw.get("waivable", False)),
    )


def parse_rules(text: str, *, local: bool = False) -> list[Rule]:
    """Rules from TOML text: ``[[rule]]`` tables. Raises RuleError with a Danish message."""
    try:
        doc = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"Regelfilen kan ikke læses: {exc}") from None
    # A top-level ``version = "YYYY-MM-DD"`` dates the rule set as a whole; the rules
    # themselves do not depend on it.
    version = doc.get("version")
    if version is not None and not isinstance(version, str | date):
        raise RuleError("Regelfilen: 'version' skal være en dato som \"2026-12-01\".")
    tables = doc.get("rule", [])
    if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
        raise RuleError("Regelfilen skal bestå af [[rule]]-tabeller.")
    rules: list[Rule] = []
    seen: set[str] = set()
    for raw in tables:
        rule = parse_rule(raw, local=local)
        if rule.id in seen:
            raise RuleError(f"Regel {rule.id} findes to gange.")
        seen.add(rule.id)
        rules.append(rule)
    for rule in rules:
        if rule.replaces and rule.local:
            raise RuleError(
                f"Regel {rule.id}: en lokal standard kan ikke erstatte en lovregel ('replaces')."
            )
        unknown = [r for r in rule.replaces if r not in seen]
        if unknown:
            raise RuleError(
                f"Regel {rule.id}: 'replaces' nævner en ukendt regel: {', '.join(unknown)}."
            )
    return rules
