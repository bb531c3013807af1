"""The main document as hemicycle laid it out: the cover (its title and
summary are read back; the rest is furniture computed from the metadata),
then the text, one two-column table row per pair, lead language left.

Each row is read by the Word style of its paragraphs, the row kinds of
render.layout.rows: `Body Text` a paragraph, `Request 2` a request of the
second level, and so on. A row in a `… (continued)` style that follows a row
kept tight to it (no space after) is the rest of the same pair, cut at a
note call's sentence. Labels (`A.`, `4.1.`) are derived, so they are
dropped, and a row added anywhere is a new item.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from ..layout.rows import ROW_KINDS
from ..model import LANG_NAMES, MAX_REQUEST_DEPTH
from .problems import Problems, Where
from .runs import (
    ParagraphReader,
    Piece,
    StyleNames,
    Token,
    W,
    paragraph_style,
    plain_text,
)


@dataclass(frozen=True)
class Join:
    """Where a pair cut into rows is joined again: the writer dropped the
    space between the sentences there."""


@dataclass
class Side:
    """One language's side of an item, as tokens: the lead verb and the text."""

    verb: list = field(default_factory=list)
    text: list = field(default_factory=list)


@dataclass
class RawItem:
    kind: str                   # a row kind of render.layout.rows
    depth: int
    sides: dict[str, Side]      # by language
    where: Where
    tight: bool = False         # its last row keeps no space after (more rows follow)


@dataclass
class Body:
    title: dict[str, list] | None = None          # language → tokens
    summary: dict[str, list] | None = None
    items: list[RawItem] = field(default_factory=list)
    developments_at: Where | None = None


# Word style (lower case) → (row kind, depth); part titles are furniture.
_KINDS: dict[str, tuple[str, int]] = {}
for _kind in ROW_KINDS.values():
    for _depth in range(1, MAX_REQUEST_DEPTH + 1):
        _KINDS.setdefault(_kind.style(_depth).lower(), (_kind.name, _depth))
_FURNITURE = {"part-title", "resolution-title"}


class Paragraphs:
    """Every paragraph of a story numbered in reading order (tables
    included), to say where a problem stands."""

    def __init__(self, root: etree._Element, reader: ParagraphReader, label: str = "paragraph"):
        # keyed by the elements themselves: lxml's proxies are only stable while alive
        self.number = {p: i for i, p in enumerate(root.iter(f"{W}p"), start=1)}
        self.reader, self.label = reader, label

    def where(self, e: etree._Element) -> Where:
        p = e if e.tag == f"{W}p" else next(e.iterancestors(f"{W}p"), None)
        if p is None:
            p = next(e.iter(f"{W}p"), None)
        if p is None:
            return Where()
        return Where(f"{self.label} {self.number.get(p, '?')}",
                     plain_text(self.reader.tokens(p)))


def read_body(document: etree._Element, styles: StyleNames, langs: tuple[str, str],
              problems: Problems) -> Body:
    reader = ParagraphReader(styles)
    paragraphs = Paragraphs(document, reader)
    body_el = document.find(f"{W}body")
    body = Body()
    if body_el is None:
        return body
    blocks = list(_blocks(body_el))
    cover_end = next((i for i, b in enumerate(blocks)
                      if b.tag == f"{W}p" and b.find(f"{W}pPr/{W}sectPr") is not None), -1)
    for block in blocks[:cover_end + 1]:
        if block.tag == f"{W}tbl":
            _cover_table(block, styles, reader, langs, body)
    reading = _Rows(styles, reader, paragraphs, langs, problems, body)
    for block in blocks[cover_end + 1:]:
        if block.tag == f"{W}tbl":
            for tr in block.iterfind(f"{W}tr"):
                reading.row(tr)
        elif block.tag == f"{W}p":
            text = plain_text(reader.tokens(block))
            if text.strip():
                problems.add(paragraphs.where(block),
                             "text outside the two-column table: content is only what the "
                             "table's rows hold; move it into a row (a new row: Tab in the "
                             "last cell of the row above) or delete it")
    return body


def _blocks(container: etree._Element):
    """Body-level paragraphs and tables, inside block-level content controls too."""
    for child in container:
        if child.tag in (f"{W}p", f"{W}tbl"):
            yield child
        elif child.tag == f"{W}sdt":
            content = child.find(f"{W}sdtContent")
            if content is not None:
                yield from _blocks(content)


def _cover_table(tbl, styles: StyleNames, reader: ParagraphReader, langs, body: Body) -> None:
    for tr in tbl.iterfind(f"{W}tr"):
        cells = tr.findall(f"{W}tc")
        if len(cells) != 2:
            continue
        for style, target in (("cover title", "title"), ("summary text", "summary")):
            found = {}
            for lang, tc in zip(langs, cells):
                ps = [p for p in tc.iterfind(f"{W}p") if styles.base(paragraph_style(p)) == style]
                if ps:
                    tokens: list = []
                    for i, p in enumerate(ps):
                        tokens += ([Piece(" ")] if i else []) + reader.tokens(p)
                    found[lang] = tokens
            if len(found) == 2:
                setattr(body, target, found)


