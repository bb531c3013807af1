"""Embedding Linux Libertine O in a DOCX (render/writers/docx/fonts.py).

The decisive test converts the DOCX with LibreOffice on a "machine without
the font": fontconfig is pointed at a configuration whose only font folder is
DejaVu's, and the PDF must show Libertine all the same; the same document
without the embedded fonts, converted the same way, shows DejaVu, which proves
the font really was hidden.

Nothing here is skipped: a missing tool (LibreOffice, poppler-utils, the
DejaVu fonts) fails the test that needs it.
"""
from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path, PurePosixPath

import pytest
from docx import Document
from fontTools.ttLib import TTFont
from lxml import etree

from render.writers.docx import fonts as docx_fonts
from tools import libreoffice
from render.writers.docx.fonts import CLERK_REPERTOIRE, deobfuscate, embed_fonts, obfuscate

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "templates" / "fonts"
FAMILY = "Linux Libertine O"
FACES = {"regular": FONTS / "LinLibertine_R.otf", "italic": FONTS / "LinLibertine_RI.otf",
         "bold": FONTS / "LinLibertine_RB.otf", "boldItalic": FONTS / "LinLibertine_RBI.otf"}
SUBFAMILIES = {"regular": "Regular", "italic": "Italic", "bold": "Bold",
               "boldItalic": "Bold Italic"}
EMBED_TAGS = {"regular": "embedRegular", "bold": "embedBold", "italic": "embedItalic",
              "boldItalic": "embedBoldItalic"}

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
FONT_RELTYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/font"
FONT_TABLE_RELTYPE = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
                      "fontTable")
OBFUSCATED = "application/vnd.openxmlformats-officedocument.obfuscatedFont"
KEY_FORMAT = re.compile(r"\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}")

REGULAR = ("La Chambre des représentants a adopté, le 12 février, le projet de loi "
           "« relatif à l’œuvre » — article 2 : 1 250 € ; naïveté, Ærø, ça. ")
ITALIC = "De Kamer van volksvertegenwoordigers"
BOLD = " neemt het wetsontwerp aan"
BOLD_ITALIC = " met éénparigheid van stemmen."
TEXT = REGULAR + ITALIC + BOLD + BOLD_ITALIC


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def build(embed: bool = True, **options) -> bytes:
    """A small DOCX whose Normal style uses Linux Libertine O."""
    document = Document()
    document.styles["Normal"].font.name = FAMILY
    paragraph = document.add_paragraph(REGULAR)
    paragraph.add_run(ITALIC).italic = True
    paragraph.add_run(BOLD).bold = True
    run = paragraph.add_run(BOLD_ITALIC)
    run.bold = run.italic = True
    if embed:
        embed_fonts(document, FAMILY, FACES, TEXT, **options)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def rels(parts: dict[str, bytes], source: str) -> list[etree._Element]:
    """The relationships of part `source` ("word/fontTable.xml")."""
    path = PurePosixPath(source)
    rels_name = str(path.parent / "_rels" / f"{path.name}.rels")
    return etree.fromstring(parts[rels_name]).findall(f"{{{PKG_RELS}}}Relationship")


def target(source: str, relationship: etree._Element) -> str:
    """The member name a relationship of `source` points to."""
    parts = list(PurePosixPath(source).parent.parts)
    for piece in relationship.get("Target").split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/".join(parts)


@pytest.fixture(scope="module")
def docx() -> bytes:
    return build()


@pytest.fixture(scope="module")
def parts(docx) -> dict[str, bytes]:
    return members(docx)


@pytest.fixture(scope="module")
def font_table(parts) -> etree._Element:
    return etree.fromstring(parts["word/fontTable.xml"])


@pytest.fixture(scope="module")
def embedded(parts, font_table) -> dict[str, bytes]:
    """Each face's font, deobfuscated, by face name."""
    by_id = {rel.get("Id"): target("word/fontTable.xml", rel)
             for rel in rels(parts, "word/fontTable.xml")}
    (entry,) = font_table.findall(w("font"))
    out = {}
    for face, tag in EMBED_TAGS.items():
        (element,) = entry.findall(w(tag))
        out[face] = deobfuscate(parts[by_id[element.get(f"{{{R}}}id")]], element.get(w("fontKey")))
    return out


# --- the package ----------------------------------------------------------------------------


def test_four_obfuscated_font_parts_related_from_the_font_table(parts):
    types = etree.fromstring(parts["[Content_Types].xml"])
    defaults = {d.get("Extension").lower(): d.get("ContentType")
                for d in types.findall(f"{{{CONTENT_TYPES}}}Default")}
    overrides = {o.get("PartName").lstrip("/"): o.get("ContentType")
                 for o in types.findall(f"{{{CONTENT_TYPES}}}Override")}

    def content_type(name: str) -> str | None:
        return overrides.get(name) or defaults.get(name.rsplit(".", 1)[-1].lower())

    fonts = sorted(name for name in parts if content_type(name) == OBFUSCATED)
    assert len(fonts) == 4, fonts
    assert all(name.startswith("word/fonts/") and name.endswith(".odttf") for name in fonts)

    (table_rel,) = [r for r in rels(parts, "word/document.xml")
                    if r.get("Type") == FONT_TABLE_RELTYPE]
    assert target("word/document.xml", table_rel) == "word/fontTable.xml"
    font_rels = [r for r in rels(parts, "word/fontTable.xml") if r.get("Type") == FONT_RELTYPE]
    assert sorted(target("word/fontTable.xml", r) for r in font_rels) == fonts


