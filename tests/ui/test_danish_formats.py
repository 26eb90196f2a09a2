"""Numbers and dates as a Dane reads them: decimal comma, Danish month names on chart
axes, and weekdays in lower case mid-sentence."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QDateTime, QTime
from pytestqt.qtbot import QtBot

from ungedesk.cli.common import decimal
from ungedesk.domain.calendar import closed_reason
from ungedesk.domain.progression import Indicator
from ungedesk.ui.i18n import format_number
from ungedesk.ui.progression.chart import TimelineChart, TimelinePoint


@pytest.mark.parametrize(
    ("value", "decimals", "shown"),
    [
        (12, 1, "12,0"),
        (12.04, 1, "12,0"),
        (33.333, 1, "33,3"),
        (1234.5, 1, "1.234,5"),
        (100_000, 0, "100.000"),
        (7, 0, "7"),
    ],
)
def test_numbers_in_the_ui_have_a_decimal_comma(value: float, decimals: int, shown: str) -> None:
    assert format_number(value, decimals=decimals) == shown


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [(12.0, 1, "12,0"), (0.45, 1, "0,5"), (1234.56, 2, "1.234,56"), (3000.0, 1, "3.000,0")],
)
def test_numbers_on_the_command_line_have_a_decimal_comma(
    value: float, places: int, shown: str
) -> None:
    assert decimal(value, places) == shown


def test_weekdays_are_lower_case_mid_sentence() -> None:
    # 29 November 2026 is a Sunday (1 December 2026 is a Tuesday, two days later).
    reason = closed_reason(date(2026, 11, 29))
    assert f"Fristen falder på {reason}" == "Fristen falder på søndag"


def _label(chart: TimelineChart, day: date) -> str:
    moment = QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0))
    return chart.chart.locale().toString(moment, chart.x_axis.format())


def test_the_chart_date_axis_is_danish(qtbot: QtBot) -> None:
    chart = TimelineChart()
    qtbot.addWidget(chart)
    long_history = [
        TimelinePoint(date(2026, 2, 2), 3, 4),
        TimelinePoint(date(2026, 11, 20), 7, 9),
    ]
    chart.set_data(Indicator.SKILLS, long_history)
    assert _label(chart, date(2026, 11, 1)) == "nov. 2026"
    assert _label(chart, date(2026, 5, 1)) == "maj 2026"
    short_history = [
        TimelinePoint(date(2026, 10, 1), 3, 4),
        TimelinePoint(date(2026, 11, 3), 5, 5),
    ]
    chart.set_data(Indicator.SKILLS, short_history)
    assert _label(chart, date(2026, 11, 3)) == "3. nov."
