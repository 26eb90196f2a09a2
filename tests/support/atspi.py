"""The app as a Linux screen reader meets it: a private X server, D-Bus session and AT-SPI
bus, and the accessible tree read over D-Bus with jeepney (pure Python, no GObject).

``Desktop`` starts Xvfb, a session bus and at-spi-bus-launcher (which starts the
accessibility bus and the registry) in a process group of their own, and ends exactly that
group. ``Tree`` asks the registry for an application's accessible objects by the process id
of the program, and reads names, roles and states as Orca does.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

# Where Debian, Fedora and Arch put the AT-SPI bus launcher (it is not on PATH).
LAUNCHER_PLACES = (
    "/usr/libexec/at-spi-bus-launcher",
    "/usr/lib/at-spi2-core/at-spi-bus-launcher",
    "/usr/lib/at-spi-bus-launcher",
)
ACCESSIBLE = "org.a11y.atspi.Accessible"
REGISTRY = ("org.a11y.atspi.Registry", "/org/a11y/atspi/accessible/root")
XVFB_OPTIONS = ("-screen", "0", "1366x768x24", "-nolisten", "tcp")
RELATION_LABELLED_BY = 2  # AtspiRelationType
STATE_SHOWING = 25  # AtspiStateType: the object is on screen (ancestors shown too)


def launcher_path() -> str | None:
    return next((p for p in LAUNCHER_PLACES if os.access(p, os.X_OK)), None)


def missing_tools() -> list[str]:
    """What this machine lacks to run the app under a screen reader's view."""
    missing = [tool for tool in ("Xvfb", "dbus-daemon") if shutil.which(tool) is None]
    if launcher_path() is None:
        missing.append("at-spi-bus-launcher (at-spi2-core)")
    try:
        import jeepney  # noqa: F401
    except ImportError:
        missing.append("jeepney")
    return missing


class AtspiError(RuntimeError):
    """A D-Bus call to an accessible object failed (it may have just gone)."""


def wait_for[T](what: str, probe: Callable[[], T | None], timeout: float = 30.0) -> T:
    """Poll ``probe`` until it gives something: another process is being waited for, and
    it sends no Qt signal this test could wait on. While the app starts, objects come and
    go (and the registry starts on the first call): a failed call means "not yet"."""
    deadline = time.monotonic() + timeout
    last = ""
    while True:
        try:
            found = probe()
        except AtspiError as error:
            found, last = None, str(error)
        if found is not None:
            return found
        if time.monotonic() > deadline:
            raise TimeoutError(
                f"waited {timeout:.0f} s for {what}" + (f" ({last})" if last else "")
            )
        time.sleep(0.1)


