"""The PDF writer, read back from the PDF itself (pdfplumber).

Each PDF is built once per module: the minimal example, the reference
document DOC 56 0589/001 (when its content file is there) and a crafted copy
of the minimal example whose texts hold template syntax and HTML.
"""
from __future__ import annotations

import io
import re
import socket
import subprocess
import sys
import unicodedata
from pathlib import Path

import pdfplumber
import pypdf
import pytest

from conftest import MINIMAL, ROOT
from render.writers import pdf as pdf_writer
from render.model.furniture import furniture
from render.content.loader import load_document
from render.model import Document, NoteRef, Str
from render.paths import templates_dir

TEMPLATES = templates_dir()
REFERENCE = ROOT / "tests" / "data" / "56K0589001.yaml"

NOTE_SIZE = (7.8, 8.2)      # font size of the footnotes (chamber.css: .fn-half 8pt)
BODY_MIN_SIZE = 9.5         # the text is 10pt; heads 8.5pt, feet 7.5pt
HYPHENS = "-\u2010\u2011\u00ad"


# --- building and reading ------------------------------------------------------

class Built:
    """A document, its PDF and the words of every page."""

    def __init__(self, path: Path):
        self.doc: Document = load_document(path)
        self.pdf: bytes = pdf_writer.render_pdf(self.doc, TEMPLATES)
        self.furniture = furniture(self.doc, TEMPLATES)
        with pdfplumber.open(io.BytesIO(self.pdf)) as pdf:
            self.width = float(pdf.pages[0].width)
            self.height = float(pdf.pages[0].height)
            self.words = [page.extract_words(extra_attrs=["size"], use_text_flow=False)
                          for page in pdf.pages]
            self.texts = [page.extract_text() or "" for page in pdf.pages]

    @property
    def pages(self) -> int:
        return len(self.words)

    def half(self, page: int, side: int, kind: str = "body") -> list[dict]:
        """Words of one half of a page (side 0 left, 1 right), in reading order;
        kind "body" (the text) or "notes" (the footnotes)."""
        middle = self.width / 2
        out = []
        for w in self.words[page]:
            if (w["x0"] >= middle) != bool(side):
                continue
            size = w["size"]
            if kind == "body" and size < BODY_MIN_SIZE:
                continue
            if kind == "notes" and not (NOTE_SIZE[0] <= size <= NOTE_SIZE[1]):
                continue
            if kind == "all" and w["top"] > self.height * 0.9:   # strips span the page
                continue
            out.append(w)
        return sorted(out, key=lambda w: (round(w["top"]), w["x0"]))


def norm(text: str) -> str:
    """Lower case, no spaces, no hyphens (line-end hyphenation), NFC."""
    text = unicodedata.normalize("NFC", text).casefold()
    return "".join(ch for ch in text if not ch.isspace() and ch not in HYPHENS)


@pytest.fixture(scope="module")
def minimal() -> Built:
    return Built(MINIMAL)


@pytest.fixture(scope="module")
def reference() -> Built:
    return Built(REFERENCE)


CRAFTED_FR = 'Les néonicotinoïdes {{ 7*7 }} <img src="http://example.org/x.png"> sont en cause.'
CRAFTED_NOTE = "FAO {% if true %}oui{% endif %} <b>gras</b> &amp; 2020."


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Built:
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("fr: Les néonicotinoïdes sont en cause.[^efsa]",
                        f"fr: '{CRAFTED_FR}[^efsa]'")
    text = text.replace("fr: FAO, Rapport sur les pollinisateurs, 2020.",
                        f"fr: '{CRAFTED_NOTE}'")
    assert "{{ 7*7 }}" in text and "<b>gras</b>" in text
    path = tmp_path_factory.mktemp("crafted") / "56K0612001.yaml"
    path.write_text(text, encoding="utf-8")
    fetcher = pdf_writer.setup(TEMPLATES.resolve()).fetcher
    refused_before = len(fetcher.refused)
    connections = []
    real_connect = socket.socket.connect

    def no_connect(self, address):
        connections.append(address)
        raise OSError("no network in the PDF writer")

    socket.socket.connect = no_connect
    try:
        built = Built(path)
    finally:
        socket.socket.connect = real_connect
    built.connections = connections
    built.refused = fetcher.refused[refused_before:]
    return built


