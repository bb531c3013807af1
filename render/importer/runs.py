"""A paragraph of the DOCX as pieces of text and calls.

A piece is text with what import needs of its formatting: emphasis (the
`Emphasis` character style or italics), the role of its character style
(`Lead Verb`, `Label`). A call is a footnote reference (the call that carries
its note) or a NOTEREF field to the bookmark around one. Field results other
than NOTEREF are read as the text they show. Raised runs (the ordinals'
suffixes) are text like any other.

Tracked changes, comments and objects are not text: they are reported by
`refusals`, and skipped here.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ..writers.docx.wml import MC_NS, W_NS

W = f"{{{W_NS}}}"
_FALSE = {"0", "false", "off"}


@dataclass(frozen=True)
class Piece:
    text: str
    emph: bool = False
    role: str = ""          # "verb", "label" or "" (the text)


@dataclass(frozen=True)
class CallTo:
    """A call: `footnote` is the w:id of the footnote it references directly,
    `bookmark` the name of the bookmark a NOTEREF field points to."""

    footnote: str | None = None
    bookmark: str | None = None


@dataclass(frozen=True)
class NumberMark:
    """A note's own number (w:footnoteRef), inside the note."""


Token = Piece | CallTo | NumberMark

_ROLES = {"lead verb": "verb", "label": "label"}
_NOTEREF = re.compile(r"^\s*NOTEREF\s+(\S+)", re.IGNORECASE)


class StyleNames:
    """Style ids → the name of the hemicycle style they are, without the
    language variant: `Body Text (nl, continued)` → `body text`."""

    _VARIANT = re.compile(r"\s*\((fr|nl)(, continued)?\)$", re.IGNORECASE)

    def __init__(self, names: dict[str, str]):
        self.names = names

    def base(self, style_id: str | None) -> str:
        name = self.names.get(style_id or "", style_id or "")
        return self._VARIANT.sub("", name).strip().lower()

    def continued(self, style_id: str | None) -> bool:
        name = self.names.get(style_id or "", "")
        return name.lower().endswith(", continued)")


def paragraph_style(p: etree._Element) -> str | None:
    style = p.find(f"{W}pPr/{W}pStyle")
    return style.get(f"{W}val") if style is not None else None


class _Run:
    def __init__(self, r: etree._Element, styles: StyleNames):
        rpr = r.find(f"{W}rPr")
        style = rpr.find(f"{W}rStyle") if rpr is not None else None
        base = styles.base(style.get(f"{W}val")) if style is not None else ""
        italic = rpr.find(f"{W}i") if rpr is not None else None
        self.emph = base == "emphasis" or (italic is not None
                                           and italic.get(f"{W}val", "true") not in _FALSE)
        self.role = _ROLES.get(base, "")


class ParagraphReader:
    """Reads paragraphs into tokens; fields may span runs (never paragraphs,
    in files Word and LibreOffice write)."""

    def __init__(self, styles: StyleNames):
        self.styles = styles

    def tokens(self, p: etree._Element) -> list[Token]:
        self.fields: list[dict] = []   # open complex fields: instruction, in result?
        out: list[Token] = []
        for child in p:
            out.extend(self._inline(child))
        return _merge(out)

    def _shown(self) -> bool:
        """Whether a run stands where the page shows it: outside every field's
        instruction, and not in a NOTEREF's result (the call stands for it)."""
        return all(f["result"] and not f["noteref"] for f in self.fields)

    def _inline(self, e: etree._Element) -> Iterator[Token]:
        tag = e.tag
        if tag == f"{W}r":
            yield from self._run(e)
        elif tag in (f"{W}hyperlink", f"{W}smartTag", f"{W}customXml", f"{W}sdtContent",
                     f"{W}ins", f"{W}moveTo"):
            for child in e:
                yield from self._inline(child)
        elif tag == f"{W}sdt":
            content = e.find(f"{W}sdtContent")
            if content is not None:
                for child in content:
                    yield from self._inline(child)
        elif tag == f"{W}fldSimple":
            m = _NOTEREF.match(e.get(f"{W}instr", ""))
            if m:
                yield CallTo(bookmark=m.group(1))
            else:
                for child in e:
                    yield from self._inline(child)
        elif tag == f"{{{MC_NS}}}AlternateContent":
            yield from self._alternate(e)

    def _alternate(self, e: etree._Element) -> Iterator[Token]:
        """Word's choice when it understands it (WordprocessingML), else the fallback."""
        for choice in e.iterfind(f"{{{MC_NS}}}Choice"):
            if choice.get("Requires", "").strip() == "w":
                for child in choice:
                    yield from self._inline_or_run_content(child, None)
                return
        fallback = e.find(f"{{{MC_NS}}}Fallback")
        if fallback is not None:
            for child in fallback:
                yield from self._inline_or_run_content(child, None)

    def _inline_or_run_content(self, e, run: _Run | None) -> Iterator[Token]:
        if e.tag in (f"{W}r", f"{W}hyperlink", f"{W}fldSimple", f"{W}sdt",
                     f"{{{MC_NS}}}AlternateContent"):
            yield from self._inline(e)
        else:
            yield from self._content(e, run or _Run(etree.Element(f"{W}r"), self.styles))

    def _run(self, r: etree._Element) -> Iterator[Token]:
        run = _Run(r, self.styles)
        for child in r:
            yield from self._content(child, run)

    def _content(self, e: etree._Element, run: _Run) -> Iterator[Token]:
        tag = e.tag
        if tag == f"{W}fldChar":
            kind = e.get(f"{W}fldCharType")
            if kind == "begin":
                self.fields.append({"instr": "", "result": False, "noteref": False})
            elif kind == "separate" and self.fields:
                field = self.fields[-1]
                field["result"] = True
                m = _NOTEREF.match(field["instr"])
                if m:
                    field["noteref"] = True
                    yield CallTo(bookmark=m.group(1))
            elif kind == "end" and self.fields:
                field = self.fields.pop()
                m = _NOTEREF.match(field["instr"])
                if m and not field["result"]:   # a field without a stored result
                    yield CallTo(bookmark=m.group(1))
            return
        if tag == f"{W}instrText":
            if self.fields and not self.fields[-1]["result"]:
                self.fields[-1]["instr"] += e.text or ""
            return
        if tag == f"{{{MC_NS}}}AlternateContent":
            yield from self._alternate(e)
            return
        if not self._shown():
            return
        if tag == f"{W}footnoteReference":
            yield CallTo(footnote=e.get(f"{W}id"))
        elif tag == f"{W}footnoteRef":
            yield NumberMark()
        else:
            text = _CHARACTERS.get(tag)
            if tag == f"{W}t":
                text = e.text or ""
            elif tag == f"{W}sym":
                try:
                    text = chr(int(e.get(f"{W}char", ""), 16))
                except ValueError:
                    text = ""
            if text:
                yield Piece(text, run.emph, run.role)


_CHARACTERS = {f"{W}tab": "\t", f"{W}br": "\n", f"{W}cr": "\n", f"{W}noBreakHyphen": "\u2011",
               f"{W}softHyphen": "\u00ad", f"{W}ptab": "\t"}


def _merge(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for t in tokens:
        if (isinstance(t, Piece) and out and isinstance(out[-1], Piece)
                and (out[-1].emph, out[-1].role) == (t.emph, t.role)):
            out[-1] = Piece(out[-1].text + t.text, t.emph, t.role)
        else:
            out.append(t)
    return out


def plain_text(tokens: list[Token]) -> str:
    return "".join(t.text for t in tokens if isinstance(t, Piece))
