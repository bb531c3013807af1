"""The HTML writer: structure, escaping, wording and style from the templates folder."""
from __future__ import annotations

import re

import shutil
from html.parser import HTMLParser

import pytest

from conftest import MINIMAL, ROOT
from render.writers import html as html_writer
from render.model import iter_requests
from render.model.furniture import furniture
from render.content.loader import load_document
from render.paths import templates_dir

TEMPLATES = templates_dir()
REFERENCE = ROOT / "tests" / "data" / "56K0589001.yaml"


class Tree(HTMLParser):
    """Start tags with their attributes, and the text, in document order."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)

    def find(self, tag: str, cls: str | None = None) -> list[dict]:
        return [a for t, a in self.tags
                if t == tag and (cls is None or cls in (a.get("class") or "").split())]


@pytest.fixture(scope="module")
def doc():
    return load_document(MINIMAL)


@pytest.fixture(scope="module")
def html(doc) -> str:
    data = html_writer.render_html(doc, TEMPLATES)
    assert isinstance(data, bytes)
    return data.decode("utf-8")


@pytest.fixture(scope="module")
def tree(html) -> Tree:
    return Tree(html)


def test_html_document_in_the_lead_language(html, tree, doc):
    assert html.startswith("<!DOCTYPE html>")
    assert tree.find("html")[0]["lang"] == "fr-BE"
    assert tree.find("meta", None) and any(m.get("name") == "author" and
                                           m["content"] == "Marie Dupont"
                                           for m in tree.find("meta"))


def test_one_row_per_pair_lead_language_first(tree, doc):
    rows = [a for t, a in tree.tags if t == "tr" and a.get("id", "").startswith("r")]
    pairs = (len(doc.developments) + 1 + len(doc.resolution.considerants)
             + sum(1 for _ in iter_requests(doc.resolution.requests)))
    assert len(rows) == pairs
    cells = [a for a in tree.find("td") if "lead" in a["class"].split()
             or "other" in a["class"].split()]
    langs = [a["lang"] for a in cells]
    assert langs[:2] == ["fr-BE", "nl-BE"] and langs == ["fr-BE", "nl-BE"] * (len(langs) // 2)


def test_lead_nl_puts_dutch_first(tmp_path):
    path = tmp_path / "doc.yaml"
    path.write_text(MINIMAL.read_text(encoding="utf-8").replace("lead: fr", "lead: nl"),
                    encoding="utf-8")
    t = Tree(html_writer.render_html(load_document(path), TEMPLATES).decode())
    assert t.find("html")[0]["lang"] == "nl-BE"
    assert [a["lang"] for a in t.find("td", "lead")][:3] == ["nl-BE"] * 3
    halves = [a["lang"] for a in t.find("span", "fn-half")]
    assert halves[:2] == ["nl-BE", "fr-BE"]


def test_one_note_element_per_note_with_both_languages(tree, doc):
    notes = tree.find("span", "fn")
    assert [n["data-n"] for n in notes] == [str(n.number) for n in doc.notes_in_order()]
    halves = tree.find("span", "fn-half")
    assert len(halves) == 2 * len(notes)
    assert [h["lang"] for h in halves[:2]] == ["fr-BE", "nl-BE"]
    # the other column's calls: plain superscripts with the same numbers
    assert len(tree.find("span", "call")) == len(notes)


def test_labels_small_caps_and_emphasis(html, tree):
    text = "".join(tree.text)
    for label in ("A.", "B.", "1.", "1.1.", "1.1.1.", "1.2."):
        assert f'<span class="label">{label}</span>' in html
    assert len(tree.find("span", "verb")) == 2
    assert "<em>notre</em>" in html and "<em>onze</em>" in html
    assert "Mesdames, Messieurs," in text


def test_wording_comes_from_furniture(tree, doc):
    f = furniture(doc, TEMPLATES)
    text = "".join(tree.text)
    for s in (f.developments["fr"], f.developments["nl"], f.doctype["fr"], f.doctype["nl"],
              f.doc_prefix, f.short_number, f.authors["fr"], f.authors["nl"],
              f.publisher["fr"], f.abbreviations_heading["nl"]):
        assert s in text, s


def test_content_is_data(tmp_path):
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("fr: Les néonicotinoïdes sont en cause.[^efsa]",
                        "fr: 'Les {{ 7*7 }} <img src=\"http://example.org/x.png\"> &amp; "
                        "{% raw %}x</td></tr>[^efsa]'")
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    html = html_writer.render_html(load_document(path), TEMPLATES).decode()
    words = re.sub(r"data:[^)]*\)", "", html).replace("2024", "")  # fonts embedded as data
    assert "{{ 7*7 }}" in html and "49" not in words
    assert "<img" not in html
    assert "&lt;img src=&#34;http://example.org/x.png&#34;&gt; &amp;amp; {% raw %}x&lt;/td&gt;" in html


def test_no_external_references(tree):
    for tag, attrs in tree.tags:
        # nothing is fetched; the only links are to notes in the same page
        assert "src" not in attrs and attrs.get("href", "#").startswith("#"), (tag, attrs)


def test_environment_is_cached_and_autoescapes():
    env = html_writer.environment(TEMPLATES)
    assert env is html_writer.environment(TEMPLATES)
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


def test_a_clerk_restyles_and_rewords_in_the_templates_folder(tmp_path, doc):
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    css = templates / "html" / "chamber.css"
    css.write_text(css.read_text() + "\n/* clerk */ html { font-size: 11pt; }\n")
    wording = templates / "wording.yaml"
    wording.write_text(wording.read_text(encoding="utf-8").replace(
        "fr: DÉVELOPPEMENTS", "fr: EXPOSÉ DES MOTIFS"), encoding="utf-8")
    html = html_writer.render_html(doc, templates).decode()
    assert "/* clerk */ html { font-size: 11pt; }" in html
    assert "EXPOSÉ DES MOTIFS" in html and "DÉVELOPPEMENTS" not in html


def test_reference_document_renders_every_note_once():
    doc = load_document(REFERENCE)
    tree = Tree(html_writer.render_html(doc, TEMPLATES).decode())
    assert len(tree.find("span", "fn")) == len(doc.footnotes) == 19
    assert tree.find("html")[0]["lang"] == "nl-BE"


def test_rows_asked_to_break_start_a_new_page(doc):
    html = html_writer.html_string(doc, TEMPLATES, inline_css=False, breaks=frozenset({"r3"}))
    tree = Tree(html)
    marked = [a["id"] for a in tree.find("tr", "page-break")]
    assert marked == ["r3"]
    # the stylesheet goes to WeasyPrint apart; only the document's label columns are inline
    assert "@font-face" not in html and "@page" not in html
    assert html.count("<style>") == 1 and "p.considerant {" in html


def test_preview_is_self_contained_and_lists_the_notes_paired(html, doc):
    """The HTML output needs no other file: fonts and images are embedded, and
    the notes (which browsers cannot float) are listed after the text, paired."""
    assert re.findall(r"url\((?!data:)", html) == []
    assert ' src="' not in html and re.findall(r' href="(?!#note-\d+")', html) == []
    assert html.count("data:font/otf;base64,") == 4
    for note in doc.notes_in_order():
        row = re.search(rf'<tr id="note-{note.number}">(.*?)</tr>', html, re.S)
        assert row, note.id
        cells = re.findall(r'<td class="(fr|nl)"', row.group(1))
        assert cells == list(doc.meta.langs)


def test_preview_calls_link_to_their_notes_and_the_pdf_html_has_no_links(html, doc):
    for note in doc.notes_in_order():
        assert f'<a class="note-link" href="#note-{note.number}">' in html
    pdf_html, _ = html_writer.html_for_pdf(doc, TEMPLATES.resolve())
    assert "note-link" not in pdf_html and 'id="note-' not in pdf_html
