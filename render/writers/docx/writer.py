"""The Chamber's layout in Word: the layout rows (render.layout) as
WordprocessingML, on the styles of `templates/docx/reference.docx` and the
page geometry of `templates/page.yaml`.

- page 1, the cover, and page 2, its back, are a section of their own (the
  cover's footer holds the session strip, its back's the publisher); a later
  sub-document's cover adds what it is (`AMENDEMENTS`, `TEXTE ADOPTÉ PAR …`),
  where, and the dossier's history;
- from page 3, the text: a borderless two-column table per part, one row per
  pair, lead language left; the resolution starts a new page (a set of
  amendments has one part, the amendments; a text adopted the resolution alone);
- one real footnote per pair. Its reference stands at the call that carries
  the note (render.layout decides which); the other column's call is a
  `NOTEREF` field to a bookmark around that reference. The note's body is
  laid out by `notes.py`.
- a row that calls a note is cut into rows at the sentences that end with a
  call: only those short rows are kept whole on a page (so that both calls
  and the note stand on one page), the rest of the paragraph may break.
- every table has a fixed layout: a word longer than its column (a pasted
  URL) breaks at the column's edge in Word and LibreOffice instead of
  widening the column. No invisible break character (zero-width space) is
  added to URLs, unlike the PDF: a clerk copies, searches and edits the
  text here, and would carry it into the address.
"""
from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as open_docx
from docx.oxml.ns import qn

from ...layout.labels import label_columns
from ...layout.page import PageSpec, page_spec
from ...layout.rows import ROW_KINDS, Call, Layout, Part, Row, Sup, layout
from ...model import MAX_REQUEST_DEPTH, Document, Emph, Str, Text
from ...errors import TemplateError
from .. import WriterOptions
from . import package, wml
from .notes import note_body
from .sources import add_sources
from .styles import StyleMap

REFERENCE = Path("docx") / "reference.docx"

# Word cuts off a row that cannot split and is taller than a page, so only
# rows well under a page are kept whole: about 36 lines of a column.
KEEP_WHOLE_MAX_CHARS = 1800

# Where a sentence ends and the next begins: a full stop, question or
# exclamation mark (not that of an abbreviation such as `nr.`, `art.`, `M.`),
# then space and a capital, a quote or a bracket.
_ABBREVIATIONS = ("nr", "art", "artt", "blz", "p", "pp", "cf", "vgl", "bv", "zie", "M", "MM",
                  "Mme", "Dr", "St", "Ste", "no", "n°", "vol", "ed", "al", "resp", "enz", "etc",
                  "o.a", "e.a", "i.e", "e.g", "c.s", "Prof", "mr", "mevr", "dhr", "Bd", "av")
_SENTENCE_END = re.compile(
    "".join(rf"(?<!\b{re.escape(a)}\.)" for a in _ABBREVIATIONS)
    + r"(?<=[.!?…])[\"”’»)\]]*\s+(?=[\"“‘«(\[A-ZÀ-ÖØ-Þ])")


# Every style the writer uses, by name (the row kinds' and the furniture's).
STYLE_NAMES = sorted({kind.style(depth) for kind in ROW_KINDS.values()
                      for depth in range(1, MAX_REQUEST_DEPTH + 1)} | {
    "Cover Number", "Cover Chamber", "Cover Date", "Cover Rule", "Cover Doctype", "Cover Title",
    "Cover Authors", "Summary Heading", "Summary Text", "Session Strip", "Legend",
    "Legend Heading", "Publisher", "footnote text", "Note Spacer", "Page Start", "header",
    "footer", "Lead Verb", "Emphasis", "footnote reference", "Label", "Bilingual Columns",
    "Summary Box", "Cover Subdocument", "Cover Stage", "History Heading", "History",
    "History Item"})

# The history block's lines (render.model.furniture.HistoryLine) by kind.
HISTORY_STYLES = {"see": "History Heading", "session": "History", "item": "History Item"}


class DocxTemplateError(TemplateError):
    pass


