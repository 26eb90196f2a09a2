"""Turn a reportlab PDF into PDF/A-2b for the municipality's archive (ESDH).

reportlab cannot write PDF/A itself; what it lacks is added here with pikepdf:
- the XMP identification (pdfaid:part 2, conformance B) with metadata that matches the
  document information dictionary, as PDF/A requires;
- an sRGB output intent, because every colour on the page is DeviceRGB. reportlab ships no
  ICC profile, so LittleCMS (through Pillow) builds the standard sRGB one: nothing to ship
  or licence;
- a document ID in the trailer.
The renderer takes care of the rest: every font is embedded DejaVu (no Helvetica, not even
as the canvas's initial font), and nothing is transparent (the logo is flattened on white,
the chart uses opaque colours).
"""

from __future__ import annotations

import io
from functools import cache

import pikepdf
from PIL import ImageCms

OUTPUT_CONDITION = "sRGB IEC61966-2.1"


@cache
def srgb_profile() -> bytes:
    """The sRGB ICC profile: a monitor-class RGB profile, version 4.4. PDF/A-2 accepts an
    output intent profile of class mntr or prtr in GRAY, RGB or CMYK below version 5."""
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))
    return bytes(profile.tobytes())


def convert(data: bytes) -> bytes:
    """The PDF ``data`` as PDF/A-2b."""
    with pikepdf.open(io.BytesIO(data)) as pdf:
        icc = pikepdf.Stream(pdf, srgb_profile())
        icc["/N"] = 3
        intent = pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent,
            S=pikepdf.Name.GTS_PDFA1,
            OutputConditionIdentifier=OUTPUT_CONDITION,
            Info=OUTPUT_CONDITION,
            RegistryName="http://www.color.org",
            DestOutputProfile=icc,
        )
        pdf.Root.OutputIntents = pikepdf.Array([pdf.make_indirect(intent)])
        # Trapped has no XMP twin in the PDF/A-2 checks; dropping it avoids a mismatch.
        if "/Trapped" in pdf.docinfo:
            del pdf.docinfo["/Trapped"]
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta.load_from_docinfo(pdf.docinfo)
            meta["pdfaid:part"] = "2"
            meta["pdfaid:conformance"] = "B"
            lang = pdf.Root.get("/Lang")
            if lang is not None:
                meta["dc:language"] = [str(lang)]
        out = io.BytesIO()
        # The document ID is a hash of the content: the same plan archived twice gets the
        # same ID, a different one never does.
        pdf.save(out, deterministic_id=True)
        return out.getvalue()
