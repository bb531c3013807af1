"""Document → PDF: the HTML of `html_writer` laid out by WeasyPrint.

Nothing is fetched from the network or read outside the templates folder:
WeasyPrint gets a URL fetcher that serves only files under that folder. The
fonts and the stylesheet are loaded once per process and templates folder.
The output is byte-identical for the same input: the PDF's dates come from
the document (its date of deposit), and no random identifier is written.
"""
from __future__ import annotations

import atexit
import mimetypes
import weakref
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable
from urllib.parse import unquote, urlsplit

from .html import STYLESHEET, HTML_DIR, base_url, stylesheet_text
from .engine import import_weasyprint
from .publish import publish_pdf
from .justify import patch_justification
from .pair_breaks import STRADDLE_FROM, is_first_call, patch_pair_breaks
from .pdf_footnotes import patch_footnotes
from ..caching import from_files
from ..errors import ContentError, Problem
from ..model import Document
from . import Rendered, WriterOptions


class RefusedFetch(ValueError):
    pass


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class TemplatesFetcher(URLFetcher):
        """Serves `file:` URLs under the templates folder; refuses everything else
        (http, https, data, files elsewhere). Refused URLs are kept in `refused`."""

        def __init__(self, root: Path):
            super().__init__(allowed_protocols=("file",))
            self.root = root.resolve()
            self.refused: list[str] = []
            self.served: list[str] = []

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                self.refused.append(url)
                raise RefusedFetch(f"hemicycle fetches nothing outside the templates folder: {url}")
            path = Path(unquote(parts.path)).resolve()
            if not path.is_relative_to(self.root) or not path.is_file():
                self.refused.append(url)
                raise RefusedFetch(f"not a file of the templates folder: {url}")
            self.served.append(url)
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(),
                                      headers={"Content-Type": mime})

    return TemplatesFetcher


def _patch_footnote_overflow():
    """Work around a WeasyPrint 70 bug: after adding a note to the footnote
    area, it tells whether the area overflows by comparing two float sums of
    the same heights without tolerance, so rounding noise (heights in pt are
    thirds of a px) reports an overflow at random; the note and the line of
    its call are then moved to the next page although they fit. With no
    `max-height` on the area (the default), its height is its content's and
    a real overflow cannot happen there (a page too full is caught by the
    page's own overflow test), so such reports are dropped."""
    from weasyprint.layout import LayoutContext

    original = LayoutContext._update_footnote_area
    if getattr(original, "hemicycle_patched", False):
        return

    def update_footnote_area(self):
        overflow = original(self)
        if overflow:
            max_height = self.current_footnote_area.style["max_height"]
            if getattr(max_height, "value", None) == float("inf"):
                return False
        return overflow

    update_footnote_area.hemicycle_patched = True
    LayoutContext._update_footnote_area = update_footnote_area


@dataclass
class _Setup:
    fetcher: object
    font_config: object
    stylesheet: object
    first_pages: dict = field(default_factory=dict)   # page number → its stylesheet


@from_files(maxsize=8)
def setup(templates: Path) -> _Setup:
    """Fonts, stylesheet and fetcher of one templates folder, loaded once."""
    import_weasyprint()
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    _patch_footnote_overflow()
    patch_justification()
    patch_pair_breaks()
    patch_footnotes()
    templates = templates.resolve()
    fetcher = _fetcher_class()(templates)
    font_config = FontConfiguration()
    _font_configs.add(font_config)
    css = CSS(string=stylesheet_text(templates),
              base_url=(templates / HTML_DIR / STYLESHEET).as_uri(),
              url_fetcher=fetcher, font_config=font_config)
    return _Setup(fetcher, font_config, css)


# Font configurations made, so that their folders of fonts are removed at
# exit, a quick one included (`hemicycle` skips the interpreter's teardown,
# where FontConfiguration's destructor would fail anyway).
_font_configs: "weakref.WeakSet" = weakref.WeakSet()


