"""Property-based: random valid documents always load, pass the structural
rules of `check`, and build to HTML, DOCX and PDF."""
from __future__ import annotations

import io
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from render.content.loader import load_bytes
from render.check.parity import check_calls
from render.paths import templates_dir

# Letters of both languages, punctuation, and characters that mean something
# to YAML, Jinja, HTML or the inline markup.
ALPHABET = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzéèàçëïüôABCZ0123456789 .,;:!?’“”–"
                                "{}<>&*[]#%$\"'\\/-_"))
WORD = st.text(ALPHABET, min_size=1, max_size=40).filter(lambda s: s.strip())
NOTE_IDS = ["n1", "n2", "n3"]


@st.composite
def texts(draw, note_ids):
    """A French and a Dutch text calling the same notes in the same order."""
    calls = draw(st.lists(st.sampled_from(note_ids), max_size=2)) if note_ids else []
    sides = {}
    for lang in ("fr", "nl"):
        words = [draw(WORD) for _ in range(len(calls) + 1)]
        # A word must not turn the call after it into text: no "[^" of its
        # own, no trailing backslash escaping the call's "[".
        words = [w.replace("[^", "[ ^") + (" " if w.endswith("\\") else "") for w in words]
        sides[lang] = "".join(w + (f"[^{calls[i]}]" if i < len(calls) else "")
                              for i, w in enumerate(words))
    return sides


@st.composite
def documents(draw):
    used = draw(st.lists(st.sampled_from(NOTE_IDS), min_size=1, max_size=3, unique=True))
    blocks = [{draw(st.sampled_from(["paragraph", "heading"])): draw(texts(used))}
              for _ in range(draw(st.integers(1, 4)))]
    # Every defined note must be called: the first block calls them all.
    first = blocks[0][next(iter(blocks[0]))]
    for lang in ("fr", "nl"):
        first[lang] += "".join(f"[^{n}]" for n in used)

    def requests(depth):
        n = draw(st.integers(1, 3 if depth == 1 else 2))
        items = []
        for _ in range(n):
            item = {"text": draw(texts(used))}
            if depth == 1 and draw(st.booleans()):
                item["lead"] = draw(texts([]))
            if depth < 4 and draw(st.integers(0, 3)) == 0:
                item["requests"] = requests(depth + 1)
            items.append(item)
        return items

    return {
        "document": {
            "type": "resolution", "legislature": 56, "number": draw(st.integers(1, 9999)),
            "subdocument": draw(st.integers(1, 999)), "deposited": "2025-01-15",
            "lead": draw(st.sampled_from(["fr", "nl"])),
            "title": draw(texts([])),
            "authors": [{"name": draw(WORD), "gender": draw(st.sampled_from("fmx")),
                         "party": draw(st.sampled_from(["N-VA", "PS", "cd&v", "MR"]))}
                        for _ in range(draw(st.integers(1, 3)))],
            "and_others": draw(st.booleans()),
        },
        "developments": blocks,
        "resolution": {
            "opening": {"fr": "La Chambre des représentants,",
                        "nl": "De Kamer van volksvertegenwoordigers,"},
            "considerants": [draw(texts(used)) for _ in range(draw(st.integers(0, 3)))],
            "requests": requests(1),
        },
        "footnotes": {n: draw(texts([])) for n in used},
    }


def dump(data) -> bytes:
    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    buf = io.StringIO()
    yaml.dump(data, buf)
    return buf.getvalue().replace("deposited: '2025-01-15'", "deposited: 2025-01-15").encode()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_random_valid_documents_load_and_build_to_html_and_docx(data):
    from render.writers.docx.writer import render_docx
    from render.writers.html import render_html
    doc = load_bytes(dump(data), "random.yaml")
    for pair in doc.pairs():
        assert check_calls(pair) == []
    templates = templates_dir()
    assert render_html(doc, templates).startswith(b"<!DOCTYPE html>")
    with zipfile.ZipFile(io.BytesIO(render_docx(doc, templates))) as z:
        assert z.testzip() is None
        assert "word/footnotes.xml" in z.namelist()


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_random_valid_documents_build_to_pdf(data):
    from render.writers.pdf import render_pdf
    doc = load_bytes(dump(data), "random.yaml")
    pdf = render_pdf(doc, templates_dir())
    assert pdf.startswith(b"%PDF-") and pdf.rstrip().endswith(b"%%EOF")
