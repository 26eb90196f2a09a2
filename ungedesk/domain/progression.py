"""Progression on the nine indicators (seed 004): the scale, its stages, the descriptors that
make two caseworkers score alike, validation of a measurement, and differences to talk about.

The descriptors are data (resources/progression/descriptors.toml, editable by the
municipality); this module parses and checks them but does not read files.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

SCALE_MIN = 1
SCALE_MAX = 10
STAGE_COUNT = 5
# Caseworker and young person this far apart on one indicator is something to talk about.
TALK_ABOUT_DIFFERENCE = 3
MAX_COMMENT = 500


class Indicator(StrEnum):
    SKILLS = "skills"
    WORK_IDENTITY = "work_identity"
    HEALTH = "health"
    SUBSTANCE_USE = "substance_use"
    FINANCES = "finances"
    MOTIVATION = "motivation"
    ATTENDANCE = "attendance"
    NETWORK = "network"
    COOPERATION = "cooperation"


INDICATOR_LABELS: dict[Indicator, str] = {
    Indicator.SKILLS: "Faglige/praktiske kompetencer",
    Indicator.WORK_IDENTITY: "Arbejdsidentitet",
    Indicator.HEALTH: "Mestring af helbred",
    Indicator.SUBSTANCE_USE: "Misbrug",
    Indicator.FINANCES: "Økonomi",
    Indicator.MOTIVATION: "Motivation",
    Indicator.ATTENDANCE: "Mødestabilitet",
    Indicator.NETWORK: "Netværk",
    Indicator.COOPERATION: "Samarbejde",
}

# Short labels for chart axes, where the long ones would collide.
INDICATOR_SHORT: dict[Indicator, str] = {
    Indicator.SKILLS: "Kompetencer",
    Indicator.WORK_IDENTITY: "Arbejdsidentitet",
    Indicator.HEALTH: "Helbred",
    Indicator.SUBSTANCE_USE: "Misbrug",
    Indicator.FINANCES: "Økonomi",
    Indicator.MOTIVATION: "Motivation",
    Indicator.ATTENDANCE: "Mødestabilitet",
    Indicator.NETWORK: "Netværk",
    Indicator.COOPERATION: "Samarbejde",
}

# GDPR art. 9: shown only on the progression screen; every read is flagged in the audit log.
SPECIAL_CATEGORY = frozenset({Indicator.HEALTH, Indicator.SUBSTANCE_USE})
# Finances and debt are confidential private matters (fortrolige oplysninger om rent private
# forhold, databeskyttelsesloven § 8): not art. 9 data, so a sub-goal about them needs no
# health consent, but they are protected the same way as health and substance use.
CONFIDENTIAL = frozenset({Indicator.FINANCES})
# Everything handled as sensitive: never in the handout, never named in the access log (only
# counted), every read that can show it flagged, and marked wherever it is shown.
SENSITIVE = SPECIAL_CATEGORY | CONFIDENTIAL

# Five stages over 1-10, two scores each; the labels are the same for every indicator.
STAGE_LABELS: tuple[str, ...] = (
    "Meget langt fra",
    "Langt fra",
    "På vej",
    "Tæt på",
    "Klar",
)


def stage_of(score: int) -> int:
    """The stage (1-5) a score (1-10) belongs to: 1-2 is stage 1, 9-10 stage 5."""
    if not SCALE_MIN <= score <= SCALE_MAX:
        raise ValueError(f"score {score} outside {SCALE_MIN}-{SCALE_MAX}")
    return (score + 1) // 2


def stage_range(stage: int) -> tuple[int, int]:
    """The two scores of a stage (1-5)."""
    return 2 * stage - 1, 2 * stage


def parse_score(text: str) -> int | None:
    """A score typed in a field: '' is no score; anything else must be a whole 1-10.
    Raises ValueError with a Danish message for the field."""
    cleaned = text.strip()
    if not cleaned:
        return None
    # isdecimal, not isdigit: "²" is a digit that int() refuses, which would surface as an
    # English error instead of the field's Danish message.
    if not cleaned.isdecimal():
        raise ValueError(f"Skriv et helt tal fra {SCALE_MIN} til {SCALE_MAX}.")
    value = int(cleaned)
    if not SCALE_MIN <= value <= SCALE_MAX:
        raise ValueError(f"Scoren skal være fra {SCALE_MIN} til {SCALE_MAX}.")
    return value


def talk_about(caseworker: int | None, youth: int | None) -> bool:
    """True when both scored and they differ by TALK_ABOUT_DIFFERENCE or more."""
    if caseworker is None or youth is None:
        return False
    return abs(caseworker - youth) >= TALK_ABOUT_DIFFERENCE


@dataclass(frozen=True, slots=True)
class ScoreInput:
    indicator: Indicator
    caseworker_score: int | None
    youth_score: int | None
    comment: str = ""


@dataclass(frozen=True, slots=True)
class MeasurementInput:
    measured_on: date | None
    scores: tuple[ScoreInput, ...]
    conversation_id: int | None = None


def score_field(indicator: Indicator, who: str) -> str:
    """The error key of one score field: ``score.<indicator>.<caseworker|youth|comment>``."""
    return f"score.{indicator.value}.{who}"


def validate_measurement(
    data: MeasurementInput, *, chosen: Iterable[Indicator], henvendelse: date, today: date
) -> dict[str, str]:
    """Field errors (Danish) for a measurement. The caseworker's score is required for every
    indicator in it; the young person's own score may be missing (they may not want to)."""
    errors: dict[str, str] = {}
    if data.measured_on is None:
        errors["measured_on"] = "Vælg datoen for målingen."
    elif data.measured_on < henvendelse:
        errors["measured_on"] = "Målingen kan ikke ligge før henvendelsesdatoen."
    elif data.measured_on > today:
        errors["measured_on"] = "Målingen kan ikke ligge i fremtiden."
    allowed = set(chosen)
    if not data.scores:
        errors["scores"] = "Vælg mindst én indikator for den unge, før du måler."
    seen: set[Indicator] = set()
    for score in data.scores:
        if score.indicator in seen:
            errors["scores"] = f"{INDICATOR_LABELS[score.indicator]} står to gange i målingen."
        seen.add(score.indicator)
        if score.indicator not in allowed:
            errors[score_field(score.indicator, "caseworker")] = (
                f"{INDICATOR_LABELS[score.indicator]} er ikke valgt for den unge."
            )
            continue
        for who, value in (
            ("caseworker", score.caseworker_score),
            ("youth", score.youth_score),
        ):
            if value is not None and not SCALE_MIN <= value <= SCALE_MAX:
                errors[score_field(score.indicator, who)] = (
                    f"Scoren skal være fra {SCALE_MIN} til {SCALE_MAX}."
                )
        if score.caseworker_score is None:
            errors[score_field(score.indicator, "caseworker")] = (
                f"Giv en score for {INDICATOR_LABELS[score.indicator].lower()} (1-10)."
            )
        if len(score.comment) > MAX_COMMENT:
            errors[score_field(score.indicator, "comment")] = (
                f"Kommentaren må højst være {MAX_COMMENT} tegn."
            )
    return errors


