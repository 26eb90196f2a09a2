"""The data key: random 256 bits, kept in the OS keyring and, wrapped by the recovery
passphrase (scrypt + AES-GCM), in a key file beside the database.

There is no plaintext fallback: without the keyring or the passphrase the store stays shut.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import secrets
import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import keyring
import keyring.errors
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from ungedesk.store.errors import KeyFileError, WrongPassphraseError, translate_os_error
from ungedesk.store.paths import write_private_atomic

# The passphrase in the environment (the demo launcher and scripts), used when the keyring
# has no key.
ENV_PASSPHRASE = "UNGEDESK_PASSPHRASE"  # noqa: S105 (a variable name, not a secret)

KEY_BYTES = 32
KEYRING_SERVICE = "UngeDesk"
KEY_FILE_VERSION = 1
# scrypt cost: 2**17 takes ~0.3 s and 128 MiB once per unlock; it only guards the
# passphrase-wrapped copy, the database itself is opened with the raw key.
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
# The only scrypt costs a key file may ask for. 2**12 is the cheap cost test stores use;
# 2**20 leaves room to raise the production cost and bounds the memory scrypt may take
# (128 * r * n bytes, so at most 1 GiB, once).
SCRYPT_N_MIN = 2**12
SCRYPT_N_MAX = 2**20
SALT_BYTES = 16
NONCE_BYTES = 12
GCM_TAG_BYTES = 16
# A real key file is ~450 bytes.
KEY_FILE_MAX_BYTES = 64 * 1024
_CHECK = re.compile(r"[0-9a-f]{32}")
# Store ids are UUIDs; they end up in keyring user names and manifests, so no odd characters.
_STORE_ID = re.compile(r"[0-9A-Za-z-]{1,64}")


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def key_check(key: bytes) -> str:
    """A fingerprint that tells whether a key belongs to this store without revealing it."""
    return hashlib.sha256(b"ungedesk-key-check\x00" + key).hexdigest()[:32]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True, slots=True)
class KeyFile:
    store_id: str
    salt: bytes
    nonce: bytes
    wrapped: bytes
    check: str
    n: int = SCRYPT_N
    r: int = SCRYPT_R
    p: int = SCRYPT_P
    created: str = ""

    def _aad(self) -> bytes:
        return f"ungedesk-key-v{KEY_FILE_VERSION}:{self.store_id}".encode()

    def to_json(self) -> bytes:
        doc: dict[str, Any] = {
            "format": "ungedesk-key",
            "version": KEY_FILE_VERSION,
            "store_id": self.store_id,
            "kdf": {
                "name": "scrypt",
                "n": self.n,
                "r": self.r,
                "p": self.p,
                "salt": _b64(self.salt),
            },
            "cipher": {"name": "AES-256-GCM", "nonce": _b64(self.nonce)},
            "wrapped_key": _b64(self.wrapped),
            "key_check": self.check,
            "created": self.created,
        }
        return json.dumps(doc, indent=2).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> KeyFile:
        """Parse a key file, refusing anything but the exact shape ``to_json`` writes.

        A key file can come from outside (inside a backup), so every field is type-checked
        and the scrypt cost is bounded to a known set before anything is derived: n=2**40 or
        r=10**6 would otherwise make the first unlock allocate gigabytes.
        """
        try:
            if len(data) > KEY_FILE_MAX_BYTES:
                raise ValueError("key file too large")
            doc = json.loads(data.decode("utf-8"))
            if not isinstance(doc, dict):
                raise ValueError("not an object")
            if doc.get("format") != "ungedesk-key" or _int(doc.get("version")) != KEY_FILE_VERSION:
                raise ValueError("unknown key file format")
            kdf, cipher = doc["kdf"], doc["cipher"]
            if not isinstance(kdf, dict) or not isinstance(cipher, dict):
                raise ValueError("kdf/cipher not objects")
            if kdf["name"] != "scrypt" or cipher.get("name", "AES-256-GCM") != "AES-256-GCM":
                raise ValueError("unknown kdf or cipher")
            n, r, p = _int(kdf["n"]), _int(kdf["r"]), _int(kdf["p"])
            if not (SCRYPT_N_MIN <= n <= SCRYPT_N_MAX and n & (n - 1) == 0):
                raise ValueError("scrypt n out of bounds")
            if r != SCRYPT_R or p != SCRYPT_P:
                raise ValueError("scrypt r/p not the known ones")
            salt, nonce = _bytes(kdf["salt"]), _bytes(cipher["nonce"])
            wrapped = _bytes(doc["wrapped_key"])
            if len(salt) != SALT_BYTES or len(nonce) != NONCE_BYTES:
                raise ValueError("salt or nonce length")
            if len(wrapped) != KEY_BYTES + GCM_TAG_BYTES:
                raise ValueError("wrapped key length")
            store_id, check = doc["store_id"], doc["key_check"]
            created = doc.get("created", "")
            if not (isinstance(store_id, str) and _STORE_ID.fullmatch(store_id)):
                raise ValueError("store id")
            if not (isinstance(check, str) and _CHECK.fullmatch(check)):
                raise ValueError("key check")
            if not (isinstance(created, str) and len(created) <= 64):
                raise ValueError("created")
            return cls(
                store_id=store_id,
                salt=salt,
                nonce=nonce,
                wrapped=wrapped,
                check=check,
                n=n,
                r=r,
                p=p,
                created=created,
            )
        # RecursionError: deeply nested JSON ("[[[[…") exhausts the parser's stack.
        except (ValueError, KeyError, TypeError, UnicodeDecodeError, RecursionError) as exc:
            raise KeyFileError() from exc


def _int(value: object) -> int:
    """An exact JSON integer (json gives bool for true/false, which int() would accept)."""
    if type(value) is not int:
        raise ValueError("not an integer")
    return value


def _bytes(value: object) -> bytes:
    """A base64 JSON string, strictly decoded; anything else is refused."""
    if not isinstance(value, str) or len(value) > 1024:
        raise ValueError("not a base64 string")
    return _unb64(value)


def derive_kek(
    passphrase: str, salt: bytes, n: int = SCRYPT_N, r: int = SCRYPT_R, p: int = SCRYPT_P
) -> bytes:
    """A 256-bit key-encryption key from a passphrase (scrypt)."""
    kdf = Scrypt(salt=salt, length=32, n=n, r=r, p=p)
    return kdf.derive(passphrase.encode("utf-8"))


def wrap(
    key: bytes, passphrase: str, store_id: str | None = None, *, n: int | None = None
) -> KeyFile:
    """Encrypt ``key`` under a key derived from ``passphrase``."""
    if len(key) != KEY_BYTES:
        raise ValueError("data key must be 32 bytes")
    cost = n if n is not None else SCRYPT_N
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    sid = store_id or str(uuid.uuid4())
    shell = KeyFile(
        store_id=sid,
        salt=salt,
        nonce=nonce,
        wrapped=b"",
        check=key_check(key),
        n=cost,
        created=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    kek = derive_kek(passphrase, salt, cost, SCRYPT_R, SCRYPT_P)
    wrapped = AESGCM(kek).encrypt(nonce, key, shell._aad())
    return KeyFile(
        store_id=sid,
        salt=salt,
        nonce=nonce,
        wrapped=wrapped,
        check=shell.check,
        n=cost,
        created=shell.created,
    )


def rewrap(kf: KeyFile, key: bytes, passphrase: str, *, n: int | None = None) -> KeyFile:
    """``kf`` with the same data key wrapped under a new passphrase.

    Fresh salt and nonce, the current scrypt cost (or ``n``); everything else in the key
    file (store id, key check, creation time, any other field it carries) is kept as is,
    so the store, its keyring entry and its backups stay tied to it.
    """
    if len(key) != KEY_BYTES or key_check(key) != kf.check:
        raise KeyFileError()
    cost = n if n is not None else SCRYPT_N
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    shell = replace(kf, salt=salt, nonce=nonce, wrapped=b"", n=cost, r=SCRYPT_R, p=SCRYPT_P)
    kek = derive_kek(passphrase, salt, cost, SCRYPT_R, SCRYPT_P)
    return replace(shell, wrapped=AESGCM(kek).encrypt(nonce, key, shell._aad()))


def unwrap(kf: KeyFile, passphrase: str) -> bytes:
    """The data key, or WrongPassphraseError. AES-GCM authenticates, so a wrong passphrase
    is told apart from a damaged database before the database is touched."""
    kek = derive_kek(passphrase, kf.salt, kf.n, kf.r, kf.p)
    try:
        key = AESGCM(kek).decrypt(kf.nonce, kf.wrapped, kf._aad())
    except InvalidTag:
        raise WrongPassphraseError() from None
    if key_check(key) != kf.check:
        raise KeyFileError()
    return key


def save_key_file(path: Path, kf: KeyFile) -> None:
    try:
        write_private_atomic(path, kf.to_json())
    except OSError as exc:
        raise translate_os_error(exc) from exc


def load_key_file(path: Path) -> KeyFile:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise KeyFileError() from None
    except OSError as exc:
        raise translate_os_error(exc) from exc
    return KeyFile.from_json(data)


# --- the OS keyring -------------------------------------------------------------------

_BACKEND_NAMES_DA = {
    "WinVaultKeyring": "Windows Legitimationsadministrator (Credential Manager)",
    "Keyring": "systemets nøglering",
    "SecretService": "Linux-nøgleringen (Secret Service, fx GNOME Nøgler)",
    "KWallet": "KDE Wallet",
}


def _username(store_id: str) -> str:
    return f"store-{store_id}"


def keyring_available() -> bool:
    """True when keyring has a real backend (not the fail/null/chainer-with-nothing one)."""
    try:
        backend = keyring.get_keyring()
    except Exception:
        return False
    module = type(backend).__module__
    if module.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return False
    if module.startswith("keyring.backends.chainer"):
        return bool(getattr(backend, "backends", []))
    # keyrings.alt's plaintext/file backends would defeat the point of a keyring.
    return not module.startswith("keyrings.alt")


def keyring_location() -> str:
    """Where the key lives, in Danish, for the set-up wizard and the about box."""
    backend = keyring.get_keyring()
    module = type(backend).__module__
    name = type(backend).__name__
    if "macOS" in module or module.endswith(".macOS"):
        return "macOS-nøgleringen (Nøglering/Keychain)"
    return _BACKEND_NAMES_DA.get(name, f"systemets nøglering ({name})")


def keyring_get(store_id: str) -> bytes | None:
    if not keyring_available():
        return None
    try:
        value = keyring.get_password(KEYRING_SERVICE, _username(store_id))
    except keyring.errors.KeyringError:
        return None
    if not value:
        return None
    try:
        key = bytes.fromhex(value)
    except ValueError:
        return None
    return key if len(key) == KEY_BYTES else None


def keyring_put(store_id: str, key: bytes) -> bool:
    """Store the key; False when the keyring refused (locked, no service running)."""
    if not keyring_available():
        return False
    try:
        keyring.set_password(KEYRING_SERVICE, _username(store_id), key.hex())
    except keyring.errors.KeyringError:
        return False
    return True


def keyring_forget(store_id: str) -> None:
    if not keyring_available():
        return
    try:
        keyring.delete_password(KEYRING_SERVICE, _username(store_id))
    except keyring.errors.KeyringError:
        return
