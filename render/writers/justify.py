"""Justified lines of the PDF within bounds on word and letter spacing.

WeasyPrint 70 fills each line with as many words as fit, then justifies it by
widening its word spaces only: in the Chamber's narrow columns a line of few
words before one that cannot be hyphenated (a reference such as
`(2024/2890(RSP));`) opens gaps of 15 pt. Where the stylesheet sets
`--justify-word-space: <narrowest> <widest>` and
`--justify-letter-space: <least> <most>` on a justified block, hemicycle
sets its lines as a typesetter would:

- a loose line widens its word spaces up to the widest gap, then spaces its
  letters a little (up to the most letter spacing), and only past that opens
  its word spaces wider;
- when a line, or the line after it, is still beyond the bounds, the line is
  also set taking the next word (or syllable) and tightened (word spaces
  down to the narrowest gap, letters down to the least spacing), and ending
  up to four words (or syllables) earlier: of these, the pair of lines
  closest to the bounds is kept.

Lines of blocks without these properties are WeasyPrint's own. The
functions replaced are WeasyPrint 70's (pyproject.toml pins it).
"""
from __future__ import annotations

from dataclasses import dataclass
from weakref import WeakKeyDictionary

WORD_SPACE = "__justify_word_space"       # --justify-word-space
LETTER_SPACE = "__justify_letter_space"   # --justify-letter-space
PX_PER = {"px": 1.0, "pt": 4 / 3, "mm": 96 / 25.4}
EARLIER_BREAKS = 4     # how many breaks earlier the line before a loose one may end
# Lines of a paragraph broken otherwise, at most: a paragraph of long
# unbreakable tokens (addresses, codes) has many loose lines that no other
# break helps, and each try lays lines out again.
TRIES_PER_PARAGRAPH = 2


@dataclass(frozen=True)
class Bounds:
    """In px: the narrowest and widest word gap, the least and most letter spacing."""
    min_gap: float
    max_gap: float
    min_letter: float
    max_letter: float


def patch_justification():
    """Have WeasyPrint set justified lines within the stylesheet's bounds
    (once per process)."""
    from weasyprint.layout import block, inline

    if getattr(inline.justify_line, "hemicycle_patched", False):
        return
    justify_line, split_inline_box = inline.justify_line, inline.split_inline_box
    iter_line_boxes, get_next_linebox = block.iter_line_boxes, inline.get_next_linebox
    text_align = inline.text_align

    def justify(context, line, extra_width):
        # where the text ends before justification: a line ended earlier
        # (`lines_within_bounds`) ends before that
        line.hemicycle_right = line.content_box_x() + line.width
        if not justify_within_bounds(context, line, extra_width):
            justify_line(context, line, extra_width)

    def align(context, line, available_width, last):
        # WeasyPrint aligns no line wider than its box: a tightened one is
        # justified all the same (its spacing taken in)
        if (not last and line.width > available_width and _bounds(line.style) is not None
                and line.style["text_align_all"] == "justify"):
            justify(context, line, available_width - line.width)
            return 0
        return text_align(context, line, available_width, last)

    def split(context, box, position_x, max_x, *rest):
        return split_line_within_bounds(split_inline_box, context, box, position_x, max_x, *rest)

    def lines(context, box, *rest):
        if _bounds(box.style) is None or box.style["text_align_all"] != "justify":
            return iter_line_boxes(context, box, *rest)
        return lines_within_bounds(get_next_linebox, context, box, *rest)

    justify.hemicycle_patched = True
    inline.justify_line, inline.split_inline_box = justify, split
    inline.text_align = align
    block.iter_line_boxes = lines
    _keep_capitals_whole()


def _keep_capitals_whole():
    """No hyphen inside a run of capitals: `UNES-CO` is no French or Dutch
    hyphenation (WeasyPrint has no `hyphenate-caps`; the DOCX says
    doNotHyphenateCaps)."""
    from types import SimpleNamespace

    import pyphen
    from weasyprint.text import line_break

    class Dictionary(pyphen.Pyphen):
        def iterate(self, word):
            for start, end in super().iterate(word):
                if not (start[-1:].isupper() and end[:1].isupper()):
                    yield start, end

    line_break.pyphen = SimpleNamespace(language_fallback=pyphen.language_fallback,
                                        Pyphen=Dictionary)


# --- justifying a line ------------------------------------------------------------

