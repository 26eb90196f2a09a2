"""Faker with its Danish provider only (replaces the contrib hook that ships every locale).

UngeDesk uses Faker for demo data in Danish. The contrib hook collects all ~90 locales (about
25 MB of source, twice: as byte code and as files). Kept: da_DK and da, plus the locales Faker
falls back to when a provider has no Danish version (en_US is Faker's default; some providers
default to en_GB or la), and en because several English locales build on it.

Faker finds providers and locales in a frozen app by globbing <_MEIPASS>/faker/providers/*/
__init__.py (faker.utils.loading.list_module), so those files must exist as data too.
"""

from __future__ import annotations

from PyInstaller.utils.hooks import collect_data_files, collect_submodules

KEEP_LOCALES = {"da_DK", "da", "en_US", "en_GB", "en", "la"}


def _wanted(module: str) -> bool:
    """faker.providers.<provider>[.<locale>[...]]: keep providers and the wanted locales."""
    parts = module.split(".")
    return len(parts) <= 3 or parts[3] in KEEP_LOCALES


def _wanted_file(dest_dir: str) -> bool:
    parts = dest_dir.replace("\\", "/").split("/")
    return len(parts) <= 3 or parts[3] in KEEP_LOCALES


hiddenimports = [m for m in collect_submodules("faker.providers") if _wanted(m)]
datas = collect_data_files("text_unidecode") + [
    (src, dest)
    for src, dest in collect_data_files("faker.providers", include_py_files=True)
    if _wanted_file(dest) and not src.endswith((".pyc", ".pyo"))
]
