"""UngeDesk: follows young people from the first request for help to education or a job."""

from __future__ import annotations

# Looked up on first use (module __getattr__ below), not at import: importlib.metadata costs
# about as much as the rest of 'ungedesk --help', and most runs never show the version.
__version__: str


def __getattr__(name: str) -> str:
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("ungedesk")
    except PackageNotFoundError:  # running from a source tree without an install
        found = "0.0.0+source"
    globals()["__version__"] = found
    return found
