"""Hammering the transfer reader: random and mutated documents either parse into a valid
case or get the Danish "bad file" message, never any other error; the same through a real
import on a real store, which stays sound."""

from __future__ import annotations

import copy
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PASSPHRASE, TEST_SCRYPT_N, TODAY
from tests.support.transfer_files import seal_doc
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.services import integrity, setup, transfer
from ungedesk.services.transfer_payload import (
    ParsedCase,
    TransferFileError,
    copied_tables,
    identities,
    parse_case,
    parse_header,
)
from ungedesk.store.paths import StorePaths

NOW = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)
CPR = "1506054321"
STAMP = "2026-11-02T09:15:00"
BASE: dict[str, Any] = {
    "format": "ungedesk-case",
    "version": 1,
    "exported": "2026-11-24T10:00:00+00:00",
    "tables": {
        "youth": [
            {
                "id": 4,
                "cpr": CPR,
                "case_number": "U-2026-00004",
                "first_name": "Łukasz",
                "last_name": "Nowak",
                "birth_date": "2005-06-15",
                "legal_sex": "M",
                "address": "Nørregade 4",
                "postal_code": "6760",
                "city": "Ribe",
                "phone": "20 30 40 50",
                "email": "l@example.dk",
                "henvendelse_date": "2026-09-01",
                "benefit": "kontanthjaelp",
                "education": "grundskole",
                "status": "active",
                "closed_on": None,
                "exit_reason": "",
                "caseworker_id": 1,
                "created_by_id": None,
                "created_at": STAMP,
                "updated_at": STAMP,
            }
        ],
        "visitation": [{"id": 1, "youth_id": 4, "visited_on": "2026-09-02", "uu_present": True}],
        "target_group_entry": [
            {"id": 1, "youth_id": 4, "valid_from": "2026-09-02", "target_group": "lab6_4"}
        ],
        "conversation": [
            {
                "id": 3,
                "youth_id": 4,
                "kind": "first",
                "status": "held",
                "starts_at": "2026-09-03T10:30:00",
                "duration_minutes": 45,
                "mode": "in_person",
                "place": "Jobcentret",
                "participants": "[]",
                "notes": "Gik godt",
                "created_at": STAMP,
                "updated_at": STAMP,
            }
        ],
        "case_event": [
            {"id": 1, "youth_id": 4, "kind": "contact", "on": "2026-11-02", "note": "ringede"}
        ],
        "measurement": [
            {
                "id": 5,
                "youth_id": 4,
                "measured_on": "2026-09-03",
                "conversation_id": 3,
                "recorded_by": "ABJ",
                "created_at": STAMP,
                "updated_at": STAMP,
            }
        ],
        "measurement_score": [
            {
                "id": 8,
                "measurement_id": 5,
                "youth_id": 4,
                "indicator": "attendance",
                "caseworker_score": 6,
                "youth_score": None,
                "comment": "",
            }
        ],
        "measurement_correction": [
            {
                "id": 2,
                "measurement_id": 5,
                "youth_id": 4,
                "corrected_at": STAMP,
                "corrected_by": "ABJ",
                "reason": "Tastefejl",
                "before": "{}",
            }
        ],
        "consent": [{"id": 1, "youth_id": 4, "given_on": "2026-10-01", "scope": "family"}],
        "plan_version": [
            {
                "id": 1,
                "youth_id": 4,
                "number": 1,
                "handed_out_on": "2026-10-02",
                "handed_out_by": "ABJ",
                "snapshot": "{}",
                "created_at": STAMP,
            }
        ],
        "deadline": [
            {
                "id": 9,
                "youth_id": 4,
                "rule_id": "first_talk",
                "start": "2026-09-01",
                "due": "2026-09-08",
                "met": True,
                "met_on": "2026-09-03",
                "done": 1,
            }
        ],
    },
}

TRICKY = st.sampled_from(
    [
        "",
        "ABCDEFGHIJ",
        "１５０６０５４３２１",
        "150605-4321",
        "2026-02-30",
        "2026-11-24T10:00:00",
        "2099-01-01T00:00:00",
        "2026-11-01T10:00:00+05:00",
        "A" * 5000,
        "\ud800",
        "x\x00y",
        "first",
        "held",
        "lab6_4",
        "closed",
        "F",
    ]
)
LEAF = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()
    | st.text(max_size=30)
    | TRICKY
)
JSON = st.recursive(
    LEAF,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=12,
)


