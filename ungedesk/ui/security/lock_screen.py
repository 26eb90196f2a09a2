"""Locking the session: after idle time, when the app has been away, or on Ctrl+L.

Locked, the main window shows only the lock screen (no name, no number, no list), every
other window of the app (a form, a message) is hidden until the session is unlocked, the
window title says the app is locked, the menus and shortcuts do nothing, a CPR number on
the clipboard is cleared and a revealed CPR number is masked again. The store stays open:
the lock is about what the screen shows, not about the database.

Idle means no keyboard or mouse input to the app. An application-wide event filter notes
the time of each input; a timer checks it. Wall-clock time is used so that a laptop that
slept (monotonic timers stand still meanwhile) locks on the first input after waking.
Pointer moves only count while the app is active: a mouse passing over the window on the
way to another program is not someone at work in UngeDesk.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from functools import partial

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QFont,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ungedesk.domain.errors import KnownError
from ungedesk.services import session_lock
from ungedesk.services.session_lock import DEFAULT_AUTO_LOCK_MINUTES, LockSettings
from ungedesk.store.database import Store
from ungedesk.store.paths import StorePaths
from ungedesk.ui.clipboard import secret_clipboard
from ungedesk.ui.operations import Operation
from ungedesk.ui.widgets import HINT_STYLE, BusyBar, MessageLabel, add_row

AUTO_LOCK_CHOICES = (1, 5, 10, 15, 30, 60)
# Input that shows someone is at the keyboard. Pointer moves are in POINTER_MOVES too.
INPUT_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonDblClick,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)
POINTER_MOVES = frozenset({QEvent.Type.MouseMove})
# A timer that fires this close to the limit counts as on time (wall clock vs. timer clock).
SLACK_MS = 50


class LockScreen(QWidget):
    """What the locked main window shows: that it is locked, and how to unlock it."""

    passphrase_entered = Signal(str)
    keyring_confirmed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self._busy = False
        self.title = QLabel(self.tr("UngeDesk is locked"))
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explanation = QLabel(
            self.tr("Nothing is shown until you unlock. Your work is kept as you left it.")
        )
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.explanation.setStyleSheet(HINT_STYLE)
        # Only a demo store has a public passphrase (services.session_lock.demo_passphrase).
        self.demo_passphrase = QLabel()
        self.demo_passphrase.setWordWrap(True)
        self.demo_passphrase.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.demo_passphrase.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demo_passphrase.hide()

        self.keyring_button = QPushButton()
        self.keyring_button.setAutoDefault(True)
        self.keyring_button.setMinimumHeight(self.keyring_button.sizeHint().height() + 8)
        self.or_label = QLabel(self.tr("or type your recovery passphrase:"))
        self.or_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.or_label.setStyleSheet(HINT_STYLE)
        self.keyring_button.hide()
        self.or_label.hide()

        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setAutoDefault(True)
        self.error = MessageLabel()
        self.busy = BusyBar()
        field_row = QWidget()
        field_layout = QHBoxLayout(field_row)
        field_layout.setContentsMargins(0, 0, 0, 0)
        field_layout.addWidget(self.passphrase, 1)
        field_layout.addWidget(self.unlock_button)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        add_row(form, self.tr("Recovery &passphrase"), field_row)

        panel = QFrame()
        panel.setFrameShape(QFrame.Shape.StyledPanel)
        panel.setMaximumWidth(560)
        panel.setMinimumWidth(420)
        box = QVBoxLayout(panel)
        box.setContentsMargins(32, 28, 32, 28)
        box.setSpacing(14)
        box.addWidget(self.title)
        box.addWidget(self.explanation)
        box.addWidget(self.demo_passphrase)
        box.addSpacing(6)
        box.addWidget(self.keyring_button)
        box.addWidget(self.or_label)
        box.addLayout(form)
        box.addWidget(self.error)
        box.addWidget(self.busy)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(panel, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.keyring_button.clicked.connect(self._keyring_clicked)
        self.unlock_button.clicked.connect(self._passphrase_given)
        self.passphrase.returnPressed.connect(self._passphrase_given)
        self.passphrase.textChanged.connect(self._update_buttons)
        parent.installEventFilter(self)
        self._update_buttons()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize:
            self._cover()
        return False

    def _cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())

    def offer_keyring(self, allowed: bool, user_name: str) -> None:
        """Show "Unlock as <caseworker>" when the keyring may unlock, else the form only."""
        if user_name:
            self.keyring_button.setText(self.tr("Unlock as {name}").format(name=user_name))
        else:
            self.keyring_button.setText(self.tr("Unlock with the keyring"))
        self.keyring_button.setVisible(allowed)
        self.or_label.setVisible(allowed)

    def show_demo_passphrase(self, passphrase: str) -> None:
        """A demo store's public passphrase, shown so whoever tries the demo can unlock it."""
        self.demo_passphrase.setText(
            self.tr("Demo: the passphrase is “{passphrase}”").format(passphrase=passphrase)
        )
        self.demo_passphrase.setVisible(bool(passphrase))

    def present(self) -> None:
        """Cover the window and put the focus where the caseworker starts."""
        self.reset()
        self._cover()
        self.show()
        self.raise_()
        if self.keyring_button.isVisible():
            self.keyring_button.setFocus()
        else:
            self.passphrase.setFocus()

    def reset(self) -> None:
        self.passphrase.clear()
        self.error.show_message(None)
        self.set_busy(False)

    @property
    def is_busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool) -> None:
        self._busy = busy
        self.busy.setVisible(busy)
        self.passphrase.setEnabled(not busy)
        self.keyring_button.setEnabled(not busy)
        self._update_buttons()

    def show_known_error(self, error: KnownError) -> None:
        """The unlock check failed for a known reason (a key file missing or damaged)."""
        self.show_error(error.message)

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.error.show_message(message)
        self.passphrase.selectAll()
        self.passphrase.setFocus()

    def _update_buttons(self) -> None:
        self.unlock_button.setEnabled(bool(self.passphrase.text()) and not self._busy)

    def _passphrase_given(self) -> None:
        if self._busy or not self.passphrase.text():
            return
        self.error.show_message(None)
        self.set_busy(True)
        self.passphrase_entered.emit(self.passphrase.text())

    def _keyring_clicked(self) -> None:
        if self._busy:
            return
        self.error.show_message(None)
        self.set_busy(True)
        self.keyring_confirmed.emit()


