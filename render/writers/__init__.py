"""The output formats: each writer turns a Document into bytes.

A writer is registered with its format, file extension and the variants it
offers (as WeasyPrint's PDF variants, or pandoc's writer options); it is
called as `writer(doc, templates, options)`. Writers are imported only when
used, so `hemicycle check` starts fast.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Protocol

from ..model import Document


@dataclass(frozen=True)
class WriterOptions:
    """What a build asks of a writer beyond the document and the templates."""

    variant: str | None = None       # one of the writer's `variants`; None: its default
    extra: dict = field(default_factory=dict)   # writer-specific settings, by name


class Writer(Protocol):
    def __call__(self, doc: Document, templates: Path,
                 options: WriterOptions = WriterOptions()) -> bytes: ...


@dataclass(frozen=True)
class WriterSpec:
    format: str
    module: str
    function: str
    extension: str
    variants: tuple[str, ...] = ()
    description: str = ""


class Rendered(bytes):
    """A writer's output that also knows its page count (for the build log)."""

    pages: int | None = None

    @classmethod
    def of(cls, data: bytes, pages: int | None) -> "Rendered":
        rendered = cls(data)
        rendered.pages = pages
        return rendered


WRITERS: dict[str, WriterSpec] = {spec.format: spec for spec in (
    WriterSpec("html", "render.writers.html", "render_html", "html",
               description="a self-contained preview for a browser"),
    WriterSpec("pdf", "render.writers.pdf", "render_pdf", "pdf",
               description="for print and publication"),
    WriterSpec("docx", "render.writers.docx", "render_docx", "docx",
               description="for editing in Word"),
)}
DEFAULT_FORMATS = ("pdf", "docx")


class WriterUnavailable(Exception):
    pass


def get_writer(fmt: str, options: WriterOptions | None = None) -> Callable[[Document, Path],
                                                                            bytes]:
    """The writer of `fmt`, bound to `options` (checked against its variants)."""
    spec = WRITERS[fmt]
    options = options or WriterOptions()
    if options.variant is not None and options.variant not in spec.variants:
        known = ", ".join(spec.variants) or "none"
        raise WriterUnavailable(f"the {fmt} writer has no variant {options.variant!r} "
                                f"(variants: {known})")
    try:
        module = importlib.import_module(spec.module)
    except ModuleNotFoundError as exc:
        if exc.name == spec.module:
            raise WriterUnavailable(f"the {fmt} writer is not part of this version of "
                                    "hemicycle yet") from None
        raise WriterUnavailable(f"the {fmt} writer needs the Python package {exc.name}: "
                                "run `make` to install hemicycle's dependencies") from None
    except OSError as exc:  # a system library (Pango for WeasyPrint) is missing
        raise WriterUnavailable(f"the {fmt} writer cannot start ({exc}); install the "
                                "prerequisites listed in the README") from None
    function = getattr(module, spec.function)
    if options == WriterOptions():
        return function

    def bound(doc: Document, templates: Path) -> bytes:
        return function(doc, templates, options)
    return bound


def extension(fmt: str) -> str:
    return WRITERS[fmt].extension
