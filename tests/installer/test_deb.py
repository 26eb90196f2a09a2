"""The .deb (installer/linux/build_deb.py) built with dpkg-deb around a stand-in payload."""

from __future__ import annotations

import configparser
import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from installer.linux import build_deb

# What Qt's xcb platform plugin needs on a fresh Ubuntu (the libraries issue 14 met missing,
# and the ones a minimal install lacks); written out so the test does not just echo the table.
XCB_PACKAGES = (
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-image0",
    "libxcb-render-util0",
    "libxkbcommon-x11-0",
    "libegl1",
)


@pytest.fixture
def dpkg_deb() -> str:
    tool = shutil.which("dpkg-deb")
    if tool is None:
        if Path("/etc/debian_version").exists():
            pytest.fail("dpkg-deb is missing on a Debian system: sudo apt-get install dpkg")
        pytest.skip("dpkg-deb exists on Debian and Ubuntu only")
    return tool


@pytest.fixture
def payload(tmp_path: Path) -> Path:
    """A stand-in for the frozen Linux folder: an executable script and a runtime folder."""
    folder = tmp_path / "UngeDesk"
    (folder / "_internal").mkdir(parents=True)
    exe = folder / "ungedesk"
    exe.write_text("#!/bin/sh\necho stand-in\n")
    exe.chmod(0o700)  # a tight umask on the build machine: the package must still be 0755
    (folder / "_internal" / "base_library.zip").write_text("stand-in runtime\n")
    (folder / "_internal" / "base_library.zip").chmod(0o600)
    return folder


@pytest.fixture
def deb(dpkg_deb: str, payload: Path, tmp_path: Path) -> Path:
    return build_deb.build_deb(payload, tmp_path / "out", "0.1.0", arch="amd64", dpkg_deb=dpkg_deb)


def _run(*cmd: str | Path) -> str:
    return subprocess.run([str(c) for c in cmd], capture_output=True, text=True, check=True).stdout


def test_control_fields(dpkg_deb: str, deb: Path) -> None:
    assert deb.name == "ungedesk_0.1.0_amd64.deb"
    info = _run(dpkg_deb, "-I", deb)
    assert " Package: ungedesk\n" in info
    assert " Version: 0.1.0\n" in info
    assert " Architecture: amd64\n" in info
    assert " Section: misc\n" in info
    fields = _run(dpkg_deb, "-f", deb, "Depends", "Installed-Size")
    depends = fields.split("Depends: ", 1)[1].split("\n", 1)[0].split(", ")
    for package in XCB_PACKAGES:
        assert package in depends
    assert any(d.startswith("libc6 (>= 2.") for d in depends)
    assert int(fields.split("Installed-Size: ", 1)[1].split()[0]) > 0
    # The maintainer scripts: a postrm, nothing that runs at install.
    assert " postrm " in info and " postinst " not in info and " preinst " not in info


def test_files_and_their_owners(dpkg_deb: str, deb: Path) -> None:
    listing = {
        line.split()[-1] if " -> " not in line else line.split()[-3]: line
        for line in _run(dpkg_deb, "-c", deb).splitlines()
    }

    exe = listing["./opt/ungedesk/ungedesk"]
    assert exe.startswith("-rwxr-xr-x root/root ")
    assert listing["./opt/ungedesk/_internal/base_library.zip"].startswith("-rw-r--r-- root/root ")
    link = listing["./usr/bin/ungedesk"]
    assert link.startswith("lrwxrwxrwx root/root ") and link.endswith(" -> /opt/ungedesk/ungedesk")
    assert "./usr/share/applications/ungedesk.desktop" in listing
    for size in (16, 24, 32, 48, 64, 128, 256):
        assert f"./usr/share/icons/hicolor/{size}x{size}/apps/ungedesk.png" in listing
    assert "./usr/share/icons/hicolor/scalable/apps/ungedesk.svg" in listing
    assert all(" root/root " in line for line in listing.values())


