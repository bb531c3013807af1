"""The styles of the reference document, looked up by name, and their
language variants: every paragraph of a column is set in a variant of its
style that carries the column's language, so that text typed there in Word
is spell-checked in that language."""
from __future__ import annotations

from docx.oxml.ns import qn
from lxml import etree

from . import wml


class StyleMap:
    def __init__(self, document):
        from ...model.locale import LANGUAGE_TAGS
        self.root = document.styles.element
        self.tags = LANGUAGE_TAGS
        self.by_name: dict[str, etree._Element] = {}
        for style in self.root.iterfind(qn("w:style")):
            name = style.find(qn("w:name"))
            if name is not None:
                self.by_name.setdefault(name.get(qn("w:val")).lower(), style)
        self.variants: dict[tuple[str, str], str] = {}

    def element(self, name: str) -> etree._Element:
        style = self.by_name.get(name.lower())
        if style is None:
            raise KeyError(repr(name))
        return style

    def check(self, names) -> None:
        """Every style the writer needs is there (all missing ones named at once)."""
        missing = [n for n in names if n.lower() not in self.by_name]
        if missing:
            raise KeyError(", ".join(repr(m) for m in missing))

    def id(self, name: str, lang: str | None = None, continued: bool = False) -> str:
        style = self.element(name)
        sid = style.get(qn("w:styleId"))
        if lang is None or style.get(qn("w:type")) != "paragraph":
            return sid
        key = (sid, lang, continued)
        if key not in self.variants:
            self.variants[key] = self._variant(style, sid, name, lang, continued)
        return self.variants[key]

    def _variant(self, style, sid: str, name: str, lang: str, continued: bool) -> str:
        """`Body Text (nl)`: based on `Body Text`, in Dutch; it follows any
        restyling of its base. `Body Text (nl, continued)`: the rest of a
        paragraph that a call's sentence cut into rows: no first-line indent,
        no label's hanging indent."""
        if continued:
            base = self.id(name, lang)
            vid, label = f"{sid}-{lang}-continued", f"{name} ({lang}, continued)"
            ppr = wml.el("w:pPr", None, wml.indent(self.left_indent(name)))
            variant = wml.el("w:style", {"w:type": "paragraph", "w:customStyle": 1,
                                         "w:styleId": vid},
                             wml.val("w:name", label), wml.val("w:basedOn", base),
                             wml.val("w:next", vid), ppr)
            self.root.find(f"{qn('w:style')}[@{qn('w:styleId')}='{base}']").addnext(variant)
            return vid
        vid = f"{sid}-{lang}"
        variant = wml.el("w:style", {"w:type": "paragraph", "w:customStyle": 1, "w:styleId": vid},
                         wml.val("w:name", f"{name} ({lang})"), wml.val("w:basedOn", sid),
                         wml.val("w:next", vid), wml.el("w:qFormat"),
                         wml.el("w:rPr", None, wml.val("w:lang", self.tags[lang])))
        style.addnext(variant)
        return vid

    def _base(self, style):
        based = style.find(qn("w:basedOn"))
        if based is None:
            return None
        return self.root.find(f"{qn('w:style')}[@{qn('w:styleId')}='{based.get(qn('w:val'))}']")

    def left_indent(self, name: str) -> int:
        """The style's left indent in twips, through the styles it is based on."""
        style = self.element(name)
        while style is not None:
            ind = style.find(f"{qn('w:pPr')}/{qn('w:ind')}")
            if ind is not None and ind.get(qn("w:left")) is not None:
                return int(ind.get(qn("w:left")))
            style = self._base(style)
        return 0

    # -- setting type from templates/page.yaml --

    def set_type(self, name: str, size_half_points: int | None = None,
                 leading_twips: int | None = None) -> None:
        style = self.element(name)
        if size_half_points is not None:
            rpr = _child(style, "w:rPr", before=("w:tblPr", "w:trPr", "w:tcPr", "w:tblStylePr"))
            for tag in ("w:sz", "w:szCs"):
                _set_in_order(rpr, wml.val(tag, size_half_points), wml._RPR_ORDER)
        if leading_twips is not None:
            spacing = self._paragraph_property(name, "w:spacing")
            spacing.set(qn("w:line"), str(leading_twips))
            spacing.set(qn("w:lineRule"), "exact")

    def _paragraph_property(self, name: str, tag: str) -> etree._Element:
        """The style's paragraph property `tag`, added in schema order if missing."""
        ppr = _child(self.element(name), "w:pPr", before=("w:rPr", "w:tblPr", "w:trPr", "w:tcPr"))
        found = ppr.find(qn(tag))
        if found is None:
            found = wml.el(tag)
            _set_in_order(ppr, found, wml._PPR_ORDER)
        return found

    def set_tabs(self, name: str, stops: list[tuple[str, int]]) -> None:
        style = self.element(name)
        ppr = _child(style, "w:pPr", before=("w:rPr", "w:tblPr", "w:trPr", "w:tcPr"))
        _set_in_order(ppr, wml.el("w:tabs", None, *(wml.el("w:tab", {"w:val": kind, "w:pos": pos})
                                                    for kind, pos in stops)), wml._PPR_ORDER)

    def set_hanging(self, name: str, left: int, hanging: int) -> None:
        ind = self._paragraph_property(name, "w:ind")
        for key in list(ind.attrib):
            del ind.attrib[key]
        ind.set(qn("w:left"), str(left))
        ind.set(qn("w:hanging"), str(hanging))

    def set_first_line(self, name: str, twips: int) -> None:
        self._paragraph_property(name, "w:ind").set(qn("w:firstLine"), str(twips))


def _child(parent, tag: str, before: tuple[str, ...]) -> etree._Element:
    child = parent.find(qn(tag))
    if child is None:
        child = wml.el(tag)
        for successor in before:
            found = parent.find(qn(successor))
            if found is not None:
                found.addprevious(child)
                break
        else:
            parent.append(child)
    return child


def _set_in_order(parent, element, order: tuple[str, ...]) -> None:
    """Put `element` into `parent`, replacing one of the same tag, in schema order."""
    old = parent.find(element.tag)
    if old is not None:
        old.addprevious(element)
        parent.remove(old)
        return
    rank = {t: i for i, t in enumerate(order)}
    mine = rank.get("w:" + etree.QName(element).localname, len(rank))
    for child in parent:
        if rank.get("w:" + etree.QName(child).localname, len(rank)) > mine:
            child.addprevious(element)
            return
    parent.append(element)
