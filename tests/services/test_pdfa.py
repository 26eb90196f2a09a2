"""The archive variant is PDF/A-2b in the structures a validator checks: identification in
XMP matching the document info, an sRGB output intent with a real ICC profile, every font
embedded, nothing transparent, a document ID, no encryption."""

from __future__ import annotations

import io
import struct
from collections.abc import Iterator

import pikepdf
import pytest
from PIL import ImageCms
from pypdf import PdfReader

from tests.services.test_plan_pdf import handout, png_logo, with_content
from ungedesk.services import pdfa, plan_pdf

STANDARD_14 = {
    "Helvetica",
    "Helvetica-Bold",
    "Times-Roman",
    "Courier",
    "Symbol",
    "ZapfDingbats",
}


@pytest.fixture(scope="module")
def archive() -> bytes:
    # With an emoji in the young person's words: the fallback font and its repaired text
    # map go through every check below too.
    h = with_content(handout(logo=png_logo("RGBA")), own_wishes="Jeg vil være tømrer 🎓")
    return plan_pdf.render_handout(h, archive=True)


def resources(pdf: pikepdf.Pdf) -> Iterator[pikepdf.Dictionary]:
    """Every resource dictionary: the pages' and those of the form XObjects they use."""
    todo = [page.obj.get("/Resources") for page in pdf.pages]
    seen: set[tuple[int, int]] = set()
    while todo:
        res = todo.pop()
        if res is None:
            continue
        if res.is_indirect:
            if res.objgen in seen:
                continue
            seen.add(res.objgen)
        yield res
        for xobject in res.get("/XObject", {}).values():
            if xobject.get("/Subtype") == "/Form":
                todo.append(xobject.get("/Resources"))


def test_identification_and_metadata_match(archive: bytes) -> None:
    with pikepdf.open(io.BytesIO(archive)) as pdf:
        meta = pdf.open_metadata()
        assert meta["pdfaid:part"] == "2"
        assert meta["pdfaid:conformance"] == "B"
        info = pdf.docinfo
        assert meta["dc:title"] == str(info["/Title"]) == "Min uddannelsesplan"
        assert meta["dc:creator"] == [str(info["/Author"])] == ["Demo Kommune"]
        assert meta["pdf:Producer"] == str(info["/Producer"])
        assert meta["xmp:CreatorTool"] == str(info["/Creator"])
        assert "/Trapped" not in info
        raw = pdf.Root.Metadata
        assert raw.Type == "/Metadata" and raw.Subtype == "/XML"
        assert "/Filter" not in raw  # PDF/A wants the XMP readable without decoding
        assert raw.read_raw_bytes().startswith(b"<?xpacket begin=")
        assert str(pdf.Root.Lang) == "da-DK"


def test_srgb_output_intent(archive: bytes) -> None:
    with pikepdf.open(io.BytesIO(archive)) as pdf:
        intents = pdf.Root.OutputIntents
        assert len(intents) == 1
        intent = intents[0]
        assert intent.Type == "/OutputIntent"
        assert intent.S == "/GTS_PDFA1"
        assert str(intent.OutputConditionIdentifier) == pdfa.OUTPUT_CONDITION
        profile = intent.DestOutputProfile
        assert profile.N == 3
        icc = profile.read_bytes()
    assert icc[36:40] == b"acsp"
    assert icc[12:16] in (b"mntr", b"prtr")
    assert icc[16:20] == b"RGB "
    assert icc[8] < 5  # veraPDF's PDF/A-2 rule 6.2.3-1: a monitor or printer profile, version < 5
    assert int.from_bytes(icc[0:4], "big") == len(icc)
    # A real, loadable profile.
    ImageCms.ImageCmsProfile(io.BytesIO(icc))


def test_every_font_is_embedded(archive: bytes) -> None:
    names: list[str] = []
    with pikepdf.open(io.BytesIO(archive)) as pdf:
        for res in resources(pdf):
            for font in res.get("/Font", {}).values():
                fonts = [font]
                if font.Subtype == "/Type0":
                    fonts = list(font.DescendantFonts)
                for f in fonts:
                    names.append(str(f.BaseFont))
                    assert str(f.BaseFont).lstrip("/").split("+")[-1] not in STANDARD_14
                    descriptor = f.get("/FontDescriptor")
                    assert descriptor is not None, f.BaseFont
                    assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert any("DejaVuSans" in n for n in names)
    assert any("Symbola" in n for n in names)