@pytest.fixture(scope="module", params=["minimal", "reference"])
def built(request) -> Built:
    return request.getfixturevalue(request.param)


# --- pages -------------------------------------------------------------------

def test_minimal_has_cover_back_developments_and_resolution_pages(minimal):
    assert minimal.pages == 4
    assert abs(minimal.width - 595.3) < 1 and abs(minimal.height - 841.9) < 1  # A4


def test_reference_document_pages(reference):
    assert 6 <= reference.pages <= 20
    texts = [norm(t) for t in reference.texts]
    f = reference.furniture
    first_text_page = next(i for i, t in enumerate(texts) if norm(f.developments["nl"]) in t)
    assert first_text_page == 2                       # text from page 3
    resolution_page = next(i for i, t in enumerate(texts)
                           if norm(reference.doc.resolution.opening["nl"].plain) in t)
    # the resolution starts at the top of a new page, after the signature
    top_words = [w["text"] for w in reference.half(resolution_page, 0)[:3]]
    assert norm(" ".join(top_words)).startswith(norm(f.doctype["nl"])[:10]), top_words


def test_cover_has_the_strings_of_the_cover(built):
    f, meta = built.furniture, built.doc.meta
    halves = [norm(" ".join(w["text"] for w in built.half(0, side, "all"))) for side in (0, 1)]
    assert halves[0].startswith(norm(f.doc_prefix))
    assert halves[1].startswith(norm(f.short_number))
    for side, lang in enumerate(meta.langs):          # lead language on the left
        for s in (f.chamber[lang], f.date[lang], f.doctype[lang], meta.title[lang].plain,
                  f.authors[lang]):
            assert norm(s) in halves[side], (lang, s)
    cover = norm(built.texts[0])
    for lang in meta.langs:                            # the session strip at the foot
        assert norm(f.session[lang].text) in cover


def test_back_of_cover_has_groups_abbreviations_and_publisher(built):
    back = norm(built.texts[1])
    f = built.furniture
    for group in f.groups:                              # one group a line
        assert norm(f"{group.abbreviation} : {group.name}") in back
    for side, lang in enumerate(built.doc.meta.langs):  # lead language on the left
        half = norm(" ".join(w["text"] for w in built.half(1, side, "all")))
        assert norm(f.abbreviations_heading[lang]) in half
        for line in f.abbreviations:
            assert norm(line[lang]) in half
    bottom = [w for w in built.words[1] if w["top"] > built.height * 0.85]
    for side, lang in enumerate(built.doc.meta.langs):
        half = norm(" ".join(w["text"] for w in bottom if (w["x0"] >= built.width / 2) == side))
        assert norm(f.publisher[lang]) in half


def test_head_and_foot_on_every_page_but_the_first_two(built):
    f = built.furniture
    strip = norm(f.strip_text)
    for page in range(built.pages):
        text = norm(built.texts[page])
        if page < 2:
            assert strip not in text and "•" not in text, page + 1
            continue
        assert strip in text, page + 1
        head = [w for w in built.words[page] if w["top"] < 50]
        head_text = norm(" ".join(w["text"] for w in head))
        assert norm(f.doc_prefix) in head_text and norm(f.short_number) in head_text
        number = [w for w in head if w["text"] == str(page + 1)]
        assert number, f"no page number on page {page + 1}"
        # mirrored: the number at the outer edge (right on odd pages)
        if (page + 1) % 2:
            assert number[0]["x0"] > built.width * 0.8
        else:
            assert number[0]["x1"] < built.width * 0.2


# --- columns -------------------------------------------------------------------

def _language_words(doc: Document) -> dict[str, set[str]]:
    """Words that occur in one language only (as the PDF shows them)."""
    words = {"fr": set(), "nl": set()}
    for pair in doc.pairs():
        for lang in words:
            words[lang] |= {norm(w) for w in pair[lang].plain.split() if len(w) > 3}
    only = {"fr": words["fr"] - words["nl"], "nl": words["nl"] - words["fr"]}
    return only


