"""Changing the recovery passphrase: the data key wrapped again, the key file swapped whole."""

from __future__ import annotations

import errno
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from ungedesk.domain.errors import InputError
from ungedesk.services import audit
from ungedesk.services import passphrase as change
from ungedesk.services.audit import Action
from ungedesk.store import database, keys
from ungedesk.store.database import Store
from ungedesk.store.errors import DiskFullError, WrongPassphraseError
from ungedesk.store.paths import StorePaths

NEW = "blå cykel synger under Limfjorden"


def _opens_with(paths: StorePaths, phrase: str) -> bytes:
    """The data key the key file yields for ``phrase`` (WrongPassphraseError otherwise),
    after opening the store with it (the keyring is not asked: a phrase is given)."""
    opened = database.open_store(paths, phrase)
    opened.store.close()
    return keys.unwrap(keys.load_key_file(paths.key_file), phrase)


def _changes(store: Store) -> list[str]:
    return [
        e.detail
        for e in audit.recent_for_actor(store, 1)
        if e.action is Action.UPDATE and e.detail == change.AUDIT_DETAIL
    ]


def test_after_the_change_the_old_phrase_fails_and_the_new_one_opens(
    store: Store, store_paths: StorePaths
) -> None:
    before = keys.load_key_file(store_paths.key_file)
    key = keys.unwrap(before, PASSPHRASE)
    change.change_passphrase(store, PASSPHRASE, NEW)
    after = keys.load_key_file(store_paths.key_file)
    with pytest.raises(WrongPassphraseError):
        _opens_with(store_paths, PASSPHRASE)
    assert _opens_with(store_paths, NEW) == key  # the same data key
    assert after.store_id == before.store_id and after.check == before.check
    assert after.created == before.created
    assert after.salt != before.salt and after.nonce != before.nonce
    assert keys.keyring_get(store.store_id) == key  # the keyring entry is untouched
    assert _changes(store) == [change.AUDIT_DETAIL]
    assert audit.verify(store).ok
    assert sorted(p.name for p in store_paths.root.iterdir() if ".tmp" in p.name) == []


def test_a_wrong_old_phrase_changes_nothing(store: Store, store_paths: StorePaths) -> None:
    before = store_paths.key_file.read_bytes()
    with pytest.raises(WrongPassphraseError):
        change.change_passphrase(store, "forkert frase til testen her", NEW)
    assert store_paths.key_file.read_bytes() == before
    assert _changes(store) == []
    with pytest.raises(WrongPassphraseError):
        change.check_current(store, "forkert frase til testen her")
    change.check_current(store, PASSPHRASE)


@pytest.mark.parametrize(
    ("old", "new", "field", "fragment"),
    [
        (PASSPHRASE, "kort", change.NEW_FIELD, "For kort"),
        (PASSPHRASE, "Anne Bjerregaard ABJ 2026", change.NEW_FIELD, "navn"),
        (PASSPHRASE, "password1234", change.NEW_FIELD, "gætte"),
        (PASSPHRASE, PASSPHRASE, change.NEW_FIELD, "samme"),
        ("", NEW, change.OLD_FIELD, "nuværende"),
    ],
)
def test_the_new_phrase_must_pass_the_set_up_check(
    store: Store, store_paths: StorePaths, old: str, new: str, field: str, fragment: str
) -> None:
    before = store_paths.key_file.read_bytes()
    with pytest.raises(InputError) as info:
        change.change_passphrase(store, old, new)
    assert fragment in info.value.fields[field]
    assert store_paths.key_file.read_bytes() == before
    assert _changes(store) == []


def test_a_failed_swap_logs_nothing_and_keeps_the_old_key_file(
    store: Store, store_paths: StorePaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The disk fills at the rename (the OS failure is injected, the store is real).
    before = store_paths.key_file.read_bytes()

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("ungedesk.store.paths.os.replace", full)
    with pytest.raises(DiskFullError):
        change.change_passphrase(store, PASSPHRASE, NEW)
    monkeypatch.undo()
    assert store_paths.key_file.read_bytes() == before
    assert _changes(store) == []
    assert sorted(p.name for p in store_paths.root.iterdir() if ".tmp" in p.name) == []
    _opens_with(store_paths, PASSPHRASE)


# --- a crash at every step: SIGKILL injected in a child process -------------------------

# The child changes the passphrase with every file-system step that matters counted, and
# kills itself with SIGKILL at step N. It prints "done" when it was not killed.
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
from ungedesk.services import passphrase, setup
from ungedesk.store.paths import StorePaths

opened = setup.unlock(StorePaths(Path(sys.argv[1])), sys.argv[3])
tempfile.mkstemp = counted(tempfile.mkstemp)
os.fsync = counted(os.fsync)
os.replace = counted(os.replace)
os.unlink = counted(os.unlink)
passphrase.change_passphrase(opened.store, sys.argv[3], sys.argv[4])
opened.store.close()
print("done", flush=True)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_a_crash_at_any_step_leaves_a_key_file_that_opens_with_old_or_new(
    store: Store, store_paths: StorePaths, tmp_path: Path
) -> None:
    key = keys.unwrap(keys.load_key_file(store_paths.key_file), PASSPHRASE)
    store.close()
    env = {
        **os.environ,
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }
    env.pop("UNGEDESK_PASSPHRASE", None)
    outcomes: list[str] = []
    for step in range(1, 40):
        trial = tmp_path / f"trial-{step}"
        shutil.copytree(store_paths.root, trial)
        child = subprocess.run(
            [sys.executable, "-c", CHILD, str(trial), str(step), PASSPHRASE, NEW],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        finished = child.stdout.strip() == "done"
        assert finished or child.returncode == -signal.SIGKILL, child.stderr
        paths = StorePaths(trial)
        opens = []
        for phrase in (PASSPHRASE, NEW):
            try:
                assert _opens_with(paths, phrase) == key
                opens.append(phrase)
            except WrongPassphraseError:
                pass
        assert len(opens) == 1, f"step {step}: opens with {len(opens)} phrases"
        outcomes.append("new" if opens == [NEW] else "old")
        if finished:
            assert opens == [NEW]
            break
    else:
        pytest.fail("the change never finished within 40 steps")
    # Killed early it is the old phrase, killed late the new one; never anything else.
    assert outcomes[0] == "old" and outcomes[-1] == "new"
    assert outcomes == sorted(outcomes, key=lambda o: o == "new")
