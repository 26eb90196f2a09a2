"""The ``ungedesk`` command as a user runs it: a subprocess with its own data dir and env.

Every run uses keyring's "fail" backend, so the machine's real keyring is never touched and
the key can only come from the passphrase-wrapped key file. Stores made here keep the
production scrypt cost (~0.3 s per unlock), which is fine for a handful of runs.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.e2e.conftest import INIT, assert_clean_failure, cli_env, count_youths, digest, run
from ungedesk import __version__
from ungedesk.services import settings, setup
from ungedesk.store.paths import StorePaths


def test_version() -> None:
    result = run("--version", data_dir=None)
    assert result.returncode == 0
    assert result.stdout.strip() == f"ungedesk {__version__}"


def test_help_is_danish() -> None:
    result = run("--help", data_dir=None)
    assert result.returncode == 0
    assert "opret en ny krypteret database" in result.stdout


def test_init_creates_owner_only_files_and_says_where_the_key_is(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run(*INIT, "--municipality", "Demo Kommune", data_dir=data)
    assert result.returncode == 0, result.stderr
    assert (data / "ungedesk.db").is_file()
    assert (data / "ungedesk.key").is_file()
    if os.name == "posix":
        assert (data / "ungedesk.db").stat().st_mode & 0o777 == 0o600
        assert (data / "ungedesk.key").stat().st_mode & 0o777 == 0o600
        assert data.stat().st_mode & 0o777 == 0o700
    # No keyring here: the key lives only in the passphrase-wrapped file, and it says so.
    assert "ungedesk.key" in result.stdout
    assert "gendannelsesfrase" in result.stdout
    # The database on disk is encrypted, not plain SQLite.
    assert not (data / "ungedesk.db").read_bytes().startswith(b"SQLite format 3")


def test_init_again_refuses_and_changes_nothing(demo_store: Path) -> None:
    before = digest(demo_store)
    result = run(*INIT, data_dir=demo_store, passphrase="en helt anden frase til Ribe")
    assert_clean_failure(result)
    assert result.returncode == 3
    assert "findes allerede" in result.stderr
    assert digest(demo_store) == before


def test_init_without_terminal_needs_name_and_initials(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run("init", data_dir=data)
    assert_clean_failure(result)
    assert "--name" in result.stderr and "--initials" in result.stderr
    assert not (data / "ungedesk.db").exists()


def test_init_without_terminal_needs_a_passphrase(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run(*INIT, data_dir=data, passphrase=None)
    assert_clean_failure(result)
    assert "UNGEDESK_PASSPHRASE" in result.stderr
    assert not (data / "ungedesk.db").exists()


def test_init_rejects_a_weak_passphrase_in_danish(tmp_path: Path) -> None:
    data = tmp_path / "data"
    result = run(*INIT, data_dir=data, passphrase="kort")
    assert_clean_failure(result)
    assert "mindst 12 tegn" in result.stderr
    assert not (data / "ungedesk.db").exists()


def test_demo_filled_the_store_and_check_passes(demo_store: Path) -> None:
    assert count_youths(demo_store) == 200
    result = run("check", data_dir=demo_store)
    assert result.returncode == 0, result.stderr
    assert "i orden" in result.stdout


def test_demo_rejects_a_silly_count(store_copy: Path) -> None:
    result = run("demo", "--youths", "0", data_dir=store_copy)
    assert_clean_failure(result)
    assert "--youths" in result.stderr


def test_wrong_passphrase_leaves_the_database_untouched(store_copy: Path) -> None:
    before = digest(store_copy)
    for command in (["check"], ["demo", "--youths", "10"]):
        result = run(*command, data_dir=store_copy, passphrase="forkert frase om kaffe og Ribe")
        assert_clean_failure(result)
        assert result.returncode == 4
        assert "Adgangsfrasen er forkert" in result.stderr
    assert digest(store_copy) == before


def test_no_passphrase_and_no_keyring_says_the_key_is_missing(store_copy: Path) -> None:
    before = digest(store_copy)
    result = run("check", data_dir=store_copy, passphrase=None)
    assert_clean_failure(result)
    assert result.returncode == 4
    assert "Nøglen til databasen findes ikke" in result.stderr
    assert "UNGEDESK_PASSPHRASE" in result.stderr
    assert digest(store_copy) == before


def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0xFF
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("where", ["header", "middle", "second page", "end"])
def test_flipped_byte_is_reported_as_damage(store_copy: Path, where: str) -> None:
    db = store_copy / "ungedesk.db"
    size = db.stat().st_size
    offset = {"header": 100, "middle": size // 2, "second page": 4096 + 904, "end": size - 100}
    _flip(db, offset[where])
    damaged = db.read_bytes()
    result = run("check", data_dir=store_copy)
    assert_clean_failure(result)
    assert result.returncode == 5
    assert "beskadiget" in result.stderr
    assert db.read_bytes() == damaged  # the check changes nothing


def test_demo_on_a_damaged_file_stops_with_the_danish_message(store_copy: Path) -> None:
    _flip(store_copy / "ungedesk.db", 100)
    result = run("demo", "--youths", "10", data_dir=store_copy)
    assert_clean_failure(result)
    assert result.returncode == 5
    assert "beskadiget" in result.stderr


def test_missing_data_dir_is_named(tmp_path: Path) -> None:
    missing = tmp_path / "findes-ikke"
    for command in (["check"], ["demo", "--youths", "5"]):
        result = run(*command, data_dir=missing)
        assert_clean_failure(result)
        assert result.returncode == 3
        assert "findes ikke" in result.stderr
        assert str(missing) in result.stderr
    assert not missing.exists()


def test_data_dir_option_wins_over_the_environment(demo_store: Path, tmp_path: Path) -> None:
    result = run("check", "--data-dir", str(demo_store), data_dir=tmp_path / "elsewhere")
    assert result.returncode == 0, result.stderr
    result = run("--data-dir", str(demo_store), "check", data_dir=tmp_path / "elsewhere")
    assert result.returncode == 0, result.stderr


def test_wrong_usage_is_explained() -> None:
    result = run("demo", "--youths", "mange", data_dir=None)
    assert result.returncode == 2
    assert "Kommandoen kan ikke bruges sådan" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.skipif(os.name != "posix", reason="sends SIGINT")
def test_ctrl_c_during_demo_keeps_whole_batches_only(store_copy: Path) -> None:
    from ungedesk.services.demo import BATCH_SIZE

    wanted = 4 * BATCH_SIZE
    proc = subprocess.Popen(
        [sys.executable, "-m", "ungedesk", "demo", "--youths", str(wanted), "--seed", "3"],
        env=cli_env(store_copy),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    assert proc.stderr is not None
    # Wait until at least one batch is in, then press Ctrl+C once.
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if line.startswith("Demodata: ") and not line.startswith("Demodata: 0 %"):
            break
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=120)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert "Stoppet" in err
    stored = count_youths(store_copy) - 200
    assert 0 < stored < wanted
    assert stored % BATCH_SIZE == 0


def test_unexpected_error_is_logged_without_personal_data(
    demo_store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A bug: one Danish line on stderr, and a log with types and frames, not the message."""
    from ungedesk import cli
    from ungedesk.services import integrity

    data = tmp_path / "copy"
    shutil.copytree(demo_store, data)
    secret = "Şükrü Yılmaz 190902-9575"

    def broken(store: object) -> object:
        raise RuntimeError(f"could not check {secret}")

    monkeypatch.setattr(integrity, "check", broken)
    monkeypatch.setenv("UNGEDESK_PASSPHRASE", PASSPHRASE)
    code = cli.main(["--data-dir", str(data), "check"])
    captured = capsys.readouterr()
    assert code == 1
    assert "Der opstod en uventet fejl" in captured.err
    assert "Traceback" not in captured.err
    assert secret not in captured.err + captured.out
    logs = list((data / "logs").iterdir())
    assert len(logs) == 1
    text = logs[0].read_text(encoding="utf-8")
    assert "RuntimeError" in text
    assert "broken" in text  # the frame is there
    assert "Şükrü" not in text and "190902" not in text and "could not check" not in text
    assert str(Path.home()) not in text or str(Path.home()) == "/"


