"""Build the Debian/Ubuntu package of UngeDesk with dpkg-deb.

    python installer/linux/build_deb.py --payload dist/UngeDesk --out dist [--version 0.1.0]

The package holds:
    /opt/ungedesk/                          the frozen app folder (installer/build.py)
    /usr/bin/ungedesk                       a link to /opt/ungedesk/ungedesk
    /usr/share/applications/ungedesk.desktop
    /usr/share/icons/hicolor/<n>x<n>/apps/ungedesk.png, .../scalable/apps/ungedesk.svg
and depends on the system libraries Qt's X11 (xcb) platform plugin links against, which the
bundle leaves to the distribution. Its postrm never touches users' data.

Install: sudo apt install ./ungedesk_<version>_<arch>.deb
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
INSTALLER = HERE.parent
ROOT = INSTALLER.parent
ICONS = INSTALLER / "icons"
DESKTOP_FILE = HERE / "ungedesk.desktop"
POSTRM = HERE / "postrm"

PACKAGE = "ungedesk"
APP_DIR = "opt/ungedesk"
EXECUTABLE = "ungedesk"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)
DEFAULT_MAINTAINER = "UngeDesk <ungedesk@example.org>"

# The system libraries Qt's libraries and its xcb platform plugin link against (their DT_NEEDED
# entries, outside Qt, ICU and glibc), by soname, with the Debian/Ubuntu package that ships
# each. tests/installer/test_deb.py reads the installed PySide6's ELF files and fails when a
# soname is missing here, so a Qt upgrade that needs a new library cannot slip through.
# "a | b": Debian 13 and Ubuntu 24.04 renamed some libraries for 64-bit time_t.
SONAME_PACKAGES: dict[str, str] = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libX11.so.6": "libx11-6",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0t64 | libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1",
    "libstdc++.so.6": "libstdc++6",
    "libgcc_s.so.1": "libgcc-s1",
}
# glibc's own libraries: covered by the libc6 dependency on the build machine's version.
GLIBC_SONAMES = frozenset({"libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1"})

DESCRIPTION = """\
Sagsbehandling for den kommunale ungeindsats
 UngeDesk følger unge fra 15 til 29 år fra den første henvendelse til
 uddannelse eller job: registeret over unge, visitation, samtaler og deres
 lovbundne frister, progression og den unges uddannelsesplan som PDF.
 .
 Alle data ligger krypteret (SQLCipher) på sagsbehandlerens egen computer.
 Afinstallation fjerner kun programmet; dataene i ~/.local/share/UngeDesk
 bliver liggende."""


class DebError(Exception):
    """The package could not be built; the message says why."""


def debian_arch(machine: str | None = None) -> str:
    """dpkg's name for this machine's architecture (x86_64 -> amd64)."""
    machine = (machine or platform.machine()).lower()
    names = {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}
    if machine not in names:
        raise DebError(f"no Debian architecture known for {machine!r}")
    return names[machine]


def debian_version(version: str) -> str:
    """A PEP 440 version as dpkg orders it: pre-releases sort before the release ("~")."""
    return re.sub(r"\.?(a|b|rc|dev)(\d*)", r"~\1\2", version)


def depends(glibc: str | None = None) -> list[str]:
    """The Depends entries: the xcb/Qt libraries and glibc at least as new as the build's.

    PyInstaller bundles link against the build machine's glibc, so an older one cannot run
    them; the dependency makes apt say so instead of the program failing at start.
    """
    packages = sorted(set(SONAME_PACKAGES.values()))
    libc = glibc if glibc is not None else platform.libc_ver()[1]
    return [f"libc6 (>= {libc})" if libc else "libc6", *packages]


def _folder_kib(path: Path) -> int:
    total = sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())
    return max(1, (total + 1023) // 1024)


def _normalize_modes(root: Path) -> None:
    """0755 folders and executables, 0644 other files: whatever the build machine's umask."""
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        mode = path.stat().st_mode
        if path.is_dir() or mode & (stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH):
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def _write_icons(share: Path) -> None:
    from PIL import Image  # Pillow is a dependency of the app (reportlab needs it)

    source = Image.open(ICONS / "ungedesk.png").convert("RGBA")
    for size in ICON_SIZES:
        folder = share / "icons" / "hicolor" / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True)
        icon = source if source.size == (size, size) else source.resize((size, size), Image.LANCZOS)
        icon.save(folder / "ungedesk.png", optimize=True)
    scalable = share / "icons" / "hicolor" / "scalable" / "apps"
    scalable.mkdir(parents=True)
    shutil.copyfile(ICONS / "ungedesk.svg", scalable / "ungedesk.svg")


