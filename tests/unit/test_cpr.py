from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ungedesk.domain import cpr
from ungedesk.domain.cpr import CprError, LegalSex


@pytest.mark.parametrize(
    ("yy", "digit7", "year"),
    [
        (0, 0, 1900),
        (99, 3, 1999),
        (36, 4, 2036),
        (37, 4, 1937),
        (0, 9, 2000),
        (36, 9, 2036),
        (37, 9, 1937),
        (57, 5, 2057),
        (58, 5, 1858),
        (99, 8, 1899),
        (0, 6, 2000),
        (10, 7, 2010),
    ],
)
def test_century_rule(yy: int, digit7: int, year: int) -> None:
    assert cpr.century_for(yy, digit7) == year


@pytest.mark.parametrize(
    ("text", "birth", "sex"),
    [
        ("010203-4563", date(2003, 2, 1), LegalSex.MALE),
        ("0102034563", date(2003, 2, 1), LegalSex.MALE),
        (" 010203 4562 ", date(2003, 2, 1), LegalSex.FEMALE),
        ("290200-4002", date(2000, 2, 29), LegalSex.FEMALE),  # 2000 was a leap year
        ("311299-1234", date(1999, 12, 31), LegalSex.FEMALE),
        ("150610-5001", date(2010, 6, 15), LegalSex.MALE),
    ],
)
def test_parse_valid(text: str, birth: date, sex: LegalSex) -> None:
    parsed = cpr.parse(text)
    assert parsed.birth_date == birth
    assert parsed.legal_sex is sex
    assert len(parsed.digits) == 10 and parsed.digits.isdigit()
    assert parsed.masked == parsed.digits[:6] + "-xxxx"


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("", "Skriv CPR-nummeret"),
        ("   ", "Skriv CPR-nummeret"),
        ("12345", "10 cifre"),
        ("0102034-563", "10 cifre"),
        ("abcdef-ghij", "10 cifre"),
        ("010203-45631", "10 cifre"),
        ("320103-4563", "dato, der ikke findes"),
        ("000103-4563", "dato, der ikke findes"),
        ("011303-4563", "måned"),
        ("290201-4563", "dato, der ikke findes"),  # 2001 was no leap year
        ("290200-1234", "dato, der ikke findes"),  # digit 7 = 1 means 1900, not a leap year
    ],
)
def test_parse_invalid_gives_danish_message(text: str, fragment: str) -> None:
    with pytest.raises(CprError) as info:
        cpr.parse(text)
    assert fragment in info.value.message


def test_modulus11_is_warning_not_rejection() -> None:
    good = cpr.parse("070761-4285")  # a classic textbook number passing modulus 11
    assert good.modulus11_valid and good.warning is None
    bad = cpr.parse("070761-4286")
    assert not bad.modulus11_valid
    assert bad.warning is not None and "modulus 11" in bad.warning


def test_age_counts_completed_years_and_leap_day() -> None:
    assert cpr.age_on(date(2008, 2, 29), date(2026, 2, 28)) == 17
    assert cpr.age_on(date(2008, 2, 29), date(2026, 3, 1)) == 18
    assert cpr.age_on(date(2000, 11, 24), date(2026, 11, 24)) == 26
    assert cpr.age_on(date(2000, 11, 25), date(2026, 11, 24)) == 25


def test_mask_accepts_dash_or_not() -> None:
    assert cpr.mask("010203-4563") == "010203-xxxx"
    assert cpr.mask("0102034563") == "010203-xxxx"


@given(st.dates(min_value=date(1858, 1, 1), max_value=date(2057, 12, 31)), st.integers(0, 999))
def test_any_real_date_round_trips(birth: date, serial: int) -> None:
    yy = birth.year % 100
    digit7 = next(d for d in range(10) if cpr.century_for(yy, d) == birth.year)
    text = f"{birth:%d%m}{yy:02d}-{digit7}{serial:03d}"
    parsed = cpr.parse(text)
    assert parsed.birth_date == birth
    assert parsed.formatted == text
    assert parsed.legal_sex is (LegalSex.MALE if serial % 2 else LegalSex.FEMALE)


