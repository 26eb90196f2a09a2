"""The command line speaks Danish: every command's --help and argparse's own errors, with
no English word of argparse left, and argparse stays English outside UngeDesk's parsers."""

from __future__ import annotations

import argparse
import gettext

import pytest

from ungedesk.cli import main, parser

# argparse's own English, as Python 3.12-3.14 write it.
ENGLISH = (
    "usage:",
    "positional arguments",
    "optional arguments",
    "options:",
    "subcommands",
    "show this help",
    "and exit",
    "version number",
    "invalid choice",
    "choose from",
    "maybe you meant",
    "the following arguments",
    "are required",
    "unrecognized arguments",
    "expected one argument",
    "expected at",
    "argument ",
    "error:",
    "default:",
    "ambiguous option",
)


def _commands() -> list[list[str]]:
    """Every command and sub-command of the parser, found in the parser itself (a new
    command is checked without being listed here)."""
    found: list[list[str]] = [[]]

    def walk(p: argparse.ArgumentParser, prefix: list[str]) -> None:
        for action in p._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, child in action.choices.items():
                    found.append([*prefix, name])
                    walk(child, [*prefix, name])

    walk(parser.build_parser(), [])
    return found


COMMANDS = _commands()


def english_in(text: str) -> list[str]:
    return [word for word in ENGLISH if word in text]


def test_every_command_is_found() -> None:
    names = {" ".join(c) for c in COMMANDS}
    assert {"", "find", "init", "audit", "rules", "rules show", "rules expected"} <= names
    assert len(COMMANDS) == 21  # the program, 15 commands, 3 rules and 2 catalogue actions


@pytest.mark.parametrize("command", COMMANDS, ids=[" ".join(c) or "ungedesk" for c in COMMANDS])
def test_help_is_danish(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main([*command, "--help"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("brug: ungedesk")
    assert "vis denne hjælp og afslut" in out
    assert "tilvalg:" in out
    assert english_in(out) == []


@pytest.mark.parametrize(
    ("argv", "danish"),
    [
        (["audit", "bogus"], "HANDLING: ugyldigt valg: 'bogus' (vælg mellem 'verify', 'head')"),
        (["frobnicate"], "KOMMANDO: ugyldigt valg: 'frobnicate' (vælg mellem 'init',"),
        (["rules", "expected", "maybe"], "ugyldigt valg: 'maybe'"),
        (["backup"], "disse mangler: --out"),
        (["find"], "disse mangler: TEKST"),
        (["check", "--bogus"], "ukendte argumenter: --bogus"),
        (["backup", "--out"], "--out: mangler en værdi"),
        (["demo", "--youths", "mange"], "--youths: 'mange' er ikke et helt tal"),
        (["rules", "show", "--date", "15/3"], "'15/3' er ikke en dato"),
    ],
)
def test_usage_errors_are_danish(
    argv: list[str], danish: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("brug: ungedesk")
    assert "Kommandoen kan ikke bruges sådan: " in err
    assert danish in err
    assert english_in(err) == []


def test_argparse_is_english_again_outside_ungedesk() -> None:
    """The Danish words are swapped in only while UngeDesk's parsers work: argparse's
    module-level gettext hooks, which the swap relies on, are back afterwards."""
    parser.build_parser().format_help()
    assert vars(argparse)["_"] is gettext.gettext
    assert vars(argparse)["ngettext"] is gettext.ngettext
    other = argparse.ArgumentParser(prog="andet")
    assert other.format_usage().startswith("usage: andet")
    assert "show this help message and exit" in other.format_help()


def test_every_danish_word_keeps_the_placeholders_of_its_english() -> None:
    for english, danish in parser.DANISH.items():
        for placeholder in ("%(prog)s", "%(message)s", "%(value)r", "%(choices)s", "%s", "%r"):
            if placeholder in danish:
                assert placeholder in english, (english, danish)
        assert danish.count("%(") <= english.count("%("), english
