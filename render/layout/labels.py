"""The width of the label column of considerants and of requests at each
level: the minimum of templates/page.yaml, or the document's widest label at
that level, measured in the bundled typeface, plus a gap."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ..model import MAX_REQUEST_DEPTH
from .page import PageSpec
from .rows import Layout

LABEL_FONT = Path("fonts") / "LinLibertine_R.otf"   # under the templates folder


@dataclass(frozen=True)
class LabelColumns:
    """Widths in points: `considerant`, `requests[d - 1]` for level d, and
    `quoted` for the new items an amendment quotes (`“Cbis.`, `“4.2bis.`;
    0 when the document has none)."""

    considerant: float
    requests: tuple[float, ...]
    quoted: float = 0.0

    def request_indent(self, depth: int) -> tuple[float, float]:
        """Where a request's text starts, and its label's width (the hanging indent)."""
        return sum(self.requests[:depth]), self.requests[depth - 1]


@lru_cache(maxsize=4)
def _advances(font: Path, mtime: float) -> tuple[dict[int, int], int]:
    from fontTools.ttLib import TTFont
    with TTFont(str(font), lazy=True) as f:
        cmap = f.getBestCmap()
        hmtx = f["hmtx"]
        return ({code: hmtx[name][0] for code, name in cmap.items()},
                f["head"].unitsPerEm)


def text_width(text: str, size_pt: float, templates: Path) -> float:
    """The advance width of `text` in the labels' typeface, in points."""
    font = templates / LABEL_FONT
    advances, upem = _advances(font, font.stat().st_mtime)
    fallback = upem // 2
    return sum(advances.get(ord(c), fallback) for c in text) * size_pt / upem


def label_columns(lay: Layout, spec: PageSpec, templates: Path) -> LabelColumns:
    size = spec.body.size.pt
    gap = spec.label_gap.pt

    def width(minimum: float, labels) -> float:
        widest = max((text_width(label, size, templates) for label in labels), default=0.0)
        return round(max(minimum, widest + gap if widest else 0.0), 2)

    rows = [row for row in lay.rows() if row.kind.labelled]
    considerant = width(spec.considerant_label.pt,
                        [r.label for r in rows if r.kind.name == "considerant"])
    requests = tuple(width(spec.request_labels[d - 1].pt,
                           [r.label for r in rows if r.kind.name == "request" and r.depth == d])
                     for d in range(1, MAX_REQUEST_DEPTH + 1))
    quoted = [r.label for r in rows if r.kind.name == "new-item"]
    return LabelColumns(considerant, requests,
                        width(spec.considerant_label.pt, quoted) if quoted else 0.0)
