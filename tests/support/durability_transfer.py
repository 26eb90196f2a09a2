"""Kill-at-random trials for receiving a case transfer, shared by the test suite and
scripts/durability_transfer.py.

A child process imports a transfer file into a copy of a prepared store; the parent kills it
with SIGKILL at a random moment during the import, reopens the store and checks that it
opens, that both integrity checks pass, and that the person is either wholly as before or
wholly as after a complete import: never some rows of each.

Two kinds of trial: a person the receiver does not have yet ("new"), and a person it has
in an older state with an entry of its own, imported with replace=True ("replace"), which
deletes, updates and inserts in one transaction.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from tests.support.durability import child_env
from ungedesk.domain.kui import Reached
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.domain.progression import Indicator, MeasurementInput, ScoreInput
from ungedesk.domain.visitation import ConversationInput, ConversationKind, ConversationStatus
from ungedesk.domain.youth import YouthInput
from ungedesk.services import (
    conversations,
    integrity,
    progression,
    setup,
    transfer,
    visitation,
    youths,
)
from ungedesk.services.access import collect
from ungedesk.services.transfer_payload import YOUTH_FIELDS, copied_tables, identities
from ungedesk.store.errors import StoreError
from ungedesk.store.models import Youth
from ungedesk.store.paths import StorePaths

TODAY = date(2026, 11, 24)
CPR = "1506054321"
FILE_PASS = "holdbar overførsel mellem to kontorer"

CHILD = r"""
import sys, time
from datetime import date, datetime
from pathlib import Path
from ungedesk.services import setup, transfer
from ungedesk.store.paths import StorePaths

opened = setup.unlock(StorePaths(Path(sys.argv[1])))
print("ready", flush=True)
started = time.perf_counter()
transfer.import_case(
    opened.store, Path(sys.argv[2]), sys.argv[3], today=date.fromisoformat(sys.argv[4]),
    now=datetime.fromisoformat(sys.argv[5]), replace=sys.argv[6] == "1",
)
print("done", time.perf_counter() - started, flush=True)
"""


@dataclass(frozen=True, slots=True)
class Scenario:
    name: str
    template: Path  # a closed store to copy for each trial
    source: Path  # the transfer file
    replace: bool
    now: datetime  # the child's clock, the same in every trial so "after" is one state
    before: str  # snapshot of the person before the import
    after: str  # ... and after a complete one
    seconds: float  # how long a complete import took in a child, from ready to done


@dataclass(frozen=True, slots=True)
class TrialResult:
    scenario: str
    killed_after: float
    finished: bool  # the child said the import was done before it was killed
    state: str  # "before", "after" or "partial"
    sound: bool
    opened: bool


def snapshot(paths: StorePaths, passphrase: str) -> tuple[str, bool]:
    """The person's case as comparable text (content identities, not local ids), and
    whether the store's integrity checks pass."""
    opened = setup.unlock(paths, passphrase)
    try:
        store = opened.store
        with store.session() as s:
            youth = s.scalar(select(Youth).where(Youth.cpr == CPR))
            fields = {f: str(getattr(youth, f)) for f in YOUTH_FIELDS} if youth else None
            yid = youth.id if youth else None
        tables: dict[str, Any] = {}
        if yid is not None:
            data = collect(store, yid)
            rows = {name: data.get(name, []) for name in copied_tables()}
            tables = {k: sorted(v) for k, v in identities(rows).items()}
            tables["deadline"] = sorted(
                f"{d['rule_id']}|{d['start']}|{d['due']}|{d['met']}" for d in data["deadline"]
            )
        sound = integrity.check(store).sound
    finally:
        opened.store.close()
    return json.dumps({"youth": fields, "tables": tables}, sort_keys=True), sound


def _rich_case(store: Any, yid: int, start: date, count: int) -> None:
    """Enough rows in enough linked tables that an import takes a while."""
    for i in range(count):
        on = start + timedelta(days=i)
        cid = conversations.book(
            store,
            yid,
            ConversationInput(ConversationKind.FOLLOW_UP, datetime(on.year, on.month, on.day, 9)),
            ConversationStatus.HELD,
        )
        visitation.record_event(
            store, yid, "contact", on, f"kontakt {i}", today=TODAY, reached=Reached.BOTH
        )
        if i % 3 == 0:
            progression.record_measurement(
                store,
                yid,
                MeasurementInput(
                    on,
                    (
                        ScoreInput(Indicator.ATTENDANCE, 1 + i % 10, 10 - i % 10, "note"),
                        ScoreInput(Indicator.FINANCES, 5, None, ""),
                    ),
                    cid,
                ),
                today=TODAY,
            )


def _installation(root: Path, passphrase: str, name: str) -> Any:
    return setup.create_installation(
        StorePaths(root),
        passphrase,
        ProfileInput(name, name[:2].upper(), "Test", Role.CASEWORKER),
        scrypt_n=2**12,
    ).opened.store


