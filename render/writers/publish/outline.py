"""Bookmarks that follow the structure: for each language, in reading order,
its title (H1) holding the parts of its text (H2) and their subheadings (H3)."""
from __future__ import annotations

import pikepdf
from pikepdf import Array, Name, OutlineItem

from . import geometry
from .capture import Capture
from .structure import Node, Structure
from .urls import logical_text

_LEVELS = {"H1": 1, "H2": 2, "H3": 3}


def write(pdf: pikepdf.Pdf, capture: Capture, structure: Structure) -> None:
    pages = [page.obj for page in pdf.pages]
    with pdf.open_outline() as outline:
        outline.root.clear()
        for part in (n for n in structure.root.kids if isinstance(n, Node)):
            path: list[tuple[int, OutlineItem]] = []
            for node in part.nodes():
                level = _LEVELS.get(node.role)
                runs = sorted(node.runs(), key=lambda run: run.key) if level else []
                if not runs:
                    continue
                x, y = geometry.top_left(capture, runs[0])
                item = OutlineItem(_title(runs), Array([pages[runs[0].page], Name.XYZ, x, y, 0]))
                while path and path[-1][0] >= level:
                    path.pop()
                (path[-1][1].children if path else outline.root).append(item)
                path.append((level, item))
    pdf.Root.PageMode = Name.UseOutlines


def _title(runs) -> str:
    return " ".join(logical_text(runs)[0].replace("\u2060", "").split())
