"""The published PDF, read back with the tools at hand: tagged (a structure
tree that holds every text run, each column in its language, lists, notes
linked to their calls), archival (PDF/A-3 identification, output intent,
embedded fonts, its content file attached), searchable as written (small
capitals), and unchanged to the eye by all this.

veraPDF, the reference validator of PDF/A and PDF/UA, needs Java and is not
available here: these tests check what the standards ask that can be read
with pikepdf and poppler.
"""
from __future__ import annotations

import io
import re
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path

import pikepdf
import pytest

from conftest import ROOT
from render.check.facts import find_urls
from render.content.loader import load_document
from render.model import iter_requests
from render.model.locale import LANGUAGE_TAGS
from render.paths import templates_dir
from render.writers import pdf as pdf_writer

TEMPLATES = templates_dir()
REFERENCE = ROOT / "tests" / "data" / "56K0589001.yaml"
TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
PAINT_OPERATORS = {"f", "F", "f*", "S", "s", "B", "B*", "b", "b*", "Do", "sh"}


# --- the reference document, built once ----------------------------------------------

class Published:
    def __init__(self, folder: Path):
        self.doc = load_document(REFERENCE)
        self.laid_out = pdf_writer.layout(self.doc, TEMPLATES)
        self.data = bytes(pdf_writer.render_pdf(self.doc, TEMPLATES))
        self.path = folder / "56K0589001.pdf"
        self.path.write_bytes(self.data)
        self.pdf = pikepdf.open(io.BytesIO(self.data))
        self.lead, self.other = (LANGUAGE_TAGS[lang] for lang in self.doc.meta.langs)

    def elements(self):
        """Every structure element, with its parent, depth first in order."""
        stack = [(self.pdf.Root.StructTreeRoot.K[0], None)]
        while stack:
            element, parent = stack.pop()
            yield element, parent
            kids = [k for k in _kids(element) if isinstance(k, pikepdf.Dictionary)
                    and k.get("/Type", pikepdf.Name.StructElem) == pikepdf.Name.StructElem
                    and "/S" in k]
            stack.extend((kid, element) for kid in reversed(kids))


def _kids(element) -> list:
    kids = element.get("/K")
    if kids is None:
        return []
    return list(kids) if isinstance(kids, pikepdf.Array) else [kids]


def _role(element) -> str:
    return str(element.S)[1:]


def _index(kids: list, element) -> int:
    return next(i for i, k in enumerate(kids)
                if isinstance(k, pikepdf.Object) and k.objgen == element.objgen)


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Published:
    return Published(tmp_path_factory.mktemp("published"))


def _page_index(published, page) -> int:
    return next(i for i, p in enumerate(published.pdf.pages) if p.obj.objgen == page.objgen)


