"""Typography a reader notices, read back from the PDF: names and titles
never broken across lines, no line that starts with a per cent sign or a
colon, ordinals raised (PDF, HTML and DOCX alike, from the locale rules)."""
from __future__ import annotations

import io
import re
import zipfile

import pdfplumber
import pytest
from lxml import etree

from conftest import ROOT
from render.content.loader import load_document
from render.paths import templates_dir
from render.writers.docx import render_docx
from render.writers.html import render_html
from render.writers.pdf import render_pdf

TEMPLATES = templates_dir()
DOCS = {"56K0589001": ROOT / "tests" / "data" / "56K0589001.yaml",
        "56K0733001": ROOT / "tests" / "data" / "56K0733001.yaml"}
FORBIDDEN_LINE_STARTS = ("%", ":", ";", "”", "»")


def column_lines(pdf) -> list[str]:
    """Every line of every column (and of the cover's two halves), as text."""
    lines = []
    for page in pdf.pages:
        mid = page.width / 2
        for box in ((0, 0, mid, page.height), (mid, 0, page.width, page.height)):
            text = page.crop(box).extract_text() or ""
            lines += [line.strip() for line in text.splitlines() if line.strip()]
    return lines


@pytest.fixture(scope="module", params=list(DOCS))
def rendered(request):
    doc = load_document(DOCS[request.param])
    with pdfplumber.open(io.BytesIO(render_pdf(doc, TEMPLATES))) as pdf:
        return doc, column_lines(pdf)


def names_whole(doc, lines: list[str]) -> list[str]:
    """The authors' names (and the signatures' party) that some line cuts."""
    squeezed = [re.sub(r"\s+", " ", line).replace("\u2011", "-") for line in lines]
    broken = []
    for author in doc.meta.authors:
        name = author.name
        if not any(name in line for line in squeezed):
            broken.append(name)
        if not any(f"{name} ({author.party})" in line for line in squeezed):
            broken.append(f"{name} ({author.party})")
    return broken


def test_names_and_titles_are_never_broken(rendered):
    doc, lines = rendered
    assert names_whole(doc, lines) == []
    # a title is never left at the end of a line
    assert not [line for line in lines if re.search(r"(?:\bM\.|\bMme|\bMmes|mevrouw|de heer)$",
                                                    line)]


def test_no_line_starts_with_a_sign_that_belongs_to_the_line_before(rendered):
    _, lines = rendered
    assert not [line for line in lines if line.startswith(FORBIDDEN_LINE_STARTS)]


def test_ordinals_are_raised_and_copy_as_written():
    doc = load_document(DOCS["56K0589001"])
    html = render_html(doc, TEMPLATES).decode()
    assert '1<span class="ord">er</span>\u00a0août' in html      # 1er août 1975
    with zipfile.ZipFile(io.BytesIO(render_docx(doc, TEMPLATES))) as z:
        body = etree.fromstring(z.read("word/document.xml"))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    raised = [r.findtext(f"{w}t") for r in body.iter(f"{w}r")
              if r.find(f"{w}rPr/{w}vertAlign[@{w}val='superscript']") is not None]
    assert "er" in raised
    with pdfplumber.open(io.BytesIO(render_pdf(doc, TEMPLATES))) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "1er\u00a0août 1975" in text or "1er août 1975" in text


AUTHORS = [("Karim El Amrani", "m", "PS"), ("Anne-Sophie Van den Bossche", "f", "Ecolo-Groen"),
           ("Pieter De Smet", "m", "cd&v"), ("Marie Dupont", "f", "MR"),
           ("Jan Van der Straeten", "m", "N-VA"), ("Els Van Hoof", "f", "cd&v")]


def many_authors(shift: int) -> bytes:
    """The minimal example with six authors (their order shifted, so that
    lines end in different places) and their signatures."""
    from conftest import MINIMAL
    order = AUTHORS[shift:] + AUTHORS[:shift]
    text = MINIMAL.read_text(encoding="utf-8")
    head, rest = text.split("  authors:\n", 1)
    rest = rest.split("  and_others:", 1)[1]
    authors = "".join(f"    - name: {n}\n      gender: {g}\n      party: {p}\n"
                      for n, g, p in order)
    text = head + "  authors:\n" + authors + "  and_others:" + rest
    signature = ", ".join(f"{n} ({p})" for n, _, p in order[:2])
    return text.replace("      both: Marie Dupont (PS)", f"      both: {signature}").encode()


@pytest.mark.parametrize("shift", range(len(AUTHORS)))
def test_long_author_lists_break_between_names_only(shift):
    from render.content.loader import load_bytes
    doc = load_bytes(many_authors(shift), "many.yaml")
    with pdfplumber.open(io.BytesIO(render_pdf(doc, TEMPLATES))) as pdf:
        lines = column_lines(pdf)
    squeezed = [re.sub(r"\s+", " ", line).replace("\u2011", "-") for line in lines]
    broken = [n for n, _, _ in AUTHORS if not any(n in line for line in squeezed)]
    assert broken == []
    assert not [line for line in lines if re.search(r"(?:\bM\.|\bMme|\bMmes|\bMM\.)$", line)]
