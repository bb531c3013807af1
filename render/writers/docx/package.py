"""The DOCX package around the text: page set-up, settings, the footnotes
part, headers and footers, document properties, embedded fonts, and
byte-stable packaging (the same parts always give the same bytes).

python-docx stamps every zip member with the current time; `stable_zip`
rewrites the archive with one fixed date, fixed attributes and a stable member
order (`[Content_Types].xml` first, as Word writes it, then the parts in the
order python-docx wrote them, which follows the relationships and does not
depend on the clock or on hashing).
"""
from __future__ import annotations

import io
import zipfile
from copy import deepcopy
from datetime import date, datetime
from pathlib import Path

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml.ns import qn
from lxml import etree

from ...layout.page import Margins, PageSpec
from . import wml

_FIRST = "[Content_Types].xml"

# Styles whose type and leading come from templates/page.yaml.
BODY_STYLES = ("Body Text", "Section Heading", "Salutation", "Subheading", "Signature",
               "Resolution Heading", "Resolution Opening", "Considerant",
               "Request 1", "Request 2", "Request 3", "Request 4", "Resolution Title",
               "Amendment Heading", "Amendment Target", "Amendment Instruction",
               "Amendment Text", "Amendment Quote", "Justification Heading")
# Capitals set small (the PDF's all-small-caps): their size against the type size.
SMALL_CAPITALS = 0.78


# --- page set-up ------------------------------------------------------------------------

