"""Page breaks inside a pair of paragraphs (one table row of the PDF).

WeasyPrint 70 cuts each cell of a row at the foot of the page on its own. A
pair that starts on the last line of a page then leaves one line of each
language alone at the foot, the rest of both paragraphs on the next page.
Its own `orphans` cannot help: it would start one column on the next page and
leave the other where it is (and it moves a page's last note away from its
call). Where the stylesheet sets `--pair-orphans: <n>` on the cells of a
row, a row whose first page would hold fewer than n lines of a cell that
goes on to the next page (or none) is moved to the next page whole, as
WeasyPrint moves a row that must not break inside. (The cut at the head of
the next page is the cells' `widows`.)

When the first line of a paragraph does not fit at the foot of a page,
WeasyPrint moves the page's last notes to the next page to make room for it.
A note of an earlier pair would then stand a page after its calls: in a
pair's cell that line is refused instead, and the pair moves to the next
page. (A note of the pair itself may move: WeasyPrint brings it back when
the pair breaks.)

The same hook keeps a note with its calls: a pair that starts low on its
page (from `STRADDLE_FROM` of the page's height) and would leave the call
of a note in one column on this page and its call in the other column on
the next is moved to the next page whole, where calls and note stand
together. Deciding this while laying out, rather than after, spares a whole
new layout per page where it happens (a document of a hundred pages needed
four).
"""
from __future__ import annotations

PAIR_ORPHANS = "__pair_orphans"       # --pair-orphans
STRADDLE_FROM = 0.6   # a pair starting below 60 % of its page moves rather than split a note


class _NoRoomForLine(Exception):
    """The first line of a pair's cell does not fit without moving notes."""


def patch_pair_breaks():
    """Have WeasyPrint move a row to the next page rather than strand a line
    of one of its cells at the foot of a page, or move a note from its call
    (once per process)."""
    from weasyprint.layout import LayoutContext, block

    if getattr(block.block_container_layout, "hemicycle_patched", False):
        return
    original = block.block_container_layout
    report_footnote = LayoutContext.report_footnote
    layout_footnote = LayoutContext.layout_footnote

    def refusing_report(context, footnote):
        if (getattr(context, "hemicycle_first_lines", None) is not None
                and footnote not in context.hemicycle_row_notes):   # an earlier pair's
            raise _NoRoomForLine()
        return report_footnote(context, footnote)

    def recorded_layout(context, footnote):
        placed = getattr(context, "hemicycle_first_lines", None)
        if placed is not None:
            placed.append(footnote)
            context.hemicycle_row_notes.append(footnote)
        return layout_footnote(context, footnote)

    def block_container_layout(context, box, bottom_space, skip_stack, *args, **kwargs):
        if not _is_kept_cell(box):
            return original(context, box, bottom_space, skip_stack, *args, **kwargs)
        page_is_empty = args[0] if args else kwargs["page_is_empty"]
        if box.grid_x == 0:                 # a row starts: what its cells hold so far
            context.hemicycle_row_notes, context.hemicycle_row_calls = [], []
            if box.children:
                _restore_row(context, box)      # a new layout of the row
        starts_here = skip_stack is None and box.children and not page_is_empty
        if starts_here:
            result = _first_lines(context, original, box, bottom_space, skip_stack,
                                  args, kwargs)
        else:
            result = original(context, box, bottom_space, skip_stack, *args, **kwargs)
        if starts_here:
            if (strands_lines(result[0], result[1], _pair_orphans(box))
                    or _splits_a_note(context, box, result[0], result[1])):
                _keep_row_whole(context, box)
        return result

    block_container_layout.hemicycle_patched = True
    block.block_container_layout = block_container_layout
    LayoutContext.report_footnote = refusing_report
    LayoutContext.layout_footnote = recorded_layout


