from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ungedesk.domain.plan import lix
from ungedesk.domain.progression import (
    INDICATOR_LABELS,
    INDICATOR_SHORT,
    SPECIAL_CATEGORY,
    STAGE_COUNT,
    STAGE_LABELS,
    Descriptor,
    DescriptorError,
    Indicator,
    MeasurementInput,
    ScoreInput,
    average_movement,
    descriptors_to_toml,
    parse_descriptors,
    parse_score,
    score_field,
    stage_of,
    stage_range,
    talk_about,
    validate_measurement,
)
from ungedesk.services.progression import DESCRIPTORS_FILE

Ind = Indicator
HENV = date(2026, 1, 5)
TODAY = date(2026, 11, 24)


def shipped() -> dict[Indicator, Descriptor]:
    return parse_descriptors(DESCRIPTORS_FILE.read_text("utf-8"))


def test_nine_indicators_with_labels_and_two_special() -> None:
    assert len(Indicator) == 9
    assert set(INDICATOR_LABELS) == set(INDICATOR_SHORT) == set(Indicator)
    assert {Ind.HEALTH, Ind.SUBSTANCE_USE} == SPECIAL_CATEGORY
    assert len(STAGE_LABELS) == STAGE_COUNT == 5


@pytest.mark.parametrize(
    ("score", "stage"),
    [(1, 1), (2, 1), (3, 2), (4, 2), (5, 3), (6, 3), (7, 4), (8, 4), (9, 5), (10, 5)],
)
def test_stage_of_every_score(score: int, stage: int) -> None:
    assert stage_of(score) == stage
    assert score in stage_range(stage)


@pytest.mark.parametrize("score", [0, 11, -1])
def test_stage_of_refuses_scores_off_the_scale(score: int) -> None:
    with pytest.raises(ValueError):
        stage_of(score)


def test_stage_ranges_cover_the_scale_once() -> None:
    covered = [s for stage in range(1, 6) for s in stage_range(stage)]
    assert covered == list(range(1, 11))


@pytest.mark.parametrize(
    ("text", "value"), [("", None), ("   ", None), ("1", 1), (" 7 ", 7), ("10", 10), ("05", 5)]
)
def test_parse_score_accepts(text: str, value: int | None) -> None:
    assert parse_score(text) == value


@pytest.mark.parametrize("text", ["0", "11", "5.5", "-3", "fem", "7a", "²", "1 0", "+5"])
def test_parse_score_refuses_in_danish(text: str) -> None:
    with pytest.raises(ValueError) as err:
        parse_score(text)
    message = str(err.value)
    assert "1" in message and "10" in message and ("tal" in message or "Scoren" in message)


@given(st.text(max_size=6))
def test_parse_score_never_raises_anything_but_a_danish_value_error(text: str) -> None:
    try:
        value = parse_score(text)
    except ValueError as exc:
        assert str(exc).startswith(("Skriv", "Scoren"))
    else:
        assert value is None or 1 <= value <= 10


def test_talk_about_at_three_apart() -> None:
    assert talk_about(2, 5) and talk_about(9, 6) and talk_about(1, 10)
    assert not talk_about(3, 5) and not talk_about(5, 5)
    assert not talk_about(None, 9) and not talk_about(1, None) and not talk_about(None, None)


def ok(*scores: ScoreInput, on: date | None = date(2026, 3, 1)) -> MeasurementInput:
    return MeasurementInput(on, scores)


def errors(
    data: MeasurementInput, chosen: tuple[Indicator, ...] = (Ind.ATTENDANCE,)
) -> dict[str, str]:
    return validate_measurement(data, chosen=chosen, henvendelse=HENV, today=TODAY)


def test_valid_measurement_and_missing_own_score() -> None:
    assert errors(ok(ScoreInput(Ind.ATTENDANCE, 4, None))) == {}
    assert errors(ok(ScoreInput(Ind.ATTENDANCE, 4, 9, "Kom til alt"))) == {}


@pytest.mark.parametrize(
    ("on", "fragment"),
    [(None, "Vælg"), (date(2026, 1, 4), "henvendelse"), (date(2026, 11, 25), "fremtiden")],
)
def test_measurement_date_errors(on: date | None, fragment: str) -> None:
    result = errors(ok(ScoreInput(Ind.ATTENDANCE, 4, 4), on=on))
    assert set(result) == {"measured_on"} and fragment in result["measured_on"]


