"""The DOCX writer: structure read back with python-docx and lxml, rendering
checked through LibreOffice (headless, time- and memory-capped, once per
module), byte-identical rebuilds."""
from __future__ import annotations

import functools
import io
import re
import shutil
import subprocess
import sys
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree

from render.writers.docx.writer import STYLE_NAMES, render_docx
from render.model.furniture import furniture
from render.content.loader import load_bytes, load_document
from render.model import Document, Heading, Paragraph, Salutation, Signature, iter_requests
from render.paths import templates_dir
from render.layout.page import page_spec
from tools import libreoffice

from conftest import MINIMAL, ROOT

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
REFERENCE_DOC = ROOT / "tests" / "data" / "56K0589001.yaml"
# a second document nobody tuned the layout for: French lead, four authors,
# 31 considerants, 21 notes
SECOND_DOC = ROOT / "tests" / "data" / "56K0733001.yaml"
TEMPLATES = templates_dir()
TEMPLATE_PAGE = page_spec(TEMPLATES)


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


# --- the documents under test -------------------------------------------------

def variant_text() -> str:
    """The minimal example with Dutch leading, a summary and text that looks
    like markup of other languages (it must print literally)."""
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace("  lead: fr\n", "  lead: nl\n")
    text = text.replace("  and_others: true\n", "  and_others: true\n  summary:\n"
                        "    fr: Les abeilles disparaissent {{ vite }} & <b>partout</b>.\n"
                        "    nl: De bijen verdwijnen {{ snel }} & <b>overal</b>.\n")
    text = text.replace("fr: Les pesticides\n", "fr: \"Les pesticides {{ x }} <b>&amp;\"\n")
    return text


def _documents() -> dict[str, Document]:
    docs = {"minimal": load_document(MINIMAL),
            "variant": load_bytes(variant_text().encode("utf-8"), "variant.yaml")}
    docs["56K0589001"] = load_document(REFERENCE_DOC)
    docs["56K0733001"] = load_document(SECOND_DOC)
    return docs


DOCS = _documents()


@pytest.fixture(scope="module")
def built() -> dict[str, bytes]:
    return {name: render_docx(doc, TEMPLATES) for name, doc in DOCS.items()}


@pytest.fixture(params=list(DOCS))
def case(request, built):
    name = request.param
    return name, DOCS[name], built[name]


def xml_parts(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: etree.fromstring(z.read(n)) for n in z.namelist() if n.endswith(".xml")}


def style_ids(data: bytes) -> dict[str, str]:
    styles = xml_parts(data)["word/styles.xml"]
    return {s.find("w:name", NS).get(w("val")): s.get(w("styleId"))
            for s in styles.iterfind("w:style", NS)}


def para_text(p: etree._Element, skip_style: str | None = None) -> str:
    """The visible text of a paragraph, without runs of style `skip_style`
    (the note calls) and without field results."""
    out = []
    in_result = False
    for r in p.iter(w("r")):
        fld = r.find("w:fldChar", NS)
        if fld is not None:
            kind = fld.get(w("fldCharType"))
            in_result = kind == "separate"
            continue
        style = r.find("w:rPr/w:rStyle", NS)
        if in_result or (skip_style and style is not None and style.get(w("val")) == skip_style):
            continue
        for child in r:
            if child.tag == w("t"):
                out.append(child.text or "")
            elif child.tag == w("tab"):
                out.append("\t")
    # no-break spaces (the house style's) read as spaces
    return "".join(out).replace("\u00a0", " ").replace("\u2011", "-")


def cell_texts(tr: etree._Element, skip_style: str) -> list[str]:
    return ["\n".join(para_text(p, skip_style) for p in tc.iterfind("w:p", NS))
            for tc in tr.iterfind("w:tc", NS)]


def style_names(data: bytes) -> dict[str, str]:
    """style id → the name of the reference style it is (a language variant
    `Body Text (nl)` or `Body Text (nl, continued)` counts as `Body Text`)."""
    styles = xml_parts(data)["word/styles.xml"]
    return {s.get(w("styleId")): re.sub(r" \((fr|nl)(, continued)?\)$", "",
                                         s.find("w:name", NS).get(w("val")))
            for s in styles.iterfind("w:style", NS)}


def is_continued(tr: etree._Element, data: bytes) -> bool:
    names = {s.get(w("styleId")): s.find("w:name", NS).get(w("val"))
             for s in xml_parts(data)["word/styles.xml"].iterfind("w:style", NS)}
    style = tr.find("w:tc/w:p/w:pPr/w:pStyle", NS)
    return style is not None and names.get(style.get(w("val")), "").endswith("continued)")


