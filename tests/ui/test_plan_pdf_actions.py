"""The plan's PDF in the app: preview from memory, save, print and "send to", and many
plans at once with progress and Stop."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from functools import partial
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QFileDialog

from ungedesk.domain.plan import GoalType, PlanContent
from ungedesk.domain.youth import YouthInput
from ungedesk.services import audit, caseworkers, plan_export, youths
from ungedesk.services import plan as plan_service
from ungedesk.services.audit import Action
from ungedesk.store.database import Store
from ungedesk.ui import tasks
from ungedesk.ui.plan import send as send_module
from ungedesk.ui.plan.batch_dialog import PlanBatchDialog, this_week
from ungedesk.ui.plan.panel import PlanPanel
from ungedesk.ui.plan.send import SendWarning

NOW = datetime(2026, 11, 24, 12, 0)
TODAY = NOW.date()
CPRS = ("1503054007", "0101054005", "0202044004")  # synthetic


def register(store: Store, cpr: str, first: str) -> int:
    me = caseworkers.current_user(store)
    assert me is not None
    return youths.register(
        store,
        YouthInput(cpr, first, "Testesen", date(2026, 11, 2), caseworker_id=me.id),
        today=TODAY,
    ).youth_id


def with_plan(store: Store, cpr: str, first: str, *, hand_out: bool = True) -> int:
    youth_id = register(store, cpr, first)
    plan_service.save_plan(
        store,
        youth_id,
        PlanContent(goal_type=GoalType.FGU, programme="FGU Produktionsgrunduddannelse"),
        today=TODAY,
        now=NOW,
    )
    if hand_out:
        plan_service.hand_out(store, youth_id, today=TODAY, now=NOW)
    return youth_id


@pytest.fixture
def panel(qtbot, store: Store) -> Iterator[PlanPanel]:
    youth_id = with_plan(store, CPRS[0], "Sofie")
    view = PlanPanel(store, youth_id, lambda: TODAY, lambda: NOW)
    qtbot.addWidget(view)
    view.resize(1000, 700)
    view.show()
    qtbot.waitUntil(lambda: view.loaded)
    yield view
    view.close()
    qtbot.waitUntil(lambda: not tasks.runner().busy)


def test_preview_loads_the_pdf_from_memory(
    qtbot, panel: PlanPanel, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pytest.importorskip("PySide6.QtPdf")
    from ungedesk.ui.plan.pdf_preview import PdfPreviewDialog

    # No file may be written for a preview: a temp file would lie unencrypted on disk.
    opened: list[str] = []
    real_open = open

    def watch(file: object, mode: str = "r", *args: object, **kwargs: object) -> object:
        if "w" in mode:
            opened.append(str(file))
        return real_open(file, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr("builtins.open", watch)
    panel.preview_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, PdfPreviewDialog) and panel.dialog.isVisible())
    dialog = panel.dialog
    assert isinstance(dialog, PdfPreviewDialog)
    assert dialog.page_count >= 1
    assert dialog.print_button.isEnabled()
    assert str(dialog.page_count) in dialog.pages.text()
    assert opened == []
    dialog.close()


def test_save_pdf_writes_the_chosen_file(
    qtbot, panel: PlanPanel, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    offered: list[str] = []

    def save_as(_parent: object, _title: str, suggested: str, filters: str) -> tuple[str, str]:
        offered.append(Path(suggested).name)
        return str(tmp_path / "planen"), filters.split(";;")[0]

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
    panel.save_pdf_button.click()
    target = tmp_path / "planen.pdf"
    qtbot.waitUntil(lambda: target.exists() and panel.message.isVisible())
    assert offered and offered[0].endswith("-v1.pdf")
    assert CPRS[0] not in offered[0] and "Sofie" not in offered[0]
    text = "".join(page.extract_text() for page in pypdf.PdfReader(target).pages)
    assert "FGU" in text


def test_send_to_by_ordinary_mail_opens_the_folder_where_nothing_attaches(
    qtbot, panel: PlanPanel, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *_a: (str(tmp_path / "send.pdf"), ""),
    )
    # The warning comes first; here the caseworker insists on ordinary mail.
    monkeypatch.setattr(SendWarning, "exec", ordinary_mail)
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    monkeypatch.setattr(send_module.sys, "platform", "win32")
    panel.send_button.click()
    qtbot.waitUntil(lambda: (tmp_path / "send.pdf").exists() and bool(opened))
    assert opened[0].toLocalFile() == str(tmp_path)
    assert "send.pdf" in panel.message.text()


def ordinary_mail(dialog: SendWarning) -> int:
    dialog.ordinary_button.click()
    return QDialog.DialogCode.Accepted.value


def test_printing_renders_every_page_to_the_printer(
    qtbot, panel: PlanPanel, store: Store, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pytest.importorskip("PySide6.QtPdf")
    out = tmp_path / "printed.pdf"
    printers: list[QPrinter] = []

    def accept(dialog: QPrintDialog) -> int:
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printers.append(printer)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    panel.print_button.click()
    qtbot.waitUntil(lambda: out.exists() and panel.message.isVisible())
    assert len(pypdf.PdfReader(out).pages) >= 1
    # The print is in the access log.
    assert panel.draft is not None
    youth_id = panel.draft.youth_id
    qtbot.waitUntil(lambda: not tasks.runner().busy)
    events = tasks.runner().call_blocking(audit.events_for_youth, store, youth_id)
    assert any("udskrevet" in e.detail and e.action is Action.PRINT for e in events)


def test_render_pages_respects_the_page_range(qtbot, tmp_path: Path, store: Store) -> None:
    pytest.importorskip("PySide6.QtPdf")
    from ungedesk.ui.plan.pdf_preview import load_pdf, render_pages

    youth_id = with_plan(store, CPRS[1], "Ali")
    shown = partial(plan_export.preview, today=TODAY, now=NOW)
    data = tasks.runner().call_blocking(shown, store, youth_id).data
    document, buffer = load_pdf(data)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "one.pdf"))
    printer.setPrintRange(QPrinter.PrintRange.PageRange)
    printer.setFromTo(1, 1)
    assert render_pages(document, printer) == 1
    document.close()
    buffer.close()


def test_batch_makes_the_weeks_plans_with_progress(qtbot, store: Store, tmp_path: Path) -> None:
    for cpr, name in zip(CPRS, ("Sofie", "Ali", "Emma"), strict=True):
        with_plan(store, cpr, name)
    with_plan(store, "0303034003", "Noah", hand_out=False)  # a draft is not handed out
    assert this_week(TODAY) == (date(2026, 11, 23), date(2026, 11, 29))
    dialog = PlanBatchDialog(store, lambda: TODAY, lambda: NOW, folder=tmp_path / "ud")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.counted == 3)
    assert dialog.start.date().toPython() == date(2026, 11, 23)
    assert dialog.ok_button.isEnabled()
    steps: list[int] = []
    dialog.progress.valueChanged.connect(steps.append)
    with qtbot.waitSignal(dialog.finished_batch, timeout=60_000) as blocker:
        dialog.ok_button.click()
    result = blocker.args[0]
    assert result.total == 3 and len(result.written) == 3
    names = sorted(p.name for p in (tmp_path / "ud").iterdir())
    assert len(names) == 3 and all(n.endswith("-v1.pdf") for n in names)
    assert all(cpr not in "".join(names) for cpr in CPRS)
    assert steps[-1] == 3
    assert "3" in dialog.summary.text()
    assert dialog.open_folder.isVisible()
    dialog.close()


def test_a_stopped_batch_leaves_no_file_and_logs_nothing(
    qtbot, store: Store, tmp_path: Path
) -> None:
    ids = [
        with_plan(store, cpr, name)
        for cpr, name in zip(CPRS, ("Sofie", "Ali", "Emma"), strict=True)
    ]
    dialog = PlanBatchDialog(store, lambda: TODAY, lambda: NOW, folder=tmp_path / "ud")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.counted == 3)
    # Stop right after the start: the work stops at its next file boundary and undoes
    # what it had made.
    with qtbot.waitSignal(dialog.stopped, timeout=60_000):
        dialog.ok_button.click()
        assert dialog.running
        dialog.reject()
        assert dialog.isVisible()  # stays until the work has stopped
    assert not dialog.running
    assert "Stop" in dialog.summary.text()
    folder = tmp_path / "ud"
    assert not folder.exists() or list(folder.iterdir()) == []  # no PDF, no temp file
    for youth_id in ids:
        events = audit.events_for_youth(store, youth_id)
        assert not [e for e in events if e.action is Action.EXPORT]
    dialog.reject()
    assert not dialog.isVisible()


def test_without_qt_pdf_the_preview_explains_and_saving_still_works(
    qtbot, panel: PlanPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builtins

    real_import = builtins.__import__

    def no_qtpdf(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("PySide6.QtPdf"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_qtpdf)
    panel.preview_button.click()
    assert panel.error.isVisible()
    assert "PDF" in panel.error.text()
    assert panel.dialog is None


def test_a_version_is_shown_as_pdf_from_the_versions_dialog(
    qtbot, panel: PlanPanel, store: Store
) -> None:
    pytest.importorskip("PySide6.QtPdf")
    from ungedesk.ui.plan.dialogs import VersionsDialog
    from ungedesk.ui.plan.pdf_preview import PdfPreviewDialog

    panel.versions_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, VersionsDialog) and panel.dialog.isVisible())
    versions = panel.dialog
    assert isinstance(versions, VersionsDialog)
    qtbot.waitUntil(lambda: versions.pdf_button.isEnabled())
    versions.pdf_button.click()
    qtbot.waitUntil(lambda: isinstance(panel.dialog, PdfPreviewDialog) and panel.dialog.isVisible())
    preview = panel.dialog
    assert isinstance(preview, PdfPreviewDialog)
    assert "1" in preview.windowTitle()
    preview.close()
    versions.close()
