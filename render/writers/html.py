"""Document → HTML, through the Jinja templates of `templates/html/`.

The HTML is the source of the PDF (WeasyPrint) and a format of its own. The
layout follows docs/chamber-layout.md: one table row per paragraph pair (so
both languages start at the same height and break across pages together),
one footnote element per note holding both languages side by side.

Content is data: every text is escaped; the inline markup (emphasis, note
calls) is built here as `Markup` from escaped pieces.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from ..model.furniture import Furniture, furniture
from ..model import (Document, Emph, Heading, NoteRef, Pair, Paragraph, Salutation,
                    Signature, Str, Text, iter_requests)

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

@dataclass
class _Notes:
    """Where each footnote's element goes.

    A note is one element holding both languages side by side, at its first
    call in the document (the lead language's call when a pair holds both);
    the other language's first call, and every later call, is a plain
    superscript with the same number.

    (One element per language, each at its own call, was tried: WeasyPrint 70
    does not lay out again a table cell when the next cell of its row adds
    notes to the page, so the first cell's text ran under the notes.)"""

    doc: Document
    screen: bool = False                        # the browser preview: calls link to notes
    placed: set = field(default_factory=set)    # ids whose paired element is out
    called: set = field(default_factory=set)    # (id, lang) whose first call is out

    def element(self, note_id: str, call_lang: str) -> Markup:
        """The note, both languages side by side, lead language left; marked with
        the language of the cell it stands in (its call's)."""
        note = self.doc.footnotes[note_id]
        halves = []
        for i, lang in enumerate(self.doc.meta.langs):
            side = "lead" if i == 0 else "other"
            halves.append(Markup(
                '<span class="fn-half fn-{side} {lang}" lang="{tag}">'
                '<span class="fn-num">{n}</span>{text}</span>').format(
                    side=side, lang=lang, tag=_TAGS[lang], n=note.number,
                    text=inline(note.text[lang], None, lang)))
        return Markup('<span class="fn" data-n="{n}" data-call-lang="{call}" '
                      'data-langs="{langs}">{halves}</span>').format(
            n=note.number, call=call_lang, langs=" ".join(self.doc.meta.langs),
            halves=Markup("").join(halves))

    def call(self, note_id: str, lang: str, may_float: bool) -> Markup:
        first = (note_id, lang) not in self.called
        self.called.add((note_id, lang))
        if may_float and note_id not in self.placed:
            self.placed.add(note_id)
            mark = self.element(note_id, lang)
        else:
            mark = Markup('<span class="call{first}" data-n="{n}" data-lang="{lang}">{n}</span>'
                          ).format(first=" first" if first else "", lang=lang,
                                   n=self.doc.note_number(note_id))
        if self.screen:
            mark = Markup('<a class="note-link" href="#note-{n}">{mark}</a>').format(
                n=self.doc.note_number(note_id), mark=mark)
        return mark


_TAGS = {"fr": "fr-BE", "nl": "nl-BE"}


def inline(text: Text, notes: _Notes | None, lang: str,
           float_ids: frozenset = frozenset()) -> Markup:
    """One language's text as escaped HTML; calls in `float_ids` may carry the note."""
    out = []
    for part in text.parts:
        if isinstance(part, Str):
            out.append(escape(part.text))
        elif isinstance(part, Emph):
            out.append(Markup("<em>{}</em>").format(part.text))
        elif isinstance(part, NoteRef):
            if notes is None or part.id not in notes.doc.footnotes:
                continue
            out.append(notes.call(part.id, lang, part.id in float_ids))
    return Markup("").join(out)


def _pair_cells(pair: Pair | None, doc: Document, notes: _Notes) -> dict[str, Markup]:
    """Both languages of a pair; a note's element goes into the cell of the
    lead language when it calls the note, else into the other cell."""
    if pair is None:
        return {lang: Markup("") for lang in doc.meta.langs}
    cells = {}
    claimed: set[str] = set()
    for lang in doc.meta.langs:
        ids = frozenset(i for i in pair[lang].note_ids if i not in notes.placed
                        and i not in claimed)
        claimed |= ids
        cells[lang] = inline(pair[lang], notes, lang, ids)
    return cells


# --- rows -------------------------------------------------------------------

@dataclass
class Row:
    kind: str                       # paragraph, heading, salutation, signature, ...
    cells: dict[str, Markup]        # per language
    label: str = ""
    lead: dict[str, Markup] | None = None   # the request's opening verb phrase
    depth: int = 1
    id: str = ""                    # "r1", "r2" … in reading order


_BLOCK_KIND = {Paragraph: "paragraph", Heading: "heading", Salutation: "salutation",
               Signature: "signature"}


def _rows(doc: Document, screen: bool = False) -> tuple[list[Row], list[Row], Row]:
    notes = _Notes(doc, screen)
    developments = [Row(_BLOCK_KIND[type(b)], _pair_cells(b.text, doc, notes))
                    for b in doc.developments]
    res = doc.resolution
    opening = Row("opening", _pair_cells(res.opening, doc, notes))
    resolution = [Row("considerant", _pair_cells(c.text, doc, notes), label=f"{c.label}.")
                  for c in res.considerants]
    for r in iter_requests(res.requests):
        lead = _pair_cells(r.lead, doc, notes) if r.lead is not None else None
        resolution.append(Row("request", _pair_cells(r.text, doc, notes), label=r.label,
                              lead=lead, depth=r.depth))
    for i, row in enumerate([*developments, opening, *resolution], start=1):
        row.id = f"r{i}"
    return developments, resolution, opening


# --- the page ----------------------------------------------------------------

_ORDINAL = re.compile(r"\b(\d+)(re|er|e)\b")


def ordinals(text: str) -> Markup:
    """`2e SESSION` with the ordinal's suffix in a span (set as a superior letter,
    so small capitals do not turn it into `2E`)."""
    out, last = [], 0
    for m in _ORDINAL.finditer(text):
        out.append(escape(text[last:m.start(2)]))
        out.append(Markup('<span class="ord">{}</span>').format(m.group(2)))
        last = m.end()
    out.append(escape(text[last:]))
    return Markup("").join(out)


def _metadata(doc: Document, f: Furniture) -> dict[str, str]:
    lead, other = doc.meta.langs
    title = (f"{f.document_number} – {f.doctype[lead]} {doc.meta.title[lead].plain}"
             f" / {f.doctype[other]} {doc.meta.title[other].plain}")
    return {
        "title": title,
        "authors": [a.name for a in doc.meta.authors],
        "lang": f.language_tags[lead],
        "created": doc.meta.deposited.isoformat(),
        "keywords": f.document_number,
    }


def context(doc: Document, templates: Path, screen: bool = False) -> dict:
    f = furniture(doc, templates)
    developments, resolution, opening = _rows(doc, screen)
    meta = doc.meta
    summary = None
    if meta.summary is not None:
        summary = {lang: inline(meta.summary[lang], None, lang) for lang in meta.langs}
    return {
        "doc": doc,
        "f": f,
        "langs": meta.langs,
        "lead": meta.lead,
        "tags": f.language_tags,
        "meta": _metadata(doc, f),
        "title": {lang: inline(meta.title[lang], None, lang) for lang in meta.langs},
        "summary": summary,
        "developments": developments,
        "opening": opening,
        "strip": ordinals(f.strip),
        "session": {lang: ordinals(f.session[lang]) for lang in meta.langs},
        "resolution": resolution,
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
    notes = [{"n": note.number,
              "cells": {lang: inline(note.text[lang], None, lang) for lang in doc.meta.langs}}
             for note in doc.notes_in_order()] if screen else []
    return template.render(**ctx, css=css, breaks=breaks, screen=screen, notes=notes)


def html_for_pdf(doc: Document, templates: Path,
                 breaks: frozenset[str] = frozenset()) -> tuple[str, str]:
    """The HTML (without its stylesheet) and the base URL its references use."""
    return html_string(doc, templates, inline_css=False, breaks=breaks), base_url(templates)


@lru_cache(maxsize=8)
def stylesheet_text(templates: Path) -> str:
    return (templates / HTML_DIR / STYLESHEET).read_text(encoding="utf-8")


@lru_cache(maxsize=8)
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


@lru_cache(maxsize=32)
def _base64(path: Path) -> str:
    import base64
    return base64.b64encode(path.read_bytes()).decode("ascii")


def render_html(doc: Document, templates: Path) -> bytes:
    """The self-contained HTML preview."""
    return html_string(doc, templates, screen=True).encode("utf-8")
