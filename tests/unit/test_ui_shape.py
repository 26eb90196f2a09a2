"""Every user action in ui/ has one shape: an Operation (ungedesk/ui/operations.py).

This reads the source of ungedesk/ui and refuses the shapes issue 12 removed, so they do not
creep back with the next screen:
- a module-level worker function (one that takes the store: it combines service calls in
  the UI instead of calling one service function);
- a lambda handed over as an operation's outcome callback (its receiver escapes the
  "is the parent still there" decision);
- a widget re-raising an exception it caught (known errors go to the message area, bugs to
  the bug path: neither needs a widget to re-raise);
- an instance field holding the next step of a flow (``self._after_save = ...``);
- running work on the worker other than through an Operation.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import ungedesk.ui

UI = Path(ungedesk.ui.__file__).parent
# Where the worker itself lives: the only modules that may hand work to it directly.
WORKER_MODULES = {"tasks.py", "operations.py"}
# The launcher opens the store before any window exists: there is no parent to decide
# whether a result is wanted, and a bug there must end the start (it cannot go on).
BOOTSTRAP_MODULES = {"app.py"}
CALLBACK_KEYWORDS = {"on_done", "on_error"}
CALLBACK_METHODS = {"success", "failure"}
NEXT_STEP_FIELD = re.compile(r"^_(after|then|next|pending|continue)(_|$)")
MAX_LINES = 600


def ui_modules() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(UI.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(UI.parent.parent)}:{getattr(node, 'lineno', 0)}"


def takes_the_store(fn: ast.FunctionDef) -> bool:
    returns = ast.unparse(fn.returns) if fn.returns is not None else ""
    if returns.startswith("Operation"):
        return False  # builds an operation for its caller: not a worker
    params = [*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs]
    for arg in params:
        annotation = ast.unparse(arg.annotation) if arg.annotation is not None else ""
        if arg.arg == "store" or annotation.split(".")[-1] == "Store":
            return True
    return False


def test_the_checks_see_the_whole_ui() -> None:
    modules = list(ui_modules())
    assert len(modules) > 30  # the check reads the real tree, not an empty one
    assert any(p.name == "operations.py" for p, _ in modules)


def test_no_module_level_worker_functions() -> None:
    found = [
        where(path, node)
        for path, tree in ui_modules()
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and takes_the_store(node)
    ]
    assert found == [], "move these into a service function called by one Operation"


def test_no_lambda_as_an_outcome_callback() -> None:
    found = []
    for path, tree in ui_modules():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            for keyword in node.keywords:
                if keyword.arg in CALLBACK_KEYWORDS and isinstance(keyword.value, ast.Lambda):
                    found.append(where(path, node))
            func = node.func
            if (
                isinstance(func, ast.Attribute)
                and func.attr in CALLBACK_METHODS
                and any(isinstance(a, ast.Lambda) for a in node.args)
            ):
                found.append(where(path, node))
    assert found == [], "pass a bound method (or functools.partial of one)"


def test_no_widget_re_raises_what_it_caught() -> None:
    found = []
    for path, tree in ui_modules():
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            params = {a.arg for a in [*fn.args.args, *fn.args.kwonlyargs]}
            for node in ast.walk(fn):
                if isinstance(node, ast.ExceptHandler):
                    bare = [n for n in ast.walk(node) if isinstance(n, ast.Raise) and n.exc is None]
                    found += [where(path, n) for n in bare]
                    if node.name is not None:
                        again = [
                            n
                            for n in ast.walk(node)
                            if isinstance(n, ast.Raise)
                            and isinstance(n.exc, ast.Name)
                            and n.exc.id == node.name
                        ]
                        found += [where(path, n) for n in again]
                if (
                    isinstance(node, ast.Raise)
                    and isinstance(node.exc, ast.Name)
                    and node.exc.id in params
                ):
                    found.append(where(path, node))
    assert found == [], "known errors go to the message area, bugs to the bug path"


def test_no_field_holds_the_next_step_of_a_flow() -> None:
    found = []
    for path, tree in ui_modules():
        if path.name in WORKER_MODULES:
            continue  # the runner's own bookkeeping of pending work
        for node in ast.walk(tree):
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            for target in targets:
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                    and NEXT_STEP_FIELD.match(target.attr)
                ):
                    found.append(f"{where(path, node)} self.{target.attr}")
    assert found == [], "make the next step an operation's success callback"


def test_work_reaches_the_worker_only_through_an_operation() -> None:
    found = []
    for path, tree in ui_modules():
        if path.name in WORKER_MODULES | BOOTSTRAP_MODULES:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                text = ast.unparse(node.func)
                if text.endswith("run_task") or text in {"tasks.runner().run", "runner().run"}:
                    found.append(where(path, node))
    assert found == [], "use ungedesk.ui.operations.Operation"


def test_no_ui_module_is_over_the_size_limit_without_a_reason() -> None:
    found = []
    for path, _tree in ui_modules():
        text = path.read_text(encoding="utf-8")
        if text.count("\n") > MAX_LINES and "Why this module is long:" not in text[:3000]:
            found.append(f"{path.relative_to(UI.parent.parent)}: {text.count(chr(10))} lines")
    assert found == [], "split it, or say at its top why it is long"
