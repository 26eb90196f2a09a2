"""What the main window's menu actions share: the store, the dialog and notice on screen,
the folder last used, and the window's message area for known errors.

The actions themselves live beside this module by menu (records, case, security, rules
and tools); ``ui.main_window.MainWindow`` puts them together. Methods one group calls on
another are declared here, so each module reads on its own.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QMainWindow, QMessageBox, QPushButton, QWidget

from ungedesk.domain.errors import KnownError
from ungedesk.store.paths import StorePaths

if TYPE_CHECKING:
    from ungedesk.services.caseworkers import CaseworkerView
    from ungedesk.services.youths import YouthRecord
    from ungedesk.store.database import Store

FOLDER_SETTING = "trust/folder"  # the folder last used for a backup, export or transfer


class _OpenFolder:
    """The "Open folder" button of a result message: opens ``folder`` when it is pressed."""

    def __init__(self, button: QPushButton, folder: Path) -> None:
        self._button = button
        self._url = QUrl.fromLocalFile(str(folder))

    def __call__(self, clicked: object) -> None:
        if clicked is self._button:
            QDesktopServices.openUrl(self._url)


class ShellBase(QMainWindow):
    def __init__(
        self,
        store: Store | None,
        paths: StorePaths,
        today: Callable[[], date] = date.today,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # None while the start shows the first look's page (ui.app), until attach_store.
        self._attached = store
        self._today = today
        self._settings = QSettings(str(paths.ui_settings), QSettings.Format.IniFormat)
        self.user: CaseworkerView | None = None
        self.dialog: QDialog | None = None  # the open security or case dialog, if any
        self.notice: QMessageBox | None = None  # the last result message

    @property
    def _store(self) -> Store:
        if self._attached is None:
            raise RuntimeError("the store is not open yet")
        return self._attached

    @property
    def waiting_for_store(self) -> bool:
        """The window shows the first look's page and the store is still opening."""
        return self._attached is None

    # --- provided by ui.main_window / ui.shell.records ------------------------------------

    def current_record(self) -> YouthRecord | None:
        raise NotImplementedError

    def open_record(self, youth_id: int, *, focus: bool = False) -> None:
        raise NotImplementedError

    def close_record(self, youth_id: int) -> None:
        raise NotImplementedError

    def register_from_list(self, cpr: str, first_name: str, last_name: str) -> None:
        raise NotImplementedError

    def check_backup_reminder(self) -> None:
        raise NotImplementedError

    def save_settings(self) -> None:
        raise NotImplementedError

    # --- shared helpers -------------------------------------------------------------------

    def _folder(self) -> str:
        folder = str(self._settings.value(FOLDER_SETTING, "") or "")
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def _remember_folder(self, folder: Path) -> None:
        self._settings.setValue(FOLDER_SETTING, str(folder))

    def _show_dialog(self, dialog: QDialog) -> None:
        if self.dialog is not None and shiboken6.isValid(self.dialog) and self.dialog.isVisible():
            self.dialog.reject()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _show_notice(
        self,
        text: str,
        icon: QMessageBox.Icon = QMessageBox.Icon.Information,
        open_folder: Path | None = None,
    ) -> None:
        """A result message that does not block; optionally with an "Open folder" button."""
        box = QMessageBox(icon, "UngeDesk", text, QMessageBox.StandardButton.Close, self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if open_folder is not None:
            opener = box.addButton(
                QCoreApplication.translate("MainWindow", "&Open folder"),
                QMessageBox.ButtonRole.ActionRole,
            )
            box.setDefaultButton(opener)
            box.buttonClicked.connect(_OpenFolder(opener, open_folder))
        self.notice = box
        box.open()

    def show_known_error(self, error: KnownError) -> None:
        """The window's message area: a known error of one of its operations, in Danish."""
        self._show_notice(error.message, QMessageBox.Icon.Warning)
