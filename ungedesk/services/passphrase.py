"""Changing the recovery passphrase: the same data key, wrapped again under a new phrase.

The database is not touched (its key does not change), nor is the keyring entry. Only the
key file beside the database is replaced, atomically, so a crash leaves either the old key
file or the new one, each opening the store with its own passphrase.

Backups taken before the change hold the old key file and still open with the old
passphrase. When the passphrase has leaked, take a new backup and destroy the old ones;
when the key itself may be known, rotate the data key (docs/key-rotation.md).
"""

from __future__ import annotations

import contextlib

from ungedesk.domain.errors import InputError
from ungedesk.domain.passphrase import assess
from ungedesk.services import audit, caseworkers
from ungedesk.services.audit import Action
from ungedesk.store import keys
from ungedesk.store.database import Store
from ungedesk.store.errors import KeyFileError

OLD_FIELD = "old_passphrase"
NEW_FIELD = "new_passphrase"
AUDIT_DETAIL = "Gendannelsesfrasen er skiftet"


def related_words(store: Store) -> tuple[str, ...]:
    """Words an attacker would try first: the current caseworker's name, initials, unit."""
    me = caseworkers.current_user(store)
    return () if me is None else (me.name, me.initials, me.unit)


def check_current(store: Store, old: str) -> None:
    """Raise WrongPassphraseError unless ``old`` opens this store's key file (the command
    line asks for the current phrase first, so nobody types a new one twice for nothing)."""
    kf = _key_file(store)
    keys.unwrap(kf, old)


def _key_file(store: Store) -> keys.KeyFile:
    kf = keys.load_key_file(store.paths.key_file)
    if kf.store_id != store.store_id:
        raise KeyFileError()
    return kf


def change_passphrase(store: Store, old: str, new: str, *, scrypt_n: int | None = None) -> None:
    """Wrap the store's data key under ``new`` after checking ``old``; log the change.

    Raises InputError (fields OLD_FIELD, NEW_FIELD) for a missing old phrase or a new one
    the set-up would refuse, WrongPassphraseError for a wrong old phrase, and the store's
    known errors for the disk; in every such case the key file is unchanged.
    """
    problems: dict[str, str] = {}
    if not old:
        problems[OLD_FIELD] = "Skriv den nuværende gendannelsesfrase."
    strength = assess(new, related_words(store))
    if not strength.acceptable:
        problems[NEW_FIELD] = strength.hint
    elif new == old:
        problems[NEW_FIELD] = "Den nye frase er den samme som den nuværende. Vælg en anden."
    if problems:
        raise InputError(problems)
    kf = _key_file(store)
    key = keys.unwrap(kf, old)
    fresh = keys.rewrap(kf, key, new, n=scrypt_n)
    _remove_stale_temp_files(store)
    # The event is written in the same transaction as the swap: the key file is replaced
    # before the commit, so a failed swap rolls the event back, and a failed commit puts
    # the old key file back. Only a crash between the rename and the commit (a moment) can
    # leave the new phrase in force without the event; both key files are whole either way.
    replaced = False
    try:
        with store.session() as s:
            audit.record(s, Action.UPDATE, detail=AUDIT_DETAIL)
            s.flush()
            keys.save_key_file(store.paths.key_file, fresh)
            replaced = True
    except BaseException:
        if replaced:
            with contextlib.suppress(Exception):
                keys.save_key_file(store.paths.key_file, kf)
        raise


def _remove_stale_temp_files(store: Store) -> None:
    """Temp files a killed earlier change left beside the key file (see write_private_atomic's
    naming). They hold the data key wrapped by a phrase that never came into force."""
    key_file = store.paths.key_file
    for leftover in key_file.parent.glob(f".{key_file.name}.*.tmp"):
        if not leftover.is_dir():
            with contextlib.suppress(OSError):
                leftover.unlink()
