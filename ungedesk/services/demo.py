"""Synthetic demo data: realistic young people and a handful of colleagues, in bulk.

Everything here is invented. Names are drawn from per-origin lists in resources/demo/ (given
and family names independently), CPR numbers are chosen to fail the modulus-11 check, e-mail
addresses use the reserved ``.example`` top-level domain. The same seed on the same store
gives the same data, so a screenshot or a bug report can be reproduced.

Speed: 100,000 young people must go in well under a minute. Rows are built as plain dicts
and written with one Core ``INSERT ... executemany`` per batch, each batch in its own
transaction, so an interrupted run leaves whole batches only.
"""

from __future__ import annotations

import json
import random
import secrets
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import accumulate
from typing import Any, cast

from faker import Faker
from sqlalchemy import Table, func, insert, select

from ungedesk.domain import cpr as cprmod
from ungedesk.domain.cpr import LegalSex
from ungedesk.domain.errors import InputError
from ungedesk.domain.profile import Role
from ungedesk.domain.youth import MAX_AGE, MIN_AGE, Benefit, CaseStatus, Education, allowed_benefits
from ungedesk.resources import DEMO
from ungedesk.services import figure_cases, restgruppe_review, settings
from ungedesk.services.deadlines import rules as deadline_rules
from ungedesk.services.demo_cases import DemoYouth, add_histories
from ungedesk.services.demo_plans import add_plans
from ungedesk.services.demo_progression import add_progression
from ungedesk.services.demo_restgruppe import add_lists
from ungedesk.services.demo_team import add_teams
from ungedesk.store import keys
from ungedesk.store.database import Store
from ungedesk.store.errors import WrongPassphraseError
from ungedesk.store.models import Caseworker, Youth
from ungedesk.store.paths import StorePaths

# Core table for executemany: the ORM unit of work would cost several times as much.
_YOUTH = cast(Table, Youth.__table__)

RESOURCES = DEMO

BATCH_SIZE = 5000
MAX_YOUTHS = 200_000
# Henvendelser are spread over the last three years before ``today``.
WINDOW_DAYS = 3 * 365
# Case numbers are U-YYYY-NNNNN: five digits per year (services.youths.next_case_number
# compares them as text, so a sixth digit would break its ordering).
MAX_CASE_SEQ = 99_999

# Age on the henvendelse date, 15-29: most young people in the effort are 18-24.
_AGE_WEIGHTS: dict[int, float] = {
    15: 3, 16: 4, 17: 5, 18: 8, 19: 10, 20: 10, 21: 10, 22: 9,
    23: 8, 24: 7, 25: 6, 26: 5, 27: 4, 28: 4, 29: 3,
}  # fmt: skip

# 15-17-year-olds fall under the KUI law and rarely receive a benefit of their own.
_BENEFITS_MINOR: dict[Benefit, float] = {Benefit.NONE: 88, Benefit.OTHER: 7, Benefit.SU: 5}
_BENEFITS_ADULT: dict[Benefit, float] = {
    Benefit.UDDANNELSESHJAELP: 38,
    Benefit.KONTANTHJAELP: 22,
    Benefit.NONE: 12,
    Benefit.SU: 6,
    Benefit.DAGPENGE: 6,
    Benefit.SYGEDAGPENGE: 5,
    Benefit.RESSOURCEFORLOEB: 4,
    Benefit.LEDIGHEDSYDELSE: 1,
    Benefit.REVALIDERING: 1,
    Benefit.OTHER: 5,
}

_EDUCATION_MINOR: dict[Education, float] = {
    Education.GRUNDSKOLE: 58,
    Education.NONE: 25,
    Education.FGU: 10,
    Education.UNKNOWN: 7,
}
_EDUCATION_ADULT: dict[Education, float] = {
    Education.GRUNDSKOLE: 40,
    Education.NONE: 11,
    Education.FGU: 8,
    Education.GYMNASIAL: 15,
    Education.EUD: 9,
    Education.VIDEREGAAENDE: 2,
    Education.FOREIGN: 1,
    Education.UNKNOWN: 10,
}

