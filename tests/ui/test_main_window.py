"""The register list: empty states, counts, sorting, lazy pages; the record and its edit."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, QSettings, Qt

from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, caseworkers, youths
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths
from ungedesk.ui import tasks
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.record.record_view import RecordView
from ungedesk.ui.register import model as register_model
from ungedesk.ui.register.model import Column

PEOPLE = [
    # cpr (synthetic, modulus 11 fine or not: only a warning), first, last, henvendelse
    ("1503054007", "Sofie", "Nørgaard", date(2026, 3, 3)),
    ("0206074000", "Jonas", "Hansen", date(2026, 11, 1)),
    ("3112994008", "Aisha", "Østergaard", date(2025, 1, 15)),
]


def register_people(store: Store) -> list[int]:
    me = caseworkers.current_user(store)
    assert me is not None
    return [
        youths.register(
            store,
            YouthInput(cpr, first, last, day, caseworker_id=me.id),
            today=date(2026, 11, 24),
        ).youth_id
        for cpr, first, last, day in PEOPLE
    ]


def column(window: MainWindow, col: Column) -> list[str]:
    model = window.model
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_empty_register_says_how_to_start(qtbot, window: MainWindow) -> None:
    assert window.list_stack.currentWidget() is window.empty_page
    assert window.empty.text() == (
        "Ingen unge registreret endnu – tryk Ctrl+N for at registrere den første."
    )
    assert window.count.text() == ""
    assert window.register_first.isVisible()
    qtbot.mouseClick(window.register_first, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.form_is_open)
    assert window.form is not None
    window.form.reject()
    assert window.record_stack.currentWidget() is window.no_record
    assert window.user_label.text() == ("Logget ind som Anne Bjerregaard (ABJ) · Ungeteamet")


def test_a_long_name_in_the_status_bar_never_widens_the_window(
    qtbot, store: Store, store_paths: StorePaths, today
) -> None:
    from ungedesk.store.models import Caseworker

    long_name = "Anne-Marie Bjerregaard " * 4 + "Christoffersen-Østergaard"  # 117 characters
    with store.session() as s:
        for worker in s.query(Caseworker):
            worker.name = long_name
            worker.unit = "Den kommunale ungeindsats, afdelingen for uddannelse og beskæftigelse"
    win = MainWindow(store, store_paths, today=lambda: today)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.user is not None)
    assert long_name in win.user_label.text()
    assert win.minimumSizeHint().width() < 1000
    assert win.user_label.sizeHint().width() < 600
    win.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_loading_state_before_the_rows_arrive(qtbot, store: Store, store_paths, today) -> None:
    win = MainWindow(store, store_paths, today=lambda: today)
    qtbot.addWidget(win)
    assert win.empty.text() == "Henter unge …"
    qtbot.waitUntil(lambda: win.model.loaded)
    assert win.empty.text() != "Henter unge …"


def test_columns_and_sorting(qtbot, window: MainWindow, store: Store) -> None:
    register_people(store)
    window.reload()
    qtbot.waitUntil(lambda: window.model.total == 3)
    headers = [window.model.headerData(c, Qt.Orientation.Horizontal) for c in Column]
    assert headers == [
        "Navn",
        "CPR-nr.",
        "Alder",
        "Sagsnr.",
        "Henvendelse",
        "Sagsbehandler",
        "Status",
    ]
    # Default: by last name.
    assert column(window, Column.NAME) == ["Jonas Hansen", "Sofie Nørgaard", "Aisha Østergaard"]
    assert column(window, Column.CPR) == ["020607-xxxx", "150305-xxxx", "311299-xxxx"]
    assert column(window, Column.AGE) == ["19", "21", "26"]
    assert column(window, Column.HENVENDELSE) == ["1. nov. 2026", "3. mar. 2026", "15. jan. 2025"]
    assert set(column(window, Column.CASEWORKER)) == {"ABJ"}
    assert set(column(window, Column.STATUS)) == {"Aktiv"}

    header = window.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(Column.AGE) + 5, 5),
    )
    assert header.sortIndicatorSection() == Column.AGE
    assert column(window, Column.AGE) == ["19", "21", "26"]  # youngest first
    window.table.sortByColumn(Column.AGE, Qt.SortOrder.DescendingOrder)
    assert column(window, Column.AGE) == ["26", "21", "19"]
    window.table.sortByColumn(Column.HENVENDELSE, Qt.SortOrder.AscendingOrder)
    assert column(window, Column.HENVENDELSE) == ["15. jan. 2025", "3. mar. 2026", "1. nov. 2026"]
    window.table.sortByColumn(Column.NAME, Qt.SortOrder.DescendingOrder)
    assert column(window, Column.NAME)[0] == "Aisha Østergaard"
    # Sorting keeps the search.
    window.search.setText("a")
    assert window.model.rowCount() == 3
    window.search.setText("han")
    window.table.sortByColumn(Column.AGE, Qt.SortOrder.AscendingOrder)
    assert column(window, Column.NAME) == ["Jonas Hansen"]


def test_rows_are_fetched_in_pages(qtbot, window: MainWindow, monkeypatch, today) -> None:
    from ungedesk.domain.search import YouthRow

    monkeypatch.setattr(register_model, "PAGE_SIZE", 50)
    rows = [
        YouthRow(
            i,
            f"U-2026-{i:05d}",
            f"0101054{i:03d}",
            "Test",
            f"Person{i:04d}",
            date(2005, 1, 1),
            today,
            "ABJ",
            "active",
        )
        for i in range(1, 181)
    ]
    window.model.set_rows(rows)
    assert window.model.rowCount() == 50
    assert window.count.text() == "180 unge"
    assert window.model.canFetchMore()
    window.model.fetchMore()
    assert window.model.rowCount() == 100
    window.search.setText("person01")  # Person0100-Person0199 -> 81 matches (100-180)
    assert window.count.text() == "81 af 180 unge"
    assert window.model.rowCount() == 50
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: window.model.rowCount() == 81)
    assert not window.model.canFetchMore()


def test_record_shows_the_header_and_reveals_cpr_on_request(
    qtbot, window: MainWindow, store: Store
) -> None:
    register_people(store)
    window.reload()
    qtbot.waitUntil(lambda: window.model.total == 3)
    window.table.setFocus()
    window.table.selectRow(1)
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.records.count() == 1)
    view = window.records.currentWidget()
    assert isinstance(view, RecordView)
    assert window.record_stack.currentWidget() is window.records
    assert window.records.tabText(0) == "Sofie Nørgaard"
    assert view.name.text() == "Sofie Nørgaard"
    assert view.cpr.text() == "150305-xxxx"
    assert view.age.text() == "21 år"
    assert view.sex.text() == "Mand"
    assert view.case_number.text().startswith("U-2026-")
    assert view.caseworker.text() == "Anne Bjerregaard"
    assert view.status.text() == "Aktiv"
    assert view.henvendelse.text() == "3. mar. 2026"
    assert view.address.text() == "Ikke oplyst"

    assert view.reveal.text() == "Vis &CPR"
    qtbot.mouseClick(view.reveal, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.cpr.text() == "150305-4007")
    assert view.reveal.text() == "Skjul &CPR"
    actions = [e.action for e in audit.events_for_youth(store, view.record.id)]
    assert actions.count(audit.Action.REVEAL_CPR) == 1
    assert audit.Action.READ in actions
    qtbot.mouseClick(view.reveal, Qt.MouseButton.LeftButton)
    assert view.cpr.text() == "150305-xxxx"

    # Opening the same young person again switches to the open tab.
    window.open_record(view.record.id)
    assert window.records.count() == 1
    qtbot.keyClick(window, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    assert window.records.count() == 0
    assert window.record_stack.currentWidget() is window.no_record


def test_edit_basic_data(qtbot, window: MainWindow, store: Store) -> None:
    ids = register_people(store)
    window.reload()
    qtbot.waitUntil(lambda: window.model.total == 3)
    window.open_record(ids[0])
    qtbot.waitUntil(lambda: window.records.count() == 1)
    view = window.records.currentWidget()
    assert isinstance(view, RecordView)
    qtbot.mouseClick(view.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(window.form_is_open)
    form = window.form
    assert form is not None
    assert form.windowTitle() == "Rediger stamdata – Sofie Nørgaard"
    assert form.cpr.isReadOnly()
    assert form.cpr.text() == "150305-xxxx"
    assert "15. mar. 2005" in form.cpr_info.text()
    form.last_name.setText("Nørgaard Holm")
    form.address.setText("Algade 3")
    form.postal_code.setText("6760")
    form.city.setText("Ribe")
    qtbot.keyClick(form.city, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.name.text() == "Sofie Nørgaard Holm")
    assert view.address.text() == "Algade 3, 6760 Ribe"
    assert window.records.tabText(0) == "Sofie Nørgaard Holm"
    qtbot.waitUntil(lambda: "Sofie Nørgaard Holm" in column(window, Column.NAME))
    record = youths.get(store, ids[0])
    assert record is not None and record.last_name == "Nørgaard Holm"


def test_layout_is_remembered(qtbot, store: Store, store_paths: StorePaths, today) -> None:
    win = MainWindow(store, store_paths, today=lambda: today)
    qtbot.addWidget(win)
    win.show()
    win.resize(700, 500)
    win.table.setColumnWidth(Column.NAME, 333)
    win.close()
    assert store_paths.ui_settings.exists()
    settings = QSettings(str(store_paths.ui_settings), QSettings.Format.IniFormat)
    assert settings.value("main/geometry") is not None

    again = MainWindow(store, store_paths, today=lambda: today)
    qtbot.addWidget(again)
    assert again.table.columnWidth(Column.NAME) == 333
    assert again.size().width() == 700
    qtbot.waitUntil(lambda: again.model.loaded)


def test_double_click_opens_and_ctrl_f_focuses_search(
    qtbot, window: MainWindow, store: Store
) -> None:
    register_people(store)
    window.reload()
    qtbot.waitUntil(lambda: window.model.total == 3)
    table = window.table
    rect = table.visualRect(window.model.index(2, Column.NAME))
    # A real double-click is a press and release, then the double-click event.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.records.count() == 1)
    view = window.records.currentWidget()
    assert isinstance(view, RecordView)
    assert view.record.name == "Aisha Østergaard"

    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()


def test_the_settled_search_is_audit_logged(qtbot, window: MainWindow, store: Store) -> None:
    from ungedesk.ui import main_window

    register_people(store)
    window.reload()
    qtbot.waitUntil(lambda: window.model.total == 3)
    window._search_log_timer.setInterval(10)
    qtbot.keyClicks(window.search, "han")
    me = caseworkers.current_user(store)
    assert me is not None

    def searches() -> list[audit.AuditView]:
        return [e for e in audit.recent_for_actor(store, me.id) if e.action is audit.Action.SEARCH]

    qtbot.waitUntil(lambda: len(searches()) == 1)
    assert searches()[0].criterion == "han"  # one entry, not one per keystroke
    assert main_window.SEARCH_LOG_DELAY_MS >= 1000


def test_register_follows_the_change_bus(qtbot, window: MainWindow, store: Store) -> None:
    from ungedesk.ui import changes
    from ungedesk.ui.changes import Aspect, Change

    qtbot.waitUntil(lambda: window.model.loaded)
    assert window.model.total == 0
    first, *others = register_people(store)
    # A change naming one young person adds (or updates) that row alone.
    with qtbot.waitSignal(window.model.counts_changed):
        changes.bus().changed.emit(Change.of(Aspect.YOUTH, youth_id=first))
    qtbot.waitUntil(lambda: window.model.total == 1)
    assert column(window, Column.NAME) == ["Sofie Nørgaard"]
    # A change about many (a restore, deleted cases) reloads the whole list.
    changes.bus().changed.emit(Change.of(Aspect.YOUTH))
    qtbot.waitUntil(lambda: window.model.total == 3)
    # A change the register does not show asks for nothing.
    changes.bus().changed.emit(Change.of(Aspect.PLAN, youth_id=others[0]))
    assert window.model.total == 3


def test_closing_a_record_drops_its_running_operations(
    qtbot, window: MainWindow, store: Store
) -> None:
    import threading

    from ungedesk.ui import tasks
    from ungedesk.ui.operations import Operation

    youth_id = register_people(store)[0]
    window.open_record(youth_id)
    qtbot.waitUntil(lambda: window.records.count() == 1)
    view = window.records.currentWidget()
    assert isinstance(view, RecordView)
    # Hold the worker, start a read of the record's own, and close the record meanwhile.
    gate = threading.Event()
    tasks.runner().run(gate.wait, 5)
    received: list[object] = []
    Operation(view, youths.get, store, youth_id).success(received.append).run()
    window.close_current_record()
    assert window.records.count() == 0
    gate.set()
    qtbot.waitUntil(lambda: not tasks.runner().busy)
    assert received == []
