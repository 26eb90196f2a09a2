"""Danish UI: Qt translators for our strings and Qt's own, and Danish number/date style."""

from __future__ import annotations

from datetime import date

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ungedesk.resources import TRANSLATIONS

LOCALE = "da_DK"
TRANSLATIONS_DIR = TRANSLATIONS
APP_CATALOGUE = "ungedesk_da"


def install_translations(app: QCoreApplication) -> list[QTranslator]:
    """Install Qt's Danish (buttons, wizard, dialogs) and ours. Returns the translators;
    the caller keeps them alive, as Qt does not own them."""
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase_da", qt_dir), (APP_CATALOGUE, str(TRANSLATIONS_DIR))):
        translator = QTranslator(app)
        if translator.load(name, folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def format_day(day: date) -> str:
    """The one date style of the UI: '3. mar. 2026' (short, Danish, unambiguous)."""
    return _babel_date(day, "medium", locale=LOCALE)


def format_number(n: float, decimals: int = 0) -> str:
    """A number the Danish way: thousands separated by a dot, decimals after a comma
    (100.000; 12,0; 33,3). ``decimals`` fixes how many decimals show."""
    pattern = "#,##0" + ("." + "0" * decimals if decimals > 0 else "")
    return format_decimal(n, format=pattern, locale=LOCALE)
