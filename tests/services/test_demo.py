"""Demo data on a real SQLCipher store: valid, unique, varied, reproducible, cancellable."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from tests.conftest import PASSPHRASE, PROFILE, TEST_SCRYPT_N
from ungedesk.domain import cpr as cprmod
from ungedesk.domain.errors import InputError
from ungedesk.domain.youth import (
    MAX_AGE,
    MIN_AGE,
    Benefit,
    Education,
    YouthInput,
    allowed_benefits,
    validate,
)
from ungedesk.services import demo, session_lock, settings, youths
from ungedesk.services.setup import create_installation
from ungedesk.store.database import Store
from ungedesk.store.models import Caseworker, Youth
from ungedesk.store.paths import StorePaths

TODAY = date(2026, 11, 24)

_COLUMNS = (
    Youth.cpr,
    Youth.case_number,
    Youth.first_name,
    Youth.last_name,
    Youth.birth_date,
    Youth.legal_sex,
    Youth.address,
    Youth.postal_code,
    Youth.city,
    Youth.phone,
    Youth.email,
    Youth.henvendelse_date,
    Youth.benefit,
    Youth.education,
    Youth.status,
    Youth.caseworker_id,
)


def _rows(store: Store) -> list[tuple[object, ...]]:
    with store.session() as s:
        return [tuple(r) for r in s.execute(select(*_COLUMNS).order_by(Youth.id))]


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[object, ...]]:
    """3,000 young people generated once for the read-only checks below."""
    import keyring

    from tests.conftest import MemoryKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    try:
        paths = StorePaths(tmp_path_factory.mktemp("demo") / "data")
        result = create_installation(
            paths, PASSPHRASE, PROFILE, municipality="Demo Kommune", scrypt_n=TEST_SCRYPT_N
        )
        store = result.opened.store
        try:
            assert demo.generate(store, 3000, seed=7, today=TODAY, batch_size=1000) == 3000
            return _rows(store)
        finally:
            store.close()
    finally:
        keyring.set_keyring(previous)


def test_count_and_uniqueness(filled: list[tuple[object, ...]]) -> None:
    assert len(filled) == 3000
    assert len({r[0] for r in filled}) == 3000
    assert len({r[1] for r in filled}) == 3000


def test_every_cpr_parses_matches_birth_and_sex_and_fails_modulus11(
    filled: list[tuple[object, ...]],
) -> None:
    for digits, _cn, _f, _l, birth, sex, *_rest in filled:
        parsed = cprmod.parse(str(digits))
        assert parsed.birth_date == birth
        assert parsed.legal_sex.value == sex
        assert not parsed.modulus11_valid
        assert not cprmod.modulus11_ok(str(digits))


def test_ages_and_dates(filled: list[tuple[object, ...]]) -> None:
    ages = Counter()
    for row in filled:
        birth, hv = row[4], row[11]
        assert isinstance(birth, date) and isinstance(hv, date)
        assert TODAY - timedelta(days=demo.WINDOW_DAYS) < hv <= TODAY
        age = cprmod.age_on(birth, hv)
        assert MIN_AGE <= age <= MAX_AGE
        ages[age] += 1
    # Spread over the whole range, not bunched at one age.
    assert set(ages) == set(range(MIN_AGE, MAX_AGE + 1))
    years = Counter(r[11].year for r in filled)  # type: ignore[union-attr]
    assert len(years) >= 3


def test_every_row_passes_the_registration_form_rules(filled: list[tuple[object, ...]]) -> None:
    for row in filled:
        data = YouthInput(
            cpr=str(row[0]),
            first_name=str(row[2]),
            last_name=str(row[3]),
            henvendelse_date=row[11],  # type: ignore[arg-type]
            address=str(row[6]),
            postal_code=str(row[7]),
            city=str(row[8]),
            phone=str(row[9]),
            email=str(row[10]),
            benefit=Benefit(row[12]),
            education=Education(row[13]),
            caseworker_id=int(row[15]),  # type: ignore[call-overload]
        )
        result = validate(data, TODAY)
        assert result.ok, result.errors
        assert Benefit(row[12]) in allowed_benefits(row[11])  # type: ignore[arg-type]


def test_plausible_mix(filled: list[tuple[object, ...]]) -> None:
    n = len(filled)
    benefits = Counter(r[12] for r in filled)
    education = Counter(r[13] for r in filled)
    status = Counter(r[14] for r in filled)
    assert len(benefits) >= 6
    assert len(education) >= 6
    assert 0.15 * n < status["closed"] < 0.6 * n
    assert sum(1 for r in filled if r[9]) > 0.8 * n  # most have a phone
    assert sum(1 for r in filled if r[10]) > 0.6 * n  # most have an e-mail
    assert all(str(r[10]).endswith(".example") for r in filled if r[10])
    assert all(len(str(r[9]).replace(" ", "")) == 8 for r in filled if r[9])
    # No uddannelseshjælp on henvendelser after the merger into kontanthjælp.
    assert not [r for r in filled if r[12] == "uddannelseshjaelp" and r[11] > date(2025, 6, 30)]  # type: ignore[operator]
    sexes = Counter(r[5] for r in filled)
    assert 0.35 * n < sexes["F"] < 0.65 * n


def test_immigrant_origin_names_present(filled: list[tuple[object, ...]]) -> None:
    firsts = {str(r[2]) for r in filled}
    lasts = {str(r[3]) for r in filled}
    assert {"Şükrü", "Łukasz"} <= firsts
    assert "Nguyễn" in lasts
    # Beyond the showcase: many origins appear in an ordinary draw.
    for expected in ("Mohammad", "Hodan", "Nowak", "Kovalenko", "Yılmaz", "Hodžić"):
        assert expected in firsts | lasts
    non_ascii = sum(1 for r in filled if not (str(r[2]) + str(r[3])).isascii())
    assert non_ascii > 0.1 * len(filled)  # æ, ø, å and the diacritics above


def test_case_numbers_follow_format_and_date(filled: list[tuple[object, ...]]) -> None:
    for row in filled:
        cn = str(row[1])
        assert cn.startswith(f"U-{row[11].year}-")  # type: ignore[union-attr]
        assert len(cn) == len("U-2026-00001")
    by_year: dict[str, list[str]] = {}
    for row in filled:
        by_year.setdefault(str(row[1])[:6], []).append(str(row[1]))
    for numbers in by_year.values():
        seqs = sorted(int(c[-5:]) for c in numbers)
        assert seqs == list(range(1, len(seqs) + 1))


def test_caseworkers_created_and_assigned(store: Store) -> None:
    demo.generate(store, 500, seed=3, today=TODAY)
    with store.session() as s:
        initials = list(s.scalars(select(Caseworker.initials)))
        assigned = Counter(s.scalars(select(Youth.caseworker_id)))
    assert len(initials) == len(set(initials)) >= 6
    assert "ABJ" in initials  # the current user keeps their profile
    assert len(assigned) >= 5 and None not in assigned
    # A second run reuses the demo colleagues instead of failing on their initials.
    demo.generate(store, 100, seed=4, today=TODAY)
    with store.session() as s:
        assert s.scalar(select(func.count(Caseworker.id))) == len(initials)


def test_deterministic_by_seed(store: Store, tmp_path: Path) -> None:
    demo.generate(store, 400, seed=42, today=TODAY, batch_size=150)
    other = create_installation(
        StorePaths(tmp_path / "other"), PASSPHRASE, PROFILE, scrypt_n=TEST_SCRYPT_N
    ).opened.store
    try:
        demo.generate(other, 400, seed=42, today=TODAY, batch_size=150)
        assert _rows(other) == _rows(store)
        third = create_installation(
            StorePaths(tmp_path / "third"), PASSPHRASE, PROFILE, scrypt_n=TEST_SCRYPT_N
        ).opened.store
        try:
            demo.generate(third, 400, seed=43, today=TODAY, batch_size=150)
            assert _rows(third) != _rows(store)
        finally:
            third.close()
    finally:
        other.close()


def test_existing_cprs_and_case_numbers_do_not_collide(store: Store) -> None:
    demo.generate(store, 300, seed=5, today=TODAY)
    # The same seed again draws the same numbers first; they must be skipped, not inserted.
    assert demo.generate(store, 300, seed=5, today=TODAY) == 300
    rows = _rows(store)
    assert len(rows) == 600
    assert len({r[0] for r in rows}) == 600
    assert len({r[1] for r in rows}) == 600
    # A young person registered by hand afterwards gets the next free case number.
    cw = int(rows[0][15])  # type: ignore[call-overload]
    outcome = youths.register(
        store,
        YouthInput(
            cpr="150305-4234",
            first_name="Test",
            last_name="Person",
            henvendelse_date=TODAY,
            caseworker_id=cw,
        ),
        today=TODAY,
    )
    assert outcome.created
    record = youths.get(store, outcome.youth_id)
    assert record is not None
    assert record.case_number not in {r[1] for r in rows}


def test_progress_and_cancel_stop_between_whole_batches(store: Store) -> None:
    calls: list[tuple[int, int]] = []
    asked = 0

    def cancel() -> bool:
        nonlocal asked
        asked += 1
        return asked > 3  # let three batches through, then stop

    created = demo.generate(
        store,
        1000,
        seed=9,
        today=TODAY,
        batch_size=100,
        progress=lambda d, t: calls.append((d, t)),
        cancel=cancel,
    )
    assert created == 300
    assert youths.count(store) == 300
    assert calls == [(0, 1000), (100, 1000), (200, 1000), (300, 1000)]


def test_failed_batch_is_rolled_back_whole(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """A batch that fails inside the INSERT (here: a duplicate CPR half-way) saves nothing."""
    real_cpr = demo._Generator.cpr
    drawn = 0

    def cpr(self: demo._Generator, birth: date, sex: object, used: set[str]) -> str:
        nonlocal drawn
        drawn += 1
        value = real_cpr(self, birth, sex, used)  # type: ignore[arg-type]
        if drawn == 250:  # the middle of the third batch repeats an earlier number
            return str(self.first_of_batch)  # type: ignore[attr-defined]
        if drawn == 201:
            self.first_of_batch = value  # type: ignore[attr-defined]
        return value

    monkeypatch.setattr(demo._Generator, "cpr", cpr)
    with pytest.raises(IntegrityError):
        demo.generate(store, 500, seed=11, today=TODAY, batch_size=100)
    assert youths.count(store) == 200


def test_rejects_bad_counts(store: Store) -> None:
    with pytest.raises(InputError):
        demo.generate(store, -1)
    with pytest.raises(InputError):
        demo.generate(store, demo.MAX_YOUTHS + 1)
    assert demo.generate(store, 0, today=TODAY) == 0


def test_refuses_a_store_with_real_young_people(store: Store) -> None:
    with store.session() as s:
        cw = s.scalar(select(Caseworker.id))
    youths.register(
        store,
        YouthInput(
            cpr="150305-4234",
            first_name="Rigtig",
            last_name="Person",
            henvendelse_date=TODAY,
            caseworker_id=cw,
        ),
        today=TODAY,
    )
    with pytest.raises(InputError) as info:
        demo.generate(store, 10, seed=1, today=TODAY)
    assert "ikke blandet ind" in info.value.message
    assert youths.count(store) == 1
    assert not demo.is_demo_store(store)


def test_marks_the_store_as_demo(store: Store) -> None:
    assert not demo.is_demo_store(store)
    demo.generate(store, 10, seed=1, today=TODAY)
    assert demo.is_demo_store(store)


def test_a_demo_store_publishes_its_own_passphrase(store: Store, store_paths: StorePaths) -> None:
    assert session_lock.demo_passphrase(store) == ""
    with pytest.raises(InputError) as info:
        demo.publish_passphrase(store, store_paths, "en anden frase")
    assert "passer ikke" in info.value.message
    assert session_lock.demo_passphrase(store) == ""
    assert not demo.is_demo_store(store)  # a refused call marks nothing
    demo.publish_passphrase(store, store_paths, PASSPHRASE)
    assert demo.is_demo_store(store)
    assert session_lock.demo_passphrase(store) == PASSPHRASE


def test_a_real_register_never_shows_a_passphrase(store: Store, store_paths: StorePaths) -> None:
    with store.session() as s:
        cw = s.scalar(select(Caseworker.id))
    youths.register(
        store,
        YouthInput("150305-4234", "Rigtig", "Person", TODAY, caseworker_id=cw),
        today=TODAY,
    )
    with pytest.raises(InputError) as info:
        demo.publish_passphrase(store, store_paths, PASSPHRASE)
    assert "ikke blandet ind" in info.value.message
    # Even a passphrase row written behind the app's back shows nothing without the demo mark.
    settings.set_setting(store, settings.DEMO_PASSPHRASE, PASSPHRASE)
    assert session_lock.demo_passphrase(store) == ""


def test_the_coordination_groups_lists_have_every_group_to_show(store: Store) -> None:
    from ungedesk.services import restgruppe_review

    demo.generate(store, 1500, seed=11, today=TODAY)
    months = restgruppe_review.months(store)
    assert [m.month for m in months] == [11, 10, 9, 8]
    review = restgruppe_review.review(store, months[0])
    figures = review.figures
    assert figures.on_list >= 20 and figures.misplaced == 1
    assert figures.repeaters > 0 and figures.unreachable > 0 and figures.reached > 0
    assert any(e.youth_id is None for e in review.entries)  # not every one is registered
    assert any(e.sanction_recommended for e in review.entries)
    # A second batch into the same store adds no second set of lists.
    demo.generate(store, 10, seed=12, today=TODAY)
    assert restgruppe_review.months(store) == months


def test_closed_demo_cases_say_when_and_where_they_went(store: Store) -> None:
    from sqlalchemy import func, select

    from ungedesk.store.models import FollowUp, Youth

    demo.generate(store, 800, seed=21, today=TODAY)
    with store.session() as s:
        closed = s.execute(
            select(Youth.henvendelse_date, Youth.closed_on, Youth.exit_reason).where(
                Youth.status == "closed"
            )
        ).all()
        follow_ups = s.scalar(select(func.count()).select_from(FollowUp))
    assert closed
    assert all(c is not None and h <= c <= TODAY and r for h, c, r in closed)
    reasons = {r for _h, _c, r in closed}
    assert {"job", "education"} <= reasons
    assert follow_ups and follow_ups > 0
