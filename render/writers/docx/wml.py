"""WordprocessingML primitives: runs, fields, paragraphs, tables, built as
lxml elements (never as text), children in the order the schema requires.

Lengths are twips (1/20 pt) and font sizes half-points, as in the format.
Nothing here knows the Chamber's layout.
"""
from __future__ import annotations

import re
from copy import deepcopy
from typing import Iterable, Sequence

from docx.oxml.ns import qn
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
NSMAP = {"w": W_NS, "r": R_NS, "mc": MC_NS}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

# characters XML 1.0 cannot hold (tab, line feed and carriage return are handled)
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

Element = etree._Element
qn = qn   # re-exported: callers name WordprocessingML tags through this module


def el(tag: str, attrs: dict[str, str | int] | None = None, *children: Element | None) -> Element:
    """`el("w:p", {"w:rsid": …}, child…)`; attribute names are prefixed too."""
    e = etree.Element(qn(tag), nsmap=NSMAP) if tag in ("w:document", "w:footnotes", "w:hdr",
                                                       "w:ftr") else etree.Element(qn(tag))
    for key, value in (attrs or {}).items():
        e.set(qn(key), str(value))
    for child in children:
        if child is not None:
            e.append(child)
    return e


def val(tag: str, value: str | int) -> Element:
    return el(tag, {"w:val": value})


def flag(tag: str) -> Element:
    return el(tag)


# --- runs ----------------------------------------------------------------------------

# rPr children, in schema order (CT_RPr)
_RPR_ORDER = ("w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
              "w:strike", "w:noProof", "w:vanish", "w:color", "w:spacing", "w:w", "w:kern",
              "w:position", "w:sz", "w:szCs", "w:u", "w:vertAlign", "w:lang")


def rpr(lang: str | None = None, style: str | None = None, *extra: Element) -> Element:
    """Run properties: a character style, extra properties, the language tag."""
    children = list(extra)
    if style:
        children.append(val("w:rStyle", style))
    if lang:
        children.append(val("w:lang", lang))
    return el("w:rPr", None, *_in_order(children, _RPR_ORDER))


def _in_order(children: list[Element], order: tuple[str, ...]) -> list[Element]:
    rank = {tag: i for i, tag in enumerate(order)}
    return sorted(children, key=lambda c: rank.get("w:" + etree.QName(c).localname, len(rank)))


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def runs(text: str, props: Element) -> list[Element]:
    """`text` as runs with a copy of `props` each; line feeds become breaks,
    tabs tab characters."""
    text = clean(text)
    out: list[Element] = []
    for i, line in enumerate(text.replace("\r", "").split("\n")):
        if i:
            out.append(el("w:r", None, _copy(props), el("w:br")))
        for j, chunk in enumerate(line.split("\t")):
            if j:
                out.append(el("w:r", None, _copy(props), el("w:tab")))
            if chunk:
                t = el("w:t")
                t.set(XML_SPACE, "preserve")
                t.text = chunk
                out.append(el("w:r", None, _copy(props), t))
    return out


def _copy(e: Element) -> Element:
    return deepcopy(e)


def tab(props: Element) -> Element:
    return el("w:r", None, _copy(props), el("w:tab"))


def field(instruction: str, result: Sequence[Element], props: Element) -> list[Element]:
    """A complex field `{ instruction }` whose stored result is `result` (runs)."""
    instr = el("w:instrText")
    instr.set(XML_SPACE, "preserve")
    instr.text = f" {instruction} "
    return [el("w:r", None, _copy(props), el("w:fldChar", {"w:fldCharType": "begin"})),
            el("w:r", None, _copy(props), instr),
            el("w:r", None, _copy(props), el("w:fldChar", {"w:fldCharType": "separate"})),
            *result,
            el("w:r", None, _copy(props), el("w:fldChar", {"w:fldCharType": "end"}))]


