"""The demo's coordination-group lists: the last four months' lists of 15-17-year-olds
outside education, as a UU system would send them, and a meeting's worth of review.

Most on a list are registered young people of the demo (so the review links to records);
a few are not (the list comes from the UU system, not from UngeDesk). Some stay on the list
month after month (repeaters), some leave it, one is misplaced, a few cannot be reached,
so every group of the review and every figure has something to show.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta

from sqlalchemy import select

from ungedesk.domain.cpr import age_on
from ungedesk.domain.kui import Reached
from ungedesk.domain.restgruppe import ContactStatus, ContactWay, previous_month
from ungedesk.services import restgruppe_import, restgruppe_review
from ungedesk.services.restgruppe_review import AttemptInput, ReviewInput
from ungedesk.store.database import Store
from ungedesk.store.models import Youth

MONTHS = 4
ON_A_LIST = 24  # young people on a month's list, about a small municipality's number
MIN_ON_A_LIST = 3  # fewer and a list is hardly a list
STATUSES = ("Ikke i uddannelse", "Afbrudt uddannelse", "Ukendt", "Venter på optag")
SCHOOLS = ("", "Produktionsskolen Syd", "FGU Vest", "Handelsgymnasiet", "Teknisk Skole Øst")
# Invented names and numbers for young people the register does not know.
NOT_REGISTERED = (
    ("0305104812", "Mikkel", "Thorsen"),
    ("1711094633", "Naja", "Kristiansen"),
    ("2402104915", "Elias", "Brandt"),
    ("0908094722", "Freja", "Lauridsen"),
)


def _csv(rows: list[tuple[str, str, str, str, str]]) -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(("CPR-nr.", "Fornavn", "Efternavn", "Skole", "Status"))
    for cpr, first, last, school, status in rows:
        writer.writerow((f"{cpr[:6]}-{cpr[6:]}", first, last, school, status))
    # UTF-8 with a byte order mark, as spreadsheets save it: names keep every letter.
    return out.getvalue().encode("utf-8-sig")


def add_lists(store: Store, rng: random.Random, today: date) -> int:
    """Import the demo's lists and review the newest; returns how many lists were added."""
    with store.session() as s:
        people = s.execute(
            select(Youth.cpr, Youth.first_name, Youth.last_name, Youth.birth_date).where(
                Youth.status == "active"
            )
        ).all()
    teens = sorted(
        (p for p in people if 15 <= age_on(p.birth_date, today) <= 17), key=lambda p: p.cpr
    )
    # A small demo store has few 15-17-year-olds: its lists are shorter, never empty.
    size = min(ON_A_LIST, len(teens) - len(teens) // 3)
    if size < MIN_ON_A_LIST:
        return 0
    rng.shuffle(teens)
    months = [date(today.year, today.month, 1)]
    for _ in range(MONTHS - 1):
        months.insert(0, previous_month(months[0]))
    # A pool that moves: each month about a third leave the list and others come on.
    pool = teens[: size * 2]
    on_list = pool[:size]
    waiting = pool[size:]
    for number, month in enumerate(months):
        if number:
            leaving = set(rng.sample(range(len(on_list)), len(on_list) // 3))
            kept = [p for i, p in enumerate(on_list) if i not in leaving]
            left = [p for i, p in enumerate(on_list) if i in leaving]
            coming = size - len(kept)
            on_list, waiting = kept + waiting[:coming], waiting[coming:] + left
        rows = [
            (p.cpr, p.first_name, p.last_name, rng.choice(SCHOOLS), rng.choice(STATUSES))
            for p in on_list
        ]
        rows += [(c, f, la, "", "Ukendt") for c, f, la in NOT_REGISTERED[: 2 + number % 3]]
        restgruppe_import.apply(store, _csv(rows), month)
    _review(store, rng, months[-1], today)
    return len(months)


def _review(store: Store, rng: random.Random, month: date, today: date) -> None:
    entries = list(restgruppe_review.review(store, month).entries)
    rng.shuffle(entries)
    owners = ("UU-vejleder", "Ungeindsatsen", "SSP-konsulent", "Familieafdelingen")
    first_try = max(month, today - timedelta(days=10))
    for number, entry in enumerate(entries):
        if number == 0:
            restgruppe_review.save(
                store,
                entry.id,
                ReviewInput(misplaced_reason="Går på efterskole fra august"),
                today=today,
            )
            continue
        restgruppe_review.add_attempt(
            store,
            entry.id,
            AttemptInput(first_try, rng.choice((ContactWay.PHONE, ContactWay.SMS))),
            today=today,
        )
        back: date | None = None
        if number % 4 == 1:
            status, step = ContactStatus.UNREACHABLE, "Hjemmebesøg sammen med SSP"
        elif number % 3 == 0:
            restgruppe_review.add_attempt(
                store,
                entry.id,
                AttemptInput(
                    min(today, first_try + timedelta(days=2)), ContactWay.PHONE, Reached.BOTH
                ),
                today=today,
            )
            status, step = ContactStatus.REACHED, "Vejledningssamtale om FGU"
            back = today - timedelta(days=number % 5) if number % 2 else None
        else:
            status, step = ContactStatus.TRIED, "Ring igen og skriv i Digital Post"
        restgruppe_review.save(
            store,
            entry.id,
            ReviewInput(
                action_owner=owners[number % len(owners)],
                contact_status=status,
                next_step=step,
                next_step_on=today + timedelta(days=7 + number % 10),
                sanction_reason=(
                    "Har udeblevet fra alle aftaler i tre måneder" if number == 5 else ""
                ),
                sanction_decided_by="Koordinationsgruppen" if number == 5 else "",
                back_in_education_on=back,
            ),
            today=today,
        )
