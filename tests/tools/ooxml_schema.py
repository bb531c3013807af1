"""Schema validation of every XML part of a DOCX package against the
ISO/IEC 29500 (ECMA-376) *transitional* XSD schemas committed under
tests/schemas/ooxml/ (see the README.md there for where they come from).

    validate_docx(data: bytes) -> list[str]

returns one message per violation, "PART:LINE: message" (PART as named in
the ZIP, e.g. "word/document.xml"); an empty list means every XML part is
valid. How it works:

* Each part's content type comes from [Content_Types].xml (an Override for
  the part name, else the Default for its extension). An XML part whose
  content type is neither in ROOTS (validated) nor in UNVALIDATABLE (skipped
  with a stated reason) is reported, never silently skipped; so is a part
  with no content type.
* Markup Compatibility (ECMA-376 Part 3) is applied before validation, the
  way a consumer that understands exactly the namespaces of these schemas
  must: elements and attributes of non-understood namespaces listed in
  mc:Ignorable are removed (elements named by mc:ProcessContent are
  unwrapped, their content kept); mc:AlternateContent is replaced by its
  first mc:Choice whose Requires namespaces are all understood, else by its
  mc:Fallback (so Word's w14/wps choices give way to the fallback), and the
  mc:* attributes themselves are dropped. mc:MustUnderstand naming a
  namespace not understood, and mc:Choice/mc:Fallback out of place, are
  violations.
* The schemas are compiled once per process (one combined XMLSchema that
  imports every committed schema document) and cached. Their imports are
  resolved to the local copies by a resolver; nothing is fetched from the
  network (the parser runs with no_network, and any other remote URL is
  refused).
* Besides the schema itself, each part's root element must be the one its
  content type calls for (a combined schema would accept any global
  element at the root).

Cost: compiling the schemas takes about 0.1 s, validating a valid document
a few hundredths. libxml2 is slow on one kind of violation only: a child
that does not fit the content model of a block or paragraph-content
container (w:body, w:tc, w:hdr, w:p, w:hyperlink...) costs it about 0.8 s
each, these models being large non-deterministic automata. Other
violations (attribute values, order inside w:pPr or w:rPr, w:settings...)
cost next to nothing.
"""
from __future__ import annotations

import functools
import io
import re
import zipfile
from pathlib import Path

from lxml import etree

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas" / "ooxml"

MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
XML_NS = "http://www.w3.org/XML/1998/namespace"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
A = "http://schemas.openxmlformats.org/drawingml/2006/main"
C = "http://schemas.openxmlformats.org/drawingml/2006/chart"
DGM = "http://schemas.openxmlformats.org/drawingml/2006/diagram"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
EP = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
OP = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
DS = "http://schemas.openxmlformats.org/officeDocument/2006/customXml"

# Prefixes used to shorten "{namespace}name" in messages.
PREFIXES = {
    W: "w", A: "a", C: "c", DGM: "dgm", CT: "ct", PR: "pr", CP: "cp", EP: "ep", OP: "op", DS: "ds",
    MC: "mc", XML_NS: "xml", XSI: "xsi",
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships": "r",
    "http://schemas.openxmlformats.org/officeDocument/2006/math": "m",
    "http://schemas.openxmlformats.org/officeDocument/2006/sharedTypes": "s",
    "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes": "vt",
    "http://schemas.openxmlformats.org/officeDocument/2006/bibliography": "b",
    "http://schemas.openxmlformats.org/schemaLibrary/2006/main": "sl",
    "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing": "wp",
    "http://schemas.openxmlformats.org/drawingml/2006/picture": "pic",
    "http://schemas.openxmlformats.org/drawingml/2006/chartDrawing": "cdr",
    "http://schemas.openxmlformats.org/drawingml/2006/lockedCanvas": "lc",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://purl.org/dc/terms/": "dcterms",
    "http://purl.org/dc/dcmitype/": "dcmitype",
    "urn:schemas-microsoft-com:vml": "v",
    "urn:schemas-microsoft-com:office:office": "o",
    "urn:schemas-microsoft-com:office:word": "w10",
    "urn:schemas-microsoft-com:office:excel": "x",
    "urn:schemas-microsoft-com:office:powerpoint": "pvml",
    # Microsoft extensions (no schema here; prefixes only for readable messages)
    "http://schemas.microsoft.com/office/word/2010/wordml": "w14",
    "http://schemas.microsoft.com/office/word/2012/wordml": "w15",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing": "wp14",
    "http://schemas.microsoft.com/office/word/2010/wordprocessingShape": "wps",
}