def _remove_font_folders() -> None:
    setup.cache_clear()
    for config in list(_font_configs):
        config.__del__()   # removes the folder; idempotent


atexit.register(_remove_font_folders)


MAX_RELAYOUTS = 4


def layout(doc: Document, templates: Path):
    """The laid-out WeasyPrint document, its footnotes on the page of their calls.

    The cover and each run of sections that starts on a fresh page (the
    développements, the resolution) are laid out as parts, each told the
    number of its first page, and their pages joined into one document: the
    PDF is drawn once, with one subset of each font. A part whose HTML and
    first page are unchanged is not laid out again in a process that keeps
    laid-out parts (`hemicycle watch`, see `laid_out_part`)."""
    from .html import PdfSource

    templates = templates.resolve()
    source = PdfSource(doc, templates)
    pages, first, used = [], None, set()
    for part in source.parts:
        key = (templates, _Part(source.html(part), len(pages) + 1, source.row_ids(part),
                                partial(source.html, part)))
        laid_out = laid_out_part(*key)
        used.add(key)
        first = first or laid_out
        pages.extend(laid_out.pages)
    # only this version's parts are kept: an earlier version of a part a save
    # changed would hold memory the size of that part for nothing
    laid_out_part.retain(used)
    return first.copy(pages)


@dataclass(frozen=True)
class _Part:
    """What lays out one part: its HTML and the number of its first page
    decide it (the cache key); `relayout` gives the HTML with some of its
    rows starting a new page."""

    html: str
    first_page: int
    row_ids: frozenset[str]
    relayout: Callable[[frozenset[str]], str] = field(compare=False)


# No part is kept by default: a one-shot build never lays one out twice, and
# a batch of documents would only hold memory. `hemicycle watch` keeps some.
@from_files(maxsize=0)
def laid_out_part(templates: Path, part: _Part):
    """One part laid out, its first page numbered `part.first_page` (a left
    page when even).

    WeasyPrint may move the last note of a page to the next to make room for
    the first line of a row (its widows and orphans logic; the stylesheet's
    `orphans: 1` avoids most of it): that row then starts a new page and the
    part is laid out again (usually never).

    A pair crossing a page can put the two calls of a note on two pages (the
    columns do not break at the same sentence); the note stands with the
    lead language's call. When the pair starts low on its page, it starts
    the next page instead (see `rows_to_break`); otherwise this is left.

    A pair cut by a page break keeps two lines of each cut column on each
    page (`pair_breaks` and the cells' `widows` do it while WeasyPrint lays
    out); a pair that still strands a line starts the next page (see
    `rows_with_stranded_lines`; usually never)."""
    s = setup(templates)   # first: it imports WeasyPrint the quick way (engine.py)
    from weasyprint import HTML

    stylesheets = [s.stylesheet, _first_page(s, part.first_page)]
    html, breaks = part.html, frozenset()
    for _ in range(MAX_RELAYOUTS + 1):
        document = None   # the previous pass is released before the next is made
        document = HTML(string=html, base_url=base_url(templates), url_fetcher=s.fetcher).render(
            stylesheets=stylesheets, font_config=s.font_config)
        placement = note_placement(document)
        more = ((rows_to_break(placement) | rows_with_stranded_lines(row_cuts(document),
                                                                     placement))
                & part.row_ids) - breaks
        if not more:
            break
        breaks = breaks | more
        html = part.relayout(breaks)
    return document


def _first_page(s: _Setup, number: int):
    """The stylesheet that numbers a part's first page and makes it a left
    page when its number is even (WeasyPrint 70 honours both on `:first`
    and the root element)."""
    from weasyprint import CSS

    sheet = s.first_pages.get(number)
    if sheet is None:
        side = "left" if number % 2 == 0 else "right"
        sheet = s.first_pages[number] = CSS(
            string=f"@page :first {{ counter-reset: page {number} }} "
                   f"html {{ break-before: {side} }}",
            font_config=s.font_config)
    return sheet


