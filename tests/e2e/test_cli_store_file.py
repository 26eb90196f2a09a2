"""The store file from the command line: a damaged store is refused by every command with
nothing changed, one UngeDesk per data directory, and ``init`` survives SIGKILL anywhere."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE, PROFILE, TEST_SCRYPT_N
from tests.e2e.conftest import INIT, assert_clean_failure, cli_env, run
from tests.support import instance as instance_support
from ungedesk.services import integrity, setup
from ungedesk.store import instance_lock
from ungedesk.store.errors import DamagedStoreError, NoStoreError, StoreInUseError
from ungedesk.store.paths import StorePaths

REPO = Path(__file__).resolve().parents[2]


def store_files(root: Path) -> dict[str, bytes]:
    """The data directory's files but the instance lock's own, with their bytes."""
    skip = {instance_lock.LOCK_NAME, instance_lock.INFO_NAME}
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.name not in skip
    }


def child_env(data_dir: Path) -> dict[str, str]:
    env = cli_env(data_dir)
    env["PYTHONPATH"] = str(REPO)
    return env


# --- a damaged store ------------------------------------------------------------------------


@pytest.mark.parametrize("damage", ["empty", "missing"])
def test_every_command_refuses_a_damaged_store_and_changes_nothing(
    store_copy: Path, tmp_path: Path, damage: str
) -> None:
    """The attack: check said sound, audit verify "hel: 0", the schema was rebuilt into the
    empty file, and the routine backup replaced last week's good backup with an empty one."""
    weekly = tmp_path / "ugens.udbackup"
    made = run("backup", "--out", str(weekly), data_dir=store_copy)
    assert made.returncode == 0, made.stderr
    good = weekly.read_bytes()
    db = store_copy / "ungedesk.db"
    if damage == "empty":
        db.write_bytes(b"")
    else:
        db.unlink()
    before = store_files(store_copy)
    for command in (
        ["check"],
        ["audit", "verify"],
        ["backup", "--out", str(weekly)],
        ["demo", "--youths", "5"],
        ["init", "--name", "Anne Bjerregaard", "--initials", "ABJ"],
    ):
        result = run(*command, data_dir=store_copy)
        assert_clean_failure(result)
        assert result.returncode == DamagedStoreError.exit_code, (command, result.stderr)
        assert "mangler, er tom eller er beskadiget" in result.stderr, command
        assert "ungedesk restore" in result.stderr
        assert store_files(store_copy) == before, command  # byte-identical, no -wal/-shm
    assert weekly.read_bytes() == good


def test_a_truncated_store_is_refused_and_never_migrated(store_copy: Path) -> None:
    db = store_copy / "ungedesk.db"
    db.write_bytes(db.read_bytes()[:8192])
    before = store_files(store_copy)
    for command in (["check"], ["audit", "verify"], ["demo", "--youths", "5"]):
        result = run(*command, data_dir=store_copy)
        assert_clean_failure(result)
        assert result.returncode == 5
        assert "beskadiget" in result.stderr
        assert store_files(store_copy) == before
    assert not (store_copy / "pre-migration").exists()


# --- one UngeDesk per data directory --------------------------------------------------------


def start_holder(data_dir: Path) -> subprocess.Popen[str]:
    return instance_support.start_holder(data_dir, PASSPHRASE)


def test_a_second_instance_is_told_what_holds_the_data_dir(store_copy: Path) -> None:
    holder = start_holder(store_copy)
    try:
        before = store_files(store_copy)
        for command in (["check"], ["demo", "--youths", "5"], ["init", *INIT[1:]]):
            result = run(*command, data_dir=store_copy)
            assert_clean_failure(result)
            assert result.returncode == StoreInUseError.exit_code, result.stderr
            assert "Datamappen bruges allerede af UngeDesk-vinduet" in result.stderr
            assert f"proces {holder.pid}, startet kl. " in result.stderr
            assert "Luk det først" in result.stderr
        assert store_files(store_copy) == before
        # In this process, too: the test process is a second instance like any other.
        with pytest.raises(StoreInUseError):
            setup.unlock(StorePaths(store_copy), PASSPHRASE)
    finally:
        code = instance_support.stop_holder(holder)
    assert code == 0
    # Closed: the data directory is free again, and the info file went with the lock.
    assert not (store_copy / instance_lock.INFO_NAME).exists()
    assert run("check", data_dir=store_copy).returncode == 0


def test_a_killed_holder_leaves_no_lock_behind(store_copy: Path) -> None:
    holder = start_holder(store_copy)
    assert instance_support.kill_holder(holder) == -signal.SIGKILL
    # Its lock file and info file are still there, but the OS lock died with the process.
    assert (store_copy / instance_lock.LOCK_NAME).exists()
    assert (store_copy / instance_lock.INFO_NAME).exists()
    result = run("check", data_dir=store_copy)
    assert result.returncode == 0, result.stderr
    opened = setup.unlock(StorePaths(store_copy), PASSPHRASE)
    try:
        assert integrity.check(opened.store).sound
    finally:
        opened.store.close()