def logical_rows(table: etree._Element, data: bytes, skip_style: str) -> list[tuple[str, ...]]:
    """The table's rows, a pair cut into several rows (at its calls' sentences)
    joined again."""
    rows: list[list[str]] = []
    for tr in table.iterfind("w:tr", NS):
        texts = cell_texts(tr, skip_style)
        if rows and is_continued(tr, data):
            rows[-1] = [f"{a} {b}" for a, b in zip(rows[-1], texts)]
        else:
            rows.append(texts)
    return [tuple(re.sub(r"\s+", " ", c).strip() for c in r) for r in rows]


def body_tables(data: bytes) -> list[etree._Element]:
    return xml_parts(data)["word/document.xml"].findall("w:body/w:tbl", NS)


def expected_rows(doc: Document) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The text rows of the développements and of the resolution, lead first."""
    lead, other = doc.meta.langs
    f = furniture(doc, TEMPLATES)
    dev = [(f.developments[lead], f.developments[other])]
    dev += [(b.text[lead].plain, b.text[other].plain) for b in doc.developments]
    res = [(f.doctype[lead], f.doctype[other]),
           (doc.resolution.opening[lead].plain, doc.resolution.opening[other].plain)]
    res += [(f"{c.label}.\t{c.text[lead].plain}", f"{c.label}.\t{c.text[other].plain}")
            for c in doc.resolution.considerants]
    for r in iter_requests(doc.resolution.requests):
        row = []
        for lang in (lead, other):
            words = " ".join(p[lang].plain for p in (r.lead, r.text)
                             if p is not None and p[lang].plain)
            row.append(f"{r.label}\t{words}")
        res.append(tuple(row))
    return dev, res


# --- structure -------------------------------------------------------------------

def test_one_row_per_pair_lead_language_left(case):
    name, doc, data = case
    ref_style = style_ids(data)["footnote reference"]
    dev_rows, res_rows = expected_rows(doc)
    tables = body_tables(data)
    texts = [logical_rows(t, data, ref_style) for t in tables]
    squeeze = lambda rows: [tuple(re.sub(r"\s+", " ", c).strip() for c in r) for r in rows]  # noqa: E731
    dev_rows, res_rows = squeeze(dev_rows), squeeze(res_rows)
    assert dev_rows in texts, "no table holds the développements row by row"
    assert res_rows in texts, "no table holds the resolution row by row"
    for rows in texts:
        assert all(len(r) == 2 for r in rows)


def test_paragraph_styles_follow_the_model(case):
    name, doc, data = case
    ids = style_ids(data)
    names = style_names(data)
    kinds = {Paragraph: "Body Text", Heading: "Subheading", Salutation: "Salutation",
             Signature: "Signature"}
    tables = body_tables(data)
    dev = next(t for t in tables
               if names[t.find("w:tr/w:tc/w:p/w:pPr/w:pStyle", NS).get(w("val"))]
               == "Section Heading")
    rows = [tr for tr in dev.findall("w:tr", NS)[1:] if not is_continued(tr, data)]
    assert len(rows) == len(doc.developments)
    for block, tr in zip(doc.developments, rows):
        for p in tr.iterfind("w:tc/w:p", NS):
            assert names[p.find("w:pPr/w:pStyle", NS).get(w("val"))] == kinds[type(block)]
    used = {names[p.get(w("val"))]
            for p in xml_parts(data)["word/document.xml"].iter(w("pStyle"))}
    for r in iter_requests(doc.resolution.requests):
        assert f"Request {min(r.depth, 4)}" in used
    if any(r.lead for r in doc.resolution.requests):
        rstyles = {r.get(w("val")) for r in xml_parts(data)["word/document.xml"].iter(w("rStyle"))}
        assert ids["Lead Verb"] in rstyles


def test_named_styles_come_from_the_reference(case):
    _, _, data = case
    d = docx.Document(io.BytesIO(data))
    for name in STYLE_NAMES:
        assert d.styles[name].name.lower() == name.lower()
    defaults = xml_parts(data)["word/styles.xml"].find("w:docDefaults/w:rPrDefault/w:rPr/w:rFonts", NS)
    assert defaults.get(w("ascii")) == "Linux Libertine O"
    assert d.styles["Lead Verb"].font.small_caps
    assert d.styles["Salutation"].font.small_caps
    assert d.styles["Resolution Opening"].font.small_caps


def _copy_templates(tmp_path: Path, edit_styles) -> Path:
    """A templates folder whose reference.docx has its styles.xml edited."""
    target = tmp_path / "templates"
    (target / "docx").mkdir(parents=True)
    shutil.copy(TEMPLATES / "wording.yaml", target / "wording.yaml")
    shutil.copy(TEMPLATES / "page.yaml", target / "page.yaml")
    shutil.copytree(TEMPLATES / "fonts", target / "fonts")
    with zipfile.ZipFile(TEMPLATES / "docx" / "reference.docx") as src, \
            zipfile.ZipFile(target / "docx" / "reference.docx", "w") as dst:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == "word/styles.xml":
                data = edit_styles(data.decode("utf-8")).encode("utf-8")
            dst.writestr(item, data)
    return target


def test_styles_are_found_by_name_in_the_reference(tmp_path):
    """A clerk's reference may give a style another id: the writer follows it."""
    templates = _copy_templates(tmp_path, lambda x: x.replace('w:styleId="BodyText"',
                                                              'w:styleId="Corps"'))
    data = render_docx(DOCS["minimal"], templates)
    used = {p.get(w("val")) for p in xml_parts(data)["word/document.xml"].iter(w("pStyle"))}
    assert {"Corps-fr", "Corps-nl"} <= used
    assert not any(u.startswith("BodyText") for u in used)


