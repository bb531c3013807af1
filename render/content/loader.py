"""YAML content file → the bilingual document model.

Every problem of a file is collected, with its position, before giving up:
the caller gets either a numbered `Document` or one `ContentError` listing
them all. Nothing here knows about layout.
"""
from __future__ import annotations

from pathlib import Path

from ruamel.yaml.nodes import MappingNode

from .spec import CONTENT
from ..errors import ContentError, Problem, shown
from ..model import (Author, Considerant, Document, Footnote, Heading, Metadata, Paragraph,
                    Pos, Request, Resolution, Salutation, Signature)
from ..model.numbering import number_document
from .schema import Context, did_you_mean
from .source import decode, read_source
from .yamltree import compose

_BLOCKS = {"paragraph": Paragraph, "heading": Heading, "salutation": Salutation,
           "signature": Signature}


def load_document(path: str | Path) -> Document:
    """Read, validate and number one content file, or raise ContentError."""
    path = Path(path)
    return load_bytes(read_source(path), str(path), source=path)


def load_bytes(data: bytes, name: str, source: Path | None = None) -> Document:
    """Validate and number the content `data`, reported as the file `name`."""
    text = decode(data, name)
    ctx = Context(name)
    root = compose(text, ctx)
    if root is None:
        raise ContentError(ctx.problems)
    if not isinstance(root, MappingNode):
        raise ContentError(ctx.problems + [Problem(
            ctx.pos(root), "a content file is a mapping with document, developments, "
                           "resolution and footnotes; see docs/content-format.md")])
    values, _ = CONTENT.convert_fields(root, ctx, Pos(name, 1, 1))
    if "footnotes" in values:  # absent when the section itself is misspelt
        _check_calls(ctx, values["footnotes"])
    if ctx.problems:
        raise ContentError(ctx.problems)
    return number_document(_build(values, source))


def _check_calls(ctx: Context, footnotes: dict) -> None:
    problems_before_calls = bool(ctx.problems)
    reported = set()
    for note_id, pos in ctx.calls:
        if note_id not in footnotes and (note_id, pos) not in reported:
            reported.add((note_id, pos))
            ctx.error(pos, f"footnote [^{note_id}] is called but not defined"
                           f"{did_you_mean(note_id, list(footnotes))}; define it under "
                           "`footnotes:`")
    if problems_before_calls:
        return  # calls inside invalid texts are unknown: "never called" could be wrong
    called = {note_id for note_id, _ in ctx.calls}
    for note_id, (pos, _) in footnotes.items():
        if note_id not in called:
            ctx.error(pos, f"footnote {shown(note_id)} is defined but never called; call it "
                           f"with [^{note_id}] or remove it")


def _build(values: dict, source: Path | None) -> Document:
    d = values["document"]
    meta = Metadata(
        doctype=d["type"], legislature=d["legislature"], dossier=d["number"],
        subdocument=d["subdocument"], deposited=d["deposited"], lead=d["lead"],
        title=d["title"],
        authors=tuple(Author(a["name"], a["gender"], a["party"], a["_pos"])
                      for a in d["authors"]),
        and_others=d["and_others"], summary=d["summary"],
        number_pos=d["_at"].get("number"))
    developments = tuple(_BLOCKS[kind](pair) for kind, pair in values["developments"])
    r = values["resolution"]
    resolution = Resolution(
        opening=r["opening"],
        considerants=tuple(Considerant(pair) for pair in r["considerants"]),
        requests=tuple(_request(q, 1) for q in r["requests"]))
    footnotes = {note_id: Footnote(note_id, pair)
                 for note_id, (_, pair) in values["footnotes"].items()}
    return Document(meta, developments, resolution, footnotes, source)


def _request(q: dict, depth: int) -> Request:
    return Request(lead=q["lead"], text=q["text"],
                   children=tuple(_request(c, depth + 1) for c in q["requests"]),
                   pos=q["_pos"], depth=depth)
