"""The register's use cases for the main window: the list with its search index, and what
the register and edit forms open with. One transaction each."""

from __future__ import annotations

from dataclasses import dataclass

from ungedesk.domain.search import RegisterIndex
from ungedesk.services import caseworkers, youths
from ungedesk.services.caseworkers import CaseworkerView
from ungedesk.services.youths import YouthRecord
from ungedesk.store.database import Store


def load_index(store: Store) -> RegisterIndex:
    """The rows and their search index, built on the worker: folding 100,000 names takes a
    few tenths of a second that the GUI thread should not spend. The GUI thread becomes
    the index's only owner once it arrives."""
    return RegisterIndex(youths.register_rows(store))


@dataclass(frozen=True, slots=True)
class EditForm:
    """What the edit form opens with: the record (its read logged) and the caseworkers."""

    record: YouthRecord
    caseworkers: list[CaseworkerView]


def edit_form(store: Store, youth_id: int) -> EditForm | None:
    """The record to edit and the caseworkers to choose from; None when the young person
    is gone (deleted meanwhile)."""
    with store.session() as s:
        record = youths.get_in(s, youth_id)
        if record is None:
            return None
        return EditForm(record, caseworkers.list_in(s))