def _first_lines(context, lay_out, cell, bottom_space, skip_stack, args, kwargs):
    """A cell laid out on the page where its row starts; when its first line
    would need the page's last notes moved away, the cell as if nothing of
    it fitted (the row then moves to the next page), the notes of the lines
    it had laid out back in the waiting list."""
    shapes = len(context._excluded_shapes_root_boxes)
    placed = context.hemicycle_first_lines = []
    try:
        return lay_out(context, cell, bottom_space, skip_stack, *args, **kwargs)
    except _NoRoomForLine:
        while len(context._excluded_shapes_root_boxes) > shapes:   # the cell's own
            context._excluded_shapes.pop(context._excluded_shapes_root_boxes.pop(), None)
        context.hemicycle_first_lines = None
        for footnote in reversed(placed):
            context.unlayout_footnote(footnote)
        max_lines = args[-1] if len(args) == 10 else kwargs.get("max_lines")
        return None, None, {"break": "any", "page": None}, [], False, max_lines
    finally:
        context.hemicycle_first_lines = None


def strands_lines(cell, resume_at, orphans: int) -> bool:
    """Whether a cell's first part on a page holds fewer than `orphans` lines
    while the cell goes on to the next page (None: nothing of it fits)."""
    if cell is None:
        return True
    return resume_at is not None and line_count(cell) < orphans


def is_first_call(box) -> bool:
    """Whether `box` is the first call of a note in the column that does not
    carry the note (a span of the HTML; the other call is WeasyPrint's
    ::footnote-call)."""
    element = getattr(box, "element", None)
    return (element is not None and getattr(box, "element_tag", "") == "span"
            and {"call", "first"} <= set((element.get("class") or "").split()))


def note_calls(box) -> set[str]:
    """The numbers of the notes whose first call in a column is in `box`."""
    calls = set()
    for child in box.descendants():
        footnote = getattr(child, "footnote", None)
        if footnote is not None:                           # ::footnote-call
            calls.add(footnote.element.get("data-n"))
        if is_first_call(child):
            calls.add(child.element.get("data-n"))
    return calls


def _splits_a_note(context, cell, laid_out, resume_at) -> bool:
    """Whether this row, starting low on its page, leaves the first call of
    a note in one of its cells on this page and the first call in another
    cell on the next. Each cell's calls, here and in all, are kept on the
    layout context (from the row's first cell) until its last is laid out."""
    page = context.current_footnote_area.page
    if (cell.position_y - page.content_box_y()) / page.height < STRADDLE_FROM:
        return False      # (the row's cells start together: none is recorded)
    every = note_calls(cell)
    here = every if resume_at is None else (note_calls(laid_out) if laid_out else set())
    rows = context.hemicycle_row_calls
    rows.append((every, here))
    ahead = set().union(*(every - here for every, here in rows))
    now = set().union(*(here for _, here in rows))
    return bool(ahead & now)


def line_count(box) -> int:
    """The lines of the paragraphs in a cell (not those inside a label)."""
    from weasyprint.formatting_structure.boxes import BlockContainerBox, LineBox

    count = 0
    for child in box.children:
        if isinstance(child, LineBox):
            count += 1
        elif isinstance(child, BlockContainerBox):
            count += line_count(child)
    return count


def _is_kept_cell(box) -> bool:
    from weasyprint.formatting_structure.boxes import TableCellBox

    return isinstance(box, TableCellBox) and _pair_orphans(box) > 1


def _pair_orphans(cell) -> int:
    tokens = cell.style[PAIR_ORPHANS] or ()
    numbers = [t.int_value for t in tokens
               if getattr(t, "type", "") == "number" and t.is_integer]
    return numbers[0] if len(numbers) == 1 else 0


def _keep_row_whole(context, cell) -> None:
    """Mark the cell's row as not to break inside, for the test WeasyPrint
    makes once all its cells are laid out (the cells' style inherits from
    the row's, the same object)."""
    row_style = cell.style.parent_style
    kept = _kept_rows(context)
    kept.setdefault(id(row_style), (row_style, row_style["break_inside"]))
    row_style["break_inside"] = "avoid"


def _restore_row(context, cell) -> None:
    """The row's own `break-inside` again: on the next page it may break."""
    kept = _kept_rows(context).pop(id(cell.style.parent_style), None)
    if kept is not None:
        row_style, break_inside = kept
        row_style["break_inside"] = break_inside


def _kept_rows(context) -> dict:
    if not hasattr(context, "hemicycle_kept_rows"):
        context.hemicycle_kept_rows = {}
    return context.hemicycle_kept_rows
