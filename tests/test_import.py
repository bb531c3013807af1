"""`hemicycle import`: a DOCX hemicycle made, as it is or re-saved by
LibreOffice, reads back as the content that made it (the model compared
without positions); what cannot be mapped is reported, and nothing written."""
from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from import_compare import comparable
from test_properties import documents, dump
from tools.libreoffice import tool

from render.content.inline import markup, parse_inline
from render.content.loader import load_bytes, load_document
from render.importer import import_docx
from render.importer.problems import ImportRefused
from render.importer.untypeset import untypeset
from render.layout.rows import typeset
from render.model import Str
from render.paths import templates_dir
from render.writers.docx import render_docx

DATA = ROOT / "tests" / "data"
DOCUMENTS = ["minimal.yaml", "56K0733001.yaml", "56K0589001.yaml"]
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
PROBLEM = re.compile(r"^.+\.docx: (paragraph \d+|note \d+|note paragraph \d+) \(“.*”\)"
                     r": error: .+$|^.+\.docx: error: .+$")


def build(doc, path: Path) -> Path:
    path.write_bytes(render_docx(doc, templates_dir()))
    return path


def imported(path: Path):
    return load_bytes(import_docx(path).encode("utf-8"), "imported.yaml")


def hemicycle(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "render", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=300, check=False)


# --- lossless on hemicycle's own output -------------------------------------------------

@pytest.mark.parametrize("name", DOCUMENTS)
def test_import_of_a_built_docx_gives_the_same_document(name, tmp_path):
    doc = load_document(DATA / name)
    assert comparable(imported(build(doc, tmp_path / "doc.docx"))) == comparable(doc)


def test_text_beside_a_note_sentence_in_one_language_only_comes_back(tmp_path):
    """A row that calls notes is cut at the sentences holding the calls; a
    text before or after them in one language only goes with the sentence
    (a row with one empty cell could not be read back)."""
    text = (DATA / "minimal.yaml").read_text(encoding="utf-8")
    for old, new in (("fr: Les néonicotinoïdes sont en cause.[^efsa]",
                      "fr: Les néonicotinoïdes sont en cause.[^efsa] Ainsi."),
                     ("nl: Neonicotinoïden liggen aan de basis.[^efsa]",
                      "nl: Zie. Neonicotinoïden liggen aan de basis.[^efsa]")):
        assert old in text
        text = text.replace(old, new)
    doc = load_bytes(text.encode("utf-8"), "doc.yaml")
    assert comparable(imported(build(doc, tmp_path / "doc.docx"))) == comparable(doc)


def test_import_of_libreoffice_resaved_docx_gives_the_same_document(tmp_path):
    """LibreOffice keeps the record of the content (a custom XML data part),
    the bookmarks around the calls, the style names and the fields; it
    writes the notes' numbers as text and renumbers the footnotes."""
    docs = {name: load_document(DATA / name) for name in DOCUMENTS}
    sources = [build(doc, tmp_path / f"{Path(name).stem}.docx") for name, doc in docs.items()]
    out = tmp_path / "resaved"
    subprocess.run(["timeout", "-k", "5", "280", tool("soffice"),
                    f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--norestore", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(out),
                    *map(str, sources)], capture_output=True, timeout=300, check=True)
    for name, doc in docs.items():
        resaved = out / f"{Path(name).stem}.docx"
        assert resaved.read_bytes() != (tmp_path / resaved.name).read_bytes()
        assert comparable(imported(resaved)) == comparable(doc), name


def test_the_page_alone_gives_back_the_texts(tmp_path, monkeypatch):
    """Without the recorded texts, the typesetting is undone from the page."""
    assemble = sys.modules["render.importer.assemble"]
    text_of = assemble._text
    monkeypatch.setattr(assemble, "_text",
                        lambda field, lang, recorded, typeset_it:
                        text_of(field, lang, None, typeset_it))
    for name in DOCUMENTS:
        doc = load_document(DATA / name)
        back = imported(build(doc, tmp_path / "doc.docx"))
        for a, b in zip(list(doc.pairs()) + [n.text for n in doc.notes_in_order()],
                        list(back.pairs()) + [n.text for n in back.notes_in_order()]):
            for lang in ("fr", "nl"):
                assert comparable(a[lang]) == comparable(b[lang]), a[lang].source


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_random_documents_import_to_the_same_document(tmp_path_factory, data):
    doc = load_bytes(dump(data), "random.yaml")
    path = build(doc, tmp_path_factory.mktemp("random") / "doc.docx")
    assert comparable(imported(path)) == comparable(doc)