def cmap_encodings(font_program: bytes) -> list[tuple[int, int]]:
    """(platform, encoding) of every subtable in a TrueType program's cmap table."""
    tables = struct.unpack(">H", font_program[4:6])[0]
    for i in range(tables):
        tag, _sum, offset, _length = struct.unpack(
            ">4sIII", font_program[12 + 16 * i : 28 + 16 * i]
        )
        if tag == b"cmap":
            count = struct.unpack(">H", font_program[offset + 2 : offset + 4])[0]
            return [
                struct.unpack(">HH", font_program[offset + 4 + 8 * j : offset + 8 + 8 * j])
                for j in range(count)
            ]
    return []


def test_symbolic_truetype_fonts_follow_the_encoding_rule(archive: bytes) -> None:
    # veraPDF 6.2.11.6: a symbolic TrueType font has no Encoding, and its cmap has exactly
    # one subtable or the (3,0) one; a non-symbolic one uses WinAnsi or MacRoman.
    with pikepdf.open(io.BytesIO(archive)) as pdf:
        for res in resources(pdf):
            for font in res.get("/Font", {}).values():
                if font.Subtype != "/TrueType":
                    continue
                descriptor = font.FontDescriptor
                symbolic = int(descriptor.Flags) & 4
                if symbolic:
                    assert "/Encoding" not in font
                    encodings = cmap_encodings(descriptor.FontFile2.read_bytes())
                    assert len(encodings) == 1 or (3, 0) in encodings, encodings
                else:
                    assert font.get("/Encoding") in ("/WinAnsiEncoding", "/MacRomanEncoding")


def test_nothing_transparent_and_only_rgb_images(archive: bytes) -> None:
    with pikepdf.open(io.BytesIO(archive)) as pdf:
        for page in pdf.pages:
            group = page.obj.get("/Group")
            assert group is None or group.get("/S") != "/Transparency"
        images = 0
        for res in resources(pdf):
            for state in res.get("/ExtGState", {}).values():
                assert float(state.get("/CA", 1)) == 1.0
                assert float(state.get("/ca", 1)) == 1.0
                assert state.get("/SMask", pikepdf.Name.None_) == pikepdf.Name.None_
            for xobject in res.get("/XObject", {}).values():
                if xobject.get("/Subtype") == "/Image":
                    images += 1
                    assert "/SMask" not in xobject
                    assert xobject.ColorSpace == "/DeviceRGB"
        assert images == 1  # the logo


def test_document_id_no_encryption_binary_header(archive: bytes) -> None:
    assert archive.startswith(b"%PDF-1.")
    assert archive.split(b"\n", 2)[1].startswith(b"%") and max(archive.split(b"\n", 2)[1]) > 127
    with pikepdf.open(io.BytesIO(archive)) as pdf:
        ids = pdf.trailer.ID
        assert len(ids) == 2 and all(len(bytes(x)) == 16 for x in ids)
        assert not pdf.is_encrypted
        assert "/Encrypt" not in pdf.trailer
        assert "/JavaScript" not in pdf.Root.get("/Names", {})
        assert "/OpenAction" not in pdf.Root


def test_archive_keeps_the_text_and_says_what_it_is(archive: bytes) -> None:
    reader = PdfReader(io.BytesIO(archive))
    text = "".join(p.extract_text() for p in reader.pages)
    assert "Min uddannelsesplan" in text and "Nguyễn Văn An" in text
    assert reader.metadata is not None
    assert reader.metadata.subject == plan_pdf.ARCHIVE_SUBJECT


def test_handout_variant_is_not_marked_pdfa() -> None:
    data = plan_pdf.render_handout(handout())
    with pikepdf.open(io.BytesIO(data)) as pdf:
        assert "/OutputIntents" not in pdf.Root
        assert "/Metadata" not in pdf.Root