def test_lead_language_left_other_right_on_every_text_page(built):
    only = _language_words(built.doc)
    lead, other = built.doc.meta.langs
    for page in range(2, built.pages):
        for side, lang, wrong in ((0, lead, other), (1, other, lead)):
            half = built.half(page, side)
            # a compound broken at its hyphen leaves fragments: skip them
            words = [norm(w["text"]) for i, w in enumerate(half)
                     if not (i and half[i - 1]["text"][-1] in HYPHENS)]
            right = [w for w in words if w in only[lang]]
            misplaced = [w for w in words if w in only[wrong]]
            assert right, f"page {page + 1}: no {lang} word on side {side}"
            assert not misplaced, f"page {page + 1}: {lang} side holds {misplaced[:5]}"


def _located(built: Built, side: int, kind: str = "body") -> tuple[str, list[tuple]]:
    """The normalised words of one side of the text pages as one string, and for
    each character the (page, top) of its word."""
    chars, where = [], []
    for page in range(2, built.pages):
        for w in built.half(page, side, kind):
            text = norm(w["text"])
            chars.append(text)
            where.extend([(page, w["top"])] * len(text))
    return "".join(chars), where


def _rows(doc: Document) -> list[tuple[str, list]]:
    """The rows of the text as (label, pairs): one row per paragraph pair; a
    request's opening verb phrase and its text share a row."""
    from render.model import iter_requests
    rows = [("", [b.text]) for b in doc.developments]
    rows.append(("", [doc.resolution.opening]))
    rows += [(f"{c.label}.", [c.text]) for c in doc.resolution.considerants]
    rows += [(r.label, [p for p in (r.lead, r.text) if p is not None])
             for r in iter_requests(doc.resolution.requests)]
    return rows


def test_pairs_start_at_the_same_height(built):
    """The first words of both languages of every row stand at the same height
    of the same page."""
    streams = [_located(built, side) for side in (0, 1)]
    positions = [0, 0]
    for label, pairs in _rows(built.doc):
        starts = []
        for side, lang in enumerate(built.doc.meta.langs):
            stream, where = streams[side]
            row = " ".join([label] + [printed(p[lang], built.doc) for p in pairs])
            first = norm("".join(row.split()[:4]))
            found = stream.find(first, positions[side])
            assert found >= 0, (lang, first)
            positions[side] = found + len(norm(row))
            starts.append(where[found])
        (page0, top0), (page1, top1) = starts
        assert page0 == page1 and abs(top0 - top1) < 1.5, (pairs[0].pos, starts)


def printed(text, doc: Document) -> str:
    """A text as printed: the note calls as their numbers."""
    return "".join(str(doc.note_number(p.id)) if isinstance(p, NoteRef) else p.text
                   for p in text.parts)


# --- every word is there -------------------------------------------------------

def _stream(built: Built, side: int, kind: str) -> str:
    return norm(" ".join(w["text"] for page in range(2, built.pages)
                         for w in built.half(page, side, kind)))


def _missing_in_order(words: list[str], stream: str) -> list[str]:
    missing, pos = [], 0
    for word in words:
        found = stream.find(word, pos)
        if found < 0:
            missing.append(word)
        else:
            pos = found + len(word)
    return missing


def test_every_word_of_the_text_is_printed_in_order(built):
    for side, lang in enumerate(built.doc.meta.langs):
        stream = _stream(built, side, "body")
        words = [norm(w) for pair in built.doc.pairs()
                 for w in printed(pair[lang], built.doc).split()]
        missing = _missing_in_order([w for w in words if w], stream)
        assert not missing, f"{lang}: {missing[:10]}"


def test_every_word_of_the_notes_is_printed(built):
    for side, lang in enumerate(built.doc.meta.langs):
        stream = _stream(built, side, "notes")
        for note in built.doc.notes_in_order():
            text = norm(note.text[lang].plain)
            assert f"{note.number}{text}" in stream.replace(" ", ""), (lang, note.id)


# --- footnotes -----------------------------------------------------------------

def _calls(doc: Document, lang: str) -> list[tuple[int, str]]:
    """(note number, the call as printed: the word before it and the number)."""
    calls = []
    for pair in doc.pairs():
        before = ""
        for part in pair[lang].parts:
            if isinstance(part, NoteRef):
                n = doc.note_number(part.id)
                calls.append((n, norm(before.split()[-1] if before.split() else "") + str(n)))
                before = ""
            elif isinstance(part, Str):
                before += part.text
            else:
                before += part.text
    return calls


