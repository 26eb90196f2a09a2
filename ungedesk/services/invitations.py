"""Calendar invitations (.ics) for booked conversations, and the UU counsellor's free slots.

The .ics file leaves the encrypted store, so it carries no CPR number and no name: only
what, when and where. Free slots are 45-minute steps within the configured UU hours
(setting "uu_slots") that no booked conversation overlaps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from ungedesk.domain.errors import FileError, InputError
from ungedesk.domain.visitation import Mode
from ungedesk.services import conversations, settings
from ungedesk.services.conversations import ConversationView
from ungedesk.services.unit import FALLBACK, unit_name_in
from ungedesk.store.database import Store
from ungedesk.store.paths import write_private_atomic

COPENHAGEN = ZoneInfo("Europe/Copenhagen")
SLOT_MINUTES = 45


@dataclass(frozen=True, slots=True)
class WeeklyHours:
    weekday: int  # Monday is 0
    start: time
    end: time


def _hours(raw: object) -> list[WeeklyHours]:
    out: list[WeeklyHours] = []
    if not isinstance(raw, list):
        return out
    for item in raw:
        try:
            hours = WeeklyHours(
                int(item["weekday"]),
                time.fromisoformat(str(item["start"])),
                time.fromisoformat(str(item["end"])),
            )
        except (KeyError, TypeError, ValueError):
            continue
        if 0 <= hours.weekday <= 6 and hours.start < hours.end:
            out.append(hours)
    return out


def uu_hours(store: Store) -> list[WeeklyHours]:
    """The UU counsellor's weekly hours (the default: Tuesday and Thursday 9-12)."""
    with store.session() as s:
        return hours_in(s)


def hours_in(session: Session) -> list[WeeklyHours]:
    """``uu_hours`` inside the caller's transaction."""
    return _hours(settings.read(session, settings.UU_SLOTS))


def set_uu_hours(store: Store, hours: list[WeeklyHours]) -> None:
    with store.session() as s:
        write_uu_hours(s, hours)


def write_uu_hours(session: Session, hours: list[WeeklyHours]) -> None:
    """``set_uu_hours`` inside the caller's transaction."""
    settings.write(
        session,
        settings.UU_SLOTS,
        [
            {"weekday": h.weekday, "start": f"{h.start:%H:%M}", "end": f"{h.end:%H:%M}"}
            for h in hours
        ],
    )


_WEEKDAYS = ("man", "tir", "ons", "tor", "fre", "lør", "søn")
_HOURS_RE = re.compile(r"^(\w+)\s+(\d{1,2})(?:[.:](\d{2}))?\s*-\s*(\d{1,2})(?:[.:](\d{2}))?$")


def format_hours(hours: list[WeeklyHours]) -> str:
    """Danish text for the settings field, e.g. "tir 09.00-12.00, tor 09.00-12.00"."""
    return ", ".join(f"{_WEEKDAYS[h.weekday]} {h.start:%H.%M}-{h.end:%H.%M}" for h in hours)


def parse_hours(text: str) -> list[WeeklyHours]:
    """Parse the settings field; InputError with a Danish message names the bad part."""
    hours: list[WeeklyHours] = []
    for part in (p.strip() for p in text.replace(";", ",").split(",")):
        if not part:
            continue
        match = _HOURS_RE.match(part.casefold())
        day = match.group(1)[:3] if match else ""
        if match is None or day not in _WEEKDAYS:
            raise InputError(
                {
                    "uu_hours": (
                        f"Forstår ikke »{part}«. Skriv fx »tir 9-12, tor 9.00-12.00« "
                        "(man, tir, ons, tor, fre, lør, søn)."
                    )
                }
            )
        try:
            start = time(int(match.group(2)), int(match.group(3) or 0))
            end = time(int(match.group(4)), int(match.group(5) or 0))
        except ValueError:
            raise InputError({"uu_hours": f"Klokkeslættet i »{part}« findes ikke."}) from None
        if start >= end:
            raise InputError({"uu_hours": f"I »{part}« skal sluttiden ligge efter starten."})
        hours.append(WeeklyHours(_WEEKDAYS.index(day), start, end))
    return sorted(hours, key=lambda h: (h.weekday, h.start))


def candidate_slots(hours: list[WeeklyHours], after: datetime, days: int) -> list[datetime]:
    """Every slot start within the hours from ``after`` on, for ``days`` days."""
    out: list[datetime] = []
    step = timedelta(minutes=SLOT_MINUTES)
    for offset in range(days):
        day: date = after.date() + timedelta(days=offset)
        for h in hours:
            if h.weekday != day.weekday():
                continue
            at = datetime.combine(day, h.start)
            end = datetime.combine(day, h.end)
            while at + step <= end:
                if at >= after:
                    out.append(at)
                at += step
    return sorted(set(out))


