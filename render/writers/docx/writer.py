"""Model → DOCX (python-docx 1.2 plus the raw WordprocessingML it lacks).

The document is built on `templates/docx/reference.docx`, which holds the page
set-up, the settings and every named style; styles are looked up here by
name, so a clerk restyles in Word. Layout, as in the PDF:

- page 1, the cover: document number in the two top corners, chamber names,
  date, document type, title, authors, optional boxed summary; the session
  strip in the first-page footer (the cover has no running head or foot);
- page 2, the back of the cover: party legend, abbreviations legend in both
  languages, publisher;
- from page 3, the text: a borderless two-column table, one row per pair,
  lead language left; the resolution on a new page;
- one real footnote per pair, called from the lead column with
  `w:footnoteReference`; the other column's call and the numbers inside the
  note are `NOTEREF _RefFnN \\f \\h` fields whose stored result is already the
  right number; the note body is a tiny paragraph (LibreOffice hangs on a
  note that starts with a table), a two-cell table (lead left), an empty
  paragraph.

The body is written as one XML string and parsed once: no per-row python-docx
calls, so the cost stays linear in the size of the document.
"""
from __future__ import annotations

import io
import re
from copy import deepcopy
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document as open_docx
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from lxml import etree

from .package import stable_zip
from ...model.furniture import Furniture, furniture, load_wording
from ...model import (Document, Emph, Heading, NoteRef, Pair, Paragraph, Request, Salutation,
                    Signature, Str, Text)

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REFERENCE = Path("docx") / "reference.docx"
# characters XML 1.0 cannot hold (tab, line feed and carriage return are handled)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")

# What the writer needs → the style's NAME in the reference document.
STYLE_NAMES = {
    "body": "Body Text",
    "section": "Section Heading",
    "salutation": "Salutation",
    "subheading": "Subheading",
    "signature": "Signature",
    "resolution": "Resolution Heading",
    "opening": "Resolution Opening",
    "considerant": "Considerant",
    "request1": "Request 1",
    "request2": "Request 2",
    "request3": "Request 3",
    "request4": "Request 4",
    "cover_number": "Cover Number",
    "cover_chamber": "Cover Chamber",
    "cover_date": "Cover Date",
    "cover_rule": "Cover Rule",
    "cover_doctype": "Cover Doctype",
    "cover_title": "Cover Title",
    "cover_authors": "Cover Authors",
    "summary_heading": "Summary Heading",
    "summary": "Summary Text",
    "strip": "Session Strip",
    "legend": "Legend",
    "legend_heading": "Legend Heading",
    "publisher": "Publisher",
    "note_text": "footnote text",
    "note_spacer": "Note Spacer",
    "page_start": "Page Start",
    "header": "header",
    "footer": "footer",
    # character styles
    "lead_verb": "Lead Verb",
    "emphasis": "Emphasis",
    "note_ref": "footnote reference",
    "label": "Label",
    # table styles
    "columns": "Bilingual Columns",
    "box": "Summary Box",
}



# A row that calls a note is kept on one page (w:cantSplit), so that both
# calls and the note stand together. Word cuts off a row that cannot split
# and is taller than a page, so only rows well under a page are kept whole:
# about 36 lines of a column (some 50 characters a line).
KEEP_WHOLE_MAX_CHARS = 1800


def keeps_whole(*pairs: Pair | None) -> bool:
    return sum(max(len(p.fr.plain), len(p.nl.plain)) for p in pairs if p is not None) \
        <= KEEP_WHOLE_MAX_CHARS

class DocxTemplateError(Exception):
    pass


