"""The ``ungedesk`` command line as argparse sees it: options, commands and their Danish help.

Definitions only. This module is imported for every run, including ``--version`` and
``--help``, so it imports nothing of the store, the services or the GUI: the command that
runs imports what it needs after parsing (see ``ungedesk.cli.main``). The names of the
environment variables are therefore written out here; a test keeps them equal to the store's.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date

from ungedesk.domain.roles import ROLE_LABELS, Role

# Not imported from typing: the typing module itself costs a few ms a --help need not pay.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any, NoReturn

# Equal to ungedesk.store.paths.ENV_DATA_DIR and ungedesk.store.keys.ENV_PASSPHRASE
# (importing those would load the database engine for a --help).
ENV_DATA_DIR = "UNGEDESK_DATA_DIR"
ENV_PASSPHRASE = "UNGEDESK_PASSPHRASE"  # noqa: S105 (a variable name, not a secret)
ENV_NEW_PASSPHRASE = "UNGEDESK_NEW_PASSPHRASE"  # noqa: S105 (a variable name, not a secret)


class UsageError(Exception):
    """Wrong command line; argparse's own text is shown after a Danish lead-in."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# argparse's own words in Danish. argparse translates them through gettext with the module
# level names ``_`` and ``ngettext`` (``from gettext import gettext as _, ngettext`` in
# Python 3.12, 3.13 and 3.14), called when a parser is made, parses and writes its help:
# Parser swaps its own in for exactly those calls (see _danish), so the help and errors are
# Danish whatever the machine's language, and argparse stays English for anyone else in the
# process (pytest among them). tests/cli/test_cli_help.py fails if a word is left English.
DANISH: dict[str, str] = {
    "usage: ": "brug: ",
    "positional arguments": "argumenter",
    "options": "tilvalg",
    "subcommands": "kommandoer",
    "%(heading)s:": "%(heading)s:",
    "show this help message and exit": "vis denne hjælp og afslut",
    "show program's version number and exit": "vis programmets version og afslut",
    " (default: %(default)s)": " (standard: %(default)s)",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
    "%(prog)s: warning: %(message)s\n": "%(prog)s: advarsel: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ugyldigt valg: %(value)r (vælg mellem %(choices)s)"
    ),
    "invalid choice: %(value)r, maybe you meant %(closest)r? (choose from %(choices)s)": (
        "ugyldigt valg: %(value)r – mente du %(closest)r? (vælg mellem %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ugyldig værdi: %(value)r",
    "the following arguments are required: %s": "disse mangler: %s",
    "one of the arguments %s is required": "et af disse skal angives: %s",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "expected one argument": "mangler en værdi",
    "expected at most one argument": "tager højst én værdi",
    "expected at least one argument": "mangler mindst én værdi",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tvetydigt tilvalg: %(option)s kan være %(matches)s"
    ),
    "not allowed with argument %s": "kan ikke bruges sammen med %s",
    "ignored explicit argument %r": "tager ingen værdi (fik %r)",
    "unexpected option string: %s": "uventet tilvalg: %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "ukendt kommando %(parser_name)r (vælg mellem %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "kan ikke åbne '%(filename)s': %(error)s",
    "command '%(parser_name)s' is deprecated": "kommandoen '%(parser_name)s' udgår",
    "option '%(option)s' is deprecated": "tilvalget '%(option)s' udgår",
    "argument '%(argument_name)s' is deprecated": "argumentet '%(argument_name)s' udgår",
}
DANISH_PLURAL: dict[str, tuple[str, str]] = {
    "expected %s argument": ("mangler %s værdi", "mangler %s værdier"),
}


def _gettext(message: str) -> str:
    return DANISH.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    danish = DANISH_PLURAL.get(singular)
    if danish is None:
        return singular if n == 1 else plural
    return danish[0] if n == 1 else danish[1]


