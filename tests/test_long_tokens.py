"""Texts at the extremes of what the content format allows.

- Words no line can hold (a pasted 290-character URL, a 5,000-character run
  of letters) in every kind of text: each character is printed, in order,
  inside its own language's column, in the PDF, in the DOCX (as LibreOffice
  lays it out) and in the HTML; a URL breaks after its punctuation.
- Fields no page can hold: the PDF refuses the document and names the field
  to shorten (the cover's title, authors or summary; a note).
- Content that is valid but unusual (every kind of Unicode, hundreds of
  authors, considerants and requests, requests nested to the last level, a
  note called many times) builds in every format.
"""
from __future__ import annotations

import io
import re
import string
import zipfile
from dataclasses import dataclass
from pathlib import Path

import docx
import pdfplumber
import pytest
from lxml import etree

from conftest import MINIMAL
from render.content.loader import load_document
from render.errors import ContentError
from render.layout.page import page_spec
from render.model import MAX_REQUEST_DEPTH, Document
from render.paths import templates_dir
from render.writers.docx.writer import render_docx
from render.writers.html import PDF_BREAK, html_for_pdf, render_html
from render.writers.pdf import render_pdf
from tools import libreoffice

TEMPLATES = templates_dir()
SPEC = page_spec(TEMPLATES)
MM = 72 / 25.4
TOLERANCE = 0.5                 # pt: justified lines end exactly at the column's edge
GUTTER_SLACK = 2 * MM           # the columns keep at least this off the page's middle
HYPHENS = "-\u2010\u00ad"

# A URL of 290 characters with every kind of URL punctuation, and a run of
# 5,000 letters with no break opportunity at all.
URL = ("https://www.ejustice.just.fgov.be/cgi_loi/article.pl?language=fr&sum_date=2024-11-14"
       "&pd_search=2024-11-14&numac_search=2024204512&page=1&lg_txt=F&caller=list"
       "&2024204512=0&trier=promulgation&dt=LOI&fr=f&choix1=et&choix2=et#Art.1-2_section"
       "&view=full_text&print=false&highlight=pollinisateurs_abeilles_pesticides")[:290]
WORD = (string.ascii_lowercase * 200)[:5000]
NAME = "Marie " + (string.ascii_uppercase * 20)[:300]


def both(text: str) -> dict:
    return {"fr": text, "nl": text}


def _variant(folder: Path, change) -> Document:
    """The minimal example, changed by `change` (on its YAML data)."""
    from ruamel.yaml import YAML
    yaml = YAML(typ="safe")
    yaml.allow_unicode, yaml.width = True, 1 << 30
    data = yaml.load(MINIMAL.read_text(encoding="utf-8"))
    change(data)
    path = folder / "56K0612001.yaml"
    with path.open("w", encoding="utf-8") as out:
        yaml.dump(data, out)
    return load_document(path)


# Each field that holds a long token, and that token.
FIELDS = {
    "paragraph": URL,
    "long paragraph": WORD,
    "considerant": WORD,
    "request": WORD,
    "note": URL,
    "long note": WORD[:1500],
    "title": URL,
    "author": NAME,
}


def _long_tokens(d: dict) -> None:
    """A long token in every kind of text."""
    d["document"]["title"] = both(f"relative à {URL}")
    d["document"]["authors"][0]["name"] = NAME
    d["developments"][1]["paragraph"] = both(f"Voir {URL} ici.[^fao]")
    d["developments"][3]["paragraph"] = both(f"En cause: {WORD}.[^efsa]")
    d["resolution"]["considerants"][0] = both(f"vu {WORD};")
    d["resolution"]["requests"][0]["requests"][0]["text"] = both(f"en {WORD};")
    d["footnotes"]["fao"] = both(f"FAO {WORD[:1500]}")
    d["footnotes"]["efsa"] = {"both": URL}


@pytest.fixture(scope="module")
def long_doc(tmp_path_factory) -> Document:
    return _variant(tmp_path_factory.mktemp("long"), _long_tokens)


# --- reading a PDF by column ------------------------------------------------------

@dataclass
class Columns:
    """The characters of a PDF, per part of the page and per column, in
    reading order, each column read on through the pages."""

    text: dict[tuple[str, int], str]      # (cover/body/notes, side) → characters
    strays: list[str]                     # characters outside their column, described


