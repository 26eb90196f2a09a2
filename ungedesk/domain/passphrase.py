"""How strong a recovery passphrase is, in words a caseworker understands."""

from __future__ import annotations

from dataclasses import dataclass

MIN_LENGTH = 12
MIN_SCORE = 3

_LABELS = ("Meget svag", "Svag", "Middel", "Stærk", "Meget stærk")


@dataclass(frozen=True, slots=True)
class Strength:
    score: int  # 0-4 (zxcvbn)
    label: str
    hint: str
    acceptable: bool


def assess(passphrase: str, related: tuple[str, ...] = ()) -> Strength:
    """Judge a passphrase; ``related`` are words an attacker could guess (name, unit)."""
    from zxcvbn import zxcvbn

    if not passphrase:
        return Strength(0, _LABELS[0], f"Skriv mindst {MIN_LENGTH} tegn.", False)
    # zxcvbn is slow on very long input and gains nothing past 100 characters.
    # zxcvbn matches whole user inputs: give it each word and the words run together, so
    # "AnneBjerregaard" is caught as the user's own name.
    words = [w.strip(",.;:-") for r in related for w in r.split()]
    words += ["".join(r.split()) for r in related]
    words = [w for w in words if len(w) >= 2]
    # zxcvbn prices spaces as brute force, so "Anne Bjerregaard 2026" would pass as very
    # strong: also judge the phrase without white space, and keep the weaker verdict.
    candidates = {passphrase[:100], "".join(passphrase.split())[:100]}
    score = min(int(zxcvbn(c, user_inputs=words)["score"]) for c in candidates if c)
    rest = passphrase.casefold()
    for w in sorted(words, key=len, reverse=True):
        rest = rest.replace(w.casefold(), "")
    if len(passphrase) >= MIN_LENGTH and sum(ch.isalpha() for ch in rest) < 8:
        return Strength(
            min(score, 1),
            _LABELS[min(score, 1)],
            "Frasen består mest af dit navn, dine initialer eller din enhed. Brug andre ord.",
            False,
        )
    if len(passphrase) < MIN_LENGTH:
        return Strength(
            score,
            _LABELS[min(score, 1)],
            f"For kort: brug mindst {MIN_LENGTH} tegn. Fire tilfældige ord er let at huske.",
            False,
        )
    if score < MIN_SCORE:
        return Strength(
            score,
            _LABELS[score],
            "Let at gætte. Brug flere ord, der ikke hører sammen, og undgå dit navn og årstal.",
            False,
        )
    return Strength(score, _LABELS[score], "God. Skriv den ned og gem den et sikkert sted.", True)
