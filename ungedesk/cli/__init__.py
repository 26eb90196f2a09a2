"""The ``ungedesk`` command: the GUI by default, plus headless commands on the same services.

    ungedesk [--data-dir DIR]                  start the GUI
    ungedesk init [--name N --initials I ...]  create the encrypted store
    ungedesk demo --youths N [--seed S]        fill it with synthetic young people
    ungedesk check                             integrity and cipher check
    ungedesk passphrase change                 change the recovery passphrase
    ungedesk key rotate                        re-encrypt the store under a new data key
    ungedesk rules show|load|expected          deadline rules (in cli_rules.py)

One module (over 800 lines): argparse's tree and one small function per command, each a thin
shell over a service; splitting it per command would scatter the shared opening, locking
and error handling.

Text for the user is Danish. Known failures (StoreError and its subclasses) print their
Danish message and exit with their own code; anything else is a bug: one calm Danish line
on stderr and the details, without personal data, in <data dir>/logs/.
"""

from __future__ import annotations

import argparse
import getpass
import os
import signal
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import FrameType
from typing import NoReturn, TextIO

from ungedesk import __version__
from ungedesk.cli import rules as cli_rules
from ungedesk.domain.cpr import CprError
from ungedesk.domain.cpr import parse as cpr_parse
from ungedesk.domain.errors import InputError, KnownError
from ungedesk.domain.passphrase import assess
from ungedesk.domain.profile import ROLE_LABELS, ProfileInput, Role, validate_profile
from ungedesk.services import (
    access,
    audit,
    backup,
    backup_archive,
    demo,
    integrity,
    key_rotation,
    progress,
    restore,
    setup,
    youths,
)
from ungedesk.services import passphrase as recovery
from ungedesk.services.bug_log import log_exception
from ungedesk.store import anchor, instance_lock
from ungedesk.store.database import ENV_PASSPHRASE, Opened
from ungedesk.store.errors import (
    CorruptStoreError,
    MissingKeyError,
    NoStoreError,
    StoreExistsError,
)
from ungedesk.store.instance_lock import command_holder
from ungedesk.store.paths import ENV_DATA_DIR, StorePaths, resolve

EXIT_BUG = 1
EXIT_INTERRUPTED = 130  # the shell convention for "stopped by Ctrl+C" (128 + SIGINT)

_MISSING_KEY_HINT = (
    f"Angiv gendannelsesfrasen i miljøvariablen {ENV_PASSPHRASE}, eller kør kommandoen i en "
    "terminal, så du kan skrive den."
)


