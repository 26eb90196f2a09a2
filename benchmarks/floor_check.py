"""The floor for ``ungedesk check``: its unavoidable work done directly, in a fresh process.

    UNGEDESK_PASSPHRASE=... python benchmarks/floor_check.py DATA_DIR

Unwraps the data key from the key file with the passphrase (scrypt, then AES-GCM, with the
key file's own parameters), opens the store with the raw key and runs SQLite's
``integrity_check`` and SQLCipher's ``cipher_integrity_check``. Prints ``ok`` or the
problems. Does not import ungedesk: keep it in step with ungedesk/store/keys.py.
"""

from __future__ import annotations

import base64
import json
import os
import sys
from pathlib import Path

import sqlcipher3
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt


def unwrap(key_file: Path, passphrase: str) -> bytes:
    doc = json.loads(key_file.read_text(encoding="utf-8"))
    kdf = doc["kdf"]
    kek = Scrypt(
        salt=base64.b64decode(kdf["salt"]), length=32, n=kdf["n"], r=kdf["r"], p=kdf["p"]
    ).derive(passphrase.encode("utf-8"))
    aad = f"ungedesk-key-v{doc['version']}:{doc['store_id']}".encode()
    nonce = base64.b64decode(doc["cipher"]["nonce"])
    return AESGCM(kek).decrypt(nonce, base64.b64decode(doc["wrapped_key"]), aad)


def main() -> int:
    data_dir = Path(sys.argv[1])
    key = unwrap(data_dir / "ungedesk.key", os.environ["UNGEDESK_PASSPHRASE"])
    conn = sqlcipher3.connect(f"file:{data_dir / 'ungedesk.db'}?mode=ro", uri=True)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("PRAGMA cipher_memory_security = ON")
        integrity = [str(r[0]) for r in conn.execute("PRAGMA integrity_check")]
        cipher = [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check")]
    finally:
        conn.close()
    sound = integrity == ["ok"] and not cipher
    print("ok" if sound else "\n".join(integrity + cipher))
    return 0 if sound else 1


if __name__ == "__main__":
    raise SystemExit(main())
