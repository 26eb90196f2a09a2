"""The ``ungedesk`` command: the GUI by default, plus headless commands on the same services.

    ungedesk [--data-dir DIR]                  start the GUI (cli/gui.py)
    ungedesk init [--name N --initials I ...]  create the encrypted store (cli/init.py)
    ungedesk demo --youths N [--seed S]        fill it with synthetic young people (cli/demo.py)
    ungedesk check                             integrity and cipher check (cli/check.py)
    ungedesk audit verify|head                 the access log's chain (cli/audit.py)
    ungedesk backup --out FILE / restore FILE  (cli/backup.py)
    ungedesk export-person CPR --out DIR       right of access (cli/person.py)
    ungedesk plan-pdf CPR --out FILE           the education plan (cli/plan_pdf.py)
    ungedesk find TEXT [--json] [--reveal]     the register's search (cli/find.py)
    ungedesk passphrase change                 change the recovery passphrase (cli/passphrase.py)
    ungedesk key rotate                        a new data key (cli/key.py)
    ungedesk rules show|load|expected          deadline rules (cli/rules.py)
    ungedesk catalogue export|import           the offers catalogue as a file (cli/catalogue.py)

Only ``main`` lives here, and it imports only the parser before the command line is read:
``--version`` and ``--help`` load no store, service or GUI code, and each command imports
its own module (and through it only its own services) once it is known. The parser is in
cli/parser.py, the shared helpers and error handling in cli/common.py.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Sequence

from ungedesk.cli.parser import UsageError, build_parser

# The command -> "module:function" in this package, imported only when that command runs.
COMMANDS: dict[str | None, str] = {
    None: "gui:cmd_gui",
    "init": "init:cmd_init",
    "demo": "demo:cmd_demo",
    "check": "check:cmd_check",
    "audit": "audit:cmd_audit",
    "backup": "backup:cmd_backup",
    "restore": "backup:cmd_restore",
    "export-person": "person:cmd_export_person",
    "plan-pdf": "plan_pdf:cmd_plan_pdf",
    "find": "find:cmd_find",
    "passphrase": "passphrase:cmd_passphrase",
    "key": "key:cmd_key",
    "rules": "rules:cmd_rules",
    "catalogue": "catalogue:cmd_catalogue",
    "import-restgruppe": "restgruppe:cmd_import_restgruppe",
    "figures": "figures:cmd_figures",
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"Kommandoen kan ikke bruges sådan: {exc.message}", file=sys.stderr, flush=True)
        return 2
    except SystemExit as exc:  # --help and --version end here
        return exc.code if isinstance(exc.code, int) else 0
    # Imported after parsing: the data directory, its lock and the known errors.
    from ungedesk.cli import common

    return common.run(args, COMMANDS[args.command])


def entry() -> None:
    """The installed ``ungedesk`` program and ``python -m ungedesk``: run, then end the
    process at once. By now the GUI and every command have saved, closed and released all
    they hold (store, lock, files); Python's own teardown would only free every object one
    by one, which after a large register is about a second the caseworker waits for with
    the window already gone."""
    code = main()
    import logging

    logging.shutdown()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