def _text_box(index: int, cover_width: float) -> tuple[float, float]:
    """The left and right edges of the two columns' block on page `index`
    (0-based), in pt: on the cover, `cover_width` from its inner margin; on
    the text's pages, between their mirrored margins (page 3 a right-hand page)."""
    if index == 0:
        return SPEC.cover.inner.pt, SPEC.cover.inner.pt + cover_width
    m = SPEC.text
    right_hand = index % 2 == 0
    left = m.inner.pt if right_hand else m.outer.pt
    return left, SPEC.width.pt - (m.outer.pt if right_hand else m.inner.pt)


# The PDF's cover spans the cover's margins; the DOCX's cover tables are as
# wide as the text's (render/writers/docx/writer.py).
PDF_COVER = SPEC.width.pt - SPEC.cover.inner.pt - SPEC.cover.outer.pt
DOCX_COVER = SPEC.text_width(SPEC.text) / 20
NOTE_SIZE = (7.8, 8.2)          # the notes are 8pt; the running head 8.5pt, the strip less
# The cover's paired texts (chamber, date, title, authors); not its number
# and strip, which span the cover's margins.
COVER_SIZE = (9.5, 14)


def _part(index: int, char: dict, body_size: float) -> str | None:
    """Where a character stands: the cover, the text, the notes, or None
    (the back of the cover, running heads and feet, note numbers)."""
    if index == 0:
        return "cover" if COVER_SIZE[0] <= char["size"] <= COVER_SIZE[1] else None
    if index == 1:
        return None
    if char["size"] >= body_size:
        return "body"
    if (NOTE_SIZE[0] <= char["size"] <= NOTE_SIZE[1]
            and char["top"] < SPEC.height.pt - libreoffice.RUNNING_FOOT_PT):
        return "notes"
    return None


def read_columns(pdf, cover_width: float = PDF_COVER, body_size: float = 9.5) -> Columns:
    """`pdf` (a path or bytes) read by column; every character of the cover
    and of the text pages is checked to stand within its column's box."""
    source = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    text: dict[tuple[str, int], list[str]] = {}
    strays = []
    with pdfplumber.open(source) as document:
        for index, page in enumerate(document.pages):
            left, right = _text_box(index, cover_width)
            middle = (left + right) / 2
            boxes = ((left, middle - GUTTER_SLACK), (middle + GUTTER_SLACK, right))
            for c in page.chars:
                side = 0 if c["x0"] < middle else 1
                low, high = boxes[side]
                if (_part(index, c, body_size) and c["text"].strip()
                        and (c["x0"] < low - TOLERANCE or c["x1"] > high + TOLERANCE)):
                    strays.append(f"page {index + 1}: {c['text']!r} at x {c['x0']:.1f}–"
                                  f"{c['x1']:.1f}, its column {low:.1f}–{high:.1f}")
            for part in ("cover", "body", "notes"):
                for side in (0, 1):
                    def keep(obj, part=part, side=side, index=index, middle=middle):
                        return (obj.get("object_type") == "char"
                                and _part(index, obj, body_size) == part
                                and (obj["x0"] >= middle) == bool(side))
                    lines = page.filter(keep).extract_text() or ""
                    text.setdefault((part, side), []).append(lines)
    return Columns({key: "".join(pages) for key, pages in text.items()}, strays)


def _where(field: str) -> str:
    return {"title": "cover", "author": "cover", "note": "notes",
            "long note": "notes"}.get(field, "body")


def _squash(text: str, hyphens: bool) -> str:
    """Without spaces (lines end anywhere); without hyphens too where the
    reader hyphenates words (LibreOffice does, with its dictionaries)."""
    text = re.sub(r"\s", "", text)
    return re.sub(f"[{HYPHENS}]", "", text) if hyphens else text


def missing_tokens(columns: Columns, doc: Document, hyphens: bool = False) -> list[str]:
    out = []
    for side, lang in enumerate(doc.meta.langs):
        for field, token in FIELDS.items():
            column = _squash(columns.text.get((_where(field), side), ""), hyphens)
            if _squash(token, hyphens) not in column:
                out.append(f"{field} ({lang})")
    return out


