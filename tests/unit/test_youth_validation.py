from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ungedesk.domain.youth import Benefit, YouthInput, allowed_benefits, validate

TODAY = date(2026, 11, 24)
GOOD = YouthInput(
    cpr="010203-4562",
    first_name="Sara",
    last_name="Nielsen",
    henvendelse_date=date(2026, 11, 2),
    address="Vestergade 3, 2. tv.",
    postal_code="5000",
    city="Odense C",
    phone="+45 20 30 40 50",
    email="sara@example.dk",
    benefit=Benefit.KONTANTHJAELP,
    caseworker_id=1,
)


def test_good_input_passes() -> None:
    result = validate(GOOD, TODAY)
    assert result.ok, result.errors
    assert result.cpr is not None and result.cpr.birth_date == date(2003, 2, 1)


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        ({"first_name": "  "}, "first_name", "fornavn"),
        ({"last_name": ""}, "last_name", "efternavn"),
        ({"first_name": "R2D2"}, "first_name", "tal"),
        ({"postal_code": "50000"}, "postal_code", "4 cifre"),
        ({"phone": "ring mig"}, "phone", "cifre"),
        ({"email": "sara@"}, "email", "navn@eksempel.dk"),
        ({"henvendelse_date": None}, "henvendelse_date", "Skriv datoen"),
        ({"henvendelse_date": date(2026, 12, 1)}, "henvendelse_date", "fremtiden"),
        ({"henvendelse_date": date(1999, 1, 1)}, "henvendelse_date", "år 2000"),
        ({"cpr": "010212-4562"}, "cpr", "15-29"),  # 14 years old on the henvendelse date
        ({"cpr": "010290-1234"}, "cpr", "15-29"),  # 36 years old
        ({"cpr": "010230-4562"}, "cpr", "fremtiden"),
        ({"benefit": Benefit.UDDANNELSESHJAELP}, "benefit", "1. juli 2025"),
    ],
)
def test_each_field_error_is_danish_and_keyed(
    change: dict[str, object], field: str, fragment: str
) -> None:
    result = validate(replace(GOOD, **change), TODAY)  # type: ignore[arg-type]
    assert not result.ok
    assert field in result.errors
    assert fragment in result.errors[field]


def test_all_errors_reported_at_once() -> None:
    result = validate(
        YouthInput(cpr="x", first_name="", last_name="", henvendelse_date=None), TODAY
    )
    assert set(result.errors) >= {"cpr", "first_name", "last_name", "henvendelse_date"}


def test_modulus11_failure_is_only_a_warning() -> None:
    result = validate(replace(GOOD, cpr="010203-4563"), TODAY)
    assert result.ok
    assert "cpr" in result.warnings


def test_uddannelseshjaelp_only_before_the_merger() -> None:
    assert Benefit.UDDANNELSESHJAELP in allowed_benefits(date(2025, 6, 30))
    assert Benefit.UDDANNELSESHJAELP not in allowed_benefits(date(2025, 7, 1))
    old = replace(GOOD, henvendelse_date=date(2025, 3, 1), benefit=Benefit.UDDANNELSESHJAELP)
    assert validate(old, TODAY).ok


@given(
    st.text(max_size=40),
    st.text(max_size=120),
    st.text(max_size=120),
    st.text(max_size=30),
    st.text(max_size=300),
    st.none() | st.dates(),
)
def test_validation_never_crashes(
    cpr_text: str, first: str, last: str, phone: str, email: str, henv: date | None
) -> None:
    result = validate(
        YouthInput(
            cpr=cpr_text,
            first_name=first,
            last_name=last,
            henvendelse_date=henv,
            phone=phone,
            email=email,
        ),
        TODAY,
    )
    for message in result.errors.values():
        assert message and message[0].isupper()


def test_ressourceforloeb_and_revalidering_end_for_new_cases_on_1_february_2026() -> None:
    # Lov nr. 1750 af 29. december 2025: no new ressourceforløb or revalidering from
    # 1 February 2026; a case from 31 January 2026 may still pick them.
    for benefit in (Benefit.RESSOURCEFORLOEB, Benefit.REVALIDERING):
        assert benefit in allowed_benefits(date(2026, 1, 31))
        assert benefit not in allowed_benefits(date(2026, 2, 1))
    assert Benefit.KONTANTHJAELP in allowed_benefits(date(2026, 2, 1))
    new = replace(GOOD, henvendelse_date=date(2026, 2, 1), benefit=Benefit.REVALIDERING)
    assert validate(new, date(2026, 2, 2)).errors["benefit"].startswith("Revalidering kan ikke")