@given(st.text(max_size=30))
def test_parse_never_crashes(text: str) -> None:
    try:
        parsed = cpr.parse(text)
    except CprError as exc:
        assert exc.message  # always a Danish sentence
    else:
        assert parsed.digits.isdigit() and len(parsed.digits) == 10


# --- Unicode digits (issue 10, "Smaller holes") ---------------------------------------------
# str.isdigit(), int() and the regex \d all accept every Unicode decimal digit, so
# "０１０１０５-４１２３" used to parse into a second, non-ASCII CPR beside "010105-4123".

# ０１０１０５－４１２３ and ٠١٠١٠٥-٤١٢٣:
FULLWIDTH = "\uff10\uff11\uff10\uff11\uff10\uff15\uff0d\uff14\uff11\uff12\uff13"
ARABIC_INDIC = "\u0660\u0661\u0660\u0661\u0660\u0665-\u0664\u0661\u0662\u0663"


@pytest.mark.parametrize(
    "text",
    [
        FULLWIDTH,
        ARABIC_INDIC,
        "\u06f0\u06f1\u06f0\u06f1\u06f0\u06f5\u06f4\u06f1\u06f2\u06f3",  # extended Arabic-Indic
        "\u0966\u0967\u0966\u0967\u0966\u096b-\u096a\u0967\u0968\u0969",  # Devanagari
        "010105\u20104123",  # Unicode hyphen
        "010105\u20134123",  # en dash, as word processors turn "-" into
        "010105\u22124123",  # minus sign
        "010105\u00a04123",  # no-break space
        "\u3000010105-4123\u3000",  # ideographic spaces around it
    ],
)
def test_unicode_digits_and_dashes_parse_to_the_ascii_number(text: str) -> None:
    parsed = cpr.parse(text)
    assert parsed.digits == "0101054123"
    assert parsed.formatted == "010105-4123"
    assert parsed.masked == "010105-xxxx"


def test_ascii_digits_maps_every_decimal_digit_and_keeps_the_rest() -> None:
    assert cpr.ascii_digits(FULLWIDTH) == "010105-4123"
    assert cpr.ascii_digits("Şükrü ٣") == "Şükrü 3"
    assert cpr.normalise_query(ARABIC_INDIC) == "0101054123"
    # A superscript is a "digit" to isdigit() but no decimal digit: it never counts.
    assert cpr.normalise_query("010105\u00b24123").isascii()


@given(st.text(max_size=30))
def test_parse_output_is_ascii_only_or_cpr_error(text: str) -> None:
    try:
        parsed = cpr.parse(text)
    except CprError as exc:
        assert exc.message
        return
    assert parsed.digits.isascii() and parsed.digits.isdigit() and len(parsed.digits) == 10
    assert parsed.formatted.isascii() and parsed.masked.isascii()


_DECIMALS = st.characters(categories=["Nd"])


@given(st.lists(_DECIMALS, min_size=10, max_size=10), st.sampled_from(["", "-", "\uff0d", " "]))
def test_any_decimal_digits_parse_to_their_ascii_values_or_cpr_error(
    chars: list[str], dash: str
) -> None:
    import unicodedata

    text = "".join(chars[:6]) + dash + "".join(chars[6:])
    expected = "".join(str(unicodedata.decimal(c)) for c in chars)
    try:
        parsed = cpr.parse(text)
    except CprError:
        return  # a date that does not exist
    assert parsed.digits == expected


@given(st.text(max_size=30))
def test_normalise_query_is_ascii_digits_only(text: str) -> None:
    out = cpr.normalise_query(text)
    assert out.isascii() and (out == "" or out.isdigit())
