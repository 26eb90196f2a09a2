"""Build UngeDesk as a desktop program: the PyInstaller bundle, then this platform's package.

Run from any folder with the project's venv Python:

    python installer/build.py              # bundle + package for this OS
    python installer/build.py --no-package # bundle only (dist/UngeDesk)
    python installer/build.py --smoke-test # and run installer/smoke_test.py on the result

Outputs (all under the gitignored dist/ and build/ folders of the repository):
    dist/UngeDesk/                                   the onedir bundle (every OS)
    dist/ungedesk-<version>-linux-<arch>.tar.gz      Linux: bundle + install.sh + .desktop
    dist/ungedesk_<version>_<arch>.deb               Linux: Debian/Ubuntu package (dpkg-deb)
    dist/UngeDesk-<version>-setup.exe                Windows: NSIS installer (needs makensis)
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
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # run as a script: the installer package's modules below

from installer import project  # noqa: E402
from installer.linux import build_deb  # noqa: E402
from installer.windows import nsis  # noqa: E402

SPEC = HERE / "ungedesk.spec"
LINUX = HERE / "linux"
ICONS = HERE / "icons"
PYINSTALLER_REQUIREMENT = "pyinstaller>=6.10,<7"


def version() -> str:
    return project.version()


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


def package_deb(dist: Path, bundle: Path, ver: str) -> Path | None:
    """The .deb next to the archive, where dpkg-deb exists (Debian, Ubuntu)."""
    if shutil.which("dpkg-deb") is None:
        print("dpkg-deb not found: no .deb (build on Debian or Ubuntu for one).", flush=True)
        return None
    return build_deb.build_deb(bundle, dist, ver)


def package_windows(dist: Path, bundle: Path, ver: str) -> Path | None:
    if nsis.find_makensis() is None:
        print(
            f"{nsis.INSTALL_HINT}. No installer was made; the bundle in dist\\UngeDesk "
            "works without it.",
            flush=True,
        )
        return None
    print("Compiling the NSIS installer ...", flush=True)
    return nsis.compile_installer(bundle, dist, ver).installer


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

    packages: list[Path | None] = []
    try:
        if not args.no_package and sys.platform.startswith("linux"):
            packages = [package_linux(dist, bundle, ver), package_deb(dist, bundle, ver)]
        elif not args.no_package and sys.platform == "win32":
            packages = [package_windows(dist, bundle, ver)]
        elif not args.no_package and sys.platform == "darwin":
            packages = [package_macos(dist, ver)]
    except (nsis.NsisError, build_deb.DebError) as exc:
        print(f"Packaging failed: {exc}", file=sys.stderr, flush=True)
        return 1
    made = [p for p in packages if p is not None and p.exists()]
    info["packages"] = {p.name: p.stat().st_size for p in made}
    for package in made:
        print(f"Package: {package} ({mb(package.stat().st_size)})", flush=True)
    (dist / "build-info.json").write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")

    if args.smoke_test:
        return subprocess.run(
            [sys.executable, str(HERE / "smoke_test.py"), "--bundle", str(bundle)], check=False
        ).returncode
    return 0


if __name__ == "__main__":
    sys.exit(main())
