"""What makes the PDF an archival one (PDF/A-3, level A): its identification
and metadata (XMP, agreeing with the document information dictionary), and
its own source attached (an associated file, `AFRelationship /Source`).

Dates and identifiers come from the document, never from the clock or a
random source: the same content gives the same bytes. WeasyPrint provides
the rest of PDF/A: the sRGB output intent and embedded fonts.
"""
from __future__ import annotations

import hashlib
import uuid
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

import pikepdf
from pikepdf import Array, Name, String

from ...content.source import read_source
from ...model import Document

SOURCE_MIME = "application/yaml"
PDFA_PART, PDFA_CONFORMANCE = 3, "A"
SOURCE_DESCRIPTION = ("Contenu source du document (YAML, hemicycle) / "
                      "Broninhoud van het document (YAML, hemicycle)")
# The namespace of hemicycle's document identifiers (name-based UUIDs).
_IDS = uuid.uuid5(uuid.NAMESPACE_URL, "urn:hemicycle:document")


def identify(pdf: pikepdf.Pdf, doc: Document, langs: tuple[str, ...], rendered: bytes) -> None:
    """Document information and XMP metadata, the same values in both.
    `rendered` (WeasyPrint's PDF) names this rendition of the document."""
    info = pdf.docinfo
    deposited = doc.meta.deposited
    values = {
        "title": str(info.get("/Title", "")),
        "author": str(info.get("/Author", "")),
        "keywords": str(info.get("/Keywords", "")),
        "creator": "hemicycle",
        "producer": f"{info.get('/Producer', 'WeasyPrint')}; pikepdf {pikepdf.__version__}",
    }
    info["/Creator"] = String(values["creator"])
    info["/Producer"] = String(values["producer"])
    info["/CreationDate"] = info["/ModDate"] = String(_pdf_date(deposited))
    number = values["keywords"] or values["title"]
    document_id = uuid.uuid5(_IDS, number)
    instance_id = uuid.UUID(bytes=hashlib.sha256(rendered).digest()[:16], version=4)
    xmp = _xmp(values, langs, _xmp_date(deposited), document_id, instance_id)
    pdf.Root.Metadata = pdf.make_stream(xmp, Type=Name.Metadata, Subtype=Name.XML)


def attach_source(pdf: pikepdf.Pdf, doc: Document) -> None:
    """The content file, byte for byte, as the PDF's source."""
    if doc.source is None:
        return
    data = read_source(Path(doc.source))      # the file the build just read
    name = Path(doc.source).name
    when = _pdf_date(doc.meta.deposited)
    spec = pikepdf.AttachedFileSpec(
        pdf, data, description=SOURCE_DESCRIPTION, filename=name,
        mime_type=SOURCE_MIME, creation_date=when, mod_date=when,
        relationship=Name.Source)
    pdf.attachments[name] = spec
    stream = spec.obj.EF.F
    params = stream.get(Name.Params, pikepdf.Dictionary())
    params.Size = len(data)
    params.CheckSum = String(hashlib.md5(data).digest())
    params.ModDate = String(when)
    stream.Params = params
    pdf.Root.AF = Array([spec.obj])


def _pdf_date(day: date) -> str:
    return f"D:{day:%Y%m%d}000000+00'00'"


def _xmp_date(day: date) -> str:
    return f"{day:%Y-%m-%d}T00:00:00+00:00"


def _xmp(values: dict, langs, when: str, document_id, instance_id) -> bytes:
    languages = "".join(f"<rdf:li>{escape(lang)}</rdf:li>" for lang in langs)
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about=""
  xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
  xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:xmp="http://ns.adobe.com/xap/1.0/"
  xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
  xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdfaid:part>{PDFA_PART}</pdfaid:part>
<pdfaid:conformance>{PDFA_CONFORMANCE}</pdfaid:conformance>
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(values["title"])}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>{escape(values["author"])}</rdf:li></rdf:Seq></dc:creator>
<dc:language><rdf:Bag>{languages}</rdf:Bag></dc:language>
<xmp:CreateDate>{when}</xmp:CreateDate>
<xmp:ModifyDate>{when}</xmp:ModifyDate>
<xmp:MetadataDate>{when}</xmp:MetadataDate>
<xmp:CreatorTool>{escape(values["creator"])}</xmp:CreatorTool>
<xmpMM:DocumentID>uuid:{document_id}</xmpMM:DocumentID>
<xmpMM:InstanceID>uuid:{instance_id}</xmpMM:InstanceID>
<pdf:Producer>{escape(values["producer"])}</pdf:Producer>
<pdf:Keywords>{escape(values["keywords"])}</pdf:Keywords>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""".encode("utf-8")
