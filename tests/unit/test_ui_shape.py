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
- work handed to the worker other than through an Operation;
- a module over 600 lines that does not say at its top why it is long.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import ungedesk.ui

UI = Path(ungedesk.ui.__file__).parent
# Where the worker itself lives: the only modules that may hand work to it directly.
WORKER_MODULES = {"tasks.py", "operations.py"}
# The launcher opens the store before any window exists: there is no parent to decide
# whether a result is wanted, and a bug there must end the start (it cannot go on).
BOOTSTRAP_MODULES = {"app.py"}
CALLBACK_KEYWORDS = {"on_done", "on_error"}
CALLBACK_METHODS = {"success", "failure"}
NEXT_STEP_FIELD = re.compile(r"^_(after|then|next|continue)(_|$)|^_pdf_use$|^_context_message$")
MAX_LINES = 600
LONG_REASON = "Why this module is long:"


def ui_modules() -> Iterator[Path]:
    yield from sorted(UI.rglob("*.py"))


def _takes_the_store(fn: ast.FunctionDef) -> bool:
    returns = ast.unparse(fn.returns) if fn.returns is not None else ""
    if returns.startswith("Operation"):
        return False  # builds an operation for its caller: not a worker
    params = [*fn.args.posonlyargs, *fn.args.args, *fn.args.kwonlyargs]
    for arg in params:
        annotation = ast.unparse(arg.annotation) if arg.annotation is not None else ""
        if arg.arg == "store" or annotation.split(".")[-1] == "Store":
            return True
    return False


def _worker_functions(tree: ast.Module) -> Iterator[ast.AST]:
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and _takes_the_store(node):
            yield node


def _callback_lambdas(tree: ast.Module) -> Iterator[ast.AST]:
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        if any(
            k.arg in CALLBACK_KEYWORDS and isinstance(k.value, ast.Lambda) for k in node.keywords
        ):
            yield node
        func = node.func
        if (
            isinstance(func, ast.Attribute)
            and func.attr in CALLBACK_METHODS
            and any(isinstance(a, ast.Lambda) for a in node.args)
        ):
            yield node


def _re_raises(tree: ast.Module) -> Iterator[ast.AST]:
    for fn in ast.walk(tree):
        if not isinstance(fn, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        params = {a.arg for a in [*fn.args.args, *fn.args.kwonlyargs]}
        for node in ast.walk(fn):
            if isinstance(node, ast.ExceptHandler):
                for inner in ast.walk(node):
                    if isinstance(inner, ast.Raise) and (
                        inner.exc is None
                        or (isinstance(inner.exc, ast.Name) and inner.exc.id == node.name)
                    ):
                        yield inner
            if (
                isinstance(node, ast.Raise)
                and isinstance(node.exc, ast.Name)
                and node.exc.id in params
            ):
                yield node


def _next_step_fields(tree: ast.Module) -> Iterator[ast.AST]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            targets = node.targets
        elif isinstance(node, ast.AnnAssign):
            targets = [node.target]
        else:
            continue
        for target in targets:
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
                and NEXT_STEP_FIELD.search(target.attr)
            ):
                yield node


def _direct_worker_calls(tree: ast.Module) -> Iterator[ast.AST]:
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            text = ast.unparse(node.func)
            if text.endswith("run_task") or text.endswith("runner().run"):
                yield node


def problems(name: str, source: str) -> list[str]:
    """Every refused shape in one module's source, as 'kind:line'."""
    tree = ast.parse(source)
    found: list[str] = []

    def add(kind: str, nodes: Iterator[ast.AST]) -> None:
        found.extend(f"{kind}:{getattr(n, 'lineno', 0)}" for n in nodes)

    add("worker function", _worker_functions(tree))
    add("callback lambda", _callback_lambdas(tree))
    add("re-raise", _re_raises(tree))
    if name not in WORKER_MODULES:
        add("next-step field", _next_step_fields(tree))
    if name not in WORKER_MODULES | BOOTSTRAP_MODULES:
        add("work outside an Operation", _direct_worker_calls(tree))
    if source.count("\n") > MAX_LINES and LONG_REASON not in source[:3000]:
        found.append(f"over {MAX_LINES} lines:{source.count(chr(10))}")
    return found


def test_the_check_reads_the_whole_ui_tree() -> None:
    modules = list(ui_modules())
    assert len(modules) > 40
    packages = {p.parent.name for p in modules}
    assert {"plan", "progression", "record", "visitation", "security", "shell"} <= packages


@pytest.mark.parametrize("path", list(ui_modules()), ids=lambda p: str(p.relative_to(UI)))
def test_every_ui_module_has_the_operation_shape(path: Path) -> None:
    assert problems(path.name, path.read_text(encoding="utf-8")) == []


OLD_SHAPES = """
def pdf_bytes(store: Store, youth_id: int) -> bytes:
    return b""

class Panel:
    def save(self) -> None:
        self._after_save = self.hand_out
        tasks.run_task(plan.save, self._store, on_done=lambda _: self.reload())
        Operation(self, plan.save).success(lambda result: self.reload()).run()

    def failed(self, exc: BaseException) -> None:
        raise exc

    def read(self) -> None:
        try:
            pass
        except KnownError:
            raise
"""


def test_the_check_finds_every_old_shape() -> None:
    kinds = [p.split(":")[0] for p in problems("panel.py", OLD_SHAPES)]
    assert sorted(set(kinds)) == [
        "callback lambda",
        "next-step field",
        "re-raise",
        "work outside an Operation",
        "worker function",
    ]
    assert kinds.count("callback lambda") == 2 and kinds.count("re-raise") == 2
    long = "\n" * (MAX_LINES + 1)
    assert problems("long.py", long) == [f"over {MAX_LINES} lines:{MAX_LINES + 1}"]
    assert problems("long.py", f'"""{LONG_REASON} one screen."""' + long) == []
