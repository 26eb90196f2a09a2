"""dev.py's check of Qt's platform libraries: which are missing, and which lines install them."""

from __future__ import annotations

from collections.abc import Callable

import dev

ALL_PRESENT = {row[0] for row in dev.QT_XCB_LIBRARIES}


def lookup(*missing: str) -> Callable[[str], bool]:
    absent = set(missing)
    return lambda soname: soname in ALL_PRESENT and soname not in absent


def test_nothing_missing_gives_no_advice() -> None:
    assert dev.qt_library_advice(lookup(), {}, "linux") is None


def test_missing_xcb_libraries_name_the_apt_and_dnf_packages() -> None:
    advice = dev.qt_library_advice(
        lookup("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1"), {}, "linux"
    )
    assert advice is not None
    assert advice.missing == ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1")
    assert advice.apt == "sudo apt install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1"
    assert advice.dnf == "sudo dnf install xcb-util-cursor xcb-util-wm xcb-util-keysyms"
    text = advice.message()
    assert "UngeDesk kan ikke starte" in text and "UngeDesk cannot start" in text
    assert text.count(advice.apt) == 2 and text.count(advice.dnf) == 2  # Danish and English


def test_libraries_of_one_fedora_package_name_it_once() -> None:
    advice = dev.qt_library_advice(lookup("libxcb-xkb.so.1", "libxcb-shm.so.0"), {}, "linux")
    assert advice is not None
    assert advice.apt == "sudo apt install libxcb-xkb1 libxcb-shm0"
    assert advice.dnf == "sudo dnf install libxcb"


def test_egl_fontconfig_and_dbus_are_checked() -> None:
    advice = dev.qt_library_advice(
        lookup("libEGL.so.1", "libfontconfig.so.1", "libdbus-1.so.3"), {}, "linux"
    )
    assert advice is not None
    assert advice.apt == "sudo apt install libegl1 libfontconfig1 libdbus-1-3"
    assert advice.dnf == "sudo dnf install libglvnd-egl fontconfig dbus-libs"


def test_a_platform_without_xcb_chosen_explicitly_is_not_checked() -> None:
    missing = lookup("libxcb-cursor.so.0")
    for chosen in ("offscreen", "minimal", "wayland", "wayland-egl"):
        assert dev.qt_library_advice(missing, {"QT_QPA_PLATFORM": chosen}, "linux") is None
    # xcb among the choices (a fallback after wayland), or xcb with options: checked.
    for chosen in ("wayland;xcb", "xcb", "xcb:nograb"):
        assert dev.qt_library_advice(missing, {"QT_QPA_PLATFORM": chosen}, "linux") is not None


def test_other_systems_are_not_checked() -> None:
    nothing = lookup(*ALL_PRESENT)
    assert dev.qt_library_advice(nothing, {}, "win32") is None
    assert dev.qt_library_advice(nothing, {}, "darwin") is None
