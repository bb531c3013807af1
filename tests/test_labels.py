"""The label column of considerants and requests is as wide as the
document's widest label needs (`AB.`, `4.4.1.`), in the PDF and the DOCX."""
from __future__ import annotations

import io
import zipfile

import pdfplumber
from lxml import etree

from conftest import ROOT
from render.content.loader import load_document
from render.layout.labels import label_columns, text_width
from render.layout.page import page_spec
from render.layout.rows import layout
from render.paths import templates_dir
from render.writers.docx import render_docx
from render.writers.pdf import render_pdf

TEMPLATES = templates_dir()
SECOND = ROOT / "tests" / "data" / "56K0733001.yaml"   # considerants A to AE
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

def labels_of(doc) -> set[str]:
    from render.model import iter_requests
    return ({f"{c.label}." for c in doc.resolution.considerants}
            | {r.label for r in iter_requests(doc.resolution.requests)})
MIN_GAP_PT = 2.0


def label_gaps(pdf, labels: set[str]) -> list[tuple[str, float]]:
    """(label, space between it and the first word after it) for every label
    that starts a line of a column."""
    gaps = []
    for page in pdf.pages:
        words = page.extract_words(keep_blank_chars=False, x_tolerance=1)
        lines: dict[tuple[int, bool], list] = {}
        for w in words:
            lines.setdefault((round(w["top"]), w["x0"] > page.width / 2), []).append(w)
        for line in lines.values():
            line.sort(key=lambda w: w["x0"])
            for first, second in zip(line, line[1:]):
                # a label opens a considerant or request, whose text starts in
                # lower case (`M. Aliyev` at the start of a line is no label)
                if (first["text"] in labels and first is line[0]
                        and second["text"][:1].islower()):
                    gaps.append((first["text"], second["x0"] - first["x1"]))
    return gaps


def test_label_columns_grow_with_the_widest_label():
    doc = load_document(SECOND)
    spec = page_spec(TEMPLATES)
    columns = label_columns(layout(doc, TEMPLATES), spec, TEMPLATES)
    widest = max(text_width(f"{c.label}.", spec.body.size.pt, TEMPLATES)
                 for c in doc.resolution.considerants)
    # the default leaves `AB.` too little room
    assert text_width("AB.", 10, TEMPLATES) + spec.label_gap.pt > spec.considerant_label.pt
    assert columns.considerant >= widest + spec.label_gap.pt - 0.01
    left, width = columns.request_indent(2)
    assert left == columns.requests[0] + columns.requests[1] and width == columns.requests[1]


def test_pdf_labels_never_touch_their_text():
    doc = load_document(SECOND)
    with pdfplumber.open(io.BytesIO(render_pdf(doc, TEMPLATES))) as pdf:
        gaps = label_gaps(pdf, labels_of(doc))
    assert {"AA.", "AB.", "AE."} <= {label for label, _ in gaps}
    assert all(gap >= MIN_GAP_PT for _, gap in gaps), [g for g in gaps if g[1] < MIN_GAP_PT]


def test_docx_hanging_indents_follow_the_label_columns():
    doc = load_document(SECOND)
    columns = label_columns(layout(doc, TEMPLATES), page_spec(TEMPLATES), TEMPLATES)
    with zipfile.ZipFile(io.BytesIO(render_docx(doc, TEMPLATES))) as z:
        styles = etree.fromstring(z.read("word/styles.xml"))
    ns = {"w": W}
    by_name = {s.find("w:name", ns).get(f"{{{W}}}val"): s for s in styles.iterfind("w:style", ns)}
    ind = by_name["Considerant"].find("w:pPr/w:ind", ns)
    assert int(ind.get(f"{{{W}}}hanging")) == round(columns.considerant * 20)
    assert int(ind.get(f"{{{W}}}left")) == round(columns.considerant * 20)
    ind = by_name["Request 3"].find("w:pPr/w:ind", ns)
    left, width = columns.request_indent(3)
    assert int(ind.get(f"{{{W}}}left")) == round(left * 20)
