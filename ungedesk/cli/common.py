"""What every command shares: output, prompts, the progress bar, Ctrl+C, holding the data
directory, and turning failures into Danish messages and exit codes.

Imported after the command line is parsed, by every command including the GUI start, so it
stays light: the data directory's paths and lock, the known errors and the bug log, no
database engine (opening the store is in ``ungedesk.cli.opening``).

Known failures (KnownError and its subclasses) print their Danish message and exit with
their own code; anything else is a bug: one calm Danish line on stderr and the details,
without personal data, in <data dir>/logs/.
"""

from __future__ import annotations

import argparse
import importlib
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import TextIO

from ungedesk.cli.parser import ENV_DATA_DIR, ENV_PASSPHRASE
from ungedesk.domain.cpr import CprError
from ungedesk.domain.cpr import parse as cpr_parse
from ungedesk.domain.errors import InputError, KnownError
from ungedesk.services.bug_log import log_exception
from ungedesk.store import instance_lock
from ungedesk.store.errors import MissingKeyError, NoStoreError
from ungedesk.store.instance_lock import command_holder
from ungedesk.store.paths import StorePaths, resolve

EXIT_BUG = 1
EXIT_INTERRUPTED = 130  # the shell convention for "stopped by Ctrl+C" (128 + SIGINT)

MISSING_KEY_HINT = (
    f"Angiv gendannelsesfrasen i miljøvariablen {ENV_PASSPHRASE}, eller kør kommandoen i en "
    "terminal, så du kan skrive den."
)

Command = Callable[[argparse.Namespace, StorePaths], int]


# --- output and prompts --------------------------------------------------------------------


def number(n: int) -> str:
    """Danish digit grouping: 100.000."""
    return f"{n:,}".replace(",", ".")


def decimal(value: float, places: int = 1) -> str:
    """A decimal number the Danish way: 12,0 and 1.234,5 (never 12.0)."""
    grouped = f"{value:,.{places}f}"
    return grouped.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def percent(fraction: float) -> str:
    """Danish style puts a space before the sign: 45 %."""
    return f"{int(fraction * 100)} %"


def say(text: str = "") -> None:
    print(text, flush=True)


def warn(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def ask(prompt: str, *, default: str = "") -> str:
    suffix = f" [{default}]" if default else ""
    answer = input(f"{prompt}{suffix}: ").strip()
    return answer or default


def check_cpr(text: str) -> None:
    """A CPR number given on the command line, checked before the store is opened."""
    try:
        cpr_parse(text)
    except CprError as exc:
        raise InputError({"cpr": exc.message}) from None


def require_store(paths: StorePaths) -> None:
    if not paths.root.is_dir():
        raise NoStoreError(
            f"Datamappen {paths.root} findes ikke. Angiv den rigtige mappe med --data-dir "
            f"eller {ENV_DATA_DIR}, eller opret en database med 'ungedesk init'."
        )


# --- long work: progress and Ctrl+C ----------------------------------------------------------


class ProgressBar:
    """A one-line bar on a terminal; on a pipe or log, one plain line per 10 %."""

    WIDTH = 30

    def __init__(self, stream: TextIO, label: str) -> None:
        self.stream = stream
        self.label = label
        self.tty = stream.isatty()
        self.started = time.monotonic()
        self.last_tenth = -1
        self.drawn = False

    def __call__(self, done: int, total: int) -> None:
        fraction = done / total if total else 1.0
        if self.tty:
            filled = int(self.WIDTH * fraction)
            bar = "#" * filled + "." * (self.WIDTH - filled)
            elapsed = time.monotonic() - self.started
            left = ""
            if 0 < done < total:
                left = f", ca. {elapsed / done * (total - done):.0f} s tilbage"
            self.stream.write(
                f"\r{self.label} [{bar}] {percent(fraction):>5} "
                f"{number(done)}/{number(total)}{left}\x1b[K"
            )
            self.drawn = True
        else:
            tenth = int(fraction * 10)
            if tenth == self.last_tenth:
                return
            self.last_tenth = tenth
            self.stream.write(
                f"{self.label}: {percent(fraction)} ({number(done)}/{number(total)})\n"
            )
        self.stream.flush()

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


class StopRequest:
    """The first Ctrl+C asks to stop after the batch in hand; a second one stops at once
    (the open transaction is then rolled back whole)."""

    def __init__(self) -> None:
        self.requested = False

    def __call__(self) -> bool:
        return self.requested

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        warn("\nStopper efter den igangværende portion … (tryk Ctrl+C igen for at stoppe nu)")

    @contextmanager
    def installed(self) -> Iterator[None]:
        try:
            previous = signal.signal(signal.SIGINT, self._handle)
        except ValueError:  # not the main thread: Ctrl+C cannot reach us anyway
            yield
            return
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)


# --- running one command -------------------------------------------------------------------


@contextmanager
def holding(paths: StorePaths, command: str | None) -> Iterator[None]:
    """Hold the data directory for the whole command, so that a second UngeDesk is told
    which command holds it. The GUI takes its own hold; a missing data directory is left
    alone (and not created) here: the command says what is wrong with it."""
    if command is None or not paths.root.is_dir():
        yield
        return
    with instance_lock.acquire(paths, command_holder(command)):
        yield


def known_error(exc: KnownError) -> None:
    if isinstance(exc, InputError) and len(exc.fields) > 1:
        for message in exc.fields.values():
            warn(f"- {message}")
    else:
        warn(exc.message)
    if isinstance(exc, MissingKeyError):
        warn(MISSING_KEY_HINT)


def log_bug(exc: BaseException, paths: StorePaths, command: str) -> Path | None:
    """Append the bug to today's log in <data dir>/logs (the GUI writes the same file)."""
    try:
        return log_exception(exc, paths.logs, f"'ungedesk {command}'")
    except OSError:
        return None


def load(target: str) -> Command:
    """``"module:function"`` in this package: the command module is imported only now, so a
    command loads its own services and no other command's."""
    module, _, function = target.partition(":")
    found: Command = getattr(importlib.import_module(f"ungedesk.cli.{module}"), function)
    return found


EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE, as a shell reports a pipe's reader going away


def run(args: argparse.Namespace, target: str) -> int:
    """Run the parsed command inside the data directory's hold; known failures become their
    Danish message and exit code, Ctrl+C exit 130, anything else a logged bug."""
    command: str | None = args.command
    paths = resolve(getattr(args, "data_dir", None))
    try:
        with holding(paths, command):
            return load(target)(args, paths)
    except KnownError as exc:
        known_error(exc)
        return exc.exit_code
    except (KeyboardInterrupt, EOFError):  # Ctrl+C, or Ctrl+D at a prompt
        warn("\nAfbrudt. Intet er gemt halvt.")
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (``ungedesk find … | head``): no bug, nothing to say. Python
        # would complain again when it flushes stdout at exit, so stdout goes to devnull.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_BROKEN_PIPE
    except Exception as exc:
        log_file = log_bug(exc, paths, command or "")
        where = f" Detaljer er gemt i {log_file}." if log_file else ""
        warn(f"Der opstod en uventet fejl ({type(exc).__name__}).{where}")
        return EXIT_BUG