def justify_within_bounds(context, line, extra_width: float) -> bool:
    """Spread `extra_width` (negative: take it in) over the line's word spaces
    and letters within the bounds; False when WeasyPrint's own justification
    does it as well (no bounds, no spaces, or word spaces within the bounds)."""
    from weasyprint.layout.inline import count_expandable_spaces

    bounds = _bounds(line.style)
    if bounds is None:
        return False
    spaces = count_expandable_spaces(line)
    if not spaces:   # a line that cannot be justified: the worst of all
        line.hemicycle_gap = float("inf") if extra_width > 1 else 0.0
        return False
    space = _space_width(context, line.style)
    line.hemicycle_gap = space + extra_width / spaces
    if bounds.min_gap <= line.hemicycle_gap <= bounds.max_gap:
        return False
    slopes = {id(box): _letter_slope(context, box) for box in _text_boxes(line)}
    letter = _letter_spacing(extra_width, spaces, sum(slopes.values()),
                             space, bounds)
    word = (extra_width - letter * sum(slopes.values())) / spaces
    line.hemicycle_gap = space + word + 2 * letter
    _add_spacing(context, line, word, letter, slopes, 0.0)
    return True


def _letter_spacing(extra: float, spaces: int, letters: float, space: float,
                    bounds: Bounds) -> float:
    """The letter spacing that keeps word gaps at the bound they would pass.
    A gap takes the word spacing and the letter spacing on both of its
    sides: gaps stay at `gap` when
    extra = spaces * (gap - space - 2 * letter) + letters * letter."""
    if letters <= 2 * spaces:
        return 0.0
    if extra > 0:
        letter = (extra - spaces * (bounds.max_gap - space)) / (letters - 2 * spaces)
        return min(max(letter, 0.0), bounds.max_letter)
    letter = (extra - spaces * (bounds.min_gap - space)) / (letters - 2 * spaces)
    return max(min(letter, 0.0), bounds.min_letter)


def _capacity(extra: float, spaces: int, letters: float, space: float,
              bounds: Bounds) -> float:
    """How far the bounds let the line's spacing go in the direction of
    `extra` (positive: how much it may widen; negative: take in)."""
    if extra > 0:
        gap, letter = bounds.max_gap, bounds.max_letter
    else:
        gap, letter = bounds.min_gap, bounds.min_letter
    return spaces * (gap - space - 2 * letter) + letters * letter


# --- breaking a line otherwise -------------------------------------------------------

def split_line_within_bounds(split_inline_box, context, box, position_x, max_x, *rest):
    """WeasyPrint's `split_inline_box`; the line that `lines_within_bounds`
    lays out again is broken within the measure it sets (shorter: ending
    earlier; longer: taking more, to be tightened)."""
    target, measure = getattr(context, "hemicycle_measure", None) or (None, None)
    if box is target:
        max_x = measure(max_x)
    return split_inline_box(context, box, position_x, max_x, *rest)


def lines_within_bounds(get_next_linebox, context, box, position_y, bottom_space, skip_stack,
                        containing_block, absolute_boxes, fixed_boxes, first_letter_style,
                        first_line_style):
    """WeasyPrint's `iter_line_boxes`, one line behind: when a line, or the
    one after it, is still beyond the bounds, the line is also tried taking
    the next word (or syllable) to be tightened, and ending up to
    EARLIER_BREAKS breaks earlier; the pair of lines closest to the bounds is
    kept."""
    from weasyprint.layout.leader import handle_leader
    from weasyprint.layout.percent import resolve_one_percentage, resolve_percentages

    resolve_percentages(box, containing_block)
    if skip_stack is None:
        resolve_one_percentage(box, "text_indent", containing_block.width)
    else:
        box.text_indent = 0
    start = _LineStart(position_y, skip_stack, box.text_indent, first_letter_style,
                       first_line_style, len(absolute_boxes), len(fixed_boxes))
    pending, tries = None, TRIES_PER_PARAGRAPH
    while True:
        args = (context, box, bottom_space, containing_block, absolute_boxes, fixed_boxes)
        line, resume_at = start.lay_out(get_next_linebox, *args)
        if pending is not None:
            if tries and line is not None and (_beyond(pending[1]) or _beyond(line)):
                tries -= 1
                pending, (line, resume_at), start = _break_otherwise(
                    get_next_linebox, args, pending, (line, resume_at), start)
            yield pending[1], pending[2]
        if line is None:
            return
        handle_leader(context, line, containing_block)
        if resume_at is None:
            yield line, resume_at
            return
        pending = (start, line, resume_at)
        start = start.after(line, resume_at, absolute_boxes, fixed_boxes)


