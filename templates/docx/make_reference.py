"""Regenerate `templates/docx/reference.docx`, the base of every DOCX hemicycle writes.

    .venv/bin/python templates/docx/make_reference.py

The reference holds the page set-up (A4, margins), the document settings
(footnote separators, odd/even headers, hyphenation) and every named style the
writer uses. The writer looks styles up by NAME, so a clerk may also restyle
reference.docx directly in Word or LibreOffice (keep the style names) instead of
editing this script; running the script again overwrites such changes.

Units: twips (1/20 pt; 567 = 1 cm) for lengths, half-points for font sizes.
"""
from __future__ import annotations

import io
import sys
from datetime import date, datetime
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
from render.writers.docx.package import stable_zip  # noqa: E402

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

FONT = "Linux Libertine O"
LANG = "fr-BE"            # default; every run of the writer carries its own tag

# --- page -------------------------------------------------------------------
PAGE_W, PAGE_H = 11906, 16838                  # A4
MARGIN_TOP, MARGIN_BOTTOM = 1531, 1418          # 2.7 cm, 2.5 cm
MARGIN_INNER, MARGIN_OUTER = 1134, 1134         # 2 cm each side
HEADER, FOOTER = 794, 624                       # 1.4 cm, 1.1 cm from the edge
TEXT_W = PAGE_W - MARGIN_INNER - MARGIN_OUTER   # 9638
HALF_GUTTER = 142                               # 0.25 cm each side of the middle

# --- styles -----------------------------------------------------------------
# (type, name, styleId, basedOn, pPr, rPr, extra) — pPr/rPr children in schema order.
_spacing = lambda before=0, after=0, line=None: (  # noqa: E731
    f'<w:spacing w:before="{before}" w:after="{after}"'
    + (f' w:line="{line}" w:lineRule="auto"' if line else "") + "/>")
_right_tab = f'<w:tabs><w:tab w:val="right" w:pos="{TEXT_W}"/></w:tabs>'
_header_tabs = (f'<w:tabs><w:tab w:val="center" w:pos="{TEXT_W // 2}"/>'
                f'<w:tab w:val="right" w:pos="{TEXT_W}"/></w:tabs>')


def _indent(left: int, hanging: int = 0, first: int = 0) -> str:
    return (f'<w:ind w:left="{left}"' + (f' w:hanging="{hanging}"' if hanging else "")
            + (f' w:firstLine="{first}"' if first else "") + "/>")


def _request(depth: int) -> tuple:
    hanging = (340, 454, 567, 680)[depth - 1]
    left = sum((340, 454, 567, 680)[:depth])
    return ("paragraph", f"Request {depth}", f"Request{depth}", "BodyText",
            _spacing(after=80) + _indent(left, hanging), "", "")


