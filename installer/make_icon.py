"""Draw the UngeDesk application icon (PNG, ICO, ICNS) with Pillow.

resources/icons has no application icon yet, and the installers need one in three formats. The
drawing is geometric so it needs no font, and the SVG beside the outputs has the same shapes for
the Linux desktop entry. Run it again after changing the shapes; the outputs are committed so a
build machine needs no Pillow.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent / "icons"
BACKGROUND = "#1d5c7a"
FOREGROUND = "#ffffff"
ACCENT = "#f2a93b"
# One unit is 1/256 of the icon: the same numbers are used in ungedesk.svg.
SCALE = 4  # supersample, then shrink: Pillow draws shapes without anti-aliasing


def draw(size: int = 256) -> Image.Image:
    big = 256 * SCALE
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)

    def s(v: float) -> int:
        return round(v * SCALE)

    d.rounded_rectangle((s(8), s(8), s(248), s(248)), radius=s(48), fill=BACKGROUND)
    # A "U" as an open hand holding a person: two arms and a round bottom.
    d.rectangle((s(64), s(72), s(100), s(150)), fill=FOREGROUND)
    d.rectangle((s(156), s(72), s(192), s(150)), fill=FOREGROUND)
    d.pieslice((s(64), s(86), s(192), s(214)), 0, 180, fill=FOREGROUND)
    d.pieslice((s(100), s(122), s(156), s(178)), 0, 180, fill=BACKGROUND)
    d.rectangle((s(100), s(72), s(156), s(150)), fill=BACKGROUND)
    d.ellipse((s(108), s(62), s(148), s(102)), fill=ACCENT)  # the young person
    d.rounded_rectangle((s(112), s(108), s(144), s(146)), radius=s(12), fill=ACCENT)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def main() -> None:
    HERE.mkdir(exist_ok=True)
    master = draw(1024)
    draw(256).save(HERE / "ungedesk.png", optimize=True)
    master.save(
        HERE / "ungedesk.ico",
        sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)],
    )
    master.save(HERE / "ungedesk.icns")


if __name__ == "__main__":
    main()
