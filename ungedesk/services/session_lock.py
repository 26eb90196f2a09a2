"""Locking the open session: how long to wait, and how the caseworker may unlock again.

The store stays open while the session is locked: locking is about the screen, not the
database. Unlocking proves the caseworker is at the keyboard, either with the recovery
passphrase (checked against the key file, without touching the database) or, when the
OS keyring holds the key and the caseworker has not turned it off, with the keyring
plus a deliberate click (the OS session lock guards the keyring).
"""

from __future__ import annotations

from dataclasses import dataclass

from ungedesk.services import caseworkers, settings
from ungedesk.store import database, keys
from ungedesk.store.database import Store
from ungedesk.store.errors import WrongPassphraseError
from ungedesk.store.paths import StorePaths

DEFAULT_AUTO_LOCK_MINUTES = settings.AUTO_LOCK_DEFAULT_MINUTES
MIN_AUTO_LOCK_MINUTES, MAX_AUTO_LOCK_MINUTES = settings.AUTO_LOCK_RANGE


@dataclass(frozen=True, slots=True)
class LockSettings:
    auto_lock_minutes: int
    # The caseworker allows unlocking with the keyring and the keyring holds the key.
    keyring_unlock: bool
    # Whether the caseworker allows it at all (what the menu shows as checked).
    keyring_unlock_wanted: bool
    user_name: str  # the caseworker, for "Unlock as …"; empty when there is no profile
    # A demo store's public passphrase, shown on its lock screen; "" for a real store.
    demo_passphrase: str = ""


def verify_passphrase(paths: StorePaths, passphrase: str) -> bool:
    """True when ``passphrase`` unwraps this store's key file.

    A missing or damaged key file raises its StoreError (Danish message): that is not a
    wrong passphrase and retrying will not help.
    """
    key_file = keys.load_key_file(paths.key_file)
    try:
        keys.unwrap(key_file, passphrase)
    except WrongPassphraseError:
        return False
    return True


def keyring_can_unlock(paths: StorePaths) -> bool:
    """True when the OS keyring holds the key to this store right now."""
    return not database.needs_passphrase(paths)


def demo_passphrase(store: Store) -> str:
    """The passphrase a demo store shows on its lock screen (services.demo.publish_passphrase
    wrote it); "" for every store not marked as holding demo data."""
    with store.session() as s:
        if not settings.read(s, settings.DEMO_DATA):
            return ""
        return settings.read(s, settings.DEMO_PASSPHRASE) or ""


def lock_settings(store: Store, paths: StorePaths) -> LockSettings:
    wanted = settings.get_setting(store, settings.UNLOCK_WITH_KEYRING)
    user = caseworkers.current_user(store)
    return LockSettings(
        auto_lock_minutes=settings.get_setting(store, settings.AUTO_LOCK_MINUTES),
        keyring_unlock=wanted and keyring_can_unlock(paths),
        keyring_unlock_wanted=wanted,
        user_name="" if user is None else user.name,
        demo_passphrase=demo_passphrase(store),
    )


def set_auto_lock_minutes(store: Store, minutes: int) -> int:
    """Save the idle time before the session locks; returns the value kept (clamped)."""
    kept = settings.AUTO_LOCK_MINUTES.from_stored(str(minutes))
    settings.set_setting(store, settings.AUTO_LOCK_MINUTES, kept)
    return kept


def set_keyring_unlock(store: Store, paths: StorePaths, allowed: bool) -> LockSettings:
    """Allow or forbid unlocking with the keyring; returns the settings now in force (what
    the lock screen offers depends on the keyring too, so it is read again)."""
    settings.set_setting(store, settings.UNLOCK_WITH_KEYRING, bool(allowed))
    return lock_settings(store, paths)
