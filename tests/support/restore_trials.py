"""Restore interrupted by SIGKILL, shared by the test suite and scripts/durability_trials.py.

A "zygote" child imports UngeDesk once and then forks one grandchild per trial, so a trial
costs a fork instead of a Python start-up. The grandchild runs ``restore.restore`` and is
killed either at its N-th file step (os.replace, os.unlink, os.mkdir, os.fsync,
shutil.rmtree or a session commit: the injection lives here, not in the product) or, for
the random trials, by the zygote after a random delay. The parent then runs the recovery a
real start would run and checks that the store opens, is sound, and is wholly the old one or
wholly the restored one: its database and key file from the same store, never neither.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

ZYGOTE = r"""
import json, os, shutil, signal, sys, time, traceback
from pathlib import Path

import sqlalchemy.orm
from ungedesk.services import backup, restore
from ungedesk.store.paths import StorePaths

state = {"armed": False, "count": 0, "kill_at": 0}


def counted(fn):
    def wrapper(*args, **kwargs):
        if state["armed"]:
            state["count"] += 1
            if state["count"] == state["kill_at"]:
                os.kill(os.getpid(), signal.SIGKILL)
        return fn(*args, **kwargs)
    return wrapper


for name in ("replace", "unlink", "mkdir", "fsync"):
    setattr(os, name, counted(getattr(os, name)))
shutil.rmtree = counted(shutil.rmtree)
sqlalchemy.orm.Session.commit = counted(sqlalchemy.orm.Session.commit)
print("ready", flush=True)

for line in sys.stdin:
    cmd = json.loads(line)
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:
        try:
            state.update(armed=True, count=0, kill_at=int(cmd["kill_at"]))
            opened = restore.restore(StorePaths(Path(cmd["data"])), Path(cmd["backup"]))
            state["armed"] = False
            opened.store.close()
            Path(cmd["report"]).write_text(str(state["count"]))
            os._exit(0)
        except BaseException:
            traceback.print_exc()
            os._exit(3)
    if cmd["delay"] > 0:
        time.sleep(cmd["delay"])
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    _, status = os.waitpid(pid, 0)
    print(json.dumps({"status": status, "seconds": time.monotonic() - started}), flush=True)