class _danish:  # noqa: N801 (used like a function: ``with _danish():``)
    """argparse's words in Danish for the duration of the block; reentrant (a parser made
    or parsing inside another's block), and restored afterwards."""

    def __enter__(self) -> None:
        module = vars(argparse)
        self._saved = module.get("_"), module.get("ngettext")
        module["_"], module["ngettext"] = _gettext, _ngettext

    def __exit__(self, *exc: object) -> None:
        module = vars(argparse)
        module["_"], module["ngettext"] = self._saved


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that speaks Danish and raises UsageError instead of exiting."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with _danish():  # the group titles and -h's help are translated here
            super().__init__(*args, **kwargs)

    def parse_args(self, *args: Any, **kwargs: Any) -> Any:
        with _danish():  # "unrecognized arguments" is said here, after parse_known_args
            return super().parse_args(*args, **kwargs)

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:
        with _danish():
            return super().parse_known_args(*args, **kwargs)

    def format_usage(self) -> str:
        with _danish():
            return super().format_usage()

    def format_help(self) -> str:
        with _danish():
            return super().format_help()

    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


def whole_number(text: str) -> int:
    """An integer option (``--limit``, ``--youths``), with a Danish message."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} er ikke et helt tal") from None


class _VersionAction(argparse.Action):
    """``--version``: the version module is imported only when asked for."""

    def __init__(
        self,
        option_strings: Sequence[str],
        dest: str = argparse.SUPPRESS,
        default: str = argparse.SUPPRESS,
        help: str = "vis programmets version og afslut",
    ) -> None:
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: str | Sequence[Any] | None,
        option_string: str | None = None,
    ) -> NoReturn:
        from ungedesk import __version__

        sys.stdout.write(f"ungedesk {__version__}\n")
        parser.exit()


def day(text: str) -> date:
    """An ISO date given on the command line (``rules show --date``)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} er ikke en dato; skriv den som 2026-03-15"
        ) from None


def build_parser() -> Parser:
    # --data-dir is accepted before and after the command; SUPPRESS keeps a value given
    # before the command from being overwritten by the sub-parser's default.
    common = Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="MAPPE",
        default=argparse.SUPPRESS,
        help=f"datamappen (ellers {ENV_DATA_DIR}, ellers systemets standardmappe)",
    )
    parser = Parser(
        prog="ungedesk",
        description="UngeDesk: forløb for unge fra første henvendelse til uddannelse eller job.",
        epilog="Uden kommando starter den grafiske brugerflade.",
        parents=[common],
    )
    parser.add_argument("--version", action=_VersionAction)
    parser.add_argument(
        "--measure-startup",
        action="store_true",
        help="start som normalt, luk efter første visning af listen og skriv hvor lang tid "
        "det tog (startup_ms=… rows=…)",
    )
    sub = parser.add_subparsers(dest="command", metavar="KOMMANDO", parser_class=Parser)
    _add_store_setup(sub, common)
    _add_trust(sub, common)
    _add_person(sub, common)
    _add_find(sub, common)
    _add_passphrase(sub, common)
    _add_key(sub, common)
    _add_rules(sub, common)
    _add_catalogue(sub, common)
    _add_restgruppe(sub, common)
    _add_figures(sub, common)
    return parser


def _add_store_setup(sub: argparse._SubParsersAction[Parser], common: Parser) -> None:
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
        "--youths", type=whole_number, required=True, metavar="ANTAL", help="antal unge, fx 1000"
    )
    dem.add_argument(
        "--seed",
        type=whole_number,
        metavar="TAL",
        help="samme tal giver de samme data (samme dag, samme database)",
    )
    dem.add_argument(
        "--public-passphrase",
        action="store_true",
        help=(
            f"vis adgangsfrasen fra {ENV_PASSPHRASE} på låseskærmen "
            "(kun en demodatabase, fx dev.py demo)"
        ),
    )

    sub.add_parser(
        "check",
        parents=[common],
        help="kontroller at databasen er hel og ubeskadiget",
        description="Kør SQLite's integritetskontrol og SQLCipher's kontrol af hver side.",
    )


def _add_trust(sub: argparse._SubParsersAction[Parser], common: Parser) -> None:
    aud = sub.add_parser(
        "audit",
        parents=[common],
        help="kontroller adgangsloggen",
        description="verify: gennemgå hele adgangsloggens hash-kæde, databasens spærring og "
        "loggens mærker uden for databasen, og find rettede, fjernede eller rullede-tilbage "
        "hændelser. head: vis (og gem) loggens hoved, så en anden kan opbevare det som vidne.",
    )
    aud.add_argument(
        "action", choices=["verify", "head"], metavar="HANDLING", help="verify eller head"
    )
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


