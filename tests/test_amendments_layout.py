"""The layouts of a set of amendments (DOC 56 0589/002) and of the text adopted
(/003), read back from the pages: from the PDF (WeasyPrint) and from
LibreOffice's PDF of the DOCX (one LibreOffice run for the module). The
documents are built from the model (tests/dossier_samples.py); Dutch
leads, so Dutch is the left column.

Each check reads the words of one column of one page: spaces and hyphens
are dropped before comparing, so a line break anywhere does not matter."""
from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pikepdf
import pytest

from dossier_samples import adopted_document, amendments_document
from render.layout.labels import label_columns
from render.layout.page import page_spec
from render.layout.rows import layout
from render.paths import templates_dir
from render.writers.docx import render_docx
from render.writers.html import html_string
from render.writers.pdf import render_pdf
from tools import libreoffice

TEMPLATES = templates_dir()
DOCS = {"amendments": amendments_document, "adopted": adopted_document}
SIDES = ("lead", "other")   # Dutch (left), French (right)


def squeeze(text: str) -> str:
    """The words only: no spaces, no hyphens (of line ends or of words)."""
    return re.sub(r"[\s\-\u2010\u2011\u00ad\u2060\u200b]", "", text)


@dataclass
class Page:
    number: int                       # 1-based
    lines: dict[str, list[str]]       # side → its lines, top to bottom
    words: dict[str, list[dict]]      # side → pdfplumber's words
    width: float
    height: float

    def text(self, side: str) -> str:
        return squeeze("".join(self.lines[side]))


def read(pdf_bytes: bytes) -> list[Page]:
    pages = []
    with pdfplumber.open(io.BytesIO(pdf_bytes)) as pdf:
        for i, page in enumerate(pdf.pages, start=1):
            mid = page.width / 2
            lines, words = {}, {}
            for side, box in (("lead", (0, 0, mid, page.height)),
                              ("other", (mid, 0, page.width, page.height))):
                crop = page.crop(box)
                lines[side] = [line for line in (crop.extract_text() or "").splitlines()
                               if line.strip()]
                words[side] = crop.extract_words()
            pages.append(Page(i, lines, words, page.width, page.height))
    return pages


@dataclass
class Built:
    pdf: dict[str, bytes]              # document → WeasyPrint's PDF
    docx: dict[str, bytes]
    pages: dict[tuple[str, str], list[Page]]   # (output, document) → pages


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Built:
    folder = tmp_path_factory.mktemp("dossier")
    pdfs, docxs, sources = {}, {}, []
    for name, make in DOCS.items():
        doc = make()
        pdfs[name] = bytes(render_pdf(doc, TEMPLATES))
        docxs[name] = bytes(render_docx(doc, TEMPLATES))
        path = folder / f"{name}.docx"
        path.write_bytes(docxs[name])
        sources.append(path)
    converted = libreoffice.to_pdf(sources, folder / "lo")   # one LibreOffice run
    pages = {}
    for name in DOCS:
        pages[("pdf", name)] = read(pdfs[name])
        pages[("docx", name)] = read((folder / "lo" / f"{name}.pdf").read_bytes())
    return Built(pdfs, docxs, pages)


@pytest.fixture(params=["pdf", "docx"])
def output(request) -> str:
    return request.param


def body(pages: list[Page], side: str) -> str:
    """A column's words over the text pages (from page 3)."""
    return "".join(p.text(side) for p in pages[2:])


def in_order(text: str, phrases: list[str]) -> list[str]:
    """The phrases not found in `text` in the order given (each after the one before)."""
    missing, at = [], 0
    for phrase in phrases:
        found = text.find(squeeze(phrase), at)
        if found < 0:
            missing.append(phrase)
        else:
            at = found + len(squeeze(phrase))
    return missing


# --- the cover ------------------------------------------------------------------------------