STYLES = [
    # paragraphs ---------------------------------------------------------------
    ("paragraph", "Normal", "Normal", None, '<w:widowControl/>' + _spacing(), "", "default"),
    ("paragraph", "Body Text", "BodyText", "Normal",
     _spacing(after=100) + _indent(0, first=284) + '<w:jc w:val="both"/>', "", ""),
    ("paragraph", "Section Heading", "SectionHeading", "Normal",
     '<w:keepNext/><w:suppressAutoHyphens/>' + _spacing(after=240) + '<w:jc w:val="center"/><w:outlineLvl w:val="0"/>',
     '<w:b/><w:bCs/><w:spacing w:val="20"/>', ""),
    ("paragraph", "Salutation", "Salutation", "Normal",
     '<w:keepNext/>' + _spacing(after=120) + _indent(0, first=284), '<w:smallCaps/>', ""),
    ("paragraph", "Subheading", "Subheading", "Normal",
     '<w:keepNext/><w:suppressAutoHyphens/>' + _spacing(before=100, after=100) + '<w:outlineLvl w:val="1"/>',
     '<w:b/><w:bCs/>', ""),
    ("paragraph", "Signature", "Signature", "Normal",
     _spacing(before=360, after=120) + '<w:jc w:val="right"/>', "", ""),
    ("paragraph", "Resolution Heading", "ResolutionHeading", "Normal",
     '<w:keepNext/><w:suppressAutoHyphens/>' + _spacing(after=240) + '<w:jc w:val="center"/><w:outlineLvl w:val="0"/>',
     '<w:b/><w:bCs/><w:spacing w:val="20"/>', ""),
    ("paragraph", "Resolution Opening", "ResolutionOpening", "Normal",
     '<w:keepNext/>' + _spacing(after=160) + _indent(0, first=284), '<w:smallCaps/>', ""),
    ("paragraph", "Considerant", "Considerant", "BodyText",
     _spacing(after=80) + _indent(340, 340), "", ""),
    _request(1), _request(2), _request(3), _request(4),
    # the text adopted: its title under the document type
    ("paragraph", "Resolution Title", "ResolutionTitle", "Normal",
     '<w:keepNext/><w:suppressAutoHyphens/>' + _spacing(after=240) + '<w:jc w:val="center"/>',
     '<w:b/><w:bCs/>', ""),
    # a set of amendments: per amendment its number and authors, the item it
    # acts on, the instruction, the new text quoted, JUSTIFICATION, its paragraphs
    # (Body Text) and the signatures (Signature)
    ("paragraph", "Amendment Heading", "AmendmentHeading", "Normal",
     '<w:keepNext/><w:suppressAutoHyphens/>' + _spacing(before=320, after=120)
     + '<w:jc w:val="center"/><w:outlineLvl w:val="1"/>',
     '<w:b/><w:bCs/><w:spacing w:val="6"/>', ""),
    ("paragraph", "Amendment Target", "AmendmentTarget", "Normal",
     '<w:keepNext/><w:suppressAutoHyphens/>' + _spacing(after=100)
     + '<w:jc w:val="center"/><w:outlineLvl w:val="2"/>', '<w:i/><w:iCs/>', ""),
    ("paragraph", "Amendment Instruction", "AmendmentInstruction", "BodyText",
     '<w:keepNext/>' + _spacing(after=100), "", ""),
    # the new item with its label (`“Cbis.`): the writer sets the hanging indent
    ("paragraph", "Amendment Text", "AmendmentText", "BodyText",
     _spacing(after=100) + _indent(680, 680), "", ""),
    # a new title, a new item without a label: quoted, indented
    ("paragraph", "Amendment Quote", "AmendmentQuote", "BodyText",
     _spacing(after=100) + '<w:ind w:left="284" w:firstLine="0"/>', "", ""),
    ("paragraph", "Justification Heading", "JustificationHeading", "Normal",
     '<w:keepNext/><w:suppressAutoHyphens/>' + _spacing(before=60, after=100)
     + '<w:jc w:val="center"/><w:outlineLvl w:val="2"/>', '<w:spacing w:val="12"/>', ""),
    # cover and back cover
    # the document number over the two top corners, a rule under it (as the PDF's cover)
    ("paragraph", "Cover Number", "CoverNumber", "Normal",
     '<w:pBdr><w:bottom w:val="single" w:sz="10" w:space="14" w:color="000000"/></w:pBdr>'
     + _right_tab + '<w:suppressAutoHyphens/>' + _spacing(after=340),
     '<w:b/><w:bCs/><w:sz w:val="48"/><w:szCs w:val="48"/>', ""),
    ("paragraph", "Cover Chamber", "CoverChamber", "Normal",
     '<w:suppressAutoHyphens/>' + _spacing(after=0),
     '<w:b/><w:bCs/><w:spacing w:val="10"/><w:sz w:val="20"/><w:szCs w:val="20"/>', ""),
    ("paragraph", "Cover Date", "CoverDate", "Normal", _spacing(before=454, after=340),
     '<w:sz w:val="21"/><w:szCs w:val="21"/>', ""),
    ("paragraph", "Cover Rule", "CoverRule", "Normal",
     '<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>'
     + _spacing(after=480, line=240), '<w:sz w:val="12"/><w:szCs w:val="12"/>', ""),
    ("paragraph", "Cover Doctype", "CoverDoctype", "Normal",
     '<w:keepNext/><w:suppressAutoHyphens/>' + _spacing(before=0, after=280),
     '<w:b/><w:bCs/><w:spacing w:val="10"/><w:sz w:val="30"/><w:szCs w:val="30"/>', ""),
    ("paragraph", "Cover Title", "CoverTitle", "Normal",
     '<w:keepNext/><w:suppressAutoHyphens/>' + _spacing(after=340),
     '<w:b/><w:bCs/><w:sz w:val="27"/><w:szCs w:val="27"/>', ""),
    ("paragraph", "Cover Authors", "CoverAuthors", "Normal",
     '<w:suppressAutoHyphens/>' + _spacing(after=480),
     '<w:sz w:val="21"/><w:szCs w:val="21"/>', ""),
    # a later sub-document: AMENDEMENTS or TEXTE ADOPTÉ PAR …, where they are
    # tabled, and the dossier's history (`Voir:`, `Doc 56 0589/ (2024/2025):`, `001: …`)
    ("paragraph", "Cover Subdocument", "CoverSubdocument", "Normal",
     '<w:keepNext/><w:suppressAutoHyphens/>' + _spacing(after=100),
     '<w:b/><w:bCs/><w:spacing w:val="6"/><w:sz w:val="27"/><w:szCs w:val="27"/>', ""),
    ("paragraph", "Cover Stage", "CoverStage", "Normal",
     '<w:suppressAutoHyphens/>' + _spacing(after=480),
     '<w:sz w:val="21"/><w:szCs w:val="21"/>', ""),
    ("paragraph", "History", "History", "Normal", '<w:suppressAutoHyphens/>' + _spacing(after=20),
     '<w:sz w:val="18"/><w:szCs w:val="18"/>', ""),
    ("paragraph", "History Heading", "HistoryHeading", "History",
     '<w:keepNext/>' + _spacing(before=240, after=60), '<w:b/><w:bCs/>', ""),
    ("paragraph", "History Item", "HistoryItem", "History", _spacing(after=20) + _indent(432, 432),
     "", ""),
    ("paragraph", "Summary Heading", "SummaryHeading", "Normal",
     '<w:keepNext/>' + _spacing(before=60, after=120) + '<w:jc w:val="center"/>',
     '<w:b/><w:bCs/><w:spacing w:val="20"/>', ""),
    ("paragraph", "Summary Text", "SummaryText", "Normal",
     _spacing(after=60) + '<w:jc w:val="both"/>', '<w:sz w:val="19"/><w:szCs w:val="19"/>', ""),
    ("paragraph", "Session Strip", "SessionStrip", "Normal",
     '<w:pBdr><w:top w:val="single" w:sz="6" w:space="4" w:color="000000"/></w:pBdr>'
     + _right_tab + _spacing(), '<w:spacing w:val="10"/><w:sz w:val="15"/><w:szCs w:val="15"/>', ""),
    ("paragraph", "Legend", "Legend", "Normal", _spacing(after=20),
     '<w:sz w:val="16"/><w:szCs w:val="16"/>', ""),
    ("paragraph", "Legend Heading", "LegendHeading", "Legend",
     '<w:keepNext/>' + _spacing(before=360, after=80), '<w:b/><w:bCs/>', ""),
    ("paragraph", "Publisher", "Publisher", "Legend", _spacing(),
     '<w:i/><w:iCs/>', ""),
    # notes, page furniture, helpers
    # notes: the number hangs in the indent (writer: number, tab, text)
    ("paragraph", "footnote text", "FootnoteText", "Normal",
     _spacing(after=40) + _indent(170, 170) + '<w:jc w:val="left"/>',
     '<w:sz w:val="16"/><w:szCs w:val="16"/>', "semi"),
    ("paragraph", "Note Spacer", "NoteSpacer", "Normal",
     _spacing(line=240), '<w:sz w:val="2"/><w:szCs w:val="2"/>', ""),
    ("paragraph", "Page Start", "PageStart", "Normal",
     '<w:pageBreakBefore/>' + _spacing(line=240), '<w:sz w:val="2"/><w:szCs w:val="2"/>', ""),
    ("paragraph", "header", "Header", "Normal", _header_tabs + _spacing(),
     '<w:sz w:val="18"/><w:szCs w:val="18"/>', "semi"),
    # the session strip at the foot of text pages: capitals set small, letter-spaced;
    # the writer puts it at the outer edge (right on odd pages, left on even)
    ("paragraph", "footer", "Footer", "Normal", '<w:suppressAutoHyphens/>' + _spacing(),
     '<w:spacing w:val="20"/><w:sz w:val="12"/><w:szCs w:val="12"/>', "semi"),
    # characters ---------------------------------------------------------------
    ("character", "Default Paragraph Font", "DefaultParagraphFont", None, "", "", "default"),
    ("character", "Lead Verb", "LeadVerb", "DefaultParagraphFont", "", '<w:smallCaps/>', ""),
    ("character", "Emphasis", "Emphasis", "DefaultParagraphFont", "", '<w:i/><w:iCs/>', ""),
    ("character", "footnote reference", "FootnoteReference", "DefaultParagraphFont", "",
     '<w:vertAlign w:val="superscript"/>', "semi"),
    ("character", "Label", "Label", "DefaultParagraphFont", "", "", ""),
    # tables -------------------------------------------------------------------
    ("table", "Normal Table", "TableNormal", None, "", "", "default"),
    ("table", "Bilingual Columns", "BilingualColumns", "TableNormal", "", "", "columns"),
    ("table", "Summary Box", "SummaryBox", "TableNormal", "", "", "box"),
    ("numbering", "No List", "NoList", None, "", "", "default"),
]

