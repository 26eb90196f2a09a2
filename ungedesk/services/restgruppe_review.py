"""The coordination group's monthly meeting over an imported list (domain.restgruppe).

Per young person on the month's list: misplaced (with the reason; out of the count), the
action owner, the contact status and the tries, the next step with a date, and a sanction
recommendation with its reason and who decided it. Repeaters carry how many months in a row
they have been on the list; the unreachable are grouped by the screen; those more than a
month on the list are flagged with the step the municipality has set.

A registered young person's review is part of their case: a reached contact is recorded as a
KUI contact (domain.kui: the young person and the parents) and "left the plan" starts the
KUI deadlines through the rules engine, in the same transaction as the review's own write.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from ungedesk.domain import cpr as cpr_numbers
from ungedesk.domain.errors import InputError
from ungedesk.domain.kui import Reached
from ungedesk.domain.restgruppe import (
    ContactStatus,
    ContactWay,
    EntryFacts,
    MonthFigures,
    month_figures,
    months_in_a_row,
    previous_month,
)
from ungedesk.services import audit, settings, visitation
from ungedesk.services.audit import Action
from ungedesk.services.restgruppe_import import month_key, month_label
from ungedesk.store.database import Store
from ungedesk.store.models import Youth
from ungedesk.store.restgruppe_tables import RestgruppeAttempt, RestgruppeEntry, RestgruppeList

MAX_TEXT = 2000
MAX_NAME = 120
FIGURE_MONTHS = 12


def _first_of(key: str) -> date:
    return date(int(key[:4]), int(key[5:7]), 1)


@dataclass(frozen=True, slots=True)
class AttemptView:
    on: date
    how: ContactWay
    reached: Reached
    note: str
    recorded_by: str


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    id: int
    line: int
    cpr: str  # for registering the young person; shown masked
    masked_cpr: str
    name: str
    school: str
    status: str
    youth_id: int | None
    streak: int  # months in a row on the list, this one included
    misplaced_reason: str
    action_owner: str
    contact_status: ContactStatus
    attempts: tuple[AttemptView, ...]
    next_step: str
    next_step_on: date | None
    sanction_reason: str
    sanction_decided_by: str
    back_in_education_on: date | None

    @property
    def misplaced(self) -> bool:
        return bool(self.misplaced_reason)

    @property
    def repeater(self) -> bool:
        return self.streak >= 2

    @property
    def sanction_recommended(self) -> bool:
        return bool(self.sanction_reason)


@dataclass(frozen=True, slots=True)
class MonthReview:
    month: date
    entries: tuple[ReviewEntry, ...]
    long_on_list_step: str  # the municipality's next step for those over a month on it
    figures: MonthFigures


@dataclass(frozen=True, slots=True)
class ReviewInput:
    misplaced_reason: str = ""
    action_owner: str = ""
    contact_status: ContactStatus = ContactStatus.NOT_TRIED
    next_step: str = ""
    next_step_on: date | None = None
    sanction_reason: str = ""
    sanction_decided_by: str = ""
    back_in_education_on: date | None = None


@dataclass(frozen=True, slots=True)
class AttemptInput:
    on: date
    how: ContactWay
    reached: Reached = Reached.UNKNOWN  # UNKNOWN: tried, nobody reached
    note: str = ""


def owner_choices(store: Store) -> list[str]:
    """Who can hold the action responsibility: the active caseworkers, then the active
    actors (units and people around the young people), as the review's list offers them."""
    from ungedesk.services import actors, caseworkers

    with store.session() as s:
        people = [c.name for c in caseworkers.list_in(s)]
        others = [
            f"{a.name} ({a.organisation})" if a.organisation else a.name
            for a in actors.list_in(s, active_only=True)
        ]
    return people + sorted(set(others) - set(people))


def months(store: Store) -> list[date]:
    """The months that have a list, newest first."""
    with store.session() as s:
        keys = s.scalars(
            select(RestgruppeList.month)
            .where(RestgruppeList.month.not_like("old:%"))
            .order_by(RestgruppeList.month.desc())
        )
        return [_first_of(k) for k in keys]


def _link_registered(s: Session, list_id: int) -> None:
    """Young people registered since the import are found by their CPR number now."""
    registered = select(Youth.id).where(Youth.cpr == RestgruppeEntry.cpr).scalar_subquery()
    s.execute(
        update(RestgruppeEntry)
        .where(RestgruppeEntry.list_id == list_id, RestgruppeEntry.youth_id.is_(None))
        .values(youth_id=registered)
        .execution_options(synchronize_session=False)
    )


def _streaks(s: Session, month: date, list_id: int) -> dict[str, int]:
    """Months in a row on the list for everyone on the month's list (misplaced months are
    not months on the list)."""
    on_this_list = select(RestgruppeEntry.cpr).where(RestgruppeEntry.list_id == list_id)
    listed: dict[str, list[date]] = defaultdict(list)
    rows = s.execute(
        select(RestgruppeEntry.cpr, RestgruppeList.month)
        .join(RestgruppeList, RestgruppeList.id == RestgruppeEntry.list_id)
        .where(
            RestgruppeEntry.cpr.in_(on_this_list),
            RestgruppeEntry.misplaced_reason == "",
            RestgruppeList.month <= month_key(month),
            RestgruppeList.month.not_like("old:%"),
        )
    )
    for cpr, key in rows:
        listed[cpr].append(_first_of(key))
    return defaultdict(lambda: 1, {c: max(1, months_in_a_row(month, m)) for c, m in listed.items()})


