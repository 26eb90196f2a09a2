"""Opening and re-sealing transfer files, to craft the files an attacker with the transfer
passphrase could send (the product never writes such files)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ungedesk.services import transfer
from ungedesk.services.transfer_payload import decode_document

TEST_N = 2**12


def open_doc(path: Path, passphrase: str) -> dict[str, Any]:
    doc = decode_document(transfer._decrypt(path.read_bytes(), passphrase))
    assert isinstance(doc, dict)
    return doc


def seal_doc(doc: Any, path: Path, passphrase: str, *, n: int = TEST_N) -> Path:
    """Write ``doc`` (any JSON value, or raw bytes) as a correctly encrypted transfer file."""
    payload = doc if isinstance(doc, bytes) else json.dumps(doc).encode()
    path.write_bytes(transfer._seal(payload, passphrase, n))
    return path
