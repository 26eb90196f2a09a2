"""The ``ungedesk`` command as a user runs it: a subprocess with its own data dir and env.

Every run uses keyring's "fail" backend, so the machine's real keyring is never touched and
the key can only come from the passphrase-wrapped key file. Stores made here keep the
production scrypt cost (~0.3 s per unlock), which is fine for a handful of runs.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from tests.conftest import PASSPHRASE
from ungedesk.services import setup
from ungedesk.store.models import Youth
from ungedesk.store.paths import StorePaths

INIT = ["init", "--name", "Anne Bjerregaard", "--initials", "ABJ", "--unit", "Ungeteamet"]


def cli_env(data_dir: Path | None, passphrase: str | None = PASSPHRASE) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("UNGEDESK_")}
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
    env["PYTHONIOENCODING"] = "utf-8"
    if data_dir is not None:
        env["UNGEDESK_DATA_DIR"] = str(data_dir)
    if passphrase is not None:
        env["UNGEDESK_PASSPHRASE"] = passphrase
    return env


def run(
    *args: str, data_dir: Path | None, passphrase: str | None = PASSPHRASE, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "ungedesk", *args],
        env=cli_env(data_dir, passphrase),
        stdin=subprocess.DEVNULL,  # no terminal: nothing may prompt
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=timeout,
    )


def digest(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file()
    }


def assert_clean_failure(result: subprocess.CompletedProcess[str]) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert "Error" not in result.stderr  # no Python exception names either
    assert "ERROR CORE" not in result.stderr  # SQLCipher's own log lines stay off stderr


def count_youths(data_dir: Path) -> int:
    opened = setup.unlock(StorePaths(data_dir), PASSPHRASE)
    try:
        with opened.store.session() as s:
            return int(s.scalar(select(func.count(Youth.id))) or 0)
    finally:
        opened.store.close()


@pytest.fixture(scope="package")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One store made by init + demo, copied by the tests that damage it."""
    data = tmp_path_factory.mktemp("e2e") / "data"
    init = run(*INIT, data_dir=data)
    assert init.returncode == 0, init.stderr
    filled = run("demo", "--youths", "200", "--seed", "1", data_dir=data)
    assert filled.returncode == 0, filled.stderr
    return data


@pytest.fixture
def store_copy(demo_store: Path, tmp_path: Path) -> Iterator[Path]:
    target = tmp_path / "copy"
    shutil.copytree(demo_store, target)
    yield target