def test_each_note_stands_under_its_column_on_the_page_of_its_call(built):
    for side, lang in enumerate(built.doc.meta.langs):
        for number, printed in _calls(built.doc, lang):
            pages = []
            for page in range(2, built.pages):
                for w in built.half(page, side):
                    text = norm(w["text"]).rstrip(",;:.)”’")
                    if (len(text) > len(str(number)) and text.endswith(str(number))
                            and printed.endswith(text)):
                        pages.append((page, w["top"]))
            assert pages, f"{lang}: call {printed!r} not found"
            page, top = pages[0]
            note = built.doc.notes_in_order()[number - 1]
            notes_here = "".join(norm(w["text"]) for w in built.half(page, side, "notes"))
            start = f"{number}{norm(note.text[lang].plain)[:25]}"
            assert start in notes_here, (
                f"{lang}: note {number} is not under its column on page {page + 1}")
            note_top = min(w["top"] for w in built.half(page, side, "notes"))
            assert note_top > top


def test_text_never_runs_under_the_notes(built):
    for page in range(2, built.pages):
        for side in (0, 1):
            body = built.half(page, side)
            notes = built.half(page, side, "notes")
            if body and notes:
                assert max(w["bottom"] for w in body) < min(w["top"] for w in notes), page + 1


def test_every_note_is_on_the_page_of_both_its_calls(built):
    """The same, from the layout itself: no note away from any of its calls."""
    document = pdf_writer.layout(built.doc, TEMPLATES)
    assert pdf_writer.misplaced_notes(pdf_writer.note_placement(document)) == {}
    assert len(document.pages) == built.pages


# --- typography ---------------------------------------------------------------

def test_only_the_bundled_typeface_is_embedded(built):
    reader = pypdf.PdfReader(io.BytesIO(built.pdf))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            fonts.add(str(font.get_object()["/BaseFont"]))
    assert fonts and all("Hemicycle-Libertine" in f for f in fonts), fonts


def test_text_is_hyphenated_in_both_languages(reference):
    for side in (0, 1):
        words = [w["text"] for page in range(2, reference.pages)
                 for w in reference.half(page, side)]
        hyphenated = [w for w in words if w[-1] in HYPHENS and len(w) > 2]
        assert len(hyphenated) >= 5, side


# --- metadata and determinism -------------------------------------------------

def test_pdf_metadata_title_authors_language(built):
    reader = pypdf.PdfReader(io.BytesIO(built.pdf))
    meta = reader.metadata
    doc = built.doc
    assert built.furniture.document_number in meta.title
    assert doc.meta.title[doc.meta.lead].plain in meta.title
    assert meta.author == ", ".join(a.name for a in doc.meta.authors)
    assert reader.trailer["/Root"]["/Lang"] == built.furniture.language_tags[doc.meta.lead]


def test_two_builds_give_identical_bytes(built):
    assert pdf_writer.render_pdf(built.doc, TEMPLATES) == built.pdf


