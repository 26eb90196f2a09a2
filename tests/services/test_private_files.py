"""Atomic owner-only writes (store/paths.py) against planted symlinks and special files,
and owner-only folders and files whatever the umask (issue 10, "Smaller holes")."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path

import pytest

from tests.conftest import TODAY
from ungedesk.domain.plan import GoalType, PlanContent
from ungedesk.domain.youth import YouthInput
from ungedesk.services import access, plan, plan_export, youths
from ungedesk.services.bug_log import log_exception
from ungedesk.store.database import Store
from ungedesk.store.errors import StoreError
from ungedesk.store.paths import (
    NotRegularFileError,
    ensure_private_dir,
    make_private_dirs,
    write_private_atomic,
)

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX symlinks, fifos and modes")


@contextmanager
def umask(mask: int) -> Iterator[None]:
    previous = os.umask(mask)
    try:
        yield
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_write_replaces_the_file_whole_and_leaves_no_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "ungedesk.key"
    target.write_bytes(b"old")
    write_private_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ungedesk.key"]


@posix_only
def test_a_symlink_planted_at_the_old_temp_name_is_not_written_through(tmp_path: Path) -> None:
    # The attack: the temp name was always path + ".tmp", opened with O_CREAT|O_TRUNC, so a
    # symlink planted there made the write truncate and fill any file the user can write,
    # and the rename then put the symlink in place of the target.
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "indsigt-U-2026-00001.json"
    planted = folder / "indsigt-U-2026-00001.json.tmp"
    planted.symlink_to(victim)
    write_private_atomic(target, b"export")
    assert victim.read_bytes() == b"precious"
    assert not target.is_symlink()
    assert target.read_bytes() == b"export"
    assert planted.is_symlink()  # left alone, not followed, not replaced


@posix_only
def test_a_symlink_at_the_target_is_refused_not_followed_or_replaced(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"precious")
    victim.chmod(0o644)
    target = tmp_path / "plan.pdf"
    target.symlink_to(victim)
    with pytest.raises(NotRegularFileError) as info:
        write_private_atomic(target, b"%PDF")
    assert isinstance(info.value, StoreError)
    assert "ikke en almindelig fil" in info.value.message
    assert target.is_symlink() and os.readlink(target) == str(victim)
    assert victim.read_bytes() == b"precious"
    assert mode(victim) == 0o644  # not chmodded through the link either
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf", "victim.txt"]


@posix_only
def test_a_dangling_symlink_at_the_target_is_refused(tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    target.symlink_to(tmp_path / "elsewhere" / "created-by-follow.pdf")
    with pytest.raises(NotRegularFileError):
        write_private_atomic(target, b"%PDF")
    assert not (tmp_path / "elsewhere").exists()


@posix_only
def test_a_fifo_or_a_folder_at_the_target_is_refused(tmp_path: Path) -> None:
    fifo = tmp_path / "backup.udbackup"
    os.mkfifo(fifo)
    with pytest.raises(NotRegularFileError):
        write_private_atomic(fifo, b"data")
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    folder = tmp_path / "a-folder"
    folder.mkdir()
    with pytest.raises(NotRegularFileError):
        write_private_atomic(folder, b"data")
    assert folder.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-folder", "backup.udbackup"]


@posix_only
def test_a_fifo_planted_at_the_old_temp_name_does_not_hang_the_write(tmp_path: Path) -> None:
    # Opening a fifo for writing blocks until a reader comes: with the predictable temp
    # name that froze the app. Run in a child so a regression fails instead of hanging.
    target = tmp_path / "ungedesk.key"
    os.mkfifo(tmp_path / "ungedesk.key.tmp")
    code = (
        "import sys; from pathlib import Path; "
        "from ungedesk.store.paths import write_private_atomic; "
        "write_private_atomic(Path(sys.argv[1]), b'key')"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run(
        [sys.executable, "-c", code, str(target)], env=env, timeout=60, capture_output=True
    )
    assert done.returncode == 0, done.stderr
    assert target.read_bytes() == b"key"


@posix_only
def test_written_files_are_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    target = tmp_path / "x.json"
    with umask(0):
        write_private_atomic(target, b"{}")
    assert mode(target) == 0o600
    target.chmod(0o666)
    with umask(0):
        write_private_atomic(target, b"{}")  # a replaced file gets owner-only again
    assert mode(target) == 0o600


@posix_only
def test_private_dirs_are_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    existing = tmp_path / "Documents"
    existing.mkdir(mode=0o755)
    existing.chmod(0o755)
    with umask(0):
        make_private_dirs(existing / "Indsigt" / "2026")
        ensure_private_dir(tmp_path / "data" / "logs")
    assert mode(existing / "Indsigt") == 0o700
    assert mode(existing / "Indsigt" / "2026") == 0o700
    assert mode(existing) == 0o755  # a folder the user had is left as it was
    assert mode(tmp_path / "data") == 0o700
    assert mode(tmp_path / "data" / "logs") == 0o700


@posix_only
def test_make_private_dirs_refuses_a_file_in_the_way(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(OSError):
        make_private_dirs(tmp_path / "file" / "sub")


# --- export folders and logs: owner-only whatever the umask ---------------------------------

NOW = datetime(2026, 11, 24, 12, 0)


def _youth_with_plan(store: Store) -> int:
    youth_id = youths.register(
        store,
        YouthInput("150605-4321", "Łukasz", "Nowak", date(2026, 9, 1), caseworker_id=1),
        today=TODAY,
    ).youth_id
    plan.save_plan(
        store,
        youth_id,
        PlanContent(goal_type=GoalType.EUD, programme="Tømrer", own_wishes="Bygge huse."),
        today=TODAY,
        now=NOW,
    )
    plan.hand_out(store, youth_id, today=TODAY, now=NOW)
    return youth_id


def _tree_modes(root: Path) -> dict[str, int]:
    return {str(p.relative_to(root)): mode(p) for p in sorted(root.rglob("*"))}


@posix_only
def test_right_of_access_export_is_owner_only_whatever_the_umask(
    store: Store, tmp_path: Path
) -> None:
    youth_id = _youth_with_plan(store)
    with umask(0):
        result = access.export_person(store, youth_id, tmp_path / "Indsigt" / "2026")
    assert _tree_modes(tmp_path / "Indsigt") == {
        "2026": 0o700,
        f"2026/{result.json_path.name}": 0o600,
        f"2026/{result.pdf_path.name}": 0o600,
    }


@posix_only
def test_plan_pdf_and_batch_folders_are_owner_only_whatever_the_umask(
    store: Store, tmp_path: Path
) -> None:
    youth_id = _youth_with_plan(store)
    with umask(0):
        single = plan_export.write_plan_pdf(
            store, youth_id, tmp_path / "ud" / "plan.pdf", today=TODAY, now=NOW
        )
        batch = plan_export.write_batch(
            store,
            plan.handed_out_between(store, TODAY, TODAY),
            tmp_path / "uge" / "48",
            archive=False,
            today=TODAY,
            now=NOW,
        )
    assert mode(single.parent) == 0o700 and mode(single) == 0o600
    assert mode(tmp_path / "uge") == 0o700 and mode(tmp_path / "uge" / "48") == 0o700
    assert [mode(p) for p in batch] == [0o600]


@posix_only
def test_logs_are_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    logs = tmp_path / "data" / "logs"
    with umask(0):
        first = log_exception(ValueError("x"), logs, "test")
        second = log_exception(KeyError("y"), logs, "test")
    assert first == second
    assert mode(tmp_path / "data") == 0o700 and mode(logs) == 0o700
    assert mode(first) == 0o600
    assert first.read_text("utf-8").count("unexpected error") == 2


@posix_only
def test_a_log_file_left_readable_is_made_owner_only(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    first = log_exception(ValueError("x"), logs)
    first.chmod(0o644)
    logs.chmod(0o755)
    log_exception(ValueError("x"), logs)
    assert mode(first) == 0o600 and mode(logs) == 0o700


@posix_only
def test_a_symlink_planted_at_the_log_file_is_not_written_through(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    first = log_exception(ValueError("x"), logs)
    first.unlink()
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    first.symlink_to(victim)
    with pytest.raises(OSError):
        log_exception(ValueError("x"), logs)
    assert victim.read_text() == "precious"


@posix_only
def test_a_fifo_planted_at_the_log_file_fails_at_once(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    first = log_exception(ValueError("x"), logs)
    first.unlink()
    os.mkfifo(first)
    code = (
        "import sys; from pathlib import Path; "
        "from ungedesk.services.bug_log import log_exception\n"
        "try:\n    log_exception(ValueError('x'), Path(sys.argv[1]))\n"
        "except OSError:\n    sys.exit(3)\n"
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run(
        [sys.executable, "-c", code, str(logs)], env=env, timeout=60, capture_output=True
    )
    assert done.returncode == 3, done.stderr