def _spots(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in the document a value sits (dict keys and list indexes)."""
    out = [path]
    if isinstance(node, dict):
        for key, value in node.items():
            out += _spots(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            out += _spots(value, (*path, index))
    return out


def _mutate(doc: Any, data: st.DataObject) -> Any:
    spot = data.draw(st.sampled_from(_spots(doc)))
    if not spot:
        return data.draw(JSON)
    parent: Any = doc
    for key in spot[:-1]:
        parent = parent[key]
    key = spot[-1]
    action = data.draw(st.sampled_from(["replace", "delete", "add", "duplicate"]))
    if action == "replace":
        parent[key] = data.draw(JSON)
    elif action == "delete":
        del parent[key]
    elif action == "add" and isinstance(parent, dict):
        parent[data.draw(st.text(max_size=12) | st.sampled_from(sorted(copied_tables())))] = (
            data.draw(JSON)
        )
    elif isinstance(parent, list):
        parent.append(copy.deepcopy(parent[key]))
    return doc


def _check(doc: Any) -> ParsedCase | None:
    try:
        return parse_case(doc, today=TODAY, now=NOW)
    except TransferFileError as exc:
        # Danish, and never the CPR.
        assert exc.message.startswith(("Filen", "Overførselsfilen")), exc.message
        assert CPR not in exc.message
        return None


def test_the_base_document_is_a_valid_case() -> None:
    parsed = parse_case(copy.deepcopy(BASE), today=TODAY, now=NOW)
    assert parsed.cpr == CPR and parsed.youth["henvendelse_date"] == date(2026, 9, 1)
    assert parsed.tables["measurement_score"][0]["measurement_id"] == 5
    ids = identities(parsed.tables)
    # A score's identity carries its measurement's, which carries its conversation's.
    assert '"Gik godt"' in ids["measurement_score"][0]


@settings(
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(st.data())
def test_mutated_documents_parse_or_get_the_bad_file_message(data: st.DataObject) -> None:
    doc = copy.deepcopy(BASE)
    for _ in range(data.draw(st.integers(min_value=1, max_value=3))):
        doc = _mutate(doc, data)
    parsed = _check(doc)
    if parsed is not None:
        assert isinstance(parsed.cpr, str) and len(parsed.cpr) == 10 and parsed.cpr.isascii()
        assert all(isinstance(rows, list) for rows in parsed.tables.values())


@settings(
    max_examples=500,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(JSON)
def test_random_documents_get_the_bad_file_message(doc: Any) -> None:
    assert _check(doc) is None


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=600) | JSON.map(lambda v: repr(v).encode()))
def test_random_headers_get_the_bad_file_message(line: bytes) -> None:
    with pytest.raises(TransferFileError):
        parse_header(line)


def test_mutated_files_through_a_real_import_leave_a_sound_store(tmp_path: Path) -> None:
    receiver = setup.create_installation(
        StorePaths(tmp_path / "modtager"),
        PASSPHRASE,
        ProfileInput("Jens Modtager", "JM", "Jobcenter", Role.CASEWORKER),
        scrypt_n=TEST_SCRYPT_N,
    ).opened.store
    outcomes: dict[str, int] = {}

    @settings(
        max_examples=80,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(st.data())
    def run(data: st.DataObject) -> None:
        doc = copy.deepcopy(BASE)
        for _ in range(data.draw(st.integers(min_value=0, max_value=2))):
            doc = _mutate(doc, data)
        path = seal_doc(doc, tmp_path / "fuzz.udcase", transfer_pass)
        replace = data.draw(st.booleans())
        try:
            transfer.import_case(receiver, path, transfer_pass, today=TODAY, replace=replace)
            kind = "imported"
        except TransferFileError as exc:
            assert CPR not in exc.message
            kind = "bad file"
        except transfer.TransferConflictError as exc:
            assert CPR not in exc.message and exc.losses
            kind = "conflict"
        outcomes[kind] = outcomes.get(kind, 0) + 1

    transfer_pass = "overførsel mellem to kontorer i Ribe"
    try:
        run()
        assert integrity.check(receiver).sound
    finally:
        receiver.close()
    assert outcomes.get("imported", 0) > 0 and outcomes.get("bad file", 0) > 0, outcomes