_NO_BORDERS = "".join(f'<w:{side} w:val="nil"/>'
                      for side in ("top", "left", "bottom", "right", "insideH", "insideV"))
_BOX = "".join(f'<w:{side} w:val="single" w:sz="6" w:space="0" w:color="000000"/>'
               for side in ("top", "left", "bottom", "right")) + \
    '<w:insideH w:val="nil"/><w:insideV w:val="nil"/>'


def _tblPr(borders: str, side: int, vertical: int) -> str:
    return (f'<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>{borders}</w:tblBorders>'
            f'<w:tblCellMar><w:top w:w="{vertical}" w:type="dxa"/>'
            f'<w:left w:w="{side}" w:type="dxa"/><w:bottom w:w="{vertical}" w:type="dxa"/>'
            f'<w:right w:w="{side}" w:type="dxa"/></w:tblCellMar></w:tblPr>')


def style_xml(kind, name, sid, based, ppr, rpr, extra) -> str:
    default = ' w:default="1"' if extra == "default" else ""
    parts = [f'<w:style w:type="{kind}"{default} w:styleId="{sid}"><w:name w:val="{name}"/>']
    if based:
        parts.append(f'<w:basedOn w:val="{based}"/>')
    if kind == "paragraph" and sid not in ("Normal",):
        parts.append(f'<w:next w:val="{sid}"/>')
    if extra == "semi":
        parts.append('<w:uiPriority w:val="99"/><w:unhideWhenUsed/>')
    if kind in ("paragraph", "character") and extra != "semi":
        parts.append('<w:qFormat/>')
    if kind == "table" and extra == "default":
        parts.append('<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
                     '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar>'
                     '<w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
                     '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/>'
                     '</w:tblCellMar></w:tblPr>')
    if ppr:
        parts.append(f"<w:pPr>{ppr}</w:pPr>")
    if rpr:
        parts.append(f"<w:rPr>{rpr}</w:rPr>")
    if extra == "columns":
        parts.append(_tblPr(_NO_BORDERS, HALF_GUTTER, 0))
    if extra == "box":
        parts.append(_tblPr(_BOX, 170, 113))
    parts.append("</w:style>")
    return "".join(parts)