WORDS = st.text(st.sampled_from(list("abcdefghijklmnopqrstuvwxyz0123456789 .,%§°éè-")),
                min_size=1, max_size=60).map(lambda s: " ".join(s.split())).filter(bool)


@settings(max_examples=300, deadline=None)
@given(WORDS, st.sampled_from(["fr", "nl"]), st.booleans())
def test_typesetting_undone(text, lang, signature):
    shown = "".join(p.text for p in typeset((Str(text),), lang, signature))
    assert untypeset(shown, lang, signature) == text


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from(list("ab *[]^\\n1")), max_size=20))
def test_markup_reads_back_as_the_same_parts(source):
    from render.content.inline import _merge_emphasis
    parts = parse_inline(source).parts
    assert _merge_emphasis(parse_inline(markup(parts)).parts) == _merge_emphasis(parts)


# --- the command -----------------------------------------------------------------------

def test_command_writes_a_valid_readable_content_file_and_never_overwrites(tmp_path):
    docx = build(load_document(DATA / "minimal.yaml"), tmp_path / "56K0612001.docx")
    target = tmp_path / "content" / "56K0612001.yaml"
    result = hemicycle("import", docx, "-o", target)
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=")
    assert "\n      fr: >-\n" in text and "both: https://www.efsa.europa.eu/" in text
    assert hemicycle("check", target).returncode == 0
    assert comparable(load_document(target)) == comparable(load_document(DATA / "minimal.yaml"))

    target.write_text("mine", encoding="utf-8")
    again = hemicycle("import", docx, "-o", target)
    assert again.returncode == 2 and "already exists" in again.stderr
    assert target.read_text(encoding="utf-8") == "mine"
    forced = hemicycle("import", docx, "-o", target, "--force")
    assert forced.returncode == 0 and target.read_text(encoding="utf-8") == text
    assert not [p for p in target.parent.iterdir() if p.name.endswith(".part")]


def test_command_prints_to_standard_output_without_o(tmp_path):
    docx = build(load_document(DATA / "minimal.yaml"), tmp_path / "doc.docx")
    result = hemicycle("import", docx)
    assert result.returncode == 0 and result.stdout.startswith("# yaml-language-server")


