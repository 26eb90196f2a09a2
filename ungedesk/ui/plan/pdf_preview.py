"""The young person's PDF on screen and on paper, from memory only.

The PDF holds personal data: it is loaded into QPdfDocument from a QBuffer, never from a
temporary file (temp files are not encrypted), and printing renders its pages straight to
the printer.
"""

from __future__ import annotations

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ungedesk.ui.widgets import HINT_STYLE, MessageLabel

RENDER_DPI = 300


def load_pdf(data: bytes, parent: QWidget | None = None) -> tuple[QPdfDocument, QBuffer]:
    """A document over an in-memory buffer. Keep the buffer as long as the document: Qt
    reads pages from it on demand."""
    buffer = QBuffer(parent)
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument(parent) if parent is not None else QPdfDocument()
    document.load(buffer)
    return document, buffer


def render_pages(document: QPdfDocument, printer: QPrinter) -> int:
    """Paint the chosen pages onto the printer, each scaled to fit the printable area with
    its proportions kept; returns the number of pages painted."""
    count = document.pageCount()
    first, last = 1, count
    if printer.printRange() == QPrinter.PrintRange.PageRange and printer.fromPage() > 0:
        first = max(1, printer.fromPage())
        last = min(count, printer.toPage() or count)
    painter = QPainter()
    if count == 0 or not painter.begin(printer):
        return 0
    printed = 0
    try:
        area = printer.pageLayout().paintRectPixels(printer.resolution())
        for number in range(first, last + 1):
            if printed:
                printer.newPage()
            page = document.pagePointSize(number - 1)
            scale = min(area.width() / page.width(), area.height() / page.height())
            target = QRect(0, 0, int(page.width() * scale), int(page.height() * scale))
            # At most RENDER_DPI: a 1200 dpi printer would otherwise get a 140-megapixel
            # image per page, seconds of work on the GUI thread for no visible gain.
            dpi = min(printer.resolution(), RENDER_DPI)
            image = document.render(
                number - 1, QSize(int(page.width() / 72 * dpi), int(page.height() / 72 * dpi))
            )
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    return printed


def print_pdf(data: bytes, parent: QWidget | None = None) -> bool:
    """The system print dialog, then the pages to the printer. True when printed."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    document, buffer = load_pdf(data)
    try:
        if document.status() != QPdfDocument.Status.Ready:
            return False
        printer.setFromTo(1, document.pageCount())
        dialog = QPrintDialog(printer, parent)
        dialog.setOption(QPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        return render_pages(document, printer) > 0
    finally:
        document.close()
        buffer.close()


class PdfPreviewDialog(QDialog):
    """The PDF as the young person will see it, with Print and Save beside it."""

    save_requested = Signal()
    print_done = Signal()

    def __init__(self, data: bytes, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._data = data
        self.setWindowTitle(title)
        self.resize(820, 900)
        self.document, self._buffer = load_pdf(data, self)
        self.view = QPdfView(self)
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.pages = QLabel()
        self.pages.setStyleSheet(HINT_STYLE)
        self.error = MessageLabel()
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.setToolTip(self.tr("Ctrl+P"))
        self.save_button = QPushButton(self.tr("&Save PDF…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.pages)
        bottom.addStretch(1)
        bottom.addWidget(self.print_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addLayout(bottom)

        ready = self.document.status() == QPdfDocument.Status.Ready
        if ready:
            self.pages.setText(
                self.tr("%n page(s). Page Up and Page Down turn the pages.", "", self.page_count)
            )
        else:
            self.error.show_message(self.tr("The PDF could not be shown."))
        self.print_button.setEnabled(ready)
        self.print_shortcut = QShortcut(QKeySequence.StandardKey.Print, self)
        self.print_shortcut.activated.connect(self.print_document)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.view.setFocus()

    @property
    def page_count(self) -> int:
        return self.document.pageCount()

    def print_document(self) -> None:
        if print_pdf(self._data, self):
            self.print_done.emit()

    def _save(self) -> None:
        self.save_requested.emit()

    def done(self, result: int) -> None:
        # Nothing of the PDF is kept once the preview closes.
        self.document.close()
        self._buffer.close()
        super().done(result)
