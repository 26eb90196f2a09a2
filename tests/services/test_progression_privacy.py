"""Progression descriptors and privacy: no stage rewards consent, and finances (a confidential
private matter) are kept out of the handout and the log's words like health and substance use."""

from __future__ import annotations

import dataclasses
import io
from datetime import date

import pytest
from pypdf import PdfReader

from tests.conftest import TODAY
from tests.services.test_plan_pdf import handout
from ungedesk.domain.errors import InputError
from ungedesk.domain.plan import SpiderReading
from ungedesk.domain.progression import (
    CONFIDENTIAL,
    SENSITIVE,
    SPECIAL_CATEGORY,
    Indicator,
    MeasurementInput,
    ScoreInput,
    mentions_consent,
)
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, plan_pdf, progression, youths
from ungedesk.store.database import Store

Ind = Indicator
CONSENT_STAGE = "Giver samtykke, når vi skal tale med skole, læge eller andre."


def _person(store: Store) -> int:
    return youths.register(
        store,
        YouthInput("150605-4321", "Maja", "Privat", date(2026, 1, 5), caseworker_id=1),
        today=TODAY,
    ).youth_id


def test_finances_are_sensitive_but_not_art_9() -> None:
    assert {Ind.HEALTH, Ind.SUBSTANCE_USE} == SPECIAL_CATEGORY
    assert {Ind.FINANCES} == CONFIDENTIAL
    assert {Ind.HEALTH, Ind.SUBSTANCE_USE, Ind.FINANCES} == SENSITIVE


def test_no_shipped_stage_is_about_consent(store: Store) -> None:
    described = progression.descriptors(store)
    for indicator, descriptor in described.items():
        assert not any(mentions_consent(stage) for stage in descriptor.stages), indicator
    cooperation = described[Ind.COOPERATION].stages
    assert len(cooperation) == 5 and CONSENT_STAGE not in " ".join(cooperation)
    assert cooperation[3].startswith("Svarer inden for 2 hverdage")


def test_an_edited_stage_about_consent_is_refused(store: Store) -> None:
    shipped = progression.descriptors_text(store)
    edited = shipped.replace("Kommer til samtalerne med egne spørgsmål", "Giver Samtykke")
    assert edited != shipped
    with pytest.raises(InputError) as err:
        progression.save_descriptors(store, edited)
    assert err.value.fields["descriptors"].startswith("Samarbejde: et trin må ikke")
    assert progression.descriptors_text(store) == shipped  # nothing saved


def test_finances_are_flagged_and_counted_not_named_in_the_log(store: Store) -> None:
    yid = _person(store)
    progression.choose_indicators(store, yid, [Ind.ATTENDANCE, Ind.FINANCES], date(2026, 2, 1))
    event = audit.events_for_youth(store, yid)[0]
    assert event.special
    assert "økonomi" not in event.detail.casefold()
    assert event.detail == "Progression: indikatorer valgt mødestabilitet, 1 følsom indikator"
    progression.record_measurement(
        store,
        yid,
        MeasurementInput(
            date(2026, 3, 2),
            (ScoreInput(Ind.ATTENDANCE, 5, 6), ScoreInput(Ind.FINANCES, 2, 3)),
        ),
        today=TODAY,
    )
    assert audit.events_for_youth(store, yid)[0].special
    progression.get_progression(store, yid)
    read = audit.events_for_youth(store, yid)[0]
    assert read.detail == "Progression" and read.special


def test_the_handout_never_carries_finances(store: Store) -> None:
    yid = _person(store)
    progression.choose_indicators(
        store, yid, [Ind.ATTENDANCE, Ind.SKILLS, Ind.FINANCES], date(2026, 2, 1)
    )
    progression.record_measurement(
        store,
        yid,
        MeasurementInput(
            date(2026, 3, 2),
            (
                ScoreInput(Ind.ATTENDANCE, 5, 6),
                ScoreInput(Ind.SKILLS, 4, 4),
                ScoreInput(Ind.FINANCES, 2, 3),
            ),
        ),
        today=TODAY,
    )
    first, _, shown = progression.handout_readings(store, yid)
    assert shown == (Ind.SKILLS, Ind.ATTENDANCE)
    assert first is not None and Ind.FINANCES not in first.scores


def test_the_pdf_leaves_out_sensitive_indicators_even_when_handed_them() -> None:
    axes = (Ind.SKILLS, Ind.MOTIVATION, Ind.ATTENDANCE, Ind.FINANCES, Ind.HEALTH)
    h = dataclasses.replace(
        handout(),
        first_reading=SpiderReading(date(2026, 3, 3), dict.fromkeys(axes, 3)),
        latest_reading=SpiderReading(date(2026, 11, 17), dict.fromkeys(axes, 7)),
        indicators=axes,
    )
    reader = PdfReader(io.BytesIO(plan_pdf.render_handout(h)))
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "Motivation" in text and "Mødestabilitet" in text
    assert "Økonomi" not in text and "Helbred" not in text
