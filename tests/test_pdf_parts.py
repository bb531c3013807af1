"""The PDF laid out in parts: the cover, then each run of sections that
starts on a fresh page, laid out on its own and joined; a process that keeps
laid-out parts (`hemicycle watch`) lays out again only the parts a save
changed, and every path gives the same bytes."""
from __future__ import annotations

import pytest

from conftest import MINIMAL, ROOT
from render.content.loader import load_bytes
from render.paths import templates_dir
from render.writers import pdf as pdf_writer
from render.writers.html import Part, PdfSource, parts_of

TEMPLATES = templates_dir().resolve()
REFERENCE = ROOT / "tests" / "data" / "56K0589001.yaml"
EDITED = ("Depuis plusieurs décennies", "Depuis des décennies")   # in the développements


def test_a_new_part_starts_at_each_section_that_starts_a_page():
    assert parts_of([False]) == [Part(True), Part(False, (0,))]
    assert parts_of([False, True]) == [Part(True), Part(False, (0,)), Part(False, (1,))]
    assert parts_of([False, False, True]) == [Part(True), Part(False, (0, 1)),
                                              Part(False, (2,))]


def test_the_parts_hold_every_row_once():
    doc = load_bytes(REFERENCE.read_bytes(), REFERENCE.name)
    source = PdfSource(doc, TEMPLATES)
    assert [p.front for p in source.parts] == [True, False, False]
    ids = [source.row_ids(part) for part in source.parts]
    every = {row.id for _, rows in source.context["sections"] for row in rows if row.id}
    assert set().union(*ids) == every
    assert sum(len(i) for i in ids) == len(every)
    for part, own in zip(source.parts, ids):
        html = source.html(part)
        assert ('class="cover"' in html) == part.front
        others = every - own
        assert not any(f'id="{row}"' in html for row in others)


@pytest.fixture
def counted_layouts(monkeypatch):
    """How many times WeasyPrint lays out an HTML document."""
    from weasyprint import HTML

    calls = []
    original = HTML.render

    def render(self, *args, **kwargs):
        calls.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(HTML, "render", render)
    return calls


@pytest.fixture
def kept_parts():
    pdf_writer.laid_out_part.resize(8)
    yield
    pdf_writer.laid_out_part.cache_clear()
    pdf_writer.laid_out_part.resize(0)


def _documents():
    text = REFERENCE.read_text(encoding="utf-8")
    assert EDITED[0] in text
    first = load_bytes(text.encode(), REFERENCE.name)
    second = load_bytes(text.replace(*EDITED, 1).encode(), REFERENCE.name)
    return first, second


def test_without_kept_parts_every_build_lays_out_every_part(counted_layouts):
    first, _ = _documents()
    pdf_writer.render_pdf(first, TEMPLATES)
    pdf_writer.render_pdf(first, TEMPLATES)
    assert len(counted_layouts) == 2 * 3


def test_a_save_lays_out_again_only_the_part_it_changed(counted_layouts, kept_parts):
    first, second = _documents()
    pdf_writer.render_pdf(first, TEMPLATES)
    assert len(counted_layouts) == 3
    pdf_writer.render_pdf(second, TEMPLATES)
    assert len(counted_layouts) == 4, "only the développements are laid out again"
    changed = counted_layouts[-1]
    assert list(changed.wrapper_element.query_all("table.developments"))
    assert not list(changed.wrapper_element.query_all("table.resolution"))


def test_kept_parts_give_the_bytes_of_a_fresh_build(kept_parts):
    first, second = _documents()
    pdf_writer.render_pdf(first, TEMPLATES)
    warm = pdf_writer.render_pdf(second, TEMPLATES)
    again = pdf_writer.render_pdf(second, TEMPLATES)
    pdf_writer.laid_out_part.resize(0)
    cold = pdf_writer.render_pdf(second, TEMPLATES)
    assert warm == cold == again