def styles_xml() -> str:
    fonts = f'<w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/>'
    return (
        f'<w:styles xmlns:w="{W}">'
        f'<w:docDefaults><w:rPrDefault><w:rPr>{fonts}<w:kern w:val="0"/>'
        f'<w:sz w:val="20"/><w:szCs w:val="20"/>'
        f'<w:lang w:val="{LANG}" w:eastAsia="{LANG}" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>'
        f'<w:pPrDefault><w:pPr>{_spacing(line=240)}</w:pPr></w:pPrDefault></w:docDefaults>'
        + "".join(style_xml(*s) for s in STYLES) + "</w:styles>")


def settings_xml() -> str:
    return (
        f'<w:settings xmlns:w="{W}">'
        '<w:zoom w:percent="100"/>'
        '<w:defaultTabStop w:val="284"/>'
        '<w:autoHyphenation/>'
        '<w:hyphenationZone w:val="284"/>'
        '<w:evenAndOddHeaders/>'
        '<w:characterSpacingControl w:val="doNotCompress"/>'
        '<w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>'
        '<w:compat>'
        '<w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
        '<w:compatSetting w:name="overrideTableStyleFontSizeAndJustification" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
        '<w:compatSetting w:name="enableOpenTypeFeatures" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
        '<w:compatSetting w:name="doNotFlipMirrorIndents" w:uri="http://schemas.microsoft.com/office/word" w:val="1"/>'
        '</w:compat>'
        f'<w:themeFontLang w:val="{LANG}"/>'
        '<w:decimalSymbol w:val=","/><w:listSeparator w:val=";"/>'
        '</w:settings>')


