"""Babel with Danish and English locale data only (the stock hook ships all ~1,000 locales).

UngeDesk formats Danish dates ("3. marts 2026"); English stays for tests and fallbacks. Babel
resolves a locale through its parents (da_DK -> da -> root; en_DK -> en_150 -> en_001 -> en),
so the parents are kept too. global.dat (plural rules, territory data) lives outside
locale-data and is always kept.
"""

from __future__ import annotations

import re

from PyInstaller.utils.hooks import collect_data_files

KEEP = re.compile(r"^(root|da|da_DK|da_GL|en|en_001|en_150|en_DK|en_GB|en_US)\.dat$")


def _wanted(src: str, dest: str) -> bool:
    if not dest.replace("\\", "/").endswith("locale-data"):
        return True
    name = src.replace("\\", "/").rsplit("/", 1)[-1]
    return bool(KEEP.match(name))


datas = [(src, dest) for src, dest in collect_data_files("babel") if _wanted(src, dest)]

hiddenimports = [
    "babel.dates",
    "babel.localedata",
    "babel.plural",
    "babel.numbers",
]
