"""The progression screens keep the shape every user action has (issue: one operation per
user action): no module-level worker function, no callbacks handed to the worker except
through an Operation, no lambda as an operation's callback, no re-raise of a caught
exception in a widget, and no field that holds the next step of a flow."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import ungedesk.ui.progression as package

MODULES = sorted(Path(package.__file__).parent.glob("*.py"))
# Names a field holding "what to do next" tends to get (_after_save, _new_when_loaded ...).
NEXT_STEP = re.compile(r"^_?(after|then|next)_|_when_|_after_")


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def problems(tree: ast.Module) -> list[str]:
    found: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            names = [
                a.arg for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)
            ]
            if "store" in names:
                found.append(f"module-level worker function {node.name}()")
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == "ungedesk.ui"
            and any(alias.name == "tasks" for alias in node.names)
        ):
            found.append(f"line {node.lineno}: imports ui.tasks (use an Operation)")
        if isinstance(node, ast.Call):
            for keyword in node.keywords:
                if keyword.arg in ("on_done", "on_error"):
                    found.append(f"line {node.lineno}: {keyword.arg}= (use an Operation)")
            func = node.func
            if (
                isinstance(func, ast.Attribute)
                and func.attr in ("success", "failure")
                and any(isinstance(arg, ast.Lambda) for arg in node.args)
            ):
                found.append(f"line {node.lineno}: lambda passed to .{func.attr}()")
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Name):
            found.append(f"line {node.lineno}: re-raises {node.exc.id}")
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name)
            and node.value.id == "self"
            and NEXT_STEP.search(node.attr)
        ):
            found.append(f"line {node.lineno}: self.{node.attr} holds a next step")
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_progression_module_has_the_operation_shape(path: Path) -> None:
    assert problems(_tree(path)) == []


def test_the_check_finds_the_old_shapes() -> None:
    old = ast.parse(
        "from ungedesk.ui import tasks\n"
        "def load_state(store):\n"
        "    return 1\n"
        "class P:\n"
        "    def a(self):\n"
        "        tasks.run_task(f, on_done=lambda r: self.b(r))\n"
        "        Operation(self, f).success(lambda r: None).run()\n"
        "        self._new_when_loaded = True\n"
        "    def _failed(self, exc):\n"
        "        raise exc\n"
    )
    assert len(problems(old)) == 6
