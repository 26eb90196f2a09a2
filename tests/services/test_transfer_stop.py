"""Stopping a case transfer (the Stop button): no file, no log entry, no imported row.

Export and import are each stopped at their first reported step and at their last point
where Stop is honoured (after the log entry or the imported rows are written in the
transaction, before it commits); afterwards neither store nor the export folder shows a
trace of the work.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import TEST_SCRYPT_N
from tests.services.test_backup_stop import Recorder
from tests.services.test_transfer import CASE_PASS, PERSON
from ungedesk.domain.errors import StoppedError
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.services import audit, setup, transfer, youths
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths

TODAY_ = PERSON.henvendelse_date


@pytest.fixture
def receiver(tmp_path: Path) -> Iterator[Store]:
    result = setup.create_installation(
        StorePaths(tmp_path / "modtager"),
        "en anden lang frase til modtageren her",
        ProfileInput("Jens Modtager", "JM", "Jobcenter", Role.CASEWORKER),
        scrypt_n=TEST_SCRYPT_N,
    )
    yield result.opened.store
    result.opened.store.close()


def test_an_export_reports_its_steps(store: Store, tmp_path: Path) -> None:
    yid = youths.register(store, PERSON, today=TODAY_).youth_id
    seen = Recorder(at=0)
    transfer.export_case(store, yid, tmp_path / "ud", CASE_PASS, progress=seen.progress)
    assert seen.labels == ["Samler sagen", "Krypterer sagen", "Skriver filen"]


# Pressed while the case is gathered (raised before it is encrypted), or while it is
# encrypted and logged (raised at "Skriver filen", the log entry written but not committed).
@pytest.mark.parametrize("at", [1, 2], ids=["first-step", "last-step"])
def test_a_stopped_export_writes_no_file_and_no_log_entry(
    store: Store, tmp_path: Path, at: int
) -> None:
    yid = youths.register(store, PERSON, today=TODAY_).youth_id
    events = len(audit.events_for_youth(store, yid))
    out = tmp_path / "ud"
    stopper = Recorder(at)
    with pytest.raises(StoppedError):
        transfer.export_case(store, yid, out, CASE_PASS, progress=stopper.progress)
    assert len(stopper.labels) == at
    assert not out.exists() or list(out.iterdir()) == []
    assert len(audit.events_for_youth(store, yid)) == events
    # The store writes on as before: the same export, not stopped, succeeds and is logged.
    made = transfer.export_case(store, yid, out, CASE_PASS)
    assert made.is_file()
    assert len(audit.events_for_youth(store, yid)) == events + 1


def test_an_import_reports_its_steps(store: Store, receiver: Store, tmp_path: Path) -> None:
    yid = youths.register(store, PERSON, today=TODAY_).youth_id
    sent = transfer.export_case(store, yid, tmp_path / "ud", CASE_PASS)
    seen = Recorder(at=0)
    transfer.import_case(receiver, sent, CASE_PASS, today=TODAY_, progress=seen.progress)
    assert seen.labels == [
        "Læser filen",
        "Sammenligner med det, der findes her",
        "Gemmer sagen",
        "Beregner frister",
        "Afslutter",
    ]


# Pressed while the file is read (raised before the transaction), or while the deadlines
# are computed (raised at "Afslutter": person, rows and log entry written, not committed).
@pytest.mark.parametrize("at", [1, 4], ids=["first-step", "last-step"])
def test_a_stopped_import_leaves_the_receiver_as_it_was(
    store: Store, receiver: Store, tmp_path: Path, at: int
) -> None:
    yid = youths.register(store, PERSON, today=TODAY_).youth_id
    sent = transfer.export_case(store, yid, tmp_path / "ud", CASE_PASS)
    head_before = audit.verify(receiver)
    stopper = Recorder(at)
    with pytest.raises(StoppedError):
        transfer.import_case(receiver, sent, CASE_PASS, today=TODAY_, progress=stopper.progress)
    assert len(stopper.labels) == at
    assert youths.count(receiver) == 0
    assert audit.verify(receiver) == head_before
    # Nothing was taken half: the same file imports in full afterwards.
    result = transfer.import_case(receiver, sent, CASE_PASS, today=TODAY_)
    assert result.created and youths.count(receiver) == 1