class _UsageError(Exception):
    """Wrong command line; argparse's own text is shown after a Danish lead-in."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def _number(n: int) -> str:
    """Danish digit grouping: 100.000."""
    return f"{n:,}".replace(",", ".")


def _percent(fraction: float) -> str:
    """Danish style puts a space before the sign: 45 %."""
    return f"{int(fraction * 100)} %"


def _say(text: str = "") -> None:
    print(text, flush=True)


def _warn(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _interactive() -> bool:
    return sys.stdin is not None and sys.stdin.isatty()


def _build_parser() -> _Parser:
    # --data-dir is accepted before and after the command; SUPPRESS keeps a value given
    # before the command from being overwritten by the sub-parser's default.
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="MAPPE",
        default=argparse.SUPPRESS,
        help=f"datamappen (ellers {ENV_DATA_DIR}, ellers systemets standardmappe)",
    )
    parser = _Parser(
        prog="ungedesk",
        description="UngeDesk: forløb for unge fra første henvendelse til uddannelse eller job.",
        epilog="Uden kommando starter den grafiske brugerflade.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"ungedesk {__version__}")
    parser.add_argument(
        "--measure-startup",
        action="store_true",
        help="start som normalt, luk efter første visning af listen og skriv hvor lang tid "
        "det tog (startup_ms=… rows=…)",
    )
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=_Parser)

    init = sub.add_parser(
        "init",
        parents=[common],
        help="opret en ny krypteret database",
        description=(
            "Opret en ny krypteret database med din profil. Gendannelsesfrasen spørges om i "
            f"terminalen eller læses fra {ENV_PASSPHRASE}. Uden terminal skal --name og "
            "--initials angives."
        ),
    )
    init.add_argument("--name", help="dit fulde navn")
    init.add_argument("--initials", help="dine initialer (2-6 bogstaver)")
    init.add_argument(
        "--unit",
        help="din enhed, som kommunen kalder den, fx Ungeindsatsen (står i invitationer og planen)",
    )
    init.add_argument(
        "--role",
        choices=[r.value for r in Role],
        help="din rolle: " + ", ".join(f"{r.value} = {ROLE_LABELS[r]}" for r in Role),
    )
    init.add_argument("--municipality", help="kommunens navn")
    init.add_argument(
        "--no-keyring",
        action="store_true",
        help="gem ikke nøglen i systemets nøglering (frasen skal så skrives ved hver start)",
    )

    dem = sub.add_parser(
        "demo",
        parents=[common],
        help="fyld databasen med opdigtede unge (demodata)",
        description="Fyld databasen med realistiske, men helt opdigtede unge og kolleger.",
    )
    dem.add_argument(
        "--youths", type=int, required=True, metavar="ANTAL", help="antal unge, fx 1000"
    )
    dem.add_argument(
        "--seed",
        type=int,
        metavar="TAL",
        help="samme tal giver de samme data (samme dag, samme database)",
    )

    sub.add_parser(
        "check",
        parents=[common],
        help="kontroller at databasen er hel og ubeskadiget",
        description="Kør SQLite's integritetskontrol og SQLCipher's kontrol af hver side.",
    )

    aud = sub.add_parser(
        "audit",
        parents=[common],
        help="kontroller adgangsloggen",
        description="verify: gennemgå hele adgangsloggens hash-kæde, databasens spærring og "
        "loggens mærker uden for databasen, og find rettede, fjernede eller rullede-tilbage "
        "hændelser. head: vis (og gem) loggens hoved, så en anden kan opbevare det som vidne.",
    )
    aud.add_argument("action", choices=["verify", "head"], help="verify eller head")
    aud.add_argument(
        "--witness",
        metavar="FIL",
        help="(verify) sammenlign også med et vidne gemt tidligere med 'audit head --out'",
    )
    aud.add_argument("--out", metavar="FIL", help="(head) gem hovedet i en fil til et vidne")

    bak = sub.add_parser(
        "backup",
        parents=[common],
        help="lav en krypteret, kontrolleret sikkerhedskopi",
        description="Lav en krypteret sikkerhedskopi af hele databasen. Kopien kontrolleres "
        "række for række, før den meldes færdig, og kan gendannes med gendannelsesfrasen.",
    )
    bak.add_argument("--out", required=True, metavar="FIL", help="sikkerhedskopiens filnavn")
    bak.add_argument(
        "--force",
        action="store_true",
        help="erstat en eksisterende fil med samme navn",
    )

    res = sub.add_parser(
        "restore",
        parents=[common],
        help="gendan databasen fra en sikkerhedskopi",
        description="Gendan fra en sikkerhedskopi. Kopien kontrolleres først; den nuværende "
        "database bevares, indtil den gendannede kan åbnes. Frasen tages fra nøgleringen, "
        f"{ENV_PASSPHRASE} eller spørges om i terminalen.",
    )
    res.add_argument("file", metavar="FIL", help="sikkerhedskopien")

    exp = sub.add_parser(
        "export-person",
        parents=[common],
        help="udtræk alle oplysninger om én person (indsigtsret)",
        description="Skriv alle oplysninger om personen og adgangshistorikken som PDF og JSON "
        "i mappen. Filnavnene bærer sagsnummeret, aldrig CPR-nummeret.",
    )
    exp.add_argument("cpr", metavar="CPR", help="personens CPR-nummer")
    exp.add_argument("--out", required=True, metavar="MAPPE", help="mappen til udtrækket")
    exp.add_argument("--purpose", default="Indsigtsanmodning", help="formålet (logges)")

    pdf = sub.add_parser(
        "plan-pdf",
        parents=[common],
        help="skriv den unges uddannelsesplan som PDF",
        description="Skriv den unges uddannelsesplan som PDF: den nyeste udleverede version, "
        "eller kladden, hvis planen aldrig er udleveret. Udskriften logges.",
    )
    pdf.add_argument("cpr", metavar="CPR", help="den unges CPR-nummer")
    pdf.add_argument("--out", required=True, metavar="FIL", help="PDF-filens navn")
    pdf.add_argument(
        "--archive",
        action="store_true",
        help="skriv en PDF/A-2b-fil til kommunens arkiv (ESDH)",
    )
    pdf.add_argument(
        "--plan-version",
        type=int,
        metavar="NR",
        help="en bestemt udleveret version (ellers den nyeste)",
    )
    _add_passphrase_parser(sub, common)
    _add_key_parser(sub, common)
    cli_rules.add_parser(sub, common)
    return parser


# --- opening the store ---------------------------------------------------------------------


def _require_store(paths: StorePaths) -> None:
    if not paths.root.is_dir():
        raise NoStoreError(
            f"Datamappen {paths.root} findes ikke. Angiv den rigtige mappe med --data-dir "
            f"eller {ENV_DATA_DIR}, eller opret en database med 'ungedesk init'."
        )


@contextmanager
def _holding(paths: StorePaths, command: str | None) -> Iterator[None]:
    """Hold the data directory for the whole command, so that a second UngeDesk is told
    which command holds it. The GUI takes its own hold; a missing data directory is left
    alone (and not created) here: the command says what is wrong with it."""
    if command is None or not paths.root.is_dir():
        yield
        return
    with instance_lock.acquire(paths, command_holder(command)):
        yield


def _open(paths: StorePaths) -> Opened:
    """Keyring first, then UNGEDESK_PASSPHRASE (setup.unlock); on a terminal, ask."""
    opened = _unlock(paths)
    # A rolled-back or rewritten access log is said by every command, not only 'audit'.
    for alert in opened.store.alerts:
        _warn(f"Advarsel om adgangsloggen: {alert}")
    for notice in opened.store.notices:
        _warn(notice)
    return opened


def _unlock(paths: StorePaths) -> Opened:
    _require_store(paths)
    try:
        return setup.unlock(paths)
    except MissingKeyError:
        if not _interactive():
            raise
    passphrase = getpass.getpass("Gendannelsesfrase: ")
    return setup.unlock(paths, passphrase)


# --- init ----------------------------------------------------------------------------------


def _ask(prompt: str, *, default: str = "") -> str:
    suffix = f" [{default}]" if default else ""
    answer = input(f"{prompt}{suffix}: ").strip()
    return answer or default


def _ask_role() -> Role:
    roles = list(Role)
    _say("Din rolle:")
    for number, role in enumerate(roles, start=1):
        _say(f"  {number}. {ROLE_LABELS[role]}")
    while True:
        answer = _ask("Vælg et nummer", default="1")
        if answer.isdigit() and 1 <= int(answer) <= len(roles):
            return roles[int(answer) - 1]
        _warn(f"Skriv et tal fra 1 til {len(roles)}.")


def _ask_passphrase(related: tuple[str, ...]) -> str:
    _say(
        "Vælg en gendannelsesfrase. Den låser en kopi af nøglen og er den eneste vej ind, "
        "hvis nøgleringen forsvinder. Fire tilfældige ord er lette at huske."
    )
    while True:
        first = getpass.getpass("Gendannelsesfrase: ")
        strength = assess(first, related)
        _say(f"Styrke: {strength.label}. {strength.hint}")
        if not strength.acceptable:
            continue
        if getpass.getpass("Skriv den igen: ") == first:
            return first
        _warn("De to fraser er ikke ens. Prøv igen.")


def _cmd_init(args: argparse.Namespace, paths: StorePaths) -> int:
    # Refuse before asking anything: typing a passphrase for nothing is a poor start. An
    # init killed while publishing the store is completed or rolled back here first.
    if setup.store_exists(paths):
        setup.check_store_files(paths)  # a key file without its database: damaged, say so
        raise StoreExistsError()
    interactive = _interactive()
    name: str = args.name or ""
    initials: str = args.initials or ""
    unit: str = args.unit or ""
    municipality: str = args.municipality or ""
    role = Role(args.role) if args.role else None
    if interactive:
        name = name or _ask("Dit fulde navn")
        initials = initials or _ask("Dine initialer")
        unit = args.unit if args.unit is not None else _ask("Din enhed (kan springes over)")
        role = role or _ask_role()
        if args.municipality is None:
            municipality = _ask("Kommunens navn (kan springes over)")
    else:
        missing: dict[str, str] = {}
        if not name.strip():
            missing["name"] = "Angiv dit navn med --name."
        if not initials.strip():
            missing["initials"] = "Angiv dine initialer med --initials."
        if missing:
            raise InputError(missing)
    profile = ProfileInput(name=name, initials=initials, unit=unit, role=role or Role.CASEWORKER)
    # Profile mistakes are reported before the passphrase is asked for, not after.
    errors = validate_profile(profile)
    if errors:
        raise InputError(errors)
    passphrase = os.environ.get(ENV_PASSPHRASE) or None
    if passphrase is None:
        if not interactive:
            raise InputError(
                {
                    "passphrase": (
                        f"Der er ingen terminal at spørge i: angiv gendannelsesfrasen i "
                        f"miljøvariablen {ENV_PASSPHRASE}."
                    )
                }
            )
        passphrase = _ask_passphrase((name, initials, unit))
    result = setup.create_installation(
        paths,
        passphrase,
        profile,
        municipality=municipality,
        use_keyring=not args.no_keyring,
        holder=command_holder("init"),
    )
    result.opened.store.close()
    _say(f"UngeDesk-databasen er oprettet i {paths.root}.")
    _say(result.key_location)
    return 0


# --- demo ----------------------------------------------------------------------------------


class _ProgressBar:
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
                f"\r{self.label} [{bar}] {_percent(fraction):>5} "
                f"{_number(done)}/{_number(total)}{left}\x1b[K"
            )
            self.drawn = True
        else:
            tenth = int(fraction * 10)
            if tenth == self.last_tenth:
                return
            self.last_tenth = tenth
            self.stream.write(
                f"{self.label}: {_percent(fraction)} ({_number(done)}/{_number(total)})\n"
            )
        self.stream.flush()

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


class _StopRequest:
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
        _warn("\nStopper efter den igangværende portion … (tryk Ctrl+C igen for at stoppe nu)")

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


def _cmd_demo(args: argparse.Namespace, paths: StorePaths) -> int:
    wanted: int = args.youths
    if wanted < 1 or wanted > demo.MAX_YOUTHS:
        raise InputError({"youths": f"--youths skal være mellem 1 og {_number(demo.MAX_YOUTHS)}."})
    opened = _open(paths)
    stop = _StopRequest()
    bar = _ProgressBar(sys.stderr, "Demodata")
    started = time.monotonic()
    try:
        with stop.installed():
            created = demo.generate(opened.store, wanted, seed=args.seed, progress=bar, cancel=stop)
    finally:
        bar.close()
        opened.store.close()
    seconds = time.monotonic() - started
    if created < wanted:
        _warn(
            f"Stoppet: {_number(created)} af {_number(wanted)} opdigtede unge blev gemt "
            "(kun hele portioner). Resten er ikke oprettet."
        )
        return EXIT_INTERRUPTED
    _say(f"{_number(created)} opdigtede unge er oprettet på {seconds:.1f} s.")
    return 0


# --- check ---------------------------------------------------------------------------------


def _cmd_check(args: argparse.Namespace, paths: StorePaths) -> int:
    opened = _open(paths)
    try:
        result = integrity.check(opened.store)
    finally:
        opened.store.close()
    if result.sound:
        _say(
            "Databasen er i orden: SQLite's integritetskontrol og krypteringskontrollen af "
            "hver side er bestået."
        )
        return 0
    _warn(CorruptStoreError.message)
    # SQLite's reports name pages, tables and indexes, never row contents.
    details = [line for line in result.integrity if line != "ok"] + result.cipher
    for line in details[:10]:
        _warn(f"  {line}")
    if len(details) > 10:
        _warn(f"  … og {_number(len(details) - 10)} fund mere.")
    return CorruptStoreError.exit_code


# --- the GUI -------------------------------------------------------------------------------


def _cmd_gui(args: argparse.Namespace, paths: StorePaths) -> int:
    try:
        # Imported here so the headless commands work without Qt (and start faster).
        from ungedesk.ui.app import run
    except ModuleNotFoundError as exc:
        if exc.name and exc.name.split(".")[0] in ("PySide6", "shiboken6", "ungedesk"):
            _warn(
                "Den grafiske brugerflade kan ikke startes, fordi den ikke er installeret "
                "korrekt. Kommandoerne virker stadig (se ungedesk --help)."
            )
            return EXIT_BUG
        raise
    return run(paths, measure_startup=bool(getattr(args, "measure_startup", False)))


# --- bugs ----------------------------------------------------------------------------------


def _log_bug(exc: BaseException, paths: StorePaths, command: str) -> Path | None:
    """Append the bug to today's log in <data dir>/logs (the GUI writes the same file)."""
    try:
        return log_exception(exc, paths.logs, f"'ungedesk {command}'")
    except OSError:
        return None


