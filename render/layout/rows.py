"""The document as parts and rows: what every writer lays out.

Decided here, once, for the HTML/PDF and the DOCX alike: which rows a
document has and of what kind, their labels, which row carries each note and
from which language's call, which calls are the first of their column, and
which rows start a page or must not be split. Writers render rows; none of
them decides what a row is.

A row holds one item of the text in both languages, lead language first
(left). Its cells are sequences of `Str`, `Emph` and `Call`: footnote calls
arrive already numbered.
"""
from __future__ import annotations

import itertools
from dataclasses import dataclass
from pathlib import Path
from typing import Union

from ..model import (MAX_REQUEST_DEPTH, Document, Emph, Footnote, Heading, NoteRef, Pair,
                     Paragraph, Salutation, Signature, Str, Text, iter_requests)
from ..model import locale
from ..model.furniture import Furniture, furniture


# --- row kinds ----------------------------------------------------------------

@dataclass(frozen=True)
class RowKind:
    """What a kind of row looks like in each output: the class of its HTML
    paragraph (styled in templates/html/chamber.css) and the name of its
    Word paragraph style (in templates/docx/reference.docx)."""

    name: str
    css: str
    word_style: str
    labelled: bool = False

    def style(self, depth: int = 1) -> str:
        """The Word style for a row of this kind at `depth` (requests have one per level)."""
        return self.word_style.format(depth=min(max(depth, 1), MAX_REQUEST_DEPTH))


ROW_KINDS: dict[str, RowKind] = {k.name: k for k in (
    RowKind("part-title", "part-title", "Section Heading"),
    RowKind("paragraph", "paragraph", "Body Text"),
    RowKind("heading", "heading", "Subheading"),
    RowKind("salutation", "salutation", "Salutation"),
    RowKind("signature", "signature", "Signature"),
    RowKind("resolution-title", "part-title", "Resolution Heading"),
    RowKind("opening", "opening", "Resolution Opening"),
    RowKind("considerant", "considerant", "Considerant", labelled=True),
    RowKind("request", "request", "Request {depth}", labelled=True),
)}

BLOCK_KINDS = {Paragraph: "paragraph", Heading: "heading", Salutation: "salutation",
               Signature: "signature"}


# --- inline content -------------------------------------------------------------

@dataclass(frozen=True)
class Call:
    """A footnote call, numbered. `carries` marks the one call of the document
    that carries the note itself (its paired element in the PDF, the real
    footnote reference in Word); `first` the first call of the note in its
    language's column."""

    number: int
    note_id: str
    carries: bool = False
    first: bool = False


@dataclass(frozen=True)
class Sup:
    """An ordinal's suffix (`er` of `1er`, `e` of `56e`), raised as the
    Chamber prints it; the text stays as written."""

    text: str


Part = Union[Str, Emph, Sup, Call]


def typeset(parts, lang: str, signature: bool = False) -> tuple[Part, ...]:
    """The house style's no-break spaces (numbers with units, `§ 1`, dates,
    titles with names; a signature's names whole) and raised ordinals,
    decided by the locale rules, applied to a cell's text."""
    out: list[Part] = []
    for part in parts:
        if isinstance(part, (Str, Emph)):
            text = locale.typographic_spaces(part.text, lang)
            if signature:
                text = locale.bind_signature(text)
            if isinstance(part, Emph):
                out.append(Emph(text))
                continue
            for piece, ordinal in locale.split_ordinals(text):
                out.append(Sup(piece) if ordinal else Str(piece))
        else:
            out.append(part)
    return tuple(out)


@dataclass(frozen=True)
class Cell:
    """One language's side of a row: the request's opening verb phrase (set in
    small caps), then the text."""

    lang: str
    verb: tuple[Part, ...]
    text: tuple[Part, ...]


@dataclass(frozen=True)
class Row:
    id: str                          # "r1", "r2" … in reading order; "" for part titles
    kind: RowKind
    cells: tuple[Cell, Cell]         # lead language first
    label: str = ""                  # "A.", "4.1."
    depth: int = 1
    notes: tuple[str, ...] = ()      # ids of the notes this row carries, in call order
    chars: int = 0                   # the longer side's length, in characters

    @property
    def calls_notes(self) -> bool:
        return any(isinstance(p, Call) for c in self.cells for p in c.verb + c.text)


