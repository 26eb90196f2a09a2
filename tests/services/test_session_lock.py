"""Session lock services: checking the passphrase, the keyring, and the lock settings."""

from __future__ import annotations

import json

import pytest

from ungedesk.services import session_lock
from ungedesk.store import keys
from ungedesk.store.database import Store
from ungedesk.store.errors import KeyFileError
from ungedesk.store.models import Setting
from ungedesk.store.paths import StorePaths

PASSPHRASE = "grøn kaffe tager toget til Ribe"


def _raw_json(store: Store, key: str, value: object) -> None:
    """Store any JSON under ``key``, as a damaged or hand-edited store may hold it."""
    with store.session() as s:
        s.merge(Setting(key=key, value=json.dumps(value)))


def test_verify_passphrase(store: Store, store_paths: StorePaths) -> None:
    assert session_lock.verify_passphrase(store_paths, PASSPHRASE)
    assert not session_lock.verify_passphrase(store_paths, "forkert frase")
    assert not session_lock.verify_passphrase(store_paths, "")


def test_a_missing_key_file_is_not_a_wrong_passphrase(
    store: Store, store_paths: StorePaths
) -> None:
    store_paths.key_file.unlink()
    with pytest.raises(KeyFileError):
        session_lock.verify_passphrase(store_paths, PASSPHRASE)


def test_keyring_can_unlock(store: Store, store_paths: StorePaths) -> None:
    assert session_lock.keyring_can_unlock(store_paths)
    keys.keyring_forget(store.store_id)
    assert not session_lock.keyring_can_unlock(store_paths)


def test_settings_defaults_and_bounds(store: Store, store_paths: StorePaths) -> None:
    settings = session_lock.lock_settings(store, store_paths)
    assert settings.auto_lock_minutes == session_lock.DEFAULT_AUTO_LOCK_MINUTES == 5
    assert settings.keyring_unlock and settings.keyring_unlock_wanted
    assert settings.user_name == "Anne Bjerregaard"
    assert session_lock.set_auto_lock_minutes(store, 0) == 1
    assert session_lock.set_auto_lock_minutes(store, 10_000) == 60
    assert session_lock.set_auto_lock_minutes(store, 15) == 15
    assert session_lock.lock_settings(store, store_paths).auto_lock_minutes == 15
    for junk in ("5", True, None, 2.5):
        _raw_json(store, "auto_lock_minutes", junk)
        assert session_lock.lock_settings(store, store_paths).auto_lock_minutes == 5


def test_keyring_unlock_needs_both_the_setting_and_the_key(
    store: Store, store_paths: StorePaths
) -> None:
    settings = session_lock.set_keyring_unlock(store, store_paths, False)
    assert not settings.keyring_unlock and not settings.keyring_unlock_wanted
    assert session_lock.lock_settings(store, store_paths) == settings
    assert session_lock.set_keyring_unlock(store, store_paths, True).keyring_unlock
    keys.keyring_forget(store.store_id)
    settings = session_lock.lock_settings(store, store_paths)
    assert settings.keyring_unlock_wanted and not settings.keyring_unlock
