"""The root of every failure the user can act on, shared by all layers.

A known error carries a Danish ``message`` that says what happened and what to do, and an
``exit_code`` for the command line. Everything else that escapes is a bug: it is logged
without personal data and shown as a generic notice. Three families hang off the root, so a
screen can tell them apart without reading messages:

- ``InputError``: what the user typed cannot be saved (per-field messages);
- ``ungedesk.store.errors.StoreError``: the encrypted store cannot be opened or written;
- ``FileError``: a file the user chose (import, export, backup) cannot be used.
"""

from __future__ import annotations


class KnownError(Exception):
    """A known failure the user can act on. ``message`` is Danish."""

    exit_code = 2
    message = "Der opstod en fejl."

    def __init__(self, message: str | None = None) -> None:
        if message is not None:
            self.message = message
        super().__init__(self.message)


class InputError(KnownError):
    """Form input that cannot be saved; ``fields`` maps field names to Danish messages."""

    exit_code = 2

    def __init__(self, fields: dict[str, str]) -> None:
        self.fields = dict(fields)
        super().__init__(" ".join(self.fields.values()))


class FileError(KnownError):
    """A file the user chose cannot be read, written or understood."""

    exit_code = 2
    message = "Filen kunne ikke bruges."


class StoppedError(KnownError):
    """The user pressed Stop. Raised by the work itself at a safe point, after everything
    it had begun is undone: nothing half-written is left behind."""

    exit_code = 130
    message = "Arbejdet blev stoppet. Intet er ændret."