def _in_terminal(
    args: list[str], answers: list[tuple[str, str]], env: dict[str, str]
) -> tuple[int, str]:
    """Run the CLI on a pseudo-terminal, answering each prompt when its text appears.

    The child gets a new session and so no controlling terminal: getpass then reads from
    stdin, which is the pseudo-terminal, with echo off, and can never reach the terminal
    pytest itself runs in. (Popen rather than pty.fork: forking a threaded pytest is unsafe.)
    """
    import pty
    import select

    master, slave = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "ungedesk", *args],
        env=env,
        stdin=slave,
        stdout=slave,
        stderr=slave,
        start_new_session=True,
    )
    os.close(slave)
    seen = ""
    pending = b""
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 1)
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 4096)
            except OSError:  # the child closed the terminal
                break
            if not chunk:
                break
            pending += chunk
            text = pending.decode("utf-8", errors="ignore")
            if answers and answers[0][0] in text:
                seen += text
                pending = b""
                os.write(master, (answers.pop(0)[1] + "\n").encode("utf-8"))
        seen += pending.decode("utf-8", errors="ignore")
    finally:
        code = proc.wait(timeout=120)
        os.close(master)
    return code, seen


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_init_on_a_terminal_asks_for_everything(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = cli_env(data, passphrase=None)
    code, screen = _in_terminal(
        ["init", "--no-keyring"],
        [
            ("fulde navn", "Anne Bjerregaard"),
            ("initialer", "abj"),
            ("enhed", ""),
            ("nummer", "2"),
            ("Kommunens navn", "Demo Kommune"),
            ("Gendannelsesfrase:", "kort"),
            ("Gendannelsesfrase:", PASSPHRASE),
            ("igen", "noget andet end frasen"),
            ("Gendannelsesfrase:", PASSPHRASE),
            ("igen", PASSPHRASE),
        ],
        env,
    )
    assert code == 0, screen
    assert "For kort" in screen  # the strength hint, in Danish
    assert "ikke ens" in screen
    assert PASSPHRASE not in screen  # getpass does not echo
    assert "UngeDesk-databasen er oprettet" in screen
    opened = setup.unlock(StorePaths(data), PASSPHRASE)
    try:
        me = settings.get_setting(opened.store, settings.MUNICIPALITY)
    finally:
        opened.store.close()
    assert me == "Demo Kommune"


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_check_on_a_terminal_asks_for_the_passphrase(store_copy: Path) -> None:
    env = cli_env(store_copy, passphrase=None)
    code, screen = _in_terminal(["check"], [("Gendannelsesfrase:", PASSPHRASE)], env)
    assert code == 0, screen
    assert "i orden" in screen


def test_no_command_starts_the_gui_with_the_resolved_paths(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ungedesk import cli
    from ungedesk.ui import app

    started: list[tuple[StorePaths, bool]] = []

    def fake_run(paths: StorePaths, *, measure_startup: bool = False) -> int:
        started.append((paths, measure_startup))
        return 0

    monkeypatch.setattr(app, "run", fake_run)
    monkeypatch.setenv("UNGEDESK_DATA_DIR", str(tmp_path / "from-env"))
    assert cli.main([]) == 0
    assert cli.main(["--data-dir", str(tmp_path / "from-option")]) == 0
    assert cli.main(["--measure-startup"]) == 0
    assert [(p.root, measure) for p, measure in started] == [
        ((tmp_path / "from-env").resolve(), False),
        ((tmp_path / "from-option").resolve(), False),
        ((tmp_path / "from-env").resolve(), True),
    ]
