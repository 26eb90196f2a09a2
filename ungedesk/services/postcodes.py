"""The list of Danish postcodes shipped with the app, read once from its resource file."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from ungedesk.domain.postcodes import parse_postcode_table
from ungedesk.resources import RESOURCES

POSTCODES_FILE = RESOURCES / "postcodes" / "postnumre.csv"


@cache
def postcode_table() -> Mapping[str, str]:
    """Postcode → town. A missing or unreadable file gives an empty table: the town is then
    typed by hand, as before the list existed, rather than the form failing."""
    try:
        text = POSTCODES_FILE.read_text(encoding="utf-8")
    except OSError:
        return MappingProxyType({})
    return MappingProxyType(parse_postcode_table(text))
