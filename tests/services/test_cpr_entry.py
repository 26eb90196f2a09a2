"""Every place a CPR number enters goes through the domain's parsing, so a number typed
in fullwidth or Arabic-Indic digits is the same person as the ASCII one (issue 10)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from sqlalchemy import select

from tests.conftest import TODAY
from ungedesk.domain.search import RegisterIndex
from ungedesk.domain.youth import YouthInput
from ungedesk.services import access, caseworkers, youths
from ungedesk.store.database import Store
from ungedesk.store.models import Youth

ASCII = "010105-4123"  # synthetic
FULLWIDTH = "\uff10\uff11\uff10\uff11\uff10\uff15-\uff14\uff11\uff12\uff13"  # ０１０１０５-４１２３
FULLWIDTH_HYPHEN = FULLWIDTH.replace("-", "\uff0d")
ARABIC_INDIC = "\u0660\u0661\u0660\u0661\u0660\u0665\u0664\u0661\u0662\u0663"


def _input(store: Store, cpr: str, first: str = "Jonas") -> YouthInput:
    me = caseworkers.current_user(store)
    assert me is not None
    return YouthInput(cpr, first, "Hansen", date(2026, 11, 2), caseworker_id=me.id)


def test_registering_in_fullwidth_digits_is_the_existing_person(store: Store) -> None:
    first = youths.register(store, _input(store, ASCII), today=TODAY)
    for text in (FULLWIDTH, FULLWIDTH_HYPHEN, ARABIC_INDIC):
        again = youths.register(store, _input(store, text, first="Jonas2"), today=TODAY)
        assert not again.created and again.youth_id == first.youth_id
    assert youths.count(store) == 1


def test_a_person_first_registered_in_fullwidth_is_stored_in_ascii(store: Store) -> None:
    outcome = youths.register(store, _input(store, FULLWIDTH_HYPHEN), today=TODAY)
    assert outcome.created
    with store.session() as s:
        stored = s.scalar(select(Youth.cpr).where(Youth.id == outcome.youth_id))
    assert stored == "0101054123"
    # The ASCII number now finds that same person, and registering it makes no twin.
    assert youths.find_by_cpr(store, ASCII) == outcome.youth_id
    assert not youths.register(store, _input(store, ASCII), today=TODAY).created


def test_search_find_by_cpr_and_export_all_find_the_person(store: Store, tmp_path: Path) -> None:
    yid = youths.register(store, _input(store, ASCII), today=TODAY).youth_id
    for text in (FULLWIDTH, FULLWIDTH_HYPHEN, ARABIC_INDIC):
        assert youths.find_by_cpr(store, text) == yid
    index = RegisterIndex(youths.register_rows(store))
    assert index.search(FULLWIDTH) == 1 and index.row(0).id == yid
    assert index.search("\uff10\uff11\uff10\uff11") == 1
    found = youths.find_by_cpr(store, FULLWIDTH)
    assert found is not None
    result = access.export_person(store, found, tmp_path / "indsigt")
    doc = json.loads(result.json_path.read_text("utf-8"))
    assert [row["cpr"] for row in doc["tabeller"]["youth"]] == ["0101054123"]
