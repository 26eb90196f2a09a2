"""The trust screens (ui/security, ui/setup) keep the shape of one operation per action:
no worker function at module level, no callbacks given as lambdas, no hand-made task runs
with on_done, no caught exception raised again in a widget, no file over 600 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "ungedesk" / "ui"
MODULES = sorted([*UI.joinpath("security").glob("*.py"), *UI.joinpath("setup").glob("*.py")])
CALLBACK_TAKERS = frozenset({"success", "failure", "connect", "singleShot"})
MAX_LINES = 600


def _names(path: Path) -> str:
    return str(path.relative_to(UI))


def test_the_packages_hold_the_trust_screens() -> None:
    assert {p.name for p in MODULES} >= {
        "lock_screen.py",
        "unlock_dialog.py",
        "passphrase_dialog.py",
        "backup_dialogs.py",
        "transfer_dialogs.py",
        "retention_dialog.py",
        "access_views.py",
        "setup_wizard.py",
    }


def _service_aliases(tree: ast.Module) -> set[str]:
    """Names bound to ungedesk.services modules or their functions by the imports."""
    out: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ungedesk.services"):
            out.update(alias.asname or alias.name for alias in node.names)
    return out


def _problems(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source)
    found: list[str] = []
    if len(source.splitlines()) > MAX_LINES:
        found.append(f"over {MAX_LINES} lines")
    services = _service_aliases(tree)
    for node in tree.body:
        if not isinstance(node, ast.FunctionDef):
            continue
        for call in ast.walk(node):
            if not isinstance(call, ast.Call):
                continue
            func = call.func
            base = func.value if isinstance(func, ast.Attribute) else func
            if isinstance(base, ast.Name) and base.id in services:
                found.append(f"module-level function {node.name} calls a service")
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "run_task":
                found.append(f"line {node.lineno}: tasks.run_task")
            if any(k.arg == "on_done" for k in node.keywords):
                found.append(f"line {node.lineno}: on_done=")
            if name in CALLBACK_TAKERS and any(isinstance(a, ast.Lambda) for a in node.args):
                found.append(f"line {node.lineno}: a lambda given to {name}")
        if isinstance(node, ast.FunctionDef | ast.ExceptHandler):
            caught = {node.name} if isinstance(node, ast.ExceptHandler) and node.name else set()
            if isinstance(node, ast.FunctionDef):
                caught = {a.arg for a in node.args.args if a.arg in ("exc", "error", "exception")}
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Raise)
                    and isinstance(inner.exc, ast.Name)
                    and inner.exc.id in caught
                ):
                    found.append(f"line {inner.lineno}: raises a caught {inner.exc.id} again")
    return found


@pytest.mark.parametrize("path", MODULES, ids=_names)
def test_one_operation_per_action(path: Path) -> None:
    assert _problems(path) == []


def test_the_check_finds_what_it_looks_for(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "from ungedesk.services import backup\n"
        "def worker(store):\n"
        "    return backup.last_backup(store)\n"
        "class W:\n"
        "    def go(self):\n"
        "        tasks.run_task(worker, 1, on_done=lambda r: None)\n"
        "        Operation(self, worker).success(lambda r: None).run()\n"
        "    def failed(self, exc):\n"
        "        raise exc\n",
        encoding="utf-8",
    )
    assert sorted(_problems(bad)) == [
        "line 6: on_done=",
        "line 6: tasks.run_task",
        "line 7: a lambda given to success",
        "line 9: raises a caught exc again",
        "module-level function worker calls a service",
    ]