def test_font_table_lists_the_family_with_its_embedded_faces_only(font_table, parts):
    entries = font_table.findall(w("font"))
    assert [e.get(w("name")) for e in entries] == [FAMILY]
    text = parts["word/fontTable.xml"].decode("utf-8")
    for leftover in ("Calibri", "Cambria", "ＭＳ 明朝", "MS Mincho", "ＭＳ ゴシック"):
        assert leftover not in text

    (entry,) = entries
    children = [etree.QName(child).localname for child in entry]
    # CT_Font's sequence: the description of the font, then its embeddings.
    assert children == ["panose1", "charset", "family", "pitch", "sig", "embedRegular",
                        "embedBold", "embedItalic", "embedBoldItalic"]
    assert entry.find(w("panose1")).get(w("val")) == "02000503000000000000"
    assert entry.find(w("charset")).get(w("val")) == "00"
    assert entry.find(w("family")).get(w("val")) == "roman"
    assert entry.find(w("pitch")).get(w("val")) == "variable"
    sig = entry.find(w("sig"))
    source = TTFont(FACES["regular"], lazy=True)["OS/2"]
    assert int(sig.get(w("usb0")), 16) == source.ulUnicodeRange1
    assert int(sig.get(w("csb0")), 16) == source.ulCodePageRange1

    ids = {rel.get("Id") for rel in rels(parts, "word/fontTable.xml")}
    keys = set()
    for tag in EMBED_TAGS.values():
        element = entry.find(w(tag))
        assert element.get(f"{{{R}}}id") in ids
        key = element.get(w("fontKey"))
        assert KEY_FORMAT.fullmatch(key), key  # upper case: LibreOffice reads only 0-9 A-F
        keys.add(key)
    assert len(keys) == 4


def test_settings_embed_truetype_fonts_in_schema_order(parts):
    settings = etree.fromstring(parts["word/settings.xml"])
    names = [etree.QName(child).localname for child in settings]
    assert names.count("embedTrueTypeFonts") == 1
    where = names.index("embedTrueTypeFonts")
    # CT_Settings: … zoom, … printFormsData, embedTrueTypeFonts, embedSystemFonts,
    # saveSubsetFonts, … proofState, … defaultTabStop …
    assert names.index("zoom") < where < names.index("proofState")
    assert "saveSubsetFonts" not in names


# --- the fonts ------------------------------------------------------------------------------


@pytest.mark.parametrize("face", list(EMBED_TAGS))
def test_embedded_face_is_a_truetype_subset_that_keeps_the_features(embedded, face):
    data = embedded[face]
    assert data[:4] == b"\x00\x01\x00\x00"
    font = TTFont(io.BytesIO(data))
    assert "glyf" in font and "loca" in font
    assert "CFF " not in font and "CFF2" not in font
    assert font["maxp"].tableVersion == 0x00010000
    assert font["head"].glyphDataFormat == 0
    name = font["name"]
    assert name.getName(1, 3, 1, 0x409).toUnicode() == FAMILY
    assert name.getName(2, 3, 1, 0x409).toUnicode() == SUBFAMILIES[face]
    assert name.getName(13, 3, 1, 0x409) is not None  # the licence stays with the font
    assert font["OS/2"].fsType == 0  # installable: Word may load it for editing

    cmap = font.getBestCmap()
    missing = sorted({c for c in TEXT + CLERK_REPERTOIRE if ord(c) not in cmap})
    assert not missing, [f"U+{ord(c):04X}" for c in missing]
    # A subset: far fewer glyphs than the 1,700 to 2,700 of the bundled faces.
    source = TTFont(FACES[face], lazy=True)
    assert len(font.getGlyphOrder()) < len(source.getGlyphOrder()) / 2

    gsub = {r.FeatureTag for r in font["GSUB"].table.FeatureList.FeatureRecord}
    assert {"smcp", "c2sc", "liga", "onum", "lnum", "sups"} <= gsub
    gpos = {r.FeatureTag for r in font["GPOS"].table.FeatureList.FeatureRecord}
    assert "kern" in gpos
    # The small capitals of the repertoire come along with their letters.
    smcp = {glyph for glyph in font.getGlyphOrder() if glyph.endswith(".sc")}
    assert {"a.sc", "eacute.sc", "oe.sc"} <= smcp

    # Dates are the source's, not the time of the conversion.
    assert font["head"].created == source["head"].created
    assert font["head"].modified == source["head"].modified