# --- the PDF -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def long_pdf(long_doc) -> bytes:
    return render_pdf(long_doc, TEMPLATES)


def test_pdf_prints_every_character_of_long_tokens_in_order(long_doc, long_pdf):
    """Exactly the content's text: no character lost, none added (no hyphen
    in a URL or a run of letters, no break character copied)."""
    assert missing_tokens(read_columns(long_pdf), long_doc) == []


def test_pdf_keeps_long_tokens_in_their_column(long_pdf):
    columns = read_columns(long_pdf)
    assert columns.text[("body", 0)] and columns.text[("body", 1)]
    assert columns.strays == [], columns.strays[:10]


def url_lines(pdf) -> list[str]:
    """The lines of the lead column's paragraph `Voir <URL> ici.` (page 3)."""
    with pdfplumber.open(io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf) as document:
        page = document.pages[2]
        left, right = _text_box(2, PDF_COVER)
        lines = page.crop((0, 0, (left + right) / 2, page.height)).extract_text().splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("Voir"))
    last = next(i for i, line in enumerate(lines) if "ici." in line)
    return [line.strip() for line in lines[first:last + 1]]


def test_pdf_breaks_a_url_after_its_punctuation(long_pdf):
    lines = url_lines(long_pdf)
    assert len(lines) > 3
    assert all(line[-1] in "/.-?&=_#" for line in lines[:-1]), lines


def test_a_long_word_is_not_offered_to_the_hyphenation_dictionary(long_doc):
    """A 5,000-letter run is marked as a token, which the stylesheet keeps
    from hyphenation (the dictionary took minutes over it)."""
    import re
    from render.writers.html import html_for_pdf, stylesheet_text
    html, _ = html_for_pdf(long_doc, TEMPLATES, frozenset())
    assert f'<span class="token">{WORD[:50]}' in html
    assert re.search(r"\.token\s*\{[^}]*hyphens:\s*manual", stylesheet_text(TEMPLATES))


# --- the DOCX, as LibreOffice lays it out -------------------------------------------

@pytest.fixture(scope="module")
def long_docx(long_doc) -> bytes:
    return render_docx(long_doc, TEMPLATES)