COVER = {
    "amendments": {
        "lead": ["VOORSTEL VAN RESOLUTIE", "betreffende het Azerbeidzjaanse offensief",
                 "AMENDEMENTEN", "ingediend in de commissie voor Buitenlandse Betrekkingen",
                 "Zie:", "Doc 56 0589/ (2024/2025):",
                 "001: Voorstel van resolutie van mevrouw Van Hoof."],
        "other": ["PROPOSITION DE RÉSOLUTION", "relative à l’offensive azerbaïdjanaise",
                  "AMENDEMENTS", "déposés en commission des Relations extérieures",
                  "Voir:", "Doc 56 0589/ (2024/2025):",
                  "001: Proposition de résolution de Mme Van Hoof."]},
    "adopted": {
        "lead": ["VOORSTEL VAN RESOLUTIE", "betreffende het Azerbeidzjaanse offensief",
                 "TEKST AANGENOMEN DOOR DE COMMISSIE VOOR BUITENLANDSE BETREKKINGEN",
                 "Zie:", "Doc 56 0589/ (2024/2025):",
                 "001: Voorstel van resolutie van mevrouw Van Hoof.", "002: Amendementen."],
        "other": ["PROPOSITION DE RÉSOLUTION", "relative à l’offensive azerbaïdjanaise",
                  "TEXTE ADOPTÉ PAR LA COMMISSION DES RELATIONS EXTÉRIEURES",
                  "Voir:", "Doc 56 0589/ (2024/2025):",
                  "001: Proposition de résolution de Mme Van Hoof.", "002: Amendements."]},
}


@pytest.mark.parametrize("name", DOCS)
def test_cover_names_the_sub_document_and_the_dossier_history(built, output, name):
    cover = built.pages[(output, name)][0]
    for side in SIDES:
        assert in_order(cover.text(side), COVER[name][side]) == [], (side, cover.lines[side])
    # each language in its own half; no authors' line (each amendment names its own)
    assert squeeze("AMENDEMENTEN") not in cover.text("other")
    assert "Voir:" not in cover.text("lead") and "Zie:" not in cover.text("other")
    assert "ingediend door" not in " ".join(cover.lines["lead"])
    assert "déposée par" not in " ".join(cover.lines["other"])


# --- a set of amendments ----------------------------------------------------------------------