# Reserved for documentation by RFC 2606: mail sent from the app to these goes nowhere.
_MAIL_DOMAINS = ("mail.example", "post.example", "webmail.example", "net.example")
# Danish mobile numbers start with 2, 3, 4, 5, 6, 7, 8 or 9 (there is no reserved fiction
# range); the app never dials, it only shows them.
_PHONE_FIRST = "23456789"

# Letters NFKD does not take apart, folded by hand for e-mail addresses.
_ASCII_FOLD = str.maketrans(
    {"æ": "ae", "ø": "oe", "å": "aa", "ł": "l", "ı": "i", "đ": "d", "ß": "ss", "'": ""}
)


@dataclass(frozen=True, slots=True)
class _Origin:
    name: str
    female: tuple[str, ...]
    female_cum: tuple[float, ...]
    male: tuple[str, ...]
    male_cum: tuple[float, ...]
    last: tuple[tuple[str, str], ...]  # (male form, female form)
    last_cum: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class _Showcase:
    first: str
    last: str
    sex: LegalSex


@dataclass(frozen=True, slots=True)
class _DemoCaseworker:
    name: str
    initials: str
    role: Role
    unit: str


@dataclass(frozen=True, slots=True)
class _Catalogue:
    origins: tuple[_Origin, ...]
    origin_cum: tuple[float, ...]
    showcase: tuple[_Showcase, ...]
    caseworkers: tuple[_DemoCaseworker, ...]
    places: tuple[tuple[str, str], ...]
    place_cum: tuple[float, ...]


def _zipf(n: int) -> tuple[float, ...]:
    # The lists put common names first; a gentle Zipf-like curve keeps rare ones present.
    return tuple(accumulate(1.0 / (i + 3) for i in range(n)))


@cache
def _catalogue() -> _Catalogue:
    names = json.loads((RESOURCES / "names.json").read_text(encoding="utf-8"))
    places = json.loads((RESOURCES / "places.json").read_text(encoding="utf-8"))
    origins: list[_Origin] = []
    weights: list[float] = []
    for key, spec in names["origins"].items():
        last = tuple(
            (entry, entry) if isinstance(entry, str) else (entry[0], entry[1])
            for entry in spec["last"]
        )
        origins.append(
            _Origin(
                key,
                tuple(spec["female"]),
                _zipf(len(spec["female"])),
                tuple(spec["male"]),
                _zipf(len(spec["male"])),
                last,
                _zipf(len(last)),
            )
        )
        weights.append(float(spec["weight"]))
    return _Catalogue(
        origins=tuple(origins),
        origin_cum=tuple(accumulate(weights)),
        showcase=tuple(
            _Showcase(s["first"], s["last"], LegalSex(s["sex"])) for s in names["showcase"]
        ),
        caseworkers=tuple(
            _DemoCaseworker(c["name"], c["initials"], Role(c["role"]), c["unit"])
            for c in names["caseworkers"]
        ),
        places=tuple((str(p[0]), str(p[1])) for p in places["postal_codes"]),
        place_cum=tuple(accumulate(float(p[2]) for p in places["postal_codes"])),
    )


def _table[K](weights: dict[K, float]) -> tuple[tuple[K, ...], tuple[float, ...]]:
    return tuple(weights), tuple(accumulate(weights.values()))


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.casefold().translate(_ASCII_FOLD))
    return "".join(ch for ch in folded if ch.isascii() and (ch.isalnum() or ch in "-."))


def _century_digits(year: int) -> tuple[int, ...]:
    """The seventh CPR digits that give ``year`` under the century rule."""
    return tuple(d for d in range(10) if cprmod.century_for(year % 100, d) == year)


def _add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a non-leap year
        return day.replace(year=day.year + years, day=28)