def test_desktop_entry_and_icons(dpkg_deb: str, deb: Path, tmp_path: Path) -> None:
    tree = tmp_path / "tree"
    _run(dpkg_deb, "-x", deb, tree)
    desktop = tree / "usr/share/applications/ungedesk.desktop"

    validator = shutil.which("desktop-file-validate")
    # .ci/run installs desktop-file-utils and sets CI: there the entry is always validated.
    assert validator is not None or not os.environ.get("CI"), "desktop-file-utils is missing"
    if validator is not None:
        result = subprocess.run([validator, str(desktop)], capture_output=True, text=True)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout

    parser = configparser.ConfigParser(interpolation=None, comment_prefixes=("#",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read(desktop, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "UngeDesk"
    # Danish where no translation matches: the program itself is Danish.
    assert entry["Comment"] == "Følg unge fra den første henvendelse til uddannelse eller job"
    assert entry["GenericName"] == "Sagsbehandling for unge"
    assert "Office" in entry["Categories"].split(";")
    assert entry["Terminal"] == "false"
    # Exec names the command the package puts on PATH; Icon the themed icon it installs.
    assert entry["Exec"] == "ungedesk"
    assert (tree / "usr/bin" / entry["Exec"]).is_symlink()
    for size in (16, 48, 256):
        icon = tree / f"usr/share/icons/hicolor/{size}x{size}/apps/{entry['Icon']}.png"
        with Image.open(icon) as image:
            assert image.size == (size, size)


def test_postrm_never_touches_user_data(dpkg_deb: str, deb: Path, tmp_path: Path) -> None:
    control = tmp_path / "control"
    _run(dpkg_deb, "-e", deb, control)
    postrm = control / "postrm"
    assert os.access(postrm, os.X_OK)
    home = tmp_path / "home"
    data = home / ".local/share/UngeDesk"
    data.mkdir(parents=True)
    (data / "ungedesk.db").write_bytes(b"encrypted store")
    (data / "ungedesk.key").write_bytes(b"wrapped key")
    env = {"HOME": str(home), "PATH": os.environ.get("PATH", "/usr/bin:/bin")}

    for action in ("remove", "purge", "upgrade", "abort-install"):
        result = subprocess.run(["sh", str(postrm), action], env=env, capture_output=True)
        assert result.returncode == 0, (action, result.stderr)
    unknown = subprocess.run(["sh", str(postrm), "nonsense"], env=env, capture_output=True)

    assert unknown.returncode == 1
    assert sorted(p.name for p in data.iterdir()) == ["ungedesk.db", "ungedesk.key"]
    assert (data / "ungedesk.db").read_bytes() == b"encrypted store"
    # And not by another route either: the script runs no removing command at all.
    commands = [
        line.strip()
        for line in postrm.read_text().splitlines()
        if line.strip() and not line.strip().startswith("#")
    ]
    assert not [c for c in commands if c.split()[0] in {"rm", "rmdir", "find", "deluser"}]


def test_without_the_program_no_package_is_built(
    dpkg_deb: str, payload: Path, tmp_path: Path
) -> None:
    (payload / "ungedesk").unlink()

    with pytest.raises(build_deb.DebError, match="ungedesk"):
        build_deb.build_deb(payload, tmp_path / "out", "0.1.0", arch="amd64", dpkg_deb=dpkg_deb)
    assert not list((tmp_path / "out").glob("*.deb"))


@pytest.mark.parametrize(
    ("version", "expected"),
    [("0.1.0", "0.1.0"), ("0.2.0rc1", "0.2.0~rc1"), ("0.2.0.dev3", "0.2.0~dev3")],
)
def test_debian_version_sorts_prereleases_first(version: str, expected: str) -> None:
    assert build_deb.debian_version(version) == expected
    dpkg = shutil.which("dpkg")
    if dpkg is not None and expected != "0.1.0":
        # dpkg itself orders the pre-release before the release it leads to.
        assert subprocess.run([dpkg, "--compare-versions", expected, "lt", "0.2.0"]).returncode == 0


def _needed(path: Path) -> list[str]:
    """DT_NEEDED entries of a 64-bit little-endian ELF file (readelf may not be installed)."""
    data = path.read_bytes()
    assert data[:4] == b"\x7fELF" and data[4] == 2 and data[5] == 1, path
    phoff, phentsize, phnum = (
        struct.unpack_from("<Q", data, 0x20)[0],
        *struct.unpack_from("<HH", data, 0x36),
    )
    loads, dynamic = [], None
    for i in range(phnum):
        p_type, _flags, offset, vaddr, _paddr, filesz = struct.unpack_from(
            "<IIQQQQ", data, phoff + i * phentsize
        )
        if p_type == 1:
            loads.append((vaddr, offset, filesz))
        elif p_type == 2:
            dynamic = (offset, filesz)
    assert dynamic is not None, path
    entries = []
    for pos in range(dynamic[0], dynamic[0] + dynamic[1], 16):
        tag, value = struct.unpack_from("<qQ", data, pos)
        if tag == 0:
            break
        entries.append((tag, value))
    strtab_vaddr = next(v for t, v in entries if t == 5)  # DT_STRTAB, a virtual address
    strtab = next(o + strtab_vaddr - va for va, o, size in loads if va <= strtab_vaddr < va + size)
    names = []
    for tag, value in entries:
        if tag == 1:  # DT_NEEDED, an offset into the string table
            end = data.index(b"\x00", strtab + value)
            names.append(data[strtab + value : end].decode())
    return names


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries on Linux only")
def test_depends_cover_every_library_qt_links_against() -> None:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    files = [
        qt / "plugins/platforms/libqxcb.so",
        *qt.glob("plugins/xcbglintegrations/*.so"),
        *qt.glob("plugins/platforminputcontexts/*.so"),
        *(
            qt / "lib" / f"libQt6{name}.so.6"
            for name in ("Core", "Gui", "Widgets", "XcbQpa", "DBus", "OpenGL", "Svg", "Charts")
        ),
    ]
    needed = {name for f in files if f.exists() for name in _needed(f)}
    assert "libxcb-cursor.so.0" in needed  # the parser read the plugin, not nothing

    system = {
        name
        for name in needed
        if not name.startswith(("libQt6", "libicu", "libpyside6", "libshiboken6", "ld-linux"))
        and name not in build_deb.GLIBC_SONAMES
    }
    assert system - set(build_deb.SONAME_PACKAGES) == set()
