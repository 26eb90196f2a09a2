"""Where the shipped resources (fonts, translations, demo data, rule sets) are.

resources/ sits beside the package in a source checkout and in the installed bundle alike
(installer/ungedesk.spec puts it there), so one path serves every layer.
"""

from pathlib import Path

RESOURCES = Path(__file__).resolve().parent.parent / "resources"
FONTS = RESOURCES / "fonts"
TRANSLATIONS = RESOURCES / "translations"
DEMO = RESOURCES / "demo"
PROGRESSION = RESOURCES / "progression"