def render_docx(doc: Document, templates: Path) -> bytes:
    reference = templates / REFERENCE
    if not reference.is_file():
        raise DocxTemplateError(f"{reference} is missing; run templates/docx/make_reference.py")
    furn = furniture(doc, templates)
    document = open_docx(str(reference))
    styles = _style_ids(document)
    writer = _Writer(doc, furn, styles, _text_width(document),
                     _cell_margin(document, styles["columns"]),
                     load_wording(templates)["chamber_short"])

    body = document.element.body
    sect_pr = body.find(qn("w:sectPr"))
    if sect_pr is None:
        raise DocxTemplateError("templates/docx/reference.docx has no section properties")
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    # The paragraph that ends the cover section; python-docx sets up the
    # headers of both sections on this small tree, then the text is spliced
    # in as a string and the whole part parsed once (moving thousands of
    # elements into a tree one by one is quadratic in lxml).
    cover_end = parse_xml(f'<w:p xmlns:w="{W_NS}"><w:pPr><w:pStyle w:val="{styles["note_spacer"]}"/>'
                          f'{_cover_sect_pr(sect_pr)}</w:pPr></w:p>')
    sect_pr.addprevious(cover_end)
    front, text = writer.body()
    _add_footnotes_part(document, writer.footnotes())
    _settings(document)
    _headers_and_footers(document, writer)
    _core_properties(document, doc, furn)

    xml = etree.tostring(document.element, encoding="unicode")
    head, rest = xml.split("<w:body>", 1)
    inner, tail = rest.rsplit("</w:body>", 1)
    split = inner.index("</w:p>") + len("</w:p>")  # after the cover's closing paragraph
    document.part._element = parse_xml(
        f"{head}<w:body>{front}{inner[:split]}{text}{inner[split:]}</w:body>{tail}")

    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue(), doc.meta.deposited)


# --- the reference document --------------------------------------------------

def _style_ids(document) -> dict[str, str]:
    by_name: dict[str, str] = {}
    for style in document.styles.element.iterfind(qn("w:style")):
        name = style.find(qn("w:name"))
        if name is not None:
            by_name.setdefault(name.get(qn("w:val")).lower(), style.get(qn("w:styleId")))
    missing = [name for name in STYLE_NAMES.values() if name.lower() not in by_name]
    if missing:
        raise DocxTemplateError("templates/docx/reference.docx lacks the style(s) "
                             + ", ".join(repr(m) for m in missing))
    return {key: by_name[name.lower()] for key, name in STYLE_NAMES.items()}


def _cover_sect_pr(sect_pr) -> str:
    """The reference's page set-up for the cover section, without its headers."""
    copy = deepcopy(sect_pr)
    for ref in copy.findall(qn("w:headerReference")) + copy.findall(qn("w:footerReference")):
        copy.remove(ref)
    for key in list(copy.attrib):
        del copy.attrib[key]  # rsids
    return etree.tostring(copy, encoding="unicode")


def _cell_margin(document, style_id: str) -> int:
    """The left cell margin of a table style, in twips (the columns' half gutter)."""
    style = document.styles.element.find(f"{qn('w:style')}[@{qn('w:styleId')}='{style_id}']")
    margin = style.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}/{qn('w:left')}") \
        if style is not None else None
    if margin is None:
        margin = style.find(f"{qn('w:tblPr')}/{qn('w:tblCellMar')}/{qn('w:start')}") \
            if style is not None else None
    try:
        return int(margin.get(qn("w:w"))) if margin is not None else 0
    except (TypeError, ValueError):
        return 0


def _text_width(document) -> int:
    """The width between the margins, in twips."""
    section = document.sections[0]
    return int((section.page_width - section.left_margin - section.right_margin) / 635)


# --- XML snippets --------------------------------------------------------------

def _attr(value: str) -> str:
    return escape(value, {'"': "&quot;"})


