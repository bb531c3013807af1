"""The logical structure of the PDF: what a screen reader follows.

Built from the HTML the PDF was laid out from and the runs WeasyPrint drew
(`capture`). Reading order: language by language. The lead language's
column is read whole (its cover texts, its legend and publisher's block,
its text with each note right after its call), then the other language's,
each a `Part` that carries its language; what belongs to neither language
(the document number, the party legend) stands before and after them.
A reader who follows one language is never made to hear every paragraph
twice, and skips the other language in one step; each column is a complete
text, so reading one through loses nothing.

Headings: the title (document type and title; a later sub-document's
`AMENDEMENTS` or `TEXTE ADOPTÉ …` too) is `H1` in each language, the parts
of the text (`DÉVELOPPEMENTS` …) `H2`, their subheadings `H3` (an
amendment's number and authors `H3`, its target and `JUSTIFICATION` `H4`).
Considerants and requests are lists (`L`, `LI`, `Lbl` for `A.` or `4.4.1.`,
`LBody`), requests nested by level. A note call is a `Reference` holding a
`Link` to the note; the note follows it as a `Note` (with an `ID`) whose
number, a `Lbl`, links back to the call. URLs are `Link`s. Running heads,
page numbers and running strips are artifacts.

The classes read here are those written by render/writers/html.py and
templates/html/document.html.j2; an element this module does not know reads
as a paragraph, and a run it cannot place is still tagged, at the end.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from .capture import Capture, Run
from .urls import url_links

# HTML elements that hold blocks, and those that hold text.
_TEXT_BLOCKS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "li", "dt", "dd",
                "div", "caption", "figcaption", "blockquote"}
_CONTAINERS = {"html", "body", "section", "article", "main", "header", "footer", "nav", "aside",
               "table", "thead", "tbody", "tfoot", "tr", "ul", "ol", "dl", "colgroup", "col",
               "figure"}
_HEADING = re.compile(r"h([1-6])$")
_DEPTH = re.compile(r"depth-(\d+)$")
# The lists of the resolution, by the class of their paragraphs, and how
# their labels count.
LISTS = {"considerant": "UpperAlpha", "request": "Decimal"}


@dataclass(frozen=True)
class NoteTarget:
    """A note, in one language (its half of the paired note)."""
    number: str
    lang: str


@dataclass(frozen=True)
class CallTarget:
    """The first call of a note in one language's column."""
    number: str
    lang: str


@dataclass(frozen=True)
class UriTarget:
    address: str


@dataclass(eq=False)
class Node:
    """A structure element: its standard type, its kids (nodes and runs) in
    reading order, its language; a `Link` also what it points to and the
    stretches of runs its rectangles cover."""

    role: str
    kids: list = field(default_factory=list)
    lang: str | None = None
    id: str | None = None
    target: NoteTarget | CallTarget | UriTarget | None = None
    pieces: list = field(default_factory=list)     # Link: (run, start, end), None = whole run
    numbering: str | None = None                   # L: how its labels count
    list_item: tuple[str, int] | None = None       # LI while building: (list, depth)

    def runs(self):
        for kid in self.kids:
            if isinstance(kid, Node):
                yield from kid.runs()
            else:
                yield kid

    def nodes(self):
        yield self
        for kid in self.kids:
            if isinstance(kid, Node):
                yield from kid.nodes()


@dataclass
class Structure:
    root: Node
    artifacts: list[Run]                          # furniture
    small_caps: list[Run]                         # runs whose glyphs do not tell their text
    notes: dict[NoteTarget, Node]                 # each note's element
    calls: dict[CallTarget, Run]                  # each first call
    unplaced: list[Run]                           # runs read only at the end (none expected)


def build(capture: Capture, main_lang: str, langs: tuple[str, ...]) -> Structure:
    return _Builder(capture, main_lang, langs).build()


def _classes(element) -> list[str]:
    return (element.get("class") or "").split()


