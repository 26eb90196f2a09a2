"""ungedesk passphrase change (from the environment and on a terminal) and ungedesk key rotate."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import PASSPHRASE
from tests.e2e.conftest import assert_clean_failure, cli_env, count_youths, run

NEW = "blå cykel synger under Limfjorden"


def change(data_dir: Path, old: str | None, new: str | None) -> subprocess.CompletedProcess[str]:
    env = cli_env(data_dir, old)
    if new is not None:
        env["UNGEDESK_NEW_PASSPHRASE"] = new
    return subprocess.run(
        [sys.executable, "-m", "ungedesk", "passphrase", "change"],
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_change_from_the_environment(store_copy: Path) -> None:
    key_file = store_copy / "ungedesk.key"
    before = key_file.read_bytes()

    missing = change(store_copy, PASSPHRASE, None)
    assert_clean_failure(missing)
    assert "UNGEDESK_NEW_PASSPHRASE" in missing.stderr
    wrong = change(store_copy, "ikke den rigtige frase", NEW)
    assert_clean_failure(wrong)
    assert wrong.returncode == 4 and "forkert" in wrong.stderr
    weak = change(store_copy, PASSPHRASE, "kort")
    assert_clean_failure(weak)
    assert "For kort" in weak.stderr
    assert key_file.read_bytes() == before

    done = change(store_copy, PASSPHRASE, NEW)
    assert done.returncode == 0, done.stderr
    assert "Gendannelsesfrasen er skiftet" in done.stdout
    assert PASSPHRASE not in done.stdout + done.stderr and NEW not in done.stdout + done.stderr
    old_fails = run("check", data_dir=store_copy, passphrase=PASSPHRASE)
    assert_clean_failure(old_fails)
    assert "forkert" in old_fails.stderr
    assert run("check", data_dir=store_copy, passphrase=NEW).returncode == 0
    verified = run("audit", "verify", data_dir=store_copy, passphrase=NEW)
    assert verified.returncode == 0, verified.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_change_on_a_terminal_asks_for_old_and_new(store_copy: Path) -> None:
    import pty

    leader, follower = pty.openpty()
    env = cli_env(store_copy, None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "ungedesk", "passphrase", "change"],
        env=env,
        stdin=follower,
        stdout=follower,
        stderr=follower,
        start_new_session=True,  # the pty becomes the child's terminal: getpass reads it
    )
    os.close(follower)
    answers = iter(
        [
            b"Gendannelsesfrase:",  # the keyring has no key: _open asks first
            PASSPHRASE.encode(),
            b"Nuv\xc3\xa6rende gendannelsesfrase:",
            PASSPHRASE.encode(),
            b"Ny gendannelsesfrase:",
            b"kort",
            b"Ny gendannelsesfrase:",
            NEW.encode(),
            b"Skriv den nye frase igen:",
            NEW.encode(),
        ]
    )
    seen = b""
    for prompt in answers:
        answer = next(answers)
        while prompt not in seen:
            # A bound, not a pause: a missing prompt fails the test instead of hanging it.
            ready, _, _ = select.select([leader], [], [], 60)
            assert ready, f"no {prompt!r} after: " + seen.decode("utf-8", "replace")
            chunk = os.read(leader, 4096)
            assert chunk, seen.decode("utf-8", "replace")
            seen += chunk
        seen = seen[seen.index(prompt) + len(prompt) :]
        os.write(leader, answer + b"\n")
    rest = b""
    try:
        while True:
            chunk = os.read(leader, 4096)
            if not chunk:
                break
            rest += chunk
    except OSError:  # EIO once the child has closed the terminal
        pass
    assert proc.wait(timeout=120) == 0, (seen + rest).decode("utf-8", "replace")
    os.close(leader)
    text = (seen + rest).decode("utf-8", "replace")
    assert "Gendannelsesfrasen er skiftet" in text
    assert NEW not in text and PASSPHRASE not in text  # never echoed
    assert run("check", data_dir=store_copy, passphrase=NEW).returncode == 0


def test_key_rotate_re_encrypts_and_the_store_still_opens(store_copy: Path) -> None:
    before = json.loads((store_copy / "ungedesk.key").read_text("utf-8"))
    youths_before = count_youths(store_copy)
    missing = run("key", "rotate", data_dir=store_copy, passphrase=None)
    assert_clean_failure(missing)
    assert "UNGEDESK_PASSPHRASE" in missing.stderr
    wrong = run("key", "rotate", data_dir=store_copy, passphrase="ikke den rigtige frase")
    assert_clean_failure(wrong)
    assert "forkert" in wrong.stderr
    assert json.loads((store_copy / "ungedesk.key").read_text("utf-8")) == before
    done = run("key", "rotate", data_dir=store_copy)
    assert done.returncode == 0, done.stderr
    assert "ny nøgle" in done.stdout and "Traceback" not in done.stderr
    after = json.loads((store_copy / "ungedesk.key").read_text("utf-8"))
    assert after["key_check"] != before["key_check"]
    assert after["store_id"] == before["store_id"]
    assert run("check", data_dir=store_copy).returncode == 0
    assert run("audit", "verify", data_dir=store_copy).returncode == 0
    assert count_youths(store_copy) == youths_before