# --- main ----------------------------------------------------------------------------------

# --- trust: audit, backup, restore, right of access ------------------------------------------


def _read_witness(source: Path, store_id: str) -> anchor.HeadMark:
    try:
        data = source.read_bytes()[:4096]
    except OSError:
        raise InputError({"witness": "Vidnefilen kan ikke læses. Tjek filnavnet."}) from None
    try:
        return anchor.parse(data, store_id)
    except anchor.AnchorFormatError:
        raise InputError(
            {"witness": "Filen er ikke et vidne for denne database (lavet med 'audit head')."}
        ) from None


def _cmd_audit(args: argparse.Namespace, paths: StorePaths) -> int:
    if args.action == "head":
        return _cmd_audit_head(args, paths)
    opened = _open(paths)
    try:
        result = audit.verify(opened.store)
        problems = list(result.problems)
        if args.witness:
            witness = _read_witness(Path(args.witness), opened.store.store_id)
            problems += audit.check_witness(opened.store, witness)
    finally:
        opened.store.close()
    if not problems:
        _say(f"Adgangsloggen er hel: {_number(result.checked)} hændelser i en ubrudt kæde.")
        _say(f"Loggens hoved: {result.head.short}")
        return 0
    _warn("Adgangsloggen er ændret eller har huller:")
    for problem in problems[:20]:
        _warn(f"  {problem}")
    if len(problems) > 20:
        _warn(f"  … og {_number(len(problems) - 20)} fund mere.")
    return 12