def prepare(work: Path, passphrase: str, rows: int = 40) -> list[Scenario]:
    """Build the sender's case, the transfer files and the receivers' template stores."""
    sender = _installation(work / "sender", passphrase, "Sender Holdbar")
    try:
        yid = youths.register(
            sender,
            YouthInput(CPR, "Holdbar", "Overførsel", date(2026, 3, 2), caseworker_id=1),
            today=TODAY,
        ).youth_id
        progression.choose_indicators(
            sender, yid, [Indicator.ATTENDANCE, Indicator.FINANCES], date(2026, 3, 2)
        )
        _rich_case(sender, yid, date(2026, 3, 3), rows)
        older = transfer.export_case(sender, yid, work / "files-old", FILE_PASS)
        _rich_case(sender, yid, date(2026, 5, 1), rows)
        youths.update(
            sender,
            yid,
            YouthInput(
                CPR, "Holdbar", "Overførsel", date(2026, 3, 2), city="Ribe", caseworker_id=1
            ),
            today=TODAY,
        )
        newer = transfer.export_case(sender, yid, work / "files-new", FILE_PASS)
    finally:
        sender.close()

    empty = work / "receiver-new"
    _installation(empty, passphrase, "Modtager Ny").close()
    holding = work / "receiver-replace"
    store = _installation(holding, passphrase, "Modtager Gammel")
    try:
        got = transfer.import_case(store, older, FILE_PASS, today=TODAY)
        # The receiver's own entry: only replace=True removes it.
        visitation.record_event(store, got.youth_id, "new_activity", TODAY, "her", today=TODAY)
    finally:
        store.close()

    # A fixed receiver clock for every trial, so a complete import is always the same state.
    now = datetime.now(UTC) + timedelta(minutes=1)
    scenarios = []
    for name, template, replace in (("new", empty, False), ("replace", holding, True)):
        before, _ = snapshot(StorePaths(template), passphrase)
        reference = work / f"reference-{name}"
        shutil.copytree(template, reference)
        seconds = _child(reference, newer, replace, passphrase, now, kill_after=None)
        assert seconds is not None, "the reference import did not finish"
        after, sound = snapshot(StorePaths(reference), passphrase)
        assert sound and after != before
        scenarios.append(Scenario(name, template, newer, replace, now, before, after, seconds))
    return scenarios


def _child(
    data_dir: Path,
    source: Path,
    replace: bool,
    passphrase: str,
    now: datetime,
    kill_after: float | None,
) -> float | None:
    """Run the import in a child; with ``kill_after`` SIGKILL it that many seconds after it
    is ready. The import's duration when the child reported it done, else None."""
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            CHILD,
            str(data_dir),
            str(source),
            FILE_PASS,
            TODAY.isoformat(),
            now.isoformat(),
            "1" if replace else "0",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=child_env(passphrase),
    )
    assert proc.stdout is not None and proc.stderr is not None
    if proc.stdout.readline().strip() != "ready":
        proc.kill()
        proc.wait()
        error = proc.stderr.read()
        _close_pipes(proc)
        raise RuntimeError("child failed to start: " + error)
    if kill_after is None:
        out, err = proc.communicate(timeout=120)
        if proc.returncode != 0:
            raise RuntimeError("import failed in the child: " + err)
        return _done(out.splitlines(keepends=True))
    lines: list[str] = []
    stdout = proc.stdout

    def read() -> None:
        for line in stdout:
            lines.append(line)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    time.sleep(kill_after)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    reader.join(timeout=10)
    _close_pipes(proc)
    return _done(lines)


def _done(lines: list[str]) -> float | None:
    # A line without its newline was cut by the kill mid-print: not a report.
    for line in lines:
        if line.startswith("done ") and line.endswith("\n"):
            return float(line.split()[1])
    return None


def run_trial(
    scenario: Scenario, trial_dir: Path, passphrase: str, rng: random.Random
) -> TrialResult:
    shutil.copytree(scenario.template, trial_dir)
    # Mostly inside the import, now and then just after it.
    delay = rng.uniform(0.0, scenario.seconds * 1.15)
    finished = (
        _child(trial_dir, scenario.source, scenario.replace, passphrase, scenario.now, delay)
        is not None
    )
    try:
        state, sound = snapshot(StorePaths(trial_dir), passphrase)
    except StoreError:
        return TrialResult(scenario.name, delay, finished, "partial", False, False)
    label = {scenario.before: "before", scenario.after: "after"}.get(state, "partial")
    if finished and label != "after":
        label = "partial"  # the child said it was done: the import must be there
    shutil.rmtree(trial_dir, ignore_errors=True)
    return TrialResult(scenario.name, delay, finished, label, sound, True)


def _close_pipes(proc: subprocess.Popen[str]) -> None:
    """Close the killed child's pipes: left to the garbage collector they warn
    (ResourceWarning), and warnings fail the tests."""
    for pipe in (proc.stdout, proc.stderr):
        if pipe is not None:
            pipe.close()