@dataclass
class _LineStart:
    """Where a line starts, and the lists its layout appends to, as they were."""
    position_y: float
    skip_stack: object
    text_indent: float
    first_letter_style: object
    first_line_style: object
    absolutes: int
    fixed: int

    def lay_out(self, get_next_linebox, context, box, bottom_space, containing_block,
                absolute_boxes, fixed_boxes, measure=None):
        """The line from here (again), broken within `measure(max_x)` if given."""
        del absolute_boxes[self.absolutes:], fixed_boxes[self.fixed:]
        box.text_indent = self.text_indent
        outer = getattr(context, "hemicycle_measure", None)
        context.hemicycle_measure = (box, measure) if measure else None
        try:
            return get_next_linebox(context, box, self.position_y, bottom_space,
                                    self.skip_stack, containing_block, absolute_boxes,
                                    fixed_boxes, self.first_letter_style, self.first_line_style)
        finally:
            context.hemicycle_measure = outer

    def after(self, line, resume_at, absolute_boxes, fixed_boxes) -> "_LineStart":
        return _LineStart(line.position_y + line.height, resume_at, 0, None, None,
                          len(absolute_boxes), len(fixed_boxes))


def _break_otherwise(get_next_linebox, args, pending, current, current_start):
    """The line `pending` and the one after it (with where that one starts),
    the first taking the next word to be tightened, or ending up to
    EARLIER_BREAKS breaks earlier, if that brings the two lines, and the
    line after them, closer to the bounds."""
    context, absolute_boxes, fixed_boxes = args[0], args[4], args[5]
    start, line, _ = pending

    def appended():     # what the pair added to the lists of absolute and fixed boxes
        return absolute_boxes[start.absolutes:], fixed_boxes[start.fixed:]

    def try_pair(measure):
        first, resume_at = start.lay_out(get_next_linebox, *args, measure=measure)
        if first is None or resume_at is None:       # a last line is not justified
            return None
        following_start = start.after(first, resume_at, absolute_boxes, fixed_boxes)
        following = following_start.lay_out(get_next_linebox, *args)
        if following[0] is None:
            return None
        kept = appended()
        badness = _badness(first, following[0], *_line_after(
            get_next_linebox, args, following_start, following))
        return (badness, (start, first, resume_at), following, following_start, kept)

    kept = appended()
    best = (_badness(line, current[0], *_line_after(get_next_linebox, args, current_start,
                                                      current)),
            pending, current, current_start, kept)
    room = _room_to_tighten(context, line)
    tries = [try_pair(lambda max_x: max_x + room)] if room > 0 else []
    for _ in range(EARLIER_BREAKS):
        end = getattr(line, "hemicycle_right", None)
        if end is None or any(tried and tried[0] == (0.0, 0.0) for tried in tries):
            break       # nothing to end before, or a pair within the bounds found
        tries.append(try_pair(lambda max_x, end=end: min(max_x, end - 0.01)))
        if tries[-1] is None:
            break
        line = tries[-1][1][1]
    for tried in tries:
        if tried is not None and tried[0] < best[0]:
            best = tried
    _, pending, current, current_start, (absolutes, fixed) = best
    absolute_boxes[start.absolutes:], fixed_boxes[start.fixed:] = absolutes, fixed
    return pending, current, current_start


def _line_after(get_next_linebox, args, start, laid_out) -> list:
    """The line after `laid_out` (which starts at `start`), laid out to see
    how the choice of a break falls on it; none after a paragraph's last."""
    line, resume_at = laid_out
    if resume_at is None:
        return []
    after, _ = start.after(line, resume_at, args[4], args[5]).lay_out(get_next_linebox, *args)
    return [after] if after is not None else []


def _room_to_tighten(context, line) -> float:
    """How much more text (px) the bounds let the line hold, tightened."""
    from weasyprint.layout.inline import count_expandable_spaces

    bounds = _bounds(line.style)
    spaces = count_expandable_spaces(line)
    if bounds is None or not spaces:
        return 0.0
    letters = sum(_letter_slope(context, box) for box in _text_boxes(line))
    return -_capacity(-1.0, spaces, letters, _space_width(context, line.style), bounds)


def _beyond(line) -> bool:
    """Whether a line's word gaps are beyond the bounds (a line without
    spaces, a word broken across lines, is none of this' business)."""
    return 0.0 < _badness(line)[0] < float("inf")


def _badness(*lines) -> tuple[float, float]:
    """How far beyond the bounds the lines' word gaps go: the worst, then
    their sum (0 within the bounds)."""
    beyond = []
    for line in lines:
        bounds = _bounds(line.style)
        gap = getattr(line, "hemicycle_gap", None)
        if bounds is None or gap is None:
            beyond.append(0.0)
        else:
            beyond.append(max(gap - bounds.max_gap - 0.01, bounds.min_gap - gap - 0.01, 0.0))
    return (max(beyond), sum(beyond))


