"""Embed a typeface in a DOCX, so that Word and LibreOffice show it on a
machine where it is not installed.

What Word reads (ECMA-376 Part 1, §17.8 "Fonts"):

* each face is an "Embedded Font" part, ``/word/fonts/fontN.odttf``, of
  content type ``application/vnd.openxmlformats-officedocument.obfuscatedFont``,
  related from the font table part with the relationship type ``…/font``;
* ``word/fontTable.xml`` has a ``w:font`` for the family whose
  ``w:embedRegular`` / ``w:embedBold`` / ``w:embedItalic`` /
  ``w:embedBoldItalic`` children give the relationship id and the ``w:fontKey``
  GUID of each face;
* ``word/settings.xml`` has ``w:embedTrueTypeFonts``;
* the parts hold TrueType fonts: Word embeds TrueType outlines only, so the
  CFF ("OTTO") outlines of the bundled OpenType fonts are converted to
  quadratic ``glyf`` outlines here;
* a part is "obfuscated" (§17.8.1): its first 32 bytes are XORed with the 16
  bytes of the font key GUID taken in reverse order of the GUID string, i.e.
  for ``{001B70DC-AA60-4AD5-90EC-18A0948E1EAE}`` the key is the bytes
  ``AE 1E 8E 94 A0 18 EC 90 D5 4A 60 AA DC 70 1B 00`` (the spec's own
  example), applied to bytes 0–15 and again to bytes 16–31.

Each face is subset to the characters of the document plus the repertoire a
clerk typing French or Dutch needs (`CLERK_REPERTOIRE`), so that editing the
document in Word keeps the typeface; every OpenType layout feature is kept
(small capitals, old-style figures, ligatures, kerning…), and so are all the
names (the licence among them).

Neither ``w:saveSubsetFonts`` nor ``w:subsetted`` is written, on purpose:
the first tells Word to embed, when it saves the document again, only the
characters then used, which would drop the clerk's repertoire at the first
save in Word; the second only describes a part, and the subset here is meant
to be edited with like a whole font (LibreOffice ignores the attribute).

Everything is deterministic: the same fonts and characters give the same
bytes, the font key being derived from the font bytes and fontTools being
told not to stamp the current time. Conversions are cached per process
and between processes (`render/disk_cache.py`: about a second of each DOCX
build otherwise), keyed by the font's bytes, the characters and this code.

This module depends only on fontTools, lxml, python-docx, the standard
library and hemicycle's disk cache.
"""
from __future__ import annotations

import copy
import functools
import hashlib
import io
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from os import PathLike
from pathlib import Path

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables import ttProgram
from lxml import etree

from ...disk_cache import cached_bytes

__all__ = ["CLERK_REPERTOIRE", "FONT_CONTENT_TYPE", "FACES", "embed_fonts", "obfuscate",
           "deobfuscate", "font_key", "truetype_subset"]

FONT_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.obfuscatedFont"

#: The faces, in the order of their elements in CT_Font, with those elements.
FACES = {"regular": "embedRegular", "bold": "embedBold", "italic": "embedItalic",
         "boldItalic": "embedBoldItalic"}


def _chars(*ranges: tuple[int, int] | str) -> str:
    out = []
    for item in ranges:
        if isinstance(item, str):
            out.append(item)
        else:
            out.append("".join(chr(c) for c in range(item[0], item[1] + 1)))
    return "".join(out)


#: What a clerk typing French or Dutch in Word may need beyond the characters
#: the document has: Basic Latin, Latin-1 Supplement, Latin Extended-A (œ Œ Ÿ
#: ĳ Ĳ…), the rest of Windows-1252 but ƒ, the spaces and punctuation of
#: French typography, Word's AutoCorrect results (… – — “ ” ’ → ™…), the
#: combining accents of Dutch stress marks (íj́), superscript digits.
CLERK_REPERTOIRE = _chars(
    (0x0020, 0x007E),          # Basic Latin
    (0x00A0, 0x00FF),          # Latin-1 Supplement (no-break space, « », ¹ ² ³, ª º, soft hyphen)
    (0x0100, 0x017F),          # Latin Extended-A
    "\u02C6\u02DC",            # ˆ ˜ (Windows-1252)
    "\u0300\u0301\u0308",      # combining grave, acute, diaeresis
    "\u2002\u2003\u2007\u2008\u2009\u200A\u202F",  # en, em, figure, punctuation, thin, hair,
                                                   # narrow no-break spaces
    (0x2010, 0x2015),          # ‐ ‑ ‒ – — ―
    (0x2018, 0x201F),          # ‘ ’ ‚ ‛ “ ” „ ‟
    "\u2020\u2021\u2022\u2026\u2030\u2032\u2033\u2039\u203A\u2044",  # † ‡ • … ‰ ′ ″ ‹ › ⁄
    "\u2070\u2074\u2075\u2076\u2077\u2078\u2079",  # ⁰ ⁴ … ⁹ (¹ ² ³ are in Latin-1)
    "\u20AC\u2116\u2122\u2190\u2192\u21D2\u2212",  # € № ™ ← → ⇒ −
)