def test_a_command_is_named_by_the_instance_it_blocks(store_copy: Path) -> None:
    """While the test process holds the store as 'ungedesk backup' would, a CLI run is told
    so; within this process the same data dir opens again (holds are counted)."""
    paths = StorePaths(store_copy)
    with instance_lock.acquire(paths, instance_lock.command_holder("backup")):
        first = setup.unlock(paths, PASSPHRASE)
        second = setup.unlock(paths, PASSPHRASE)
        first.store.close()
        result = run("check", data_dir=store_copy)
        assert result.returncode == StoreInUseError.exit_code
        assert "kommandoen 'ungedesk backup' (proces " in result.stderr
        second.store.close()
        assert instance_lock.held_here(paths)
    assert not instance_lock.held_here(paths)
    assert run("check", data_dir=store_copy).returncode == 0


# --- init killed at every step --------------------------------------------------------------

# The child runs 'ungedesk init' in-process and kills itself (SIGKILL) just before the
# N-th call to one of the file operations init's publishing is made of.
CRASHING_INIT = r"""
import os, shutil, signal, sys
step = int(sys.argv[1])
from ungedesk import cli
from ungedesk.store import keys
keys.SCRYPT_N = 2**12  # fast to wrap; the key file records the cost it was made with
calls = 0

def counted(name, real):
    def wrapper(*args, **kwargs):
        global calls
        calls += 1
        if calls == step:
            print("killed before", name, os.path.basename(str(args[-1])), flush=True)
            os.kill(os.getpid(), signal.SIGKILL)
        return real(*args, **kwargs)
    return wrapper

os.replace = counted("replace", os.replace)
os.fsync = counted("fsync", os.fsync)
os.mkdir = counted("mkdir", os.mkdir)
shutil.rmtree = counted("rmtree", shutil.rmtree)
code = cli.main(sys.argv[2:])
print("finished", code, flush=True)
sys.exit(code)
"""


def crashing_init(data_dir: Path, step: int) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CRASHING_INIT, str(step), *INIT],
        env=child_env(data_dir),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=120,
    )


def staging(root: Path) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.name.startswith(".init-")) if root.exists() else []


@pytest.mark.timeout(900)
def test_init_killed_at_every_step_leaves_no_store_or_a_whole_one(tmp_path: Path) -> None:
    outcomes: dict[str, int] = {}
    step = 0
    while True:
        step += 1
        assert step < 80, "init never finished"
        data = tmp_path / f"step{step}"
        paths = StorePaths(data)
        child = crashing_init(data, step)
        if child.returncode == 0:
            assert "finished 0" in child.stdout
            break
        assert child.returncode == -signal.SIGKILL, child.stderr
        db, key = (data / "ungedesk.db").exists(), (data / "ungedesk.key").exists()
        if not db and not key:
            state = "no store"
        elif db and key:
            state = "whole store"
        else:
            # Only one half-way state exists: the database published, its key file not yet.
            assert db and not key, child.stdout
            assert any((s / "ungedesk.key").is_file() for s in staging(data))
            state = "half published"
            # The next init completes it (and then says there is a store already), and so
            # does the next command that opens the store.
            again = tmp_path / f"step{step}-init"
            shutil.copytree(data, again)
            redo = run(*INIT, data_dir=again)
            assert redo.returncode == 3 and "findes allerede" in redo.stderr, redo.stderr
            assert staging(again) == []
            check = run("check", data_dir=data)
            assert check.returncode == 0, (child.stdout, check.stderr)
        outcomes[state] = outcomes.get(state, 0) + 1
        # The next start (in this process, for speed: the same code the CLI runs).
        if setup.store_exists(paths):
            assert state != "no store"
        else:
            assert state == "no store", child.stdout
            with pytest.raises(NoStoreError):
                setup.unlock(paths, PASSPHRASE)
            # ... and init simply runs again.
            made = setup.create_installation(paths, PASSPHRASE, PROFILE, scrypt_n=TEST_SCRYPT_N)
            made.opened.store.close()
        assert staging(data) == []
        opened = setup.unlock(paths, PASSPHRASE)
        try:
            assert setup.has_profile(opened.store)  # never a store without its caseworker
            assert integrity.check(opened.store).sound
        finally:
            opened.store.close()
    assert outcomes.get("half published", 0) >= 1
    assert outcomes.get("no store", 0) >= 5
    assert staging(data) == []
    # What the durability numbers report: how many kill points, and what each left.
    print(f"init killed at {step - 1} points: {outcomes}")