def _cmd_audit_head(args: argparse.Namespace, paths: StorePaths) -> int:
    opened = _open(paths)
    try:
        if args.out:
            mark = audit.export_witness(opened.store, Path(args.out))
        else:
            mark = audit.head(opened.store)
    finally:
        opened.store.close()
    _say(f"Loggens hoved: hændelse nr. {mark.seq}")
    _say(f"Hash: {mark.hash or '-'}")
    if args.out:
        _say(f"Gemt som vidne: {args.out}. Giv filen til en, der opbevarer den uden for UngeDesk.")
    return 0


def _cmd_backup(args: argparse.Namespace, paths: StorePaths) -> int:
    opened = _open(paths)
    try:
        result = backup.backup(
            opened.store, Path(args.out), force=args.force, progress=progress.silent()
        )
    finally:
        opened.store.close()
    _say(
        f"Sikkerhedskopien er gemt og kontrolleret: {result.path} "
        f"({_number(result.rows)} rækker i {result.tables} tabeller, "
        f"{_number(result.size // 1024)} KB)."
    )
    # The witness: someone else keeps it, so a rolled-back log can be shown later.
    if result.audit_seq:
        _say(
            f"Adgangsloggens seneste hændelse i kopien: nr. {_number(result.audit_seq)}, "
            f"kontrolsum {result.audit_hash_short}. Giv den gerne til en kollega som vidne."
        )
    else:
        _say("Adgangsloggen i kopien er tom (ingen hændelser endnu).")
    return 0


