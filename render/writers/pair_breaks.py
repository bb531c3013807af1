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
"""
from __future__ import annotations

PAIR_ORPHANS = "__pair_orphans"       # --pair-orphans


def patch_pair_breaks():
    """Have WeasyPrint move a row to the next page rather than strand a line
    of one of its cells at the foot of a page (once per process)."""
    from weasyprint.layout import block

    if getattr(block.block_container_layout, "hemicycle_patched", False):
        return
    original = block.block_container_layout

    def block_container_layout(context, box, bottom_space, skip_stack, *args, **kwargs):
        if not _is_kept_cell(box):
            return original(context, box, bottom_space, skip_stack, *args, **kwargs)
        page_is_empty = args[0] if args else kwargs["page_is_empty"]
        if box.children and box.grid_x == 0:
            _restore_row(context, box)      # a new layout of the row
        result = original(context, box, bottom_space, skip_stack, *args, **kwargs)
        if (skip_stack is None and box.children and not page_is_empty
                and strands_lines(result[0], result[1], _pair_orphans(box))):
            _keep_row_whole(context, box)
        return result

    block_container_layout.hemicycle_patched = True
    block.block_container_layout = block_container_layout


def strands_lines(cell, resume_at, orphans: int) -> bool:
    """Whether a cell's first part on a page holds fewer than `orphans` lines
    while the cell goes on to the next page (None: nothing of it fits)."""
    if cell is None:
        return True
    return resume_at is not None and line_count(cell) < orphans


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
