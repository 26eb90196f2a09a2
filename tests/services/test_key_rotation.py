"""Rotating the data key: a new key for the whole database, swapped in crash-safely."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, TODAY
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, integrity, key_rotation, setup, youths
from ungedesk.services.audit import Action
from ungedesk.store import anchor, keys
from ungedesk.store.connection import connect_raw
from ungedesk.store.database import Store
from ungedesk.store.errors import CorruptStoreError, StoreLockedError, WrongPassphraseError
from ungedesk.store.paths import StorePaths


def _fill(store: Store, n: int = 5) -> None:
    for i in range(n):
        youths.register(
            store,
            YouthInput(
                f"{i + 1:02d}0105-4123", "Jonas", "Hansen", date(2026, 11, 2), caseworker_id=1
            ),
            today=TODAY,
        )


def _digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def _data_key(paths: StorePaths) -> bytes:
    return keys.unwrap(keys.load_key_file(paths.key_file), PASSPHRASE)


def _assert_sound(paths: StorePaths, youth_count: int) -> None:
    opened = setup.unlock(paths, PASSPHRASE)
    try:
        assert youths.count(opened.store) == youth_count
        assert integrity.check(opened.store).sound
        assert audit.verify(opened.store).ok
    finally:
        opened.store.close()


def test_rotation_re_encrypts_under_a_new_key(store: Store, store_paths: StorePaths) -> None:
    _fill(store)
    old_key = _data_key(store_paths)
    store_id = store.store_id
    store.close()
    result = key_rotation.rotate_data_key(store_paths, PASSPHRASE)
    new_key = _data_key(store_paths)
    assert new_key != old_key
    assert result.rows > 0 and result.tables > 5 and result.keyring_updated
    assert not result.resumed
    with pytest.raises(CorruptStoreError):  # the old key no longer reads the database
        connect_raw(store_paths.db, old_key).close()
    assert keys.load_key_file(store_paths.key_file).store_id == store_id
    assert keys.keyring_get(store_id) == new_key
    _assert_sound(store_paths, 5)
    opened = setup.unlock(store_paths)  # from the keyring, as the app starts
    try:
        events = audit.recent_for_actor(opened.store, 1)
    finally:
        opened.store.close()
    assert any(e.action is Action.UPDATE and e.detail == key_rotation.AUDIT_DETAIL for e in events)
    leftovers = [p.name for p in store_paths.root.iterdir() if "rekey" in p.name or "old" in p.name]
    assert leftovers == []


def test_a_wrong_passphrase_changes_nothing(store: Store, store_paths: StorePaths) -> None:
    _fill(store, 1)
    store.close()
    before = _digest(store_paths.root)
    with pytest.raises(WrongPassphraseError):
        key_rotation.rotate_data_key(store_paths, "ikke den rigtige frase")
    assert _digest(store_paths.root) == before


def test_refused_while_the_store_is_open_elsewhere(store: Store, store_paths: StorePaths) -> None:
    _fill(store, 2)  # the open store keeps its write-ahead log
    key = _data_key(store_paths)
    with pytest.raises(StoreLockedError):
        key_rotation.rotate_data_key(store_paths, PASSPHRASE)
    assert _data_key(store_paths) == key
    assert not [p for p in store_paths.root.iterdir() if "rekey" in p.name]
    assert youths.count(store) == 2  # the open store is unharmed


# The child rotates with the file-system steps counted and SIGKILLs itself at step N.
CHILD = r"""
import os, signal, sys, tempfile
from pathlib import Path

step = int(sys.argv[2])
seen = 0

def counted(fn):
    def wrapper(*args, **kwargs):
        global seen
        seen += 1
        if seen == step:
            os.kill(os.getpid(), signal.SIGKILL)
        result = fn(*args, **kwargs)
        seen += 1
        if seen == step:
            os.kill(os.getpid(), signal.SIGKILL)
        return result
    return wrapper

from ungedesk.store import keys
keys.SCRYPT_N = 2**12
from ungedesk.services import key_rotation
from ungedesk.store.paths import StorePaths