def test_obfuscation_is_the_spec_example_and_its_own_inverse():
    # ECMA-376 Part 1, §17.8.1: GUID 001B70DC-AA60-4AD5-90EC-18A0948E1EAE, reversed
    # AE1E8E94-A018-EC90-D54A-60AADC701B00, XORed over bytes 0–15 and 16–31.
    key = "{001B70DC-AA60-4AD5-90EC-18A0948E1EAE}"
    reversed_guid = bytes.fromhex("AE1E8E94A018EC90D54A60AADC701B00")
    zeros = bytes(48)
    assert obfuscate(zeros, key) == reversed_guid * 2 + bytes(16)

    # The same key as LibreOffice reads it: hex pairs at positions 35, 33, … 3, 1.
    positions = (35, 33, 31, 29, 27, 25, 22, 20, 17, 15, 12, 10, 7, 5, 3, 1)
    assert bytes(int(key[p:p + 2], 16) for p in positions) == reversed_guid

    data = bytes(range(256)) * 3
    hidden = obfuscate(data, key)
    assert hidden[:32] != data[:32] and hidden[32:] == data[32:]
    assert deobfuscate(hidden, key) == data
    assert deobfuscate(hidden, key.lower()) == data
    with pytest.raises(ValueError):
        deobfuscate(data, "{not-a-guid}")


def test_stored_parts_are_obfuscated_with_their_key(parts, embedded):
    stored = sorted(data for name, data in parts.items() if name.endswith(".odttf"))
    assert all(data[:4] != b"\x00\x01\x00\x00" for data in stored)
    assert sorted(docx_fonts.obfuscate(data, docx_fonts.font_key(data))
                  for data in embedded.values()) == stored


def test_two_runs_give_the_same_bytes(parts, tmp_path, monkeypatch):
    docx_fonts._converted.cache_clear()  # convert again, not from either cache
    monkeypatch.setenv("HEMICYCLE_CACHE", str(tmp_path))
    again = members(build())
    assert list(again) == list(parts)
    for name in parts:
        assert again[name] == parts[name], name


def test_subset_follows_the_text_and_ignores_what_the_font_lacks():
    regular = FACES["regular"]
    plain = docx_fonts.truetype_subset(regular, "")
    assert docx_fonts.truetype_subset(regular, "中文") is plain  # same cache entry
    greek = TTFont(io.BytesIO(docx_fonts.truetype_subset(regular, "αβγ"))).getBestCmap()
    assert {ord("α"), ord("β"), ord("γ")} <= set(greek)
    assert ord("α") not in TTFont(io.BytesIO(plain)).getBestCmap()


def test_other_fonts_are_listed_after_the_family():
    parts = members(build(other_fonts=["Times New Roman", "Noto Sans", FAMILY]))
    table = etree.fromstring(parts["word/fontTable.xml"])
    entries = table.findall(w("font"))
    assert [e.get(w("name")) for e in entries] == [FAMILY, "Times New Roman", "Noto Sans"]
    # python-docx's description of Times New Roman is kept, with no embedding.
    assert entries[1].find(w("panose1")).get(w("val")) == "02020603050405020304"
    assert len(entries[2]) == 0


def test_wrong_family_or_face_is_refused():
    document = Document()
    with pytest.raises(ValueError, match="family"):
        embed_fonts(document, "Linux Biolinum O", {"regular": FACES["regular"]}, "a")
    with pytest.raises(ValueError, match="faces"):
        embed_fonts(document, FAMILY, {"semibold": FACES["bold"]}, "a")


# --- LibreOffice on a machine without the font ----------------------------------------------


def to_pdf(docx_bytes: bytes, work: Path) -> Path:
    """Convert with LibreOffice, seeing only the DejaVu fonts."""
    work.mkdir()
    source = work / "document.docx"
    source.write_bytes(docx_bytes)
    return libreoffice.to_pdf([source], work)[source]


def pdf_text(pdf: Path) -> str:
    result = subprocess.run([libreoffice.tool("pdftotext"), "-enc", "UTF-8", str(pdf), "-"],
                            capture_output=True, text=True, timeout=60, check=True)
    return result.stdout


def test_libreoffice_shows_the_embedded_font_where_it_is_not_installed(docx, tmp_path):
    pdf = to_pdf(docx, tmp_path / "embedded")
    fonts = libreoffice.pdf_fonts(pdf)
    libertine = {name for name in fonts if "Libertine" in name}
    assert libertine == {"LinLibertineO", "LinLibertineOI", "LinLibertineOB",
                         "LinLibertineOBI"}, fonts
    assert all(fonts[name] for name in libertine), fonts
    assert not [name for name in fonts if "DejaVu" in name], fonts
    text = " ".join(pdf_text(pdf).split())
    assert "représentants" in text and "l’œuvre" in text and "éénparigheid" in text


def test_libreoffice_without_the_embedded_font_falls_back_to_dejavu(tmp_path):
    """The control: the font really is hidden from LibreOffice in these tests."""
    fonts = libreoffice.pdf_fonts(to_pdf(build(embed=False), tmp_path / "plain"))
    assert [name for name in fonts if "DejaVu" in name], fonts
    assert not [name for name in fonts if "Libertine" in name], fonts
