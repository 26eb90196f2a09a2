"""When a plan cannot be handed out because the coordinating caseworker or the contact
person has no phone or e-mail: say what is missing and open the form to fill it in.

The hand-out is refused by the service (services.team.require_reachable) before anything
is frozen or printed; this is the way from the message to the field.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from ungedesk.domain.team import ContactFix, MissingContactError
from ungedesk.services import actors, caseworkers
from ungedesk.services.actors import ActorView
from ungedesk.services.caseworkers import CaseworkerView
from ungedesk.store.database import Store
from ungedesk.ui.operations import Operation


class MissingContactBox(QMessageBox):
    """The refusal in words, with one "Fill in …" button per person lacking details."""

    def __init__(self, store: Store, error: MissingContactError, parent: QWidget) -> None:
        super().__init__(
            QMessageBox.Icon.Warning,
            self.tr("Contact details missing"),
            error.message,
            QMessageBox.StandardButton.Close,
            parent,
        )
        self._store = store
        self.form: QWidget | None = None
        self.fix_buttons: list[QPushButton] = []
        for fix in error.fixes:
            button = self.addButton(
                self.tr("Fill in {who}'s details…").format(who=fix.who),
                QMessageBox.ButtonRole.ActionRole,
            )
            # An action button closes the box; the form opens over the record instead.
            button.clicked.connect(partial(self.fill_in, fix))
            self.fix_buttons.append(button)

    @classmethod
    def offer(cls, store: Store, error: MissingContactError, parent: QWidget) -> MissingContactBox:
        box = cls(store, error, parent)
        box.open()
        return box

    def fill_in(self, fix: ContactFix, *_clicked: object) -> None:
        owner = self.parentWidget()
        assert owner is not None
        if fix.caseworker_id is not None:
            # The operation belongs to the record's panel: the box closes with the click.
            Operation(owner, caseworkers.colleagues, self._store).success(
                partial(self._open_caseworker, owner, fix.caseworker_id)
            ).run()
        elif fix.actor_id is not None:
            Operation(owner, actors.get_actor, self._store, fix.actor_id).success(
                partial(self._open_actor, owner)
            ).run()

    def _open_caseworker(
        self, owner: QWidget, caseworker_id: int, found: caseworkers.Colleagues
    ) -> None:
        from ungedesk.ui.team.profile_dialog import ContactDetailsDialog

        chosen: CaseworkerView | None = next(
            (c for c in found.everyone if c.id == caseworker_id), None
        )
        if chosen is not None:
            own = chosen.id == found.me
            self.form = ContactDetailsDialog(self._store, chosen, own=own, parent=owner)
            self.form.open()

    def _open_actor(self, owner: QWidget, actor: ActorView) -> None:
        from ungedesk.ui.team.actors_dialog import ActorDialog

        self.form = ActorDialog(self._store, actor, owner)
        self.form.open()