class _Rows:
    def __init__(self, styles, reader, paragraphs, langs, problems: Problems, body: Body):
        self.styles, self.reader, self.paragraphs = styles, reader, paragraphs
        self.langs, self.problems, self.body = langs, problems, body

    def row(self, tr: etree._Element) -> None:
        cells = tr.findall(f"{W}tc")
        where = self.paragraphs.where(tr)
        if len(cells) != 2 or any(tc.find(f"{W}tcPr/{W}gridSpan") is not None
                                  or tc.find(f"{W}tcPr/{W}vMerge") is not None for tc in cells):
            self.problems.add(where, f"this row has {len(cells)} cell(s) where hemicycle has "
                                     "two, one per language (a cell split or merged in Word?); "
                                     "put the row back as two cells")
            return
        if any(tc.find(f".//{W}tbl") is not None for tc in cells):
            self.problems.add(where, "a table inside a cell of the text cannot be imported; "
                                     "write its content as rows")
            return
        sides, kinds, continued, tight = {}, [], [], False
        for lang, tc in zip(self.langs, cells):
            ps = tc.findall(f"{W}p")
            written = [p for p in ps if plain_text(self.reader.tokens(p)).strip()]
            if len(written) > 1:
                self.problems.add(self.paragraphs.where(written[1]),
                                  f"a {LANG_NAMES[lang]} cell holds {len(written)} paragraphs; "
                                  "a text is one paragraph: join them, or put each in a row of "
                                  "its own (Tab in the last cell adds a row)")
            p = written[0] if written else ps[0] if ps else None
            style = paragraph_style(p) if p is not None else None
            kinds.append(_KINDS.get(self.styles.base(style)))
            continued.append(self.styles.continued(style))
            tokens = self.reader.tokens(written[0]) if written else []
            sides[lang] = tokens
            if lang == self.langs[0] and p is not None:
                after = p.find(f"{W}pPr/{W}spacing")
                tight = after is not None and after.get(f"{W}after") == "0"
        if not any(plain_text(t).strip() or _calls(t) for t in sides.values()):
            return   # an empty row holds nothing
        kind = kinds[0]
        if kind is None or kinds[1] != kind:
            names = " and ".join(sorted({self.styles.names.get(paragraph_style(tc.find(f"{W}p")),
                                                              "no style")
                                         if tc.find(f"{W}p") is not None else "no style"
                                         for tc in cells}))
            self.problems.add(where, f"the row's style ({names}) is not one of hemicycle's row "
                                     "styles, the same in both cells: give both cells one of "
                                     "Body Text, Subheading, Salutation, Signature, Resolution "
                                     "Opening, Considerant, Request 1 to 4")
            return
        name, depth = kind
        if name in _FURNITURE:
            if name == "part-title" and self.body.developments_at is None:
                self.body.developments_at = where
            return
        for lang in self.langs:
            if not plain_text(sides[lang]).strip() and not _calls(sides[lang]):
                self.problems.add(where, f"the {LANG_NAMES[lang]} cell of this row is empty: "
                                         "every row holds both languages; write the "
                                         f"{LANG_NAMES[lang]} text or delete the row")
                return
        items = self.body.items
        if (all(continued) and items and items[-1].kind == name and items[-1].depth == depth
                and items[-1].tight):
            for lang in self.langs:
                items[-1].sides[lang].text += [Join()] + _without_label(sides[lang])
            items[-1].tight = tight
            return
        item = RawItem(name, depth, {}, where, tight)
        for lang in self.langs:
            item.sides[lang] = _split_verb(_without_label(sides[lang]), self.problems, where)
        items.append(item)


def _calls(tokens) -> bool:
    return any(not isinstance(t, Piece) for t in tokens)


def _without_label(tokens: list[Token]) -> list[Token]:
    """The tokens without the label (`A.`, `4.1.`) and the tab after it."""
    out, after_label = [], False
    for t in tokens:
        if isinstance(t, Piece) and t.role == "label":
            after_label = True
            continue
        if after_label and isinstance(t, Piece) and t.text.startswith("\t"):
            t = Piece(t.text[1:], t.emph, t.role)
            if not t.text:
                after_label = False
                continue
        after_label = False
        out.append(t)
    return out


def _split_verb(tokens: list[Token], problems: Problems, where: Where) -> Side:
    """A request's lead verb (its character style) and its text."""
    verbs = [i for i, t in enumerate(tokens) if isinstance(t, Piece) and t.role == "verb"
             and t.text.strip()]
    if not verbs:
        return Side([], tokens)
    end = verbs[-1] + 1
    while end < len(tokens) and not isinstance(tokens[end], Piece):
        end += 1                                   # the verb's own calls
    if any(isinstance(t, Piece) and t.role != "verb" and t.text.strip() for t in tokens[:end]):
        problems.add(where, "the Lead Verb style stands inside the text: only the request's "
                            "opening words may have it; remove it from the rest")
    return Side([t if not isinstance(t, Piece) else Piece(t.text, t.emph) for t in tokens[:end]],
                tokens[end:])