_WML = "application/vnd.openxmlformats-officedocument.wordprocessingml."
_DML = "application/vnd.openxmlformats-officedocument.drawingml."

# Content type -> the root element its part must have; these parts are
# validated.
ROOTS = {
    "application/vnd.openxmlformats-package.relationships+xml": (PR, "Relationships"),
    "application/vnd.openxmlformats-package.core-properties+xml": (CP, "coreProperties"),
    "application/vnd.openxmlformats-officedocument.extended-properties+xml": (EP, "Properties"),
    "application/vnd.openxmlformats-officedocument.custom-properties+xml": (OP, "Properties"),
    "application/vnd.openxmlformats-officedocument.customXmlProperties+xml": (DS, "datastoreItem"),
    "application/vnd.openxmlformats-officedocument.theme+xml": (A, "theme"),
    "application/vnd.openxmlformats-officedocument.themeOverride+xml": (A, "themeOverride"),
    _WML + "document.main+xml": (W, "document"),
    _WML + "template.main+xml": (W, "document"),
    "application/vnd.ms-word.document.macroEnabled.main+xml": (W, "document"),
    "application/vnd.ms-word.template.macroEnabledTemplate.main+xml": (W, "document"),
    _WML + "document.glossary+xml": (W, "glossaryDocument"),
    _WML + "styles+xml": (W, "styles"),
    _WML + "settings+xml": (W, "settings"),
    _WML + "webSettings+xml": (W, "webSettings"),
    _WML + "fontTable+xml": (W, "fonts"),
    _WML + "numbering+xml": (W, "numbering"),
    _WML + "footnotes+xml": (W, "footnotes"),
    _WML + "endnotes+xml": (W, "endnotes"),
    _WML + "header+xml": (W, "hdr"),
    _WML + "footer+xml": (W, "ftr"),
    _WML + "comments+xml": (W, "comments"),
    _DML + "chart+xml": (C, "chartSpace"),
    _DML + "chartshapes+xml": (C, "userShapes"),
    _DML + "diagramData+xml": (DGM, "dataModel"),
    _DML + "diagramLayout+xml": (DGM, "layoutDef"),
    _DML + "diagramStyle+xml": (DGM, "styleDef"),
    _DML + "diagramColors+xml": (DGM, "colorsDef"),
}

# XML content types deliberately not validated, each with the reason.
UNVALIDATABLE = {
    "application/xml": "custom XML data (customXml/itemN.xml): arbitrary user XML, no fixed schema",
    "text/xml": "custom XML data (customXml/itemN.xml): arbitrary user XML, no fixed schema",
}

_ROOTS = {content_type.lower(): root for content_type, root in ROOTS.items()}
_UNVALIDATABLE = {content_type.lower() for content_type in UNVALIDATABLE}

CONTENT_TYPES_PART = "[Content_Types].xml"

# Remote schema locations the committed schemas name -> local copies.
_LOCAL_COPIES = {
    "http://dublincore.org/schemas/xmls/qdc/2003/04/02/dc.xsd": "dublincore/dc.xsd",
    "http://dublincore.org/schemas/xmls/qdc/2003/04/02/dcterms.xsd": "dublincore/dcterms.xsd",
    "http://dublincore.org/schemas/xmls/qdc/2003/04/02/dcmitype.xsd": "dublincore/dcmitype.xsd",
    "http://www.w3.org/2001/03/xml.xsd": "w3c/xml.xsd",
    "http://www.w3.org/2001/xml.xsd": "w3c/xml.xsd",
}

