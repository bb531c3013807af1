"""Whatever `check` accepts, `build` writes in every format.

Random documents are given hostile values (any Unicode, characters no format
can hold, unbreakable tokens, text that looks like markup or templates,
numbers too long for any parser, many authors, long titles): either the
loader refuses the file with positioned errors, or every writer produces its
output and `check` runs to the end."""
from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from render.check.findings import findings
from render.check.parity import check_document
from render.content.loader import load_bytes
from render.errors import ContentError
from render.paths import templates_dir
from conftest import MINIMAL
from test_properties import documents

HOSTILE = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30),
    st.sampled_from([
        "\ud800", "a\udfff", "\ufffe", "\uffff", "\U0010ffff", "\ufdd0", "\x07", "\x1b[2J",
        "\u0085", "\u2028", "\u2029", "\u200b\u200b", "\u00ad", "\u202e", "\ufeff",
        "x" * 5000, "https://example.org/" + "segment/" * 40 + "?a=1&b=2",
        "9" * 5000, "article " + "1" * 5000, "honderd " * 1500, "a." * 3000,
        "{{ 7*7 }}", "{% raw %}", "<script>x</script>", "]]>", "&amp;", "**", "[^",
        "\\", "1er janvier 2024", "§ 1er", "n° 5", "41 %", "DOC 56 0589/001",
        "Karim El Amrani-De Smet", "😀" * 100, "ا" * 50, "漢字" * 100, "e\u0301" * 200,
    ]),
)


@st.composite
def hostile_documents(draw):
    data = draw(documents())
    fields = list(_text_fields(data))
    for _ in range(draw(st.integers(1, 4))):
        holder, key = draw(st.sampled_from(fields))
        holder[key] = draw(HOSTILE)
    if draw(st.integers(0, 4)) == 0:
        count = draw(st.integers(20, 80))
        data["document"]["authors"] = [
            {"name": draw(HOSTILE), "gender": "f", "party": "PS"} for _ in range(count)]
    return data


def _text_fields(data):
    """(holder, key) of every text, name and party of a document."""
    def pair(p):
        yield p, "fr"
        yield p, "nl"
    meta = data["document"]
    yield from pair(meta["title"])
    for author in meta["authors"]:
        yield author, "name"
        yield author, "party"
    for block in data["developments"]:
        yield from pair(next(iter(block.values())))
    for considerant in data["resolution"]["considerants"]:
        yield from pair(considerant)
    stack = list(data["resolution"]["requests"])
    while stack:
        request = stack.pop()
        yield from pair(request["text"])
        if "lead" in request:
            yield from pair(request["lead"])
        stack.extend(request.get("requests", []))
    for note in data["footnotes"].values():
        yield from pair(note)


def dump(data) -> bytes:
    """YAML with every character outside printable ASCII escaped, as a
    double-quoted scalar holds it; lone surrogates too."""
    yaml = YAML(typ="safe")
    yaml.default_flow_style = False
    yaml.allow_unicode = False
    yaml.width = 10**6
    buf = io.StringIO()
    yaml.dump(data, buf)
    text = buf.getvalue().replace("deposited: '2025-01-15'", "deposited: 2025-01-15")
    return text.encode("ascii", "backslashreplace")


def loaded_or_refused(data):
    try:
        return load_bytes(dump(data), "hostile.yaml")
    except ContentError as exc:
        assert exc.problems and all(p.pos.line >= 1 for p in exc.problems)
        return None


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(hostile_documents())
def test_what_check_accepts_builds_to_html_and_docx(data):
    from render.writers.docx.writer import render_docx
    from render.writers.html import render_html
    doc = loaded_or_refused(data)
    if doc is None:
        return
    check_document(doc)
    assert render_html(doc, templates_dir()).startswith(b"<!DOCTYPE html>")
    assert render_docx(doc, templates_dir())[:2] == b"PK"


@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(hostile_documents())
def test_check_and_the_pdf_agree_on_what_the_pages_hold(data):
    """`check` lays the pages out when a cover or a note may be too full; the
    PDF writer refuses exactly what it reports, and writes everything else."""
    from render.writers.pdf import render_pdf
    doc = loaded_or_refused(data)
    if doc is None:
        return
    found = [p for p in findings(doc, templates_dir()) if p.severity == "error"]
    try:
        assert render_pdf(doc, templates_dir()).startswith(b"%PDF-")
        refused = []
    except ContentError as exc:
        refused = exc.problems
    assert all(p in found for p in refused)


def test_check_reports_what_the_pdf_refuses(tmp_path):
    """The two refusals of the PDF writer, seen by `check` first."""
    from render.writers.pdf import render_pdf
    minimal = MINIMAL.read_text(encoding="utf-8")
    many = "".join(f"    - name: Auteur Numéro{i}\n      gender: f\n      party: PS\n"
                   for i in range(200))
    start = minimal.index("  authors:\n") + len("  authors:\n")
    crowded = minimal[:start] + many + minimal[minimal.index("  and_others:"):]
    long_note = minimal.replace("Rapport sur les pollinisateurs, 2020.",
                                "Rapport sur les pollinisateurs, 2020. "
                                + "Une phrase de la note. " * 260)
    assert long_note != minimal
    for text in (crowded, long_note):
        doc = load_bytes(text.encode("utf-8"), "full.yaml")
        found = [p for p in findings(doc, templates_dir()) if p.severity == "error"]
        assert found
        try:
            render_pdf(doc, templates_dir())
            raise AssertionError("the PDF writer built what check refused")
        except ContentError as exc:
            assert exc.problems == found
