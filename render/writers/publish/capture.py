"""What WeasyPrint drew where: every text run of the PDF with its box.

WeasyPrint 70 marks each text box it draws as a marked-content sequence with
an MCID when it writes a tagged PDF (a PDF/A level "a" variant), then builds
a structure tree from its boxes, page by page. That tree cannot express this
layout (two languages side by side, notes at their calls, furniture), so
hemicycle builds its own (`structure`) from the runs recorded here: while the
PDF is written, WeasyPrint's tree building is replaced by a recorder that
keeps, for every page, which box each MCID marks.
"""
from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Callable

_recording = threading.local()


@dataclass(eq=False)
class Run:
    """One marked-content sequence: the text of one WeasyPrint text box."""

    page: int            # 0-based
    mcid: int            # as WeasyPrint numbered it on its page
    box: object          # weasyprint TextBox

    @property
    def key(self) -> tuple[int, int]:
        """Drawing order: page, then MCID (a paragraph's lines in order)."""
        return self.page, self.mcid

    @property
    def element(self):
        return self.box.element

    @property
    def pseudo(self) -> str:
        """`footnote-call` for the call WeasyPrint draws for a note, else ''."""
        tag = self.box.element_tag or ""
        return tag.split("::", 1)[1] if "::" in tag else ""

    @property
    def text(self) -> str:
        return getattr(self.box, "text", "")   # an image has none


@dataclass
class Capture:
    """Every run of every page, and what is page furniture."""

    runs: list[list[Run]] = field(default_factory=list)     # per page, in MCID order
    furniture: set[int] = field(default_factory=set)        # id() of margin-box text boxes
    page_heights: list[float] = field(default_factory=list)  # CSS px
    roots: list = field(default_factory=list)   # the HTML root element of each part, in order

    def is_furniture(self, run: Run) -> bool:
        """Running heads, page numbers and running strips: drawn in the page
        margins. Text laid out but hidden is no content either."""
        return id(run.box) in self.furniture or run.box.style["visibility"] != "visible"


def install() -> None:
    """Put the recorder in place of WeasyPrint's tree building, once; outside
    `recording()` WeasyPrint builds its own tree as usual."""
    import weasyprint.pdf as weasy_pdf

    original = weasy_pdf.add_tags
    if getattr(original, "hemicycle_recorder", False):
        return

    def add_tags(pdf, document, pdf_version, page_streams):
        capture = getattr(_recording, "capture", None)
        if capture is None:
            return original(pdf, document, pdf_version, page_streams)
        _record(capture, document, page_streams)
        if _recording.before_writing is not None:
            _recording.before_writing(capture, page_streams)

    add_tags.hemicycle_recorder = True
    weasy_pdf.add_tags = add_tags


class recording:
    """`with recording() as capture:` document.write_pdf(…) fills `capture`.
    `before_writing(capture, page_streams)`, when given, is called once every
    page is drawn and recorded, while its stream (`pydyf.Stream`) can still
    be changed."""

    def __init__(self, before_writing: Callable[[Capture, list], None] | None = None):
        self.before_writing = before_writing

    def __enter__(self) -> Capture:
        install()
        self.capture = Capture()
        _recording.capture = self.capture
        _recording.before_writing = self.before_writing
        return self.capture

    def __exit__(self, *exc) -> None:
        _recording.capture = _recording.before_writing = None


def _record(capture: Capture, document, page_streams) -> None:
    from weasyprint.formatting_structure.boxes import MarginBox

    for index, (page, stream) in enumerate(zip(document.pages, page_streams)):
        marks = sorted(stream._tags.items(), key=lambda item: item[1]["mcid"])
        capture.runs.append([Run(index, tag["mcid"], box) for box, tag in marks])
        capture.page_heights.append(page.height)
        for child in page._page_box.children:
            if isinstance(child, MarginBox):
                capture.furniture.update(id(b) for b in child.descendants())
            elif (getattr(child, "element_tag", None) == "html"
                  and child.element not in capture.roots):
                capture.roots.append(child.element)