def render_docx(doc: Document, templates: Path, options: WriterOptions = WriterOptions()) -> bytes:
    reference = templates / REFERENCE
    if not reference.is_file():
        raise DocxTemplateError(f"{reference} is missing; run templates/docx/make_reference.py")
    lay = layout(doc, templates)
    spec = page_spec(templates)
    document = open_docx(str(reference))
    styles = StyleMap(document)
    try:
        styles.check(STYLE_NAMES)
    except KeyError as exc:
        raise DocxTemplateError(f"templates/docx/reference.docx lacks the style(s) {exc.args[0]}"
                                ) from None
    package.apply_page_spec(styles, spec)
    package.apply_label_columns(styles, label_columns(lay, spec, templates))
    w = _Writer(lay, spec, styles)

    body = document.element.body
    sect_pr = body.find(qn("w:sectPr"))
    if sect_pr is None:
        raise DocxTemplateError("templates/docx/reference.docx has no section properties")
    for child in list(body):
        if child is not sect_pr:
            body.remove(child)
    for element in w.cover() + w.back_cover():
        sect_pr.addprevious(element)
    # The paragraph that ends the cover section carries its section properties.
    cover_sect = package.cover_section(sect_pr, spec)
    sect_pr.addprevious(wml.paragraph(wml.ppr(styles.id("Note Spacer"), cover_sect)))
    for element in w.text():
        sect_pr.addprevious(element)
    package.text_section(sect_pr, spec)

    package.add_footnotes(document, w.footnotes())
    package.settings(document)
    w.headers_and_footers(document)
    package.properties(document, doc, lay.furniture)
    add_sources(document, doc)   # the content as written, for `hemicycle import`
    package.embed_fonts(document, templates, w.characters())
    return package.save(document, doc.meta.deposited)


# --- cutting a pair at its calls -------------------------------------------------

@dataclass
class _Chunk:
    cells: list[tuple[tuple[Part, ...], tuple[Part, ...]]]   # per language: (verb, text)
    keep: bool = False
    first: bool = False
    last: bool = False


def _plain(parts) -> str:
    return "".join(p.text for p in parts if not isinstance(p, Call))


def _cut(parts: tuple[Part, ...], cuts: list[tuple[int, int]]) -> list[tuple[Part, ...]]:
    """`parts` cut at `cuts`, each (offset in the plain text, calls passed):
    a cut lies after that many characters and after that many calls."""
    pieces: list[list[Part]] = [[]]
    offset = calls = 0
    todo = list(cuts)

    def due() -> bool:
        return bool(todo) and todo[0][0] <= offset and todo[0][1] <= calls

    for part in parts:
        while due():
            todo.pop(0)
            pieces.append([])
        if isinstance(part, Call):
            pieces[-1].append(part)
            calls += 1
            continue
        text = part.text
        while todo and todo[0][1] <= calls and todo[0][0] < offset + len(text):
            at = max(todo.pop(0)[0] - offset, 0)
            if at:
                pieces[-1].append(type(part)(text[:at]))
            pieces.append([])
            text, offset = text[at:], offset + at
        if text:
            pieces[-1].append(type(part)(text))
        offset += len(text)
    while todo:
        todo.pop(0)
        pieces.append([])
    return [tuple(p) for p in pieces]


def _call_sentences(parts: tuple[Part, ...]) -> list[tuple[int, int, int]]:
    """Per call: its offset in the plain text, and the start and end of the
    sentence that holds it."""
    plain = _plain(parts)
    starts = [m.end() for m in _SENTENCE_END.finditer(plain)]
    out, offset = [], 0
    for part in parts:
        if isinstance(part, Call):
            begin = max((s for s in starts if s < offset), default=0)
            end = min((s for s in starts if s >= offset), default=len(plain))
            out.append((offset, begin, end))
        else:
            offset += len(part.text)
    return out


def _cuts(cells) -> list[list[tuple[int, int]]] | None:
    """Where to cut each language's text so that the sentences holding calls
    become rows of their own, in step: calls in one sentence in either
    language go together. None when the two languages cannot be cut in step."""
    sentences = [_call_sentences(c.text) for c in cells]
    count = len(sentences[0])
    if count == 0 or count != len(sentences[1]):
        return None
    groups, first = [], 0
    for k in range(count - 1):
        apart = all(s[k][2] <= s[k + 1][1] for s in sentences)
        if apart:
            groups.append((first, k))
            first = k + 1
    groups.append((first, count - 1))
    return [[cut for i, j in groups for cut in ((s[i][1], i), (s[j][2], j + 1))]
            for s in sentences]


def _trim(parts: tuple[Part, ...]) -> tuple[Part, ...]:
    """A chunk without the spaces at its ends (they were between sentences)."""
    out = list(parts)
    if out and not isinstance(out[0], Call):
        out[0] = type(out[0])(out[0].text.lstrip())
    if out and not isinstance(out[-1], Call):
        out[-1] = type(out[-1])(out[-1].text.rstrip())
    return tuple(p for p in out if isinstance(p, Call) or p.text)


