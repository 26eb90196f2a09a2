"""Known store failures, each with a Danish message that says what to do.

Anything not mapped here is a bug: it is logged without personal data and shown as a
generic error. Messages never contain a CPR number, a name or a file name with them.
"""

from __future__ import annotations

import errno

from ungedesk.domain.errors import KnownError


class StoreError(KnownError):
    """The encrypted store cannot be opened, read or written. ``message`` is Danish."""

    exit_code = 2
    message = "Der opstod en fejl i databasen."


class NoStoreError(StoreError):
    exit_code = 3
    message = "Der er ingen UngeDesk-database i datamappen endnu. Opret den først (ungedesk init)."


class StoreExistsError(StoreError):
    exit_code = 3
    message = "Der findes allerede en UngeDesk-database i datamappen. Den bliver ikke overskrevet."


class WrongPassphraseError(StoreError):
    exit_code = 4
    message = "Adgangsfrasen er forkert. Prøv igen, og tjek om Caps Lock er slået til."


class MissingKeyError(StoreError):
    exit_code = 4
    message = (
        "Nøglen til databasen findes ikke i systemets nøglering, og der er ikke angivet "
        "nogen adgangsfrase. Start UngeDesk og skriv gendannelsesfrasen."
    )


class KeyFileError(StoreError):
    exit_code = 5
    message = (
        "Nøglefilen ved siden af databasen mangler eller er beskadiget. Uden den kan databasen "
        "kun åbnes med nøglen i systemets nøglering. Gendan nøglefilen fra en sikkerhedskopi."
    )


class CorruptStoreError(StoreError):
    exit_code = 5
    message = (
        "Databasefilen er beskadiget og kan ikke læses. Filen er ikke ændret. Gendan fra den "
        "seneste sikkerhedskopi, eller kontakt support."
    )


class DamagedStoreError(StoreError):
    """The key file is there but the database is missing, empty or has no UngeDesk tables:
    it is not a new store. Only ``init`` creates a schema; nothing else may build one into
    what is left of the file."""

    exit_code = 5
    message = (
        "Databasefilen i datamappen mangler, er tom eller er beskadiget, selv om nøglefilen "
        "findes. Intet er ændret. Gendan fra den seneste sikkerhedskopi med "
        "'ungedesk restore FIL' eller i UngeDesk-vinduet (Gendan fra sikkerhedskopi)."
    )


class InterruptedRotationError(StoreError):
    """A data-key rotation stopped after the new database was put in place but before its
    key file was: the store opens only once the rotation is finished (nothing is lost)."""

    exit_code = 5
    message = (
        "En udskiftning af databasens nøgle blev afbrudt halvvejs. Intet er tabt: kør "
        "'ungedesk key rotate' igen (med gendannelsesfrasen) for at gøre den færdig. "
        "Gendan ikke fra en sikkerhedskopi."
    )


class StoreInUseError(StoreError):
    """Another UngeDesk (window or command) holds the data directory."""

    exit_code = 14
    message = (
        "Datamappen bruges allerede af et andet UngeDesk (et vindue eller en kommando). "
        "Luk det først, og prøv igen."
    )


class StoreLockedError(StoreError):
    exit_code = 6
    message = (
        "Databasen er i brug af et andet program (måske UngeDesk i et andet vindue). Luk det, "
        "og prøv igen."
    )


class DiskFullError(StoreError):
    exit_code = 7
    message = (
        "Disken er fuld, så ændringen kunne ikke gemmes. Intet er gemt halvt. Frigør plads, "
        "og prøv igen."
    )


class ReadOnlyStoreError(StoreError):
    exit_code = 8
    message = (
        "UngeDesk har ikke lov at skrive i datamappen. Tjek rettighederne på mappen, "
        "og prøv igen. Intet er ændret."
    )


def translate_os_error(exc: OSError) -> StoreError:
    """Map an OSError from file work to a known store error."""
    if exc.errno == errno.ENOSPC:
        return DiskFullError()
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return ReadOnlyStoreError()
    return StoreError(f"Filen kunne ikke læses eller skrives ({exc.strerror or 'ukendt fejl'}).")


# SQLite's primary result codes (https://www.sqlite.org/rescode.html); the extended code
# carries the primary one in its low byte.
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


def _io_error() -> StoreError:
    return StoreError("Databasen kunne ikke skrives på disken (I/O-fejl). Intet er gemt halvt.")


_BY_CODE: dict[int, type[StoreError] | None] = {
    SQLITE_NOTADB: CorruptStoreError,
    SQLITE_CORRUPT: CorruptStoreError,
    SQLITE_BUSY: StoreLockedError,
    SQLITE_LOCKED: StoreLockedError,
    SQLITE_FULL: DiskFullError,
    SQLITE_READONLY: ReadOnlyStoreError,
    SQLITE_PERM: ReadOnlyStoreError,
    SQLITE_CANTOPEN: ReadOnlyStoreError,
    SQLITE_IOERR: None,  # its own message below
}


def translate_db_error(exc: BaseException) -> StoreError | None:
    """Map a DB-API error to a known store error by its SQLite result code, or None when it
    is a bug. sqlite3 and sqlcipher3 errors carry ``sqlite_errorcode`` (the extended code);
    only an error without one (raised by the driver itself) is recognised by its text."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        primary = code & 0xFF
        if primary == SQLITE_IOERR:
            return _io_error()
        known = _BY_CODE.get(primary)
        return known() if known is not None else None
    return _translate_by_text(str(exc).lower())


def _translate_by_text(text: str) -> StoreError | None:
    # SQLite's own wording for these codes, not any message that happens to contain a word:
    # "malformed JSON" from json_extract is a bug, not a corrupt store.
    if "file is not a database" in text or "database disk image is malformed" in text:
        return CorruptStoreError()
    if "database is locked" in text or "database table is locked" in text:
        return StoreLockedError()
    if "database or disk is full" in text:
        return DiskFullError()
    if "attempt to write a readonly database" in text or "unable to open database" in text:
        return ReadOnlyStoreError()
    if "disk i/o error" in text:
        return _io_error()
    return None