class _Generator:
    """Draws one young person at a time from a seeded random stream."""

    def __init__(self, rng: random.Random, faker_seed: int, today: date) -> None:
        self.rng = rng
        self.today = today
        self.cat = _catalogue()
        fake = Faker("da_DK")
        fake.seed_instance(faker_seed)
        # A pool of street names is enough variety and far faster than asking Faker per row.
        self.streets = tuple(sorted({fake.street_name() for _ in range(600)}))
        self.ages, self.age_cum = _table(_AGE_WEIGHTS)
        self.edu_minor = _table(_EDUCATION_MINOR)
        self.edu_adult = _table(_EDUCATION_ADULT)
        self.benefits_minor = _table(_BENEFITS_MINOR)
        adult_after = dict(_BENEFITS_ADULT)
        # Uddannelseshjælp merged into kontanthjælp on 1 July 2025: its share moves over.
        adult_after[Benefit.KONTANTHJAELP] += adult_after.pop(Benefit.UDDANNELSESHJAELP)
        self.benefits_adult_before = _table(_BENEFITS_ADULT)
        self.benefits_adult_after = _table(adult_after)
        self.century: dict[int, tuple[int, ...]] = {}

    def pick[T](self, items: Sequence[T], cum: Sequence[float]) -> T:
        return self.rng.choices(items, cum_weights=cum)[0]

    def henvendelse(self) -> date:
        rng = self.rng
        while True:
            day = self.today - timedelta(days=rng.randrange(WINDOW_DAYS))
            # Young people come in on working days; a few are registered at weekends.
            if day.weekday() < 5 or rng.random() < 0.05:
                return day

    def birth_date(self, hv: date) -> date:
        age = self.pick(self.ages, self.age_cum)
        latest = _add_years(hv, -age)  # turned ``age`` on or before hv
        earliest = _add_years(hv, -(age + 1)) + timedelta(days=1)
        span = (latest - earliest).days
        while True:
            birth = earliest + timedelta(days=self.rng.randint(0, span))
            # People with an unknown birthday are commonly registered on 1 January, so that
            # date is the first to run out of modulus-11 numbers and get numbers without
            # the check: keep demo numbers off it to stay clear of real ones.
            if (birth.month, birth.day) != (1, 1):
                break
        assert MIN_AGE <= cprmod.age_on(birth, hv) <= MAX_AGE
        return birth

    def cpr(self, birth: date, sex: LegalSex, used: set[str]) -> str:
        """A fictitious CPR number: right date and century digit, legal sex in the last
        digit's parity, and deliberately NOT passing modulus 11.

        Every CPR number issued before 2007 passes modulus 11, and numbers without the check
        are only issued for birth dates whose modulus-11 numbers have run out. Numbers that
        fail the check therefore stay out of the space nearly all real people are in, so a
        demo record cannot be mistaken for (or collide with) a real person's number in
        practice. The check is only a warning in UngeDesk (domain.cpr), so these numbers are
        accepted everywhere like real ones.
        """
        digits7 = self.century.get(birth.year)
        if digits7 is None:
            digits7 = self.century[birth.year] = _century_digits(birth.year)
        prefix = birth.strftime("%d%m%y")
        parity = 1 if sex is LegalSex.MALE else 0
        rng = self.rng
        while True:
            serial = f"{rng.choice(digits7)}{rng.randrange(100):02d}{2 * rng.randrange(5) + parity}"
            digits = prefix + serial
            if digits not in used and not cprmod.modulus11_ok(digits):
                used.add(digits)
                return digits

    def name(self, sex: LegalSex) -> tuple[str, str, str]:
        """(first, last, origin). A few Danish-origin young people carry a family name of
        another origin, and the other way round, as in any Danish class list."""
        cat = self.cat
        origin = self.pick(cat.origins, cat.origin_cum)
        if sex is LegalSex.FEMALE:
            first = self.pick(origin.female, origin.female_cum)
        else:
            first = self.pick(origin.male, origin.male_cum)
        family = origin if self.rng.random() > 0.03 else self.pick(cat.origins, cat.origin_cum)
        last_m, last_f = self.pick(family.last, family.last_cum)
        return first, last_f if sex is LegalSex.FEMALE else last_m, origin.name

    def address(self) -> tuple[str, str, str]:
        rng = self.rng
        street = rng.choice(self.streets)
        number = str(rng.randint(1, 180 if rng.random() < 0.8 else 30))
        if rng.random() < 0.08:
            number += rng.choice("ABCD")
        if rng.random() < 0.45:  # a flat: floor and side, Danish style
            floor = rng.choice(("st.", "1.", "1.", "2.", "2.", "3.", "4.", "5."))
            number += f", {floor} {rng.choice(('tv.', 'th.', 'mf.'))}"
        postal, city = self.pick(self.cat.places, self.cat.place_cum)
        return f"{street} {number}", postal, city

    def phone(self) -> str:
        rng = self.rng
        if rng.random() < 0.08:
            return ""
        d = rng.choice(_PHONE_FIRST) + f"{rng.randrange(10_000_000):07d}"
        return f"{d[0:2]} {d[2:4]} {d[4:6]} {d[6:8]}"

    def email(self, first: str, last: str, birth: date) -> str:
        rng = self.rng
        if rng.random() < 0.22:
            return ""
        f = _ascii(first.split()[0])
        surname = _ascii(last.split()[-1])
        style = rng.randrange(4)
        if style == 0:
            local = f"{f}.{surname}"
        elif style == 1:
            local = f"{f}{surname}{birth:%y}"
        elif style == 2:
            local = f"{f}{rng.randint(1, 999)}"
        else:
            local = f"{f[:1]}{surname}{rng.randint(1, 99)}"
        return f"{local.strip('.-') or 'ung'}@{rng.choice(_MAIL_DOMAINS)}"

    def benefit(self, age: int, hv: date) -> Benefit:
        if age < 18:
            items, cum = self.benefits_minor
        elif hv > date(2025, 6, 30):
            items, cum = self.benefits_adult_after
        else:
            items, cum = self.benefits_adult_before
        choice = self.pick(items, cum)
        # The domain has the final word on what a registration on ``hv`` may carry.
        return choice if choice in allowed_benefits(hv) else Benefit.KONTANTHJAELP

    def education(self, age: int, origin: str) -> Education:
        if age < 18:
            return self.pick(*self.edu_minor)
        if origin not in ("danish", "greenlandic") and self.rng.random() < 0.25:
            return Education.FOREIGN
        return self.pick(*self.edu_adult)

    def status(self, hv: date) -> CaseStatus:
        # Older cases are more often closed: from ~5 % for new ones to ~65 % after 3 years.
        elapsed = (self.today - hv).days / WINDOW_DAYS
        return CaseStatus.CLOSED if self.rng.random() < 0.05 + 0.6 * elapsed else CaseStatus.ACTIVE


