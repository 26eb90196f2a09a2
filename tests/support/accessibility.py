"""What a screen reader hears a control called, and which controls it hears no name for.

Qt's accessibility layer names a control from its accessibleName(), else from the text of a
label whose buddy it is (only a label that is a direct sibling), else from a button's text.
A field placed in a box under a form row (a field with its message under it) loses the
sibling label: the form then looks labelled on screen and is mute to a screen reader. This
asks Qt's accessibility interface itself, as the AT-SPI bridge does, rather than guessing.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

# What a user operates: each needs a name of its own.
CONTROLS: tuple[type[QWidget], ...] = (
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QTextEdit,
    QPlainTextEdit,
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
)
# Parts Qt builds inside a composite control (a combo box's line edit, a table's corner
# button, a tab bar's scroll arrows, a scroll bar): the composite carries the name.
INSIDE: tuple[type[QWidget], ...] = (
    QComboBox,
    QAbstractSpinBox,
    QTabBar,
    QScrollBar,
    QHeaderView,
    QCalendarWidget,
    QMenu,
    QLineEdit,  # its clear button and action icons: not focusable, the field is named
)
# Qt's own buttons on a table's corner (select all) and a menu bar's overflow: not in the
# tab order, and no label of ours could name them.
QT_PARTS = {"qt_tableview_cornerbutton", "qt_menubar_ext_button"}
NOT_CONTROLS: tuple[type[QWidget], ...] = (QHeaderView, QScrollBar)


def accessible_name(widget: QWidget) -> str:
    """The name Qt's accessibility layer gives ``widget`` (what the AT-SPI bridge reads)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return ""
    return interface.text(QAccessible.Text.Name).strip()


def accessible_description(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return ""
    return interface.text(QAccessible.Text.Description).strip()


def _inside_composite(widget: QWidget, root: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, INSIDE):
            return True
        if parent is root:
            return False
        parent = parent.parentWidget()
    return False


def controls(root: QWidget) -> Iterator[QWidget]:
    """Every control under ``root`` (itself included), shown or not: a control on a tab
    not yet chosen, or one that appears only in some states, is heard there too."""
    for widget in (root, *root.findChildren(QWidget)):
        if not isinstance(widget, CONTROLS) or isinstance(widget, NOT_CONTROLS):
            continue
        if widget.objectName() in QT_PARTS or _inside_composite(widget, root):
            continue
        yield widget


def describe(widget: QWidget) -> str:
    """Where an unnamed control is, for the failure message: its class, object name and
    the nearest named ancestor."""
    names = []
    parent = widget.parentWidget()
    while parent is not None and len(names) < 3:
        names.append(type(parent).__name__)
        parent = parent.parentWidget()
    hint = widget.toolTip() or widget.objectName() or ""
    return f"{type(widget).__name__}({hint!r}) in {' < '.join(names)}"


class Census:
    """Controls counted screen by screen, while each screen is still open (dialogs delete
    themselves on closing): how many there are and which have no name or, for lists and
    tables, no description of what they hold."""

    def __init__(self) -> None:
        self._seen: dict[int, QWidget] = {}  # held, so an id is not reused during the walk
        self.unnamed: list[str] = []
        self.undescribed_tables: list[str] = []
        self.tables = 0
        self.clashes: list[str] = []
        self.screens: list[str] = []  # the class of every root walked

    @property
    def total(self) -> int:
        return len(self._seen)

    def check_mnemonics(self, window: QWidget, where: str) -> None:
        """Note the Alt+letters two captions shown at once in ``window`` share."""
        self.clashes.extend(f"{where}: {clash}" for clash in mnemonic_clashes(window))

    def add(self, root: QWidget) -> None:
        self.screens.append(type(root).__name__)
        for widget in controls(root):
            if id(widget) in self._seen:
                continue
            self._seen[id(widget)] = widget
            if not accessible_name(widget):
                self.unnamed.append(describe(widget))
            if isinstance(widget, QAbstractItemView):
                self.tables += 1
                if not accessible_description(widget):
                    self.undescribed_tables.append(describe(widget))


def mnemonic(text: str) -> str | None:
    """The letter Alt presses for a caption ("Egne &ønsker" → "ø"), if it has one."""
    at = 0
    while (at := text.find("&", at)) != -1 and at + 1 < len(text):
        if text[at + 1] != "&":
            return text[at + 1].lower()
        at += 2  # "&&" is a literal ampersand
    return None


def _captions(widget: QWidget) -> Iterator[str]:
    """The captions whose mnemonics ``widget`` answers to while it is shown and enabled."""
    from PySide6.QtWidgets import QGroupBox, QLabel, QMenuBar

    if isinstance(widget, QLabel) and widget.buddy() is not None:
        if widget.buddy().isEnabled():
            yield widget.text()
    elif isinstance(widget, QAbstractButton):
        yield widget.text()
    elif isinstance(widget, QGroupBox) and widget.isCheckable():
        yield widget.title()
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            if widget.isTabEnabled(index) and widget.isTabVisible(index):
                yield widget.tabText(index)
    elif isinstance(widget, QMenuBar):
        for action in widget.actions():
            if action.isVisible():
                yield action.text()


def mnemonic_clashes(window: QWidget) -> list[str]:
    """Letters that two captions shown at once in ``window`` answer to. Qt then only moves
    the focus between them on Alt+letter, so a button so reached no longer presses."""
    owners: dict[str, list[str]] = {}
    for widget in (window, *window.findChildren(QWidget)):
        if widget.window() is not window or not widget.isVisible() or not widget.isEnabled():
            continue
        for caption in _captions(widget):
            letter = mnemonic(caption)
            if letter is not None:
                owners.setdefault(letter, []).append(caption)
    return [
        f"Alt+{letter.upper()}: {', '.join(captions)}"
        for letter, captions in sorted(owners.items())
        if len(captions) > 1
    ]