def render_pdf(doc: Document, templates: Path, options: WriterOptions = WriterOptions()) -> bytes:
    document = layout(doc, templates)
    problems = page_problems(doc, document)
    if problems:
        raise ContentError(problems)
    return Rendered.of(publish_pdf(document, doc), len(document.pages))   # tagged PDF/A-3


def page_problems(doc: Document, document) -> list[Problem]:
    """What the laid-out pages cannot hold: a cover past its page, a note
    taller than a page. `hemicycle check` asks the same (render.check.fits)."""
    return cover_problems(doc, document) + note_problems(doc, document)


# --- the cover -----------------------------------------------------------------

# The cover's texts of varying length, by the class of their table in the
# HTML, and the share of the cover's free room (below the document type,
# above the strip) each may take on a cover that is full: a long summary is
# usual, a title of a third of the page is not.
COVER_SHARES = {"cover-title": 0.25, "cover-authors": 0.25, "cover-summary": 0.5,
                "cover-history": 0.5}


def cover_problems(doc: Document, document) -> list[Problem]:
    """The cover has a fixed height (its strip sits at the foot): rather than
    print a text over the strip, say which text to shorten — the one that
    takes the most room for its share."""
    if not cover_overflows(document):
        return []
    heights = cover_heights(document)
    field = max(heights, key=lambda name: heights[name] / COVER_SHARES[name])
    return [_cover_problem(doc, field)]


def _cover_problem(doc: Document, field: str) -> Problem:
    meta = doc.meta
    fits = "so that the cover fits on its one page"
    if field == "cover-summary":
        return Problem(meta.summary.pos, f"the cover cannot hold this summary: shorten it {fits}")
    if field == "cover-title":
        return Problem(meta.title.pos, f"the cover cannot hold this title: shorten it {fits}")
    if field == "cover-history":   # a later sub-document of a long dossier
        return Problem(meta.number_pos or meta.title.pos,
                       f"the cover cannot hold the history of the dossier's "
                       f"{len(doc.history)} earlier sub-documents {fits}")
    longest = max(meta.authors, key=lambda a: len(a.name))
    if len(longest.name) > sum(len(a.name) for a in meta.authors) / 2:
        return Problem(longest.pos, f"the cover cannot hold the authors with this name: "
                                    f"shorten it {fits}")
    others = "" if meta.and_others else " and set `and_others: true` (et consorts / c.s.)"
    return Problem(meta.authors[0].pos,
                   f"the cover cannot hold these {len(meta.authors)} authors: list fewer"
                   f"{others} {fits}")


def cover_heights(document) -> dict[str, float]:
    """The height each text of varying length takes on the cover, in pt,
    over every page the cover runs onto."""
    from weasyprint.formatting_structure.boxes import TableBox

    heights = dict.fromkeys(COVER_SHARES, 0.0)
    for page in document.pages:
        on_cover = False
        for box, _ in _walk(page._page_box):
            element = getattr(box, "element", None)
            if element is None:
                continue
            classes = (element.get("class") or "").split()
            on_cover = on_cover or (box.element_tag == "section" and "cover" in classes)
            if isinstance(box, TableBox):
                for name in set(classes) & heights.keys():
                    heights[name] += box.margin_height()
        if not on_cover:
            break
    return heights


def cover_overflows(document) -> bool:
    """Whether the cover's texts run past its first page or into its strip."""
    bottom, strip_top = 0.0, None
    for index, page in enumerate(document.pages[:3]):  # an overflow shows by page 2
        for box, _ in _walk(page._page_box):
            element = getattr(box, "element", None)
            if element is None or getattr(box, "element_tag", "") != "table":
                continue
            classes = (element.get("class") or "").split()
            is_strip, is_cover = "cover-session" in classes, "cover-pair" in classes
            if (is_strip or is_cover) and index > 0:
                return True
            if is_strip:
                strip_top = box.position_y if strip_top is None else min(strip_top, box.position_y)
            elif is_cover:
                bottom = max(bottom, box.position_y + box.margin_height())
        if index == 0 and strip_top is not None and bottom > strip_top + 0.01:
            return True
    return False