@dataclass
class _Writer:
    doc: Document
    furn: Furniture
    styles: dict[str, str]
    text_width: int
    cell_margin: int
    chamber_short: dict[str, str]
    # note id → its number in the DOCX (order of the w:footnoteReference runs)
    numbers: dict[str, int] = field(default_factory=dict)
    note_order: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lead, self.other = self.doc.meta.langs
        self.tags = self.furn.language_tags
        self.half = self.text_width // 2

    # -- runs --

    def rpr(self, lang: str, style: str | None = None) -> str:
        rstyle = f'<w:rStyle w:val="{self.styles[style]}"/>' if style else ""
        return f'<w:rPr>{rstyle}<w:lang w:val="{self.tags[lang]}"/></w:rPr>'

    def run(self, text: str, lang: str, style: str | None = None) -> str:
        text = _NOT_XML.sub("", text)
        if not text:
            return ""
        rpr = self.rpr(lang, style)
        out = []
        for i, line in enumerate(text.replace("\r", "").split("\n")):
            if i:
                out.append(f"<w:r>{rpr}<w:br/></w:r>")
            for j, chunk in enumerate(line.split("\t")):
                if j:
                    out.append(f"<w:r>{rpr}<w:tab/></w:r>")
                if chunk:
                    out.append(f'<w:r>{rpr}<w:t xml:space="preserve">{escape(chunk)}</w:t></w:r>')
        return "".join(out)

    def field(self, instruction: str, result: str, lang: str, style: str | None = None) -> str:
        plain = self.rpr(lang)
        return (f'<w:r>{plain}<w:fldChar w:fldCharType="begin"/></w:r>'
                f'<w:r>{plain}<w:instrText xml:space="preserve"> {instruction} </w:instrText></w:r>'
                f'<w:r>{plain}<w:fldChar w:fldCharType="separate"/></w:r>'
                f'<w:r>{self.rpr(lang, style)}<w:t>{escape(result)}</w:t></w:r>'
                f'<w:r>{plain}<w:fldChar w:fldCharType="end"/></w:r>')

    def noteref(self, note_id: str, lang: str) -> str:
        n = self.numbers[note_id]
        return self.field(f"NOTEREF _RefFn{n} \\f \\h", str(n), lang, "note_ref")

    def call(self, note_id: str, lang: str, in_note: bool = False) -> str:
        """A footnote call: the first one in the document is the real
        reference, every other one a NOTEREF field to it."""
        if note_id not in self.doc.footnotes:
            return ""
        if note_id in self.numbers or in_note:
            if note_id not in self.numbers:
                return ""  # a note cited only from another note: nothing to point at
            return self.noteref(note_id, lang)
        n = len(self.note_order) + 1
        self.numbers[note_id] = n
        self.note_order.append(note_id)
        return (f'<w:bookmarkStart w:id="{n}" w:name="_RefFn{n}"/>'
                f'<w:r>{self.rpr(lang, "note_ref")}<w:footnoteReference w:id="{n}"/></w:r>'
                f'<w:bookmarkEnd w:id="{n}"/>')

    def text(self, text: Text, lang: str, in_note: bool = False) -> str:
        out = []
        for part in text.parts:
            if isinstance(part, Str):
                out.append(self.run(part.text, lang))
            elif isinstance(part, Emph):
                out.append(self.run(part.text, lang, "emphasis"))
            elif isinstance(part, NoteRef):
                out.append(self.call(part.id, lang, in_note))
        return "".join(out)

    # -- paragraphs, rows, tables --

    def p(self, style: str, content: str = "") -> str:
        return f'<w:p><w:pPr><w:pStyle w:val="{self.styles[style]}"/></w:pPr>{content}</w:p>'

    def cell(self, width: int, paragraphs: str) -> str:
        return f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>{paragraphs}</w:tc>'

    def widths(self, outset: bool) -> tuple[int, int]:
        """The two columns; `outset` widens the outer cells by the cell
        margin so that the text, not the cell, lines up with the page margins."""
        extra = self.cell_margin if outset else 0
        return (self.half + extra, self.text_width - self.half + extra)

    def row(self, left: str, right: str, cant_split: bool = False, outset: bool = True) -> str:
        tr_pr = "<w:trPr><w:cantSplit/></w:trPr>" if cant_split else ""
        widths = self.widths(outset)
        return f"<w:tr>{tr_pr}{self.cell(widths[0], left)}{self.cell(widths[1], right)}</w:tr>"

    def table(self, rows: list[str], style: str = "columns") -> str:
        outset = style == "columns"
        widths = self.widths(outset)
        indent = -self.cell_margin if outset else 0
        return (f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.styles[style]}"/>'
                f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
                f'<w:tblInd w:w="{indent}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
                f'<w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" '
                f'w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr>'
                f'<w:tblGrid><w:gridCol w:w="{widths[0]}"/><w:gridCol w:w="{widths[1]}"/>'
                f'</w:tblGrid>{"".join(rows)}</w:tbl>')

    def plain_row(self, style: str, texts: dict[str, str]) -> str:
        """A row of furniture strings, one per language."""
        return self.row(*(self.p(style, self.run(texts[lang], lang)) for lang in (self.lead, self.other)))

    def pair_row(self, style: str, pair: Pair, prefix=None) -> str:
        """A row of one bilingual text; `prefix(lang)` gives runs put before it."""
        cells = []
        for lang in (self.lead, self.other):
            before = prefix(lang) if prefix else ""
            cells.append(self.p(style, before + self.text(pair[lang], lang)))
        calls = pair[self.lead].note_ids or pair[self.other].note_ids
        return self.row(*cells, cant_split=bool(calls) and keeps_whole(pair))

    # -- the document --

    def body(self) -> tuple[str, str]:
        """The cover and its back (a section of their own: its first-page
        footer holds the session strip, its even-page footer the publisher,
        it has no running head), and the text, which starts a new section."""
        return (self.cover() + self.back_cover(),
                self.developments() + self.resolution() + self.p("note_spacer"))

    def cover(self) -> str:
        f, meta = self.furn, self.doc.meta
        number = self.p("cover_number", self.run(f.doc_prefix, self.lead)
                        + f'<w:r>{self.rpr(self.lead)}<w:tab/></w:r>'
                        + self.run(f.short_number, self.lead))
        heading = self.table([self.plain_row("cover_chamber", f.chamber),
                              self.plain_row("cover_date", f.date)])
        rows = [self.plain_row("cover_doctype", f.doctype),
                self.pair_row("cover_title", meta.title),
                self.plain_row("cover_authors", f.authors)]
        out = number + heading + self.p("cover_rule") + self.table(rows)
        if meta.summary is not None:
            cells = [self.p("summary_heading", self.run(f.summary_heading[lang], lang))
                     + self.p("summary", self.text(meta.summary[lang], lang))
                     for lang in (self.lead, self.other)]
            out += self.p("note_spacer") + self.table(
                [self.row(*cells, cant_split=True, outset=False)], "box")
        return out

    def back_cover(self) -> str:
        f = self.furn
        out = [self.p("page_start")]
        out += [self.p("legend", self.run(f"{g.abbreviation}\u00a0: {g.name}", self.lead))
                for g in f.groups]
        rows = [self.plain_row("legend_heading", f.abbreviations_heading)]
        rows += [self.plain_row("legend", line) for line in f.abbreviations]
        out.append(self.table(rows))
        return "".join(out)

    def developments(self) -> str:
        kinds = {Paragraph: "body", Heading: "subheading", Salutation: "salutation",
                 Signature: "signature"}
        rows = [self.plain_row("section", self.furn.developments)]
        rows += [self.pair_row(kinds[type(block)], block.text) for block in self.doc.developments]
        return self.table(rows)

    def resolution(self) -> str:
        res = self.doc.resolution
        rows = [self.plain_row("resolution", self.furn.doctype),
                self.pair_row("opening", res.opening)]
        for c in res.considerants:
            rows.append(self.pair_row("considerant", c.text, self.label(f"{c.label}.")))
        rows += self.requests(res.requests)
        return self.p("page_start") + self.table(rows)

    def label(self, label: str):
        return lambda lang: self.run(label, lang, "label") + f'<w:r>{self.rpr(lang)}<w:tab/></w:r>'

    def requests(self, requests: tuple[Request, ...]) -> list[str]:
        rows = []
        for r in requests:
            style = f"request{min(max(r.depth, 1), 4)}"
            cells = []
            for lang in (self.lead, self.other):
                content = self.label(r.label)(lang)
                if r.lead is not None:
                    content += self.text(r.lead[lang], lang).replace(
                        self.rpr(lang), self.rpr(lang, "lead_verb"))
                    if r.text is not None and r.text[lang].parts:
                        content += self.run(" ", lang)
                if r.text is not None:
                    content += self.text(r.text[lang], lang)
                cells.append(self.p(style, content))
            calls = [nid for pair in (r.lead, r.text) if pair is not None
                     for lang in (self.lead, self.other) for nid in pair[lang].note_ids]
            rows.append(self.row(*cells, cant_split=bool(calls) and keeps_whole(r.lead, r.text)))
            rows += self.requests(r.children)
        return rows

    # -- the notes --

    def footnotes(self) -> str:
        notes = [(
            f'<w:footnote w:id="{n}">'
            + self.p("note_spacer")
            + self.table([self.row(*(
                self.p("note_text", self.noteref(nid, lang) + self.run("\u00a0", lang)
                       + self.text(self.doc.footnotes[nid].text[lang], lang, in_note=True))
                for lang in (self.lead, self.other)))])
            + self.p("note_spacer")
            + "</w:footnote>") for n, nid in enumerate(self.note_order, start=1)]
        spacing = '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
        return (f'<w:footnotes xmlns:w="{W_NS}" xmlns:r="{R_NS}">'
                f'<w:footnote w:type="separator" w:id="-1"><w:p>{spacing}'
                f'<w:r>{self.rpr(self.lead)}<w:separator/></w:r></w:p></w:footnote>'
                f'<w:footnote w:type="continuationSeparator" w:id="0"><w:p>{spacing}'
                f'<w:r>{self.rpr(self.lead)}<w:continuationSeparator/></w:r></w:p></w:footnote>'
                + "".join(notes) + "</w:footnotes>")

    # -- running heads and feet --

    def page_field(self) -> str:
        return self.field("PAGE", "1", self.lead)

    def strip_runs(self) -> str:
        """The session strip, each language's half tagged with its language."""
        strip = self.furn.strip
        first = f"{self.chamber_short[self.lead]} • {self.furn.session[self.lead]}"
        if strip.startswith(first + " "):
            return self.run(first + " ", self.lead) + self.run(strip[len(first) + 1:], self.other)
        return self.run(strip, self.lead)