def _cmd_restore(args: argparse.Namespace, paths: StorePaths) -> int:
    source = Path(args.file)
    if not source.is_file():
        raise backup_archive.BadBackupError("Sikkerhedskopien findes ikke. Tjek filnavnet.")
    info = backup_archive.inspect(source)
    try:
        opened = restore.restore(paths, source, progress=progress.silent())
    except MissingKeyError:
        if not _interactive():
            raise
        opened = restore.restore(
            paths, source, getpass.getpass("Gendannelsesfrase: "), progress=progress.silent()
        )
    try:
        detail = restore.last_restore_detail(opened.store)
    finally:
        opened.store.close()
    _say(f"Databasen er gendannet fra sikkerhedskopien fra {info.created}.")
    if detail:
        _say(detail)
    return 0


def _cmd_export_person(args: argparse.Namespace, paths: StorePaths) -> int:
    try:
        cpr_parse(args.cpr)
    except CprError as exc:
        raise InputError({"cpr": exc.message}) from None
    opened = _open(paths)
    try:
        youth_id = youths.find_by_cpr(opened.store, args.cpr)
        if youth_id is None:
            raise InputError({"cpr": "Der er ingen ung med det CPR-nummer i databasen."})
        result = access.export_person(opened.store, youth_id, Path(args.out), purpose=args.purpose)
    finally:
        opened.store.close()
    _say(f"Udtrækket er skrevet: {result.pdf_path} og {result.json_path.name}")
    _say(f"{_number(result.rows)} oplysninger og {_number(result.access_events)} adgange.")
    return 0


