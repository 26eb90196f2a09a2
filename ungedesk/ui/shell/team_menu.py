"""The File menu's people: my profile, the colleagues' contact details and the actors
(interessenter). The dialogs announce their own changes on the change bus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from ungedesk.ui.operations import Operation
from ungedesk.ui.shell.base import ShellBase

if TYPE_CHECKING:
    from ungedesk.services.caseworkers import CaseworkerView
    from ungedesk.ui.team.actors_dialog import ActorsDialog
    from ungedesk.ui.team.profile_dialog import ColleaguesDialog


class TeamMenu(ShellBase):
    # Made by ui.shell.menus.build_menus.
    profile_action: QAction
    colleagues_action: QAction
    actors_action: QAction

    def open_my_profile(self) -> None:
        # Imported here: the services behind the store (SQLAlchemy) are not needed for the
        # first paint (tests/ui/test_start_imports.py).
        from ungedesk.services import caseworkers

        Operation(self, caseworkers.current_user, self._store).success(self._show_profile).run()

    def _show_profile(self, me: CaseworkerView | None) -> None:
        from ungedesk.ui.team.profile_dialog import ContactDetailsDialog

        if me is not None:  # no profile only before set-up, when this menu is not there
            self._show_dialog(ContactDetailsDialog(self._store, me, own=True, parent=self))

    def open_colleagues(self) -> ColleaguesDialog:
        from ungedesk.ui.team.profile_dialog import ColleaguesDialog

        dialog = ColleaguesDialog(self._store, self)
        self._show_dialog(dialog)
        return dialog

    def open_actors(self) -> ActorsDialog:
        from ungedesk.ui.team.actors_dialog import ActorsDialog

        dialog = ActorsDialog(self._store, self)
        self._show_dialog(dialog)
        return dialog