def sect_pr_xml() -> str:
    return (
        f'<w:sectPr xmlns:w="{W}">'
        f'<w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/>'
        f'<w:pgMar w:top="{MARGIN_TOP}" w:right="{MARGIN_OUTER}" w:bottom="{MARGIN_BOTTOM}" '
        f'w:left="{MARGIN_INNER}" w:header="{HEADER}" w:footer="{FOOTER}" w:gutter="0"/>'
        '<w:cols w:space="708"/><w:titlePg/><w:docGrid w:linePitch="360"/>'
        '</w:sectPr>')


APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Application>hemicycle</Application><DocSecurity>0</DocSecurity>"
    "<ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>"
    "</Properties>")


def build() -> bytes:
    document = Document()
    part = document.part
    # Drop what a generated document should not inherit: the thumbnail of an
    # empty page, Word 2010's duplicate style sheet, the custom XML item, the
    # list definitions (hemicycle numbers everything itself).
    for rel_type in (RT.THUMBNAIL,):
        for rId, rel in list(part.package.rels.items()):
            if rel.reltype == rel_type:
                del part.package.rels[rId]
    for rId, rel in list(part.rels.items()):
        if rel.reltype in (STYLES_WITH_EFFECTS, RT.CUSTOM_XML, RT.NUMBERING):
            del part.rels[rId]
    part._styles_part._element = parse_xml(styles_xml())
    part._settings_part._element = parse_xml(settings_xml())
    body = document.element.body
    for child in list(body):
        body.remove(child)
    body.append(parse_xml(f'<w:p xmlns:w="{W}"/>'))
    body.append(parse_xml(sect_pr_xml()))
    core = document.core_properties
    core.author = "hemicycle"
    core.title = "hemicycle reference"
    core.comments = "Styles of the DOCX documents written by hemicycle"
    core.last_modified_by = "hemicycle"
    core.language = LANG
    core.revision = 1
    core.created = core.modified = datetime(2024, 1, 1)
    for package_part in document.part.package.iter_parts():
        if package_part.partname == "/docProps/app.xml":
            package_part._blob = APP_XML.encode("utf-8")
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue(), date(2024, 1, 1))


def main() -> None:
    target = HERE / "reference.docx"
    target.write_bytes(build())
    print(f"wrote {target}")


if __name__ == "__main__":
    main()