def _list(s: Session, month: date) -> RestgruppeList:
    listing = s.scalar(select(RestgruppeList).where(RestgruppeList.month == month_key(month)))
    if listing is None:
        raise InputError({"month": f"Der er ingen liste for {month_label(month)}."})
    return listing


def _attempts(s: Session, entry_ids: list[int]) -> dict[int, list[AttemptView]]:
    out: dict[int, list[AttemptView]] = defaultdict(list)
    for a in s.scalars(
        select(RestgruppeAttempt)
        .where(RestgruppeAttempt.entry_id.in_(entry_ids))
        .order_by(RestgruppeAttempt.on, RestgruppeAttempt.id)
    ):
        out[a.entry_id].append(
            AttemptView(a.on, ContactWay(a.how), Reached(a.reached), a.note, a.recorded_by)
        )
    return out


def _view(e: RestgruppeEntry, streak: int, attempts: list[AttemptView]) -> ReviewEntry:
    return ReviewEntry(
        id=e.id,
        line=e.line,
        cpr=e.cpr,
        masked_cpr=cpr_numbers.mask(e.cpr),
        name=f"{e.first_name} {e.last_name}".strip(),
        school=e.school,
        status=e.status,
        youth_id=e.youth_id,
        streak=streak,
        misplaced_reason=e.misplaced_reason,
        action_owner=e.action_owner,
        contact_status=ContactStatus(e.contact_status),
        attempts=tuple(attempts),
        next_step=e.next_step,
        next_step_on=e.next_step_on,
        sanction_reason=e.sanction_reason,
        sanction_decided_by=e.sanction_decided_by,
        back_in_education_on=e.back_in_education_on,
    )


def _facts(entry: ReviewEntry) -> EntryFacts:
    return EntryFacts(
        misplaced=entry.misplaced,
        streak=entry.streak,
        contact=entry.contact_status,
        back_in_education=entry.back_in_education_on is not None,
    )


def review_in(s: Session, month: date) -> MonthReview:
    """The month's review inside the caller's transaction (the minutes read it with their
    export log row); nothing is logged here."""
    listing = _list(s, month)
    _link_registered(s, listing.id)
    rows = list(
        s.scalars(
            select(RestgruppeEntry)
            .where(RestgruppeEntry.list_id == listing.id)
            .order_by(RestgruppeEntry.last_name, RestgruppeEntry.first_name, RestgruppeEntry.id)
        )
    )
    streaks = _streaks(s, month, listing.id)
    attempts = _attempts(s, [e.id for e in rows])
    entries = tuple(_view(e, streaks[e.cpr], attempts[e.id]) for e in rows)
    return MonthReview(
        month=month,
        entries=entries,
        long_on_list_step=settings.read(s, settings.RESTGRUPPE_LONG_STEP),
        figures=month_figures(month, [_facts(e) for e in entries]),
    )


def review(store: Store, month: date) -> MonthReview:
    """The month's list for the meeting; reading it is logged (it names young people)."""
    with store.session() as s:
        result = review_in(s, month)
        audit.record(
            s,
            Action.READ,
            subject=f"Koordinationsgruppens liste {month_key(month)}",
            detail=f"{len(result.entries)} unge",
        )
        return result


def _entry(s: Session, entry_id: int) -> RestgruppeEntry:
    entry = s.get(RestgruppeEntry, entry_id)
    if entry is None:
        raise InputError({"entry": "Den unge står ikke længere på listen (listen er erstattet)."})
    return entry


def _check(data: ReviewInput, today: date) -> dict[str, str]:
    errors: dict[str, str] = {}
    for field, value, limit in (
        ("misplaced_reason", data.misplaced_reason, MAX_TEXT),
        ("next_step", data.next_step, MAX_TEXT),
        ("sanction_reason", data.sanction_reason, MAX_TEXT),
        ("action_owner", data.action_owner, MAX_NAME),
        ("sanction_decided_by", data.sanction_decided_by, MAX_NAME),
    ):
        if len(value.strip()) > limit:
            errors[field] = f"Højst {limit:,} tegn.".replace(",", ".")
    if data.next_step_on is not None and not data.next_step.strip():
        errors["next_step"] = "Skriv hvad det næste skridt er, når det har en dato."
    if data.sanction_reason.strip() and not data.sanction_decided_by.strip():
        errors["sanction_decided_by"] = "Skriv hvem der besluttede at anbefale sanktionen."
    if data.back_in_education_on is not None and data.back_in_education_on > today:
        errors["back_in_education_on"] = "Datoen kan ikke ligge i fremtiden."
    return errors