def test_measurement_date_on_the_edges_is_fine() -> None:
    assert errors(ok(ScoreInput(Ind.ATTENDANCE, 4, 4), on=HENV)) == {}
    assert errors(ok(ScoreInput(Ind.ATTENDANCE, 4, 4), on=TODAY)) == {}


def test_score_errors_land_on_their_fields() -> None:
    result = errors(
        ok(
            ScoreInput(Ind.ATTENDANCE, None, 0),
            ScoreInput(Ind.MOTIVATION, 11, 5, "x" * 501),
            ScoreInput(Ind.HEALTH, 5, 5),
        ),
        chosen=(Ind.ATTENDANCE, Ind.MOTIVATION),
    )
    assert set(result) == {
        score_field(Ind.ATTENDANCE, "caseworker"),
        score_field(Ind.ATTENDANCE, "youth"),
        score_field(Ind.MOTIVATION, "caseworker"),
        score_field(Ind.MOTIVATION, "comment"),
        score_field(Ind.HEALTH, "caseworker"),
    }
    assert "ikke valgt" in result[score_field(Ind.HEALTH, "caseworker")]
    assert "500" in result[score_field(Ind.MOTIVATION, "comment")]
    assert score_field(Ind.ATTENDANCE, "youth") == "score.attendance.youth"


def test_empty_and_duplicate_measurements() -> None:
    assert "scores" in errors(ok())
    twice = errors(ok(ScoreInput(Ind.ATTENDANCE, 4, 4), ScoreInput(Ind.ATTENDANCE, 5, 5)))
    assert "to gange" in twice["scores"]


def test_average_movement() -> None:
    assert average_movement([]) is None
    assert average_movement([(3, 5)]) == 2
    assert average_movement([(3, 8), (6, 4), (2, 6)]) == pytest.approx(7 / 3)
    assert average_movement(iter([(5, 5), (5, 5)])) == 0


def test_shipped_descriptors_parse_and_read_plainly() -> None:
    described = shipped()
    assert set(described) == set(Indicator)
    for indicator, d in described.items():
        assert d.indicator is indicator and d.question.endswith("?")
        assert len(d.stages) == STAGE_COUNT
        assert len(set(d.stages)) == STAGE_COUNT  # every stage says something of its own
        for text in d.stages:
            assert 20 <= len(text) <= 220, (indicator, text)
            assert text.endswith(".")
        # Plain Danish: the descriptors are read aloud to young people too.
        assert lix(" ".join(d.stages)) < 45, indicator


def test_descriptors_round_trip() -> None:
    described = shipped()
    assert parse_descriptors(descriptors_to_toml(described)) == described


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40
).filter(lambda s: s.split())


@given(question=_TEXT, stage=_TEXT)
def test_any_text_survives_the_round_trip(question: str, stage: str) -> None:
    described = shipped()
    described[Ind.NETWORK] = replace(
        described[Ind.NETWORK], question=question, stages=(stage,) * STAGE_COUNT
    )
    again = parse_descriptors(descriptors_to_toml(described))[Ind.NETWORK]
    assert again.question == " ".join(question.split())
    assert again.stages == (" ".join(stage.split()),) * STAGE_COUNT


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("this is = = not toml", "kan ikke læses"),
        ("", "mangler"),
    ],
)
def test_broken_descriptor_text(text: str, fragment: str) -> None:
    with pytest.raises(DescriptorError, match=fragment):
        parse_descriptors(text)


def test_descriptor_checks_each_part() -> None:
    base = DESCRIPTORS_FILE.read_text("utf-8")
    with pytest.raises(DescriptorError, match="spørgsmålet"):
        parse_descriptors(
            base.replace('[motivation]\nquestion = "', '[motivation]\nquestion = "  " #', 1)
        )
    four = base.replace(
        '    "Siger nej til forslag og opgaver, eller siger ja uden at gøre nogen af dem.",\n',
        "",
        1,
    )
    with pytest.raises(DescriptorError, match="Motivation: der skal være 5 trin"):
        parse_descriptors(four)
    with pytest.raises(DescriptorError, match="Ukendt indikator: humor"):
        parse_descriptors(base + '\n[humor]\nquestion = "x"\nstages = []\n')