class _Builder:
    def __init__(self, capture: Capture, main_lang: str, langs: tuple[str, ...]):
        self.capture = capture
        self.main_lang, self.langs = main_lang, langs
        self.roots = capture.roots    # one per part the PDF writer laid out
        self._langs: dict[int, str | None] = {}
        self.parent = {child: parent for root in self.roots for parent in root.iter()
                       for child in parent}
        self.own: dict[object, list[Run]] = defaultdict(list)      # element → its runs
        self.calls_drawn: dict[object, list[Run]] = defaultdict(list)  # note → its call
        self.artifacts, self.small_caps = [], []
        for page in capture.runs:
            for run in page:
                if capture.is_furniture(run) or run.element is None:
                    self.artifacts.append(run)
                    continue
                if run.box.style["font_variant_caps"] != "normal":
                    self.small_caps.append(run)
                if run.pseudo == "footnote-call":
                    self.calls_drawn[run.element].append(run)
                else:
                    self.own[run.element].append(run)
        self.halves = {}
        for element in (e for root in self.roots for e in root.iter()):
            if isinstance(element.tag, str) and "fn-half" in _classes(element):
                note = self.parent.get(element)
                if note is not None:
                    self.halves[NoteTarget(note.get("data-n"), self.lang(element))] = element
        self.notes: dict[NoteTarget, Node] = {}
        self.calls: dict[CallTarget, Run] = {}

    # --- the document ---------------------------------------------------------

    def build(self) -> Structure:
        bodies = [next((e for e in root if e.tag == "body"), root) for root in self.roots]
        parts = {lang: Node("Part", lang=lang) for lang in self.langs}
        front, back = [], []
        containers = (e for body in bodies for e in body if isinstance(e.tag, str))
        for index, container in enumerate(containers):
            for lang in self.langs:
                blocks = self.blocks(container, lang)
                if blocks:
                    parts[lang].kids.append(Node("Sect", blocks, lang))
            (front if index == 0 else back).extend(self.blocks(container, None))
        for target in self.halves:                   # a note no column calls
            if target not in self.notes and target.lang in parts:
                parts[target.lang].kids.append(self.note(target))
        kids = front + [parts[lang] for lang in self.langs if parts[lang].kids]
        if back:
            kids.append(Node("Sect", back))
        root = Node("Document", kids, self.main_lang)
        placed = {id(run) for run in root.runs()} | {id(run) for run in self.artifacts}
        unplaced = [run for page in self.capture.runs for run in page if id(run) not in placed]
        if unplaced:
            root.kids.append(Node("P", unplaced))
        return Structure(root, self.artifacts, self.small_caps, self.notes, self.calls,
                         unplaced)

    def lang(self, element) -> str | None:
        """The language of an element's column (None outside the columns)."""
        key = id(element)
        if key not in self._langs:
            parent = self.parent.get(element)
            if element.get("lang") and parent is not None:
                self._langs[key] = element.get("lang")
            else:
                self._langs[key] = None if parent is None else self.lang(parent)
        return self._langs[key]

    # --- blocks ------------------------------------------------------------------

    def blocks(self, element, lang: str | None) -> list[Node]:
        """The blocks of one language (None: of no language) under an
        element, in document order, lists gathered."""
        out: list[Node] = []
        self._blocks(element, lang, out)
        return _lists(_titles([b for b in out if b.kids]))

    def _blocks(self, element, lang, out: list[Node]) -> None:
        for child in element:
            if not isinstance(child.tag, str):
                continue
            if child.tag == "tr" and lang is None and self._neutral_row(child):
                out.append(Node("P", self.inline(child, None)))
            elif self._holds_text(child):
                if self.lang(child) == lang:
                    out.append(self.block(child, lang))
            else:
                self._blocks(child, lang, out)

    def _holds_text(self, element) -> bool:
        """Whether an element is a block of text (no block inside it)."""
        if element.tag in _CONTAINERS:
            return False
        return element.tag not in _TEXT_BLOCKS or not any(
            isinstance(e.tag, str) and e is not element
            and (e.tag in _TEXT_BLOCKS or e.tag in _CONTAINERS) for e in element.iter())

    def _neutral_row(self, row) -> bool:
        """A row of cells of no language (the document number over the
        cover's corners) reads as one paragraph."""
        cells = [c for c in row if isinstance(c.tag, str)]
        return len(cells) > 1 and all(self._holds_text(c) and self.lang(c) is None
                                      for c in cells)

    def block(self, element, lang: str | None) -> Node:
        classes = set(_classes(element))
        table = self._table_classes(element)
        heading = _HEADING.match(element.tag)
        if classes & LISTS.keys():
            return self.list_item(element, lang, classes)
        if heading:
            role = f"H{min(int(heading.group(1)) + 1, 6)}"    # the title is H1
        elif "heading" in classes:
            role = "H3"
        elif "cover-doctype" in table:
            role = "H1"
        elif table & {"cover-title", "cover-subdocument"}:
            role = "title"                                  # joined to the H1 above it
        else:
            role = "P"
        return Node(role, self.inline(element, lang), lang)

    def _table_classes(self, element) -> set[str]:
        while element is not None and element.tag != "table":
            element = self.parent.get(element)
        return set(_classes(element)) if element is not None else set()

    def list_item(self, element, lang, classes) -> Node:
        kind = next(k for k in LISTS if k in classes)
        depth = next((int(m.group(1)) for c in classes if (m := _DEPTH.match(c))), 1)
        labels: list[Run] = []
        body = self.inline(element, lang, label_class="label", labels=labels)
        kids = [Node("Lbl", labels, lang)] if labels else []
        kids.append(Node("LBody", body, lang))
        return Node("LI", kids, lang, list_item=(kind, depth))

    # --- inline content --------------------------------------------------------

    def inline(self, element, lang, label_class: str | None = None,
               labels: list[Run] | None = None) -> list:
        """The runs and inline elements of a block in reading order (the order
        WeasyPrint drew them), note calls with their notes, URLs as links.
        Runs of `label_class` go to `labels` instead."""
        keyed: list[tuple[tuple, object]] = []
        self._collect(element, lang, keyed, label_class, labels)
        keyed.sort(key=lambda item: item[0])
        return _with_urls([item for _, item in keyed], lang)

    def _collect(self, element, lang, keyed, label_class, labels) -> None:
        for run in self.own.get(element, ()):
            keyed.append(((run.page, run.mcid, 0), run))
        for child in element:
            if not isinstance(child.tag, str):
                continue
            classes = _classes(child)
            if "fn" in classes:                              # a note, drawn at its call
                self._call(child, lang, self.calls_drawn.get(child, []), True, keyed)
            elif "call" in classes:                          # another call of a note
                self._call(child, lang, self.own.get(child, []), "first" in classes, keyed)
            elif label_class and label_class in classes and labels is not None:
                labels.extend(sorted(self._all_runs(child), key=lambda r: r.key))
            else:
                self._collect(child, lang, keyed, label_class, labels)

    def _all_runs(self, element) -> list[Run]:
        return [run for e in element.iter() for run in self.own.get(e, ())]

    def _call(self, element, lang, runs: list[Run], first: bool, keyed) -> None:
        if not runs:
            return
        number = element.get("data-n")
        link = Node("Link", list(runs), lang, target=NoteTarget(number, lang),
                    pieces=[(run, None, None) for run in runs])
        at = (runs[0].page, runs[0].mcid)
        keyed.append((at + (0,), Node("Reference", [link], lang)))
        target = NoteTarget(number, lang)
        if first and CallTarget(number, lang) not in self.calls:
            self.calls[CallTarget(number, lang)] = runs[0]
            if target in self.halves and target not in self.notes:
                keyed.append((at + (1,), self.note(target)))

    def note(self, target: NoteTarget) -> Node:
        """A note in one language: its number (a link back to its call), then its text."""
        numbers: list[Run] = []
        text = self.inline(self.halves[target], target.lang, "fn-num", numbers)
        back = Node("Link", numbers, target.lang, target=CallTarget(target.number, target.lang),
                    pieces=[(run, None, None) for run in numbers])
        node = Node("Note", [Node("Lbl", [back], target.lang)] + text, target.lang,
                    id=f"note-{target.number}-{target.lang}")
        self.notes[target] = node
        return node


