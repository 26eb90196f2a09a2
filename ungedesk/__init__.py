"""UngeDesk: follows young people from the first request for help to education or a job."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("ungedesk")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0.0.0+source"
