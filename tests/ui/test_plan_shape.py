"""The plan screen keeps the shape of issue 12: every action one Operation, no worker
functions, no flow state, no re-raised errors and no file over 600 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2] / "ungedesk" / "ui"
MODULES = sorted([*(ROOT / "plan").glob("*.py"), ROOT / "editable_list.py"])
FLOW_FIELDS = {"_after_save", "_after_write", "_pdf_use", "_context_message"}


def problems(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: list[str] = []
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and any(
            a.arg == "store" for a in node.args.args + node.args.kwonlyargs
        ):
            found.append(f"worker function {node.name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name == "run_task":
                found.append(f"line {node.lineno}: tasks.run_task")
            if any(k.arg == "on_done" for k in node.keywords):
                found.append(f"line {node.lineno}: on_done=")
            if name in ("success", "failure") and any(isinstance(a, ast.Lambda) for a in node.args):
                found.append(f"line {node.lineno}: lambda as {name} callback")
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Name):
            found.append(f"line {node.lineno}: raise {node.exc.id}")
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id == "self"
            and node.attr in FLOW_FIELDS
        ):
            found.append(f"line {node.lineno}: flow state self.{node.attr}")
    return found


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_the_plan_modules_have_the_shape_of_one_operation_per_action(path: Path) -> None:
    assert problems(path) == []
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 600


def test_the_guard_sees_what_it_guards_against(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        "def pdf_bytes(store, youth_id):\n"
        "    return 1\n"
        "class P:\n"
        "    def go(self):\n"
        "        self._after_save = None\n"
        "        tasks.run_task(f, on_done=self.x)\n"
        "        Operation(self, f).success(lambda r: r).run()\n"
        "        try:\n"
        "            pass\n"
        "        except KeyError as exc:\n"
        "            raise exc\n",
        encoding="utf-8",
    )
    assert len(problems(bad)) == 6
