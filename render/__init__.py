"""hemicycle: bilingual documents of the Belgian Chamber of Representatives.

The public API is small:

    from render import load_document, ContentError, check_document, write
    doc = load_document("content/56K0589001.yaml")   # raises ContentError
    problems = check_document(doc)                     # translation parity
    pdf = write(doc, "pdf")                            # bytes; also "docx", "html"
"""
from __future__ import annotations

from pathlib import Path

from .errors import ContentError, Problem
from .content.loader import load_document

__all__ = ["ContentError", "Problem", "check_document", "load_document", "write"]


def check_document(doc) -> list[Problem]:
    from .check.parity import check_document as check
    return check(doc)


def write(doc, fmt: str, templates: str | Path | None = None) -> bytes:
    """The document in `fmt` (pdf, docx or html), with the given templates
    folder (default: the project's templates/)."""
    from .paths import templates_dir
    from .writers import get_writer
    return get_writer(fmt)(doc, templates_dir(templates))
