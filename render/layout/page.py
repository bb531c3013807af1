"""Page geometry and type sizes, from `templates/page.yaml`, for both outputs:
the PDF's stylesheet is filled in from it and the DOCX writer sets Word's page
set-up and base styles from it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from ..caching import from_files
from ..errors import TemplateError
from ..model import MAX_REQUEST_DEPTH

PAGE_FILE = "page.yaml"
_LENGTH = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*(mm|pt|cm|em)\s*$")
_PT_PER = {"mm": 72 / 25.4, "cm": 72 / 2.54, "pt": 1.0}


class PageSpecError(TemplateError):
    pass


@dataclass(frozen=True)
class Length:
    """A length as written (`21mm`) and in points; `em` is resolved against
    the body type size."""

    css: str
    pt: float

    @property
    def twips(self) -> int:
        return round(self.pt * 20)

    @property
    def half_points(self) -> int:
        return round(self.pt * 2)

    def __str__(self) -> str:
        return self.css


@dataclass(frozen=True)
class Margins:
    top: Length
    bottom: Length
    inner: Length
    outer: Length


@dataclass(frozen=True)
class Type:
    size: Length
    leading: Length | None = None


@dataclass(frozen=True)
class PageSpec:
    width: Length
    height: Length
    cover: Margins
    back: Margins
    text: Margins
    head_gap: Length
    foot_gap: Length
    gutter: Length
    body: Type
    notes: Type
    head: Type
    strip: Type
    paragraph_after: Length
    first_line: Length
    note_number: Length
    considerant_label: Length
    request_labels: tuple[Length, ...]
    label_gap: Length

    def text_width(self, margins: Margins) -> int:
        """The width between a page's side margins, in twips."""
        return self.width.twips - margins.inner.twips - margins.outer.twips

    def fill_height(self, margins: Margins) -> Length:
        """The height between a page's top and bottom margins."""
        pt = self.height.pt - margins.top.pt - margins.bottom.pt
        return Length(f"{pt * 25.4 / 72:.1f}mm", pt)

    @staticmethod
    def sum(*lengths: Length) -> Length:
        pt = sum(length.pt for length in lengths)
        return Length(f"{pt * 25.4 / 72:.2f}mm", pt)

    @property
    def half_gutter(self) -> Length:
        return Length(f"{self.gutter.pt / 2 * 25.4 / 72:.2f}mm", self.gutter.pt / 2)


def _length(value, where: str, em: float | None = None) -> Length:
    m = _LENGTH.match(str(value))
    if not m:
        raise PageSpecError(f"{where}: {value!r} is not a length such as 21mm or 10pt")
    number, unit = float(m.group(1)), m.group(2)
    if unit == "em":
        if em is None:
            raise PageSpecError(f"{where}: em is not allowed here")
        return Length(str(value), number * em)
    return Length(str(value).strip(), number * _PT_PER[unit])


@from_files(maxsize=8)
def page_spec(templates: Path) -> PageSpec:
    path = templates / PAGE_FILE
    try:
        return _page_spec(path)
    except PageSpecError as exc:
        raise PageSpecError(f"{path}: {exc}; fix it, or restore it from hemicycle's "
                            "templates/") from None


def _page_spec(path: Path) -> PageSpec:
    try:
        with open(path, encoding="utf-8") as f:
            data = YAML(typ="safe").load(f)
    except OSError as exc:
        raise PageSpecError(f"cannot be read ({exc.strerror})") from None
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}: " if mark else ""
        raise PageSpecError(f"{where}not valid YAML ({getattr(exc, 'problem', None) or exc})"
                            ) from None
    try:
        def margins(name: str) -> Margins:
            m = data[name]
            return Margins(*(_length(m[k], f"{name}.{k}") for k in
                             ("top", "bottom", "inner", "outer")))

        def type_(name: str) -> Type:
            t = data["type"][name]
            leading = t.get("leading")
            return Type(_length(t["size"], f"type.{name}.size"),
                        _length(leading, f"type.{name}.leading") if leading else None)

        body = type_("body")
        spec = PageSpec(
            width=_length(data["paper"]["width"], "paper.width"),
            height=_length(data["paper"]["height"], "paper.height"),
            cover=margins("cover"), back=margins("back"), text=margins("text"),
            head_gap=_length(data["head_gap"], "head_gap"),
            foot_gap=_length(data["foot_gap"], "foot_gap"),
            gutter=_length(data["gutter"], "gutter"),
            body=body, notes=type_("notes"), head=type_("head"), strip=type_("strip"),
            paragraph_after=_length(data["paragraph_after"], "paragraph_after", body.size.pt),
            first_line=_length(data["first_line"], "first_line", body.size.pt),
            note_number=_length(data["note_number"], "note_number", body.size.pt),
            considerant_label=_length(data["labels"]["considerant"], "labels.considerant",
                                      body.size.pt),
            request_labels=tuple(_length(v, f"labels.requests[{i}]", body.size.pt)
                                 for i, v in enumerate(data["labels"]["requests"])),
            label_gap=_length(data["label_gap"], "label_gap", body.size.pt),
        )
        if len(spec.request_labels) != MAX_REQUEST_DEPTH:
            raise PageSpecError(f"labels.requests: give {MAX_REQUEST_DEPTH} widths, one per "
                                "level of request")
        return spec
    except (KeyError, TypeError, AttributeError) as exc:
        raise PageSpecError(f"missing or malformed entry {exc}") from None
