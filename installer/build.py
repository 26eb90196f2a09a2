"""Build UngeDesk as a desktop program: the PyInstaller bundle, then this platform's package.

Run from any folder with the project's venv Python:

    python installer/build.py              # bundle + package for this OS
    python installer/build.py --no-package # bundle only (dist/UngeDesk)
    python installer/build.py --smoke-test # and run installer/smoke_test.py on the result

Outputs (all under the gitignored dist/ and build/ folders of the repository):
    dist/UngeDesk/                                   the onedir bundle (every OS)
    dist/ungedesk-<version>-linux-<arch>.tar.gz      Linux: bundle + install.sh + .desktop
    dist/UngeDesk-<version>-setup.exe                Windows: Inno Setup installer (needs ISCC)
    dist/UngeDesk.app, dist/UngeDesk-<version>.dmg   macOS
    dist/build-info.json                             sizes and build time of this run
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SPEC = HERE / "ungedesk.spec"
ISS = HERE / "ungedesk.iss"
LINUX = HERE / "linux"
ICONS = HERE / "icons"
PYINSTALLER_REQUIREMENT = "pyinstaller>=6.10,<7"


def version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return str(tomllib.load(fh)["project"]["version"])


def folder_size(path: Path) -> int:
    """Bytes of all files under path, symlinks counted once (as links), like `du --apparent`."""
    if path.is_file():
        return path.stat().st_size
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB"


def ensure_pyinstaller() -> None:
    """Install PyInstaller into the running interpreter's environment if it is missing.

    It is a build tool, not a runtime or dev dependency, so pyproject.toml does not list it.
    """
    if importlib.util.find_spec("PyInstaller") is not None:
        return
    if sys.prefix == sys.base_prefix:
        sys.exit("PyInstaller is missing and this Python is not a venv; activate the venv first.")
    print(f"Installing {PYINSTALLER_REQUIREMENT} into {sys.prefix} ...", flush=True)
    subprocess.run([sys.executable, "-m", "pip", "install", PYINSTALLER_REQUIREMENT], check=True)


def run_pyinstaller(dist: Path, work: Path, clean: bool) -> float:
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ]
    if clean:
        cmd.append("--clean")
    cmd.append(str(SPEC))
    print("$", " ".join(cmd), flush=True)
    started = time.monotonic()
    subprocess.run(cmd, check=True, cwd=ROOT)
    return time.monotonic() - started


def _tar_filter(info: tarfile.TarInfo) -> tarfile.TarInfo:
    # Reproducible-ish and not tied to the build machine's user.
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info


def package_linux(dist: Path, bundle: Path, ver: str) -> Path:
    """ungedesk-<ver>-linux-<arch>.tar.gz: the bundle plus what installs it on a desktop."""
    arch = platform.machine().lower() or "unknown"
    top = f"ungedesk-{ver}-linux-{arch}"
    archive = dist / f"{top}.tar.gz"
    with tarfile.open(archive, "w:gz", compresslevel=6) as tar:
        tar.add(bundle, arcname=f"{top}/UngeDesk", filter=_tar_filter)
        for name in ("install.sh", "ungedesk.desktop"):
            tar.add(LINUX / name, arcname=f"{top}/{name}", filter=_tar_filter)
        tar.add(ICONS / "ungedesk.png", arcname=f"{top}/ungedesk.png", filter=_tar_filter)
        tar.add(ICONS / "ungedesk.svg", arcname=f"{top}/ungedesk.svg", filter=_tar_filter)
    return archive


def find_iscc() -> str | None:
    found = shutil.which("ISCC") or shutil.which("iscc")
    if found:
        return found
    candidates = [
        Path(os.environ.get("PROGRAMFILES(X86)", r"C:\Program Files (x86)")) / "Inno Setup 6",
        Path(os.environ.get("PROGRAMFILES", r"C:\Program Files")) / "Inno Setup 6",
        Path(os.environ.get("LOCALAPPDATA", "")) / "Programs" / "Inno Setup 6",
    ]
    for folder in candidates:
        if (folder / "ISCC.exe").exists():
            return str(folder / "ISCC.exe")
    return None


def package_windows(dist: Path, bundle: Path, ver: str) -> Path | None:
    iscc = find_iscc()
    if iscc is None:
        print(
            "Inno Setup (ISCC.exe) not found: install Inno Setup 6 (winget install "
            "JRSoftware.InnoSetup) and run again, or compile installer\\ungedesk.iss by hand. "
            "The bundle in dist\\UngeDesk works without it.",
            flush=True,
        )
        return None
    cmd = [
        iscc,
        f"/DAppVersion={ver}",
        f"/DSourceDir={bundle}",
        f"/DOutputDir={dist}",
        f"/DIconFile={ICONS / 'ungedesk.ico'}",
        str(ISS),
    ]
    print("$", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True)
    return dist / f"UngeDesk-{ver}-setup.exe"


def package_macos(dist: Path, ver: str) -> Path | None:
    app = dist / "UngeDesk.app"
    if not app.exists():
        print("dist/UngeDesk.app is missing: the spec's BUNDLE step did not run.")
        return None
    if not os.environ.get("UNGEDESK_CODESIGN_IDENTITY"):
        print(
            "Note: the .app is only ad-hoc signed. Gatekeeper blocks it on other Macs until it "
            "is signed with a Developer ID and notarized; see installer/README.md.",
            flush=True,
        )
    dmg = dist / f"UngeDesk-{ver}.dmg"
    if shutil.which("hdiutil") is None:
        return None
    dmg.unlink(missing_ok=True)
    subprocess.run(
        [
            "hdiutil", "create", "-volname", "UngeDesk", "-srcfolder", str(app),
            "-ov", "-format", "UDZO", str(dmg),
        ],
        check=True,
    )  # fmt: skip
    return dmg


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller work dir"
    )
    parser.add_argument("--no-clean", action="store_true", help="reuse PyInstaller's cache")
    parser.add_argument("--no-package", action="store_true", help="stop after the bundle")
    parser.add_argument(
        "--smoke-test", action="store_true", help="run installer/smoke_test.py afterwards"
    )
    args = parser.parse_args(argv)
    dist: Path = args.dist.resolve()
    ver = version()

    ensure_pyinstaller()
    seconds = run_pyinstaller(dist, args.work.resolve(), clean=not args.no_clean)
    bundle = dist / "UngeDesk"
    info: dict[str, object] = {
        "version": ver,
        "platform": f"{sys.platform}-{platform.machine()}",
        "python": platform.python_version(),
        "build_seconds": round(seconds, 1),
        "bundle_bytes": folder_size(bundle),
    }
    print(f"Bundle: {bundle} ({mb(folder_size(bundle))}) built in {seconds:.0f} s", flush=True)

    package: Path | None = None
    if not args.no_package:
        if sys.platform.startswith("linux"):
            package = package_linux(dist, bundle, ver)
        elif sys.platform == "win32":
            package = package_windows(dist, bundle, ver)
        elif sys.platform == "darwin":
            package = package_macos(dist, ver)
    if package is not None and package.exists():
        info["package"] = package.name
        info["package_bytes"] = package.stat().st_size
        print(f"Package: {package} ({mb(package.stat().st_size)})", flush=True)
    (dist / "build-info.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")

    if args.smoke_test:
        return subprocess.run(
            [sys.executable, str(HERE / "smoke_test.py"), "--bundle", str(bundle)], check=False
        ).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