def _add_person(sub: argparse._SubParsersAction[Parser], common: Parser) -> None:
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
        type=whole_number,
        metavar="NR",
        help="en bestemt udleveret version (ellers den nyeste)",
    )


def _add_find(sub: argparse._SubParsersAction[Parser], common: Parser) -> None:
    find = sub.add_parser(
        "find",
        parents=[common],
        help="søg i registret som i programmets søgefelt",
        description="Søg efter unge på navn, CPR-nummer (også maskeret, fx 181099-xxxx) "
        "eller sagsnummer, som i søgefeltet: Soren finder Søren, aa finder å. Søgningen "
        "logges. CPR-numre vises maskeret; --reveal viser dem helt og logger det for hver "
        "ung, der vises.",
    )
    find.add_argument("text", metavar="TEKST", help="det, der søges efter")
    find.add_argument("--json", action="store_true", help="skriv resultatet som JSON")
    find.add_argument(
        "--reveal", action="store_true", help="vis de fulde CPR-numre (logges for hver ung)"
    )
    find.add_argument(
        "--limit",
        type=whole_number,
        default=50,
        metavar="ANTAL",
        help="vis højst så mange (standard 50)",
    )


def _add_passphrase(sub: argparse._SubParsersAction[Parser], common: Parser) -> None:
    pas = sub.add_parser(
        "passphrase",
        parents=[common],
        help="skift gendannelsesfrasen",
        description="change: lås nøglen med en ny gendannelsesfrase. Databasen og nøglen er "
        "de samme; kun nøglefilen skiftes. I en terminal spørges om den nuværende og den nye "
        f"frase; uden terminal læses de fra {ENV_PASSPHRASE} og {ENV_NEW_PASSPHRASE}.",
    )
    pas.add_argument("action", choices=["change"], metavar="HANDLING", help="change")


def _add_key(sub: argparse._SubParsersAction[Parser], common: Parser) -> None:
    key = sub.add_parser(
        "key",
        parents=[common],
        help="skift databasens nøgle (efter et muligt læk)",
        description="rotate: krypter hele databasen under en ny, tilfældig nøgle og lås den "
        "med gendannelsesfrasen. Til en bærbar eller nøglefil, der kan være kompromitteret "
        "(se docs/key-rotation.md). UngeDesk skal være lukket. Frasen spørges om i terminalen "
        f"eller læses fra {ENV_PASSPHRASE}. Afbrydes kommandoen, gør en ny kørsel den færdig.",
    )
    key.add_argument("action", choices=["rotate"], metavar="HANDLING", help="rotate")


def _add_rules(sub: argparse._SubParsersAction[Parser], common: Parser) -> None:
    rules = sub.add_parser(
        "rules",
        parents=[common],
        help="fristreglerne: vis, indlæs en nyere regelfil, forventede regler",
        description="show: reglerne i kraft på en dato. load: indlæs en nyere regelfil (vist "
        "som ændringer før den tages i brug; alle frister genberegnes). expected: slå de "
        "forventede regler (lovforslag, der ikke er endeligt vedtaget) til eller fra.",
    )
    actions = rules.add_subparsers(dest="rules_action", metavar="HANDLING", required=True)
    show = actions.add_parser("show", parents=[common], help="reglerne i kraft på en dato")
    show.add_argument(
        "--date", type=day, required=True, metavar="ÅÅÅÅ-MM-DD", help="datoen, fx 2026-03-15"
    )
    show.add_argument("--target-group", metavar="MÅLGRUPPE", help="fx lab6_4")
    load = actions.add_parser("load", parents=[common], help="indlæs en nyere regelfil")
    load.add_argument("file", metavar="FIL", help="regelfilen (TOML)")
    load.add_argument("--dry-run", action="store_true", help="vis kun, hvad der ville ændre sig")
    load.add_argument("--yes", action="store_true", help="tag den i brug uden at spørge")
    load.add_argument("--force", action="store_true", help="tag den i brug, selv om den er ældre")
    expected = actions.add_parser(
        "expected", parents=[common], help="slå forventede regler til eller fra"
    )
    expected.add_argument(
        "switch", choices=["on", "off"], metavar="TIL_FRA", help="on (til) eller off (fra)"
    )
    expected.add_argument("--yes", action="store_true", help="uden at spørge")