_MC_KNOWN_ATTRS = {"Ignorable", "ProcessContent", "MustUnderstand", "PreserveElements", "PreserveAttributes"}


class _LocalSchemas(etree.Resolver):
    """Serves the schemas' remote imports from tests/schemas/ooxml/."""

    def resolve(self, url, public_id, context):
        local = _LOCAL_COPIES.get(url)
        if local is not None:
            return self.resolve_filename(str(SCHEMA_DIR / local), context)
        if re.match(r"[a-z][a-z0-9+.-]*://", url, re.I) and not url.lower().startswith("file:"):
            raise OSError(f"schema import {url!r} has no local copy under {SCHEMA_DIR} (no network access)")
        return None  # a local file: default loading


def _schema_parser() -> etree.XMLParser:
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False)
    parser.resolvers.add(_LocalSchemas())
    return parser


@functools.lru_cache(maxsize=None)
def _schema() -> tuple[etree.XMLSchema, frozenset[str]]:
    """The combined schema and the namespaces it understands (compiled once)."""
    files = sorted(SCHEMA_DIR.rglob("*.xsd"))
    if not files:
        raise FileNotFoundError(f"no schemas under {SCHEMA_DIR}")
    by_namespace: dict[str, Path] = {}
    for f in files:
        target = etree.parse(str(f), _schema_parser()).getroot().get("targetNamespace")
        if target is None or target in by_namespace:
            raise ValueError(f"{f}: schema documents here must each have their own targetNamespace")
        by_namespace[target] = f
    # The XML namespace first, so that the schemas' location-less imports of
    # it find it already loaded.
    order = sorted(by_namespace, key=lambda ns: ns != XML_NS)
    imports = "".join(
        f'<xs:import namespace="{ns}" schemaLocation="{by_namespace[ns].as_uri()}"/>' for ns in order)
    driver = f'<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">{imports}</xs:schema>'
    doc = etree.fromstring(driver.encode(), _schema_parser(), base_url=SCHEMA_DIR.as_uri() + "/")
    schema = etree.XMLSchema(doc)
    return schema, frozenset(by_namespace) | {XML_NS, XSI}


def _readable(message: str) -> str:
    def short(m: re.Match) -> str:
        prefix = PREFIXES.get(m.group(1))
        return f"{prefix}:{m.group(2)}" if prefix else m.group(0)
    return re.sub(r"\{([^{}]*)\}([\w.\-]+)", short, message)


def _qname(ns: str | None, local: str) -> str:
    return _readable(f"{{{ns}}}{local}") if ns else local


# ---------------------------------------------------------------- MCE

def _ns(tag: str) -> str | None:
    return tag[1:].split("}", 1)[0] if tag[:1] == "{" else None