# --- the stylesheet's bounds ----------------------------------------------------

_BOUNDS: dict[tuple, Bounds | None] = {}   # by the properties' tokens and the font size


def _bounds(style) -> Bounds | None:
    words, letters = style[WORD_SPACE], style[LETTER_SPACE]
    if not words:
        return None
    key = (tuple(words), tuple(letters or ()), style["font_size"])
    if key not in _BOUNDS:
        _BOUNDS[key] = _parse_bounds(style)
    return _BOUNDS[key]


def _parse_bounds(style) -> Bounds | None:
    gaps = _lengths(style[WORD_SPACE], style)
    letters = _lengths(style[LETTER_SPACE], style) or (0.0, 0.0)
    if gaps is None:
        return None
    return Bounds(gaps[0], gaps[1], min(letters[0], 0.0), max(letters[1], 0.0))


def _lengths(tokens, style) -> tuple[float, float] | None:
    """A custom property's two lengths (`2pt 8pt`, `-0.01em 0.03em`) in px."""
    values = []
    for token in tokens or ():
        if getattr(token, "type", "") == "dimension":
            unit = token.unit.lower()
            if unit == "em":
                values.append(token.value * style["font_size"])
            elif unit in PX_PER:
                values.append(token.value * PX_PER[unit])
        elif getattr(token, "type", "") == "number" and token.value == 0:
            values.append(0.0)
    if len(values) != 2:
        return None
    return min(values), max(values)


# --- measuring ----------------------------------------------------------------------

def _text_boxes(box):
    from weasyprint.formatting_structure import boxes

    if isinstance(box, boxes.TextBox):
        yield box
    elif isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        for child in box.children:
            if child.is_in_normal_flow():
                yield from _text_boxes(child)


# font configuration → font → the advance of its space (the same few fonts in
# every document of a templates folder)
_SPACE_WIDTHS: WeakKeyDictionary = WeakKeyDictionary()


def _space_width(context, style) -> float:
    """The advance of a word space in the line's font."""
    widths = _SPACE_WIDTHS.setdefault(style.font_config, {})
    key = (tuple(style["font_family"]), style["font_size"], style["font_style"],
           style["font_weight"], style["font_stretch"])
    if key not in widths:
        widths[key] = _width(context, " ", style)
    return widths[key]


def _width(context, text: str, style, letter: float = 0.0) -> float:
    """The drawn width of `text` on one line, with `letter` px between letters."""
    from weasyprint.text.line_break import create_layout, line_size

    if letter:
        style = _with_letter_spacing(style, letter)
    layout = create_layout(text, style, context, None, 0)
    line, _ = layout.get_first_line()
    width, _ = line_size(line, {"letter_spacing": "normal"})
    layout.deactivate()
    return width


def _letter_slope(context, box) -> float:
    """How much wider the box is drawn per px of letter spacing."""
    if not box.text:
        return 0.0
    return _width(context, box.text, box.style, 1.0) - _width(context, box.text, box.style)


def _with_letter_spacing(style, letter: float):
    spaced = style.copy()
    current = style["letter_spacing"]
    spaced["letter_spacing"] = (0 if current == "normal" else current) + letter
    return spaced


def _add_spacing(context, box, word: float, letter: float, slopes, x_advance: float) -> float:
    """WeasyPrint's `add_word_spacing`, with `letter` px added between letters."""
    from weasyprint.formatting_structure import boxes
    from weasyprint.layout.inline import count_expandable_spaces
    from weasyprint.text.line_break import create_layout

    if isinstance(box, boxes.TextBox):
        box.position_x += x_advance
        if letter:
            box.style = _with_letter_spacing(box.style, letter)
            wider = letter * slopes.get(id(box), 0.0)
            box.width += wider
            x_advance += wider
        box.justification_spacing = word
        extra = word * count_expandable_spaces(box)
        box.width += extra
        x_advance += extra
        if extra or letter:
            box.pango_layout = create_layout(box.text, box.style, context, max_width=None,
                                             justification_spacing=word)
            box.pango_layout.deactivate()
    elif isinstance(box, (boxes.LineBox, boxes.InlineBox)):
        box.position_x += x_advance
        before = x_advance
        for child in box.children:
            if child.is_in_normal_flow():
                x_advance = _add_spacing(context, child, word, letter, slopes, x_advance)
        box.width += x_advance - before
    else:   # an atomic inline box (a label): moved along
        box.translate(x_advance, 0)
    return x_advance
