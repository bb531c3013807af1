"""Big but valid input: a 1 MB paragraph and 5,000 considerants load, pass
the structural checks and render to DOCX and HTML. (Their PDF takes about a
minute each and is timed, with its memory, by `make bench`.)"""
from __future__ import annotations

import io
import zipfile

import pytest

from render.writers.docx.writer import render_docx
from render.writers.html import render_html
from render.content.loader import load_bytes
from render.check.parity import check_calls
from render.paths import templates_dir
from synthetic import huge_paragraph, many_considerants

BIG = {"1 MB paragraph": huge_paragraph, "5,000 considerants": many_considerants}


@pytest.fixture(scope="module", params=list(BIG))
def big(request):
    text = BIG[request.param]()
    return request.param, text, load_bytes(text.encode("utf-8"), f"{request.param}.yaml")


def test_big_input_loads_whole(big):
    name, text, doc = big
    if name == "1 MB paragraph":
        assert len(doc.developments[3].text.fr.plain) >= 1_000_000 - 1
    else:
        assert len(doc.resolution.considerants) == 5000
        assert doc.resolution.considerants[-1].label == "GJH"   # 5000 in bijective base 26
    assert all(check_calls(pair) == [] for pair in doc.pairs())


def test_big_input_renders_to_docx_and_html(big):
    name, _, doc = big
    templates = templates_dir()
    html = render_html(doc, templates).decode("utf-8")
    with zipfile.ZipFile(io.BytesIO(render_docx(doc, templates))) as z:
        body = z.read("word/document.xml").decode("utf-8")
    if name == "1 MB paragraph":
        assert html.count("pollinisent les cultures") > 15000
        assert body.count("pollinisent les cultures") > 15000
    else:
        assert "numéro 5000 relative" in html and "nummer 5000 betreffende" in body
