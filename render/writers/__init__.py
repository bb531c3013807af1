"""The output formats: each writer turns a Document into bytes.

Writers are imported only when used, so `hemicycle check` starts fast.
"""
from __future__ import annotations

import importlib
from pathlib import Path
from typing import Callable

from ..model import Document

Writer = Callable[[Document, Path], bytes]


class Rendered(bytes):
    """A writer's output that also knows its page count (for the build log)."""

    pages: int | None = None

    @classmethod
    def of(cls, data: bytes, pages: int | None) -> "Rendered":
        rendered = cls(data)
        rendered.pages = pages
        return rendered

# format → (module, function, file extension)
WRITERS: dict[str, tuple[str, str, str]] = {
    "html": ("render.writers.html", "render_html", "html"),
    "pdf": ("render.writers.pdf", "render_pdf", "pdf"),
    "docx": ("render.writers.docx", "render_docx", "docx"),
}
DEFAULT_FORMATS = ("pdf", "docx")


class WriterUnavailable(Exception):
    pass


def get_writer(fmt: str) -> Writer:
    module_name, function, _ = WRITERS[fmt]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as exc:
        if exc.name == module_name:
            raise WriterUnavailable(f"the {fmt} writer is not part of this version of "
                                    "hemicycle yet") from None
        raise WriterUnavailable(f"the {fmt} writer needs the Python package {exc.name}: "
                                "run `make` to install hemicycle's dependencies") from None
    except OSError as exc:  # a system library (Pango for WeasyPrint) is missing
        raise WriterUnavailable(f"the {fmt} writer cannot start ({exc}); install the "
                                "prerequisites listed in the README") from None
    return getattr(module, function)


def extension(fmt: str) -> str:
    return WRITERS[fmt][2]
