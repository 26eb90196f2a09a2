"""The chart widgets on plain data: which series they draw, and that print and
colour-blind readers can tell the lines apart without colour."""

from __future__ import annotations

from datetime import date

from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import Qt

from ungedesk.domain.progression import Indicator
from ungedesk.ui.progression.chart import (
    CASEWORKER_COLOUR,
    YOUTH_COLOUR,
    Reading,
    ReadingKind,
    SpiderChart,
    TimelineChart,
    TimelinePoint,
    View,
    Who,
    marker_image,
)

AXES = (Indicator.SKILLS, Indicator.MOTIVATION, Indicator.NETWORK, Indicator.FINANCES)


def reading(kind: ReadingKind, day: date, caseworker: int, youth: int | None) -> Reading:
    return Reading(
        kind,
        day,
        {i: caseworker for i in AXES},
        {i: youth for i in AXES} if youth is not None else {},
    )


def test_spider_series_points_and_styles(qtbot) -> None:
    chart = SpiderChart()
    qtbot.addWidget(chart)
    chart.set_shown(ReadingKind.PREVIOUS, True)
    chart.set_data(
        AXES,
        [
            reading(ReadingKind.FIRST, date(2026, 2, 1), 2, 4),
            reading(ReadingKind.PREVIOUS, date(2026, 6, 1), 4, None),
            reading(ReadingKind.LATEST, date(2026, 11, 1), 7, 8),
        ],
        marked=frozenset({Indicator.MOTIVATION}),
    )
    # The young person did not score the previous time: five polygons, not six.
    assert [(line.who, line.kind) for line in chart.lines] == [
        (Who.CASEWORKER, ReadingKind.FIRST),
        (Who.YOUTH, ReadingKind.FIRST),
        (Who.CASEWORKER, ReadingKind.PREVIOUS),
        (Who.CASEWORKER, ReadingKind.LATEST),
        (Who.YOUTH, ReadingKind.LATEST),
    ]
    series = chart.chart.series()
    assert all(isinstance(s, QLineSeries) for s in series)
    latest_youth = series[4]
    assert isinstance(latest_youth, QLineSeries)
    # One point per axis, then the first again at the full turn: a closed polygon.
    assert [(p.x(), p.y()) for p in latest_youth.points()] == [
        (0.0, 8.0),
        (1.0, 8.0),
        (2.0, 8.0),
        (3.0, 8.0),
        (4.0, 8.0),
    ]
    # Readings differ by line style, people by colour and by marker shape.
    styles = {line.kind: s.pen().style() for line, s in zip(chart.lines, series, strict=True)}
    assert styles == {
        ReadingKind.FIRST: Qt.PenStyle.DotLine,
        ReadingKind.PREVIOUS: Qt.PenStyle.DashLine,
        ReadingKind.LATEST: Qt.PenStyle.SolidLine,
    }
    assert series[3].pen().color().name().lower() == CASEWORKER_COLOUR.lower()
    assert series[4].pen().color().name().lower() == YOUTH_COLOUR.lower()
    assert marker_image(Who.CASEWORKER) != marker_image(Who.YOUTH)
    # The axis names the indicator to talk about, and the note explains the mark.
    assert any("(!)" in label for label in chart.angular.categoriesLabels())
    assert chart.note.isVisibleTo(chart)

    chart.set_view(View.CASEWORKER)
    assert {line.who for line in chart.lines} == {Who.CASEWORKER}
    chart.set_shown(ReadingKind.FIRST, False)
    chart.set_shown(ReadingKind.PREVIOUS, False)
    chart.set_shown(ReadingKind.LATEST, False)
    assert chart.lines == [] and chart.empty.isVisibleTo(chart)


def test_timeline_series_and_talk_about_bars(qtbot) -> None:
    timeline = TimelineChart()
    qtbot.addWidget(timeline)
    timeline.set_data(
        Indicator.MOTIVATION,
        [
            TimelinePoint(date(2026, 2, 1), 2, 6),  # 4 apart: talk about it
            TimelinePoint(date(2026, 4, 1), 4, None),
            TimelinePoint(date(2026, 6, 1), 5, 6),
        ],
    )
    by_who = {line.who: line.points for line in timeline.lines}
    assert by_who[Who.CASEWORKER] == (
        (date(2026, 2, 1), 2),
        (date(2026, 4, 1), 4),
        (date(2026, 6, 1), 5),
    )
    assert by_who[Who.YOUTH] == ((date(2026, 2, 1), 6), (date(2026, 6, 1), 6))
    assert timeline.talk_points == (date(2026, 2, 1),)
    # One bar plus the two score lines; the bar first, under the markers.
    series = timeline.chart.series()
    assert len(series) == 3
    bar = series[0]
    assert isinstance(bar, QLineSeries)
    assert sorted(p.y() for p in bar.points()) == [2.0, 6.0]
    assert timeline.title.text() == "Motivation"

    timeline.set_data(None, [])
    assert timeline.chart.series() == [] and timeline.lines == []