# --- notes taller than a page -------------------------------------------------------

def note_problems(doc: Document, document) -> list[Problem]:
    """A note stands whole at the foot of one page (WeasyPrint does not carry
    a note over to the next): one taller than a page would be printed over
    the text and past the page's foot. Say which note to shorten."""
    from weasyprint.formatting_structure.boxes import FootnoteAreaBox

    by_number = {str(note.number): note for note in doc.footnotes.values()}
    problems: dict[str, Problem] = {}
    for page in document.pages:
        page_box = page._page_box
        for area in page_box.children:
            if (not isinstance(area, FootnoteAreaBox)
                    or area.position_y >= page_box.content_box_y() - 0.01):
                continue
            number = _tallest_note(area)
            note = by_number.get(number)
            if note is not None and number not in problems:
                problems[number] = Problem(note.text.pos, (
                    f"the note '{note.id}' is taller than a page can hold at its foot: "
                    "shorten it, or move part of it into the text"))
    return list(problems.values())


def _tallest_note(area) -> str | None:
    """The number of the tallest note in a page's footnote area."""
    notes = [(child.margin_height(), child.element.get("data-n"))
             for child in area.children if getattr(child, "element", None) is not None]
    return max(notes)[1] if notes else None


# --- where the notes and their calls landed ----------------------------------

@dataclass
class Placement:
    calls: dict[tuple[str, str], int]   # (note number, language) → page (0-based) of its first call
    notes: dict[tuple[str, str], int]   # (note number, language) → page of its text
    rows: dict[str, list[int]]          # row id → pages it is on, in order
    row_starts: dict[str, float]        # row id → where it starts on its first page (0 top, 1 bottom)
    call_rows: dict[str, str]           # note number → the row holding its note element


def _walk(box, row=None):
    """Every box under `box`, with the id of the table row it is in."""
    stack = [(box, row)]
    while stack:
        b, row = stack.pop()
        element = getattr(b, "element", None)
        if getattr(b, "element_tag", "") == "tr" and element is not None and element.get("id"):
            row = element.get("id")
        yield b, row
        children = getattr(b, "children", None)
        if children:
            stack.extend((child, row) for child in reversed(children))


def note_placement(document) -> Placement:
    from weasyprint.formatting_structure.boxes import FootnoteAreaBox, TextBox

    p = Placement({}, {}, {}, {}, {})
    for index, page in enumerate(document.pages):
        page_box = page._page_box
        top, height = page_box.content_box_y(), page_box.height
        for area in page_box.children:
            footnotes = isinstance(area, FootnoteAreaBox)
            for b, row in _walk(area):
                element = getattr(b, "element", None)
                if element is None:
                    continue
                if getattr(b, "footnote", None) is not None:      # ::footnote-call
                    note = b.footnote.element
                    p.calls.setdefault((note.get("data-n"), note.get("data-call-lang")), index)
                    p.call_rows.setdefault(note.get("data-n"), row)
                    continue
                if isinstance(b, TextBox):
                    continue
                tag = getattr(b, "element_tag", "")
                classes = (element.get("class") or "").split()
                if footnotes and tag == "span" and "fn" in classes:
                    for lang in element.get("data-langs", "").split():
                        p.notes.setdefault((element.get("data-n"), lang), index)
                elif is_first_call(b):
                    p.calls.setdefault((element.get("data-n"), element.get("data-lang")), index)
                elif tag == "tr" and element.get("id"):
                    pages = p.rows.setdefault(element.get("id"), [])
                    if not pages:
                        p.row_starts[element.get("id")] = (b.position_y - top) / height
                    if not pages or pages[-1] != index:
                        pages.append(index)
    return p


