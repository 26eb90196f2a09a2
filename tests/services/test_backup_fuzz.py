"""Backup manifests, key files and whole archives from hypothesis (2,500 examples): random
JSON, random bytes and mutations of valid ones give a parsed value or the "bad backup" /
"bad key file" error, never anything else, and never an unbounded scrypt cost. No scrypt
runs in the loops: only the parsers and the bounded unpacking are exercised."""

from __future__ import annotations

import base64
import contextlib
import json
import tempfile
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import PASSPHRASE, TEST_SCRYPT_N
from ungedesk.services import backup_archive
from ungedesk.services.backup_archive import BackupInfo, BadBackupError
from ungedesk.store import keys
from ungedesk.store.errors import KeyFileError
from ungedesk.store.paths import StorePaths

VALID_KEY = json.loads(keys.wrap(keys.new_data_key(), PASSPHRASE, n=TEST_SCRYPT_N).to_json())
VALID_MANIFEST: dict[str, Any] = {
    "format": "ungedesk-backup",
    "version": 1,
    "created": "2026-11-30T10:00:00+00:00",
    "store_id": VALID_KEY["store_id"],
    "schema": "0005",
    "tables": 24,
    "rows": 1234,
    "audit_head": {"seq": 141, "hash": "ab" * 32},
}

json_leaf = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.sampled_from(["", "AAAA", "scrypt", "ungedesk-key", "ungedesk-backup", "ab" * 32])
)
json_any = st.recursive(
    json_leaf,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
# Values that are the wrong type, out of bounds or hostile for any field.
hostile = (
    json_any
    | st.sampled_from([2**40, 2**21, 2**20, 2**12, 2**11, 3000, 10**6, 0, -1, True, 8, 1])
    | st.binary(max_size=80).map(lambda b: base64.b64encode(b).decode())
)


def _paths(doc: dict[str, Any]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for k, v in doc.items():
        out.append((k,))
        if isinstance(v, dict):
            out += [(k, *rest) for rest in _paths(v)]
    return out


@st.composite
def mutated(draw: st.DrawFn, valid: dict[str, Any]) -> dict[str, Any]:
    doc = json.loads(json.dumps(valid))
    for _ in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(_paths(doc) or [("x",)]))
        parent = doc
        for part in path[:-1]:
            nxt = parent.get(part)
            if not isinstance(nxt, dict):
                break
            parent = nxt
        else:
            if draw(st.booleans()):
                parent[path[-1]] = draw(hostile)
            else:
                parent.pop(path[-1], None)
    return doc


def documents(valid: dict[str, Any]) -> st.SearchStrategy[bytes]:
    as_json = st.one_of(mutated(valid), json_any).map(lambda d: json.dumps(d).encode())
    return st.one_of(
        as_json,
        as_json.map(lambda b: b[: len(b) // 2]),  # cut short
        st.binary(max_size=300),
        st.just(json.dumps(valid).encode()),
    )


FUZZ = settings(
    max_examples=1000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    database=None,
)


@FUZZ
@given(documents(VALID_MANIFEST))
def test_manifests_parse_or_are_a_bad_backup(data: bytes) -> None:
    try:
        info = backup_archive.parse_manifest(data)
    except BadBackupError:
        return
    assert isinstance(info, BackupInfo)
    assert isinstance(info.tables, int) and info.tables >= 0 and info.rows >= 0


@FUZZ
@given(documents(VALID_KEY))
def test_key_files_parse_or_are_a_bad_key_file(data: bytes) -> None:
    try:
        kf = keys.KeyFile.from_json(data)
    except KeyFileError:
        return
    # Whatever parses is bounded: scrypt takes at most 128 * 8 * 2**20 bytes (1 GiB).
    assert keys.SCRYPT_N_MIN <= kf.n <= keys.SCRYPT_N_MAX and kf.n & (kf.n - 1) == 0
    assert (kf.r, kf.p) == (keys.SCRYPT_R, keys.SCRYPT_P)
    assert (len(kf.salt), len(kf.nonce), len(kf.wrapped)) == (16, 12, 48)


member_names = st.sampled_from(["manifest.json", "ungedesk.key", "ungedesk.db", "x", "../y"])


@st.composite
def archives(draw: st.DrawFn) -> bytes:
    if draw(st.integers(0, 9)) == 0:
        return draw(st.binary(max_size=400))
    names = draw(st.lists(member_names, min_size=0, max_size=4))
    if draw(st.booleans()):
        names = ["manifest.json", "ungedesk.key", "ungedesk.db"]
    contents = {
        "manifest.json": documents(VALID_MANIFEST),
        "ungedesk.key": documents(VALID_KEY),
    }
    method = draw(st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED]))
    with tempfile.SpooledTemporaryFile() as fh:
        with zipfile.ZipFile(fh, "w", compression=method) as zf:
            for name in names:
                data = draw(contents.get(name, st.binary(max_size=200)))
                zf.writestr(name, data)
        fh.seek(0)
        raw = fh.read()
    if draw(st.integers(0, 4)) == 0 and raw:  # flip one byte
        at = draw(st.integers(0, len(raw) - 1))
        raw = raw[:at] + bytes([raw[at] ^ 0x5A]) + raw[at + 1 :]
    return raw


@pytest.mark.filterwarnings("ignore:Duplicate name")  # duplicates are one of the attacks
@settings(FUZZ, max_examples=500)
@given(archives())
def test_archives_unpack_or_are_a_bad_backup(raw: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "kopi.udbackup"
        source.write_bytes(raw)
        with contextlib.suppress(BadBackupError):
            backup_archive.inspect(source)
        staged = StorePaths(Path(tmp) / ".restore-00000000")
        staged.root.mkdir()
        try:
            info = backup_archive._unpack(source, staged)
        except BadBackupError:
            return
        assert isinstance(info, BackupInfo)
        assert staged.db.exists() and staged.key_file.stat().st_size <= 64 * 1024
        with contextlib.suppress(KeyFileError):
            keys.load_key_file(staged.key_file)


def test_a_central_directory_claiming_more_bytes_than_precede_it_is_a_bad_backup(
    tmp_path: Path,
) -> None:
    """Found by the fuzz test: an end record whose directory offset is larger than where the
    directory really starts makes zipfile place the first member at a negative offset, and
    reading it failed with OSError EINVAL instead of the bad-backup message."""
    raw_zip = tmp_path / "real.zip"
    with zipfile.ZipFile(raw_zip, "w") as zf:
        zf.writestr("manifest.json", json.dumps(VALID_MANIFEST))
        zf.writestr("ungedesk.key", json.dumps(VALID_KEY))
        zf.writestr("ungedesk.db", b"x" * 100)
    raw = bytearray(raw_zip.read_bytes())
    end = raw.rindex(b"PK\x05\x06")
    offset = int.from_bytes(raw[end + 16 : end + 20], "little")
    raw[end + 16 : end + 20] = (offset + 500).to_bytes(4, "little")  # 500 bytes too far
    source = tmp_path / "kopi.udbackup"
    source.write_bytes(bytes(raw))
    with pytest.raises(BadBackupError):
        backup_archive.inspect(source)
    staged = StorePaths(tmp_path / ".restore-00000000")
    staged.root.mkdir()
    with pytest.raises(BadBackupError):
        backup_archive._unpack(source, staged)
    assert not staged.db.exists()
