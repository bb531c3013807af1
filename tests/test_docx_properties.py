"""Document properties of the DOCX for long titles and author lists.

Word keeps at most 255 characters of a text property (python-docx refuses
longer core properties): a long title, a long list of authors or a long name
is shortened there, at a word's or a name's end, with "…"; the document
itself always builds, in every format."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
from lxml import etree

from conftest import MINIMAL
from render.content.loader import load_document
from render.model.furniture import furniture
from render.paths import templates_dir
from render.writers.docx.package import PROPERTY_LIMIT, limited
from render.writers.docx.writer import render_docx
from render.writers.html import render_html
from render.writers.pdf import render_pdf

TEMPLATES = templates_dir()
VT = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}lpwstr"

# A realistic long title (217 characters in each language).
TITLE_FR = ("relative à la protection des abeilles domestiques et sauvages, des bourdons et "
            "des autres insectes pollinisateurs contre les pesticides néonicotinoïdes et contre "
            "les espèces invasives comme le frelon asiatique à Liège")
TITLE_NL = ("betreffende de bescherming van de honingbijen en de wilde bijen, de hommels en de "
            "andere bestuivende insecten tegen de neonicotinoïde pesticiden en tegen invasieve "
            "soorten zoals de Aziatische hoornaar in ons hele land")
assert len(TITLE_FR) == len(TITLE_NL) == 217

STRING_PROPERTIES = ("title", "subject", "author", "keywords", "comments", "category",
                     "last_modified_by", "identifier", "language", "content_status", "version")


def _units(text: str) -> int:
    """A text's length as Word counts it (UTF-16 units)."""
    return len(text.encode("utf-16-le")) // 2


def _authors_yaml(names: list[str]) -> str:
    return "".join(f"    - name: '{name}'\n      gender: f\n      party: PS\n" for name in names)


def _content(tmp_path, title: tuple[str, str] | None = None, names: list[str] | None = None):
    text = MINIMAL.read_text(encoding="utf-8")
    if title:
        text = text.replace("    fr: relative à la protection des abeilles\n"
                            "    nl: betreffende de bescherming van de bijen\n",
                            f"    fr: {title[0]}\n    nl: {title[1]}\n")
    if names:
        start = text.index("  authors:\n") + len("  authors:\n")
        text = text[:start] + _authors_yaml(names) + text[text.index("  and_others:"):]
    path = tmp_path / "56K0612001.yaml"
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def _shortened(value: str, full: str) -> bool:
    return value.endswith("…") and full.startswith(value[:-1]) and _units(value) <= PROPERTY_LIMIT


def _custom(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("docProps/custom.xml"))
    return {p.get("name"): p.findtext(VT) for p in root}


def _check_every_property(data: bytes) -> docx.document.Document:
    """The DOCX opens, and no text property is longer than Word keeps."""
    document = docx.Document(io.BytesIO(data))
    core = document.core_properties
    for name in STRING_PROPERTIES:
        assert _units(getattr(core, name) or "") <= PROPERTY_LIMIT, name
    for name, value in _custom(data).items():
        assert _units(value) <= PROPERTY_LIMIT, name
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        app = etree.fromstring(z.read("docProps/app.xml"))
    assert all(_units(e.text or "") <= PROPERTY_LIMIT for e in app)
    return document


# --- long titles, author lists and names ---------------------------------------------

def test_a_long_bilingual_title_is_shortened_in_the_properties(tmp_path):
    doc = _content(tmp_path, title=(TITLE_FR, TITLE_NL))
    data = render_docx(doc, TEMPLATES)
    core = _check_every_property(data).core_properties
    full = furniture(doc, TEMPLATES).title           # number, both languages' titles
    assert len(full) > PROPERTY_LIMIT
    assert _shortened(core.title, full), core.title
    assert full[len(core.title) - 1] == " "          # cut at a word's end
    custom = _custom(data)
    for lang, title in (("Fr", TITLE_FR), ("Nl", TITLE_NL)):
        value = custom[f"Title{lang}"]
        assert value.endswith(title) or _shortened(value, f"{value.split(' ')[0]} {title}")


def test_a_long_title_builds_in_every_format(tmp_path):
    doc = _content(tmp_path, title=(TITLE_FR, TITLE_NL))
    assert render_pdf(doc, TEMPLATES).startswith(b"%PDF")
    assert TITLE_FR.encode() in render_html(doc, TEMPLATES)


def test_a_long_author_list_is_shortened_at_a_name(tmp_path):
    names = [f"Marie-Christine Vandenberghe {i}" for i in range(1, 11)]
    full = ", ".join(names)
    assert len(full) > 300
    doc = _content(tmp_path, names=names)
    data = render_docx(doc, TEMPLATES)
    author = _check_every_property(data).core_properties.author
    assert _shortened(author, full), author
    assert author[:-1] in [", ".join(names[:n]) for n in range(1, len(names))]
    assert render_pdf(doc, TEMPLATES).startswith(b"%PDF")


def test_a_name_of_a_thousand_characters(tmp_path):
    name = ("Marie-Christine " * 70)[:1000].strip()
    doc = _content(tmp_path, names=[name, "Jan Peeters"])
    data = render_docx(doc, TEMPLATES)
    author = _check_every_property(data).core_properties.author
    assert _shortened(author, f"{name}, Jan Peeters"), author
    assert render_pdf(doc, TEMPLATES).startswith(b"%PDF")
    assert render_html(doc, TEMPLATES)


def test_the_docproperty_fields_show_whole_values(tmp_path):
    """The fields of the cover and the running heads show short properties
    (number, prefix), never shortened."""
    doc = _content(tmp_path, title=(TITLE_FR, TITLE_NL))
    f = furniture(doc, TEMPLATES)
    custom = _custom(render_docx(doc, TEMPLATES))
    assert custom["DocPrefix"] == f.doc_prefix and custom["ShortNumber"] == f.short_number
    assert custom["DocumentNumber"] == f.document_number


# --- the cut itself -------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "court", "x" * PROPERTY_LIMIT])
def test_a_property_that_fits_is_whole(text):
    assert limited(text) == text


def test_a_cut_falls_at_a_word_end():
    text = "abeilles " * 60
    value = limited(text)
    assert _shortened(value, text) and value == ("abeilles " * 28).strip() + "…"


def test_a_word_longer_than_the_property_is_cut_inside():
    value = limited("x" * 1000)
    assert value == "x" * (PROPERTY_LIMIT - 1) + "…"


def test_characters_beyond_the_basic_plane_count_twice():
    value = limited("🐝" * 300)
    assert _shortened(value, "🐝" * 300) and _units(value) <= PROPERTY_LIMIT
    assert len(value) == (PROPERTY_LIMIT - 1) // 2 + 1


def test_characters_xml_cannot_hold_are_left_out():
    assert limited("a\x01b\ufffec") == "abc"