def misplaced_notes(placement: Placement) -> dict[tuple[str, str], tuple[int, int | None]]:
    """(note number, language) → (page of its first call, page of its text),
    for every note whose text does not stand on the page of its call."""
    return {key: (page, placement.notes.get(key)) for key, page in placement.calls.items()
            if placement.notes.get(key) != page}


def rows_to_break(placement: Placement) -> frozenset[str]:
    """The rows to start on a new page:
    - for a note that left the one page of all its calls, the last row that
      starts on that page (WeasyPrint made room for that row's first line);
    - for a note whose two calls fall on two pages (a pair crossing a page),
      the row of its calls, when that row starts low on its page: on the
      next page, the pair's calls and note stand together, at the cost of
      some space at the foot of the page."""
    starts: dict[int, list[str]] = {}
    for row_id, pages in placement.rows.items():
        starts.setdefault(pages[0], []).append(row_id)
    breaks = set()
    for (number, _), (call_page, note_page) in misplaced_notes(placement).items():
        call_pages = {page for (n, _), page in placement.calls.items() if n == number}
        if len(call_pages) > 1:
            row = placement.call_rows.get(number)
            if (row in placement.rows and placement.rows[row][0] == min(call_pages)
                    and placement.row_starts[row] >= STRADDLE_FROM):
                breaks.add(row)
            continue
        if note_page is None:
            continue
        first = min(call_page, note_page)
        if starts.get(first):
            breaks.add(max(starts[first], key=lambda r: int(r[1:])))
    return frozenset(breaks)


# --- pairs cut by a page break -------------------------------------------------

@dataclass
class RowCut:
    """A row on more than one page: the lines of each of its cells on each."""
    row: str
    lines: dict[str, list[int]]    # "lead" / "other" → lines on each of the row's pages


def row_cuts(document) -> list[RowCut]:
    """Every text row that a page break cuts, with its cells' lines per page."""
    from weasyprint.formatting_structure.boxes import TableRowBox

    from .pair_breaks import line_count

    per_page: dict[str, dict[int, dict[str, int]]] = {}
    for index, page in enumerate(document.pages):
        for box, row in _walk(page._page_box):
            if not isinstance(box, TableRowBox) or row is None:
                continue
            for cell in box.children:
                side = "lead" if "lead" in (cell.element.get("class") or "").split() else "other"
                cells = per_page.setdefault(row, {}).setdefault(index, {})
                cells[side] = cells.get(side, 0) + line_count(cell)
    cuts = []
    for row, pages in per_page.items():
        if len(pages) > 1:
            order = sorted(pages)
            sides = {side for cells in pages.values() for side in cells}
            cuts.append(RowCut(row, {side: [pages[p].get(side, 0) for p in order]
                                     for side in sorted(sides)}))
    return cuts


def stranded_lines(cut: RowCut) -> list[tuple[str, int]]:
    """(cell, index of the row's page) of each cut cell that holds a single
    line on a page, or none on the row's first page (its column would start
    a page after the other)."""
    stranded = []
    for side, lines in cut.lines.items():
        total = sum(lines)
        for index, count in enumerate(lines):
            if (count == 1 and total > 1) or (count == 0 and index == 0 and total > 0):
                stranded.append((side, index))
    return stranded


def rows_with_stranded_lines(cuts: list[RowCut], placement: Placement) -> frozenset[str]:
    """The rows to start on a new page because a cell would leave a single
    line at the foot of the page (or start on the next one); one cut at the
    head of the next page moves its row when the row starts low on its page."""
    rows = set()
    for cut in cuts:
        for _, index in stranded_lines(cut):
            if index == 0 or placement.row_starts.get(cut.row, 0) >= STRADDLE_FROM:
                rows.add(cut.row)
    return frozenset(rows)