def test_a_changed_template_file_is_laid_out_again(tmp_path, counted_layouts, kept_parts):
    import shutil

    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    doc = load_bytes(MINIMAL.read_bytes(), MINIMAL.name)
    pdf_writer.render_pdf(doc, templates)
    before = len(counted_layouts)
    pdf_writer.render_pdf(doc, templates)
    assert len(counted_layouts) == before
    css = templates / "html" / "chamber.css"
    css.write_text(css.read_text(encoding="utf-8") + "\np { letter-spacing: 0.1pt; }\n",
                   encoding="utf-8")
    pdf_writer.render_pdf(doc, templates)
    assert len(counted_layouts) == 2 * before


def test_notes_and_stranded_lines_are_settled_in_one_layout(counted_layouts):
    """The reference eight times over (about 400 notes, 50 pages) once needed
    three layouts of its développements for the pairs that moved to keep a
    note by its calls (its calls split over two pages, or an earlier pair's
    note pushed to the next page); those are decided while laying out now."""
    import sys

    sys.path.insert(0, str(ROOT / "tests"))
    from synthetic import scaled_content

    doc = load_bytes(scaled_content(8).encode(), "scaled.yaml")
    document = pdf_writer.layout(doc, TEMPLATES)
    assert len(counted_layouts) == len(PdfSource(doc, TEMPLATES).parts)
    placement = pdf_writer.note_placement(document)
    assert not pdf_writer.rows_to_break(placement)
    assert not pdf_writer.rows_with_stranded_lines(pdf_writer.row_cuts(document), placement)
    lone = {key for key, (call, note) in pdf_writer.misplaced_notes(placement).items()
            if len({page for (n, _), page in placement.calls.items() if n == key[0]}) == 1}
    assert not lone, "a note away from the one page of its calls"


@pytest.mark.parametrize("path", [MINIMAL, ROOT / "content" / "56K0589002.yaml",
                                  ROOT / "content" / "56K0589003.yaml"],
                         ids=lambda p: p.stem)
def test_every_part_from_the_kept_ones_gives_the_same_bytes(path, counted_layouts, kept_parts):
    """A proposal, a set of amendments and a text adopted, built again from
    parts kept in full: nothing is laid out, the bytes are the same."""
    from render.content.loader import load_document

    doc = load_document(path)
    first = pdf_writer.render_pdf(doc, TEMPLATES)
    laid_out = len(counted_layouts)
    again = pdf_writer.render_pdf(load_document(path), TEMPLATES)
    assert len(counted_layouts) == laid_out
    assert again == first


def test_only_the_parts_of_the_latest_build_are_kept(counted_layouts, kept_parts):
    """An earlier version of a part is dropped once a save replaced it: a
    big document watched for a while holds one laid-out copy of itself."""
    first, second = _documents()
    pdf_writer.render_pdf(first, TEMPLATES)
    pdf_writer.render_pdf(second, TEMPLATES)
    laid_out = len(counted_layouts)
    pdf_writer.render_pdf(first, TEMPLATES)      # its développements were dropped
    assert len(counted_layouts) == laid_out + 1


def test_what_a_save_drops_is_freed_between_saves(kept_parts):
    """`hemicycle watch` freezes what a build leaves out of the garbage
    collector (a full collection in the next build then walks only that
    build's objects); the parts later saves replace are still freed, so a
    long watch holds no more objects after four saves than after two."""
    import gc

    from render.watch import _collect_garbage

    text = REFERENCE.read_text(encoding="utf-8")
    frozen = []
    for save in range(4):
        word = "x" * (save + 1)   # a new text on every save
        doc = load_bytes(text.replace(EDITED[0], f"Depuis {word} décennies", 1).encode(),
                         REFERENCE.name)
        pdf_writer.layout(doc, TEMPLATES)
        _collect_garbage()
        frozen.append(gc.get_freeze_count())
    assert frozen[1] > 0
    assert frozen[3] <= frozen[1] * 1.01
