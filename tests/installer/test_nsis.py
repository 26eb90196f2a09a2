"""The Windows installer compiles with NSIS's makensis (here on Linux) around a stand-in payload.

makensis must be installed: .ci/run installs Debian's nsis package, and this test fails (it
does not skip) without it, so CI cannot silently stop compiling the installer.
"""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

from installer.windows import nsis

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def makensis() -> str:
    tool = nsis.find_makensis()
    if tool is None:
        pytest.fail(f"{nsis.INSTALL_HINT}. CI installs it in .ci/run.")
    return tool


@pytest.fixture
def payload(tmp_path: Path) -> Path:
    """A stand-in for the frozen app folder: the same top-level names, text for contents."""
    folder = tmp_path / "UngeDesk"
    (folder / "_internal").mkdir(parents=True)
    (folder / "UngeDesk.exe").write_text("stand-in for the windowed program\n")
    (folder / "ungedesk-cli.exe").write_text("stand-in for the console program\n")
    (folder / "_internal" / "base_library.zip").write_text("stand-in runtime\n")
    return folder


def test_installer_compiles_into_a_windows_executable(
    makensis: str, payload: Path, tmp_path: Path
) -> None:
    out = nsis.compile_installer(payload, tmp_path / "out", "0.1.0", makensis=makensis)

    assert out == (tmp_path / "out" / "UngeDesk-0.1.0-setup.exe").resolve()
    data = out.read_bytes()
    assert data[:2] == b"MZ"
    # A real PE image, not just two bytes: the DOS header points at the "PE\0\0" signature.
    (pe_offset,) = struct.unpack_from("<I", data, 0x3C)
    assert data[pe_offset : pe_offset + 4] == b"PE\x00\x00"


def test_without_the_program_nothing_is_compiled(
    makensis: str, payload: Path, tmp_path: Path
) -> None:
    (payload / "UngeDesk.exe").unlink()

    with pytest.raises(nsis.NsisError, match=r"UngeDesk\.exe"):
        nsis.compile_installer(payload, tmp_path / "out", "0.1.0", makensis=makensis)
    assert not list((tmp_path / "out").glob("*.exe"))


def test_a_failing_compile_says_why_and_leaves_no_installer(
    makensis: str, payload: Path, tmp_path: Path
) -> None:
    with pytest.raises(nsis.NsisError, match="makensis failed") as caught:
        nsis.compile_installer(
            payload, tmp_path / "out", "0.1.0", makensis=makensis, icon=tmp_path / "none.ico"
        )
    assert "none.ico" in str(caught.value)  # makensis's own words about the missing icon
    assert not (tmp_path / "out" / "UngeDesk-0.1.0-setup.exe").exists()


def test_the_uninstaller_removes_only_what_was_installed(payload: Path) -> None:
    (payload / "price $5.txt").write_text("a name with NSIS's variable sign\n")

    lines = nsis.uninstall_list(payload).splitlines()

    assert lines == [
        'RMDir /r "$INSTDIR\\_internal"',
        'Delete "$INSTDIR\\price $$5.txt"',
        'Delete "$INSTDIR\\ungedesk-cli.exe"',
        'Delete "$INSTDIR\\UngeDesk.exe"',
    ]


def test_the_script_never_removes_the_caseworkers_data() -> None:
    script = nsis.SCRIPT.read_text(encoding="utf-8")
    code = [line.strip() for line in script.splitlines() if not line.strip().startswith(";")]

    # The only recursive removal is the program's own runtime folder (upgrade and uninstall).
    recursive = [line for line in code if line.startswith("RMDir /r")]
    assert recursive == ['RMDir /r "$INSTDIR\\_internal"']
    # The install folder itself goes only when empty, and no command names the data folder.
    assert 'RMDir "$INSTDIR"' in code
    removing = [line for line in code if line.startswith(("Delete ", "RMDir "))]
    assert not [line for line in removing if "APPDATA" in line.upper()]
    # The uninstaller says so, naming the folder ungedesk.store.paths uses on Windows
    # (platformdirs' user data dir for "UngeDesk", not roaming).
    assert '!define DATA_DIR_TEXT "%LOCALAPPDATA%\\UngeDesk\\UngeDesk"' in script
    confirm = next(line for line in code if line.startswith("!define MUI_UNCONFIRMPAGE_TEXT_TOP"))
    assert "${DATA_DIR_TEXT}" in confirm and "slettes ikke" in confirm


def test_the_installer_speaks_danish_and_installs_silently() -> None:
    script = nsis.SCRIPT.read_text(encoding="utf-8")

    assert re.search(r'^!insertmacro MUI_LANGUAGE "Danish"$', script, re.MULTILINE)
    assert len(re.findall(r"^!insertmacro MUI_LANGUAGE", script, re.MULTILINE)) == 1
    # Silent install (/S) must not stop at a question: every message box has a silent default.
    for line in script.splitlines():
        if line.strip().startswith("MessageBox"):
            assert "/SD " in line, line
    # Registered in Add/Remove Programs with a quiet uninstall for IT.
    assert '"QuietUninstallString"' in script and "/S" in script


@pytest.mark.parametrize(
    ("version", "quad"),
    [("0.1.0", "0.1.0.0"), ("2.10", "2.10.0.0"), ("1.2rc1", "1.2.0.0"), ("1.2.3.4.5", "1.2.3.4")],
)
def test_windows_file_version_has_four_numbers(version: str, quad: str) -> None:
    assert nsis.version_quad(version) == quad
