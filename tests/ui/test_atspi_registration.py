"""The registration form as a Linux screen reader meets it (issue 14).

The real app runs as its own process on a private X server with the accessibility bridge
on, over a fresh store. The test reads the app's accessible tree through AT-SPI on D-Bus
(as Orca does), presses "Registrer en ung …" through the button's AT-SPI action, and walks
the form that opens: every input must have a name, and the fields must be found by the
names a caseworker sees beside them.

Skipped where Xvfb, D-Bus or AT-SPI is missing; under CI=1 (the CI) it fails instead.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.support.atspi import AtspiError, Desktop, Node, Tree, missing_tools, wait_for
from ungedesk.store.paths import StorePaths

# What a screen reader lets the user operate; each needs a name of its own.
INPUT_ROLES = {
    "text",
    "entry",
    "password text",
    "combo box",
    "spin button",
    "spin box",  # Qt's own role name for a spin box or date field
    "check box",
    "radio button",
    "push button",
    "toggle button",
    "slider",
    "date editor",
    "list",
    "table",
    "tree",
    "tree table",
}
FORM_TITLE = "Registrer en ung"


@pytest.fixture
def desktop(tmp_path: Path) -> Iterator[Desktop]:
    missing = missing_tools()
    if missing:
        message = f"no screen reader stack here: {', '.join(missing)} missing"
        if os.environ.get("CI"):
            pytest.fail(message + " (CI installs them: .ci/run)")
        pytest.skip(message)
    logs = tmp_path / "logs"
    logs.mkdir()
    with Desktop(logs) as started:
        yield started


@pytest.fixture
def app(
    desktop: Desktop, store_paths: StorePaths, shared: ModuleType, tmp_path: Path
) -> Iterator[subprocess.Popen[bytes]]:
    from ungedesk.services.setup import create_installation

    created = create_installation(
        store_paths,
        shared.PASSPHRASE,
        shared.PROFILE,
        municipality="Demo Kommune",
        scrypt_n=shared.TEST_SCRYPT_N,
    )
    created.opened.store.close()
    env = desktop.environment({k: v for k, v in os.environ.items() if not k.startswith("UNGEDESK")})
    env.update(
        QT_QPA_PLATFORM="xcb",
        QT_ACCESSIBILITY="1",
        QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1",
        # The key comes from the passphrase file, never from this machine's keyring.
        PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring",
        UNGEDESK_PASSPHRASE=shared.PASSPHRASE,
        UNGEDESK_DATA_DIR=str(store_paths.root),
    )
    with (tmp_path / "app.log").open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "ungedesk"],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    yield process
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def _heard_as(tree: Tree, node: Node, role: str) -> str:
    """An input's name as AT-SPI gives it. A combo box's name on Linux is its chosen value
    (Qt's choice: the label comes through the "labelled by" relation), so a combo box is
    named by its label, and any other input by its own name."""
    if role == "combo box":
        labels = [label.strip() for label in tree.labels(node) if label.strip()]
        return labels[0] if labels else ""
    return tree.name(node).strip()


def _unnamed_inputs(tree: Tree, root: Node) -> tuple[list[str], dict[str, str]]:
    """The shown inputs under ``root`` a screen reader has no name for, and the role of
    every other by what it is called."""
    unnamed: list[str] = []
    heard: dict[str, str] = {}
    for node in tree.walk(root):
        role = tree.role(node)
        if role not in INPUT_ROLES or not tree.showing(node):
            continue
        called = _heard_as(tree, node, role)
        if called:
            heard[called] = role
        else:
            unnamed.append(f"{role} {tree.name(node)!r} at {node.path}")
    return unnamed, heard


def test_the_registration_form_read_through_atspi_names_every_input(
    desktop: Desktop, app: subprocess.Popen[bytes], tmp_path: Path
) -> None:
    tree = wait_for("the accessibility bus", lambda: _tree(desktop))
    try:
        root = wait_for(
            "the app on the AT-SPI registry", lambda: _alive(app) and tree.application(app.pid)
        )
        # An empty register offers its first registration as a button.
        button = wait_for(
            "the register's 'Registrer en ung …' button",
            lambda: tree.find(root, "push button", "Registrer en ung …"),
            timeout=60,
        )
        tree.press(button)
        form = wait_for(
            "the registration form",
            lambda: next(
                (
                    n
                    for n in tree.children(root)
                    # Qt adds the application's name: "Registrer en ung — UngeDesk".
                    if tree.role(n) == "dialog" and tree.name(n).startswith(FORM_TITLE)
                ),
                None,
            ),
        )
        unnamed, named = wait_for("a walk through the form", lambda: _unnamed_inputs(tree, form))
    finally:
        tree.close()
    log = (tmp_path / "app.log").read_text(encoding="utf-8", errors="replace")
    assert not unnamed, f"inputs a screen reader cannot name: {unnamed}\n{log}"
    # The fields are heard by the names a caseworker sees beside them.
    for name, role in {
        "CPR-nr.": "text",
        "Fornavn": "text",
        "Efternavn": "text",
        "Postnummer": "text",
        "By": "text",
        "Henvendelse": "spin box",
        "Ydelse": "combo box",
        "Højeste fuldførte uddannelse": "combo box",
        "Ansvarlig sagsbehandler": "combo box",
        "Gem": "push button",
    }.items():
        assert named.get(name) == role, (name, sorted(named.items()))
    assert len(named) >= 12


def _tree(desktop: Desktop) -> Tree | None:
    try:
        return Tree(desktop.session_bus)
    except (OSError, AtspiError):
        return None  # the launcher has not registered the accessibility bus yet


def _alive(app: subprocess.Popen[bytes]) -> bool:
    if app.poll() is not None:
        raise AssertionError(f"the app ended with exit code {app.returncode}")
    return True