def _cmd_plan_pdf(args: argparse.Namespace, paths: StorePaths) -> int:
    # Imported here: reportlab's fonts and pikepdf are only needed by this command.
    from ungedesk.services import plan_export

    try:
        cpr_parse(args.cpr)
    except CprError as exc:
        raise InputError({"cpr": exc.message}) from None
    if args.plan_version is not None and args.plan_version < 1:
        raise InputError({"plan_version": "--plan-version skal være 1 eller mere."})
    out = Path(args.out)
    if out.is_dir():
        raise InputError({"out": f"{out} er en mappe. Angiv et filnavn, fx plan.pdf."})
    opened = _open(paths)
    try:
        youth_id = youths.find_by_cpr(opened.store, args.cpr)
        if youth_id is None:
            raise InputError({"cpr": "Der er ingen ung med det CPR-nummer i databasen."})
        now = datetime.now().astimezone()
        written = plan_export.write_plan_pdf(
            opened.store,
            youth_id,
            out,
            archive=args.archive,
            version=args.plan_version,
            today=now.date(),
            now=now,
        )
    finally:
        opened.store.close()
    kind = "PDF/A-fil til arkivet" if args.archive else "PDF"
    _say(f"Uddannelsesplanen er skrevet som {kind}: {written}")
    return 0


# --- the recovery passphrase ---------------------------------------------------------------

ENV_NEW_PASSPHRASE = "UNGEDESK_NEW_PASSPHRASE"  # noqa: S105 (a variable name, not a secret)


