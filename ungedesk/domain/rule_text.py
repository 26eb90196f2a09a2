"""A deadline rule in plain Danish, shared by ``ungedesk rules show`` and the rule browser.

"Første jobsamtale senest 1 uge efter henvendelsen, for jobparate ..., fra 1. jan. 2020":
the rule's own description, who it is for, and from when. Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from ungedesk.domain.rules import Rule

_MONTHS = (
    *("jan.", "feb.", "mar.", "apr.", "maj", "jun."),
    *("jul.", "aug.", "sep.", "okt.", "nov.", "dec."),
)

KIND_LABELS: dict[str, str] = {
    "law": "lov",
    "expected": "forventet lov",
    "local": "lokal standard",
    "historic": "historisk",
}

# What meets a deadline ("opfyldes af jobsamtale") ...
EVENT_LABELS: dict[str, str] = {
    "henvendelse": "henvendelse",
    "jobsamtale": "jobsamtale",
    "uddannelsespaalaeg": "uddannelsespålæg",
    "tilbud_start": "tilbud startet",
    "left_plan": "den unge forlader planen",
    "contact": "kontakt med den unge",
    "new_activity": "ny aktivitet tilbudt",
}
# ... and what starts it ("senest 1 uge efter henvendelsen").
START_LABELS: dict[str, str] = {
    "henvendelse": "henvendelsen",
    "jobsamtale": "jobsamtalen",
    "uddannelsespaalaeg": "uddannelsespålægget",
    "tilbud_start": "tilbuddets start",
    "left_plan": "at den unge har forladt planen",
    "contact": "kontakten",
}


def short_date(day: date) -> str:
    """1. jan. 2020"""
    return f"{day.day}. {_MONTHS[day.month - 1]} {day.year}"


def event_label(kind: str) -> str:
    return EVENT_LABELS.get(kind, kind)


def kind_label(rule: Rule) -> str:
    return KIND_LABELS.get(rule.kind, rule.kind)


def period_text(rule: Rule) -> str:
    """How long: "senest 1 uge efter henvendelsen", "4 gange inden for 6 måneder efter …"."""
    start = START_LABELS.get(rule.start_event, rule.start_event)
    if rule.recurs:
        return f"mindst hver {rule.period.label} efter den forrige (første gang fra {start})"
    if rule.period.amount == 0:
        return f"samme dag som {start}"
    if rule.count > 1:
        return f"{rule.count} gange inden for {rule.period.label} efter {start}"
    return f"senest {rule.period.label} efter {start}"


def meets_text(rule: Rule) -> str:
    return " eller ".join(event_label(m) for m in rule.meets)


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " og " + items[-1]


def _lower_first(label: str) -> str:
    # "Jobparat kontanthjælpsmodtager" reads mid-sentence as "jobparat …"; "KUI" stays.
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


def who_text(rule: Rule, labels: Mapping[str, str] | None = None) -> str:
    """For whom: the target groups' labels (``labels``: code -> label, from the dated
    target-group data the caller loads; a code without one is shown as is) and the ages."""
    parts: list[str] = []
    names = labels or {}
    if rule.target_groups:
        parts.append(_and([_lower_first(names.get(g, g)) for g in rule.target_groups]))
    if rule.min_age is not None and rule.max_age is not None:
        parts.append(f"{rule.min_age}-{rule.max_age} år")
    elif rule.max_age is not None:
        parts.append(f"til og med {rule.max_age} år")
    elif rule.min_age is not None:
        parts.append(f"fra {rule.min_age} år")
    return ", ".join(parts) if parts else "alle"


def dates_text(rule: Rule) -> str:
    """From when to when (valid_to is exclusive: the last day is the day before)."""
    text = f"fra {short_date(rule.valid_from)}"
    if rule.valid_to is not None:
        text += f" til og med {short_date(rule.valid_to - timedelta(days=1))}"
    return text


def sources_text(rule: Rule) -> str:
    """The source, and when it changed by period: "LAB § 31, stk. 1 (fra 1. jan. 2020); …"."""
    if not rule.sources:
        return rule.source
    parts = []
    if rule.sources[0][0] > rule.valid_from:
        parts.append(f"{rule.source} (fra {short_date(rule.valid_from)})")
    parts += [f"{text} (fra {short_date(since)})" for since, text in rule.sources]
    return "; ".join(parts)


def plain_description(rule: Rule, labels: Mapping[str, str] | None = None) -> str:
    """One sentence: what, for whom, from when."""
    who = who_text(rule, labels)
    for_whom = "for alle" if who == "alle" else f"for {who}"
    return f"{rule.description}, {for_whom}, {dates_text(rule)}"


# Where a source's short citation ends and its explanation (which act amended it, what was
# not confirmed) begins: the tables show the citation, the tooltip and detail the whole.
_CITATION_ENDS = (" (", ": ", ", ved ", ", som ", " som ændret", ", medmindre")


def short_citation(source: str) -> str:
    """ "LAB § 31, stk. 5 (jf. LBK nr. 280 af 1. marts 2024)" -> "LAB § 31, stk. 5". A source
    whose cut would leave no paragraph (no "§") is cut only at its parenthesis."""
    cut = min((i for end in _CITATION_ENDS if (i := source.find(end)) > 0), default=len(source))
    short = source[:cut]
    if "§" not in short:
        paren = source.find(" (")
        short = source[:paren] if paren > 0 else source
    return short.strip()
