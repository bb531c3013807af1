"""Document → HTML, through the Jinja templates of `templates/html/`.

The HTML is the source of the PDF (WeasyPrint) and a format of its own. The
layout (docs/layout.md) comes from `render.layout`: one table row per paragraph pair (so
both languages start at the same height and break across pages together),
one footnote element per note holding both languages side by side.

Content is data: every text is escaped; the inline markup (emphasis, note
calls) is built here as `Markup` from escaped pieces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from ..caching import from_files
from ..layout.labels import label_columns
from ..layout.page import page_spec
from ..layout.rows import Call, Layout, Note, Sup, layout
from ..model import Document, Emph, Str, Text
from ..model.furniture import Furniture, Segment
from ..model.locale import LANGUAGE_TAGS
from . import WriterOptions

HTML_DIR = "html"            # under the templates folder
TEMPLATE = "document.html.j2"
STYLESHEET = "chamber.css"
SCREEN_STYLESHEET = "screen.css"   # the HTML preview only


@lru_cache(maxsize=8)
def environment(templates: Path) -> Environment:
    """One Jinja environment per templates folder, for the whole process."""
    env = Environment(
        loader=FileSystemLoader(str(templates / HTML_DIR)),
        autoescape=select_autoescape(default=True, default_for_string=True,
                                     enabled_extensions=("html", "j2", "css")),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    return env


def base_url(templates: Path) -> str:
    """The base URL of the HTML: its relative references (fonts) resolve here."""
    return (templates / HTML_DIR).resolve().as_uri() + "/"


# --- inline text ------------------------------------------------------------

# A run without spaces longer than this is no word of French or Dutch (their
# longest compounds stay under it): a code, an identifier, a pasted address.
LONG_TOKEN = 50
# A URL longer than this may not fit what is left of a line, or a line of the
# cover's title; a shorter one moves to the next line whole, as a word does.
LONG_URL = 30
# Set as `.token` (never hyphenated), breakable after their punctuation: long
# URLs (up to a character no URL holds) and runs longer than any word.
_TOKEN = re.compile(r"(?P<url>(?:[a-z][a-z0-9+.-]*://|www\.)[^\s\"<>]+)"
                    rf"|\S{{{LONG_TOKEN + 1},}}", re.IGNORECASE)
_TOKEN_PUNCTUATION = re.compile(r"[/.\-?&=_#]+(?=\S)")
# Where a token may break: WeasyPrint breaks a line only inside one text
# box, so the PDF gets a zero-width space (Pango draws nothing for it and the
# PDF's text keeps none); browsers get <wbr>, which copying leaves out.
PDF_BREAK = "\u200b"
SCREEN_BREAK = Markup("<wbr>")


def text_html(text: str, screen: bool = False) -> Markup:
    """A text escaped, its URLs and overlong words marked as tokens with
    break opportunities after their punctuation."""
    out, last = [], 0
    for m in _TOKEN.finditer(text):
        if m.group("url") and len(m.group()) <= LONG_URL:
            continue
        out.append(escape(text[last:m.start()]))
        out.append(Markup('<span class="token">{}</span>').format(
            _breakable(m.group(), screen)))
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def _breakable(token: str, screen: bool) -> Markup:
    mark = SCREEN_BREAK if screen else PDF_BREAK
    out, last = [], 0
    for m in _TOKEN_PUNCTUATION.finditer(token):
        out += [escape(token[last:m.end()]), mark]
        last = m.end()
    out.append(escape(token[last:]))
    return Markup("").join(out)


def note_element(note: Note, call_lang: str, langs, screen: bool = False) -> Markup:
    """A note, both languages side by side, lead language left, marked with
    the language of the cell it stands in (its call's).

    (One element per language, each at its own call, was tried: WeasyPrint 70
    does not lay out again a table cell when the next cell of its row adds
    notes to the page, so the first cell's text ran under the notes.)"""
    halves = []
    for i, lang in enumerate(langs):
        halves.append(Markup(
            '<span class="fn-half fn-{side} {lang}" lang="{tag}">'
            '<span class="fn-num">{n}</span>{text}</span>').format(
                side="lead" if i == 0 else "other", lang=lang, tag=LANGUAGE_TAGS[lang],
                n=note.number, text=inline(note.texts[lang], lang, screen=screen)))
    return Markup('<span class="fn" data-n="{n}" data-call-lang="{call}" '
                  'data-langs="{langs}">{halves}</span>').format(
        n=note.number, call=call_lang, langs=" ".join(langs), halves=Markup("").join(halves))


def inline(parts, lang: str, notes: dict[str, Note] | None = None, langs=(),
           screen: bool = False) -> Markup:
    """One language's parts as escaped HTML. A call that carries its note
    becomes the note's floating element (the PDF's footnote); every other call
    is a plain superscript with the same number. Without `notes`, calls are
    left out (titles, notes themselves)."""
    out = []
    for part in parts:
        if isinstance(part, Str):
            out.append(text_html(part.text, screen))
        elif isinstance(part, Emph):
            out.append(Markup("<em>{}</em>").format(text_html(part.text, screen)))
        elif isinstance(part, Sup):
            out.append(Markup('<span class="ord">{}</span>').format(part.text))
        elif isinstance(part, Call) and notes is not None:
            if part.carries:
                mark = note_element(notes[part.note_id], lang, langs, screen)
            else:
                mark = Markup('<span class="call{first}" data-n="{n}" data-lang="{lang}">{n}'
                              '</span>').format(first=" first" if part.first else "",
                                                lang=lang, n=part.number)
            if screen:
                mark = Markup('<a class="note-link" href="#note-{n}">{mark}</a>').format(
                    n=part.number, mark=mark)
            out.append(mark)
    return Markup("").join(out)


def _text(text: Text, lang: str, screen: bool = False) -> Markup:
    return inline(text.parts, lang, screen=screen)


# --- rows -------------------------------------------------------------------

@dataclass
class HtmlRow:
    """A layout row with its cells as HTML."""

    id: str
    css: str                        # the paragraph's class (from the row kind)
    labelled: bool
    label: str
    depth: int
    verb: dict[str, Markup]
    cells: dict[str, Markup]
    heading: int = 0                # a heading of the text (h2, h3) or a paragraph
    keep_with_next: bool = False    # on the page of the next row

    @property
    def has_verb(self) -> bool:
        return any(self.verb.values())

    @property
    def tag(self) -> str:
        return f"h{self.heading}" if self.heading else "p"


def html_rows(lay: Layout, screen: bool = False) -> list[tuple[str, list[HtmlRow]]]:
    notes = {n.id: n for n in lay.notes}
    sections = []
    for section in lay.sections:
        rows = []
        for row in section.rows:
            cells, verb = {}, {}
            for cell in row.cells:
                verb[cell.lang] = inline(cell.verb, cell.lang, notes, lay.langs, screen)
                cells[cell.lang] = inline(cell.text, cell.lang, notes, lay.langs, screen)
            rows.append(HtmlRow(row.id, row.kind.css, row.kind.labelled, row.label, row.depth,
                                verb, cells, row.kind.heading, row.keep_with_next))
        sections.append((section.name, rows))
    return sections


# --- the page ----------------------------------------------------------------

def pieces(segment: Segment) -> Markup:
    """Furniture text with each ordinal's suffix in a span (set as a superior
    letter, so small capitals do not turn `2e` into `2E`)."""
    return Markup("").join(
        Markup('<span class="ord">{}</span>').format(p.text) if p.ordinal else escape(p.text)
        for p in segment.pieces)


def _metadata(doc: Document, f: Furniture) -> dict[str, str]:
    return {
        "title": f.title,
        "authors": [a.name for a in doc.meta.authors],
        "lang": f.language_tags[doc.meta.lead],
        "created": doc.meta.deposited.isoformat(),
        "keywords": f.document_number,
    }


def context(doc: Document, templates: Path, screen: bool = False) -> dict:
    lay = layout(doc, templates)
    f = lay.furniture
    meta = doc.meta
    summary = None
    if meta.summary is not None:
        summary = {lang: _text(meta.summary[lang], lang, screen) for lang in meta.langs}
    return {
        "doc": doc,
        "f": f,
        "langs": meta.langs,
        "lead": meta.lead,
        "tags": f.language_tags,
        "meta": _metadata(doc, f),
        "title": {lang: _text(meta.title[lang], lang, screen) for lang in meta.langs},
        "summary": summary,
        "sections": html_rows(lay, screen),
        "section_starts_page": [section.starts_page for section in lay.sections],
        "labels": label_columns(lay, page_spec(templates), templates),
        "strip": [(s.lang, pieces(s)) for s in f.strip],
        "session": {lang: pieces(f.session[lang]) for lang in meta.langs},
        "notes": [{"n": note.number,
                   "cells": {lang: inline(note.texts[lang], lang, screen=True)
                             for lang in meta.langs}}
                  for note in lay.notes] if screen else [],
    }


def html_string(doc: Document, templates: Path, *, inline_css: bool = True,
                breaks: frozenset[str] = frozenset(), screen: bool = False) -> str:
    """The HTML as a string. `inline_css` puts the stylesheet in a <style>
    element; the PDF writer passes it separately. `screen` makes the
    self-contained browser preview: the screen stylesheet too, every file the
    CSS refers to embedded, and the notes listed after the text.
    `breaks` are ids of rows that start a new page (the PDF writer's fix for a
    note WeasyPrint would otherwise move away from its call)."""
    env = environment(templates)
    template = env.get_template(TEMPLATE)
    ctx = context(doc, templates, screen)
    css = None
    if inline_css:
        text = stylesheet_text(templates)
        if screen:
            text = embed_urls(text + "\n" + screen_stylesheet_text(templates),
                              templates / HTML_DIR)
        # Inside <style> an escaped "<" would be wrong; a stylesheet never
        # needs "</", which is all that could end the element early.
        css = Markup(text.replace("</", "<\\/"))
    return template.render(**ctx, css=css, breaks=breaks, screen=screen, part=None)


def html_for_pdf(doc: Document, templates: Path,
                 breaks: frozenset[str] = frozenset()) -> tuple[str, str]:
    """The HTML (without its stylesheet) and the base URL its references use."""
    return html_string(doc, templates, inline_css=False, breaks=breaks), base_url(templates)


# --- the PDF's parts ------------------------------------------------------------

@dataclass(frozen=True)
class Part:
    """A run of the document that starts on a fresh page: the cover with its
    back, or sections of the text (a new part at each section that starts a
    page). The PDF writer lays out each part on its own and joins the pages."""

    front: bool                     # the cover and its back
    sections: tuple[int, ...] = ()  # indices into the document's sections


def parts_of(starts_page: list[bool]) -> list[Part]:
    """The parts of a document whose sections start a page or not, in order."""
    groups: list[list[int]] = []
    for index, starts in enumerate(starts_page):
        if starts or not groups:
            groups.append([])
        groups[-1].append(index)
    return [Part(True)] + [Part(False, tuple(group)) for group in groups]


class PdfSource:
    """The HTML of a document for the PDF, part by part, its layout and
    inline text worked out once."""

    def __init__(self, doc: Document, templates: Path):
        self.context = context(doc, templates)
        self.template = environment(templates).get_template(TEMPLATE)
        self.parts = parts_of(self.context["section_starts_page"])

    def row_ids(self, part: Part) -> frozenset[str]:
        return frozenset(row.id for index in part.sections
                         for row in self.context["sections"][index][1] if row.id)

    def html(self, part: Part, breaks: frozenset[str] = frozenset()) -> str:
        """The HTML of one part (without its stylesheet); `breaks` as in
        `html_string`."""
        return self.template.render(**self.context, css=None, breaks=breaks, screen=False,
                                    part=part)


@from_files(maxsize=8)
def stylesheet_text(templates: Path) -> str:
    """The stylesheet, its page geometry and type sizes filled in from page.yaml."""
    return environment(templates).get_template(STYLESHEET).render(page=page_spec(templates))


@from_files(maxsize=8)
def screen_stylesheet_text(templates: Path) -> str:
    return (templates / HTML_DIR / SCREEN_STYLESHEET).read_text(encoding="utf-8")


_CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
_MIME = {".otf": "font/otf", ".ttf": "font/ttf", ".woff": "font/woff", ".woff2": "font/woff2",
         ".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg"}


def embed_urls(css: str, base: Path) -> str:
    """The stylesheet with each `url(file)` under the templates folder replaced
    by a data: URL, so the HTML preview needs no other file."""
    root = base.parent.resolve()

    def data_url(m: re.Match) -> str:
        path = (base / m.group(1)).resolve()
        if not path.is_relative_to(root) or not path.is_file():
            return "none"  # nothing outside the templates folder, ever
        mime = _MIME.get(path.suffix.lower(), "application/octet-stream")
        return f"url(data:{mime};base64,{_base64(path)})"
    return _CSS_URL.sub(data_url, css)


@from_files(maxsize=32)
def _base64(path: Path) -> str:
    import base64
    return base64.b64encode(path.read_bytes()).decode("ascii")


def render_html(doc: Document, templates: Path, options: WriterOptions = WriterOptions()) -> bytes:
    """The self-contained HTML preview."""
    return html_string(doc, templates, screen=True).encode("utf-8")
