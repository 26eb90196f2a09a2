"""after_next_paint: the start's later work runs after the list's paint, and also when the
widget it waited on was hidden before it could paint (else the start would stall)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ungedesk.ui.after_paint import after_next_paint


def test_runs_after_the_paint(qtbot) -> None:
    label = QLabel("Henter unge …")
    qtbot.addWidget(label)
    label.show()
    ran: list[bool] = []
    after_next_paint(label, lambda: ran.append(True))
    assert ran == []
    qtbot.waitUntil(lambda: ran == [True])


def test_runs_when_the_widget_is_hidden_before_it_painted(qtbot) -> None:
    label = QLabel("Henter unge …")
    qtbot.addWidget(label)
    label.show()
    ran: list[bool] = []
    after_next_paint(label, lambda: ran.append(True))
    label.hide()  # before the event loop got to paint it
    qtbot.waitUntil(lambda: ran == [True])


def test_runs_at_once_for_a_widget_not_on_screen(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    ran: list[bool] = []
    after_next_paint(label, lambda: ran.append(True))
    qtbot.waitUntil(lambda: ran == [True])
