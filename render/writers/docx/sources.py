"""The content's own texts, kept in the DOCX for `hemicycle import`.

What Word shows is typeset: no-break spaces the house style adds, names
bound, ordinals raised, a pair cut into rows at its calls. Those cannot all
be undone from the page alone (was a no-break space written in the content,
or added?), and the authors' genders and parties, the ids of the notes and
the accepted findings are not on the page at all. So the DOCX carries the
content as written, in a custom XML data part (`customXml/item1.xml`): Word
and LibreOffice keep such a part through editing and saving, and neither
shows it. Import reads the page and takes a text from here only where the
page still shows exactly what this text gives.

    <content xmlns="urn:x-hemicycle:content:1" version="1">
      <document type= legislature= number= subdocument= deposited= lead= and_others=>
        <title same=><fr>…</fr><nl>…</nl><accepted finding= reason=/></title>
        <author name= gender= party=/>…
        <summary …/>
      </document>
      <item kind="paragraph"><text …/></item>
      <item kind="request" depth="2"><lead …/><text …/></item>
      <note id="icj-order" call="_RefFn1"><text …/></note>
      <cover><line>DOC 56 0589/001</line>…</cover>
    </content>

Items are in reading order (the blocks of the développements, the opening,
the considerants, the requests depth-first); a note is named by the bookmark
around the call that carries it, which Word keeps when it renumbers notes.

A later sub-document of the dossier (`type="amendments"`, `"adopted-text"`)
records its history and its amendments, or its adoption, too:

      <earlier subdocument="1" type="resolution" deposited= and_others=><author …/></earlier>
      <amendments base="1" body="committee"><committee …/>
        <amendment number="1" action="replace" target="considerant" label="C"
                   new_label="C" [amends="3"]><author …/><text …/><justification …/></amendment>
      </amendments>
      <adoption base="1" body="committee" sets="2" adopted="1 3 4 7"><committee …/></adoption>

`hemicycle import` reads proposals only: it refuses the others
(render/importer/recorded.py), whose record is kept for a later import.
"""
from __future__ import annotations

from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from lxml import etree

from ...layout.rows import BLOCK_KINDS
from ...model import Document, Pair, iter_requests
from ...model.dossier import Stage
from . import wml

NS = "urn:x-hemicycle:content:1"
VERSION = "1"
ITEM = "/customXml/item1.xml"
ITEM_PROPS = "/customXml/itemProps1.xml"
# Word names every data part by a GUID; a fixed one keeps the file byte-reproducible.
ITEM_ID = "{5E0B8D3A-6C1F-4B7E-9A52-3D1C0E7F4A21}"
_DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"


def _el(parent, tag: str, **attrs) -> etree._Element:
    return etree.SubElement(parent, f"{{{NS}}}{tag}", {k: str(v) for k, v in attrs.items()})


def _pair(parent, tag: str, pair: Pair | None) -> None:
    if pair is None:
        return
    e = _el(parent, tag, same="true" if pair.same else "false")
    for lang in ("fr", "nl"):
        _el(e, lang).text = wml.clean(pair[lang].source)
    for a in pair.accepted:
        _el(e, "accepted", finding=wml.clean(a.finding), reason=wml.clean(a.reason))


# The cover's paragraphs whose texts import reads back; the others (number,
# date, document type, authors…) are derived from the metadata, so an edit of
# them cannot come back and import says so.
READ_BACK_STYLES = {"cover title", "summary text"}
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def cover_paragraphs(body: etree._Element, style_names: dict[str, str]):
    """(paragraph, text) of every derived paragraph of the cover section, in
    order: the blocks up to the paragraph that ends the cover's section."""
    for block in body:
        for p in block.iter(f"{_W}p"):
            style = p.find(f"{_W}pPr/{_W}pStyle")
            name = style_names.get(style.get(f"{_W}val"), "") if style is not None else ""
            name = name.split(" (")[0].strip().lower()
            text = " ".join(_text(p).split())
            if text and name not in READ_BACK_STYLES:
                yield p, text
        if block.find(f"{_W}pPr/{_W}sectPr") is not None:
            return


def _text(p: etree._Element) -> str:
    """A paragraph's characters; LibreOffice saves U+2011 as w:noBreakHyphen."""
    return "".join("\u2011" if e.tag == f"{_W}noBreakHyphen" else e.text or ""
                   for e in p.iter(f"{_W}t", f"{_W}noBreakHyphen"))