def chunks(row: Row) -> list[_Chunk]:
    """The row as rows for Word: whole, or cut at the sentences that end with
    the same calls in both languages (the kept chunks), when it can be."""
    cells = row.cells
    ids = [[p.note_id for p in c.text if isinstance(p, Call)] for c in cells]
    has_verb_calls = any(isinstance(p, Call) for c in cells for p in c.verb)
    whole = _Chunk([(c.verb, c.text) for c in cells], first=True, last=True,
                   keep=row.calls_notes and row.chars <= KEEP_WHOLE_MAX_CHARS)
    if not row.calls_notes or has_verb_calls or ids[0] != ids[1] or not ids[0]:
        return [whole]
    cuts = _cuts(cells)
    if cuts is None:
        return [whole]
    per_lang = [_cut(c.text, lang_cuts) for c, lang_cuts in zip(cells, cuts)]
    pieces: list[tuple[tuple, tuple, bool]] = []
    carried: tuple[tuple, tuple] = ((), ())
    for i, (a, b) in enumerate(zip(*per_lang)):
        a, b = carried[0] + a, carried[1] + b
        carried = ((), ())
        kept = i % 2 == 1          # pieces alternate: text before a call's sentence, the sentence
        if not kept and not (_plain(a).strip() and _plain(b).strip()):
            # text between sentences in one language only (or none): a row
            # holds both languages, so it goes with the next piece
            carried = (a, b)
            continue
        pieces.append((a, b, kept))
    if not pieces:
        return [whole]
    if _plain(carried[0]).strip() or _plain(carried[1]).strip():   # after the last sentence
        a, b, kept = pieces[-1]
        pieces[-1] = (a + carried[0], b + carried[1], kept)
    out = [_Chunk([((), _trim(a)), ((), _trim(b))],
                  keep=kept and max(len(_plain(a)), len(_plain(b))) <= KEEP_WHOLE_MAX_CHARS)
           for a, b, kept in pieces]
    out[0].first, out[-1].last = True, True
    out[0].cells = [(c.verb, out[0].cells[i][1]) for i, c in enumerate(cells)]
    return out


# --- the writer ---------------------------------------------------------------------