def save(store: Store, entry_id: int, data: ReviewInput, *, today: date) -> ReviewEntry:
    """Write what the group decided about one young person on the list."""
    errors = _check(data, today)
    if errors:
        raise InputError(errors)
    with store.session() as s:
        entry = _entry(s, entry_id)
        entry.misplaced_reason = data.misplaced_reason.strip()
        entry.action_owner = data.action_owner.strip()
        entry.contact_status = data.contact_status.value
        entry.next_step = data.next_step.strip()
        entry.next_step_on = data.next_step_on
        entry.sanction_reason = data.sanction_reason.strip()
        entry.sanction_decided_by = data.sanction_decided_by.strip() if data.sanction_reason else ""
        entry.back_in_education_on = data.back_in_education_on
        s.flush()
        # The reasons can describe the young person's life: they stay out of the log.
        audit.record(
            s,
            Action.UPDATE,
            youth_id=entry.youth_id,
            subject="Koordinationsgruppens liste",
            detail="Gennemgang ændret" + (": sanktion anbefalet" if entry.sanction_reason else ""),
        )
        return _one(s, entry)


def _one(s: Session, entry: RestgruppeEntry) -> ReviewEntry:
    listing = s.get(RestgruppeList, entry.list_id)
    assert listing is not None  # the foreign key holds it
    month = _first_of(listing.month)
    streak = _streaks(s, month, listing.id)[entry.cpr]
    return _view(entry, streak, _attempts(s, [entry.id])[entry.id])


def add_attempt(store: Store, entry_id: int, data: AttemptInput, *, today: date) -> ReviewEntry:
    """Record one try to reach the young person. A reached contact with a registered young
    person is also their KUI contact (the deadline for contact counts it)."""
    errors: dict[str, str] = {}
    if data.on > today:
        errors["on"] = "Datoen kan ikke ligge i fremtiden."
    if len(data.note.strip()) > MAX_TEXT:
        errors["note"] = f"Højst {MAX_TEXT:,} tegn.".replace(",", ".")
    if errors:
        raise InputError(errors)
    with store.session() as s:
        entry = _entry(s, entry_id)
        _actor_id, actor = audit.current_actor(s)
        s.add(
            RestgruppeAttempt(
                entry_id=entry.id,
                youth_id=entry.youth_id,
                on=data.on,
                how=data.how.value,
                reached=data.reached.value,
                note=data.note.strip(),
                recorded_by=actor,
            )
        )
        if data.reached is not Reached.UNKNOWN:
            entry.contact_status = ContactStatus.REACHED.value
        elif entry.contact_status == ContactStatus.NOT_TRIED.value:
            entry.contact_status = ContactStatus.TRIED.value
        s.flush()
        if entry.youth_id is not None and data.reached is not Reached.UNKNOWN:
            visitation.record_event_in(
                s, entry.youth_id, "contact", data.on, data.note, reached=data.reached
            )
        else:
            audit.record(
                s,
                Action.UPDATE,
                youth_id=entry.youth_id,
                subject="Koordinationsgruppens liste",
                detail="Kontaktforsøg registreret",
            )
        return _one(s, entry)


def record_left_plan(
    store: Store, entry_id: int, left_on: date, learned_on: date, *, today: date
) -> ReviewEntry:
    """The young person on the list has left their plan: the KUI deadlines start (contact
    within five working days, the parents included; a new activity within 30 days)."""
    errors: dict[str, str] = {}
    if left_on > today:
        errors["left_on"] = "Datoen kan ikke ligge i fremtiden."
    if learned_on > today:
        errors["learned_on"] = "Datoen kan ikke ligge i fremtiden."
    elif learned_on < left_on:
        errors["learned_on"] = (
            "Kommunen kan ikke have fået kendskab til det, før den unge forlod planen."
        )
    with store.session() as s:
        entry = _entry(s, entry_id)
        if entry.youth_id is None:
            errors["entry"] = "Registrér den unge først; så kan fristerne beregnes."
        if errors:
            raise InputError(errors)
        assert entry.youth_id is not None
        visitation.record_event_in(
            s,
            entry.youth_id,
            "left_plan",
            left_on,
            "Fra koordinationsgruppens liste",
            learned_on=learned_on,
        )
        return _one(s, entry)


def figures(store: Store, until: date, count: int = FIGURE_MONTHS) -> list[MonthFigures]:
    """The figures of the ``count`` months up to ``until`` that have a list, oldest first."""
    with store.session() as s:
        return figures_in(s, until, count)


def figures_in(s: Session, until: date, count: int = FIGURE_MONTHS) -> list[MonthFigures]:
    """``figures`` inside the caller's transaction."""
    wanted: list[date] = []
    month = date(until.year, until.month, 1)
    for _ in range(count):
        wanted.append(month)
        month = previous_month(month)
    out: list[MonthFigures] = []
    have = set(
        s.scalars(
            select(RestgruppeList.month).where(
                RestgruppeList.month.in_([month_key(m) for m in wanted])
            )
        )
    )
    for month in reversed(wanted):
        if month_key(month) in have:
            out.append(review_in(s, month).figures)
    return out
