"""Shared fixtures: offscreen Qt, an in-memory keyring, a real SQLCipher store in tmp."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("UNGEDESK_PASSPHRASE", None)
os.environ.pop("UNGEDESK_DATA_DIR", None)

import keyring
import pytest

from tests.support.memory_keyring import MemoryKeyring
from ungedesk.domain.profile import ProfileInput, Role
from ungedesk.store import keys
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths

PASSPHRASE = "grøn kaffe tager toget til Ribe"
TODAY = date(2026, 11, 24)
# Test stores wrap their key with a cheap scrypt cost; production uses keys.SCRYPT_N.
TEST_SCRYPT_N = 2**12


@pytest.fixture(autouse=True)
def memory_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    monkeypatch.setattr(keys, "SCRYPT_N", TEST_SCRYPT_N)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def no_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine without any usable keyring backend (Linux without Secret Service)."""
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())


@pytest.fixture
def store_paths(tmp_path: Path) -> StorePaths:
    return StorePaths(tmp_path / "data")


PROFILE = ProfileInput(
    name="Anne Bjerregaard",
    initials="ABJ",
    unit="Ungeteamet",
    role=Role.CASEWORKER,
    email="abj@kommune.example",
    phone="12 34 56 78",
)


@pytest.fixture
def store(store_paths: StorePaths) -> Iterator[Store]:
    from ungedesk.services.setup import create_installation

    result = create_installation(
        store_paths, PASSPHRASE, PROFILE, municipality="Demo Kommune", scrypt_n=TEST_SCRYPT_N
    )
    yield result.opened.store
    result.opened.store.close()