def average_movement(pairs: Iterable[tuple[int, int]]) -> float | None:
    """The mean of (latest - first) over (first, latest) pairs; None when there are none."""
    moves = [latest - first for first, latest in pairs]
    if not moves:
        return None
    return sum(moves) / len(moves)


@dataclass(frozen=True, slots=True)
class Descriptor:
    """What the five stages mean for one indicator, in plain Danish."""

    indicator: Indicator
    question: str  # what the indicator asks about, one line
    stages: tuple[str, ...]  # STAGE_COUNT texts, stage 1 first


class DescriptorError(ValueError):
    """The descriptor text cannot be used; the message is Danish and names the place."""


def parse_descriptors(text: str) -> dict[Indicator, Descriptor]:
    """Parse descriptor TOML: one table per indicator id with ``question`` and a list of
    five ``stages``. Every indicator must be there, every text non-empty."""
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise DescriptorError(f"Beskrivelserne kan ikke læses: {exc}") from None
    return descriptors_from_mapping(raw)


def descriptors_from_mapping(raw: Mapping[str, object]) -> dict[Indicator, Descriptor]:
    out: dict[Indicator, Descriptor] = {}
    for indicator in Indicator:
        label = INDICATOR_LABELS[indicator]
        entry = raw.get(indicator.value)
        if not isinstance(entry, Mapping):
            raise DescriptorError(f"Beskrivelsen af {label} mangler.")
        question = entry.get("question", "")
        stages = entry.get("stages", [])
        if not isinstance(question, str) or not question.strip():
            raise DescriptorError(f"{label}: spørgsmålet mangler.")
        if (
            not isinstance(stages, list)
            or len(stages) != STAGE_COUNT
            or not all(isinstance(s, str) and s.strip() for s in stages)
        ):
            raise DescriptorError(f"{label}: der skal være {STAGE_COUNT} trin med tekst.")
        out[indicator] = Descriptor(
            indicator, " ".join(question.split()), tuple(" ".join(s.split()) for s in stages)
        )
    unknown = set(raw) - {i.value for i in Indicator}
    if unknown:
        raise DescriptorError(f"Ukendt indikator: {', '.join(sorted(unknown))}.")
    return out


def mentions_consent(text: str) -> bool:
    """True when a stage text is about consent (samtykke, samtykker, samtykket ...): consent
    is free, so whether it is given must never be what a stage asks for."""
    return "samtykke" in text.casefold()


def descriptors_to_toml(descriptors: Mapping[Indicator, Descriptor]) -> str:
    """The inverse of parse_descriptors, for saving an edited set."""
    lines: list[str] = []
    for indicator in Indicator:
        d = descriptors[indicator]
        lines.append(f"[{indicator.value}]")
        lines.append(f"question = {_toml_string(d.question)}")
        lines.append("stages = [")
        lines.extend(f"    {_toml_string(s)}," for s in d.stages)
        lines.append("]")
        lines.append("")
    return "\n".join(lines)


def _toml_string(text: str) -> str:
    out: list[str] = []
    for char in text:
        if char in ('"', "\\"):
            out.append("\\" + char)
        elif (ord(char) < 0x20 and char != "\t") or ord(char) == 0x7F:
            # TOML forbids raw control characters in a basic string; an edited text pasted
            # from elsewhere may carry one, and the saved file must still parse.
            out.append(f"\\u{ord(char):04X}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'
