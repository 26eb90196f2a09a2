"""The record and visitation packages keep the one shape of a user action: an Operation
calling one service function, callbacks that are methods (so the operation, not a
closure, decides whether the widget still wants the result), and no module-level worker
that strings service calls together in the UI."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import ungedesk.ui.record
import ungedesk.ui.visitation

PACKAGES = (
    Path(ungedesk.ui.record.__file__).parent,
    Path(ungedesk.ui.visitation.__file__).parent,
)
MODULES = sorted(p for package in PACKAGES for p in package.glob("*.py"))
CALLBACKS = {"success", "failure", "changes"}


def problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.ImportFrom)
            and node.module == "ungedesk.ui"
            and any(alias.name == "tasks" for alias in node.names)
        ):
            found.append(f"{node.lineno}: imports tasks (use an Operation)")
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in CALLBACKS and any(isinstance(a, ast.Lambda) for a in node.args):
                found.append(f"{node.lineno}: lambda passed to .{name}()")
            if name in {"run_task", "failed"} or (
                name == "run" and isinstance(func, ast.Attribute) and node.keywords
            ):
                found.append(f"{node.lineno}: {name}() with callbacks (use an Operation)")
            for keyword in node.keywords:
                if keyword.arg in {"on_done", "on_error"}:
                    found.append(f"{node.lineno}: {keyword.arg}= callback")
        if (
            isinstance(node, ast.Raise)
            and isinstance(node.exc, ast.Name)
            and node.exc.id in {"exc", "error", "e"}
        ):
            found.append(f"{node.lineno}: re-raises a caught exception")
    for node in tree.body:
        # A module-level function that calls a service is a worker in disguise.
        if isinstance(node, ast.FunctionDef):
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Attribute)
                    and isinstance(inner.func.value, ast.Name)
                    and inner.func.value.id
                    in {"youths", "visitation", "conversations", "waivers", "invitations"}
                ):
                    found.append(f"{node.lineno}: module-level {node.name}() calls a service")
                    break
    return found


def test_the_packages_hold_modules() -> None:
    names = {p.stem for p in MODULES}
    assert {"record_view", "youth_form", "visitation_panel", "conversations_panel"} <= names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_action_is_one_operation_with_method_callbacks(path: Path) -> None:
    assert problems(path) == []


def test_the_check_sees_the_old_shapes(tmp_path: Path) -> None:
    """The check itself must catch what it forbids (the shapes these modules had)."""
    old = tmp_path / "old.py"
    old.write_text(
        "from ungedesk.ui import tasks\n"
        "def load(store, youth_id):\n"
        "    return conversations.for_youth(store, youth_id)\n"
        "class P:\n"
        "    def go(self):\n"
        "        tasks.run_task(load, 1, on_done=lambda r: self.x(r))\n"
        "        Operation(self, f).success(lambda r: None).run()\n"
        "        self.run(f, on_done=self.done)\n"
        "    def _failed(self, exc):\n"
        "        raise exc\n",
        encoding="utf-8",
    )
    found = problems(old)
    assert any("imports tasks" in p for p in found)
    assert any("module-level load()" in p for p in found)
    assert any("lambda passed to .success()" in p for p in found)
    assert any("on_done=" in p for p in found)
    assert any("run_task()" in p for p in found)
    assert any("re-raises" in p for p in found)