def _ensure_caseworkers(store: Store) -> list[int]:
    """The demo colleagues (created once, reused on later runs) and every other active
    caseworker, the current user included, as the ids young people are assigned to."""
    cat = _catalogue()
    with store.session() as s:
        existing = {
            initials: cid for cid, initials in s.execute(select(Caseworker.id, Caseworker.initials))
        }
        missing = [c for c in cat.caseworkers if c.initials not in existing]
        if missing:
            s.execute(
                insert(Caseworker),
                [
                    {
                        "name": c.name,
                        "initials": c.initials,
                        "unit": c.unit,
                        "role": c.role.value,
                        "email": f"{c.initials.lower()}@kommune.example",
                        # Invented numbers: the plan PDF needs the coordinator's phone.
                        "phone": f"+45 99 91 {i // 100:02d} {i % 100:02d}",
                        "active": True,
                    }
                    for i, c in enumerate(missing, start=1)
                ],
            )
        ids = s.scalars(
            select(Caseworker.id).where(Caseworker.active.is_(True)).order_by(Caseworker.id)
        ).all()
    return list(ids)


def is_demo_store(store: Store) -> bool:
    """True when demo data has been put in this store (the UI can say so on screen)."""
    return settings.get_setting(store, settings.DEMO_DATA)


def publish_passphrase(store: Store, paths: StorePaths, passphrase: str) -> None:
    """Let the lock screen of this demo store show its passphrase (dev.py's demo locks
    after five idle minutes with a passphrase nobody typed).

    Only a demo store (or an empty one, which becomes one) takes it, and only its own
    passphrase: a mistyped or real one is never written down in clear on a screen.
    """
    key_file = keys.load_key_file(paths.key_file)
    try:
        keys.unwrap(key_file, passphrase)
    except WrongPassphraseError:
        raise InputError(
            {"passphrase": "Adgangsfrasen passer ikke til denne database og vises ikke."}
        ) from None
    _claim_for_demo(store)
    settings.set_setting(store, settings.DEMO_PASSPHRASE, passphrase)