# Per amendment, in each language: heading, target, instruction, new text.
AMENDMENTS = [
    (["Nr. 1 VAN MEVROUW VAN HOOF", "Considerans C", "Considerans C vervangen als volgt:",
      "“C. gelet op het Handvest van de Verenigde Naties"],
     ["N° 1 DE MME VAN HOOF", "Considérant C", "Remplacer le considérant C par ce qui suit:",
      "“C. vu la Charte des Nations Unies"]),
    (["Nr. 2 VAN MEVROUW VAN HOOF", "Considerans D",
      "In considerans D, de woorden “de Slotakte van Helsinki” vervangen door de woorden "
      "“de Slotakte van Helsinki2”."],
     ["N° 2 DE MME VAN HOOF", "Considérant D",
      "Au considérant D, remplacer les mots “l’Acte final d’Helsinki” par les mots "
      "“l’Acte final d’Helsinki2”."]),
    (["Nr. 3 VAN DE HEER DUPONT", "Considerans C", "Een considerans Cbis invoegen, luidende:",
      "“Cbis. overwegende dat meer dan 100.000 Armeniërs"],
     ["N° 3 DE M. DUPONT", "Considérant C", "Insérer un considérant Cbis, rédigé comme suit:",
      "“Cbis. considérant que plus de 100.000 Arméniens"]),
    (["Nr. 4 VAN DE HEER DUPONT EN MEVROUW VAN HOOF", "Punt 4.3", "Punt 4.3 weglaten."],
     ["N° 4 DE M. DUPONT ET MME VAN HOOF", "Point 4.3", "Supprimer le point 4.3."]),
    (["Nr. 5 VAN MEVROUW VAN HOOF", "Opschrift", "Het opschrift vervangen als volgt:",
      "“betreffende Nagorno-Karabach en de vredesgesprekken"],
     ["N° 5 DE MME VAN HOOF", "Intitulé", "Remplacer l’intitulé par ce qui suit:",
      "“relative au Haut-Karabakh et aux pourparlers"]),
    (["Nr. 6 VAN DE HEER DUPONT", "Considerans A",
      "Vóór considerans A een considerans invoegen, luidende:", "“gelet op de Grondwet"],
     ["N° 6 DE M. DUPONT", "Considérant A",
      "Avant le considérant A, insérer un considérant rédigé comme suit:",
      "“vu la Constitution"]),
    (["Nr. 7 VAN DE HEER DUPONT EN MEVROUW VAN HOOF", "Punt 4.2",
      "Een punt 4.2bis invoegen, luidende:", "“4.2bis. de opvang van de vluchtelingen"],
     ["N° 7 DE M. DUPONT ET MME VAN HOOF", "Point 4.2",
      "Insérer un point 4.2bis, rédigé comme suit:", "“4.2bis. de soutenir l’accueil"]),
    (["Nr. 8 VAN DE HEER DUPONT (subamendement op amendement nr. 3)", "Considerans Cbis",
      "In considerans Cbis, de woorden “meer dan 100.000” vervangen door de woorden "
      "“bijna 120.000”."],
     ["N° 8 DE M. DUPONT (sous-amendement à l’amendement n° 3)", "Considérant Cbis",
      "Au considérant Cbis, remplacer les mots “plus de 100.000” par les mots "
      "“près de 120.000”."]),
    (["Nr. 9 VAN MEVROUW VAN HOOF", "Punt 2", "Punt 2 vervangen als volgt:",
      "“2.", "dat een duurzame vrede"],
     ["N° 9 DE MME VAN HOOF", "Point 2", "Remplacer le point 2 par ce qui suit:",
      "“2.", "qu’une paix durable"]),
]


def test_amendments_read_in_order_in_each_language(built, output):
    pages = built.pages[(output, "amendments")]
    for side, index in (("lead", 0), ("other", 1)):
        expected = [phrase for amendment in AMENDMENTS for phrase in amendment[index]]
        assert in_order(body(pages, side), expected) == [], side
    # and never in the other language's column
    assert squeeze("VERANTWOORDING") not in body(pages, "other")
    assert squeeze("Remplacer le considérant C") not in body(pages, "lead")
    assert squeeze("Considerans C vervangen") not in body(pages, "other")


def labelled_lines(pages: list[Page], side: str) -> list[str]:
    return [line for p in pages[2:] for line in p.lines[side] if line.startswith("“")]


def test_new_items_are_quoted_with_their_labels(built, output):
    pages = built.pages[(output, "amendments")]
    for side, first_words in (("lead", {"“C.": "gelet", "“Cbis.": "overwegende",
                                        "“4.2bis.": "de", "“2.": None}),
                              ("other", {"“C.": "vu", "“Cbis.": "considérant",
                                         "“4.2bis.": "de", "“2.": None})):
        lines = labelled_lines(pages, side)
        for label, word in first_words.items():
            line = next((line for line in lines if line.split()[0] == label), None)
            assert line is not None, (side, label, lines)
            if word:   # the text follows its label on the line (a verb in small caps may not read back)
                assert line.split()[1] == word, line
    # the new items end their quotation
    assert squeeze("artikel 2;”") in body(pages, "lead")
    assert squeeze("en septembre 20233;”") in body(pages, "other")    # note 3 called inside