def _add_footnotes_part(document, xml: str) -> None:
    part = document.part
    for rId, rel in list(part.rels.items()):
        if rel.reltype == RT.FOOTNOTES:  # a reference saved by Word may hold one
            del part.rels[rId]
    notes = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"),
                 part.package)
    part.relate_to(notes, RT.FOOTNOTES)


_SETTINGS_AFTER_FOOTNOTE_PR = (
    "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr", "w:attachedSchema",
    "w:themeFontLang", "w:clrSchemeMapping", "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures", "w:forceUpgrade", "w:captions", "w:readModeInkLockDown",
    "w:smartTagType", "sl:schemaLibrary", "w:shapeDefaults", "w:doNotEmbedSmartTags",
    "w:decimalSymbol", "w:listSeparator")


def _settings(document) -> None:
    settings = document.settings
    settings.odd_and_even_pages_header_footer = True
    element = settings.element
    for update in element.findall(qn("w:updateFields")):
        element.remove(update)  # stored field results are right: no prompt on opening
    for old in element.findall(qn("w:footnotePr")):
        element.remove(old)
    footnote_pr = parse_xml(f'<w:footnotePr xmlns:w="{W_NS}"><w:footnote w:id="-1"/>'
                            f'<w:footnote w:id="0"/></w:footnotePr>')
    successors = [t for t in _SETTINGS_AFTER_FOOTNOTE_PR if not t.startswith(("m:", "sl:"))]
    element.insert_element_before(footnote_pr, *successors)


