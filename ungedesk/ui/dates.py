"""Dates and times in forms and tables, shared by the record's tabs and dialogs: a date
field set up the one way the app uses, its value as a Python date, and conversation times
written Danish style."""

from __future__ import annotations

from datetime import date, datetime

from babel.dates import format_datetime
from PySide6.QtCore import QDate

from ungedesk.domain.typed_dates import TypedDateError, parse_typed_date
from ungedesk.ui.i18n import LOCALE
from ungedesk.ui.widgets import DateField


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(field: DateField) -> date:
    d = field.date()
    return date(d.year(), d.month(), d.day())


def date_field(day: date, *, latest: date | None = None) -> DateField:
    field = DateField()
    field.setCalendarPopup(True)
    field.setDisplayFormat("dd-MM-yyyy")
    field.setMinimumDate(QDate(2000, 1, 1))
    if latest is not None:
        field.setMaximumDate(qdate(latest))
    field.setDate(qdate(day))
    return field


def typed_day_or_problem(text: str, earliest: date, latest: date) -> date | str:
    """The date typed in a date field, or the Danish message to show under it."""
    try:
        return parse_typed_date(text, earliest=earliest, latest=latest)
    except TypedDateError as exc:
        return exc.message


def format_when(at: datetime) -> str:
    """Compact Danish date and time for tables: 'tir. 3. mar. 2026 kl. 10.00'."""
    return format_datetime(at, "EEE d. MMM y 'kl.' HH.mm", locale=LOCALE)


def format_when_long(at: datetime) -> str:
    """'tirsdag d. 3. marts 2026 kl. 10.00'."""
    return format_datetime(at, "EEEE 'd.' d. MMMM y 'kl.' HH.mm", locale=LOCALE)