def test_a_reference_without_a_style_is_reported(tmp_path):
    from render.writers.docx.writer import DocxTemplateError
    templates = _copy_templates(tmp_path, lambda x: x.replace('w:val="Lead Verb"',
                                                              'w:val="Something else"'))
    with pytest.raises(DocxTemplateError, match="Lead Verb"):
        render_docx(DOCS["minimal"], templates)


def test_only_the_sentence_of_a_call_is_kept_whole():
    """A long pair that calls a note is cut into rows at the sentence ending
    with the call (in both languages): that short row cannot split, so both
    calls stand with the note; the rest of the pair may break across pages."""
    from render.writers.docx.writer import KEEP_WHOLE_MAX_CHARS
    text = MINIMAL.read_text(encoding="utf-8")
    fr = "Les abeilles pollinisent les cultures. " * (KEEP_WHOLE_MAX_CHARS // 30)
    nl = "Bijen bestuiven de gewassen. " * (KEEP_WHOLE_MAX_CHARS // 25)
    text = text.replace("fr: Les néonicotinoïdes sont en cause.[^efsa]",
                        f"fr: {fr}Les néonicotinoïdes sont en cause.[^efsa] Fin.")
    text = text.replace("nl: Neonicotinoïden liggen aan de basis.[^efsa]",
                        f"nl: {nl}Neonicotinoïden liggen aan de basis.[^efsa] Einde.")
    doc = load_bytes(text.encode("utf-8"), "long.yaml")
    data = render_docx(doc, TEMPLATES)
    body = xml_parts(data)["word/document.xml"]
    kept = {para_text(tr.find("w:tc/w:p", NS)): tr.find("w:trPr/w:cantSplit", NS) is not None
            for tr in body.iter(w("tr"))}
    before = [t for t in kept if t.startswith("Les abeilles pollinisent les cultures.")]
    call = [t for t in kept if t.startswith("Les néonicotinoïdes sont en cause.")]
    after = [t for t in kept if t == "Fin."]
    assert len(before) == 1 and kept[before[0]] is False
    assert len(call) == 1 and kept[call[0]] is True
    assert len(after) == 1 and kept[after[0]] is False
    # the short pair of the minimal example calls its note in one sentence: kept whole
    short = [t for t in kept if t.startswith("Les abeilles pollinisent 75 %")]
    assert len(short) == 1 and kept[short[0]] is True


def test_a_long_row_with_calls_that_differ_is_not_kept_whole():
    """Calls in another order in the two languages cannot be cut in step:
    the row stays whole, and is kept on one page only when well under a page."""
    from render.writers.docx.writer import KEEP_WHOLE_MAX_CHARS
    text = MINIMAL.read_text(encoding="utf-8")
    long = "Les abeilles pollinisent les cultures. " * (KEEP_WHOLE_MAX_CHARS // 30)
    text = text.replace("fr: Les néonicotinoïdes sont en cause.[^efsa]",
                        f"fr: {long}[^efsa][^fao]")
    text = text.replace("nl: Neonicotinoïden liggen aan de basis.[^efsa]",
                        "nl: Neonicotinoïden liggen aan de basis.[^fao][^efsa]")
    doc = load_bytes(text.encode("utf-8"), "long.yaml")
    body = xml_parts(render_docx(doc, TEMPLATES))["word/document.xml"]
    kept = {para_text(tr.find("w:tc/w:p", NS)): tr.find("w:trPr/w:cantSplit", NS) is not None
            for tr in body.iter(w("tr"))}
    longer = [t for t in kept if t.startswith("Les abeilles pollinisent les cultures.")]
    assert len(longer) == 1 and kept[longer[0]] is False


def test_footnotes_part_one_note_per_pair(case):
    name, doc, data = case
    parts = xml_parts(data)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        types = z.read("[Content_Types].xml").decode()
        rels = z.read("word/_rels/document.xml.rels").decode()
    assert "wordprocessingml.footnotes+xml" in types
    assert 'relationships/footnotes" Target="footnotes.xml"' in rels
    notes = parts["word/footnotes.xml"]
    ids = [int(n.get(w("id"))) for n in notes.iterfind("w:footnote", NS)]
    assert ids[:2] == [-1, 0]
    assert ids[2:] == list(range(1, len(doc.footnotes) + 1))
    settings = parts["word/settings.xml"]
    assert [int(n.get(w("id"))) for n in settings.iterfind("w:footnotePr/w:footnote", NS)] == [-1, 0]
    assert settings.find("w:evenAndOddHeaders", NS) is not None
    assert settings.find("w:updateFields", NS) is None

    body = parts["word/document.xml"]
    refs = [int(r.get(w("id"))) for r in body.iter(w("footnoteReference"))]
    assert refs == list(range(1, len(doc.footnotes) + 1)), "one real call per note, in order"
    ref_style = style_ids(data)["footnote reference"]
    lead, other = doc.meta.langs
    for note in doc.notes_in_order():
        el = notes.find(f"w:footnote[@w:id='{note.number}']", NS)
        children = list(el)
        # LibreOffice hangs on a note that starts with a table
        assert children[0].tag == w("p") and children[-1].tag == w("p")
        assert [c.tag for c in children] == [w("p"), w("tbl"), w("p")]
        cells = cell_texts(children[1].find("w:tr", NS), ref_style)
        assert cells == [note.text[lead].plain, "\t" + note.text[other].plain]
        # Word's own number leads the lead language's note (LibreOffice, which
        # shows none in a table cell, takes the fallback: the number as text);
        # the other's is a field
        lead_cell, other_cell = children[1].find("w:tr", NS).findall("w:tc", NS)
        MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
        alternate = lead_cell.find(f"w:p/w:r/{MC}AlternateContent", NS)
        choice, fallback = alternate.find(f"{MC}Choice"), alternate.find(f"{MC}Fallback")
        assert choice.get("Requires") == "w"
        assert [c.tag for c in choice] == [w("footnoteRef"), w("tab")]
        assert fallback.findtext(w("t")) == f"{note.number}\t"
        assert other_cell.find(".//w:footnoteRef", NS) is None
        assert "NOTEREF" in "".join(other_cell.itertext())


def test_note_numbers_stored_in_every_field(case):
    """NOTEREF results hold the number Word and LibreOffice give the note."""
    name, doc, data = case
    parts = xml_parts(data)
    body, notes = parts["word/document.xml"], parts["word/footnotes.xml"]
    bookmarks = {}
    for start in body.iter(w("bookmarkStart")):
        nxt = start.getnext()
        ref = nxt.find("w:footnoteReference", NS)
        assert ref is not None
        bookmarks[start.get(w("name"))] = int(ref.get(w("id")))
    fields = 0
    for root in (body, notes):
        runs = list(root.iter(w("r")))
        for i, r in enumerate(runs):
            instr = r.find("w:instrText", NS)
            if instr is None or "NOTEREF" not in instr.text:
                continue
            target = instr.text.split()[1]
            assert runs[i + 1].find("w:fldChar", NS).get(w("fldCharType")) == "separate"
            assert runs[i + 2].findtext("w:t", namespaces=NS) == str(bookmarks[target])
            fields += 1
    calls = sum(len(p[lang].note_ids) for p in doc.pairs() for lang in ("fr", "nl"))
    # every call but the one that carries the note, and the other language's number in the note
    assert fields == calls - len(doc.footnotes) + len(doc.footnotes)
    # the model's numbers (shared with the PDF) are the DOCX numbers
    for note in doc.footnotes.values():
        assert bookmarks[f"_RefFn{note.number}"] == note.number


def test_rows_that_call_notes_cannot_split(case):
    _, doc, data = case
    for t in body_tables(data):
        for tr in t.iterfind("w:tr", NS):
            calls = tr.find(".//w:footnoteReference", NS) is not None or any(
                "NOTEREF" in (i.text or "") for i in tr.iter(w("instrText")))
            if calls:
                assert tr.find("w:trPr/w:cantSplit", NS) is not None


def test_every_run_carries_its_language(case):
    name, doc, data = case
    lead, other = doc.meta.langs
    tags = {"fr": "fr-BE", "nl": "nl-BE"}
    for part, root in xml_parts(data).items():
        if not part.startswith(("word/document", "word/footnotes", "word/header", "word/footer")):
            continue
        for r in root.iter(w("r")):
            lang = r.find("w:rPr/w:lang", NS)
            assert lang is not None and lang.get(w("val")) in tags.values(), part
    # each column's runs and paragraph marks carry that column's language,
    # and its paragraphs are in that language's variant of their style
    styles = xml_parts(data)["word/styles.xml"]
    style_lang = {s.get(w("styleId")): s.find("w:rPr/w:lang", NS)
                  for s in styles.iterfind("w:style", NS)}
    for t in body_tables(data):
        for tr in t.iterfind("w:tr", NS):
            for tc, l in zip(tr.iterfind("w:tc", NS), (lead, other)):
                assert {x.get(w("val")) for x in tc.iter(w("lang"))} == {tags[l]}
                for p in tc.iterfind("w:p", NS):
                    assert p.find("w:pPr/w:rPr/w:lang", NS).get(w("val")) == tags[l]
                    sid = p.find("w:pPr/w:pStyle", NS).get(w("val"))
                    own = style_lang[sid]
                    if own is None:  # a continued paragraph: its base is the language variant
                        base = styles.find(f"w:style[@w:styleId='{sid}']/w:basedOn", NS)
                        own = style_lang[base.get(w("val"))]
                    assert own.get(w("val")) == tags[l]


def test_headers_footers_first_page_and_mirrored(case):
    name, doc, data = case
    f = furniture(doc, TEMPLATES)
    d = docx.Document(io.BytesIO(data))
    cover, text = d.sections
    assert cover.different_first_page_header_footer
    assert not text.different_first_page_header_footer
    assert d.settings.odd_and_even_pages_header_footer
    assert cover.first_page_header.paragraphs[0].text == ""
    assert f.session[doc.meta.lead].text in cover.first_page_footer.paragraphs[0].text
    odd, even = text.header.paragraphs[0], text.even_page_header.paragraphs[0]
    assert odd.text.startswith(f.doc_prefix) and odd.text.endswith("1")  # PAGE at the right
    assert even.text.startswith("1") and even.text.endswith(f.doc_prefix)
    for hdr in (text.header, text.even_page_header):
        assert "PAGE" in "".join(hdr._element.itertext())
    assert text.footer.paragraphs[0].text == f.strip_text
    assert text.even_page_footer.paragraphs[0].text == f.strip_text


def test_literal_text_and_summary():
    data = render_docx(DOCS["variant"], TEMPLATES)
    d = docx.Document(io.BytesIO(data))
    texts = [c.text for t in d.tables for row in t.rows for c in row.cells]
    assert "Les pesticides {{ x }} <b>&amp;" in texts
    assert any("De bijen verdwijnen {{ snel }} & <b>overal</b>." in t for t in texts)
    # Dutch leads: the summary box has the Dutch cell left
    box = next(t for t in d.tables if "SAMENVATTING" in t.rows[0].cells[0].text)
    assert "RÉSUMÉ" in box.rows[0].cells[1].text


def test_core_properties_are_fixed(case):
    name, doc, data = case
    core = docx.Document(io.BytesIO(data)).core_properties
    deposited = doc.meta.deposited
    assert core.created.date() == deposited and core.modified.date() == deposited
    assert furniture(doc, TEMPLATES).document_number in core.title
    assert core.language == {"fr": "fr-BE", "nl": "nl-BE"}[doc.meta.lead]
    assert core.author == ", ".join(a.name for a in doc.meta.authors)


def test_two_builds_give_identical_bytes(case):
    name, doc, data = case
    assert render_docx(DOCS[name], TEMPLATES) == data
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        infos = z.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {i.date_time for i in infos} == {(doc.meta.deposited.year, doc.meta.deposited.month,
                                             doc.meta.deposited.day, 0, 0, 0)}


def test_cli_writes_the_docx(tmp_path):
    result = subprocess.run([sys.executable, "-m", "render", "build", str(MINIMAL),
                             "--format", "docx", "--out", str(tmp_path)],
                            capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "minimal.docx").read_bytes() == render_docx(DOCS["minimal"], TEMPLATES)


# --- LibreOffice rendering, on a machine without the font ---------------------------

@pytest.fixture(scope="module")
def pdfs(built, tmp_path_factory) -> dict[str, Path]:
    """Each DOCX rendered by LibreOffice with the system's fonts hidden but
    DejaVu (tests/tools/libreoffice.py): only the embedded Libertine can show."""
    work = tmp_path_factory.mktemp("lo")
    sources = {}
    for name, data in built.items():
        sources[name] = work / f"{name}.docx"
        sources[name].write_bytes(data)
    converted = libreoffice.to_pdf(list(sources.values()), work)
    return {name: converted[path] for name, path in sources.items()}


@pytest.fixture(scope="module")
def pdf_pages() -> dict[str, int]:
    """The page count of each document's PDF (WeasyPrint)."""
    from render.writers.pdf import render_pdf
    return {name: render_pdf(doc, TEMPLATES).pages for name, doc in DOCS.items()}


def squash(s: str) -> str:
    """Compare texts across line breaks, hyphenation, ligatures and calls."""
    s = unicodedata.normalize("NFKC", s).casefold()
    return re.sub(r"[\s\-\u00ad\u2010\u2011\d]", "", s)


RUNNING_HEAD_PT = libreoffice.RUNNING_HEAD_PT
RUNNING_FOOT_PT = libreoffice.RUNNING_FOOT_PT
note_separator_top = libreoffice.note_separator_top


@functools.lru_cache(maxsize=None)
def page_columns(pdf: Path, notes: bool | str = True) -> list[tuple[str, str]]:
    """Per page, the squashed text of the left and right halves; without
    `notes`, only the text above the notes; with `notes="only"`, the notes."""
    import pdfplumber
    cols = []
    with pdfplumber.open(pdf) as p:
        for page in p.pages:
            mid = page.width / 2
            # Leave out the running head and foot, so that a word hyphenated
            # across a page break joins up again.
            top, bottom = RUNNING_HEAD_PT, page.height - RUNNING_FOOT_PT
            separator = note_separator_top(page)
            if notes == "only":
                if separator is None:
                    cols.append(("", ""))
                    continue
                top = separator
            elif not notes:
                bottom = separator or bottom
            left = page.crop((0, top, mid, bottom)).extract_text() or ""
            right = page.crop((mid, top, page.width, bottom)).extract_text() or ""
            cols.append((squash(left), squash(right)))
    return cols


def test_libreoffice_renders_every_word(case, pdfs):
    name, doc, _ = case
    cols = page_columns(pdfs[name])
    body = page_columns(pdfs[name], notes=False)
    # Each column read on through the pages (the text above the notes, so that
    # a word hyphenated at the foot of a page joins its end at the top of the
    # next), and the notes.
    text = "".join(l for l, _ in body) + "".join(r for _, r in body)
    everything = text + "".join(l for l, _ in cols) + "".join(r for _, r in cols)
    side = {doc.meta.lead: 0, doc.meta.other: 1}
    missing = []
    for pair in list(doc.pairs()) + [n.text for n in doc.footnotes.values()]:
        for lang in ("fr", "nl"):
            for word in pair[lang].plain.split():
                if squash(word) and squash(word) not in everything:
                    missing.append(word)
    assert not missing, missing[:20]
    # body paragraphs whole, in their own column (a paragraph may cross a page)
    for lang in ("fr", "nl"):
        column = "".join(c[side[lang]] for c in body)
        for block in doc.developments:
            if isinstance(block, Paragraph):
                assert squash(block.text[lang].plain) in column


def test_libreoffice_puts_each_note_on_the_page_of_its_calls(case, pdfs):
    """Both calls of a note stand on one page (the sentence that holds them is
    kept whole), and the note stands on that page too, or, where LibreOffice
    7.4 falls short, heads the notes of the next page.

    LibreOffice 7.4 never moves a table row to the next page for the sake of
    the footnote it anchors (it moves the footnote instead); Word moves the
    row. So a call row that fills the last lines of a page sends its note to
    the top of the next page's notes, in LibreOffice only."""
    name, doc, _ = case
    cols = page_columns(pdfs[name])
    notes = page_columns(pdfs[name], notes="only")
    side = {doc.meta.lead: 0, doc.meta.other: 1}
    calls: dict[str, set[int]] = {}
    problems, deferred = [], []
    seen = set()
    for pair in doc.pairs():
        for lang in ("fr", "nl"):
            before = ""
            for part in pair[lang].parts:
                if not hasattr(part, "id"):
                    before += part.text
                    continue
                if (lang, part.id) in seen:
                    continue  # a later call to the same note is a cross-reference
                seen.add((lang, part.id))
                call = squash(before)[-40:]
                note = squash(doc.footnotes[part.id].text[lang].plain)
                note_pages = [i for i, c in enumerate(cols) if note in c[side[lang]]]
                call_pages = [i for i, c in enumerate(cols) if call in c[side[lang]]]
                assert len(call_pages) >= 1 and note_pages, (lang, part.id)
                calls.setdefault(part.id, set()).add(max(call_pages))
                if set(note_pages) & set(call_pages):
                    continue
                page = note_pages[0]
                if page == max(call_pages) + 1 and notes[page][side[lang]].startswith(note):
                    deferred.append((lang, part.id))
                else:
                    problems.append((lang, part.id, note_pages, call_pages))
    assert not problems
    # both languages' calls of every note on one page
    assert all(len(pages) == 1 for pages in calls.values()), calls
    # a note deferred in one language is deferred in the other
    assert {i for _, i in deferred} == {i for l, i in deferred if l == doc.meta.lead}
    assert len(deferred) <= 0.15 * 2 * len(doc.footnotes), deferred


def test_libreoffice_shows_the_embedded_typeface(case, pdfs):
    name, _, _ = case
    fonts = libreoffice.pdf_fonts(pdfs[name])
    assert {f for f in fonts if "Libertine" in f} >= {"LinLibertineO", "LinLibertineOB"}, fonts
    assert all(fonts.values()), fonts
    assert not [f for f in fonts if "DejaVu" in f], fonts


def test_libreoffice_gives_the_pdfs_page_count(case, pdfs, pdf_pages):
    name, _, _ = case
    assert libreoffice.page_count(pdfs[name]) == pdf_pages[name]


def test_libreoffice_leaves_no_blank_band(case, pdfs):
    """No text page has a blank band taller than 12 % of the page between two
    lines, except the page that ends the développements (the resolution
    starts a new page)."""
    name, doc, _ = case
    import pdfplumber
    f = furniture(doc, TEMPLATES)
    heading = squash(f.doctype[doc.meta.lead])
    with pdfplumber.open(pdfs[name]) as p:
        texts = [squash(page.extract_text() or "") for page in p.pages]
        opening = squash(doc.resolution.opening[doc.meta.lead].plain)
        resolution = next(i for i in range(2, len(texts))
                          if heading in texts[i] and opening in texts[i]
                          and texts[i].index(heading) < texts[i].index(opening))
        bands = {i + 1: round(libreoffice.largest_blank_band(page), 3)
                 for i, page in enumerate(p.pages) if i >= 2 and i != resolution - 1}
    assert max(bands.values()) <= 0.12, bands


def test_libreoffice_sets_the_strip_at_the_outer_edge(case, pdfs):
    """The session strip stands at the outer edge: right on right-hand (odd)
    pages, left on left-hand (even) pages, as in the PDF."""
    name, doc, _ = case
    import pdfplumber
    margin = TEMPLATE_PAGE.text.outer.pt
    with pdfplumber.open(pdfs[name]) as p:
        for i, page in enumerate(p.pages[2:], start=3):
            strip = [w for w in page.extract_words() if w["top"] > page.height - RUNNING_FOOT_PT]
            assert strip, i
            left, right = min(w["x0"] for w in strip), max(w["x1"] for w in strip)
            if i % 2:
                assert abs(page.width - margin - right) < 3, (i, right)
                assert left > margin + 20, (i, left)
            else:
                assert abs(left - margin) < 3, (i, left)
                assert right < page.width - margin - 20, (i, right)


def test_libreoffice_cover_and_running_heads(case, pdfs):
    name, doc, _ = case
    import pdfplumber
    f = furniture(doc, TEMPLATES)
    with pdfplumber.open(pdfs[name]) as p:
        pages = [squash(page.extract_text() or "") for page in p.pages]
    cover = page_columns(pdfs[name])[0]
    lead, other = doc.meta.langs
    for key in ("chamber", "date", "doctype", "authors"):
        texts = getattr(f, key)
        assert squash(texts[lead]) in cover[0] and squash(texts[other]) in cover[1]
    assert squash(f.strip_text) not in pages[0] and squash(f.strip_text) not in pages[1]
    back = page_columns(pdfs[name])[1]
    assert squash(f.publisher[lead]) in back[0] and squash(f.publisher[other]) in back[1]
    for page in pages[2:]:
        assert squash(f.strip_text) in page and squash(f.short_number) in page


# --- properties and page set-up -------------------------------------------------------

def test_custom_properties_feed_the_docproperty_fields(case):
    name, doc, data = case
    f = furniture(doc, TEMPLATES)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        custom = etree.fromstring(z.read("docProps/custom.xml"))
        headers = [etree.fromstring(z.read(n)) for n in z.namelist()
                   if n.startswith("word/header")]
        app = z.read("docProps/app.xml").decode()
    vt = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}lpwstr"
    props = {p.get("name"): p.findtext(vt) for p in custom}
    assert props["DocumentNumber"] == f.document_number
    assert props["ShortNumber"] == f.short_number and props["DocPrefix"] == f.doc_prefix
    assert props["Session"] == f.session[doc.meta.lead].text
    assert props["TitleFr"].endswith(doc.meta.title["fr"].plain)
    assert props["TitleNl"].endswith(doc.meta.title["nl"].plain)
    assert "<Application>hemicycle</Application>" in app
    # every DOCPROPERTY field names a property and stores its value as result
    fields = 0
    for root in headers + [xml_parts(data)["word/document.xml"]]:
        runs = list(root.iter(w("r")))
        for i, r in enumerate(runs):
            instr = r.findtext("w:instrText", namespaces=NS) or ""
            if "DOCPROPERTY" not in instr:
                continue
            prop = instr.split()[1]
            result = "".join(x.findtext("w:t", default="", namespaces=NS)
                             for x in runs[i + 2:i + 10]
                             if x.find("w:fldChar", NS) is None)
            assert result.startswith(props[prop]), (prop, result)
            fields += 1
    assert fields >= 6  # cover corners, and both running heads


def test_page_set_up_comes_from_page_yaml(case):
    """Margins (mirrored), page size and the main type sizes are those of
    templates/page.yaml, which the PDF's stylesheet reads too."""
    _, _, data = case
    spec = TEMPLATE_PAGE
    parts = xml_parts(data)
    body = parts["word/document.xml"].find("w:body", NS)
    text = body.find("w:sectPr", NS)
    mar, size = text.find("w:pgMar", NS), text.find("w:pgSz", NS)
    assert int(size.get(w("w"))) == spec.width.twips and int(size.get(w("h"))) == spec.height.twips
    assert int(mar.get(w("top"))) == spec.text.top.twips
    assert int(mar.get(w("bottom"))) == spec.text.bottom.twips
    assert int(mar.get(w("left"))) == spec.text.inner.twips
    assert int(mar.get(w("right"))) == spec.text.outer.twips
    assert parts["word/settings.xml"].find("w:mirrorMargins", NS) is not None
    assert parts["word/settings.xml"].find("w:doNotHyphenateCaps", NS) is not None
    cover = body.find("w:p/w:pPr/w:sectPr", NS).find("w:pgMar", NS)
    assert int(cover.get(w("top"))) == spec.cover.top.twips
    styles = parts["word/styles.xml"]
    names = {s.find("w:name", NS).get(w("val")): s for s in styles.iterfind("w:style", NS)}
    body_text = names["Body Text"]
    assert int(body_text.find("w:rPr/w:sz", NS).get(w("val"))) == spec.body.size.half_points
    spacing = body_text.find("w:pPr/w:spacing", NS)
    assert int(spacing.get(w("line"))) == spec.body.leading.twips
    assert spacing.get(w("lineRule")) == "exact"
    notes = names["footnote text"]
    assert int(notes.find("w:rPr/w:sz", NS).get(w("val"))) == spec.notes.size.half_points


def test_a_change_to_page_yaml_reaches_both_outputs(tmp_path):
    """One source: the margins and the type size in page.yaml change the
    DOCX's page set-up and the PDF's stylesheet alike."""
    from render.writers.html import stylesheet_text
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    page = templates / "page.yaml"
    page.write_text(page.read_text(encoding="utf-8")
                    .replace("text:  {top: 21mm", "text:  {top: 30mm")
                    .replace("body:  {size: 10pt,", "body:  {size: 11pt,"), encoding="utf-8")
    css = stylesheet_text(templates)
    assert "margin-top: 30mm;" in css and "font-size: 11pt;" in css
    data = render_docx(DOCS["minimal"], templates)
    parts = xml_parts(data)
    mar = parts["word/document.xml"].find("w:body/w:sectPr/w:pgMar", NS)
    assert int(mar.get(w("top"))) == round(30 * 72 / 25.4 * 20)
    sizes = {s.find("w:name", NS).get(w("val")): s.find("w:rPr/w:sz", NS)
             for s in parts["word/styles.xml"].iterfind("w:style", NS)}
    assert sizes["Body Text"].get(w("val")) == "22"


def test_libreoffice_labels_never_touch_their_text(pdfs):
    import pdfplumber
    from test_labels import MIN_GAP_PT, label_gaps, labels_of
    with pdfplumber.open(pdfs["56K0733001"]) as pdf:
        gaps = label_gaps(pdf, labels_of(DOCS["56K0733001"]))
    assert {"AA.", "AB.", "AE."} <= {label for label, _ in gaps}
    assert all(gap >= MIN_GAP_PT for _, gap in gaps), [g for g in gaps if g[1] < MIN_GAP_PT]
