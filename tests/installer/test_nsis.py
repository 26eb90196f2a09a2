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


@pytest.fixture(scope="module")
def makensis() -> str:
    tool = nsis.find_makensis()
    if tool is None:
        pytest.fail(f"{nsis.INSTALL_HINT}. CI installs it in .ci/run.")
    return tool


def _stand_in(folder: Path) -> Path:
    """A stand-in for the frozen app folder: the same top-level names, text for contents."""
    (folder / "_internal").mkdir(parents=True)
    (folder / "UngeDesk.exe").write_text("stand-in for the windowed program\n")
    (folder / "ungedesk-cli.exe").write_text("stand-in for the console program\n")
    (folder / "_internal" / "base_library.zip").write_text("stand-in runtime\n")
    return folder


@pytest.fixture
def payload(tmp_path: Path) -> Path:
    return _stand_in(tmp_path / "UngeDesk")


@pytest.fixture(scope="module")
def compiled(makensis: str, tmp_path_factory: pytest.TempPathFactory) -> nsis.Compiled:
    """One compile for the tests that read the result (about a second each)."""
    folder = tmp_path_factory.mktemp("nsis")
    return nsis.compile_installer(
        _stand_in(folder / "UngeDesk"), folder / "out", "0.1.0", makensis=makensis
    )


def test_installer_compiles_into_a_windows_executable(compiled: nsis.Compiled) -> None:
    assert compiled.installer.name == "UngeDesk-0.1.0-setup.exe"
    data = compiled.installer.read_bytes()
    assert data[:2] == b"MZ"
    # A real PE image, not just two bytes: the DOS header points at the "PE\0\0" signature.
    (pe_offset,) = struct.unpack_from("<I", data, 0x3C)
    assert data[pe_offset : pe_offset + 4] == b"PE\x00\x00"
    # Every file of the payload was packed, and the uninstaller written beside the program.
    for name in ("UngeDesk.exe", "ungedesk-cli.exe", "base_library.zip"):
        assert f'File: "{name}"' in compiled.log
    assert 'WriteUninstaller: "$INSTDIR\\uninstall.exe"' in compiled.log
    assert 'CreateShortcut: "$SMPROGRAMS\\UngeDesk.lnk"->"$INSTDIR\\UngeDesk.exe"' in compiled.log


def _uninstall_section(log: str) -> list[str]:
    """The commands of the compiled uninstaller, as makensis logged them."""
    lines = log.splitlines()
    start = lines.index('Section: "Uninstall"')
    end = lines.index("SectionEnd", start)
    return [line for line in lines[start + 1 : end] if not line.startswith("!include")]


def test_the_compiled_uninstaller_removes_the_program_and_keeps_the_data(
    compiled: nsis.Compiled,
) -> None:
    commands = _uninstall_section(compiled.log)

    removing = [c for c in commands if c.startswith(("Delete", "RMDir"))]
    assert removing == [
        'RMDir: /r "$INSTDIR\\_internal"',
        'Delete: "$INSTDIR\\ungedesk-cli.exe"',
        'Delete: "$INSTDIR\\UngeDesk.exe"',
        'Delete: "$INSTDIR\\uninstall.exe"',
        'RMDir: "$INSTDIR"',  # only when empty: no /r on the install folder
        'Delete: "$SMPROGRAMS\\UngeDesk.lnk"',
        'Delete: "$DESKTOP\\UngeDesk.lnk"',
        "DeleteRegKey: SHCTX\\Software\\Microsoft\\Windows\\CurrentVersion\\Uninstall\\UngeDesk",
        "DeleteRegKey: SHCTX\\Software\\UngeDesk",
    ]
    # It tells where the data stays: the folder ungedesk.store.paths uses on Windows
    # (platformdirs' user data dir for "UngeDesk", not roaming).
    assert (
        'DetailPrint: "Dine data er ikke slettet: %LOCALAPPDATA%\\UngeDesk\\UngeDesk"' in commands
    )


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


def test_the_uninstaller_names_the_folder_the_app_keeps_its_data_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # ungedesk.store.paths.resolve() on Windows: platformdirs' user data dir, not roaming,
    # worked out here with the known-folder lookup answered by the variable's name.
    from platformdirs import windows

    monkeypatch.setattr(windows, "get_win_folder", lambda csidl: "%LOCALAPPDATA%")
    data_dir = windows.Windows("UngeDesk", "UngeDesk", roaming=False).user_data_dir
    data_dir = data_dir.replace("/", "\\")
    assert data_dir == "%LOCALAPPDATA%\\UngeDesk\\UngeDesk"

    script = nsis.SCRIPT.read_text(encoding="utf-8")
    assert f'!define DATA_DIR_TEXT "{data_dir}"' in script
    # Said before anything is removed (the confirm page) and after (the finish page).
    defines = [line for line in script.splitlines() if line.startswith("!define MUI_")]
    confirm = next(line for line in defines if "MUI_UNCONFIRMPAGE_TEXT_TOP" in line)
    assert "${DATA_DIR_TEXT}" in confirm and "slettes ikke" in confirm
    finish = [line for line in defines if line.startswith("!define MUI_FINISHPAGE_TEXT")][-1]
    assert "${DATA_DIR_TEXT}" in finish and "ikke slettet" in finish


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
