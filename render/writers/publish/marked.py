"""The pages' marked content made to agree with the structure tree.

Each run WeasyPrint marked with an MCID becomes either
- tagged content, with its new MCID (`tagging.number_marks`), or
- an artifact of pagination (running head, page number, running strip).
A run set in small capitals also carries its text as written (ActualText):
the font draws `M` and `m` with one small-capital glyph, so the glyphs alone
would copy as `DEmANDE`; copy, search and screen readers use ActualText.
"""
from __future__ import annotations

import pikepdf
from pikepdf import Dictionary, Name, Operator, String

from .capture import Capture, Run
from .structure import Structure
from .urls import ZERO_WIDTH_SPACE


def rewrite(pdf: pikepdf.Pdf, capture: Capture, structure: Structure,
            marks: dict[int, int]) -> None:
    runs = {(run.page, run.mcid): run for page in capture.runs for run in page}
    artifacts = {id(run) for run in structure.artifacts}
    small_caps = {id(run) for run in structure.small_caps}
    for index, page in enumerate(pdf.pages):
        out, closing = [], []        # closing: EMCs to add when each open sequence ends
        for operands, operator in pikepdf.parse_content_stream(page):
            name = str(operator)
            if name == "EMC":
                out.extend(([], Operator("EMC")) for _ in range(closing.pop()))
            elif name in ("BDC", "BMC"):
                closing.append(0)
                if name == "BDC" and isinstance(operands[1], Dictionary) and \
                        Name.MCID in operands[1]:
                    run = runs.get((index, int(operands[1].MCID)))
                    if run is None:
                        raise ValueError(f"page {index + 1}: marked content WeasyPrint "
                                         "did not report")
                    actual = _written(run) if id(run) in small_caps else None
                    if id(run) in artifacts:
                        out.append(([Name.Artifact, _artifact(capture, run)], operator))
                        if actual is not None:    # copy reads ActualText of a Span only
                            out.append(([Name.Span, Dictionary(ActualText=String(actual))],
                                        Operator("BDC")))
                            closing[-1] = 1
                        continue
                    properties = Dictionary(MCID=marks[id(run)])
                    if actual is not None:
                        properties.ActualText = String(actual)
                    operands = [Name.Span, properties]
            out.append((operands, operator))
        page.Contents = pdf.make_stream(pikepdf.unparse_content_stream(out))


def _written(run: Run) -> str:
    return run.text.replace(ZERO_WIDTH_SPACE, "")


def _artifact(capture: Capture, run: Run) -> Dictionary:
    """Pagination artifacts: the running head above the middle of the page,
    the running strip below; laid-out text that is not shown is none."""
    if run.box.style["visibility"] != "visible":
        return Dictionary()
    top = run.box.position_y < capture.page_heights[run.page] / 2
    return Dictionary(Type=Name.Pagination, Subtype=Name.Header if top else Name.Footer)
