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


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise UsageError(message)


class _VersionAction(argparse.Action):
    """``--version``: the version module is imported only when asked for."""

    def __init__(
        self,
        option_strings: Sequence[str],
        dest: str = argparse.SUPPRESS,
        default: str = argparse.SUPPRESS,
        help: str = "show program's version number and exit",
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
    _add_passphrase(sub, common)
    _add_key(sub, common)
    _add_rules(sub, common)
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
        "--youths", type=int, required=True, metavar="ANTAL", help="antal unge, fx 1000"
    )
    dem.add_argument(
        "--seed",
        type=int,
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
        type=int,
        metavar="NR",
        help="en bestemt udleveret version (ellers den nyeste)",
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
    pas.add_argument("action", choices=["change"], help="change")


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
    key.add_argument("action", choices=["rotate"], help="rotate")


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
    show.add_argument("--date", type=day, required=True, metavar="ÅÅÅÅ-MM-DD")
    show.add_argument("--target-group", metavar="MÅLGRUPPE", help="fx lab6_4")
    load = actions.add_parser("load", parents=[common], help="indlæs en nyere regelfil")
    load.add_argument("file", metavar="FIL")
    load.add_argument("--dry-run", action="store_true", help="vis kun, hvad der ville ændre sig")
    load.add_argument("--yes", action="store_true", help="tag den i brug uden at spørge")
    load.add_argument("--force", action="store_true", help="tag den i brug, selv om den er ældre")
    expected = actions.add_parser(
        "expected", parents=[common], help="slå forventede regler til eller fra"
    )
    expected.add_argument("switch", choices=["on", "off"])
    expected.add_argument("--yes", action="store_true", help="uden at spørge")