def norm(text: str) -> str:
    """Words as written, whatever the lines: spaces and line-end hyphens dropped."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[\u2010\u00ad]\s*\n", "", text)
    return "".join(ch for ch in text if not ch.isspace() and ch not in "\u2060\u200b")


# --- tagged -----------------------------------------------------------------------------

def test_pdfinfo_says_tagged_pdf_1_7(published):
    info = subprocess.run(["pdfinfo", str(published.path)], capture_output=True, text=True,
                          check=True).stdout
    assert re.search(r"^Tagged:\s+yes$", info, re.M)
    assert re.search(r"^PDF version:\s+1\.7$", info, re.M)
    assert re.search(r"^Metadata Stream:\s+yes$", info, re.M)


def test_every_text_run_is_tagged_or_an_artifact(published):
    """Each text-showing operator stands in marked content that is either an
    artifact or an MCID the parent tree leads to an element of the tree;
    nothing is painted outside marked content."""
    pdf = published.pdf
    in_tree = {element.objgen for element, _ in published.elements()}
    parents = {}
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    for i in range(0, len(nums), 2):
        parents[int(nums[i])] = nums[i + 1]
    shown = artifacts = 0
    for index, page in enumerate(pdf.pages):
        marks = parents[int(page.StructParents)]
        stack = []
        for operands, operator in pikepdf.parse_content_stream(page):
            name = str(operator)
            if name in ("BDC", "BMC"):
                tag = str(operands[0])
                props = operands[1] if name == "BDC" else None
                mcid = int(props.MCID) if isinstance(props, pikepdf.Dictionary) \
                    and "/MCID" in props else None
                stack.append((tag, mcid))
            elif name == "EMC":
                stack.pop()
            elif name in PAINT_OPERATORS:     # rules, backgrounds: artifacts too
                assert stack, f"page {index + 1}: {name} outside marked content"
            elif name in TEXT_OPERATORS:
                if any(tag == "/Artifact" for tag, _ in stack):
                    artifacts += 1
                    continue
                mcid = next((m for _, m in reversed(stack) if m is not None), None)
                assert mcid is not None, f"page {index + 1}: text outside any tag"
                assert marks[mcid].objgen in in_tree, f"page {index + 1}: MCID {mcid}"
                shown += 1
    assert shown > 1000 and artifacts > 20


def test_document_and_columns_carry_their_language(published):
    pdf = published.pdf
    assert str(pdf.Root.Lang) == published.lead
    document = pdf.Root.StructTreeRoot.K[0]
    assert _role(document) == "Document" and str(document.Lang) == published.lead
    parts = [k for k in _kids(document) if _role(k) == "Part"]
    assert [str(p.Lang) for p in parts] == [published.lead, published.other]
    for part in parts:
        stack = list(_kids(part))
        count = 0
        while stack:
            element = stack.pop()
            if isinstance(element, pikepdf.Dictionary) and "/S" in element:
                assert str(element.Lang) == str(part.Lang), _role(element)
                count += 1
                stack.extend(_kids(element))
        assert count > 200


def test_reading_order_is_language_by_language(published):
    """The lead language's column is read whole, then the other's: its
    title, then the parts of its text and their subheadings, in order."""
    headings = {published.lead: [], published.other: []}
    for element, _ in published.elements():
        if _role(element) in ("H1", "H2", "H3"):
            headings[str(element.Lang)].append(_role(element))
    expected = ["H1", "H2", "H3", "H3", "H2"]
    assert headings[published.lead] == expected == headings[published.other]
    roles = [_role(k) for k in _kids(published.pdf.Root.StructTreeRoot.K[0])]
    assert roles == ["P", "Part", "Part", "Sect"]   # number, both columns, party legend


def test_considerants_and_requests_are_lists_with_labels(published):
    doc = published.doc
    labels, lists = [], []
    for element, parent in published.elements():
        if _role(element) == "Lbl" and _role(parent) == "LI" and \
                str(element.Lang) == published.lead:
            labels.append(element)
        if _role(element) == "L":
            lists.append(str(element.A.ListNumbering))
    assert len(labels) == (len(doc.resolution.considerants)
                           + sum(1 for _ in iter_requests(doc.resolution.requests)))
    assert "/UpperAlpha" in lists and "/Decimal" in lists
    # nested requests: a list inside the body of an item of a list
    nested = [e for e, p in published.elements() if _role(e) == "L" and _role(p) == "LBody"]
    assert nested


def test_notes_follow_their_calls_with_ids(published):
    ids = published.pdf.Root.StructTreeRoot.IDTree.Names
    registered = {str(ids[i]) for i in range(0, len(ids), 2)}
    notes = []
    for element, parent in published.elements():
        if _role(element) != "Note":
            continue
        notes.append(str(element.ID))
        siblings = _kids(parent)
        at = _index(siblings, element)
        assert _role(siblings[at - 1]) == "Reference", "a note follows its call"
        assert _role(_kids(siblings[at - 1])[0]) == "Link"
        assert _role(_kids(element)[0]) == "Lbl"
    assert len(notes) == 2 * len(published.doc.footnotes) == len(set(notes))
    assert set(notes) == registered


# --- links ------------------------------------------------------------------------------

def _annotations(element) -> list:
    return [k.Obj for k in _kids(element)
            if isinstance(k, pikepdf.Dictionary) and k.get("/Type") == pikepdf.Name.OBJR]


def _dest_page(published, annotation) -> int:
    return _page_index(published, annotation.Dest[0])


def _first_page(published, element) -> int:
    """The page of an element's first marked content, looking into its kids."""
    for kid in _kids(element):
        if isinstance(kid, int):
            return _page_index(published, element.Pg)
        if isinstance(kid, pikepdf.Dictionary):
            if "/MCID" in kid:
                return _page_index(published, kid.Pg)
            if "/S" in kid:
                return _first_page(published, kid)
    raise AssertionError("an element without content")


