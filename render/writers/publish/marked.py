"""The pages' marked content made to agree with the structure tree.

Each run WeasyPrint marked with an MCID becomes either
- tagged content, with its new MCID (`tagging.number_marks`), or
- an artifact of pagination (running head, page number, running strip).
A run set in small capitals also carries its text as written (ActualText):
the font draws `M` and `m` with one small-capital glyph, so the glyphs alone
would copy as `DEmANDE`; copy, search and screen readers use ActualText.

The rewriting is done on WeasyPrint's page streams before they are written
(a list of operands and operators per page), so no content stream is parsed
again afterwards.
"""
from __future__ import annotations

import pydyf

from .capture import Capture, Run
from .structure import Structure
from .urls import ZERO_WIDTH_SPACE

BDC, BMC, EMC = b"BDC", b"BMC", b"EMC"


def rewrite(streams, capture: Capture, structure: Structure, marks: dict[int, int]) -> None:
    """Rewrite the marked content of each page's stream (`pydyf.Stream`) in place.

    WeasyPrint begins a sequence with an MCID as three items, `/Tag`, its
    property list and `BDC`; one without as `/Tag` and `BMC`; each ends with
    `EMC`."""
    runs = {(run.page, run.mcid): run for page in capture.runs for run in page}
    artifacts = {id(run) for run in structure.artifacts}
    small_caps = {id(run) for run in structure.small_caps}
    for index, stream in enumerate(streams):
        out, closing = [], []        # closing: EMCs to add when each open sequence ends
        for item in stream.stream:
            if item == EMC:
                out.extend([EMC] * closing.pop())
            elif item == BMC:
                closing.append(0)
            elif item == BDC:
                closing.append(0)
                properties = out[-1]
                if isinstance(properties, dict) and "MCID" in properties:
                    run = runs.get((index, int(properties["MCID"])))
                    if run is None:
                        raise ValueError(f"page {index + 1}: marked content WeasyPrint "
                                         "did not report")
                    actual = _written(run) if id(run) in small_caps else None
                    if id(run) in artifacts:
                        out[-2:] = ["/Artifact", _artifact(capture, run)]
                        if actual is not None:    # copy reads ActualText of a Span only
                            out += [BDC, "/Span",
                                    pydyf.Dictionary({"ActualText": pydyf.String(actual)})]
                            closing[-1] = 1
                    else:
                        properties = pydyf.Dictionary({"MCID": marks[id(run)]})
                        if actual is not None:
                            properties["ActualText"] = pydyf.String(actual)
                        out[-2:] = ["/Span", properties]
            out.append(item)
        stream.stream = out


def _written(run: Run) -> str:
    return run.text.replace(ZERO_WIDTH_SPACE, "")


def _artifact(capture: Capture, run: Run) -> pydyf.Dictionary:
    """Pagination artifacts: the running head above the middle of the page,
    the running strip below; laid-out text that is not shown is none."""
    if run.box.style["visibility"] != "visible":
        return pydyf.Dictionary()
    top = run.box.position_y < capture.page_heights[run.page] / 2
    return pydyf.Dictionary({"Type": "/Pagination", "Subtype": "/Header" if top else "/Footer"})