def alternate(choice: Sequence[Element], fallback: Sequence[Element], requires: str = "w"
              ) -> Element:
    """Markup Compatibility (ECMA-376 Part 3): a consumer that understands
    the namespaces `requires` names takes `choice`, any other `fallback`."""
    ac = etree.Element(f"{{{MC_NS}}}AlternateContent")
    c = etree.SubElement(ac, f"{{{MC_NS}}}Choice", Requires=requires)
    c.extend(choice)
    f = etree.SubElement(ac, f"{{{MC_NS}}}Fallback")
    f.extend(fallback)
    return ac


def bookmark(bookmark_id: int, name: str, content: Iterable[Element]) -> list[Element]:
    return [el("w:bookmarkStart", {"w:id": bookmark_id, "w:name": name}), *content,
            el("w:bookmarkEnd", {"w:id": bookmark_id})]


# --- paragraphs ---------------------------------------------------------------------

# pPr children, in schema order (CT_PPrBase, then rPr)
_PPR_ORDER = ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:widowControl",
              "w:pBdr", "w:tabs", "w:suppressAutoHyphens", "w:spacing", "w:ind", "w:jc",
              "w:outlineLvl", "w:rPr", "w:sectPr")


def ppr(style: str | None = None, *extra: Element, mark: Element | None = None) -> Element:
    """Paragraph properties; `mark` the paragraph mark's run properties."""
    children = list(extra)
    if style:
        children.append(val("w:pStyle", style))
    if mark is not None:
        children.append(mark)
    return el("w:pPr", None, *_in_order(children, _PPR_ORDER))


def paragraph(props: Element, content: Iterable[Element] = ()) -> Element:
    p = el("w:p", None, props)
    for child in content:
        p.append(child)
    return p


def indent(left: int = 0, hanging: int = 0, first_line: int = 0) -> Element:
    if hanging:
        return el("w:ind", {"w:left": left, "w:hanging": hanging})
    return el("w:ind", {"w:left": left, "w:firstLine": first_line})


def spacing(before: int | None = None, after: int | None = None) -> Element:
    attrs = {}
    if before is not None:
        attrs["w:before"] = before
    if after is not None:
        attrs["w:after"] = after
    return el("w:spacing", attrs)


# --- tables ---------------------------------------------------------------------------

def margins(tag: str, **sides: int) -> Element:
    """`w:tblCellMar` or `w:tcMar`: top, left, bottom, right in twips."""
    return el(tag, None, *(el(f"w:{side}", {"w:w": sides.get(side, 0), "w:type": "dxa"})
                           for side in ("top", "left", "bottom", "right")))


def cell(width: int, paragraphs: Iterable[Element], cell_margins: Element | None = None
         ) -> Element:
    tc = el("w:tc", None, el("w:tcPr", None, el("w:tcW", {"w:w": width, "w:type": "dxa"}),
                             cell_margins))
    for p in paragraphs:
        tc.append(p)
    return tc


def row(cells: Iterable[Element], cant_split: bool = False) -> Element:
    tr = el("w:tr")
    if cant_split:
        tr.append(el("w:trPr", None, el("w:cantSplit")))
    for c in cells:
        tr.append(c)
    return tr


def table(style: str, widths: Sequence[int], rows: Iterable[Element], indent_twips: int = 0,
          cell_margins: Element | None = None) -> Element:
    look = el("w:tblLook", {"w:val": "0000", "w:firstRow": 0, "w:lastRow": 0,
                            "w:firstColumn": 0, "w:lastColumn": 0, "w:noHBand": 1,
                            "w:noVBand": 1})
    tbl = el("w:tbl", None,
             el("w:tblPr", None, val("w:tblStyle", style),
                el("w:tblW", {"w:w": sum(widths), "w:type": "dxa"}),
                el("w:tblInd", {"w:w": indent_twips, "w:type": "dxa"}),
                el("w:tblLayout", {"w:type": "fixed"}), cell_margins, look),
             el("w:tblGrid", None, *(el("w:gridCol", {"w:w": w}) for w in widths)))
    for r in rows:
        tbl.append(r)
    return tbl