def _add_catalogue(sub: argparse._SubParsersAction[Parser], common: Parser) -> None:
    cat = sub.add_parser(
        "catalogue",
        parents=[common],
        help="tilbudsviften: eksportér til en fil eller indlæs en fil",
        description="export: skriv alle tilbud (aktive og udgåede) til en fil, som kollegaer "
        "kan indlæse. import: indlæs en tilbudsfil; tilbud med samme id opdateres, nye "
        "tilføjes. Er ét tilbud i filen forkert, indlæses intet.",
    )
    actions = cat.add_subparsers(dest="catalogue_action", metavar="HANDLING", required=True)
    export = actions.add_parser("export", parents=[common], help="skriv tilbudsviften til en fil")
    export.add_argument("--out", required=True, metavar="FIL", help="filen, der skrives (JSON)")
    load = actions.add_parser("import", parents=[common], help="indlæs en tilbudsfil")
    load.add_argument("file", metavar="FIL", help="tilbudsfilen (JSON)")


def _add_restgruppe(sub: argparse._SubParsersAction[Parser], common: Parser) -> None:
    load = sub.add_parser(
        "import-restgruppe",
        parents=[common],
        help="indlæs koordinationsgruppens månedsliste fra en CSV-fil",
        description="Indlæs månedens liste over 15-17-årige uden uddannelse eller job fra "
        "en CSV-fil fra UU-systemet (semikolon eller komma, UTF-8 eller Windows-1252). Er én "
        "linje forkert, indlæses intet, og linjen og feltet nævnes. Samme liste to gange "
        "genkendes (slutkode 3); en anden liste for en måned, der har en, kræver --replace "
        "(ellers slutkode 4).",
    )
    load.add_argument("file", metavar="FIL", help="listen (CSV)")
    load.add_argument(
        "--month", required=True, metavar="ÅÅÅÅ-MM", help="måneden listen gælder, fx 2026-11"
    )
    load.add_argument(
        "--dry-run", action="store_true", help="vis hvad der ville blive indlæst; gem intet"
    )
    load.add_argument(
        "--replace", action="store_true", help="erstat en anden liste for samme måned"
    )
    load.add_argument(
        "--column",
        action="append",
        metavar="KOLONNE=BETYDNING",
        help="betydningen af en kolonne, programmet ikke kender (cpr, first_name, last_name, "
        "name, school, status, date, ignore); huskes til næste gang",
    )


def _add_figures(sub: argparse._SubParsersAction[Parser], common: Parser) -> None:
    figures = sub.add_parser(
        "figures",
        parents=[common],
        help="ledelsestal for en måned, et kvartal eller et år",
        description="Tæl ledelsestallene for en periode pr. målgruppe og i alt: aktive sager, "
        "tilgang, afgang og hvortil, vendt i døren, aktiveringsgrad, rettidighed og 75 "
        "%%-målene. Skriv dem som en tabel, eller med --out som regneark med en side med "
        "definitionerne. Kun antal og andele, ingen personoplysninger.",
    )
    figures.add_argument("--month", metavar="ÅÅÅÅ-MM", help="måneden, fx 2026-11")
    figures.add_argument("--quarter", metavar="ÅÅÅÅ-KN", help="kvartalet, fx 2026-K4")
    figures.add_argument("--year", metavar="ÅÅÅÅ", help="året, fx 2026")
    figures.add_argument(
        "--out",
        metavar="FIL",
        help="skriv tallene til et regneark (.xlsx) eller en rapport til styregruppen (.pdf)",
    )
    figures.add_argument(
        "--team-file",
        metavar="FIL",
        help="skriv periodens antal til lederen som en signeret fil uden personoplysninger",
    )
    figures.add_argument(
        "--merge",
        nargs="+",
        metavar="FIL",
        help="læg kollegernes filer sammen til teamets tal (kræver ingen database)",
    )
