"""Every XML part of the DOCX hemicycle writes is valid against the
ISO/IEC 29500 (ECMA-376) transitional schemas (tests/schemas/ooxml/), after
Markup Compatibility processing; and the validator (tests/tools/
ooxml_schema.py) does report violations, with the part they are in."""
from __future__ import annotations

import io
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from conftest import MINIMAL, ROOT

sys.path.insert(0, str(Path(__file__).resolve().parent / "tools"))
import ooxml_schema  # noqa: E402
from ooxml_schema import validate_docx  # noqa: E402

HEMICYCLE = Path(sys.executable).parent / "hemicycle"
REFERENCE_DOC = ROOT / "tests" / "data" / "56K0589001.yaml"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
WPS = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"


def w(tag: str) -> str:
    return f"{{{W}}}{tag}"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, bytes]:
    """The DOCX of the reference document and of the minimal example, built by the CLI."""
    out = tmp_path_factory.mktemp("docx")
    docs = {}
    for source in (REFERENCE_DOC, MINIMAL):
        result = subprocess.run([str(HEMICYCLE), "build", str(source), "--format", "docx", "--out", str(out)],
                                cwd=ROOT, capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        docs[source.stem] = (out / f"{source.stem}.docx").read_bytes()
    return docs


def rewrite(package: bytes, part: str, change) -> bytes:
    """package with part's XML tree passed through change (which edits it in place)."""
    source = zipfile.ZipFile(io.BytesIO(package))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == part:
                root = etree.fromstring(data)
                change(root)
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
            target.writestr(info, data)
    return out.getvalue()


def new_errors(original: bytes, changed: bytes) -> list[str]:
    """The violations in changed that original does not have."""
    before = set(validate_docx(original))
    return [e for e in validate_docx(changed) if e not in before]


# ------------------------------------------------------------ hemicycle's DOCX

@pytest.mark.parametrize("stem", [REFERENCE_DOC.stem, MINIMAL.stem])
def test_every_xml_part_of_built_docx_is_valid_against_transitional_schemas(built, stem):
    errors = validate_docx(built[stem])
    assert errors == [], f"{len(errors)} schema violation(s) in {stem}.docx:\n" + "\n".join(errors)


def test_validation_of_reference_docx_takes_well_under_two_seconds_schemas_included(built):
    ooxml_schema._schema.cache_clear()
    start = time.perf_counter()
    validate_docx(built[REFERENCE_DOC.stem])
    assert time.perf_counter() - start < 2.0


# ------------------------------------------------------------ the validator can fail

def test_unknown_element_inside_a_paragraph_is_reported_in_document_xml(built):
    original = built[MINIMAL.stem]

    def add_bogus(root):
        root.find(f".//{w('p')}").append(etree.Element(w("bogus")))

    errors = new_errors(original, rewrite(original, "word/document.xml", add_bogus))
    assert errors, "a w:bogus element inside w:p went unreported"
    assert all(e.startswith("word/document.xml:") for e in errors), errors
    assert any("w:bogus" in e for e in errors), errors


def test_jc_value_outside_its_enumeration_is_reported_in_document_xml(built):
    original = built[MINIMAL.stem]

    def add_bad_jc(root):
        paragraph = etree.Element(w("p"))
        jc = etree.SubElement(etree.SubElement(paragraph, w("pPr")), w("jc"))
        jc.set(w("val"), "nonsense")
        root.find(w("body")).insert(0, paragraph)

    errors = new_errors(original, rewrite(original, "word/document.xml", add_bad_jc))
    assert errors, 'w:jc w:val="nonsense" went unreported'
    assert all(e.startswith("word/document.xml:") for e in errors), errors
    assert any("w:jc" in e and "nonsense" in e for e in errors), errors


def test_settings_child_out_of_schema_order_is_reported_in_settings_xml(built):
    original = built[MINIMAL.stem]
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(original)).read("word/settings.xml"))
    assert len(root) >= 2 and root[0].tag != root[-1].tag
    moved = etree.QName(root[0]).localname

    def move_first_to_end(root):
        root.append(root[0])  # the first child belongs before all others (CT_Settings is a sequence)

    errors = new_errors(original, rewrite(original, "word/settings.xml", move_first_to_end))
    assert errors, f"w:{moved} moved after the last child of w:settings went unreported"
    assert all(e.startswith("word/settings.xml:") for e in errors), errors
    assert any(f"w:{moved}" in e for e in errors), errors


# ------------------------------------------------------------ package and Markup Compatibility

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
{overrides}</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Target="word/document.xml"
 Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"/>