class _Mce:
    """ECMA-376 Part 3 processing of one part, in place.

    process(node) returns what replaces node (with its tail) in its parent:
    [node] when it stays, else a list of elements and text strings.
    """

    def __init__(self, understood: frozenset[str], part: str, errors: list[str]):
        self.understood = understood
        self.part = part
        self.errors = errors

    def error(self, node, message: str) -> None:
        self.errors.append(f"{self.part}:{node.sourceline}: {message}")

    def _prefixes(self, node, attr: str) -> list[str]:
        value = node.get(f"{{{MC}}}{attr}")
        out = []
        for prefix in (value or "").split():
            ns = node.nsmap.get(prefix)
            if ns is None:
                self.error(node, f"mc:{attr} names the undeclared prefix {prefix!r}")
            else:
                out.append(ns)
        return out

    def context(self, node, ignorable: frozenset, process: frozenset) -> tuple[frozenset, frozenset]:
        """The Ignorable and ProcessContent sets in force on node and its content."""
        if not any(_ns(name) == MC for name in node.attrib):
            return ignorable, process
        ignorable = ignorable | set(self._prefixes(node, "Ignorable"))
        for ns in self._prefixes(node, "MustUnderstand"):
            if ns not in self.understood:
                self.error(node, f"mc:MustUnderstand names {ns}, a namespace these schemas do not define")
        for name in (node.get(f"{{{MC}}}ProcessContent") or "").split():
            prefix, _, local = name.rpartition(":")
            ns = node.nsmap.get(prefix or None)
            if ns is None:
                self.error(node, f"mc:ProcessContent names {name!r}, whose prefix is undeclared")
            else:
                process = process | {(ns, local)}
        return ignorable, process

    def process(self, node, ignorable: frozenset, process: frozenset) -> list:
        ns, local = _ns(node.tag), etree.QName(node).localname
        tail = [node.tail] if node.tail else []
        ignorable, process = self.context(node, ignorable, process)
        if ns == MC:
            if local != "AlternateContent":
                self.error(node, f"mc:{local} outside mc:AlternateContent")
                return tail
            branch = self.select(node)
            if branch is None:
                return tail
            ignorable, process = self.context(branch, ignorable, process)
            return self.content(branch, ignorable, process) + tail
        if ns not in self.understood and ns in ignorable:
            if (ns, local) in process or (ns, "*") in process:
                return self.content(node, ignorable, process) + tail
            return tail
        for name in list(node.attrib):
            attr_ns = _ns(name)
            if attr_ns == MC:
                attr_local = etree.QName(name).localname
                if attr_local not in _MC_KNOWN_ATTRS:
                    self.error(node, f"unknown Markup Compatibility attribute mc:{attr_local}")
                del node.attrib[name]
            elif attr_ns and attr_ns not in self.understood and attr_ns in ignorable:
                del node.attrib[name]
        for child in list(node):
            if isinstance(child.tag, str):
                replacement = self.process(child, ignorable, process)
                if replacement != [child]:
                    _splice(node, child, replacement)
        return [node]

    def content(self, node, ignorable, process) -> list:
        """node's content (text and processed elements), node itself dropped."""
        out = [node.text] if node.text else []
        for child in list(node):
            if isinstance(child.tag, str):
                out.extend(self.process(child, ignorable, process))
            elif child.tail:  # a comment or processing instruction: keep the text after it
                out.append(child.tail)
        return out

    def select(self, alternate):
        """The mc:Choice or mc:Fallback that a consumer understanding these schemas takes."""
        choices, fallback = [], None
        for child in alternate:
            if not isinstance(child.tag, str):
                continue
            if child.tag == f"{{{MC}}}Choice" and fallback is None:
                choices.append(child)
            elif child.tag == f"{{{MC}}}Fallback" and fallback is None:
                fallback = child
            else:
                self.error(child, f"{_qname(_ns(child.tag), etree.QName(child).localname)} "
                                  "not allowed here in mc:AlternateContent")
        if not choices:
            self.error(alternate, "mc:AlternateContent without mc:Choice")
        for choice in choices:
            requires = choice.get("Requires")
            if requires is None:
                self.error(choice, "mc:Choice without Requires")
                continue
            namespaces = []
            for prefix in requires.split():
                ns = choice.nsmap.get(prefix)
                if ns is None:
                    self.error(choice, f"mc:Choice Requires names the undeclared prefix {prefix!r}")
                namespaces.append(ns)
            if namespaces and all(ns in self.understood for ns in namespaces):
                return choice
        return fallback


def _splice(parent, old, items: list) -> None:
    """Put items (elements and text, in document order) where old and its tail were."""
    position = parent.index(old)
    parent.remove(old)  # takes old's tail with it; items carry it
    for item in items:
        if isinstance(item, str):
            if position > 0:
                previous = parent[position - 1]
                previous.tail = (previous.tail or "") + item
            else:
                parent.text = (parent.text or "") + item
        else:
            parent.insert(position, item)
            position += 1


# ---------------------------------------------------------------- package