def test_justifications_and_signatures(built, output):
    pages = built.pages[(output, "amendments")]
    lead, other = body(pages, "lead"), body(pages, "other")
    assert lead.count("VERANTWOORDING") == 9 and other.count("JUSTIFICATION") == 9
    for text in (lead, other):
        assert text.count(squeeze("Els Van Hoof (cd&v)")) == 6
        assert text.count(squeeze("Marc Dupont (MR)")) == 5
    # signed at the right edge of the column, as the proposal's signatures
    for page in pages[2:]:
        for side in SIDES:
            words = page.words[side]
            if not words:
                continue
            text = [w for w in words if 60 < w["top"] < page.height - 60]   # no running head
            if not text:
                continue
            right = max(w["x1"] for w in text)
            for w in words:
                if w["text"] in ("(cd&v)", "(MR)"):
                    assert w["x1"] > right - 2, (page.number, side, w)


NOTES = [  # (number, Dutch call, Dutch note, French call, French note)
    (1, "niet op 16 juni1.", "1 Human Rights Watch", "et non le 16 juin1.",
     "1 Human Rights Watch"),
    (2, "Helsinki2”", "2 IGH, beschikking", "Helsinki2”", "2 CIJ, ordonnance"),
    (3, "ontvlucht3;”", "3 UNHCR, Armenia", "20233;”", "3 HCR, Armenia"),
]


def _where(pages: list[Page], side: str, phrase: str) -> tuple[int, float] | None:
    """The page where a phrase stands in a column, and how far down its lines
    (0 the first line of the column, 1 past the last); a phrase may run on
    to the next line."""
    target = squeeze(phrase)
    for page in pages:
        lines = [squeeze(line) for line in page.lines[side]]
        for i, line in enumerate(lines):
            joined = line + (lines[i + 1] if i + 1 < len(lines) else "")
            if target in joined and joined.index(target) < len(line):
                return page.number, i / len(lines)
    return None


def test_notes_stand_in_each_column_on_the_page_of_their_call(built, output):
    pages = built.pages[(output, "amendments")]
    for number, nl_call, nl_note, fr_call, fr_note in NOTES:
        for side, call, note, other_note in (("lead", nl_call, nl_note, fr_note),
                                             ("other", fr_call, fr_note, nl_note)):
            # (LibreOffice writes the note's number twice, `11 Human…`: it still holds `1 Human…`)
            called, noted = _where(pages, side, call), _where(pages, side, note)
            assert called and noted, (side, number, called, noted)
            assert called[0] == noted[0], (side, number, called, noted)   # the same page
            assert noted[1] > called[1]                                   # below the call
            if other_note != note:
                assert _where(pages, side, other_note) is None, (side, other_note)


def test_pdf_tags_and_bookmarks_name_the_amendments(built):
    with pikepdf.open(io.BytesIO(built.pdf["amendments"])) as pdf:
        with pdf.open_outline() as outline:
            lead, other = list(outline.root)
            assert lead.title.startswith("VOORSTEL VAN RESOLUTIE betreffende")
            assert lead.title.endswith("AMENDEMENTEN")
            assert other.title.endswith("AMENDEMENTS")
            assert [c.title for c in lead.children][:2] == ["Nr. 1 VAN MEVROUW VAN HOOF",
                                                           "Nr. 2 VAN MEVROUW VAN HOOF"]
            assert len(lead.children) == 9 and len(other.children) == 9
            assert other.children[3].title == "N° 4 DE M. DUPONT ET MME VAN HOOF"


# --- the text adopted ------------------------------------------------------------------------