# CT_Settings children that come before w:embedTrueTypeFonts (ECMA-376 Part 1,
# §17.15.1.78, the sequence of CT_Settings).
_SETTINGS_BEFORE_EMBED = ("writeProtection", "view", "zoom", "removePersonalInformation",
                          "removeDateAndTime", "doNotDisplayPageBoundaries",
                          "displayBackgroundShape", "printPostScriptOverText",
                          "printFractionalCharacterWidth", "printFormsData")

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# Fixed namespace of the font keys: uuid5(this, sha256 of the font) is the key.
_KEY_NAMESPACE = uuid.UUID("6f1d3a52-8c4e-5b0a-9e27-3d5c1b7f4a90")

# Largest distance, in font units, between a cubic CFF curve and its quadratic
# approximation (1/1000 em for Linux Libertine, as fontTools' otf2ttf uses).
_MAX_ERR = 1.0


def _w(tag: str) -> str:
    return f"{{{_W}}}{tag}"


# --- obfuscation ---------------------------------------------------------------------------


def _key_bytes(font_key: str) -> bytes:
    """The 16-byte XOR key of a ``w:fontKey``: the GUID's hex digits as they are
    written, read as bytes, last byte first (§17.8.1; LibreOffice reads digit
    pairs at string positions 35, 33, … 3, 1 of ``{…}``)."""
    digits = font_key.strip().strip("{}").replace("-", "")
    if len(digits) != 32:
        raise ValueError(f"not a font key GUID: {font_key!r}")
    try:
        return bytes.fromhex(digits)[::-1]
    except ValueError:
        raise ValueError(f"not a font key GUID: {font_key!r}") from None


def obfuscate(data: bytes, font_key: str) -> bytes:
    """XOR the first 32 bytes of `data` with the key of `font_key` (bytes 0–15
    and again 16–31); the rest is unchanged. The operation is its own inverse."""
    if len(data) < 32:
        raise ValueError("a font is at least 32 bytes long")
    key = _key_bytes(font_key)
    head = bytes(b ^ key[i % 16] for i, b in enumerate(data[:32]))
    return head + bytes(data[32:])


def deobfuscate(data: bytes, font_key: str) -> bytes:
    """The font in an ``.odttf`` part whose ``w:fontKey`` is `font_key`."""
    return obfuscate(data, font_key)


def font_key(font: bytes) -> str:
    """A GUID for ``w:fontKey``, derived from the font bytes (so the same font
    gets the same key), in upper case: LibreOffice reads only the digits 0-9
    and A-F."""
    digest = hashlib.sha256(font).hexdigest()
    return "{" + str(uuid.uuid5(_KEY_NAMESPACE, digest)).upper() + "}"


# --- conversion ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Face:
    data: bytes          # the TrueType font, not obfuscated
    family: str          # its name ID 1 (Windows, else any platform)


def truetype_subset(path: str | PathLike, text: str) -> bytes:
    """The font at `path` as TrueType, subset to `text` and `CLERK_REPERTOIRE`
    with every layout feature. Cached (path, mtime, size, characters)."""
    return _face(Path(path), _character_key(text)).data


def _character_key(text: str) -> str:
    """The characters to keep, sorted, as one string (a hashable cache key)."""
    chars = set(CLERK_REPERTOIRE)
    chars.update(c for c in text if c >= " " and not ("\x7f" <= c <= "\x9f")
                 and not ("\ud800" <= c <= "\udfff"))
    return "".join(sorted(chars))


def _face(path: Path, characters: str) -> _Face:
    stat = path.stat()
    key = (str(path.resolve()), stat.st_mtime_ns, stat.st_size)
    # Characters the font lacks change nothing: leave them out of the cache key.
    mapped = _mapped(*key)
    characters = "".join(c for c in characters if ord(c) in mapped)
    return _converted(*key, characters)


@functools.lru_cache(maxsize=16)
def _mapped(path: str, mtime_ns: int, size: int) -> frozenset[int]:
    del mtime_ns, size
    return frozenset(TTFont(path, lazy=True).getBestCmap())


@functools.lru_cache(maxsize=64)
def _converted(path: str, mtime_ns: int, size: int, characters: str) -> _Face:
    del mtime_ns, size  # parts of the cache key only
    data = cached_bytes("truetype", [Path(path).read_bytes(), characters.encode("utf-8"),
                                     _code_version()],
                        lambda: _truetype(path, characters))
    return _Face(data, _family_name(TTFont(io.BytesIO(data), lazy=True)))


