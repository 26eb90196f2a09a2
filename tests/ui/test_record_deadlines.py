"""The record's deadlines table: status as words and symbols (not colour alone), count
rules as "2 gennemført, 4 krævet", closed due days, and local standards beside the rule
they tighten."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from ungedesk.domain.rules import Status
from ungedesk.services.deadlines import DeadlineView
from ungedesk.ui.visitation.deadlines_panel import DeadlinesModel


def view(rule_id: str, description: str, status: Status, **changes: object) -> DeadlineView:
    values: dict[str, object] = {
        "youth_id": 1,
        "rule_id": rule_id,
        "description": description,
        "source": "LAB § 31, stk. 3",
        "local": False,
        "start": date(2026, 11, 2),
        "due": date(2026, 12, 24),
        "status": status,
        "done": 0,
        "needed": 1,
        "met_on": None,
        "due_closed": None,
        "tightened_by": (),
    }
    values.update(changes)
    return DeadlineView(**values)  # type: ignore[arg-type]


def test_deadline_rows_read_without_colour(qapp) -> None:
    model = DeadlinesModel()
    legal = view(
        "four",
        "Mindst 4 jobsamtaler inden for de første 6 måneder",
        Status.OPEN,
        done=2,
        needed=4,
        due_closed="Juleaftensdag",
        tightened_by=("Jobsamtale hver 4. uge",),
    )
    late = view(
        "first", "Første jobsamtale", Status.LATE, met_on=date(2026, 11, 12), due=date(2026, 11, 9)
    )
    overdue = view("other", "Tilbud", Status.OVERDUE, due=date(2026, 11, 1))
    local = view(
        "local-4w",
        "Jobsamtale hver 4. uge",
        Status.OPEN,
        local=True,
        source="",
        due=date(2026, 12, 1),
    )
    model.set_rows([overdue, late, local, legal])

    assert [r.rule_id for r in model.rows] == ["other", "first", "four", "local-4w"]
    assert model.index(0, 3).data() == "✖ Overskredet"
    assert model.index(1, 3).data() == "✔! Gennemført efter fristen 12. nov. 2026"
    assert model.index(2, 3).data() == "○ Åben"
    assert model.index(2, 4).data() == "2 gennemført, 4 krævet"
    assert model.index(1, 4).data() == ""
    description = model.index(2, 0).data()
    assert "Fristen falder på Juleaftensdag" in description
    assert "Strammet af lokal standard: Jobsamtale hver 4. uge" in description
    assert model.index(3, 0).data() == "↳ Lokal standard: Jobsamtale hver 4. uge"
    assert model.index(3, 1).data() == "Lokal standard"
    assert model.index(2, 2).data() == "24. dec. 2026"
    assert model.index(0, 3).data(Qt.ItemDataRole.BackgroundRole) is not None