@dataclass(frozen=True)
class Section:
    """A run of rows in one two-column table: the développements, the resolution."""

    name: str
    rows: tuple[Row, ...]            # the first is the part's title
    starts_page: bool = False


@dataclass(frozen=True)
class Note:
    number: int
    id: str
    texts: dict[str, tuple[Part, ...]]   # the row that carries it lists it in `Row.notes`


@dataclass(frozen=True)
class Layout:
    doc: Document
    furniture: Furniture
    sections: tuple[Section, ...]
    notes: tuple[Note, ...]          # in number order

    @property
    def langs(self) -> tuple[str, str]:
        return self.doc.meta.langs

    def rows(self):
        for section in self.sections:
            yield from section.rows


# --- building the layout -----------------------------------------------------------

class _Calls:
    """Walks the calls in layout order and decides which carries each note."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.carried: set[str] = set()                  # ids of notes whose call is out
        self.seen: set[tuple[str, str]] = set()        # (note id, lang)

    def parts(self, text: Text | None, lang: str, row_id: str) -> tuple[Part, ...]:
        if text is None:
            return ()
        out: list[Part] = []
        for part in text.parts:
            if not isinstance(part, NoteRef):
                out.append(part)
                continue
            note = self.doc.footnotes.get(part.id)
            if note is None:
                continue  # the loader has reported it
            carries = part.id not in self.carried and bool(row_id)
            if carries:
                self.carried.add(part.id)
            first = (part.id, lang) not in self.seen
            self.seen.add((part.id, lang))
            out.append(Call(note.number, part.id, carries, first))
        return tuple(out)


def _row(calls: _Calls, row_id: str, kind: str, langs, verb: Pair | None, text: Pair | None,
         label: str = "", depth: int = 1) -> Row:
    cells = []
    signature = kind == "signature"
    for lang in langs:  # lead cell first: its calls come first (Word numbers left to right)
        cells.append(Cell(lang, typeset(calls.parts(verb[lang] if verb else None, lang, row_id),
                                        lang),
                          typeset(calls.parts(text[lang] if text else None, lang, row_id),
                                  lang, signature)))
    notes = tuple(p.note_id for c in cells for p in c.verb + c.text
                  if isinstance(p, Call) and p.carries)
    chars = max(sum(len(p[lang].plain) for p in (verb, text) if p is not None) for lang in langs)
    return Row(row_id, ROW_KINDS[kind], (cells[0], cells[1]), label, depth, notes, chars)


def _title(kind: str, texts: dict[str, str], langs) -> Row:
    cells = tuple(Cell(lang, (), (Str(texts[lang]),)) for lang in langs)
    return Row("", ROW_KINDS[kind], cells)


def layout(doc: Document, templates: Path) -> Layout:
    f = furniture(doc, templates)
    langs = doc.meta.langs
    calls = _Calls(doc)
    ids = (f"r{i}" for i in itertools.count(1))

    developments = [_title("part-title", f.developments, langs)]
    for block in doc.developments:
        developments.append(_row(calls, next(ids), BLOCK_KINDS[type(block)], langs, None,
                                 block.text))
    res = doc.resolution
    resolution = [_title("resolution-title", f.doctype, langs),
                  _row(calls, next(ids), "opening", langs, None, res.opening)]
    for c in res.considerants:
        resolution.append(_row(calls, next(ids), "considerant", langs, None, c.text,
                               label=f"{c.label}."))
    for r in iter_requests(res.requests):
        resolution.append(_row(calls, next(ids), "request", langs, r.lead, r.text,
                               label=r.label, depth=r.depth))

    notes = tuple(Note(note.number, note.id, _note_texts(note, langs))
                  for note in sorted(doc.footnotes.values(), key=lambda n: n.number)
                  if note.id in calls.carried)
    return Layout(doc, f, (Section("developments", tuple(developments)),
                           Section("resolution", tuple(resolution), starts_page=True)), notes)


def _note_texts(note: Footnote, langs) -> dict[str, tuple[Part, ...]]:
    # Notes hold no calls (the loader refuses them): their parts are text only.
    return {lang: typeset((p for p in note.text[lang].parts if not isinstance(p, NoteRef)), lang)
            for lang in langs}