@dataclass
class _Writer:
    lay: Layout
    spec: PageSpec
    styles: StyleMap
    bookmarks: dict[str, int] = field(default_factory=dict)   # note id → its bookmark's number
    text_seen: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.lead, self.other = self.lay.langs
        self.f = self.lay.furniture
        self.tags = self.f.language_tags
        self.text_width = self.spec.text_width(self.spec.text)
        self.half_gutter = self.spec.half_gutter.twips

    # -- runs --

    def props(self, lang: str, style: str | None = None, *extra) -> wml.Element:
        return wml.rpr(self.tags[lang], self.styles.id(style) if style else None, *extra)

    def runs(self, text: str, lang: str, style: str | None = None, *extra) -> list:
        self.text_seen.append(text)
        return wml.runs(text, self.props(lang, style, *extra))

    def parts(self, parts, lang: str, style: str | None = None) -> list:
        out = []
        for part in parts:
            if isinstance(part, Str):
                out += self.runs(part.text, lang, style)
            elif isinstance(part, Emph):
                # in a lead verb (its own character style) emphasis is direct italics
                out += self.runs(part.text, lang, style or "Emphasis",
                                 *((wml.flag("w:i"),) if style else ()))
            elif isinstance(part, Sup):
                out += self.runs(part.text, lang, style, wml.val("w:vertAlign", "superscript"))
            elif isinstance(part, Call):
                out += self.call(part, lang)
        return out

    def model_text(self, text: Text, lang: str) -> list:
        return self.parts([p for p in text.parts if isinstance(p, (Str, Emph))], lang)

    def call(self, call: Call, lang: str) -> list:
        """The call that carries its note is Word's footnote reference, in a
        bookmark; every other call a NOTEREF field to it, its stored result
        the same number."""
        # a note's number here is the order in which its first call is met
        n = self.bookmarks.setdefault(call.note_id, len(self.bookmarks) + 1)
        if call.carries:
            ref = wml.el("w:r", None, self.props(lang, "footnote reference"),
                         wml.el("w:footnoteReference", {"w:id": n}))
            return wml.bookmark(n, f"_RefFn{n}", [ref])
        return wml.field(f"NOTEREF _RefFn{n} \\f \\h",
                         self.runs(str(call.number), lang, "footnote reference"),
                         self.props(lang))

    # -- paragraphs and rows --

    def p(self, style: str, lang: str, content=(), *extra, continued: bool = False
          ) -> wml.Element:
        """A paragraph whose mark carries the column's language, on the
        column's language variant of `style`."""
        return wml.paragraph(wml.ppr(self.styles.id(style, lang, continued), *extra,
                                     mark=wml.rpr(self.tags[lang])), content)

    def widths(self) -> tuple[int, int]:
        half = self.text_width // 2
        return (half, self.text_width - half)

    def table(self, rows, style: str = "Bilingual Columns") -> wml.Element:
        """A table as wide as the text; the gutter is the inner margins of its
        two cells (see `row`), so the text lines up with the page margins."""
        return wml.table(self.styles.id(style), self.widths(), rows, 0,
                         wml.margins("w:tblCellMar"))

    def row(self, cells, cant_split: bool = False, gutter: bool = True) -> wml.Element:
        hg = self.half_gutter
        sides = ((wml.margins("w:tcMar", right=hg), wml.margins("w:tcMar", left=hg)) if gutter
                 else (None, None))   # the summary box: its table style's margins
        return wml.row([wml.cell(w, c, m) for w, c, m in zip(self.widths(), cells, sides)],
                       cant_split)

    def plain_row(self, style: str, texts: dict[str, str]) -> wml.Element:
        return self.row([[self.p(style, lang, self.runs(texts[lang], lang))]
                         for lang in (self.lead, self.other)])

    def layout_row(self, row: Row) -> list[wml.Element]:
        style = row.kind.style(row.depth)
        if not row.id:  # a part's title
            return [self.plain_row(style, {c.lang: _plain(c.text) for c in row.cells})]
        out = []
        for chunk in chunks(row):
            cells = []
            for lang, (verb, text) in zip((self.lead, self.other), chunk.cells):
                content = []
                if chunk.first and row.kind.labelled:
                    content += self.runs(row.label, lang, "Label")
                    content.append(wml.tab(self.props(lang)))
                if verb:
                    content += self.parts(verb, lang, "Lead Verb")
                    if _plain(text).strip():
                        content += self.runs(" ", lang)
                content += self.parts(text, lang)
                extra = [] if chunk.last else [wml.spacing(after=0)]
                if row.keep_with_next:
                    extra.append(wml.flag("w:keepNext"))
                cells.append([self.p(style, lang, content, *extra, continued=not chunk.first)])
            out.append(self.row(cells, cant_split=chunk.keep))
        return out

    # -- the document --

    def cover(self) -> list[wml.Element]:
        f, meta = self.f, self.lay.doc.meta
        lead = self.lead
        number = self.p("Cover Number", lead,
                        package.docproperty("DocPrefix", self.runs(f.doc_prefix, lead),
                                            self.props(lead))
                        + [wml.tab(self.props(lead))]
                        + package.docproperty("ShortNumber", self.runs(f.short_number, lead),
                                              self.props(lead)))
        heading = self.table([self.plain_row("Cover Chamber", f.chamber),
                              self.plain_row("Cover Date", f.date)])
        title = self.row([[self.p("Cover Title", lang, self.model_text(meta.title[lang], lang))]
                          for lang in (self.lead, self.other)])
        rows = [self.plain_row("Cover Doctype", f.doctype), title]
        rows += [self.plain_row("Cover Subdocument", line) for line in f.subdocument]
        if f.stage:
            rows.append(self.plain_row("Cover Stage", f.stage))
        if f.authors[lead]:
            rows.append(self.plain_row("Cover Authors", f.authors))
        if f.history:
            rows.append(self.row([[self.p(HISTORY_STYLES[line.kind], lang,
                                          self.runs(line.text, lang))
                                   for line in f.history[lang]]
                                  for lang in (self.lead, self.other)]))
        out = [number, heading, self.p("Cover Rule", lead), self.table(rows)]
        if meta.summary is not None:
            cells = [[self.p("Summary Heading", lang, self.runs(f.summary_heading[lang], lang)),
                      self.p("Summary Text", lang, self.model_text(meta.summary[lang], lang))]
                     for lang in (self.lead, self.other)]
            box = self.table([self.row(cells, cant_split=True, gutter=False)], "Summary Box")
            box.find(qn("w:tblPr")).remove(box.find(qn("w:tblPr")).find(qn("w:tblCellMar")))
            out += [self.p("Note Spacer", lead), box]
        return out

    def back_cover(self) -> list[wml.Element]:
        f = self.f
        out = [self.p("Page Start", self.lead)]
        out += [self.p("Legend", self.lead, self.runs(line, self.lead)) for line in f.group_lines]
        out.append(self.p("Cover Rule", self.lead))
        rows = [self.plain_row("Legend Heading", f.abbreviations_heading)]
        rows += [self.plain_row("Legend", line) for line in f.abbreviations]
        out.append(self.table(rows))
        return out

    def text(self) -> list[wml.Element]:
        out = []
        for section in self.lay.sections:
            if section.starts_page:   # (the first section follows the cover's own section break)
                out.append(self.p("Page Start", self.lead))
            rows = []
            for row in section.rows:
                rows += self.layout_row(row)
            out.append(self.table(rows))
        out.append(self.p("Note Spacer", self.lead))
        return out

    # -- the notes --

    def footnotes(self) -> wml.Element:
        root = wml.el("w:footnotes")
        for kind, n, mark in (("separator", -1, "w:separator"),
                              ("continuationSeparator", 0, "w:continuationSeparator")):
            root.append(wml.el(
                "w:footnote", {"w:type": kind, "w:id": n},
                wml.paragraph(wml.ppr(None, wml.el("w:spacing", {"w:after": 0, "w:line": 240,
                                                                  "w:lineRule": "auto"})),
                              [wml.el("w:r", None, self.props(self.lead), wml.el(mark))])))
        for note in self.lay.notes:
            n = self.bookmarks[note.id]
            texts = {lang: self.parts(note.texts[lang], lang) for lang in self.lay.langs}
            root.append(wml.el("w:footnote", {"w:id": n}, *note_body(self, note, n, texts)))
        return root

    # -- running heads and feet --

    def headers_and_footers(self, document) -> None:
        cover, text = document.sections[0], document.sections[1]
        f, lead = self.f, self.lead
        lp = self.props(lead)
        def empty():
            return [self.p("header", lead)]

        def prefix():
            return package.docproperty("DocPrefix", self.runs(f.doc_prefix, lead), lp)

        def number():
            return package.docproperty("ShortNumber", self.runs(f.short_number, lead), lp)

        def page():
            return wml.field("PAGE", self.runs("1", lead), lp)

        cover.different_first_page_header_footer = True
        for hf in (cover.header, cover.even_page_header, cover.first_page_header, cover.footer):
            package.set_story(hf, empty())
        package.set_story(cover.first_page_footer, [self.p(
            "Session Strip", lead, self.segment(f.session[lead])
            + [wml.tab(lp)] + self.segment(f.session[self.other]))])
        package.set_story(cover.even_page_footer, [
            self.p("Cover Rule", lead),
            self.table([self.plain_row("Publisher", f.publisher)]), *empty()])

        # the text: page number and strip at the outer edge, mirrored on even pages
        text.different_first_page_header_footer = False
        for hf in (text.header, text.even_page_header, text.footer, text.even_page_footer):
            hf.is_linked_to_previous = False
        def tab():
            return [wml.tab(lp)]

        package.set_story(text.header, [self.p("header", lead, prefix() + tab() + number()
                                               + tab() + page())])
        package.set_story(text.even_page_header, [self.p("header", lead, page() + tab()
                                                         + number() + tab() + prefix())])
        strip = []
        for i, segment in enumerate(f.strip):
            if i:
                strip += self.runs(" ", segment.lang)
            strip += self.segment(segment)
        package.set_story(text.footer, [self.p("footer", lead, strip,
                                               wml.val("w:jc", "right"))])
        package.set_story(text.even_page_footer, [self.p("footer", lead, deepcopy(strip),
                                                         wml.val("w:jc", "left"))])

    def segment(self, segment, style: str | None = None) -> list:
        """Furniture text with its ordinals' suffixes raised."""
        out = []
        for piece in segment.pieces:
            extra = (wml.val("w:vertAlign", "superscript"),) if piece.ordinal else ()
            out += self.runs(piece.text, segment.lang, style, *extra)
        return out

    def characters(self) -> str:
        """Every character the document shows (for the embedded font's subset)."""
        return "".join(self.text_seen)