class Desktop:
    """Xvfb + a D-Bus session + the AT-SPI bus, torn down together."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._processes: list[subprocess.Popen[bytes]] = []
        self.display = ""
        self.session_bus = ""

    def __enter__(self) -> Desktop:
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _spawn(self, args: list[str], env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
        # A session of its own: ending it ends what it started (the launcher's bus daemon
        # and registry too), and nothing else on the machine.
        with (self.folder / f"{Path(args[0]).name}.log").open("wb") as log:
            process = subprocess.Popen(
                args,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=log,
                start_new_session=True,
            )
        self._processes.append(process)
        return process

    def _start(self) -> None:
        read, write = os.pipe()
        with (self.folder / "Xvfb.log").open("wb") as log:
            xvfb = subprocess.Popen(
                ["Xvfb", "-displayfd", str(write), *XVFB_OPTIONS],
                pass_fds=(write,),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=log,
                start_new_session=True,
            )
        self._processes.append(xvfb)
        os.close(write)
        with os.fdopen(read) as chosen:
            number = chosen.readline().strip()  # written once the server accepts clients
        if not number:
            raise RuntimeError("Xvfb did not start (see Xvfb.log)")
        self.display = f":{number}"

        bus = self._spawn(["dbus-daemon", "--session", "--nofork", "--print-address"])
        assert bus.stdout is not None
        self.session_bus = bus.stdout.readline().decode().strip()
        if not self.session_bus:
            raise RuntimeError("dbus-daemon did not start (see dbus-daemon.log)")
        launcher = launcher_path()
        assert launcher is not None
        self._spawn([launcher, "--launch-immediately"], env=self.environment())

    def environment(self, base: dict[str, str] | None = None) -> dict[str, str]:
        env = dict(os.environ if base is None else base)
        env["DISPLAY"] = self.display
        env["DBUS_SESSION_BUS_ADDRESS"] = self.session_bus
        env.pop("WAYLAND_DISPLAY", None)
        return env

    def close(self) -> None:
        for process in reversed(self._processes):
            if process.poll() is None:
                try:
                    os.killpg(process.pid, signal.SIGTERM)
                except ProcessLookupError:
                    continue
                try:
                    process.wait(timeout=10)
                except subprocess.TimeoutExpired:
                    os.killpg(process.pid, signal.SIGKILL)
                    process.wait()
            if process.stdout is not None:
                process.stdout.close()
        self._processes.clear()


@dataclass(frozen=True)
class Node:
    bus_name: str
    path: str


class Tree:
    """The accessible objects on the AT-SPI bus, read through jeepney."""

    def __init__(self, session_bus: str) -> None:
        from jeepney import DBusAddress, new_method_call
        from jeepney.io.blocking import open_dbus_connection

        self._address = DBusAddress
        self._call = new_method_call
        with open_dbus_connection(bus=session_bus) as session:
            reply = self._send(
                session,
                DBusAddress("/org/a11y/bus", bus_name="org.a11y.Bus", interface="org.a11y.Bus"),
                "GetAddress",
            )
        self._bus = open_dbus_connection(bus=reply[0])

    def close(self) -> None:
        self._bus.close()

    def _send(self, connection: Any, address: Any, method: str, *args: Any) -> tuple[Any, ...]:
        from jeepney import MessageType

        signature = args[0] if args else None
        message = self._call(address, method, signature, tuple(args[1:]) if args else None)
        reply = connection.send_and_get_reply(message, timeout=10)
        if reply.header.message_type == MessageType.error:
            raise AtspiError(f"{method} failed: {reply.body}")
        return tuple(reply.body)

    def _method(self, node: Node, interface: str, method: str, *args: Any) -> tuple[Any, ...]:
        address = self._address(node.path, bus_name=node.bus_name, interface=interface)
        return self._send(self._bus, address, method, *args)

    def _property(self, node: Node, name: str) -> Any:
        (value,) = self._method(
            node, "org.freedesktop.DBus.Properties", "Get", "ss", ACCESSIBLE, name
        )
        return value[1]  # a variant: (signature, value)

    def children(self, node: Node) -> list[Node]:
        (found,) = self._method(node, ACCESSIBLE, "GetChildren")
        return [Node(bus, path) for bus, path in found]

    def name(self, node: Node) -> str:
        return str(self._property(node, "Name"))

    def description(self, node: Node) -> str:
        return str(self._property(node, "Description"))

    def labels(self, node: Node) -> list[str]:
        """The names of the objects that label ``node`` (its "labelled by" relation)."""
        (relations,) = self._method(node, ACCESSIBLE, "GetRelationSet")
        return [
            self.name(Node(bus, path))
            for kind, targets in relations
            if kind == RELATION_LABELLED_BY
            for bus, path in targets
        ]

    def role(self, node: Node) -> str:
        (role,) = self._method(node, ACCESSIBLE, "GetRoleName")
        return str(role)

    def showing(self, node: Node) -> bool:
        (words,) = self._method(node, ACCESSIBLE, "GetState")
        return bool(words[STATE_SHOWING // 32] & (1 << (STATE_SHOWING % 32)))

    def press(self, node: Node) -> None:
        """Run the object's first action (a button's "press"), as a screen reader does."""
        self._method(node, "org.a11y.atspi.Action", "DoAction", "i", 0)

    def application(self, pid: int) -> Node | None:
        """The registered application whose bus connection belongs to process ``pid``."""
        dbus = self._address(
            "/org/freedesktop/DBus",
            bus_name="org.freedesktop.DBus",
            interface="org.freedesktop.DBus",
        )
        for app in self.children(Node(*REGISTRY)):
            try:
                (owner,) = self._send(
                    self._bus, dbus, "GetConnectionUnixProcessID", "s", app.bus_name
                )
            except AtspiError:
                continue  # an application that has just gone
            if owner == pid:
                return app
        return None

    def walk(self, node: Node) -> Iterator[Node]:
        yield node
        for child in self.children(node):
            yield from self.walk(child)

    def find(self, root: Node, role: str, name: str) -> Node | None:
        for node in self.walk(root):
            if self.role(node) == role and self.name(node) == name:
                return node
        return None
