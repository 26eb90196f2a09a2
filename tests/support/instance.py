"""Another UngeDesk holding a data directory: a child process that opens the store as the
window does and keeps it open until its stdin is closed (or it is killed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

HOLDER = r"""
import sys
from pathlib import Path
from ungedesk.services import setup
from ungedesk.store import instance_lock
from ungedesk.store.paths import StorePaths
paths = StorePaths(Path(sys.argv[1]))
hold = instance_lock.acquire(paths, instance_lock.GUI_HOLDER)  # as the window does
opened = setup.unlock(paths)
print("ready", flush=True)
sys.stdin.readline()
opened.store.close()
hold.release()
"""


def holder_env(data_dir: Path, passphrase: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNGEDESK_")}
    env.update(
        UNGEDESK_DATA_DIR=str(data_dir),
        UNGEDESK_PASSPHRASE=passphrase,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        PYTHONIOENCODING="utf-8",
        PYTHONPATH=str(REPO),
    )
    return env


def start_holder(data_dir: Path, passphrase: str) -> subprocess.Popen[str]:
    """Returns once the child holds the store open."""
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
        env=holder_env(data_dir, passphrase),
    )
    assert proc.stdout is not None
    if proc.stdout.readline().strip() != "ready":
        proc.kill()
        detail = proc.stderr.read() if proc.stderr else ""
        raise AssertionError(f"the holder did not start: {detail}")
    return proc


def stop_holder(proc: subprocess.Popen[str]) -> int:
    """Let the child close its store and end; returns its exit code."""
    assert proc.stdin is not None
    proc.stdin.close()
    code = proc.wait(timeout=120)
    # Closed here: left to the garbage collector the pipes warn (ResourceWarning), and
    # warnings fail the tests.
    for pipe in (proc.stdout, proc.stderr):
        if pipe is not None:
            pipe.close()
    return code


def kill_holder(proc: subprocess.Popen[str]) -> int:
    """SIGKILL the child (a crash: it closes nothing) and close our ends of its pipes."""
    proc.kill()
    code = proc.wait(timeout=60)
    for pipe in (proc.stdin, proc.stdout, proc.stderr):
        if pipe is not None:
            pipe.close()
    return code


def run_cli(*args: str, data_dir: Path, passphrase: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ungedesk", *args],
        env=holder_env(data_dir, passphrase),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
