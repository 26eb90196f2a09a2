"""The team's figures shared as files (domain.figures_file): export a caseworker's counts,
signed; merge several in the leader's UngeDesk.

The signing key is an Ed25519 key made on the first export and kept in the encrypted store
(never in a file beside it); its public half goes in every file. A file changed after
export fails the check; two files signed by the same installation are one caseworker twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ungedesk.domain.errors import FileError
from ungedesk.domain.figures import Figure, Period
from ungedesk.domain.figures_file import (
    MAX_BYTES,
    FiguresFile,
    FiguresFileError,
    Merged,
    canonical,
    merge,
    parse,
    payload,
    suppress,
)
from ungedesk.services import audit, figures, settings
from ungedesk.services.audit import Action
from ungedesk.store.database import Store
from ungedesk.store.errors import translate_os_error
from ungedesk.store.paths import make_private_dirs, write_private_atomic

FLOW = (Figure.ACTIVE, Figure.INFLOW, Figure.OUTFLOW, Figure.TURNED_AWAY)


def _signing_key(store: Store) -> bytes:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import (
        Encoding,
        NoEncryption,
        PrivateFormat,
    )

    with store.session() as s:
        stored = settings.read(s, settings.FIGURES_SIGNING_KEY)
        if stored:
            return bytes.fromhex(stored)
        raw = Ed25519PrivateKey.generate().private_bytes(
            Encoding.Raw, PrivateFormat.Raw, NoEncryption()
        )
        settings.write(s, settings.FIGURES_SIGNING_KEY, raw.hex())
        return raw


def export_file(
    store: Store, period: Period, target: Path, *, threshold: int | None = None
) -> Path:
    """Write the period's counts, small ones suppressed, signed; log it as an export."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    limit = threshold or settings.get_setting(store, settings.FIGURES_THRESHOLD)
    flow = figures.flow_figures(store, period)
    raw: list[tuple[str, str, int]] = [
        (str(f), c, flow.count(f, c)) for f in FLOW for c in flow.columns()
    ]
    raw += [(f"outflow_to:{r}", c, len(ids)) for (r, c), ids in sorted(flow.outflow_to.items())]
    content = payload(period.label, limit, suppress(raw, limit))
    key = Ed25519PrivateKey.from_private_bytes(_signing_key(store))
    content["signature"] = key.sign(canonical(content)).hex()
    content["signer"] = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    try:
        make_private_dirs(target.parent)
        write_private_atomic(target, canonical(content))
    except OSError as exc:
        raise translate_os_error(exc) from exc
    audit.log(
        store,
        Action.EXPORT,
        subject=f"Ledelsestal {period.label}",
        detail=f"Tal til teamet (kun antal, under {limit} skjult)",
    )
    return target


def _verified(data: bytes) -> FiguresFile:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    parsed = parse(data)
    try:
        key = Ed25519PublicKey.from_public_bytes(bytes.fromhex(parsed.signer))
        key.verify(bytes.fromhex(parsed.signature), parsed.signed)
    except (ValueError, InvalidSignature):
        raise FiguresFileError(
            "Filen er ændret, efter den blev lavet, og kan ikke bruges. Bed om en ny."
        ) from None
    return parsed


@dataclass(frozen=True, slots=True)
class TeamFigures:
    period: str
    files: int
    counts: dict[tuple[str, str], Merged]


def merge_files(paths: list[Path]) -> TeamFigures:
    """The team's figures from the caseworkers' files, all checked before any is used."""
    files: list[FiguresFile] = []
    for path in paths:
        try:
            if path.stat().st_size > MAX_BYTES:
                raise FileError(f"{path.name}: filen er for stor til at være en fil med tal.")
            data = path.read_bytes()
        except OSError as exc:
            raise FileError(f"{path.name} kan ikke læses ({exc.strerror}).") from None
        try:
            files.append(_verified(data))
        except FiguresFileError as exc:
            raise FileError(f"{path.name}: {exc.message}") from None
    _check_together(paths, files)
    try:
        merged = merge(files)
    except FiguresFileError as exc:
        raise FileError(exc.message) from None
    return TeamFigures(files[0].period, len(files), merged)


def _check_together(paths: list[Path], files: list[FiguresFile]) -> None:
    """The merge's refusals (another period, one UngeDesk twice) with the files named, so
    the leader knows which to take out."""
    if not files:
        return
    periods = sorted({f.period for f in files})
    if len(periods) > 1:
        first = files[0].period
        odd = next(p for p, f in zip(paths, files, strict=True) if f.period != first)
        raise FileError(
            f"{odd.name}: filerne er fra forskellige perioder ({', '.join(periods)}). "
            "Vælg filer fra samme periode."
        )
    seen: dict[str, Path] = {}
    for path, f in zip(paths, files, strict=True):
        if f.signer in seen:
            raise FileError(
                f"{path.name}: {seen[f.signer].name} og {path.name} kommer fra samme "
                "UngeDesk. Tag kun den nyeste med."
            )
        seen[f.signer] = path