def test_every_call_links_to_its_note_and_the_note_back(published):
    calls = 0
    for element, parent in published.elements():
        if _role(element) != "Note":
            continue
        siblings = _kids(parent)
        at = _index(siblings, element)
        call_link = _kids(siblings[at - 1])[0]
        back_link = _kids(_kids(element)[0])[0]
        (to_note,) = _annotations(call_link)
        (to_call,) = _annotations(back_link)
        assert _dest_page(published, to_note) == _first_page(published, element)
        assert _dest_page(published, to_call) == _first_page(published, call_link)
        for annotation in (to_note, to_call):
            assert annotation.Subtype == pikepdf.Name.Link and int(annotation.F) == 4
            assert str(annotation.Contents) and "/StructParent" in annotation
        calls += 1
    assert calls == 2 * len(published.doc.footnotes)


def test_urls_of_the_notes_are_links(published):
    addresses = set()
    for page in published.pdf.pages:
        for annotation in page.get("/Annots", []):
            if "/A" in annotation:
                assert annotation.A.S == pikepdf.Name.URI
                addresses.add(str(annotation.A.URI))
    written = set()
    for note in published.doc.footnotes.values():
        for lang in published.doc.meta.langs:
            text = note.text[lang].plain
            written.update(text[a:b] for a, b in find_urls(text))
    assert written and written <= addresses


def test_bookmarks_follow_the_structure_in_both_languages(published):
    with published.pdf.open_outline() as outline:
        tops = list(outline.root)
        assert len(tops) == 2
        lead, other = tops
        assert lead.title.startswith("VOORSTEL VAN RESOLUTIE betreffende")
        assert other.title.startswith("PROPOSITION DE RÉSOLUTION relative")
        assert [c.title for c in lead.children] == ["TOELICHTING", "VOORSTEL VAN RESOLUTIE"]
        assert [c.title for c in other.children] == ["DÉVELOPPEMENTS",
                                                     "PROPOSITION DE RÉSOLUTION"]
        assert len(lead.children[0].children) == 2


# --- copy and search --------------------------------------------------------------------

def test_small_capitals_copy_as_written(published):
    """The opening and the requests' verbs are set in small capitals: pdftotext
    gives the content's words, not the glyphs' `DEmANDE`."""
    text = subprocess.run(["pdftotext", str(published.path), "-"], capture_output=True,
                          text=True, check=True).stdout
    doc = published.doc
    written = [doc.resolution.opening[lang].plain for lang in doc.meta.langs]
    written += [r.lead[lang].plain for r in iter_requests(doc.resolution.requests)
                if r.lead is not None for lang in doc.meta.langs]
    assert len(written) > 2
    for words in written:
        assert norm(words) in norm(text), words
    assert "DEmANDE" not in text and "KAmER" not in text and "fÉDÉRAL" not in text


def test_running_heads_page_numbers_and_strips_are_artifacts(published):
    page = published.pdf.pages[4]
    kinds = []
    for operands, operator in pikepdf.parse_content_stream(page):
        if str(operator) == "BDC" and str(operands[0]) == "/Artifact":
            props = operands[1]
            if "/Type" in props:
                kinds.append((str(props.Type), str(props.Subtype)))
    assert ("/Pagination", "/Header") in kinds and ("/Pagination", "/Footer") in kinds


# --- archival ---------------------------------------------------------------------------

XMP = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
       "pdfaid": "http://www.aiim.org/pdfa/ns/id/", "dc": "http://purl.org/dc/elements/1.1/",
       "xmp": "http://ns.adobe.com/xap/1.0/", "pdf": "http://ns.adobe.com/pdf/1.3/"}


def test_xmp_identifies_pdfa_3a_and_agrees_with_the_info(published):
    pdf = published.pdf
    xmp = ET.fromstring(pdf.Root.Metadata.read_bytes())
    assert xmp.findtext(".//pdfaid:part", namespaces=XMP) == "3"
    assert xmp.findtext(".//pdfaid:conformance", namespaces=XMP) == "A"
    info = pdf.docinfo
    assert xmp.findtext(".//dc:title/rdf:Alt/rdf:li", namespaces=XMP) == str(info.Title)
    assert xmp.findtext(".//dc:creator/rdf:Seq/rdf:li", namespaces=XMP) == str(info.Author)
    assert xmp.findtext(".//pdf:Producer", namespaces=XMP) == str(info.Producer)
    assert xmp.findtext(".//xmp:CreatorTool", namespaces=XMP) == str(info.Creator)
    assert xmp.findtext(".//xmp:CreateDate", namespaces=XMP) == "2024-11-14T00:00:00+00:00"
    assert str(info.CreationDate) == "D:20241114000000+00'00'"
    assert "/Filter" not in pdf.Root.Metadata