def _hf_content(hf, xml: str) -> None:
    element = hf._element
    for child in list(element):
        element.remove(child)
    for child in parse_xml(f'<w:hdr xmlns:w="{W_NS}">{xml}</w:hdr>'):
        element.append(child)


def _headers_and_footers(document, w: _Writer) -> None:
    cover, text = document.sections[0], document.sections[1]
    tab = f'<w:r>{w.rpr(w.lead)}<w:tab/></w:r>'
    f = w.furn
    prefix, number = w.run(f.doc_prefix, w.lead), w.run(f.short_number, w.lead)
    empty = w.p("header")

    # the cover section: no running head; the session strip at the foot of
    # the cover, the publisher at the foot of its back
    cover.different_first_page_header_footer = True
    for hf in (cover.header, cover.even_page_header, cover.first_page_header, cover.footer):
        _hf_content(hf, empty)
    _hf_content(cover.first_page_footer, w.p(
        "strip", w.run(f.session[w.lead], w.lead) + tab + w.run(f.session[w.other], w.other)))
    _hf_content(cover.even_page_footer, w.p("cover_rule") + w.table(
        [w.plain_row("publisher", f.publisher)]) + empty)

    # the text: page number at the outer edge, mirrored on even pages
    text.different_first_page_header_footer = False
    for hf in (text.header, text.even_page_header, text.footer, text.even_page_footer):
        hf.is_linked_to_previous = False
    _hf_content(text.header, w.p("header", prefix + tab + number + tab + w.page_field()))
    _hf_content(text.even_page_header, w.p("header", w.page_field() + tab + number + tab + prefix))
    foot = w.p("footer", w.strip_runs())
    _hf_content(text.footer, foot)
    _hf_content(text.even_page_footer, foot)


def _core_properties(document, doc: Document, furn: Furniture) -> None:
    meta = doc.meta
    core = document.core_properties
    when = datetime(meta.deposited.year, meta.deposited.month, meta.deposited.day)
    core.title = f"{furn.document_number} – {furn.doctype[meta.lead]} {meta.title[meta.lead].plain}"
    core.subject = furn.doctype[meta.lead]
    core.author = ", ".join(a.name for a in meta.authors)
    core.last_modified_by = "hemicycle"
    core.language = furn.language_tags[meta.lead]
    core.identifier = furn.document_number
    core.keywords = ""
    core.comments = ""
    core.category = ""
    core.revision = 1
    core.created = when
    core.modified = when
    core.last_printed = when