"""


@dataclass(frozen=True, slots=True)
class Outcome:
    killed: bool  # False: the restore ran to the end
    steps: int  # file steps the restore took when it ran to the end, else 0
    result: str  # "old", "new", "lost" (neither) or "unopenable"
    recovered: str | None  # what recovery said it did
    leftovers: list[str]
    seconds: float


class Zygote:
    def __init__(self, passphrase: str) -> None:
        env = dict(os.environ)
        env.update(
            UNGEDESK_PASSPHRASE=passphrase,
            PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
            PYTHONPATH=str(Path(__file__).resolve().parents[2]),
        )
        env.pop("UNGEDESK_DATA_DIR", None)
        self.passphrase = passphrase
        self.proc = subprocess.Popen(
            [sys.executable, "-c", ZYGOTE],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            env=env,
        )
        assert self.proc.stdout is not None
        if self.proc.stdout.readline().strip() != "ready":
            self.close()
            raise RuntimeError("restore zygote failed to start")

    def run(self, data: Path, source: Path, *, kill_at: int = 0, delay: float = 0.0) -> dict:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        report = data.parent / (data.name + ".steps")
        cmd = {
            "data": str(data),
            "backup": str(source),
            "kill_at": kill_at,
            "delay": delay,
            "report": str(report),
        }
        self.proc.stdin.write(json.dumps(cmd) + "\n")
        self.proc.stdin.flush()
        reply = json.loads(self.proc.stdout.readline())
        reply["steps"] = int(report.read_text()) if report.exists() else 0
        report.unlink(missing_ok=True)
        return reply

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=30)
        # Closed here: left to the garbage collector the pipe warns (ResourceWarning), and
        # warnings fail the tests.
        if self.proc.stdout is not None:
            self.proc.stdout.close()


@dataclass(frozen=True, slots=True)
class Stores:
    """A template data dir (the "old" store) and a backup to restore over it."""

    template: Path
    backup: Path
    old_youths: int
    new_youths: int
    old_key: bytes
    new_key: bytes


def judge(data: Path, stores: Stores, passphrase: str) -> tuple[str, str | None, list[str]]:
    """Run the start-up recovery, then say what the data dir holds."""
    from ungedesk.services import integrity, restore, youths
    from ungedesk.store import database
    from ungedesk.store.errors import StoreError
    from ungedesk.store.paths import StorePaths

    paths = StorePaths(data)
    recovered = restore.recover_interrupted_restore(paths)
    # Far in the future: every leftover is stale by then.
    restore.clean_leftovers(paths, now=datetime.now(UTC) + timedelta(days=400))
    leftovers = sorted(p.name for p in data.iterdir() if p.name.startswith("."))
    if not paths.db.exists() or not paths.key_file.exists():
        return "lost", recovered, leftovers
    key_file = paths.key_file.read_bytes()
    try:
        opened = database.open_store(paths, passphrase)
    except StoreError:
        return "unopenable", recovered, leftovers
    try:
        if not integrity.check(opened.store).sound:
            return "unopenable", recovered, leftovers
        count = youths.count(opened.store)
    finally:
        opened.store.close()
    if count == stores.old_youths and key_file == stores.old_key:
        return "old", recovered, leftovers
    if count == stores.new_youths and key_file == stores.new_key:
        return "new", recovered, leftovers
    return "lost", recovered, leftovers


def trial(
    zygote: Zygote, stores: Stores, data: Path, *, kill_at: int = 0, delay: float = 0.0
) -> Outcome:
    """One restore over a fresh copy of the template, killed as asked, then judged."""
    shutil.rmtree(data, ignore_errors=True)
    shutil.copytree(stores.template, data)
    reply = zygote.run(data, stores.backup, kill_at=kill_at, delay=delay)
    status = reply["status"]
    killed = os.WIFSIGNALED(status)
    if not killed and os.WEXITSTATUS(status) != 0:
        raise RuntimeError(f"restore failed in the child (exit {os.WEXITSTATUS(status)})")
    result, recovered, leftovers = judge(data, stores, zygote.passphrase)
    return Outcome(killed, reply["steps"], result, recovered, leftovers, reply["seconds"])


def make_stores(
    root: Path, passphrase: str, *, foreign: bool, scrypt_n: int = 2**12, youths_n: int = 3
) -> Stores:
    """The old store (with one young person more than its backup) and a backup: of the same
    store, or of another store with its own key (so a mix of the two cannot open)."""
    from datetime import date

    from ungedesk.domain.profile import ProfileInput, Role
    from ungedesk.domain.youth import YouthInput
    from ungedesk.services import backup, setup, youths
    from ungedesk.store.paths import StorePaths

    profile = ProfileInput("Test Gendan", "TG", "Test", Role.CASEWORKER)

    def add(store: object, n: int, start: int) -> None:
        for i in range(start, start + n):
            youths.register(
                store,  # type: ignore[arg-type]
                YouthInput(
                    cpr=f"{i % 28 + 1:02d}0{i % 9 + 1}05-{4200 + i}",
                    first_name="Gendan",
                    last_name="Test" + "".join(chr(97 + int(c)) for c in str(i)),
                    henvendelse_date=date(2026, 11, 1),
                    caseworker_id=1,
                ),
                today=date(2026, 11, 24),
            )

    template = StorePaths(root / "template")
    made = setup.create_installation(template, passphrase, profile, scrypt_n=scrypt_n)
    store = made.opened.store
    copy = root / "kopi.udbackup"
    try:
        add(store, youths_n, 0)
        if foreign:
            other = StorePaths(root / "other")
            made_other = setup.create_installation(other, passphrase, profile, scrypt_n=scrypt_n)
            try:
                add(made_other.opened.store, youths_n + 2, 100)
                backup.backup(made_other.opened.store, copy)
                new_youths = youths_n + 2
                new_key = other.key_file.read_bytes()
            finally:
                made_other.opened.store.close()
        else:
            backup.backup(store, copy)
            new_youths = youths_n
            new_key = template.key_file.read_bytes()
        add(store, 1, 50)  # after the backup: only the old store has it
    finally:
        store.close()
    return Stores(
        template.root,
        copy,
        youths_n + 1,
        new_youths,
        template.key_file.read_bytes(),
        new_key,
    )
