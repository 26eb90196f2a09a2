"""``ungedesk init``: create the encrypted store with the caseworker's profile, asking on a
terminal for what the options leave out (and for the recovery passphrase, with its
strength shown)."""

from __future__ import annotations

import argparse
import getpass
import os

from ungedesk.cli.common import ask, interactive, say, warn
from ungedesk.cli.parser import ENV_PASSPHRASE
from ungedesk.domain.errors import InputError
from ungedesk.domain.passphrase import assess
from ungedesk.domain.profile import ROLE_LABELS, ProfileInput, Role, validate_profile
from ungedesk.services import setup
from ungedesk.store.errors import StoreExistsError
from ungedesk.store.instance_lock import command_holder
from ungedesk.store.paths import StorePaths


def _ask_role() -> Role:
    roles = list(Role)
    say("Din rolle:")
    for n, role in enumerate(roles, start=1):
        say(f"  {n}. {ROLE_LABELS[role]}")
    while True:
        answer = ask("Vælg et nummer", default="1")
        if answer.isdigit() and 1 <= int(answer) <= len(roles):
            return roles[int(answer) - 1]
        warn(f"Skriv et tal fra 1 til {len(roles)}.")


def _ask_passphrase(related: tuple[str, ...]) -> str:
    say(
        "Vælg en gendannelsesfrase. Den låser en kopi af nøglen og er den eneste vej ind, "
        "hvis nøgleringen forsvinder. Fire tilfældige ord er lette at huske."
    )
    while True:
        first = getpass.getpass("Gendannelsesfrase: ")
        strength = assess(first, related)
        say(f"Styrke: {strength.label}. {strength.hint}")
        if not strength.acceptable:
            continue
        if getpass.getpass("Skriv den igen: ") == first:
            return first
        warn("De to fraser er ikke ens. Prøv igen.")


def cmd_init(args: argparse.Namespace, paths: StorePaths) -> int:
    # Refuse before asking anything: typing a passphrase for nothing is a poor start. An
    # init killed while publishing the store is completed or rolled back here first.
    if setup.store_exists(paths):
        setup.check_store_files(paths)  # a key file without its database: damaged, say so
        raise StoreExistsError()
    on_terminal = interactive()
    name: str = args.name or ""
    initials: str = args.initials or ""
    unit: str = args.unit or ""
    municipality: str = args.municipality or ""
    role = Role(args.role) if args.role else None
    if on_terminal:
        name = name or ask("Dit fulde navn")
        initials = initials or ask("Dine initialer")
        unit = args.unit if args.unit is not None else ask("Din enhed (kan springes over)")
        role = role or _ask_role()
        if args.municipality is None:
            municipality = ask("Kommunens navn (kan springes over)")
    else:
        missing: dict[str, str] = {}
        if not name.strip():
            missing["name"] = "Angiv dit navn med --name."
        if not initials.strip():
            missing["initials"] = "Angiv dine initialer med --initials."
        if missing:
            raise InputError(missing)
    profile = ProfileInput(name=name, initials=initials, unit=unit, role=role or Role.CASEWORKER)
    # Profile mistakes are reported before the passphrase is asked for, not after.
    errors = validate_profile(profile)
    if errors:
        raise InputError(errors)
    passphrase = os.environ.get(ENV_PASSPHRASE) or None
    if passphrase is None:
        if not on_terminal:
            raise InputError(
                {
                    "passphrase": (
                        f"Der er ingen terminal at spørge i: angiv gendannelsesfrasen i "
                        f"miljøvariablen {ENV_PASSPHRASE}."
                    )
                }
            )
        passphrase = _ask_passphrase((name, initials, unit))
    result = setup.create_installation(
        paths,
        passphrase,
        profile,
        municipality=municipality,
        use_keyring=not args.no_keyring,
        holder=command_holder("init"),
    )
    result.opened.store.close()
    say(f"UngeDesk-databasen er oprettet i {paths.root}.")
    say(result.key_location)
    return 0
