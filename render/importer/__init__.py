"""`hemicycle import`: a DOCX that hemicycle made, as it is or edited in
Word or LibreOffice, back to the content file that builds it.

    package     the parts of the DOCX
    refusals    what content cannot hold: tracked changes, comments, objects
    runs        a paragraph as pieces of text and calls
    body        the cover's title and summary; the rows of the text as items
    notes       the paired notes
    recorded    hemicycle's record of the content inside the DOCX
    untypeset   the house style's spaces and hyphens undone
    assemble    all of it as the document model
render.content.emit writes the model as YAML.

Every problem is collected before giving up; nothing is written when there
is one.
"""
from __future__ import annotations

import os
from pathlib import Path

from ..content.emit import emit_document
from ..content.loader import load_bytes
from ..errors import ContentError
from ..paths import PROJECT_ROOT
from .assemble import assemble
from .body import Paragraphs, read_body
from .notes import bookmark_targets, carrying_bookmarks, read_notes
from .package import NotADocx, read_docx
from .problems import ImportRefused, Problems, Where
from .recorded import RecordError, read_record
from .refusals import refusals
from .runs import W, ParagraphReader, StyleNames
from ..writers.docx.sources import cover_paragraphs

SCHEMA = PROJECT_ROOT / "docs" / "content.schema.json"


def import_docx(path: Path, output: Path | None = None) -> str:
    """The content file (YAML) for the DOCX at `path`, to be written at
    `output` (for the path of the schema); raise ImportRefused."""
    name = str(path)
    problems = Problems(name)
    try:
        parts = read_docx(path)
    except NotADocx as exc:
        raise ImportRefused([_whole(problems, str(exc))]) from None
    if parts.sources is None:
        raise ImportRefused([_whole(problems, (
            "it carries no record of its content: import reads DOCX files that hemicycle "
            "made (this one was made by another program, or by an older hemicycle; build "
            "it again from its content file)"))])
    try:
        record = read_record(parts.sources)
    except RecordError as exc:
        raise ImportRefused([_whole(problems, str(exc))]) from None
    styles = StyleNames(parts.style_names)
    reader = ParagraphReader(styles)
    langs = (record.lead, "nl" if record.lead == "fr" else "fr")

    refusals(parts.document, Paragraphs(parts.document, reader).where, problems)
    if parts.footnotes is not None:
        refusals(parts.footnotes, Paragraphs(parts.footnotes, reader, "note paragraph").where,
                 problems)
    if parts.comments and not any("comment" in p.message for p in problems.found):
        problems.add(Where(), "it holds comments; content has no comments: resolve and delete "
                              "them (Review › Delete › Delete All Comments) and import again")
    _derived_cover_unchanged(parts, record, reader, problems)
    body = read_body(parts.document, styles, langs, problems)
    notes = read_notes(parts.footnotes, reader, langs, problems)
    doc = assemble(body, notes, record, bookmark_targets(parts.document),
                   carrying_bookmarks(parts.document), name, problems)
    if doc is None or problems:
        raise ImportRefused(problems.in_order())

    target = output if output is not None else Path.cwd() / "imported.yaml"
    schema = Path(os.path.relpath(SCHEMA, target.resolve().parent)).as_posix()
    text = emit_document(doc, schema, f"Imported from {path.name} by hemicycle import.")
    try:
        load_bytes(text.encode("utf-8"), name)
    except ContentError as exc:
        for p in exc.problems:
            problems.add(Where(), f"the imported content is not valid: {p.message}")
        raise ImportRefused(problems.found) from None
    return text


def _derived_cover_unchanged(parts, record, reader, problems: Problems) -> None:
    """The cover's number, date, authors… come from the metadata: an edit of
    them cannot be imported, and is not dropped without a word."""
    body = parts.document.find(f"{W}body")
    if record.cover is None or body is None:
        return
    where = Paragraphs(parts.document, reader).where
    shown = list(cover_paragraphs(body, parts.style_names))
    for i, (p, text) in enumerate(shown):
        if i >= len(record.cover) or text != record.cover[i]:
            problems.add(where(p), "this text of the cover is derived from the content's "
                                   "metadata (number, date, authors, session) and cannot be "
                                   "imported: restore it here, and change the metadata in the "
                                   "content file instead")
            return
    if len(shown) < len(record.cover):
        problems.add(Where(), "a text of the cover was deleted; the cover is derived from the "
                              "content's metadata: restore it, and change the metadata in the "
                              "content file instead")


def _whole(problems: Problems, message: str):
    problems.add(Where(), message)
    return problems.found[-1]
