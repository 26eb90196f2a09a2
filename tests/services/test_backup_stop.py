"""Stopping a backup or a restore (the Stop button): nothing half-written is left behind.

Each job is stopped at its first reported step and at its last point where Stop is
honoured; afterwards the previous backup file, the store's files, its content and the
keyring are exactly as before, and no temporary file or staging folder remains.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, MemoryKeyring
from tests.services.test_backup import add_people
from ungedesk.domain.errors import StoppedError
from ungedesk.services import audit, backup, backup_archive, restore, setup, youths
from ungedesk.services.progress import Progress
from ungedesk.store import keys
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths

# backup.backup reports six steps: 0 "Gør klar", 1 reading, 2 copying, 3 checking,
# 4 packing and 5 "Gemmer" (the last point where Stop is honoured, before the BACKUP event).
BACKUP_REPORTS = 6


class Recorder:
    """A Progress whose Stop is pressed while the ``at``-th step (1-based) is shown."""

    def __init__(self, at: int) -> None:
        self.labels: list[str] = []
        self.at = at
        self.progress = Progress(self._report)

    def _report(self, done: int, total: int, label: str) -> None:
        self.labels.append(label)
        if len(self.labels) == self.at:
            self.progress.stop()


def folder_digest(root: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.iterdir())
        if p.is_file()
    }


def stray(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_a_full_backup_reports_every_step(store: Store, tmp_path: Path) -> None:
    seen = Recorder(at=0)  # never stops
    backup.backup(store, tmp_path / "kopi.udbackup", progress=seen.progress)
    assert len(seen.labels) == BACKUP_REPORTS
    assert seen.labels[0] == "Gør klar" and seen.labels[-1] == "Gemmer sikkerhedskopien"


@pytest.mark.parametrize("at", [1, BACKUP_REPORTS - 1], ids=["first-step", "last-step"])
def test_a_stopped_backup_leaves_the_old_file_and_the_store(
    store: Store, store_paths: StorePaths, tmp_path: Path, at: int
) -> None:
    add_people(store, 4)
    out = tmp_path / "ud"
    out.mkdir()
    target = out / "kopi.udbackup"
    first = backup.backup(store, target)
    old_bytes = target.read_bytes()
    taken_at = backup.last_backup(store)
    events = len(audit.recent_for_actor(store, 1))
    stopper = Recorder(at)
    with pytest.raises(StoppedError) as info:
        backup.backup(store, target, force=True, progress=stopper.progress)
    assert len(stopper.labels) == at  # stopped right after the step it was pressed in
    assert info.value.message == "Arbejdet blev stoppet. Intet er ændret."
    assert target.read_bytes() == old_bytes  # the previous backup is untouched
    assert sorted(p.name for p in out.iterdir()) == ["kopi.udbackup"]  # no temp file
    assert backup.last_backup(store) == taken_at
    assert len(audit.recent_for_actor(store, 1)) == events  # no BACKUP event
    assert stray(store_paths.root) == []
    # The store still reads, and the untouched backup is still the first one.
    assert youths.count(store) == 4
    assert backup_archive.inspect(target).rows == first.rows


# --- restore ---------------------------------------------------------------------------


@pytest.fixture
def taken(store: Store, tmp_path: Path) -> Path:
    add_people(store, 3)
    target = tmp_path / "kopi.udbackup"
    backup.backup(store, target)
    return target


def restore_reports(store_paths: StorePaths, taken: Path) -> list[str]:
    seen = Recorder(at=0)
    opened = restore.restore(store_paths, taken, progress=seen.progress)
    opened.store.close()
    return seen.labels


def test_a_full_restore_reports_unpacking_then_its_steps(
    store: Store, store_paths: StorePaths, taken: Path
) -> None:
    store.close()
    labels = restore_reports(store_paths, taken)
    # The database member is smaller than one unpacking chunk (1 MB): one unpack report,
    # then "Låser op", "Kontrollerer" and "Sætter på plads" (the last point for Stop).
    assert labels == [
        "Pakker sikkerhedskopien ud",
        "Låser sikkerhedskopien op",
        "Kontrollerer sikkerhedskopien",
        "Sætter den gendannede database på plads",
    ]


# Pressed while unpacking (raised at "Låser op"), or while the staged store is checked
# (raised at "Sætter på plads", the last point before the keyring changes).
@pytest.mark.parametrize("at", [1, 3], ids=["first-step", "last-step"])
def test_a_stopped_restore_leaves_the_store_and_the_keyring(
    store: Store,
    store_paths: StorePaths,
    taken: Path,
    memory_keyring: MemoryKeyring,
    at: int,
) -> None:
    # add_people numbers from the start, so this adds two to the backup's three: 5 against 3.
    add_people(store, 5)
    store_id = store.store_id
    store.close()
    before = folder_digest(store_paths.root)
    key_before = memory_keyring.get_password(keys.KEYRING_SERVICE, store_id)
    stopper = Recorder(at)
    with pytest.raises(StoppedError):
        restore.restore(store_paths, taken, progress=stopper.progress)
    assert len(stopper.labels) == at
    assert folder_digest(store_paths.root) == before
    assert stray(store_paths.root) == []  # no staging folder, no journal
    assert memory_keyring.get_password(keys.KEYRING_SERVICE, store_id) == key_before
    # The old store opens with its own content.
    opened = setup.unlock(store_paths, PASSPHRASE)
    try:
        assert youths.count(opened.store) == 5
    finally:
        opened.store.close()


def test_restore_closes_the_store_it_replaces(
    store: Store, store_paths: StorePaths, taken: Path
) -> None:
    add_people(store, 4)  # one more than the backup's three
    opened = restore.restore(store_paths, taken, replacing=store)
    try:
        assert youths.count(opened.store) == 3
    finally:
        opened.store.close()