def test_text_adopted_is_the_resolution_under_its_title(built, output):
    pages = built.pages[(output, "adopted")]
    first = pages[2]                          # the text starts on page 3: no blank page
    assert first.text("lead").find(squeeze("VOORSTEL VAN RESOLUTIE")) >= 0
    assert in_order(first.text("lead"), [
        "VOORSTEL VAN RESOLUTIE", "betreffende het Azerbeidzjaanse offensief in Nagorno-Karabach",
        "A.", "gelet op haar eerdere resoluties",   # (the opening, in small capitals, reads as glyphs)
        "C.", "gelet op het Handvest", "26 juni 1945", "D.",
        "overwegende dat meer dan 100.000 Armeniërs"]) == []
    assert in_order(first.text("other"), [
        "PROPOSITION DE RÉSOLUTION", "relative à l’offensive azerbaïdjanaise",
        "A.", "vu ses résolutions précédentes", "D.",
        "considérant que plus de 100.000 Arméniens"]) == []
    lead, other = body(pages, "lead"), body(pages, "other")
    assert in_order(lead, ["4.2.", "te bekijken of de dienstverlening",
                           "4.3.", "de opvang van de vluchtelingen", "4.4."]) == []
    assert squeeze("hechtere samenwerking") not in lead          # 4.3 deleted
    for words in ("TOELICHTING", "DÉVELOPPEMENTS", "Dames en Heren", "Mesdames, Messieurs"):
        assert squeeze(words) not in lead + other
    # its one note, in each column, on the page of its call
    called, noted = _where(pages, "lead", "ontvlucht1;"), _where(pages, "lead", "UNHCR, Armenia")
    assert called and noted and called[0] == noted[0]
    assert _where(pages, "other", "HCR, Armenia") and not _where(pages, "other", "UNHCR")


# --- both writers from the same rows -------------------------------------------------------

def test_row_kinds_of_an_amendment():
    lay = layout(amendments_document(), TEMPLATES)
    (section,) = lay.sections
    assert section.name == "amendments"
    kinds = [row.kind.name for row in section.rows[:7]]
    assert kinds == ["amendment-heading", "amendment-target", "instruction", "new-item",
                     "justification-heading", "paragraph", "signature"]
    assert section.rows[3].label == "“C."
    assert section.rows[5].keep_with_next and not section.rows[6].keep_with_next
    assert [n.id for n in lay.notes] == ["am-hrw", "am-icj", "am-unhcr"]
    labels = label_columns(lay, page_spec(TEMPLATES), TEMPLATES)
    assert labels.quoted > labels.considerant      # `“4.2bis.` needs more than `A.`


def test_html_headings_and_the_docx_styles(built):
    html = html_string(amendments_document(), TEMPLATES)
    assert '<h2 class="amendment-heading">N°\u00a01 DE MME\u00a0VAN\u00a0HOOF</h2>' in html
    assert '<h3 class="justification-heading">VERANTWOORDING</h3>' in html
    import zipfile
    with zipfile.ZipFile(io.BytesIO(built.docx["amendments"])) as z:
        document = z.read("word/document.xml").decode()
        styles = z.read("word/styles.xml").decode()
        record = z.read("customXml/item1.xml").decode()
    for style in ("AmendmentHeading", "AmendmentTarget", "AmendmentInstruction",
                  "AmendmentText", "JustificationHeading", "HistoryItem", "CoverSubdocument"):
        assert f'w:styleId="{style}"' in styles
        assert f'w:val="{style}-' in document     # used, in a language variant
    assert 'type="amendments"' in record and 'action="replace-words"' in record
    assert 'amends="3"' in record


def test_import_refuses_a_set_of_amendments_clearly(built, tmp_path):
    from render.importer import import_docx
    from render.importer.problems import ImportRefused
    path = tmp_path / "56K0589002.docx"
    path.write_bytes(built.docx["amendments"])
    with pytest.raises(ImportRefused, match="a set of amendments.*proposals only"):
        import_docx(path)


@pytest.mark.parametrize("name", DOCS)
def test_docx_is_valid_against_the_ooxml_schemas(built, name):
    from tools.ooxml_schema import validate_docx
    assert validate_docx(built.docx[name]) == []


def test_a_history_too_long_for_the_cover_is_reported():
    from datetime import date

    from dossier_samples import COMMITTEE
    from render.errors import ContentError
    from render.model.dossier import Earlier
    earlier = tuple(Earlier(n, "amendments", (), False, date(2025, 1, 15), COMMITTEE)
                    for n in range(1, 80))
    doc = amendments_document(history=earlier, subdocument=80)
    with pytest.raises(ContentError, match="history of the dossier's 79 earlier sub-documents"):
        render_pdf(doc, TEMPLATES)