def content_xml(doc: Document, cover: list[str] = ()) -> bytes:
    meta = doc.meta
    root = etree.Element(f"{{{NS}}}content", {"version": VERSION}, nsmap={None: NS})
    d = _el(root, "document", type=meta.doctype, legislature=meta.legislature,
            number=meta.dossier, subdocument=meta.subdocument,
            deposited=meta.deposited.isoformat(), lead=meta.lead,
            and_others="true" if meta.and_others else "false")
    _pair(d, "title", meta.title)
    for a in meta.authors:
        _el(d, "author", name=wml.clean(a.name), gender=a.gender, party=wml.clean(a.party))
    _pair(d, "summary", meta.summary)
    _dossier(root, doc)
    for block in doc.developments:
        _pair(_el(root, "item", kind=BLOCK_KINDS[type(block)]), "text", block.text)
    if doc.resolution is not None:
        _pair(_el(root, "item", kind="opening"), "text", doc.resolution.opening)
        for c in doc.resolution.considerants:
            _pair(_el(root, "item", kind="considerant"), "text", c.text)
        for r in iter_requests(doc.resolution.requests):
            item = _el(root, "item", kind="request", depth=r.depth)
            _pair(item, "lead", r.lead)
            _pair(item, "text", r.text)
    for note in doc.notes_in_order():
        # the writer's bookmark around the call that carries the note
        _pair(_el(root, "note", id=note.id, call=f"_RefFn{note.number}"), "text", note.text)
    lines = _el(root, "cover")
    for text in cover:
        _el(lines, "line").text = wml.clean(text)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _authors(parent, authors) -> None:
    for a in authors:
        _el(parent, "author", name=wml.clean(a.name), gender=a.gender, party=wml.clean(a.party))


def _stage(parent, tag: str, stage: Stage | None, **attrs) -> etree._Element:
    e = _el(parent, tag, **attrs, **({"body": stage.body} if stage is not None else {}))
    if stage is not None:
        _pair(e, "committee", stage.committee)
    return e


def _dossier(root, doc: Document) -> None:
    """The history, the amendments and the adoption of a later sub-document."""
    for earlier in doc.history:
        e = _stage(root, "earlier", earlier.stage, subdocument=earlier.subdocument,
                   type=earlier.doctype, deposited=earlier.deposited.isoformat(),
                   and_others="true" if earlier.and_others else "false")
        _authors(e, earlier.authors)
    if doc.amendments is not None:
        s = _stage(root, "amendments", doc.amendments.stage, base=doc.amendments.base)
        for a in doc.amendments.amendments:
            attrs = {"number": a.number, "action": a.action, "target": a.target.kind,
                     "label": a.target.label, "new_label": a.new_label}
            if a.amends is not None:
                attrs["amends"] = a.amends
            e = _el(s, "amendment", **attrs)
            _authors(e, a.authors)
            for tag, pair in (("lead", a.lead), ("text", a.text), ("old", a.old_words),
                              ("new", a.new_words)):
                _pair(e, tag, pair)
            for paragraph in a.justification:
                _pair(e, "justification", paragraph)
    if doc.adoption is not None:
        a = doc.adoption
        _stage(root, "adoption", a.stage, base=a.base, sets=" ".join(map(str, a.sets)),
               adopted=" ".join(map(str, a.adopted)))


def _props_xml() -> bytes:
    root = etree.Element(f"{{{_DS}}}datastoreItem", {f"{{{_DS}}}itemID": ITEM_ID},
                         nsmap={"ds": _DS})
    refs = etree.SubElement(root, f"{{{_DS}}}schemaRefs")
    etree.SubElement(refs, f"{{{_DS}}}schemaRef", {f"{{{_DS}}}uri": NS})
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def add_sources(document, doc: Document) -> None:
    """The custom XML data part, related from the main document as Word does."""
    part = document.part
    for rId, rel in list(part.rels.items()):
        if rel.reltype == RT.CUSTOM_XML:   # a reference saved by Word may hold one
            del part.rels[rId]
    names = {style.style_id: style.name for style in document.styles}
    cover = [text for _, text in cover_paragraphs(document.element.body, names)]
    item = Part(PackURI(ITEM), CT.XML, content_xml(doc, cover), part.package)
    props = Part(PackURI(ITEM_PROPS), CT.OFC_CUSTOM_XML_PROPERTIES, _props_xml(), part.package)
    item.relate_to(props, RT.CUSTOM_XML_PROPS)
    part.relate_to(item, RT.CUSTOM_XML)