# --- what blocks make together -------------------------------------------------

def _titles(blocks: list[Node]) -> list[Node]:
    """The cover's title joins the document type above it: one H1."""
    out: list[Node] = []
    for block in blocks:
        if block.role == "title":
            if out and out[-1].role == "H1":
                out[-1].kids.extend(block.kids)
                continue
            block.role = "P"
        out.append(block)
    return out


def _lists(blocks: list[Node]) -> list[Node]:
    """Consecutive list items gathered into lists, a deeper level nested in
    the body of the item above it."""
    out: list[Node] = []
    open_lists: list[tuple[str, int, Node]] = []     # (kind, depth, L), outermost first
    for block in blocks:
        if block.list_item is None:
            open_lists.clear()
            out.append(block)
            continue
        kind, depth = block.list_item
        while open_lists and (open_lists[-1][0] != kind or open_lists[-1][1] > depth):
            open_lists.pop()
        if not open_lists or open_lists[-1][1] < depth:
            new = Node("L", lang=block.lang, numbering=LISTS[kind])
            if open_lists:
                open_lists[-1][2].kids[-1].kids[-1].kids.append(new)   # the LBody above
            else:
                out.append(new)
            open_lists.append((kind, depth, new))
        open_lists[-1][2].kids.append(block)
    return out


def _with_urls(items: list, lang) -> list:
    """Runs that show URLs grouped into `Link`s (a run shared by two links
    goes to the first; the second still has its rectangle)."""
    out, stretch = [], []

    def flush():
        taken: set[int] = set()
        links = url_links(stretch)
        starts = {}
        for link in links:
            runs = [run for run, _, _ in link.pieces if id(run) not in taken]
            taken.update(id(run) for run in runs)
            node = Node("Link", runs, lang, target=UriTarget(link.address),
                        pieces=list(link.pieces))
            starts.setdefault(id(runs[0]) if runs else None, []).append(node)
        for run in stretch:
            out.extend(starts.get(id(run), []))
            if id(run) not in taken:
                out.append(run)
        out.extend(starts.get(None, []))
        stretch.clear()

    for item in items:
        if isinstance(item, Run):
            stretch.append(item)
        else:
            flush()
            out.append(item)
    flush()
    return out
