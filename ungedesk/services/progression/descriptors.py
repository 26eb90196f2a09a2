"""The progression descriptors: for each indicator the question and the five stages that
make two caseworkers score alike. The municipality may edit them; the edited text is kept
as TOML in the settings, and "reset" goes back to the file shipped with UngeDesk."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from ungedesk.domain.errors import InputError
from ungedesk.domain.progression import (
    INDICATOR_LABELS,
    Descriptor,
    DescriptorError,
    Indicator,
    mentions_consent,
    parse_descriptors,
)
from ungedesk.resources import PROGRESSION
from ungedesk.services import settings
from ungedesk.store.database import Store

DESCRIPTORS_FILE = PROGRESSION / "descriptors.toml"
DESCRIPTORS_SETTING = settings.PROGRESSION_DESCRIPTORS  # the municipality's edited TOML text
MAX_DESCRIPTOR = 400  # characters in one question or stage text
MAX_DESCRIPTORS_TEXT = 100_000
# How to pick a score from the descriptors; the same rule heads the shipped file.
SCORING_RULE = (
    "Vælg det højeste trin, hvor alt i beskrivelsen passer. Passer intet trin helt, er det "
    "trin 1. Se på de seneste 4 uger, medmindre trinnet nævner en anden periode. Giv "
    "trinnets højeste tal, hvis den unge også opfylder noget af næste trin, ellers det laveste."
)


@dataclass(frozen=True, slots=True)
class DescriptorState:
    """What the descriptor editor shows: the descriptors in use and whose they are."""

    descriptors: dict[Indicator, Descriptor]
    edited: bool  # the municipality's own text is in use


def shipped_descriptors_text() -> str:
    return DESCRIPTORS_FILE.read_text(encoding="utf-8")


def _edited_text(session: Session) -> str | None:
    return settings.read(session, DESCRIPTORS_SETTING) or None


def descriptors_in(session: Session) -> dict[Indicator, Descriptor]:
    """The descriptors in use, inside the caller's transaction."""
    edited = _edited_text(session)
    if edited is not None:
        try:
            return parse_descriptors(edited)
        except DescriptorError:
            # save_descriptors only stores text that parses; anything else is a damaged
            # setting, and the shipped set is better than no descriptors at all.
            pass
    return parse_descriptors(shipped_descriptors_text())


def _state_in(session: Session) -> DescriptorState:
    edited = _edited_text(session)
    in_use = descriptors_in(session)
    return DescriptorState(in_use, edited is not None and edited != shipped_descriptors_text())


def descriptors_text(store: Store) -> str:
    """The descriptor TOML in use: the municipality's edited text, else the shipped one."""
    with store.session() as s:
        edited = _edited_text(s)
    return edited if edited is not None else shipped_descriptors_text()


def descriptors(store: Store) -> dict[Indicator, Descriptor]:
    """The descriptors in use (the municipality's edited set, else the shipped file)."""
    with store.session() as s:
        return descriptors_in(s)


def descriptor_state(store: Store) -> DescriptorState:
    """The descriptor editor's content, read in one transaction."""
    with store.session() as s:
        return _state_in(s)


def _validated(text: str) -> dict[Indicator, Descriptor]:
    if len(text) > MAX_DESCRIPTORS_TEXT:
        raise InputError({"descriptors": "Beskrivelserne er for lange."})
    try:
        parsed = parse_descriptors(text)
    except DescriptorError as exc:
        raise InputError({"descriptors": str(exc)}) from None
    for indicator, d in parsed.items():
        # Shown beside the score grid while the caseworker types: a page of text per
        # stage would not be read, and two caseworkers would stop scoring alike.
        if any(len(part) > MAX_DESCRIPTOR for part in (d.question, *d.stages)):
            raise InputError(
                {
                    "descriptors": (
                        f"{INDICATOR_LABELS[indicator]}: hvert spørgsmål og trin må højst "
                        f"være {MAX_DESCRIPTOR} tegn."
                    )
                }
            )
        # Consent is free: giving or refusing it must never move a score (issue: the old
        # cooperation stage rewarded "Giver samtykke ...").
        if any(mentions_consent(stage) for stage in d.stages):
            raise InputError(
                {
                    "descriptors": (
                        f"{INDICATOR_LABELS[indicator]}: et trin må ikke handle om samtykke. "
                        "Samtykke er frivilligt, og et nej må ikke give en lavere score."
                    )
                }
            )
    return parsed


def save_descriptors(store: Store, text: str) -> dict[Indicator, Descriptor]:
    """Keep the municipality's edited descriptors; refuses text that does not parse."""
    parsed = _validated(text)
    with store.session() as s:
        settings.write(s, DESCRIPTORS_SETTING, text)
    return parsed


def reset_descriptors(store: Store) -> DescriptorState:
    """Go back to the shipped descriptors; returns what the editor shows then, read in the
    same transaction."""
    with store.session() as s:
        settings.clear(s, DESCRIPTORS_SETTING)
        return _state_in(s)