</Relationships>"""
DOCUMENT = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="{W}" xmlns:mc="{MC}" xmlns:w14="{W14}" xmlns:wps="{WPS}" {{root_attributes}}>
<w:body>
{{body}}
</w:body>
</w:document>"""


def package(body: str = "<w:p/>", root_attributes: str = 'mc:Ignorable="w14"',
            extra: dict[str, tuple[str, str]] | None = None) -> bytes:
    """A minimal DOCX; extra maps part name -> (content type, XML)."""
    extra = extra or {}
    overrides = "".join(f'<Override PartName="/{name}" ContentType="{ct}"/>\n' for name, (ct, _) in extra.items())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", CONTENT_TYPES.format(overrides=overrides))
        z.writestr("_rels/.rels", RELS)
        z.writestr("word/document.xml", DOCUMENT.format(root_attributes=root_attributes, body=body))
        for name, (_, xml) in extra.items():
            z.writestr(name, xml)
    return out.getvalue()


def test_minimal_handmade_package_is_valid():
    assert validate_docx(package()) == []


def test_ignorable_w14_attribute_is_stripped_but_rejected_when_not_declared_ignorable():
    body = '<w:p w14:paraId="1A2B3C4D" w14:textId="77777777"/>'
    assert validate_docx(package(body)) == []
    errors = validate_docx(package(body, root_attributes=""))
    assert errors and all(e.startswith("word/document.xml:") for e in errors), errors
    assert any("paraId" in e for e in errors), errors


def test_ignorable_element_is_dropped_and_process_content_keeps_its_children_validated():
    assert validate_docx(package('<w14:wrapper><w:bogus/></w14:wrapper><w:p/>')) == []
    unwrapped = package('<w14:wrapper><w:p/><w:bogus/></w14:wrapper>',
                        root_attributes='mc:Ignorable="w14" mc:ProcessContent="w14:wrapper"')
    assert any("w:bogus" in e for e in validate_docx(unwrapped))
    kept = package('<w14:wrapper><w:p/></w14:wrapper>',
                   root_attributes='mc:Ignorable="w14" mc:ProcessContent="w14:wrapper"')
    assert validate_docx(kept) == []


def test_alternate_content_keeps_the_fallback_when_the_choice_requires_a_non_ecma_namespace():
    def alternate(choice: str, fallback: str) -> bytes:
        return package(f'<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps">{choice}</mc:Choice>'
                       f'<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r></w:p>')

    assert validate_docx(alternate("<wps:wsp/><w:bogus/>", "<w:t>x</w:t>")) == []
    errors = validate_docx(alternate("<w:t>x</w:t>", "<w:bogus/>"))
    assert any(e.startswith("word/document.xml:") and "w:bogus" in e for e in errors), errors


def test_alternate_content_takes_a_choice_whose_namespaces_are_all_understood():
    understood = package('<w:p><w:r><mc:AlternateContent><mc:Choice Requires="w"><w:bogus/></mc:Choice>'
                         '<mc:Fallback><w:t>x</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>')
    assert any("w:bogus" in e for e in validate_docx(understood))


def test_must_understand_of_a_non_ecma_namespace_is_reported():
    errors = validate_docx(package(root_attributes='mc:MustUnderstand="w14"'))
    assert any(e.startswith("word/document.xml:") and "MustUnderstand" in e for e in errors), errors


def test_xml_part_of_unknown_content_type_is_reported_not_skipped():
    people = ("application/vnd.openxmlformats-officedocument.wordprocessingml.people+xml",
              f'<w:people xmlns:w="{W}"/>')
    errors = validate_docx(package(extra={"word/people.xml": people}))
    assert len(errors) == 1 and errors[0].startswith("word/people.xml:"), errors
    assert "people+xml" in errors[0]


def test_custom_xml_data_part_is_listed_as_unvalidatable():
    assert "application/xml" in ooxml_schema.UNVALIDATABLE
    custom = ("application/xml", "<anything><at-all/></anything>")
    assert validate_docx(package(extra={"customXml/item1.xml": custom})) == []


def test_part_with_wrong_root_element_is_reported():
    styles = ("application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml",
              f'<w:settings xmlns:w="{W}"/>')
    errors = validate_docx(package(extra={"word/styles.xml": styles}))
    assert any(e.startswith("word/styles.xml:") and "expected w:styles" in e for e in errors), errors


def test_schema_imports_never_reach_the_network():
    resolver = ooxml_schema._LocalSchemas()
    with pytest.raises(OSError, match="no local copy"):
        resolver.resolve("http://example.org/other.xsd", None, None)