@pytest.fixture(scope="module")
def long_docx_pdf(long_docx, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("long-docx")
    source = folder / "long.docx"
    source.write_bytes(long_docx)
    return libreoffice.to_pdf([source], folder / "pdf")[source]


def test_docx_tables_have_fixed_column_widths(long_docx):
    """Fixed layout: Word and LibreOffice keep every column at its width and
    wrap a long word inside it, instead of widening the column for it."""
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(io.BytesIO(long_docx)) as z:
        parts = [etree.fromstring(z.read(n)) for n in ("word/document.xml", "word/footnotes.xml")]
    tables = [t for part in parts for t in part.iter(f"{w}tbl")]
    assert len(tables) > 5
    for table in tables:
        layout = table.find(f"{w}tblPr/{w}tblLayout")
        assert layout is not None and layout.get(f"{w}type") == "fixed"
        grid = [int(c.get(f"{w}w")) for c in table.iter(f"{w}gridCol")]
        for row in table.iter(f"{w}tr"):
            widths = [int(c.get(f"{w}w")) for c in row.iter(f"{w}tcW")]
            assert widths == grid


def test_docx_keeps_every_character_of_long_tokens(long_doc, long_docx_pdf):
    columns = read_columns(long_docx_pdf, DOCX_COVER, body_size=9.0)
    assert missing_tokens(columns, long_doc, hyphens=True) == []


def test_docx_keeps_long_tokens_in_their_column(long_docx_pdf):
    columns = read_columns(long_docx_pdf, DOCX_COVER, body_size=9.0)
    assert columns.text[("body", 0)] and columns.text[("body", 1)]
    assert columns.strays == [], columns.strays[:10]


# --- the HTML ----------------------------------------------------------------------------

def test_html_lets_long_words_break_in_fixed_columns(long_doc):
    html = render_html(long_doc, TEMPLATES).decode("utf-8")
    assert re.search(r"body\s*\{[^}]*overflow-wrap:\s*anywhere", html)
    assert re.search(r"table\s*\{[^}]*table-layout:\s*fixed", html)
    assert re.search(r"\.fn-half\s*\{[^}]*overflow-wrap:\s*anywhere", html)
    assert re.search(r"\.token\s*\{[^}]*hyphens:\s*manual", html)


def test_html_marks_urls_and_long_words_as_tokens(long_doc):
    """In the browser preview a URL may break after its punctuation (<wbr>,
    which copying leaves out); in the PDF's HTML a zero-width space does it
    (WeasyPrint breaks lines only inside one text box)."""
    html = render_html(long_doc, TEMPLATES).decode("utf-8")
    tokens = re.findall(r'<span class="token">(.*?)</span>', html)
    urls = [t for t in tokens if t.startswith("https://<wbr>www.<wbr>ejustice")]
    assert len(urls) == 8       # the paragraph and title in both columns, the note twice
                                # (hidden with the call, and listed after the text)
    assert all(t.replace("<wbr>", "").replace("&amp;", "&") == URL for t in urls)
    assert "pd_<wbr>search=<wbr>" in urls[0]
    assert f"{WORD}." in tokens and f"{WORD};" in tokens
    assert PDF_BREAK not in html
    for_pdf, _ = html_for_pdf(long_doc, TEMPLATES)
    assert f"pd_{PDF_BREAK}search={PDF_BREAK}" in for_pdf and "<wbr>" not in for_pdf


def test_words_and_short_urls_are_no_tokens():
    """Ordinary text, long Dutch compounds included, is hyphenated as before;
    a short URL moves to the next line whole, as a word does."""
    from render.writers.html import text_html
    word = "arbeidsongeschiktheidsverzekeringsmaatschappijen"
    assert text_html(f"Les {word} paient.") == f"Les {word} paient."
    assert text_html("voir https://www.efsa.europa.eu/.") == "voir https://www.efsa.europa.eu/."
    assert "token" in text_html("voir https://www.efsa.europa.eu/fr/topics/bees.")


# --- fields no page can hold: the PDF names the one to shorten -----------------------

def _refusal(doc: Document):
    with pytest.raises(ContentError) as info:
        render_pdf(doc, TEMPLATES)
    (problem,) = info.value.problems
    return problem


def _many_authors(d: dict) -> None:
    d["document"]["authors"] = [{"name": f"Auteur Numéro{i}", "gender": "fmx"[i % 3],
                                 "party": "PVDA-PTB"} for i in range(200)]


def test_a_cover_too_full_of_authors_blames_the_authors(tmp_path):
    """200 authors under a six-word title: the authors are too many, not the
    title too long."""
    doc = _variant(tmp_path, _many_authors)
    problem = _refusal(doc)
    assert problem.pos == doc.meta.authors[0].pos
    assert "200 authors" in problem.message and "title" not in problem.message


def test_a_cover_with_a_very_long_title_blames_the_title(tmp_path):
    def long_title(d: dict) -> None:
        d["document"]["title"] = both("relative à " + ", ".join(
            ["la protection des abeilles et des pollinisateurs"] * 30))
        del d["document"]["authors"][1:]
    doc = _variant(tmp_path, long_title)
    problem = _refusal(doc)
    assert problem.pos == doc.meta.title.pos and "title" in problem.message


def test_a_cover_with_a_long_summary_blames_the_summary(tmp_path):
    def long_summary(d: dict) -> None:
        d["document"]["summary"] = both(
            "Les abeilles sont essentielles à la pollinisation des cultures. " * 120)
    doc = _variant(tmp_path, long_summary)
    problem = _refusal(doc)
    assert problem.pos == doc.meta.summary.pos and "summary" in problem.message


def test_a_cover_with_an_endless_name_blames_that_author(tmp_path):
    def long_name(d: dict) -> None:
        d["document"]["authors"][1]["name"] = "Jan " + WORD[:3000]
    doc = _variant(tmp_path, long_name)
    problem = _refusal(doc)
    assert problem.pos == doc.meta.authors[1].pos and "name" in problem.message


def test_a_note_taller_than_a_page_is_named(tmp_path):
    """WeasyPrint sets a note whole on one page: one taller than a page would
    be printed over the text; the PDF names the note instead."""
    def long_note(d: dict) -> None:
        d["footnotes"]["efsa"] = {"both": WORD}
    doc = _variant(tmp_path, long_note)
    problem = _refusal(doc)
    assert problem.pos == doc.footnotes["efsa"].text.pos and "efsa" in problem.message


# --- valid but unusual content builds in every format --------------------------------

UNICODE = ("arabe مرحبا بالعالم, hébreu שלום עולם, e\u0301 a\u0308 Z\u0351\u0352, 🐝🌻👩‍👩‍👧 🇧🇪, "
           "蜜蜂保护 ミツバチ 꿀벌, 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 𓀀, un\u2028deux\u2029trois, tab\tici, "
           "\u00a0\u202f\u200b\u200d\u2060, \u202eà rebours\u202c, \ufeff\u00ad\ue000\U000f0000 "
           "\ufffd\ufffc \U0001fffd")


def _unicode(d: dict) -> None:
    d["document"]["title"] = both(UNICODE)
    d["document"]["authors"][0]["name"] = UNICODE[:60]
    d["developments"][3]["paragraph"] = both(UNICODE + "[^efsa]")
    d["resolution"]["considerants"][0] = both(UNICODE)
    d["footnotes"]["efsa"] = {"both": UNICODE}


def _many(d: dict) -> None:
    d["resolution"]["considerants"] = [both(f"vu la pièce {i};") for i in range(300)]
    d["resolution"]["requests"] = [{"lead": both("demande"), "text": both(f"de faire {i};")}
                                   for i in range(300)]


def _deepest(d: dict) -> None:
    def request(depth: int) -> dict:
        r = {"lead": both("demande"), "text": both(f"niveau {depth} " + "mot " * 60)}
        if depth < MAX_REQUEST_DEPTH:
            r["requests"] = [request(depth + 1) for _ in range(3)]
        return r
    d["resolution"]["requests"] = [request(1) for _ in range(2)]


def _bare(d: dict) -> None:
    """No considerant, no note, no summary, no `and_others`."""
    d["resolution"]["considerants"] = []
    d.pop("footnotes")
    d["document"].pop("and_others")
    d["developments"] = [{"paragraph": both("Sans note.")}]


def _one_note_everywhere(d: dict) -> None:
    d["developments"] += [{"paragraph": both("Encore.[^fao] " * 20)} for _ in range(10)]
    d["resolution"]["requests"][0]["lead"] = both("demande[^fao] au gouvernement")


def _markup_everywhere(d: dict) -> None:
    text = "a & b < c > d \" ' ]]> <![CDATA[ {{ x }} {% y %} <!-- z --> </td> \\* \\[ *em*"
    d["document"]["title"] = both(text)
    d["developments"][4]["signature"] = {"both": "Marie Dupont (PS)\nJan Peeters (N-VA)\n\tfin"}
    d["footnotes"]["fao"] = both(text)


UNUSUAL = {
    "every kind of Unicode": _unicode,
    "300 considerants and requests": _many,
    "requests at the deepest level": _deepest,
    "no considerant, note or summary": _bare,
    "one note called forty times": _one_note_everywhere,
    "markup characters everywhere": _markup_everywhere,
}


@pytest.mark.parametrize("name", list(UNUSUAL))
def test_unusual_content_builds_in_every_format(tmp_path, name):
    doc = _variant(tmp_path, UNUSUAL[name])
    html = render_html(doc, TEMPLATES).decode("utf-8")
    assert "</html>" in html
    pdf = render_pdf(doc, TEMPLATES)
    assert pdf.startswith(b"%PDF") and pdf.pages >= 4
    data = render_docx(doc, TEMPLATES)
    opened = docx.Document(io.BytesIO(data))
    assert len(opened.tables) >= 4
    assert read_columns(pdf).strays == []


def test_two_hundred_authors_build_where_the_cover_has_no_fixed_height(tmp_path):
    """The PDF refuses a cover too full (above); the DOCX and the HTML,
    whose covers grow, build."""
    doc = _variant(tmp_path, _many_authors)
    assert "Auteur\u00a0Numéro199" in render_html(doc, TEMPLATES).decode("utf-8")
    assert docx.Document(io.BytesIO(render_docx(doc, TEMPLATES))).tables