def control_text(version: str, arch: str, installed_kib: int, maintainer: str) -> str:
    fields = {
        "Package": PACKAGE,
        "Version": debian_version(version),
        "Architecture": arch,
        "Maintainer": maintainer,
        "Installed-Size": str(installed_kib),
        "Depends": ", ".join(depends()),
        "Section": "misc",
        "Priority": "optional",
        "Description": DESCRIPTION,
    }
    return "".join(f"{key}: {value}\n" for key, value in fields.items())


def deb_name(version: str, arch: str) -> str:
    return f"{PACKAGE}_{debian_version(version)}_{arch}.deb"


def build_deb(
    payload: Path,
    out_dir: Path,
    version: str,
    *,
    arch: str | None = None,
    maintainer: str = DEFAULT_MAINTAINER,
    dpkg_deb: str | None = None,
) -> Path:
    """Build out_dir/ungedesk_<version>_<arch>.deb around the frozen folder `payload`."""
    tool = dpkg_deb or shutil.which("dpkg-deb")
    if tool is None:
        raise DebError("dpkg-deb is not installed (Debian/Ubuntu: sudo apt-get install dpkg)")
    payload = payload.resolve()
    if not (payload / EXECUTABLE).is_file():
        raise DebError(f"{payload} has no {EXECUTABLE}: build the bundle first (build.py)")
    arch = arch or debian_arch()
    out_dir.mkdir(parents=True, exist_ok=True)
    output = out_dir.resolve() / deb_name(version, arch)
    with tempfile.TemporaryDirectory(prefix="ungedesk-deb-") as tmp:
        stage = Path(tmp) / "root"
        shutil.copytree(payload, stage / APP_DIR, symlinks=True)
        bindir = stage / "usr" / "bin"
        bindir.mkdir(parents=True)
        (bindir / EXECUTABLE).symlink_to(f"/{APP_DIR}/{EXECUTABLE}")
        share = stage / "usr" / "share"
        (share / "applications").mkdir(parents=True)
        shutil.copyfile(DESKTOP_FILE, share / "applications" / "ungedesk.desktop")
        _write_icons(share)
        _normalize_modes(stage)
        installed_kib = _folder_kib(stage)

        debian = stage / "DEBIAN"
        debian.mkdir()
        (debian / "control").write_text(
            control_text(version, arch, installed_kib, maintainer), encoding="utf-8"
        )
        shutil.copyfile(POSTRM, debian / "postrm")
        (debian / "postrm").chmod(0o755)
        debian.chmod(0o755)
        (debian / "control").chmod(0o644)

        # --root-owner-group: files owned by root in the package without fakeroot.
        cmd = [tool, "--root-owner-group", "-Zxz", "--build", str(stage), str(output)]
        proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace", check=False)
    if proc.returncode != 0 or not output.is_file():
        output.unlink(missing_ok=True)
        raise DebError(f"dpkg-deb failed (exit {proc.returncode}):\n{proc.stderr.strip()}")
    return output


def _project_version() -> str:
    sys.path.insert(0, str(ROOT))  # run as a script: make the installer package importable
    from installer import project

    return project.version()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--payload", type=Path, default=ROOT / "dist" / "UngeDesk")
    parser.add_argument("--out", type=Path, default=ROOT / "dist")
    parser.add_argument("--version", default=None, help="default: the project version")
    parser.add_argument(
        "--maintainer",
        default=os.environ.get("UNGEDESK_DEB_MAINTAINER", DEFAULT_MAINTAINER),
        help='"Name <e-mail>" of whoever distributes the package (the municipality\'s IT)',
    )
    args = parser.parse_args(argv)
    try:
        path = build_deb(
            args.payload, args.out, args.version or _project_version(), maintainer=args.maintainer
        )
    except DebError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
