"""Each run of ``ungedesk`` imports only what its command uses.

Every case runs ``ungedesk.cli.main([...])`` in a fresh interpreter and looks at
``sys.modules`` afterwards: ``--version`` and ``--help`` must not load the store, the
services, the GUI or any heavy library, a command's ``--help`` no services, and a command
that really runs against a store (made with ``init`` as a user would) none of the libraries
it has no use for. What is imported is checked, never how long it takes (speed is measured
by hand and written down, not asserted).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

import pytest

import ungedesk
from tests.e2e.conftest import INIT, cli_env
from tests.e2e.test_cli_plan_pdf import CPR
from ungedesk.cli import COMMANDS, parser
from ungedesk.store import keys, paths

ROOT = Path(ungedesk.__file__).resolve().parent.parent

# Runs main in the child and writes its exit code and every module it loaded to a file,
# so that what the command prints cannot get in the way.
PROBE = r"""
import json, sys
out, argv = sys.argv[1], json.loads(sys.argv[2])
from ungedesk.cli import main
code = main(argv)
with open(out, "w", encoding="utf-8") as fh:
    json.dump({"code": code, "modules": sorted(sys.modules)}, fh)
"""

ADD_YOUTH = r"""
import sys
from pathlib import Path
from tests.e2e.test_cli_plan_pdf import add_youth_with_plan
add_youth_with_plan(Path(sys.argv[1]))
"""

# Nothing of these may load before a command is known.
NOT_FOR_PARSING = (
    "ungedesk.store",
    "ungedesk.services",
    "ungedesk.ui",
    "PySide6",
    "shiboken6",
    "sqlalchemy",
    "sqlcipher3",
    "alembic",
    "reportlab",
    "PIL",
    "icalendar",
    "faker",
    "zxcvbn",
    "holidays",
    "keyring",
    "cryptography",
    "pikepdf",
    "babel",
    "openpyxl",
    "platformdirs",
)

# The command modules that any command may load besides its own.
SHARED = {"ungedesk.cli", "ungedesk.cli.parser", "ungedesk.cli.common", "ungedesk.cli.opening"}


def run_probe(
    argv: list[str], tmp_path: Path, data_dir: Path | None = None
) -> tuple[int, set[str]]:
    out = tmp_path / "modules.json"
    out.unlink(missing_ok=True)
    env = cli_env(data_dir)
    env["PYTHONPATH"] = str(ROOT)
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(out), json.dumps(argv)],
        env=env,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert out.is_file(), result.stderr
    found = json.loads(out.read_text(encoding="utf-8"))
    return int(found["code"]), set(found["modules"])


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    """Which of ``names`` (packages) are in ``modules``, themselves or by a submodule."""
    return sorted(n for n in names if any(m == n or m.startswith(n + ".") for m in modules))


def command_modules(modules: set[str]) -> set[str]:
    return {m for m in modules if m == "ungedesk.cli" or m.startswith("ungedesk.cli.")}


@pytest.mark.parametrize("argv", [["--version"], ["--help"]], ids=["version", "help"])
def test_version_and_help_load_no_store_services_gui_or_heavy_library(
    argv: list[str], tmp_path: Path
) -> None:
    code, modules = run_probe(argv, tmp_path)
    assert code == 0
    assert loaded(modules, NOT_FOR_PARSING) == []
    assert command_modules(modules) == {"ungedesk.cli", "ungedesk.cli.parser"}


def test_neither_help_nor_version_reads_package_metadata(tmp_path: Path) -> None:
    """The version is a constant (ungedesk/_version.py): no importlib.metadata scan."""
    for argv in (["--help"], ["--version"]):
        code, modules = run_probe(argv, tmp_path)
        assert code == 0
        assert "importlib.metadata" not in modules


COMMAND_HELP = [
    [*command.split(), "--help"]
    for command in (
        "init",
        "demo",
        "check",
        "audit",
        "backup",
        "restore",
        "export-person",
        "plan-pdf",
        "find",
        "passphrase",
        "key",
        "rules",
        "rules show",
        "rules load",
        "rules expected",
        "catalogue",
        "catalogue export",
        "catalogue import",
    )
]


@pytest.mark.parametrize("argv", COMMAND_HELP, ids=[" ".join(a[:-1]) for a in COMMAND_HELP])
def test_a_commands_help_loads_no_services(argv: list[str], tmp_path: Path) -> None:
    code, modules = run_probe(argv, tmp_path)
    assert code == 0
    assert loaded(modules, NOT_FOR_PARSING) == []
    assert command_modules(modules) == {"ungedesk.cli", "ungedesk.cli.parser"}


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store made by ``init`` (as a user would, in a child with no keyring) holding one
    young person with a handed-out plan."""
    data = tmp_path_factory.mktemp("cli-imports") / "data"
    made = subprocess.run(
        [sys.executable, "-m", "ungedesk", *INIT],
        env=cli_env(data),
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert made.returncode == 0, made.stderr
    added = subprocess.run(
        [sys.executable, "-c", ADD_YOUTH, str(data)],
        env=cli_env(data),
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
    )
    assert added.returncode == 0, added.stderr
    return data


# Libraries a command has no use for; each list is what that command does not need.
NO_PDF = ("reportlab", "PIL", "pikepdf")
NEVER = ("PySide6", "shiboken6", "ungedesk.ui", "faker", "icalendar", "openpyxl", "zxcvbn")

RUNS: dict[str, tuple[list[str], str, tuple[str, ...]]] = {
    # name: (argv, its own command module, packages it must not load)
    "check": (["check"], "check", (*NEVER, *NO_PDF, "babel")),
    "audit verify": (["audit", "verify"], "audit", (*NEVER, *NO_PDF, "babel")),
    "rules show": (["rules", "show", "--date", "2026-03-15"], "rules", (*NEVER, *NO_PDF)),
    "backup": (["backup", "--out", "{tmp}/kopi.udb"], "backup", (*NEVER, *NO_PDF)),
    # Only --archive needs pikepdf (PDF/A); a plain print does not.
    "plan-pdf": (["plan-pdf", CPR, "--out", "{tmp}/plan.pdf"], "plan_pdf", (*NEVER, "pikepdf")),
    # The search reads the register and logs; no PDF, no deadline engine's calendar.
    "find": (["find", "sukru", "--reveal"], "find", (*NEVER, *NO_PDF, "holidays")),
    # The catalogue reads and writes offers and logs; no PDF, no deadline engine's calendar.
    "catalogue export": (
        ["catalogue", "export", "--out", "{tmp}/tilbud.json"],
        "catalogue",
        (*NEVER, *NO_PDF, "holidays"),
    ),
    # The list import parses and matches; no PDF, no deadline engine's calendar.
    "import-restgruppe": (
        ["import-restgruppe", "{tmp}/liste.csv", "--month", "2026-11"],
        "restgruppe",
        (*NEVER, *NO_PDF, "holidays"),
    ),
    # The figures as a table: no workbook, no PDF, no GUI.
    "figures": (["figures", "--month", "2026-11"], "figures", (*NEVER, *NO_PDF)),
    "export-person": (
        ["export-person", CPR, "--out", "{tmp}/udtraek"],
        "person",
        (*NEVER, "pikepdf"),
    ),
}


@pytest.mark.parametrize("name", list(RUNS))
def test_a_command_imports_only_what_it_uses(name: str, data_dir: Path, tmp_path: Path) -> None:
    template, own, unused = RUNS[name]
    argv = [a.replace("{tmp}", str(tmp_path)) for a in template]
    (tmp_path / "liste.csv").write_bytes(b"CPR;Navn\n010109-4123;Sofie N\n")
    code, modules = run_probe(argv, tmp_path, data_dir)
    assert code == 0  # the command really ran, not stopped early by an error
    assert loaded(modules, unused) == []
    # No other command's module (and so none of its services) came along.
    assert command_modules(modules) <= SHARED | {f"ungedesk.cli.{own}"}
    assert f"ungedesk.cli.{own}" in modules


def test_every_command_of_the_parser_has_a_module_and_function() -> None:
    actions = parser.build_parser()._actions
    commands = next(a for a in actions if isinstance(a, argparse._SubParsersAction))
    assert set(COMMANDS) == {None, *commands.choices}
    for target in COMMANDS.values():
        module, _, function = target.partition(":")
        imported = __import__(f"ungedesk.cli.{module}", fromlist=[function])
        assert callable(getattr(imported, function)), target


def test_the_parsers_environment_names_are_the_stores() -> None:
    """The parser spells them out (importing the store would load the database engine)."""
    assert parser.ENV_DATA_DIR == paths.ENV_DATA_DIR
    assert parser.ENV_PASSPHRASE == keys.ENV_PASSPHRASE
