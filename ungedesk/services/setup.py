"""First start and later starts: create the store with the caseworker's profile, unlock it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ungedesk.domain.errors import InputError
from ungedesk.domain.profile import ProfileInput, validate_profile
from ungedesk.domain.youth import clean
from ungedesk.services import restore, rule_store, settings
from ungedesk.services.audit import Action, log, purge_expired, secure_head
from ungedesk.services.restgruppe_retention import purge_old_lists
from ungedesk.store import database, instance_lock, keys
from ungedesk.store.database import KeySource, Opened, Store
from ungedesk.store.models import Caseworker
from ungedesk.store.paths import StorePaths

if TYPE_CHECKING:
    from ungedesk.services.first_look import FirstLook


@dataclass(frozen=True, slots=True)
class SetupResult:
    opened: Opened
    key_location: str  # Danish sentence: where the key lives
    keyring_used: bool


def key_location_text(keyring_used: bool, paths: StorePaths, *, keyring_wanted: bool = True) -> str:
    if keyring_used:
        return (
            f"Nøglen til databasen ligger i {keys.keyring_location()} under din brugerkonto. "
            f"En kopi, låst med din gendannelsesfrase, ligger i filen {paths.key_file.name} i "
            "datamappen. Uden frasen kan kopien ikke bruges."
        )
    if not keyring_wanted:
        why = "Du har valgt ikke at bruge systemets nøglering."
    elif keys.keyring_available():
        why = "Systemets nøglering ville ikke gemme nøglen (den er måske låst)."
    else:
        why = "Denne computer har ingen nøglering, UngeDesk kan bruge."
    return (
        f"{why} Nøglen ligger derfor kun i filen {paths.key_file.name} i datamappen, låst med "
        "din gendannelsesfrase. Du skal skrive frasen, hver gang UngeDesk starter."
    )


def create_installation(
    paths: StorePaths,
    passphrase: str,
    profile: ProfileInput,
    *,
    municipality: str = "",
    use_keyring: bool = True,
    scrypt_n: int | None = None,
    holder: str = instance_lock.DEFAULT_HOLDER,
) -> SetupResult:
    """Create the encrypted store and record the first caseworker as the current user."""
    # Imported here: the strength meter (zxcvbn's dictionaries) is needed only to create a
    # store, not by every command and start that unlocks one.
    from ungedesk.domain.passphrase import assess

    errors = validate_profile(profile)
    strength = assess(passphrase, (profile.name, profile.initials, profile.unit))
    if not strength.acceptable:
        errors["passphrase"] = strength.hint
    if errors:
        raise InputError(errors)

    def populate(s: Session) -> None:
        # In the new store's first transaction, before it is published: a store on disk
        # always has its caseworker (a kill in between leaves no store, not half of one).
        me = Caseworker(
            name=clean(profile.name),
            initials=profile.initials.strip().upper(),
            unit=clean(profile.unit),
            role=profile.role.value,
            email=profile.email.strip(),
            phone=profile.phone.strip(),
            active=True,
        )
        s.add(me)
        s.flush()
        settings.write(s, settings.CURRENT_CASEWORKER, me.id)
        settings.write(s, settings.MUNICIPALITY, clean(municipality))
        # No case has a deadline yet: they are current with the rules in force, and the
        # first start has nothing to recompute.
        settings.write(s, settings.RULES_COMPUTED_WITH, rule_store.fingerprint(s))

    opened = database.create(
        paths,
        passphrase,
        use_keyring=use_keyring,
        scrypt_n=scrypt_n,
        populate=populate,
        holder=holder,
    )
    used = opened.source is KeySource.KEYRING
    return SetupResult(opened, key_location_text(used, paths, keyring_wanted=use_keyring), used)


def store_exists(paths: StorePaths) -> bool:
    """True when the data directory holds a store or what is left of one (a key file
    without its database is a damaged store, not a reason to create a new one).

    An ``init`` killed while publishing is completed or rolled back first, under the data
    directory's lock (StoreInUseError when another UngeDesk holds it).
    """
    if not paths.root.is_dir():
        return False
    with instance_lock.acquire(paths):
        _recover(paths)
        return paths.db.exists() or paths.key_file.exists()


# What recovering an interrupted restore did, per data directory, until the store is open
# and it can be written into the access log (the GUI recovers before it asks for a key).
_recovered: dict[str, str] = {}


def _recover(paths: StorePaths) -> None:
    """Finish or undo an interrupted init or restore; call with the data directory held."""
    database.recover_interrupted_create(paths)
    done = restore.recover_interrupted_restore(paths)
    if done:
        _recovered[str(paths.root)] = done
    restore.clean_leftovers(paths, now=datetime.now(UTC))


def check_store_files(paths: StorePaths) -> None:
    """NoStoreError or DamagedStoreError unless the store's files are there (not read)."""
    database.check_files(paths)


def needs_passphrase(paths: StorePaths) -> bool:
    """True when the keyring cannot open the store. A missing or empty database raises its
    known error first, so nobody is asked for a passphrase to open nothing."""
    if paths.root.is_dir():
        with instance_lock.acquire(paths):
            _recover(paths)
    database.check_files(paths)
    return database.needs_passphrase(paths)


def keyring_available() -> bool:
    return keys.keyring_available()


def unlock(paths: StorePaths, passphrase: str | None = None) -> Opened:
    """Open the store; the access log's head is compared with its marks outside the
    database (findings land in ``store.alerts`` and in the log), then entries past their
    retention are purged."""
    _recover_first(paths)
    return _checked(paths, database.open_store(paths, passphrase))


def open_after_first_look(paths: StorePaths, look: FirstLook) -> Opened:
    """The rest of a start that painted services.first_look's page: the same open as
    ``unlock``, with the key the first look found in the keyring."""
    _recover_first(paths)
    opened = database.open_with_key(paths, look.key, look.store_id, KeySource.KEYRING)
    return _checked(paths, opened)


def _recover_first(paths: StorePaths) -> None:
    # A restore cut short (crash, power cut) is undone or finished before anything opens
    # the files; what was done goes into the log once the store is open.
    if paths.root.is_dir():
        with instance_lock.acquire(paths):
            _recover(paths)


def _checked(paths: StorePaths, opened: Opened) -> Opened:
    try:
        opened.store.alerts = secure_head(opened.store)
        recovered = _recovered.pop(str(paths.root), None)
        if recovered:
            log(opened.store, Action.RESTORE, detail=recovered)
            opened.store.notices.append(recovered)
        purge_expired(opened.store)
        purge_old_lists(opened.store)
        # A program update may ship other rules than the stored deadlines were computed
        # with: recompute them once, in one transaction, before anyone reads a deadline.
        # The recomputation's module loads only then (most starts find them current).
        with opened.store.session() as s:
            current = rule_store.deadlines_current(s)
        if not current:
            from ungedesk.services import rulesets  # here: rulesets imports this module

            rulesets.recompute_if_stale(opened.store)
    except BaseException:
        opened.store.close()
        raise
    return opened


def has_profile(store: Store) -> bool:
    with store.session() as s:
        return s.scalar(select(Caseworker.id).limit(1)) is not None