def free_slots(store: Store, after: datetime, *, count: int = 8, days: int = 28) -> list[datetime]:
    """The next ``count`` UU slots from ``after`` that no booked conversation overlaps."""
    with store.session() as s:
        return free_slots_in(s, after, count=count, days=days)


def free_slots_in(
    session: Session, after: datetime, *, count: int = 8, days: int = 28
) -> list[datetime]:
    candidates = candidate_slots(hours_in(session), after, days)
    if not candidates:
        return []
    booked = conversations.booked_between_in(
        session, candidates[0] - timedelta(hours=8), candidates[-1] + timedelta(hours=8)
    )
    step = timedelta(minutes=SLOT_MINUTES)
    free = [
        at
        for at in candidates
        if not any(b < at + step and at < b + timedelta(minutes=m) for b, m in booked)
    ]
    return free[:count]


@dataclass(frozen=True, slots=True)
class ConversationsTab:
    """What the record's conversations tab (and its booking dialog) starts from, read in
    one transaction: the young person's conversations, newest first, and the next free UU
    slots after ``now``. It lives here rather than in services.conversations because the
    free slots are this module's (which already builds on conversations)."""

    history: tuple[ConversationView, ...]
    free_slots: tuple[datetime, ...]
    now: datetime


def conversations_tab(store: Store, youth_id: int, now: datetime) -> ConversationsTab:
    with store.session() as s:
        return ConversationsTab(
            tuple(conversations.for_youth_in(s, youth_id)), tuple(free_slots_in(s, now)), now
        )


def summary(municipality: str, unit: str = "") -> str:
    """The invitation's title: the unit the municipality has named ("Samtale hos
    Ungeindsatsen Vestby, Vestby Kommune"), never "Jobcentret" (gone from the law on
    1 February 2026); without a unit name, the municipality or plainly "kommunen"."""
    unit = unit.strip()
    if unit and unit != FALLBACK:
        return f"Samtale hos {unit}, {municipality}" if municipality else f"Samtale hos {unit}"
    return f"Samtale hos {municipality}" if municipality else f"Samtale hos {FALLBACK}"


def build_ics(
    conversation: ConversationView,
    municipality: str,
    *,
    unit: str = "",
    stamp: datetime | None = None,
) -> bytes:
    """One VEVENT for the conversation: Danish summary, Copenhagen times, the place.
    No CPR number and no name anywhere in the file."""
    start = conversation.starts_at.replace(tzinfo=COPENHAGEN)
    end = start + timedelta(minutes=conversation.duration_minutes)
    import icalendar  # only when an invitation is written

    cal = icalendar.Calendar()
    cal.add("prodid", "-//UngeDesk//Samtaler//DA")
    cal.add("version", "2.0")
    cal.add("method", "PUBLISH")
    event = icalendar.Event()
    event.add("uid", f"ungedesk-samtale-{conversation.id}-{start:%Y%m%dT%H%M}@ungedesk")
    event.add("dtstamp", stamp or datetime.now(COPENHAGEN))
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("summary", summary(municipality, unit))
    if conversation.mode is Mode.IN_PERSON:
        location = conversation.place or municipality
    else:
        location = conversation.mode_label
    if location:
        event.add("location", location)
    event.add(
        "description",
        f"{conversation.kind_label} ({conversation.mode_label}, "
        f"{conversation.duration_minutes} minutter).",
    )
    cal.add_component(event)
    return bytes(cal.to_ical())


def default_file_name(conversation: ConversationView) -> str:
    """A name without names or CPR: samtale-2026-12-03.ics."""
    return f"samtale-{conversation.starts_at:%Y-%m-%d}.ics"


def save_ics(store: Store, conversation_id: int, youth_id: int, path: Path) -> Path:
    """Write the invitation for one of the young person's conversations, atomically. The
    data is read in one transaction; a file that cannot be written is a FileError."""
    with store.session() as s:
        found = [c for c in conversations.for_youth_in(s, youth_id) if c.id == conversation_id]
        if not found:
            raise LookupError("conversation not found")
        municipality = settings.read(s, settings.MUNICIPALITY)
        named = unit_name_in(s, youth_id=youth_id)
    try:
        write_private_atomic(path, build_ics(found[0], municipality, unit=named))
    except OSError as exc:
        raise FileError(
            f"Invitationen kunne ikke gemmes: {exc.strerror or type(exc).__name__}"
        ) from exc
    return path