def _parse(part: str, data: bytes, errors: list[str]):
    parser = etree.XMLParser(no_network=True, resolve_entities=False, load_dtd=False, huge_tree=True)
    try:
        tree = etree.parse(io.BytesIO(data), parser)
    except etree.XMLSyntaxError as exc:
        errors.append(f"{part}:{exc.lineno}: not well-formed XML: {exc.msg}")
        return None
    if tree.docinfo.doctype:
        errors.append(f"{part}:1: DOCTYPE declaration (OPC forbids DTDs in parts)")
    return tree


def _content_types(tree) -> tuple[dict[str, str], dict[str, str]]:
    defaults, overrides = {}, {}
    for element in tree.getroot():
        if element.tag == f"{{{CT}}}Default" and element.get("Extension") and element.get("ContentType"):
            defaults[element.get("Extension").lower()] = element.get("ContentType")
        elif element.tag == f"{{{CT}}}Override" and element.get("PartName") and element.get("ContentType"):
            overrides[element.get("PartName").lower()] = element.get("ContentType")
    return defaults, overrides


def _media_type(content_type: str) -> str:
    """type/subtype, lower-cased (they compare case-insensitively), parameters dropped."""
    return content_type.split(";", 1)[0].strip().lower()


def _is_xml(content_type: str) -> bool:
    media_type = _media_type(content_type)
    return media_type.endswith("+xml") or media_type in ("application/xml", "text/xml")


def _validate_tree(part: str, tree, expected_root, errors: list[str]) -> None:
    schema, understood = _schema()
    root = tree.getroot()
    replacement = _Mce(understood, part, errors).process(root, frozenset(), frozenset())
    if replacement != [root]:
        errors.append(f"{part}:{root.sourceline}: Markup Compatibility processing leaves "
                      f"{len(replacement)} root elements instead of one")
        return
    ns, local = _ns(root.tag), etree.QName(root).localname
    if (ns, local) != expected_root:
        errors.append(f"{part}:{root.sourceline}: root element is {_qname(ns, local)}, "
                      f"expected {_qname(*expected_root)}")
    if not schema.validate(tree):
        for entry in schema.error_log:
            errors.append(f"{part}:{entry.line}: {_readable(entry.message)}")


def validate_docx(data: bytes) -> list[str]:
    """One message per schema violation in the DOCX package given as bytes."""
    errors: list[str] = []
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        return [f"<package>:0: not a ZIP archive: {exc}"]
    with archive:
        names = [info.filename for info in archive.infolist() if not info.filename.endswith("/")]
        if CONTENT_TYPES_PART not in names:
            return [f"{CONTENT_TYPES_PART}:0: missing: a package names its parts' content types there"]
        ct_tree = _parse(CONTENT_TYPES_PART, archive.read(CONTENT_TYPES_PART), errors)
        if ct_tree is None:
            return errors
        defaults, overrides = _content_types(ct_tree)
        _validate_tree(CONTENT_TYPES_PART, ct_tree, (CT, "Types"), errors)
        for name in names:
            if name == CONTENT_TYPES_PART:
                continue
            content_type = overrides.get("/" + name.lower())
            if content_type is None:
                segment = name.rsplit("/", 1)[-1]
                extension = segment.rsplit(".", 1)[1] if "." in segment else ""
                content_type = defaults.get(extension.lower())
            if content_type is None:
                errors.append(f"{name}:0: no content type in {CONTENT_TYPES_PART}")
                continue
            if not _is_xml(content_type):
                continue
            media_type = _media_type(content_type)
            expected_root = _ROOTS.get(media_type)
            if expected_root is None:
                if media_type not in _UNVALIDATABLE:
                    errors.append(f"{name}:0: XML part of content type {content_type} that no "
                                  "schema here covers (add it to ROOTS, or to UNVALIDATABLE with a reason)")
                continue
            tree = _parse(name, archive.read(name), errors)
            if tree is not None:
                _validate_tree(name, tree, expected_root, errors)
    return errors
