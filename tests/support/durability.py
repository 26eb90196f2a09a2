"""Kill-at-random durability trials, shared by the test suite and scripts/durability_trials.py.

A child process registers young people one by one and prints each id only after the commit
returned. The parent kills it with SIGKILL at a random moment, reopens the store and checks
that every acknowledged record is there and that both integrity checks pass.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

CHILD = r"""
import sys
from datetime import date
from ungedesk.domain.youth import YouthInput
from ungedesk.services import setup, youths
from ungedesk.store.paths import StorePaths

opened = setup.unlock(StorePaths(__import__("pathlib").Path(sys.argv[1])))
start = int(sys.argv[2])
print("ready", flush=True)
for n in range(start, start + 100000):
    day, month = n % 28 + 1, n // 1000 % 12 + 1
    outcome = youths.register(
        opened.store,
        YouthInput(cpr=f"{day:02d}{month:02d}05-4{n % 1000:03d}", first_name="Holdbar",
                   last_name="Test" + "".join(chr(97 + int(c)) for c in str(n)),
                   henvendelse_date=date(2026, 11, 1), address="Vej " + "x" * (n % 150),
                   caseworker_id=1),
        today=date(2026, 11, 24),
    )
    print(outcome.youth_id, flush=True)
"""


@dataclass(frozen=True, slots=True)
class TrialResult:
    acknowledged: int
    missing: int
    sound: bool
    killed_after: float


def child_env(passphrase: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        UNGEDESK_PASSPHRASE=passphrase,
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        PYTHONPATH=str(Path(__file__).resolve().parents[2]),
    )
    return env


def run_trial(data_dir: Path, passphrase: str, rng: random.Random, start: int) -> TrialResult:
    from ungedesk.services import integrity, setup, youths
    from ungedesk.store.paths import StorePaths

    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(data_dir), str(start)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(passphrase),
    )
    assert proc.stdout is not None
    if proc.stdout.readline().strip() != "ready":
        proc.kill()
        proc.wait()
        error = proc.stderr.read() if proc.stderr else ""
        _close_pipes(proc)
        raise RuntimeError("child failed to start: " + error)
    lines: list[str] = []
    stdout = proc.stdout

    def read() -> None:
        for line in stdout:
            lines.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    delay = rng.uniform(0.05, 0.6)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reader.join(timeout=10)
    _close_pipes(proc)
    # A line without its newline was cut by the kill mid-print: not an acknowledgement.
    acked = [int(x) for x in lines if x.endswith("\n") and x.strip().isdigit()]
    opened = setup.unlock(StorePaths(data_dir), passphrase)
    try:
        present = {r.id for r in youths.register_rows(opened.store)}
        missing = sum(1 for i in acked if i not in present)
        sound = integrity.check(opened.store).sound
    finally:
        opened.store.close()
    return TrialResult(len(acked), missing, sound, delay)


def _close_pipes(proc: subprocess.Popen[str]) -> None:
    """Close the killed child's pipes: left to the garbage collector they warn
    (ResourceWarning), and warnings fail the tests."""
    for pipe in (proc.stdout, proc.stderr):
        if pipe is not None:
            pipe.close()