def _claim_for_demo(store: Store) -> None:
    """Refuse to mix invented people into a register that holds real ones.

    A store is a demo store once demo data went in (a setting says so); an empty store may
    become one. A store with young people and no such mark is someone's real register.
    """
    with store.session() as s:
        has_youths = s.scalar(select(Youth.id).limit(1)) is not None
    if has_youths and not is_demo_store(store):
        raise InputError(
            {
                "youths": (
                    "Databasen indeholder allerede unge, som ikke er demodata. Demodata bliver "
                    "ikke blandet ind i et rigtigt register: opret en separat demodatabase "
                    "med en anden datamappe (--data-dir)."
                )
            }
        )
    settings.set_setting(store, settings.DEMO_DATA, True)


def _case_sequences(store: Store) -> dict[int, int]:
    """The highest case-number sequence per year already in the store."""
    year = func.substr(Youth.case_number, 3, 4)
    seq = func.max(Youth.case_number)
    with store.session() as s:
        rows = s.execute(select(year, seq).where(Youth.case_number.like("U-____-%")).group_by(year))
        result: dict[int, int] = {}
        for y, last in rows:
            tail = str(last).rsplit("-", 1)[-1]
            if str(y).isdigit() and tail.isdigit():
                result[int(y)] = int(tail)
        return result


