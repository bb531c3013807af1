"""The paired notes: one Word footnote per note, its body a two-cell table
(lead language left), each cell starting with the note's number and a tab
(Word's own mark on the left, a NOTEREF field on the right; LibreOffice may
have turned either into plain digits). See render.writers.docx.notes.

A note is known by the bookmarks around the call that carries it: the
writer's `_RefFnN`, which Word keeps when it renumbers notes, and any Word
adds for a cross-reference (`_Ref…`)."""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..model import LANG_NAMES
from .body import Paragraphs
from .problems import Problems, Where
from .runs import CallTo, NumberMark, ParagraphReader, Piece, W, plain_text


@dataclass
class RawNote:
    footnote: str                   # its w:id in the footnotes part
    sides: dict[str, list]          # language → tokens of its text
    where: Where
    bookmarks: list[str] = field(default_factory=list)   # around the call that carries it


def read_notes(footnotes: etree._Element | None, reader: ParagraphReader, langs,
               problems: Problems) -> dict[str, RawNote]:
    notes: dict[str, RawNote] = {}
    if footnotes is None:
        return notes
    paragraphs = Paragraphs(footnotes, reader, label="note paragraph")
    number = 0
    for fn in footnotes.iterfind(f"{W}footnote"):
        if fn.get(f"{W}type") in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        number += 1
        fid = fn.get(f"{W}id")
        words = plain_text([t for p in fn.iter(f"{W}p") for t in reader.tokens(p)])
        where = Where(f"note {number}", words)
        tables = fn.findall(f"{W}tbl")
        rows = tables[0].findall(f"{W}tr") if len(tables) == 1 else []
        cells = rows[0].findall(f"{W}tc") if len(rows) == 1 else []
        if len(cells) != 2:
            problems.add(where, "this note is not a paired note (a table of two cells, one per "
                                "language, as the README's “Adding a paired note” shows); "
                                "copy the table of another note into it")
            continue
        outside = [p for p in fn.iterfind(f"{W}p") if _text_of(reader.tokens(p)).strip()]
        for p in outside:
            problems.add(paragraphs.where(p), "text in a note outside its two-cell table: "
                                              "move it into the table or delete it")
        sides = {}
        for lang, tc in zip(langs, cells):
            written = [p for p in tc.iterfind(f"{W}p") if _text_of(reader.tokens(p)).strip()]
            if len(written) > 1:
                problems.add(where, f"the {LANG_NAMES[lang]} text of this note is "
                                    f"{len(written)} paragraphs; a note is one paragraph")
            tokens = _without_number(reader.tokens(written[0])) if written else []
            if not _text_of(tokens).strip():
                problems.add(where, f"the {LANG_NAMES[lang]} text of this note is empty: write "
                                    "it, or delete the note's call in the lead column")
            sides[lang] = tokens
        notes[fid] = RawNote(fid, sides, where)
    return notes


def _text_of(tokens) -> str:
    return plain_text([t for t in tokens if isinstance(t, Piece)])


def _without_number(tokens: list) -> list:
    """A cell's text without the note's number and the tab after it: what
    comes before the last tab of a start made of the number (a mark, a
    field, or digits as LibreOffice writes them) and white space."""
    cut = None   # (token index, offset in its text) just after that tab
    for i, t in enumerate(tokens):
        if not isinstance(t, Piece):
            continue
        stop = False
        for k, ch in enumerate(t.text):
            if ch == "\t":
                cut = (i, k + 1)
            elif not (ch.isdigit() or ch.isspace()):
                stop = True
                break
        if stop:
            break
    if cut is None:
        return [t for t in tokens if not isinstance(t, (NumberMark, CallTo))]
    i, k = cut
    rest = Piece(tokens[i].text[k:], tokens[i].emph, tokens[i].role)
    return ([rest] if rest.text else []) + tokens[i + 1:]


def carrying_bookmarks(document: etree._Element) -> dict[str, list[str]]:
    """Footnote id → the names of the bookmarks around its reference in the text."""
    open_marks: dict[str, str] = {}
    out: dict[str, list[str]] = {}
    for e in document.iter(f"{W}bookmarkStart", f"{W}bookmarkEnd", f"{W}footnoteReference"):
        if e.tag == f"{W}bookmarkStart":
            open_marks[e.get(f"{W}id")] = e.get(f"{W}name", "")
        elif e.tag == f"{W}bookmarkEnd":
            open_marks.pop(e.get(f"{W}id"), None)
        else:
            out.setdefault(e.get(f"{W}id"), []).extend(open_marks.values())
    return out


def bookmark_targets(document: etree._Element) -> dict[str, str]:
    """Bookmark name → the footnote whose reference it holds."""
    out = {}
    for fid, names in carrying_bookmarks(document).items():
        for name in names:
            out.setdefault(name, fid)
    return out