def test_a_file_that_is_not_a_docx_is_one_line_without_traceback(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_text("not a zip", encoding="utf-8")
    result = hemicycle("import", bad, "-o", tmp_path / "out.yaml")
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert PROBLEM.match(result.stderr.splitlines()[0]), result.stderr
    assert not (tmp_path / "out.yaml").exists()


def test_a_docx_without_the_record_is_refused(tmp_path):
    docx = build(load_document(DATA / "minimal.yaml"), tmp_path / "doc.docx")
    stripped = tmp_path / "stripped.docx"
    with zipfile.ZipFile(docx) as src, zipfile.ZipFile(stripped, "w") as dst:
        for item in src.infolist():
            if not item.filename.startswith("customXml/"):
                dst.writestr(item, src.read(item))
    with pytest.raises(ImportRefused, match="no record of its content"):
        import_docx(stripped)


# --- what cannot be mapped is reported ----------------------------------------------------

def _edit(docx: Path, out: Path, change) -> Path:
    """`change(document_root, footnotes_root)` applied to the DOCX's XML."""
    from lxml import etree
    with zipfile.ZipFile(docx) as src:
        parts = {i.filename: src.read(i) for i in src.infolist()}
    document = etree.fromstring(parts["word/document.xml"])
    notes = etree.fromstring(parts["word/footnotes.xml"])
    change(document, notes)
    parts["word/document.xml"] = etree.tostring(document)
    parts["word/footnotes.xml"] = etree.tostring(notes)
    with zipfile.ZipFile(out, "w") as dst:
        for name, data in parts.items():
            dst.writestr(name, data)
    return out


def w(tag):
    return f"{{{W}}}{tag}"


def _text_rows(document):
    """The rows of the text's tables (after the cover), with their paragraphs' style."""
    tables = document.find(w("body")).findall(w("tbl"))
    return [tr for t in tables[-2:] for tr in t.findall(w("tr"))]


def _problems(path: Path, tmp_path: Path) -> list[str]:
    out = tmp_path / "never.yaml"
    result = hemicycle("import", path, "-o", out)
    assert result.returncode == 2, result.stdout
    assert "Traceback" not in result.stderr and not out.exists()
    lines = result.stderr.splitlines()
    assert lines[-1].endswith("nothing written")
    for line in lines[:-1]:
        assert PROBLEM.match(line), line
    return lines[:-1]


def test_every_unmappable_thing_is_reported_at_once(tmp_path):
    from copy import deepcopy
    docx = build(load_document(DATA / "minimal.yaml"), tmp_path / "doc.docx")

    def change(document, notes):
        body = document.find(w("body"))
        rows = _text_rows(document)
        # text typed outside the table, after the text
        stray = deepcopy(body.findall(w("p"))[-1])
        run = etree_run("Un mot perdu")
        stray.append(run)
        body.find(w("sectPr")).addprevious(stray)
        # a row with only one language: the Dutch cell of the heading emptied
        heading = next(tr for tr in rows if "Les pesticides" in "".join(tr.itertext()))
        for r in heading.findall(w("tc"))[1].iter(w("r")):
            r.getparent().remove(r)
        # a cell split in two
        considerant = next(tr for tr in rows if "120.000" in "".join(tr.itertext()))
        considerant.append(deepcopy(considerant.findall(w("tc"))[1]))
        # a comment and a pending tracked change
        opening = next(tr for tr in rows if "La Chambre" in "".join(tr.itertext()))
        p = opening.find(f"{w('tc')}/{w('p')}")
        p.append(element("commentRangeStart", id="1"))
        ins = element("ins", id="2", author="Clerk", date="2025-01-01T00:00:00Z")
        ins.append(etree_run(" ajouté"))
        p.append(ins)
        # a note called from one column only: the Dutch call of note 2 removed
        for instr in document.iter(w("instrText")):
            if "_RefFn2" in instr.text:
                field_runs = instr.getparent().getparent()
                for r in list(field_runs.findall(w("r"))):
                    if r.find(w("fldChar")) is not None or r.find(w("instrText")) is not None \
                            or r.find(w("t")) is not None and r.findtext(w("t")) == "2":
                        field_runs.remove(r)

    problems = _problems(_edit(docx, tmp_path / "edited.docx", change), tmp_path)
    text = "\n".join(problems)
    assert "text outside the two-column table" in text and "Un mot perdu" in text
    assert "the Dutch cell of this row is empty" in text
    assert "3 cell(s)" in text
    assert "comment" in text
    assert "tracked changes are still pending" in text
    assert "called in the French column only" in text


def test_tracked_changes_in_a_note_are_refused(tmp_path):
    docx = build(load_document(DATA / "minimal.yaml"), tmp_path / "doc.docx")

    def change(document, notes):
        p = next(notes.iter(w("tc"))).find(w("p"))
        deleted = element("del", id="9", author="Clerk", date="2025-01-01T00:00:00Z")
        p.append(deleted)

    problems = _problems(_edit(docx, tmp_path / "edited.docx", change), tmp_path)
    assert any("note paragraph" in p and "tracked changes" in p for p in problems)


def element(tag, **attrs):
    from lxml import etree
    return etree.Element(w(tag), {w(k): v for k, v in attrs.items()})


def etree_run(text):
    from lxml import etree
    r = etree.Element(w("r"))
    t = etree.SubElement(r, w("t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def test_an_edit_of_the_cover_derived_from_metadata_is_reported(tmp_path):
    """The authors line of the cover comes from the metadata: editing it in
    Word cannot come back, and import says so rather than drop it."""
    docx = build(load_document(DATA / "minimal.yaml"), tmp_path / "doc.docx")

    def change(document, notes):
        for t in document.iter(w("t")):
            if t.text and "Dupont" in t.text:
                t.text = t.text.replace("Dupont", "Durand")
                return
        raise AssertionError("no author on the cover")

    problems = _problems(_edit(docx, tmp_path / "edited.docx", change), tmp_path)
    assert len(problems) == 1
    assert "(“(déposée par Mme Marie…”)" in problems[0]
    assert "derived from the content's metadata" in problems[0]


@pytest.mark.parametrize("text", ["._", "-._", "1__.", "._e+"])
def test_texts_that_look_like_broken_numbers_are_written_back_quoted(text):
    """The YAML library takes `._` for a float it then cannot read: the
    content file written must hold it as text, not fail."""
    from ruamel.yaml import YAML

    from render.content.emit import scalar

    [value] = scalar(text, "", len("k: "))
    assert YAML(typ="safe", pure=True).load(f"k: {value}\n") == {"k": text}
