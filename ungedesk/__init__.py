"""UngeDesk: follows young people from the first request for help to education or a job."""

from ungedesk._version import __version__

__all__ = ["__version__"]
