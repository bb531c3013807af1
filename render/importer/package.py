"""Reading the parts of a DOCX that import needs, found through the
package's relationships (Word and LibreOffice name and number parts their
own way): the main document, its footnotes, styles and comments, the
custom properties, and hemicycle's record of the content (a custom XML data
part, see render.writers.docx.sources)."""
from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..writers.docx.sources import NS as SOURCES_NS
from ..writers.docx.wml import W_NS

_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_MAIN = _OFFICE + "officeDocument"
_LIMIT = 200 << 20   # no part of a document is this large; a zip bomb is
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


class NotADocx(Exception):
    """The file is not a DOCX import can read; the message says why."""


@dataclass
class DocxParts:
    document: etree._Element
    footnotes: etree._Element | None
    comments: bool
    style_names: dict[str, str]              # style id → name, as the file has it
    sources: etree._Element | None           # hemicycle's record, when present


def read_docx(path: Path) -> DocxParts:
    try:
        with zipfile.ZipFile(path) as z:
            return _read(z)
    except (zipfile.BadZipFile, EOFError):
        raise NotADocx("not a DOCX file (it is not a zip archive); save it from Word as "
                       "Word Document (.docx)") from None
    except OSError as exc:
        raise NotADocx(f"cannot read it ({exc.strerror or exc})") from None


def _xml(z: zipfile.ZipFile, name: str) -> etree._Element:
    info = z.getinfo(name)
    if info.file_size > _LIMIT:
        raise NotADocx(f"its part {name} is too large to be a document")
    try:
        return etree.fromstring(z.read(info), _PARSER)
    except etree.XMLSyntaxError as exc:
        raise NotADocx(f"its part {name} is not well-formed XML ({exc}); the file is "
                       "damaged") from None


def _rels(z: zipfile.ZipFile, part: str) -> dict[str, list[str]]:
    """Relationship type → targets (part names) of `part` ("" for the package)."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels_name not in z.namelist():
        return {}
    out: dict[str, list[str]] = {}
    for rel in _xml(z, rels_name).iter(f"{{{_REL_NS}}}Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        resolved = (target.lstrip("/") if target.startswith("/")
                    else posixpath.normpath(posixpath.join(folder, target)))
        out.setdefault(rel.get("Type", ""), []).append(resolved)
    return out


def _read(z: zipfile.ZipFile) -> DocxParts:
    names = set(z.namelist())
    main = next(iter(_rels(z, "").get(_MAIN, [])), None)
    if main is None or main not in names:
        raise NotADocx("it has no main document part; it is not a Word document")
    document = _xml(z, main)
    if document.tag != f"{{{W_NS}}}document":
        raise NotADocx("its main part is not a WordprocessingML document (a strict OOXML "
                       "file? save it as Word Document (.docx))")
    rels = _rels(z, main)

    def part(kind: str) -> etree._Element | None:
        target = next((t for t in rels.get(_OFFICE + kind, []) if t in names), None)
        return _xml(z, target) if target else None

    styles = part("styles")
    style_names = {}
    if styles is not None:
        for s in styles.iter(f"{{{W_NS}}}style"):
            name = s.find(f"{{{W_NS}}}name")
            if name is not None:
                style_names[s.get(f"{{{W_NS}}}styleId")] = name.get(f"{{{W_NS}}}val", "")
    sources = None
    for target in rels.get(_OFFICE + "customXml", []) + sorted(
            n for n in names if n.startswith("customXml/item") and "Props" not in n):
        if target in names:
            root = _xml(z, target)
            if root.tag == f"{{{SOURCES_NS}}}content":
                sources = root
                break
    comments = part("comments")
    has_comments = comments is not None and len(comments) > 0
    return DocxParts(document, part("footnotes"), has_comments, style_names, sources)
