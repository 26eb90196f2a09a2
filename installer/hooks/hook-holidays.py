"""holidays: the Danish calendar and its translated holiday names.

holidays imports country modules lazily by name (holidays.registry.EntityLoader), which
PyInstaller's import analysis cannot see, and reads holiday names from gettext .mo files beside
the package. Only Denmark's are collected: the country modules are small byte code, the
translations of all ~200 countries are ~5 MB.
"""

from __future__ import annotations

from PyInstaller.utils.hooks import collect_data_files

# Importing the country package pulls in every country module (its __init__ imports them
# all), so the registry works; denmark is named so a future lazy __init__ still gets it.
hiddenimports = ["holidays.countries", "holidays.countries.denmark", "holidays.registry"]

COUNTRIES = {"DK"}

datas = [
    (src, dest)
    for src, dest in collect_data_files("holidays")
    if src.endswith(".mo")
    and src.replace("\\", "/").rsplit("/", 1)[-1].removesuffix(".mo") in COUNTRIES
]