def generate(
    store: Store,
    n: int,
    *,
    seed: int | None = None,
    today: date | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    batch_size: int = BATCH_SIZE,
    talks_per_case: int = 10,
) -> int:
    """Add ``n`` synthetic young people with case histories; return how many were created.

    ``progress(done, n)`` is called before the first batch and after each committed one.
    ``cancel()`` is asked between batches: a batch is committed whole or not at all.
    """
    if not 0 <= n <= MAX_YOUTHS:
        raise InputError(
            {"youths": f"Antallet af unge skal være mellem 0 og {MAX_YOUTHS:,}.".replace(",", ".")}
        )
    if batch_size < 1:
        raise ValueError("batch_size must be positive")
    day = today or date.today()
    seed = seed if seed is not None else secrets.randbits(63)
    # Reproducible demo data, not secrets: a seeded PRNG is the point.
    rng = random.Random(seed)  # noqa: S311
    progression_rng = random.Random(f"progression-{seed}")  # noqa: S311
    # Plans draw from their own stream so adding them left the rest of the data unchanged.
    plan_rng = random.Random(f"plans-{seed}")  # noqa: S311
    team_rng = random.Random(f"teams-{seed}")  # noqa: S311
    gen = _Generator(rng, faker_seed=rng.randrange(2**31), today=day)
    _claim_for_demo(store)
    caseworker_ids = _ensure_caseworkers(store)
    with store.session() as s:
        rule_set = deadline_rules(s)
    # Uneven caseloads, as in a real team; the draw is seeded like everything else.
    loads = tuple(accumulate(rng.uniform(0.5, 1.5) for _ in caseworker_ids))
    with store.session() as s:
        used: set[str] = set(s.scalars(select(Youth.cpr)).all())
    sequences = _case_sequences(store)
    # Dates first, in order, so case numbers and ids grow with the henvendelse date as in
    # a register filled over the years. The showcase names land on random positions.
    dates = sorted(gen.henvendelse() for _ in range(n))
    showcase = gen.cat.showcase[:n]
    showcase_at = dict(zip(rng.sample(range(n), len(showcase)), showcase, strict=True))

    done = 0
    if progress:
        progress(0, n)
    while done < n:
        if cancel is not None and cancel():
            break
        size = min(batch_size, n - done)
        rows: list[dict[str, Any]] = []
        for i in range(done, done + size):
            hv = dates[i]
            birth = gen.birth_date(hv)
            age = cprmod.age_on(birth, hv)
            shown = showcase_at.get(i)
            if shown is not None:
                first, last, sex, origin = shown.first, shown.last, shown.sex, "showcase"
            else:
                sex = LegalSex.FEMALE if rng.random() < 0.47 else LegalSex.MALE
                first, last, origin = gen.name(sex)
            # ``used`` holds the store's CPRs and every one drawn so far: no collisions.
            # A failed batch raises out of generate, so its numbers need no unmarking.
            cpr = gen.cpr(birth, sex, used)
            seq = sequences.get(hv.year, 0) + 1
            if seq > MAX_CASE_SEQ:
                raise InputError(
                    {"youths": f"Der er ikke flere ledige sagsnumre for år {hv.year}."}
                )
            sequences[hv.year] = seq
            address, postal, city = gen.address()
            cw = gen.pick(caseworker_ids, loads)
            rows.append(
                {
                    "cpr": cpr,
                    "case_number": f"U-{hv.year}-{seq:05d}",
                    "first_name": first,
                    "last_name": last,
                    "birth_date": birth,
                    "legal_sex": sex.value,
                    "address": address,
                    "postal_code": postal,
                    "city": city,
                    "phone": gen.phone(),
                    "email": gen.email(first, last, birth),
                    "henvendelse_date": hv,
                    "benefit": gen.benefit(age, hv).value,
                    "education": gen.education(age, origin).value,
                    "status": gen.status(hv).value,
                    "caseworker_id": cw,
                    "created_by_id": cw,
                }
            )
        with store.session() as s:
            s.execute(insert(_YOUTH), rows)
            ids = dict(
                s.execute(
                    select(Youth.cpr, Youth.id).where(Youth.cpr.in_([r["cpr"] for r in rows]))
                ).all()
            )
            add_histories(
                s,
                [
                    DemoYouth(
                        ids[r["cpr"]],
                        r["birth_date"],
                        r["henvendelse_date"],
                        r["benefit"],
                        r["status"],
                    )
                    for r in rows
                ],
                rng,
                day,
                rule_set,
                talks_per_case=talks_per_case,
            )
            add_progression(s, [ids[r["cpr"]] for r in rows], progression_rng, day)
            add_plans(
                s,
                [
                    DemoYouth(
                        ids[r["cpr"]],
                        r["birth_date"],
                        r["henvendelse_date"],
                        r["benefit"],
                        r["status"],
                    )
                    for r in rows
                ],
                plan_rng,
                day,
            )
            add_teams(
                s,
                [(ids[r["cpr"]], r["birth_date"], r["henvendelse_date"]) for r in rows],
                team_rng,
                day,
            )
            # The figures' kept facts for this batch, so the first look at the management
            # figures does not derive a whole demo store's at once.
            figure_cases.bring_up_to_date(s)
        done += size
        if progress:
            progress(done, n)
    if done and not restgruppe_review.months(store):
        # The coordination group's lists from their own stream, once per store.
        add_lists(store, random.Random(f"restgruppe-{seed}"), day)  # noqa: S311
    return done
