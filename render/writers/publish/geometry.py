"""Where runs stand on their page, in PDF coordinates (points, origin at the
bottom left), for link rectangles, link destinations and bookmarks."""
from __future__ import annotations

import bisect

from .capture import Capture, Run

PT_PER_PX = 0.75   # WeasyPrint lays out in CSS px, 96 a inch; the PDF counts 72


def rect(capture: Capture, run: Run, start: int | None = None,
         end: int | None = None) -> tuple[float, float, float, float]:
    """(x0, y0, x1, y1) of a run, or of its characters start:end (indices in
    `run.text`), the height of its line."""
    x, y, width, height = run.box.hit_area()
    if start is not None or end is not None:
        offsets = _x_offsets(run.box)
        left = offsets(start or 0)
        right = offsets(len(run.text) if end is None else end)
        x, width = x + left, right - left
    page_height = capture.page_heights[run.page]
    return (x * PT_PER_PX, (page_height - y - height) * PT_PER_PX,
            (x + width) * PT_PER_PX, (page_height - y) * PT_PER_PX)


def top_left(capture: Capture, run: Run) -> tuple[float, float]:
    x0, _, _, y1 = rect(capture, run)
    return x0, y1


def _x_offsets(box):
    """A function: character index in the box's text → its distance from the
    box's left edge, in px, as WeasyPrint drew it (justification included):
    the sum of the advances of the glyphs before it, read from Pango."""
    from weasyprint.text.ffi import FROM_UNITS, ffi

    layout = box.pango_layout
    layout.reactivate(box.style)     # as WeasyPrint does to draw the box
    try:
        line, _ = layout.get_first_line()
        clusters, advances, x = [], [], 0.0
        run = line.runs[0]
        while run != ffi.NULL:
            item = run.data
            run = run.next
            glyphs = item.glyphs
            for i in range(glyphs.num_glyphs):
                clusters.append(item.item.offset + glyphs.log_clusters[i])
                advances.append(x)
                x += glyphs.glyphs[i].geometry.width * FROM_UNITS
    finally:
        layout.deactivate()
    order = sorted(range(len(clusters)), key=clusters.__getitem__)
    starts = [clusters[i] for i in order]
    lefts = [advances[i] for i in order]

    def offset(index: int) -> float:
        byte = len(box.text[:index].encode())
        if index >= len(box.text) or not starts or byte > starts[-1]:
            return x
        return lefts[bisect.bisect_left(starts, byte)]
    return offset