def apply_page_spec(styles, spec: PageSpec) -> None:
    """Type sizes and leading of the main styles, from page.yaml."""
    body, notes = spec.body, spec.notes
    for name in BODY_STYLES:
        styles.set_type(name, body.size.half_points, body.leading.twips if body.leading else None)
    styles.set_first_line("Body Text", spec.first_line.twips)
    styles.set_type("footnote text", notes.size.half_points,
                    notes.leading.twips if notes.leading else None)
    styles.set_type("header", spec.head.size.half_points)
    styles.set_type("footer", round(spec.strip.size.pt * 2 * SMALL_CAPITALS))
    styles.set_type("Session Strip", round(spec.strip.size.pt * 2 * SMALL_CAPITALS))
    width, cover = spec.text_width(spec.text), spec.text_width(spec.cover)
    styles.set_tabs("header", [("center", width // 2), ("right", width)])
    styles.set_tabs("Cover Number", [("right", cover)])
    styles.set_tabs("Session Strip", [("right", cover)])


def apply_label_columns(styles, labels) -> None:
    """The hanging indents of considerants and requests: the document's label columns."""
    twips = lambda pt: round(pt * 20)  # noqa: E731
    styles.set_hanging("Considerant", twips(labels.considerant), twips(labels.considerant))
    for depth in range(1, len(labels.requests) + 1):
        left, width = labels.request_indent(depth)
        styles.set_hanging(f"Request {depth}", twips(left), twips(width))
    if labels.quoted:
        styles.set_hanging("Amendment Text", twips(labels.quoted), twips(labels.quoted))


def _page_setup(sect_pr, spec: PageSpec, margins: Margins, head: int, foot: int) -> None:
    size = sect_pr.find(qn("w:pgSz"))
    if size is None:
        size = wml.el("w:pgSz")
        sect_pr.insert(0, size)
    size.set(qn("w:w"), str(spec.width.twips))
    size.set(qn("w:h"), str(spec.height.twips))
    mar = sect_pr.find(qn("w:pgMar"))
    if mar is None:
        mar = wml.el("w:pgMar")
        size.addnext(mar)
    # With mirrored margins (settings), w:left is the inner margin.
    for key, value in (("top", margins.top.twips), ("bottom", margins.bottom.twips),
                       ("left", margins.inner.twips), ("right", margins.outer.twips),
                       ("header", head), ("footer", foot), ("gutter", 0)):
        mar.set(qn(f"w:{key}"), str(value))


def cover_section(sect_pr, spec: PageSpec) -> etree._Element:
    """The section properties that end the cover and its back (no headers of the text)."""
    copy = deepcopy(sect_pr)
    for ref in copy.findall(qn("w:headerReference")) + copy.findall(qn("w:footerReference")):
        copy.remove(ref)
    for key in list(copy.attrib):
        del copy.attrib[key]  # rsids
    cover = spec.cover
    _page_setup(copy, spec, cover, cover.top.twips, cover.bottom.twips)
    return copy


def text_section(sect_pr, spec: PageSpec) -> None:
    """The text's pages: the running head's baseline `head_gap` above the
    text, the strip `foot_gap` below it."""
    m = spec.text
    head = max(m.top.twips - spec.head_gap.twips - spec.head.size.twips, 0)
    foot = max(m.bottom.twips - spec.foot_gap.twips - spec.strip.size.twips, 0)
    _page_setup(sect_pr, spec, m, head, foot)


# --- settings ----------------------------------------------------------------------------

# CT_Settings children in schema order (the ones this module may write, and
# every one that can follow them).
_SETTINGS_ORDER = (
    "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation",
    "w:removeDateAndTime", "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape",
    "w:printPostScriptOverText", "w:printFractionalCharacterWidth", "w:printFormsData",
    "w:embedTrueTypeFonts", "w:embedSystemFonts", "w:saveSubsetFonts", "w:saveFormsData",
    "w:mirrorMargins", "w:alignBordersAndEdges", "w:bordersDoNotSurroundHeader",
    "w:bordersDoNotSurroundFooter", "w:gutterAtTop", "w:hideSpellingErrors",
    "w:hideGrammaticalErrors", "w:activeWritingStyle", "w:proofState", "w:formsDesign",
    "w:attachedTemplate", "w:linkStyles", "w:stylePaneFormatFilter", "w:stylePaneSortMethod",
    "w:documentType", "w:mailMerge", "w:revisionView", "w:trackRevisions", "w:doNotTrackMoves",
    "w:doNotTrackFormatting", "w:documentProtection", "w:autoFormatOverride",
    "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop", "w:autoHyphenation",
    "w:consecutiveHyphenLimit", "w:hyphenationZone", "w:doNotHyphenateCaps", "w:showEnvelope",
    "w:summaryLength", "w:clickAndTypeStyle", "w:defaultTableStyle", "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting", "w:bookFoldPrinting", "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing", "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery", "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin", "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin", "w:doNotShadeFormData", "w:noPunctuationKerning",
    "w:characterSpacingControl", "w:printTwoOnOne", "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter", "w:noLineBreaksBefore", "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema", "w:saveInvalidXml", "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText", "w:doNotDemarcateInvalidXml", "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving", "w:saveThroughXslt", "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace", "w:updateFields", "w:hdrShapeDefaults", "w:footnotePr",
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
    "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown",
    "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
    "w:decimalSymbol", "w:listSeparator")


def set_setting(settings, element) -> None:
    """Put `element` into settings.xml in schema order, replacing one of its tag."""
    for old in settings.findall(element.tag):
        settings.remove(old)
    rank = {t: i for i, t in enumerate(_SETTINGS_ORDER)}
    name = "w:" + etree.QName(element).localname
    mine = rank[name]
    for child in settings:
        qname = etree.QName(child)
        prefix = {wml.W_NS: "w"}.get(qname.namespace, "x")
        if rank.get(f"{prefix}:{qname.localname}", -1) > mine:
            child.addprevious(element)
            return
    settings.append(element)


def settings(document) -> None:
    s = document.settings
    s.odd_and_even_pages_header_footer = True
    element = s.element
    for update in element.findall(qn("w:updateFields")):
        element.remove(update)  # stored field results are right: no prompt on opening
    set_setting(element, wml.el("w:mirrorMargins"))
    set_setting(element, wml.el("w:doNotHyphenateCaps"))
    set_setting(element, wml.el("w:footnotePr", None, wml.el("w:footnote", {"w:id": -1}),
                                wml.el("w:footnote", {"w:id": 0})))


# --- parts ---------------------------------------------------------------------------------

def add_footnotes(document, footnotes: etree._Element) -> None:
    part = document.part
    for rId, rel in list(part.rels.items()):
        if rel.reltype == RT.FOOTNOTES:  # a reference saved by Word may hold one
            del part.rels[rId]
    notes = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, _xml_bytes(footnotes),
                 part.package)
    part.relate_to(notes, RT.FOOTNOTES)


def set_story(hf, content: list) -> None:
    """Replace the content of a header or footer."""
    element = hf._element
    for child in list(element):
        element.remove(child)
    for child in content:
        element.append(child)


# --- properties ------------------------------------------------------------------------------

CUSTOM_PROPERTIES = "/docProps/custom.xml"
_CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
_VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"   # the user-defined property set
# Word keeps at most 255 characters (UTF-16 units) of a text property, core
# or custom, and python-docx refuses longer core ones.
PROPERTY_LIMIT = 255


def docproperty(name: str, result: list, props) -> list:
    """A DOCPROPERTY field showing a custom property, its result stored."""
    return wml.field(f"DOCPROPERTY {name} \\* MERGEFORMAT", result, props)


def custom_properties(doc, furn) -> dict[str, str]:
    meta = doc.meta
    return {
        "DocumentNumber": furn.document_number,
        "DocPrefix": furn.doc_prefix,
        "ShortNumber": furn.short_number,
        "Legislature": str(meta.legislature),
        "Dossier": str(meta.dossier),
        "Subdocument": str(meta.subdocument),
        "Deposited": meta.deposited.isoformat(),
        "LeadLanguage": meta.lead,
        "Session": furn.session[meta.lead].text,
        "TitleFr": f"{furn.doctype['fr']} {meta.title['fr'].plain}",
        "TitleNl": f"{furn.doctype['nl']} {meta.title['nl'].plain}",
        "Generator": "hemicycle",
    }


def _xml_bytes(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _custom_xml(values: dict[str, str]) -> bytes:
    root = etree.Element(f"{{{_CUSTOM_NS}}}Properties", nsmap={None: _CUSTOM_NS, "vt": _VT_NS})
    for pid, (name, value) in enumerate(values.items(), start=2):
        prop = etree.SubElement(root, f"{{{_CUSTOM_NS}}}property", fmtid=_CUSTOM_FMTID,
                                pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{_VT_NS}}}lpwstr").text = limited(value)
    return _xml_bytes(root)


_APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


def _app_xml(furn) -> bytes:
    root = etree.Element(f"{{{_APP_NS}}}Properties", nsmap={None: _APP_NS, "vt": _VT_NS})
    for name, value in (("Template", "reference.docx"), ("Application", "hemicycle"),
                        ("DocSecurity", "0"), ("ScaleCrop", "false"),
                        ("Company", f"{furn.chamber['fr']} / {furn.chamber['nl']}"),
                        ("LinksUpToDate", "false"), ("SharedDoc", "false"),
                        ("HyperlinksChanged", "false"), ("AppVersion", "1.0000")):
        etree.SubElement(root, f"{{{_APP_NS}}}{name}").text = limited(value)
    return _xml_bytes(root)


def _utf16_units(ch: str) -> int:
    return 2 if ord(ch) > 0xFFFF else 1


def limited(text: str, between: str = " ") -> str:
    """`text` as a document property holds it: whole when it fits, else cut
    at the last `between` (a word's end, or a name's in a list) and ended
    with "…", so that the property reads as the start of the text."""
    text = wml.clean(text)
    if sum(map(_utf16_units, text)) <= PROPERTY_LIMIT:
        return text
    room = PROPERTY_LIMIT - 1                    # one unit for "…"
    end = units = 0
    while units + _utf16_units(text[end]) <= room:
        units += _utf16_units(text[end])
        end += 1
    if not text.startswith(between, end):        # the cut falls inside a word
        boundary = text.rfind(between, 0, end)
        if boundary > end // 2:                  # unless that word fills half the room
            end = boundary
    return text[:end].rstrip() + "…"


def properties(document, doc, furn) -> None:
    """Core properties (title, authors, language…), the custom properties the
    DOCPROPERTY fields show, and the application's properties."""
    meta = doc.meta
    core = document.core_properties
    when = datetime(meta.deposited.year, meta.deposited.month, meta.deposited.day)
    core.title = limited(furn.title)
    core.subject = limited(furn.subject[meta.lead])
    core.author = limited(", ".join(a.name for a in meta.authors), between=", ")
    core.last_modified_by = "hemicycle"
    core.language = limited(furn.language_tags[meta.lead])
    core.identifier = limited(furn.document_number)
    core.keywords = limited(furn.document_number)
    core.comments = ""
    core.category = limited(furn.subject[meta.lead])
    core.revision = 1
    core.created = when
    core.modified = when
    core.last_printed = when

    package = document.part.package
    for part in package.iter_parts():
        if part.partname == "/docProps/app.xml":
            part._blob = _app_xml(furn)
    for rId, rel in list(package.rels.items()):
        if rel.reltype == RT.CUSTOM_PROPERTIES:
            del package.rels[rId]
    custom = Part(PackURI(CUSTOM_PROPERTIES), CT.OFC_CUSTOM_PROPERTIES,
                  _custom_xml(custom_properties(doc, furn)), package)
    package.relate_to(custom, RT.CUSTOM_PROPERTIES)


# --- fonts -----------------------------------------------------------------------------------

FONT_FAMILY = "Linux Libertine O"
FONT_FACES = {"regular": "LinLibertine_R.otf", "italic": "LinLibertine_RI.otf",
              "bold": "LinLibertine_RB.otf", "boldItalic": "LinLibertine_RBI.otf"}


def embed_fonts(document, templates: Path, text: str) -> None:
    """Embed the typeface, so that the document looks the same on a machine
    without it (see docx_fonts)."""
    from . import fonts
    faces = {face: templates / "fonts" / name for face, name in FONT_FACES.items()}
    fonts.embed_fonts(document, FONT_FAMILY, faces, text)


# --- the zip ---------------------------------------------------------------------------------

def save(document, when: date) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue(), when)


def stable_zip(data: bytes, when: date | None = None) -> bytes:
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0) if when else (1980, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        names = src.namelist()
        order = ([_FIRST] if _FIRST in names else []) + [n for n in names if n != _FIRST]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for name in order:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3          # Unix, whatever the build machine
                info.external_attr = 0o644 << 16
                dst.writestr(info, src.read(name), compresslevel=6)
    return out.getvalue()