def _add_passphrase_parser(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    pas = sub.add_parser(
        "passphrase",
        parents=[common],
        help="skift gendannelsesfrasen",
        description="change: lås nøglen med en ny gendannelsesfrase. Databasen og nøglen er "
        "de samme; kun nøglefilen skiftes. I en terminal spørges om den nuværende og den nye "
        f"frase; uden terminal læses de fra {ENV_PASSPHRASE} og {ENV_NEW_PASSPHRASE}.",
    )
    pas.add_argument("action", choices=["change"], help="change")


def _ask_new_passphrase(related: tuple[str, ...], old: str) -> str:
    _say("Vælg den nye gendannelsesfrase. Fire tilfældige ord er lette at huske.")
    while True:
        first = getpass.getpass("Ny gendannelsesfrase: ")
        strength = assess(first, related)
        _say(f"Styrke: {strength.label}. {strength.hint}")
        if not strength.acceptable:
            continue
        if first == old:
            _warn("Den nye frase er den samme som den nuværende. Vælg en anden.")
            continue
        if getpass.getpass("Skriv den nye frase igen: ") == first:
            return first
        _warn("De to fraser er ikke ens. Prøv igen.")


def _cmd_passphrase(args: argparse.Namespace, paths: StorePaths) -> int:
    interactive = _interactive()
    old = os.environ.get(ENV_PASSPHRASE) or ""
    new = os.environ.get(ENV_NEW_PASSPHRASE) or ""
    if not interactive:
        # Said before the store is opened: nothing to unlock for a command that cannot run.
        missing: dict[str, str] = {}
        if not old:
            missing[recovery.OLD_FIELD] = (
                "Der er ingen terminal at spørge i: angiv den nuværende gendannelsesfrase i "
                f"miljøvariablen {ENV_PASSPHRASE}."
            )
        if not new:
            missing[recovery.NEW_FIELD] = (
                f"Angiv den nye gendannelsesfrase i miljøvariablen {ENV_NEW_PASSPHRASE}."
            )
        if missing:
            raise InputError(missing)
    opened = _open(paths)
    try:
        if interactive:
            old = getpass.getpass("Nuværende gendannelsesfrase: ")
            # Checked before the new one is asked for: no typing it twice for nothing.
            recovery.check_current(opened.store, old)
            new = _ask_new_passphrase(recovery.related_words(opened.store), old)
        recovery.change_passphrase(opened.store, old, new)
    finally:
        opened.store.close()
    _say("Gendannelsesfrasen er skiftet. Nøglefilen er nu låst med den nye frase; den gamle")
    _say("virker ikke længere. Sikkerhedskopier taget før nu åbnes stadig med den gamle frase:")
    _say("tag en ny sikkerhedskopi, og slet de gamle, hvis den gamle frase kan kendes af andre.")
    return 0


# --- rotating the data key -------------------------------------------------------------------


def _add_key_parser(sub: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    key = sub.add_parser(
        "key",
        parents=[common],
        help="skift databasens nøgle (efter et muligt læk)",
        description="rotate: krypter hele databasen under en ny, tilfældig nøgle og lås den "
        "med gendannelsesfrasen. Til en bærbar eller nøglefil, der kan være kompromitteret "
        "(se docs/key-rotation.md). UngeDesk skal være lukket. Frasen spørges om i terminalen "
        f"eller læses fra {ENV_PASSPHRASE}. Afbrydes kommandoen, gør en ny kørsel den færdig.",
    )
    key.add_argument("action", choices=["rotate"], help="rotate")


def _cmd_key(args: argparse.Namespace, paths: StorePaths) -> int:
    _require_store(paths)
    phrase = os.environ.get(ENV_PASSPHRASE) or None
    if phrase is None:
        if not _interactive():
            raise InputError(
                {
                    "passphrase": (
                        "Der er ingen terminal at spørge i: angiv gendannelsesfrasen i "
                        f"miljøvariablen {ENV_PASSPHRASE}."
                    )
                }
            )
        phrase = getpass.getpass("Gendannelsesfrase: ")
    result = key_rotation.rotate_data_key(paths, phrase)
    if result.resumed:
        _say("Et afbrudt nøgleskift er gjort færdigt.")
    else:
        _say(
            f"Databasen er krypteret under en ny nøgle: {_number(result.rows)} rækker i "
            f"{result.tables} tabeller er kopieret og kontrolleret. Den gamle nøgle kan ikke "
            "længere læse den."
        )
    if not result.keyring_updated:
        _warn(
            "Systemets nøglering ville ikke gemme den nye nøgle: skriv gendannelsesfrasen, "
            "når UngeDesk starter."
        )
    _say(
        "Tag en ny sikkerhedskopi nu. Ældre sikkerhedskopier er stadig låst med den gamle "
        "nøgle: slet dem, hvis den gamle nøgle kan være kendt af andre."
    )
    return 0


_COMMANDS: dict[str | None, Callable[[argparse.Namespace, StorePaths], int]] = {
    None: _cmd_gui,
    "init": _cmd_init,
    "demo": _cmd_demo,
    "check": _cmd_check,
    "audit": _cmd_audit,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "export-person": _cmd_export_person,
    "plan-pdf": _cmd_plan_pdf,
    "passphrase": _cmd_passphrase,
    "key": _cmd_key,
    "rules": cli_rules.run,
}


def _known_error(exc: KnownError) -> None:
    if isinstance(exc, InputError) and len(exc.fields) > 1:
        for message in exc.fields.values():
            _warn(f"- {message}")
    else:
        _warn(exc.message)
    if isinstance(exc, MissingKeyError):
        _warn(_MISSING_KEY_HINT)


def main(argv: Sequence[str] | None = None) -> int:
    parser = _build_parser()
    try:
        args = parser.parse_args(argv)
    except _UsageError as exc:
        parser.print_usage(sys.stderr)
        _warn(f"Kommandoen kan ikke bruges sådan: {exc.message}")
        return 2
    except SystemExit as exc:  # --help and --version end here
        return exc.code if isinstance(exc.code, int) else 0
    command: str | None = args.command
    paths = resolve(getattr(args, "data_dir", None))
    try:
        with _holding(paths, command):
            return _COMMANDS[command](args, paths)
    except KnownError as exc:
        _known_error(exc)
        return exc.exit_code
    except (KeyboardInterrupt, EOFError):  # Ctrl+C, or Ctrl+D at a prompt
        _warn("\nAfbrudt. Intet er gemt halvt.")
        return EXIT_INTERRUPTED
    except Exception as exc:
        log_file = _log_bug(exc, paths, command or "")
        where = f" Detaljer er gemt i {log_file}." if log_file else ""
        _warn(f"Der opstod en uventet fejl ({type(exc).__name__}).{where}")
        return EXIT_BUG