def test_output_intent_fonts_and_identifier(published):
    pdf = published.pdf
    (intent,) = pdf.Root.OutputIntents
    assert intent.S == pikepdf.Name.GTS_PDFA1 and int(intent.DestOutputProfile.N) == 3
    fonts = 0
    for page in pdf.pages:
        for font in page.Resources.Font.values():
            descriptor = font.DescendantFonts[0].FontDescriptor
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            assert "/ToUnicode" in font
            fonts += 1
    assert fonts
    first, second = pdf.trailer.ID
    assert bytes(first) == bytes(second) and len(bytes(first)) == 16


def test_rebuild_is_byte_identical(published):
    assert bytes(pdf_writer.render_pdf(published.doc, TEMPLATES)) == published.data


# --- its own source ---------------------------------------------------------------------

def test_content_file_is_attached_as_the_source(published):
    pdf = published.pdf
    (spec,) = pdf.Root.AF
    assert spec.AFRelationship == pikepdf.Name.Source
    assert str(spec.UF) == str(spec.F) == REFERENCE.name
    stream = spec.EF.F
    assert stream.Subtype == pikepdf.Name("/application/yaml")
    assert stream.read_bytes() == REFERENCE.read_bytes()
    assert int(stream.Params.Size) == len(REFERENCE.read_bytes())
    assert list(pdf.attachments) == [REFERENCE.name]


def hemicycle(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "render", *map(str, args)], cwd=cwd or ROOT,
                          capture_output=True, text=True, timeout=120)


def test_extract_gives_back_the_content_file(published, tmp_path):
    out = tmp_path / "extracted.yaml"
    result = hemicycle("extract", published.path, "-o", out)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == REFERENCE.read_bytes()
    # never over an existing file without --force
    out.write_bytes(b"kept")
    refused = hemicycle("extract", published.path, "-o", out)
    assert refused.returncode == 2 and out.read_bytes() == b"kept"
    assert len(refused.stderr.strip().splitlines()) == 1 and "--force" in refused.stderr
    forced = hemicycle("extract", published.path, "-o", out, "--force")
    assert forced.returncode == 0 and out.read_bytes() == REFERENCE.read_bytes()


def test_check_reads_an_extracted_file_as_the_original(published, tmp_path):
    out = tmp_path / REFERENCE.name
    assert hemicycle("extract", published.path, "-o", out).returncode == 0
    original = hemicycle("check", REFERENCE, "--format", "json")
    extracted = hemicycle("check", out, "--format", "json")
    assert original.returncode == extracted.returncode
    assert original.stdout.replace(str(REFERENCE), "FILE") == \
        extracted.stdout.replace(str(out), "FILE")


@pytest.mark.parametrize("kind", ["not a pdf", "damaged", "no source", "missing"])
def test_extract_refuses_in_one_line(published, tmp_path, kind):
    path = tmp_path / "in.pdf"
    if kind == "not a pdf":
        path.write_text("document:\n  type: resolution\n", encoding="utf-8")
    elif kind == "damaged":
        data = published.data
        at = data.index(b"/EmbeddedFile")
        path.write_bytes(data[:at - 2000] + b"\0" * 4000 + data[at + 2000:])
    elif kind == "no source":
        pikepdf.new().save(path)
    out = tmp_path / "out.yaml"
    result = hemicycle("extract", path, "-o", out)
    assert result.returncode == 2, (kind, result.stderr)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr and not out.exists()


# --- to the eye -------------------------------------------------------------------------

def test_pages_look_as_weasyprint_drew_them(published, tmp_path):
    """Tagging, links and metadata change nothing visible: every page
    rasterises to the same pixels as WeasyPrint's own PDF of the layout."""
    plain = tmp_path / "plain.pdf"
    plain.write_bytes(published.laid_out.write_pdf(pdf_identifier=False))
    for name, path in (("plain", plain), ("published", published.path)):
        subprocess.run(["pdftoppm", "-r", "40", "-gray", str(path), str(tmp_path / name)],
                       check=True)
    pages = sorted(tmp_path.glob("plain-*.pgm"))
    assert len(pages) == len(published.pdf.pages)
    for page in pages:
        twin = tmp_path / page.name.replace("plain-", "published-")
        assert page.read_bytes() == twin.read_bytes(), page.name
