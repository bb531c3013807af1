"""WeasyPrint's footnote handling, made proportional to the notes of a page.

A proposal full of notes (a long one has 2,000) spends most of its PDF build
in two places of WeasyPrint 70's footnotes:

- every line laid out asks, for each of its boxes, whether it calls a note
  still to be placed, by a search through the list of all such notes (at
  first, all the document's): a cost in the square of the document's notes.
  Here that list answers from a set (`NoteWaitlist`).
- each note that a line brings onto a page lays the page's whole footnote
  area out again (to learn its new height), and the area is laid out once
  more when the page is done: a page of k notes lays out k(k+3)/2 notes.
  A note laid out at the same place, on the same page, with the same width
  and margins gives the same box, so here each is laid out once per page and
  a copy of that box is reused (`_reuse_note_boxes`).

The pages are the same, to the byte: nothing is laid out differently, only
not laid out again. `patch_footnotes()` applies both, once per process.
"""
from __future__ import annotations


def patch_footnotes() -> None:
    from weasyprint.layout import LayoutContext

    if getattr(LayoutContext.__init__, "hemicycle_patched", False):
        return
    _wait_in_a_set(LayoutContext)
    _reuse_note_boxes()


# --- the notes still to be placed ---------------------------------------------------

class NoteWaitlist(list):
    """WeasyPrint's list of the notes still to be placed, with membership
    answered from a count of its items (by identity, as the list compares
    boxes), so that `box.footnote in waitlist` costs the same for 2 or 2,000
    notes. Only the operations WeasyPrint uses keep the count; any other
    change recounts."""

    def __init__(self, items=()):
        super().__init__(items)
        self._recount()

    def _recount(self) -> None:
        self._count: dict[int, int] = {}
        for item in self:
            self._count[id(item)] = self._count.get(id(item), 0) + 1

    def __contains__(self, item) -> bool:
        return id(item) in self._count

    def append(self, item) -> None:
        super().append(item)
        self._count[id(item)] = self._count.get(id(item), 0) + 1

    def remove(self, item) -> None:
        super().remove(item)
        left = self._count[id(item)] - 1
        if left:
            self._count[id(item)] = left
        else:
            del self._count[id(item)]

    def copy(self) -> "NoteWaitlist":
        return NoteWaitlist(self)

    def _changed(method):
        def recounting(self, *args):
            result = method(self, *args)
            self._recount()
            return result
        return recounting

    extend = _changed(list.extend)
    insert = _changed(list.insert)
    pop = _changed(list.pop)
    clear = _changed(list.clear)
    sort = _changed(list.sort)
    reverse = _changed(list.reverse)
    __setitem__ = _changed(list.__setitem__)
    __delitem__ = _changed(list.__delitem__)
    __iadd__ = _changed(list.__iadd__)
    __imul__ = _changed(list.__imul__)
    del _changed


def _wait_in_a_set(LayoutContext) -> None:
    original = LayoutContext.__init__

    def __init__(self, *args, **kwargs):
        original(self, *args, **kwargs)
        self.footnotes = NoteWaitlist(self.footnotes)

    __init__.hemicycle_patched = True
    LayoutContext.__init__ = __init__


# --- laying a page's notes out once --------------------------------------------------

def _reuse_note_boxes() -> None:
    """While a footnote area is laid out, each note in it is laid out once
    per page and place; the area's later layouts on that page take a copy."""
    from weasyprint.formatting_structure.boxes import FootnoteAreaBox
    from weasyprint.layout import block, page
    import weasyprint.layout as layout

    lay_out_block = block.block_level_layout

    def area_or_block(context, box, *args, **kwargs):
        if not isinstance(box, FootnoteAreaBox):
            return lay_out_block(context, box, *args, **kwargs)
        outer = getattr(context, "hemicycle_note_boxes", None)
        context.hemicycle_note_boxes = _page_cache(context)
        try:
            return lay_out_block(context, box, *args, **kwargs)
        finally:
            context.hemicycle_note_boxes = outer

    def note_or_block(context, box, bottom_space, skip_stack, containing_block,
                      page_is_empty=True, absolute_boxes=None, fixed_boxes=None,
                      adjoining_margins=None, first_letter_style=None, first_line_style=None,
                      discard=False, max_lines=None):
        args = (context, box, bottom_space, skip_stack, containing_block, page_is_empty,
                absolute_boxes, fixed_boxes, adjoining_margins, first_letter_style,
                first_line_style, discard, max_lines)
        cache = getattr(context, "hemicycle_note_boxes", None)
        if (cache is None or not isinstance(containing_block, FootnoteAreaBox)
                or box.element is None):       # not a note of the area
            return lay_out_block(*args)
        key = _note_key(*args)
        if key is None:
            return lay_out_block(*args)
        if key not in cache.boxes:
            result, reusable = _lay_out_once(lay_out_block, args)
            if not reusable:
                return result
            cache.boxes[key] = result
        return _copy_of(cache.boxes[key])

    # layout/__init__ (a note added: the area's new height) and page (the
    # page done: the area drawn) lay the area out; block lays out its notes.
    layout.block_level_layout = page.block_level_layout = area_or_block
    block.block_level_layout = note_or_block


class _PageCache:
    def __init__(self, page: int):
        self.page = page
        self.boxes: dict = {}


def _page_cache(context):
    """The boxes of this page's notes: kept while the page is laid out, so
    that memory stays that of one page's notes."""
    cache = getattr(context, "hemicycle_note_page", None)
    if cache is None or cache.page != context.current_page:
        cache = context.hemicycle_note_page = _PageCache(context.current_page)
    return cache


def _note_key(context, box, bottom_space, skip_stack, containing_block, page_is_empty,
              absolute_boxes, fixed_boxes, adjoining_margins, first_letter_style,
              first_line_style, discard, max_lines):
    """Everything a note's layout depends on: the note, where it starts, the
    room and width it has, the margins above it, the floats beside it, the
    page. None for a note resumed from the previous page."""
    if skip_stack is not None or first_letter_style is not None or first_line_style is not None:
        return None
    # the area is laid out without a bottom (-inf): the page's bottom then plays no part
    bottom = context.page_bottom if bottom_space != float("-inf") else None
    floats = tuple((f.position_x, f.position_y, f.margin_width(), f.margin_height())
                   for f in context.excluded_shapes)
    return (box.element, box.element_tag, box.position_x, box.position_y, containing_block.width,
            bottom_space, bottom, bool(page_is_empty), tuple(adjoining_margins or ()), discard,
            max_lines, floats, context.current_page, context.forced_break)


def _lay_out_once(lay_out_block, args):
    """The note's layout, and whether a copy of it may stand for a later
    one: not when it added boxes out of the flow (an absolutely placed box),
    which a copy would not add again."""
    absolute_boxes, fixed_boxes = args[6], args[7]
    before = (len(absolute_boxes or ()), len(fixed_boxes or ()))
    result = lay_out_block(*args)
    return result, (len(absolute_boxes or ()), len(fixed_boxes or ())) == before


def _copy_of(result):
    """A copy of a note's layout result the caller may move and extend."""
    new_box, resume_at, next_page, adjoining_margins, collapsing_through, max_lines = result
    return (new_box.deepcopy() if new_box is not None else None, resume_at,
            dict(next_page) if isinstance(next_page, dict) else next_page,
            list(adjoining_margins), collapsing_through, max_lines)