def test_another_process_gives_identical_bytes(minimal, tmp_path):
    result = subprocess.run([sys.executable, "-m", "render", "build", str(MINIMAL),
                             "--format", "pdf", "--out", str(tmp_path)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "minimal.pdf").read_bytes() == minimal.pdf


# --- content is data; nothing is fetched --------------------------------------

def test_template_syntax_and_html_in_content_print_literally(crafted):
    text = "".join(crafted.texts)
    assert "{{ 7*7 }}" in text and "49" not in text.replace("2024", "")
    side = crafted.doc.meta.langs.index("fr")
    body = " ".join(w["text"] for page in range(2, crafted.pages)
                    for w in crafted.half(page, side))
    notes = " ".join(w["text"] for page in range(2, crafted.pages)
                     for w in crafted.half(page, side, "notes"))
    assert re.sub(r"\s+", "", CRAFTED_FR) in re.sub(r"\s+", "", body)
    assert re.sub(r"\s+", "", CRAFTED_NOTE) in re.sub(r"\s+", "", notes)


def test_no_fetch_happens(crafted):
    assert crafted.connections == []
    assert crafted.refused == []


def test_fetcher_serves_only_the_templates_folder(tmp_path):
    fetcher = pdf_writer.setup(TEMPLATES.resolve()).fetcher
    font = (TEMPLATES / "fonts" / "LinLibertine_R.otf").resolve()
    assert fetcher.fetch(font.as_uri()).read()[:4] == b"OTTO"
    outside = tmp_path / "x.css"
    outside.write_text("p {}")
    for url in ("http://example.org/x.png", "https://example.org/", outside.as_uri(),
                (TEMPLATES / ".." / "pyproject.toml").resolve().as_uri(),
                "data:text/css,p{}", "file:///etc/passwd"):
        with pytest.raises(ValueError):
            fetcher.fetch(url)


def _many_notes_yaml() -> str:
    """The minimal example with twelve long paragraph pairs, three notes each."""
    fr = ("Les abeilles pollinisent une grande partie des cultures européennes, et leur "
          "déclin menace notre alimentation comme la biodiversité des campagnes. ")
    nl = ("Bijen bestuiven een groot deel van de Europese gewassen, en hun achteruitgang "
          "bedreigt onze voeding en de biodiversiteit van het platteland. ")
    blocks, notes = [], []
    for i in range(12):
        texts = {"fr": "", "nl": ""}
        for j in range(3):
            note = f"n{i}-{j}"
            for lang, sentence in (("fr", fr), ("nl", nl)):
                texts[lang] += sentence * (1 + (i + j) % 3) + f"Fin.[^{note}] "
            notes.append(f"  {note}:\n    fr: 'Note {i}.{j}. {fr * (1 + (i * j) % 4)}'\n"
                         f"    nl: 'Noot {i}.{j}. {nl * (1 + (i * j) % 4)}'\n")
        blocks.append(f"  - paragraph:\n      fr: '{texts['fr'].strip()}'\n"
                      f"      nl: '{texts['nl'].strip()}'\n")
    text = MINIMAL.read_text(encoding="utf-8")
    start = text.index("  - heading:")
    end = text.index("  - signature:")
    text = text[:start] + "".join(blocks) + text[end:]
    return text[:text.index("footnotes:")] + "footnotes:\n" + "".join(notes) + (
        "  fao:\n    fr: FAO, 2020.\n    nl: FAO, 2020.\n")


def test_notes_stay_with_calls_on_one_page_in_a_document_full_of_notes(tmp_path):
    path = tmp_path / "56K0612001.yaml"
    path.write_text(_many_notes_yaml(), encoding="utf-8")
    doc = load_document(path)
    assert len(doc.footnotes) == 37
    document = pdf_writer.layout(doc, TEMPLATES)
    placement = pdf_writer.note_placement(document)
    assert len(document.pages) >= 6
    for (number, lang), (call_page, note_page) in pdf_writer.misplaced_notes(placement).items():
        # only a pair crossing a page may part a note from one of its calls
        call_pages = {p for (n, _), p in placement.calls.items() if n == number}
        assert len(call_pages) == 2 and note_page in call_pages, (number, lang, call_page,
                                                                 note_page)


def test_a_cover_too_full_is_refused_with_the_field_to_shorten(tmp_path):
    """The cover has one page: a summary that cannot fit is an error at the
    summary, not a cover printed over its own strip."""
    from render.errors import ContentError
    from render.writers.pdf import render_pdf

    def with_summary(sentences: int):
        text = MINIMAL.read_text(encoding="utf-8").replace(
            "  and_others: true\n",
            "  and_others: true\n  summary:\n"
            f"    fr: {('Les abeilles sont essentielles. ' * sentences).strip()}\n"
            f"    nl: {('De bijen zijn essentieel. ' * sentences).strip()}\n")
        path = tmp_path / f"summary{sentences}.yaml"
        path.write_text(text, encoding="utf-8")
        return load_document(path)

    assert render_pdf(with_summary(40), TEMPLATES).startswith(b"%PDF")
    with pytest.raises(ContentError) as info:
        render_pdf(with_summary(200), TEMPLATES)
    (problem,) = info.value.problems
    assert (problem.pos.line, problem.pos.col) == (20, 3)   # the `summary:` key
    assert "shorten it" in problem.message