class SessionLock(QObject):
    """Locks and unlocks one main window (and with it every other window of the app).

    ``idle_ms`` fixes the idle time (tests); otherwise it comes from the
    ``auto_lock_minutes`` setting. ``clock`` gives wall-clock seconds.
    """

    locked_changed = Signal(bool)

    def __init__(
        self,
        window: QMainWindow,
        store: Store,
        paths: StorePaths,
        *,
        idle_ms: int | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._store = store
        self._paths = paths
        self._fixed_idle_ms = idle_ms
        self._idle_ms = idle_ms if idle_ms is not None else DEFAULT_AUTO_LOCK_MINUTES * 60_000
        self._clock = clock
        self._last_input = clock()
        self._active = QGuiApplication.applicationState() == Qt.ApplicationState.ApplicationActive
        self.locked = False
        self.settings: LockSettings | None = None
        self._title = ""
        self._hidden_windows: list[QWidget] = []
        self._disabled: list[QAction | QShortcut] = []
        self._hidden_parts: list[QWidget] = []
        self._focus: QWidget | None = None
        self._disposed = False

        self.screen = LockScreen(window)
        self.screen.hide()
        self.screen.passphrase_entered.connect(self._check_passphrase)
        self.screen.keyring_confirmed.connect(self._check_keyring)

        self.idle_timer = QTimer(self)
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self._idle_check)

        self.lock_action = QAction(self.tr("&Lock now"), window)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.lock_action.setToolTip(self.tr("Hide everything until you unlock (Ctrl+L)"))
        self.lock_action.triggered.connect(self.lock)
        self.auto_lock_menu = QMenu(self.tr("Lock &automatically after"), window)
        self._minute_group = QActionGroup(self)
        self._minute_actions: dict[int, QAction] = {}
        for minutes in AUTO_LOCK_CHOICES:
            action = QAction(self.tr("%n minute(s)", "", minutes), self.auto_lock_menu)
            action.setCheckable(True)
            action.setData(minutes)
            self._minute_group.addAction(action)
            self.auto_lock_menu.addAction(action)
            self._minute_actions[minutes] = action
        self._minute_actions[DEFAULT_AUTO_LOCK_MINUTES].setChecked(True)
        self._minute_group.triggered.connect(self._minutes_chosen)
        self.keyring_action = QAction(self.tr("Unlock with the &keyring"), window)
        self.keyring_action.setCheckable(True)
        self.keyring_action.setToolTip(
            self.tr("Unlock with a click when the keyring holds the key, without the passphrase")
        )
        self.keyring_action.triggered.connect(self._choose_keyring)
        self._add_to_menu()

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.installEventFilter(self)
        app.applicationStateChanged.connect(self._state_changed)
        self.idle_timer.start(self._idle_ms)
        self.refresh_settings()

    # --- set-up --------------------------------------------------------------------------

    def _add_to_menu(self) -> None:
        """Into the window's first menu (File), at the top; the window itself also holds
        the action so Ctrl+L works whatever becomes of the menus."""
        self._window.addAction(self.lock_action)
        menus = [a.menu() for a in self._window.menuBar().actions()]
        first = next((m for m in menus if isinstance(m, QMenu)), None)
        if first is None:
            return
        existing = first.actions()
        if not existing:
            first.addAction(self.lock_action)
            first.addMenu(self.auto_lock_menu)
            first.addAction(self.keyring_action)
            return
        before = existing[0]
        first.insertAction(before, self.lock_action)
        first.insertMenu(before, self.auto_lock_menu)
        first.insertAction(before, self.keyring_action)
        first.insertSeparator(before)

    def refresh_settings(self) -> None:
        Operation(self._window, session_lock.lock_settings, self._store, self._paths).success(
            self._settings_arrived
        ).run()

    def _settings_arrived(self, settings: LockSettings) -> None:
        if self._disposed:
            return  # the window closed meanwhile; its menu entries are gone
        self.settings = settings
        chosen = self._minute_actions.get(settings.auto_lock_minutes)
        if chosen is not None:
            chosen.setChecked(True)
        self.keyring_action.setChecked(settings.keyring_unlock_wanted)
        self._set_idle_minutes(settings.auto_lock_minutes)
        self.screen.offer_keyring(settings.keyring_unlock, settings.user_name)
        self.screen.show_demo_passphrase(settings.demo_passphrase)
        screen = self.screen
        if (
            self.locked
            and screen.keyring_button.isVisible()
            and not screen.is_busy
            and not screen.passphrase.text()
        ):
            screen.keyring_button.setFocus()

    def _set_idle_minutes(self, minutes: int) -> None:
        if self._fixed_idle_ms is not None or self._disposed:
            return
        self._idle_ms = minutes * 60_000
        if not self.locked:
            self._idle_check()

    def _minutes_chosen(self, action: QAction) -> None:
        self._choose_minutes(int(action.data()))

    def _choose_minutes(self, minutes: int) -> None:
        Operation(self._window, session_lock.set_auto_lock_minutes, self._store, minutes).success(
            self._set_idle_minutes
        ).run()

    def _choose_keyring(self, allowed: bool) -> None:
        Operation(
            self._window, session_lock.set_keyring_unlock, self._store, self._paths, allowed
        ).success(self._settings_arrived).run()

    def dispose(self) -> None:
        """Stop watching input (the window is closing); a copied CPR number goes too."""
        if self._disposed:
            return
        self._disposed = True
        self.idle_timer.stop()
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.removeEventFilter(self)
            app.applicationStateChanged.disconnect(self._state_changed)
        secret_clipboard().set_blocked(False)
        secret_clipboard().clear()
        # Its commands go with it (deleting an action takes it out of every menu).
        for action in (self.lock_action, self.keyring_action, self.auto_lock_menu.menuAction()):
            action.deleteLater()
        self.auto_lock_menu.deleteLater()

    # --- idle ----------------------------------------------------------------------------

    @property
    def idle_ms(self) -> int:
        return self._idle_ms

    def _idle_for_ms(self) -> float:
        return max(0.0, (self._clock() - self._last_input) * 1000)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS:
            if self.locked or (kind in POINTER_MOVES and not self._active):
                return False
            if self._idle_for_ms() >= self._idle_ms:
                # The timer did not get to it (the computer slept): lock, and do not let
                # this first input act on what is about to be hidden.
                self.lock()
                return True
            self._last_input = self._clock()
            if (
                kind == QEvent.Type.KeyPress
                and isinstance(event, QKeyEvent)
                and event.key() == Qt.Key.Key_L
                and event.modifiers() == Qt.KeyboardModifier.ControlModifier
            ):
                # Ctrl+L from a form or dialog too: the menu's shortcut only reaches the
                # main window, and a modal form blocks it.
                self.lock()
                return True
        elif (
            kind == QEvent.Type.Show
            and self.locked
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and watched is not self._window
        ):
            # A window opened while locked (a task finished): hide it once it is shown.
            QTimer.singleShot(0, self, partial(self._hide_if_new_window, watched))
        return False

    def _idle_check(self) -> None:
        if self.locked or self._disposed:
            return
        remaining = self._idle_ms - self._idle_for_ms()
        if remaining <= SLACK_MS:
            self.lock()
        else:
            self.idle_timer.start(int(min(remaining, self._idle_ms)))

    def _state_changed(self, state: Qt.ApplicationState) -> None:
        self._active = state == Qt.ApplicationState.ApplicationActive
        if self.locked:
            return
        if state == Qt.ApplicationState.ApplicationSuspended:
            self.lock()  # the system is putting the app to sleep
        else:
            # Back from elsewhere, possibly from a sleeping laptop: has it been too long?
            self._idle_check()

    # --- locking -------------------------------------------------------------------------

    def lock(self) -> None:
        if self.locked or self._disposed:
            return
        self.locked = True
        self.idle_timer.stop()
        window = self._window
        secret_clipboard().set_blocked(True)
        # Record views exist only once their module is loaded (for the first record opened):
        # until then there is no CPR on screen, and nothing to import.
        record_view = sys.modules.get("ungedesk.ui.record.record_view")
        if record_view is not None:
            for view in window.findChildren(record_view.RecordView):
                view.hide_cpr()
        QToolTip.hideText()
        focus = QApplication.focusWidget()
        self._focus = focus if focus is not None and window.isAncestorOf(focus) else None
        self._hide_other_windows()
        self._disable_commands()
        for part in (window.centralWidget(), window.menuBar(), window.statusBar()):
            if part is not None and part.isVisible():
                part.hide()
                self._hidden_parts.append(part)
        self._title = window.windowTitle()
        window.setWindowTitle(self._locked_title())
        window.windowTitleChanged.connect(self._keep_title)
        self.screen.present()
        self.locked_changed.emit(True)
        self.refresh_settings()  # the keyring may have changed since
        # The access log's head goes to the keyring at every lock (store.anchor).
        Operation(self._window, self._store.anchor_keyring).run()

    def _locked_title(self) -> str:
        return self.tr("UngeDesk – locked")

    def _keep_title(self, title: str) -> None:
        """Whatever sets the title while locked (a record's name) waits for the unlock."""
        if self.locked and title != self._locked_title():
            self._title = title
            self._window.setWindowTitle(self._locked_title())

    def _hide_other_windows(self) -> None:
        for widget in QApplication.topLevelWidgets():
            self._hide_if_new_window(widget)

    def _hide_if_new_window(self, widget: QWidget) -> None:
        if not self.locked or not shiboken6.isValid(widget) or widget is self._window:
            return
        if not widget.isWindow() or not widget.isVisible():
            return
        kind = widget.windowType()
        if kind in (Qt.WindowType.Popup, Qt.WindowType.ToolTip):
            widget.close()  # an open menu or a tooltip: gone, not restored
            return
        widget.hide()
        if widget not in self._hidden_windows:
            self._hidden_windows.append(widget)

    def _disable_commands(self) -> None:
        commands: list[QAction | QShortcut] = [
            *self._window.findChildren(QAction),
            *self._window.findChildren(QShortcut),
        ]
        for command in commands:
            if command.isEnabled():
                command.setEnabled(False)
                self._disabled.append(command)

    # --- unlocking -----------------------------------------------------------------------

    # Known failures of the checks (a key file missing or damaged) go to the lock screen's
    # own message area (LockScreen.show_known_error).

    def _check_passphrase(self, passphrase: str) -> None:
        Operation(self.screen, session_lock.verify_passphrase, self._paths, passphrase).success(
            self._passphrase_checked
        ).run()

    def _passphrase_checked(self, ok: bool) -> None:
        if self._disposed:
            return
        if ok:
            self.unlock()
        else:
            self.screen.show_error(
                self.tr("The passphrase is wrong. Try again, and check whether Caps Lock is on.")
            )

    def _check_keyring(self) -> None:
        Operation(self.screen, session_lock.keyring_can_unlock, self._paths).success(
            self._keyring_checked
        ).run()

    def _keyring_checked(self, ok: bool) -> None:
        if self._disposed:
            return
        if ok:
            self.unlock()
            return
        self.screen.offer_keyring(False, "")
        self.screen.show_error(
            self.tr("The keyring no longer holds the key. Type your recovery passphrase.")
        )

    def unlock(self) -> None:
        """Show everything again as it was (the caller has checked who is there)."""
        if not self.locked:
            return
        self.locked = False
        window = self._window
        window.windowTitleChanged.disconnect(self._keep_title)
        self.screen.hide()
        self.screen.reset()
        for part in self._hidden_parts:
            if shiboken6.isValid(part):
                part.show()
        self._hidden_parts.clear()
        for command in self._disabled:
            if shiboken6.isValid(command):
                command.setEnabled(True)
        self._disabled.clear()
        window.setWindowTitle(self._title)
        for widget in self._hidden_windows:
            if shiboken6.isValid(widget):
                widget.show()
        self._hidden_windows.clear()
        if self._focus is not None and shiboken6.isValid(self._focus):
            self._focus.setFocus()
        self._focus = None
        secret_clipboard().set_blocked(False)
        self._last_input = self._clock()
        self.idle_timer.start(self._idle_ms)
        self.locked_changed.emit(False)
