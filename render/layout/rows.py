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
import string
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Union

from ..errors import TemplateError
from ..model import (LANGS, MAX_REQUEST_DEPTH, Document, Emph, Footnote, Heading, Inline,
                     NoteRef, Pair, Paragraph, Pos, Salutation, Signature, Str, Text,
                     iter_requests)
from ..model import locale
from ..model.dossier import Amendment
from ..model.furniture import Furniture, Wording, furniture, load_wording


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
    heading: int = 0          # a heading of the text at this level (HTML h2, h3), or none

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
    # the text adopted: its title under the document type
    RowKind("resolution-subtitle", "resolution-subtitle", "Resolution Title"),
    # a set of amendments, amendment by amendment
    RowKind("amendment-heading", "amendment-heading", "Amendment Heading", heading=2),
    RowKind("amendment-target", "amendment-target", "Amendment Target", heading=3),
    RowKind("instruction", "instruction", "Amendment Instruction"),
    RowKind("new-item", "new-item", "Amendment Text", labelled=True),
    RowKind("quote", "quote", "Amendment Quote"),   # a new title, a new item without label
    RowKind("justification-heading", "justification-heading", "Justification Heading",
            heading=3),
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
    keep_with_next: bool = False     # stands on the page of the next row (an amendment's
                                     # last paragraph, with the signatures under it)

    @property
    def calls_notes(self) -> bool:
        return any(isinstance(p, Call) for c in self.cells for p in c.verb + c.text)


@dataclass(frozen=True)
class Section:
    """A run of rows in one two-column table: the développements, the
    resolution, the amendments."""

    name: str
    rows: tuple[Row, ...]            # a part's title first (rows without id), when it has one
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
    sections: list[Section] = []

    if doc.meta.doctype == "resolution" or doc.developments:
        developments = [_title("part-title", f.developments, langs)]
        for block in doc.developments:
            developments.append(_row(calls, next(ids), BLOCK_KINDS[type(block)], langs, None,
                                     block.text))
        sections.append(Section("developments", tuple(developments)))
    if doc.amendments is not None:
        sections.append(Section("amendments",
                                tuple(_amendments(doc, templates, calls, ids, langs)),
                                starts_page=bool(sections)))
    res = doc.resolution
    if res is not None:
        resolution = [_title("resolution-title", f.doctype, langs)]
        if doc.meta.doctype == "adopted-text":
            # the text adopted: its title under the document type, as the Chamber prints it
            title = {lang: tuple(p for p in doc.meta.title[lang].parts
                                 if not isinstance(p, NoteRef)) for lang in LANGS}
            resolution.append(_row(calls, next(ids), "resolution-subtitle", langs, None,
                                   _pair_of(title)))
        resolution.append(_row(calls, next(ids), "opening", langs, None, res.opening))
        for c in res.considerants:
            resolution.append(_row(calls, next(ids), "considerant", langs, None, c.text,
                                   label=f"{c.label}."))
        for r in iter_requests(res.requests):
            resolution.append(_row(calls, next(ids), "request", langs, r.lead, r.text,
                                   label=r.label, depth=r.depth))
        sections.append(Section("resolution", tuple(resolution), starts_page=bool(sections)))

    notes = tuple(Note(note.number, note.id, _note_texts(note, langs))
                  for note in sorted(doc.footnotes.values(), key=lambda n: n.number)
                  if note.id in calls.carried)
    return Layout(doc, f, tuple(sections), notes)


# --- a set of amendments ----------------------------------------------------------------

_NOWHERE = Pos("", 0, 0)


def _pair_of(parts: dict[str, tuple]) -> Pair:
    """Texts made here (a heading, an instruction) as a pair, for `_row`."""
    return Pair(Text(tuple(parts["fr"])), Text(tuple(parts["nl"])), _NOWHERE)


def _words(text: str) -> tuple[Inline, ...]:
    return (Str(text),) if text else ()


def fill_parts(entry: Wording, lang: str, values: dict) -> tuple[Inline, ...]:
    """A wording entry with its {placeholders} filled: a string, or a text's
    parts (the words an amendment replaces, with their emphasis and note
    calls), which stay parts."""
    template = entry[lang]
    out: list[Inline] = []
    try:
        for literal, name, spec, conversion in string.Formatter().parse(template):
            out += _words(literal)
            if name is None:
                continue
            value = values[name]
            out += value if isinstance(value, tuple) else _words(str(value))
    except (KeyError, ValueError) as exc:
        known = ", ".join("{" + k + "}" for k in values)
        raise TemplateError(f"{entry.path}: the entry {entry.prefix}{lang} ({template!r}) "
                            f"cannot be filled in ({exc}); it may use {known}") from None
    merged: list[Inline] = []
    for part in out:   # adjacent plain strings as one (as the content's texts are)
        if merged and isinstance(part, Str) and isinstance(merged[-1], Str):
            merged[-1] = Str(merged[-1].text + part.text)
        else:
            merged.append(part)
    return tuple(merged)