tempfile.mkstemp = counted(tempfile.mkstemp)
os.fsync = counted(os.fsync)
os.replace = counted(os.replace)
key_rotation.rotate_data_key(StorePaths(Path(sys.argv[1])), sys.argv[3])
print("done", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_at_any_step_a_second_run_leaves_a_sound_store(
    store: Store, store_paths: StorePaths, tmp_path: Path
) -> None:
    _fill(store, 3)
    old_key = _data_key(store_paths)
    store.close()
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    env.pop("UNGEDESK_PASSPHRASE", None)
    states: list[str] = []
    for step in range(1, 80):
        trial = StorePaths(tmp_path / f"trial-{step}")
        shutil.copytree(store_paths.root, trial.root)
        # Every trial is a copy of the same store: the keyring's access-log mark of the
        # previous trial would rightly call this copy a rollback (store.anchor).
        anchor.keyring_forget(keys.load_key_file(trial.key_file).store_id)
        child = subprocess.run(
            [sys.executable, "-c", CHILD, str(trial.root), str(step), PASSPHRASE],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        finished = child.stdout.strip() == "done"
        assert finished or child.returncode == -signal.SIGKILL, child.stderr
        pending = (trial.root / "ungedesk.key.rekey").exists()
        swapped = _data_key(trial) != old_key
        states.append(
            "done" if finished else "pending" if pending else "swapped" if swapped else "before"
        )
        if not finished:
            # A second run finishes (or starts afresh), whatever the first one left.
            key_rotation.rotate_data_key(trial, PASSPHRASE)
        assert _data_key(trial) != old_key
        _assert_sound(trial, 3)
        leftovers = [p.name for p in trial.root.iterdir() if "rekey" in p.name or "old" in p.name]
        assert leftovers == [], f"step {step}"
        if finished:
            break
    else:
        pytest.fail("the rotation never finished within 80 steps")
    # Killed early the store is as it was, then the prepared rotation is finished by the
    # second run, and killed after the swap only the bookkeeping (keyring, log) was left.
    assert states[0] == "before" and "pending" in states and "swapped" in states
    assert states == sorted(states, key=["before", "pending", "swapped", "done"].index)


def test_a_prepared_rotation_overtaken_by_new_work_starts_afresh(
    store: Store, store_paths: StorePaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Stopped after the copy and the new key file were made but before the swap: the old
    # store still opens, and work saved in it now must survive the next run.
    _fill(store, 2)
    store.close()
    real_replace = os.replace

    def stop_at_the_swap(src: object, dst: object) -> None:
        if Path(str(src)) == store_paths.db:
            raise KeyboardInterrupt  # stands for the process being killed here
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", stop_at_the_swap)
    with pytest.raises(KeyboardInterrupt):
        key_rotation.rotate_data_key(store_paths, PASSPHRASE)
    monkeypatch.undo()
    assert (store_paths.root / "ungedesk.key.rekey").exists()
    assert (store_paths.root / "ungedesk.db.rekey").exists()
    opened = setup.unlock(store_paths, PASSPHRASE)
    try:
        _fill(opened.store, 3)  # the first two are known: one new young person
    finally:
        opened.store.close()
    result = key_rotation.rotate_data_key(store_paths, PASSPHRASE)
    assert not result.resumed and result.rows > 0
    _assert_sound(store_paths, 3)


def test_a_rotation_stopped_between_the_renames_says_run_it_again(
    store: Store, store_paths: StorePaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The new database is in place, its key file is not: opening must not call the store
    damaged (which would send the caseworker to an older backup), but say to finish."""
    from ungedesk.store.errors import InterruptedRotationError

    _fill(store, 3)
    store.close()
    real_replace = os.replace

    def stop_at_key_file(src: object, dst: object) -> None:
        if str(dst) == str(store_paths.key_file):
            raise OSError(5, "Input/output error")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(key_rotation.os, "replace", stop_at_key_file)
    with pytest.raises(Exception):  # noqa: B017 - the I/O error, told in Danish
        key_rotation.rotate_data_key(store_paths, PASSPHRASE)
    monkeypatch.undo()
    with pytest.raises(InterruptedRotationError) as told:
        setup.unlock(store_paths, PASSPHRASE)
    assert "key rotate" in told.value.message
    assert key_rotation.rotate_data_key(store_paths, PASSPHRASE).resumed
    _assert_sound(store_paths, 3)
