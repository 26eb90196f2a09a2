"""The receive dialog's question when a transfer would lose the receiver's own entries."""

from __future__ import annotations

from datetime import date, timedelta

import shiboken6
from PySide6.QtWidgets import QMessageBox

from ungedesk.services.transfer import Loss, TransferConflictError
from ungedesk.ui.main_window import MainWindow
from ungedesk.ui.security.transfer_dialogs import LISTED_LOSSES, TransferImportDialog


def test_a_long_list_of_losses_is_cut_and_no_is_the_default(qtbot, window: MainWindow) -> None:
    window.import_case_action.trigger()
    qtbot.waitUntil(
        lambda: (
            isinstance(window.dialog, TransferImportDialog)
            and shiboken6.isValid(window.dialog)
            and window.dialog.isVisible()
        )
    )
    dialog = window.dialog
    assert isinstance(dialog, TransferImportDialog)
    losses = [Loss("Samtale", date(2026, 11, 1) - timedelta(days=i), "afholdt") for i in range(15)]
    dialog._ask_replace(TransferConflictError(losses))
    box = dialog.confirm
    assert isinstance(box, QMessageBox)
    text = box.informativeText()
    assert text.count("•") == LISTED_LOSSES
    assert f"… og {15 - LISTED_LOSSES} mere" in text and text.endswith("Erstat alligevel?")
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.done(QMessageBox.StandardButton.No)
    assert "Intet er importeret" in dialog.general_error.text()
    dialog.reject()