def instruction_values(a: Amendment, lang: str) -> dict:
    """The placeholders of an amendment's instruction, in one language."""
    target = a.target
    values = {"label": a.new_label}
    for form in ("the", "in"):
        phrase = locale.target_phrase(target.kind, target.label, lang, form)
        values[f"{form}_target"] = phrase
        values[f"{form.capitalize()}_target"] = locale.capitalise(phrase)
    new = locale.target_phrase(target.kind, "", lang, "a")
    values["a_new"], values["A_new"] = new, locale.capitalise(new)
    for key, pair in (("old", a.old_words), ("new", a.new_words)):
        values[key] = pair[lang].parts if pair is not None else ()
    return values


def instruction_entry(a: Amendment) -> str:
    """Which sentence an amendment's action takes: an inserted item with a
    label of its own (`Cbis`) is `insert`, one without (before the first
    item) `insert-before` or `insert-after`."""
    if a.action in ("insert-before", "insert-after") and a.new_label:
        return "insert"
    return a.action


def _amendments(doc: Document, templates: Path, calls: _Calls, ids, langs) -> list[Row]:
    words = load_wording(templates)["amendment"]
    rows: list[Row] = []
    for a in doc.amendments.amendments:
        heading = {}
        for lang in LANGS:
            by = locale.capitals(locale.by_authors(a.authors, False, lang), lang)
            text = fill_parts(words["heading"], lang, {"number": a.number, "by": by})
            if a.amends is not None:
                text += (Str(" "),) + fill_parts(words["subamendment"], lang,
                                                 {"amends": a.amends})
            heading[lang] = text
        rows.append(_row(calls, next(ids), "amendment-heading", langs, None, _pair_of(heading)))
        target = {lang: _words(locale.target_phrase(a.target.kind, a.target.label, lang,
                                                    "heading")) for lang in LANGS}
        rows.append(_row(calls, next(ids), "amendment-target", langs, None, _pair_of(target)))
        entry = words["instruction"][instruction_entry(a)]
        instruction = {lang: fill_parts(entry, lang, instruction_values(a, lang))
                       for lang in LANGS}
        rows.append(_row(calls, next(ids), "instruction", langs, None, _pair_of(instruction)))
        if a.text is not None or a.lead is not None:
            rows.append(_new_text(calls, next(ids), a, langs))
        if a.justification:
            rows.append(_row(calls, next(ids), "justification-heading", langs, None,
                             _pair_of({lang: _words(words["justification"][lang])
                                       for lang in LANGS})))
            for paragraph in a.justification:
                rows.append(_row(calls, next(ids), "paragraph", langs, None, paragraph))
        rows[-1] = replace(rows[-1], keep_with_next=True)   # signed under the last paragraph
        for i, author in enumerate(a.authors):
            signed = f"{author.name} ({author.party})" if author.party else author.name
            rows.append(replace(_row(calls, next(ids), "signature", langs, None,
                                     _pair_of({lang: _words(signed) for lang in LANGS})),
                                keep_with_next=i < len(a.authors) - 1))
    return rows


def _new_text(calls: _Calls, row_id: str, a: Amendment, langs) -> Row:
    """The new item, quoted as the Chamber does: `“Cbis. considérant que …;”`
    with its label (a request's opening verb in small caps); the new title,
    or an item without a label, as a quoted paragraph."""
    def closed(pair: Pair | None) -> Pair | None:
        if pair is None:
            return None
        return _pair_of({lang: tuple(pair[lang].parts) + (Str("”"),) for lang in LANGS})

    if a.target.kind == "title" or not a.new_label:
        if a.lead is not None:   # the opening verb keeps its small capitals
            end = (Str("”"),) if a.text is None else ()
            lead = _pair_of({lang: (Str("“"),) + tuple(a.lead[lang].parts) + end
                             for lang in LANGS})
            return _row(calls, row_id, "quote", langs, lead, closed(a.text))
        opened = {lang: (Str("“"),) + tuple(a.text[lang].parts) + (Str("”"),) for lang in LANGS}
        return _row(calls, row_id, "quote", langs, None, _pair_of(opened))
    label = f"“{a.new_label}."
    if a.text is not None:
        return _row(calls, row_id, "new-item", langs, a.lead, closed(a.text), label=label)
    return _row(calls, row_id, "new-item", langs, closed(a.lead), None, label=label)


def _note_texts(note: Footnote, langs) -> dict[str, tuple[Part, ...]]:
    # Notes hold no calls (the loader refuses them): their parts are text only.
    return {lang: typeset((p for p in note.text[lang].parts if not isinstance(p, NoteRef)), lang)
            for lang in langs}