@functools.cache
def _code_version() -> bytes:
    """What else decides a conversion: this module's code and fontTools'."""
    import fontTools
    return Path(__file__).read_bytes() + fontTools.version.encode()


def _truetype(path: str, characters: str) -> bytes:
    font = TTFont(path, lazy=False, recalcTimestamp=False, recalcBBoxes=True)
    options = subset.Options()
    options.layout_features = ["*"]
    options.layout_scripts = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True
    options.glyph_names = True
    options.recalc_timestamp = False
    options.drop_tables = [*options.drop_tables, "FFTM", "MATH"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in characters])
    subsetter.subset(font)
    if "CFF " in font:
        _cff_to_glyf(font)
    elif "glyf" not in font:
        raise ValueError(f"{path}: neither CFF nor TrueType outlines")
    out = io.BytesIO()
    font.save(out, reorderTables=True)
    return out.getvalue()


def _cff_to_glyf(font: TTFont) -> None:
    """Replace the CFF outlines of `font` by quadratic TrueType ones, and make
    the tables that depend on the outline format (maxp, post, head, hmtx) fit."""
    order = font.getGlyphOrder()
    glyph_set = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(None)
        # CFF contours run counter-clockwise, TrueType ones clockwise.
        glyph_set[name].draw(Cu2QuPen(pen, _MAX_ERR, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del glyph_set
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")

    hmtx = font["hmtx"]
    for name in order:
        glyph = glyf.glyphs[name]
        if glyph.numberOfContours:
            glyph.recalcBounds(glyf)
            hmtx[name] = (hmtx[name][0], glyph.xMin)
        else:
            hmtx[name] = (hmtx[name][0], 0)

    # An unhinted TrueType font: no instructions, but the gasp and prep that
    # turn on smoothing and dropout control (what is usual for unhinted fonts),
    # so that Windows renders it without hints well at small sizes.
    gasp = newTable("gasp")
    gasp.version = 1
    gasp.gaspRange = {0xFFFF: 0x000F}
    font["gasp"] = gasp
    prep = newTable("prep")
    prep.program = ttProgram.Program()
    prep.program.fromAssembly(["PUSHW[ ]", "511", "SCANCTRL[ ]", "PUSHB[ ]", "4", "SCANTYPE[ ]"])
    font["prep"] = prep

    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for field in ("maxPoints", "maxContours", "maxCompositePoints", "maxCompositeContours",
                  "maxTwilightPoints", "maxStorage", "maxFunctionDefs", "maxInstructionDefs",
                  "maxSizeOfInstructions", "maxComponentElements", "maxComponentDepth"):
        setattr(maxp, field, 0)
    maxp.maxZones = 1
    maxp.maxStackElements = 1  # the prep program pushes one value at a time

    post = font["post"]
    post.formatType = 2.0   # keep the glyph names, which CFF held
    post.extraNames = []
    post.mapping = {}
    post.glyphOrder = order

    font["head"].glyphDataFormat = 0
    font.sfntVersion = "\x00\x01\x00\x00"


def _family_name(font: TTFont) -> str:
    name = font["name"]
    record = (name.getName(1, 3, 1, 0x409) or name.getName(1, 3, 1)
              or name.getName(1, 1, 0, 0))
    if record is None:
        return name.getDebugName(1) or ""
    return record.toUnicode()


# --- the font table entry ------------------------------------------------------------------


@functools.lru_cache(maxsize=16)
def _descriptor(path: str, mtime_ns: int, size: int
                ) -> tuple[tuple[str, tuple[tuple[str, str], ...]], ...]:
    """The w:panose1, w:charset, w:family, w:pitch and w:sig of a face, from its
    OS/2, post and cmap tables (of the whole font: they describe the family)."""
    del mtime_ns, size
    font = TTFont(path, lazy=True)
    os2 = font["OS/2"]
    panose = os2.panose
    panose_hex = "".join(f"{getattr(panose, field):02X}" for field in (
        "bFamilyType", "bSerifStyle", "bWeight", "bProportion", "bContrast",
        "bStrokeVariation", "bArmStyle", "bLetterForm", "bMidline", "bXHeight"))
    symbol = any(t.platformID == 3 and t.platEncID == 0 for t in font["cmap"].tables)
    fixed = bool(font["post"].isFixedPitch) or panose.bProportion == 9
    family_class = os2.sFamilyClass >> 8
    if fixed:
        family = "modern"
    elif family_class in (1, 2, 3, 4, 5, 7):
        family = "roman"
    elif family_class == 8:
        family = "swiss"
    elif family_class == 10:
        family = "script"
    elif family_class in (9, 12):
        family = "decorative"
    else:
        family = "auto"
    sig = {"usb0": os2.ulUnicodeRange1, "usb1": os2.ulUnicodeRange2,
           "usb2": os2.ulUnicodeRange3, "usb3": os2.ulUnicodeRange4,
           "csb0": getattr(os2, "ulCodePageRange1", 0), "csb1": getattr(os2, "ulCodePageRange2", 0)}
    return (
        ("panose1", (("val", panose_hex),)),
        ("charset", (("val", "02" if symbol else "00"),)),
        ("family", (("val", family),)),
        ("pitch", (("val", "fixed" if fixed else "variable"),)),
        ("sig", tuple((key, f"{value:08X}") for key, value in sig.items())),
    )


# --- the package ---------------------------------------------------------------------------


def embed_fonts(document, family: str, faces: Mapping[str, str | PathLike], text: str, *,
                other_fonts: Iterable[str] = ()) -> None:
    """Embed `family` in the python-docx `document` (before it is saved).

    `faces` maps "regular", "italic", "bold" and "boldItalic" (any of them) to
    font files, CFF-flavoured OpenType or TrueType; `text` is every character
    the document shows. The font table is rewritten to list `family` and then
    `other_fonts` (in that order; their entries are kept from the old table
    when it has them), and nothing else; settings get ``w:embedTrueTypeFonts``.

    Raises ValueError for an unknown face or a font whose family name (name
    ID 1) is not `family`, since Word finds the embedded faces by that name.
    """
    unknown = sorted(set(faces) - set(FACES))
    if unknown or not faces:
        raise ValueError(f"faces must be among {list(FACES)}, got {list(faces)}")
    characters = _character_key(text)
    converted = {}
    for face in FACES:
        if face in faces:
            found = _face(Path(faces[face]), characters)
            if found.family != family:
                raise ValueError(f"{faces[face]}: family {found.family!r}, not {family!r}")
            converted[face] = found

    first = Path(faces["regular"] if "regular" in faces else faces[next(iter(converted))])
    stat = first.stat()
    descriptor = _descriptor(str(first.resolve()), stat.st_mtime_ns, stat.st_size)

    main = document.part
    package = main.package
    old = _font_table_part(main)
    old_root = etree.fromstring(old.blob) if old is not None else None
    nsmap = dict(old_root.nsmap) if old_root is not None else {}
    nsmap.setdefault("w", _W)
    nsmap.setdefault("r", _R)
    root = etree.Element(_w("fonts"), nsmap=nsmap)
    if old_root is not None:
        for name, value in old_root.attrib.items():
            root.set(name, value)

    partname = old.partname if old is not None else PackURI("/word/fontTable.xml")
    if old is not None:
        for rId, rel in list(main.rels.items()):
            if rel.reltype == RT.FONT_TABLE:
                main.drop_rel(rId)
    table = XmlPart(partname, CT.WML_FONT_TABLE, root, package)
    main.relate_to(table, RT.FONT_TABLE)

    entry = etree.SubElement(root, _w("font"))
    entry.set(_w("name"), family)
    for tag, attributes in descriptor:
        child = etree.SubElement(entry, _w(tag))
        for name, value in attributes:
            child.set(_w(name), value)
    for number, (face, found) in enumerate(converted.items(), start=1):
        key = font_key(found.data)
        part = Part(PackURI(f"/word/fonts/font{number}.odttf"), FONT_CONTENT_TYPE,
                    obfuscate(found.data, key), package)
        rId = table.relate_to(part, RT.FONT)
        embed = etree.SubElement(entry, _w(FACES[face]))
        embed.set(f"{{{_R}}}id", rId)
        embed.set(_w("fontKey"), key)

    kept = {}
    if old_root is not None:
        for font in old_root.findall(_w("font")):
            kept.setdefault(font.get(_w("name")), font)
    listed = {family}
    for name in other_fonts:
        if name in listed:
            continue
        listed.add(name)
        if name in kept:
            other = copy.deepcopy(kept[name])
            for child in list(other):
                if child.tag in {_w(tag) for tag in FACES.values()}:
                    other.remove(child)
        else:
            other = etree.Element(_w("font"))
            other.set(_w("name"), name)
        root.append(other)

    _embed_setting(document.settings.element)


def _font_table_part(main):
    for rel in main.rels.values():
        if rel.reltype == RT.FONT_TABLE and not rel.is_external:
            return rel.target_part
    return None


def _embed_setting(settings) -> None:
    """Put ``w:embedTrueTypeFonts`` in `settings` at its place in CT_Settings."""
    for old in settings.findall(_w("embedTrueTypeFonts")):
        settings.remove(old)
    element = settings.makeelement(_w("embedTrueTypeFonts"), {})
    before = {_w(tag) for tag in _SETTINGS_BEFORE_EMBED}
    index = 0
    for position, child in enumerate(settings):
        if child.tag in before:
            index = position + 1
    settings.insert(index, element)
