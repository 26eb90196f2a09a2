"""The management figures' per-case facts, kept ready in ``figure_case`` (issue 17).

A month's figures at 100,000 young people need the facts of the ~45,000 cases open in it:
target-group history, first conversation held, offers, "vendt i døren". Derived from their
own tables on every read that cost 2-3 s; kept as one row per case it is one indexed range.

The kept row is never the truth. The store's triggers (migration 0017) drop a case's row
whenever a table it is derived from changes, and ``bring_up_to_date`` derives the missing
rows (all of them when the derivation or the shipped offer rules changed: a program update)
before any figure is read, so a figure never counts from stale facts.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import Select, String, delete, func, insert, or_, select, type_coerce
from sqlalchemy.orm import Session

from ungedesk.domain.figures import CaseFacts, GroupSpan, OfferSpan, Period
from ungedesk.domain.visitation import ConversationStatus
from ungedesk.services import settings
from ungedesk.store.figure_tables import FigureCase
from ungedesk.store.models import CaseEvent, Conversation, TargetGroupEntry, Visitation, Youth

# Raise when the derivation below changes: every kept row is then derived again.
DERIVATION = "1"
_CHUNK = 500  # ids per IN list, within SQLite's bound-parameter limit


@cache
def _offer_rules_digest() -> str:
    from ungedesk.services.catalogue import OFFER_RULES_FILE  # shipped: read once a process

    return hashlib.sha256(OFFER_RULES_FILE.read_bytes()).hexdigest()[:16]


def fingerprint() -> str:
    """What the kept rows must have been derived with: this derivation and the shipped
    offer rules (whether a catalogue offer's kind counts as an offer on a day)."""
    return f"{DERIVATION}:{_offer_rules_digest()}"


# --- the folded lists -------------------------------------------------------------------


def _quote(code: str) -> str:
    # Codes are identifiers in practice; quoting keeps any text safe in the folded list.
    return code.replace("%", "%25").replace(",", "%2C").replace(" ", "%20")


def _unquote(code: str) -> str:
    if "%" not in code:
        return code
    return code.replace("%20", " ").replace("%2C", ",").replace("%25", "%")


def encode_groups(groups: Iterable[GroupSpan]) -> str:
    return ",".join(f"{g.start.isoformat()} {_quote(g.group)}" for g in groups)


def decode_groups(text: str) -> tuple[GroupSpan, ...]:
    if not text:
        return ()
    if "," not in text:  # most cases: one target group all along
        return (GroupSpan(_unquote(text[11:]), date.fromisoformat(text[:10])),)
    history = [(date.fromisoformat(p[:10]), _unquote(p[11:])) for p in text.split(",")]
    return tuple(
        GroupSpan(group, start, history[i + 1][0] if i + 1 < len(history) else None)
        for i, (start, group) in enumerate(history)
    )


def encode_offers(offers: Iterable[OfferSpan]) -> str:
    return ",".join(
        f"{o.start.isoformat()} {o.end.isoformat() if o.end is not None else '-'}" for o in offers
    )


def decode_offers(text: str) -> tuple[OfferSpan, ...]:
    if not text:
        return ()
    return tuple(
        OfferSpan(date.fromisoformat(p[:10]), None if p[11:] == "-" else date.fromisoformat(p[11:]))
        for p in text.split(",")
    )


# --- deriving from the source tables ----------------------------------------------------

_STARTS = ("tilbud_start", "loentilskud_start")


def _offer_spans(s: Session, relevant: Select[Any]) -> dict[int, list[OfferSpan]]:
    """Each young person's offers: a start opens one, "Tilbud afsluttet" ends the oldest
    one still running (the events do not say which offer ended). A start picked from the
    catalogue whose kind is no offer under the law on that day (a mentor) is not an offer
    here either, as it is not for the deadlines (services.bulk_facts)."""
    from ungedesk.services.bulk_facts import counts_as_offer
    from ungedesk.store.models import Offer

    spans: dict[int, list[OfferSpan]] = defaultdict(list)
    running: dict[int, list[date]] = defaultdict(list)
    kinds: dict[str, str] | None = None
    for youth_id, kind, on, offer_uid in s.execute(
        select(CaseEvent.youth_id, CaseEvent.kind, CaseEvent.on, CaseEvent.offer_uid)
        .where(CaseEvent.kind.in_([*_STARTS, "tilbud_slut"]), CaseEvent.youth_id.in_(relevant))
        .order_by(CaseEvent.youth_id, CaseEvent.on, CaseEvent.id)
    ):
        if kind in _STARTS:
            if offer_uid:
                if kinds is None:  # read once, only when a start names a catalogue offer
                    kinds = {str(u): str(k) for u, k in s.execute(select(Offer.uid, Offer.kind))}
                if not counts_as_offer(kinds.get(offer_uid), on):
                    continue
            running[youth_id].append(on)
        elif running[youth_id]:
            spans[youth_id].append(OfferSpan(running[youth_id].pop(0), on))
    for youth_id, starts in running.items():
        spans[youth_id].extend(OfferSpan(start) for start in starts)
    return spans


def from_sources(s: Session, relevant: Select[Any]) -> list[CaseFacts]:
    """The facts of the cases whose ids ``relevant`` selects, read from their own tables."""
    rows = s.execute(
        select(
            Youth.id,
            Youth.henvendelse_date,
            Youth.closed_on,
            Youth.exit_reason,
            Youth.caseworker_id,
        ).where(Youth.id.in_(relevant))
    ).all()
    spans: dict[int, list[tuple[date, str]]] = defaultdict(list)
    for youth_id, valid_from, group in s.execute(
        select(
            TargetGroupEntry.youth_id, TargetGroupEntry.valid_from, TargetGroupEntry.target_group
        )
        .where(TargetGroupEntry.youth_id.in_(relevant))
        .order_by(TargetGroupEntry.youth_id, TargetGroupEntry.valid_from, TargetGroupEntry.id)
    ):
        spans[youth_id].append((valid_from, group))
    first_held = dict(
        s.execute(
            select(Conversation.youth_id, func.min(Conversation.starts_at))
            .where(
                Conversation.status == ConversationStatus.HELD.value,
                Conversation.youth_id.in_(relevant),
            )
            .group_by(Conversation.youth_id)
        ).all()
    )
    offers = _offer_spans(s, relevant)
    turned_away = set(
        s.scalars(
            select(Visitation.youth_id).where(
                Visitation.turned_away.is_(True), Visitation.youth_id.in_(relevant)
            )
        )
    )
    out: list[CaseFacts] = []
    for youth_id, opened, closed, exit_reason, caseworker_id in rows:
        history = spans.get(youth_id, [])
        groups = tuple(
            GroupSpan(group, start, history[i + 1][0] if i + 1 < len(history) else None)
            for i, (start, group) in enumerate(history)
        )
        held = first_held.get(youth_id)
        out.append(
            CaseFacts(
                youth_id=youth_id,
                opened_on=opened,
                closed_on=closed,
                exit_reason=exit_reason or "",
                groups=groups,
                first_conversation_on=held.date() if held is not None else None,
                caseworker_id=caseworker_id,
                offers=tuple(offers.get(youth_id, ())),
                turned_away_recorded=youth_id in turned_away,
            )
        )
    return out


def _row(case: CaseFacts) -> dict[str, Any]:
    return {
        "youth_id": case.youth_id,
        "caseworker_id": case.caseworker_id,
        "opened_on": case.opened_on,
        "closed_on": case.closed_on,
        "exit_reason": case.exit_reason,
        "groups": encode_groups(case.groups),
        "first_held_on": case.first_conversation_on,
        "offers": encode_offers(case.offers),
        "turned_away": case.turned_away_recorded,
    }


def bring_up_to_date(s: Session) -> int:
    """Derive the kept rows that are missing (all of them after a program update that
    changed the derivation or the offer rules); returns how many were derived."""
    mark = fingerprint()
    if settings.read(s, settings.FIGURE_CASES_COMPUTED_WITH) != mark:
        s.execute(delete(FigureCase))
        settings.write(s, settings.FIGURE_CASES_COMPUTED_WITH, mark)
    missing = select(Youth.id).where(Youth.id.not_in(select(FigureCase.youth_id)))
    if s.execute(missing.limit(1)).first() is None:
        return 0
    cases = from_sources(s, missing)
    for start in range(0, len(cases), 5000):
        s.execute(insert(FigureCase), [_row(c) for c in cases[start : start + 5000]])
    return len(cases)


# --- reading the kept rows --------------------------------------------------------------


def _as_text(column: Any) -> Any:
    # Dates come back as text and are parsed by date.fromisoformat, many times faster than
    # the column type's own parsing over tens of thousands of rows.
    return type_coerce(column, String)


_COLUMNS = (
    FigureCase.youth_id,
    _as_text(FigureCase.opened_on),
    _as_text(FigureCase.closed_on),
    FigureCase.exit_reason,
    FigureCase.groups,
    _as_text(FigureCase.first_held_on),
    FigureCase.caseworker_id,
    FigureCase.offers,
    FigureCase.turned_away,
)


def _facts(rows: Iterable[Sequence[Any]]) -> list[CaseFacts]:
    day = date.fromisoformat
    # Positional, in CaseFacts' field order: tens of thousands of rows a month.
    return [
        CaseFacts(
            youth_id,
            day(opened),
            day(closed) if closed else None,
            reason,
            decode_groups(groups),
            day(held) if held else None,
            worker,
            decode_offers(offers) if offers else (),
            bool(away),
        )
        for youth_id, opened, closed, reason, groups, held, worker, offers, away in rows
    ]


def read(s: Session, caseworker_id: int | None, window: Period | None) -> list[CaseFacts]:
    """The kept facts of the cases (one caseworker's, or all) open at some time in
    ``window`` (all cases without one). Call ``bring_up_to_date`` first in the session."""
    query = select(*_COLUMNS)
    if caseworker_id is not None:
        query = query.where(FigureCase.caseworker_id == caseworker_id)
    if window is not None:
        query = query.where(
            FigureCase.opened_on <= window.end,
            or_(FigureCase.closed_on.is_(None), FigureCase.closed_on >= window.start),
        )
    return _facts(s.connection().execute(query).all())


def read_ids(s: Session, youth_ids: Iterable[int]) -> list[CaseFacts]:
    """The kept facts of the given young people (those that exist)."""
    wanted = sorted(set(youth_ids))
    out: list[CaseFacts] = []
    for start in range(0, len(wanted), _CHUNK):
        chunk = wanted[start : start + _CHUNK]
        out.extend(
            _facts(s.connection().execute(select(*_COLUMNS).where(FigureCase.youth_id.in_(chunk))))
        )
    return out
