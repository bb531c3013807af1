"""YAML content file → the bilingual document model.

Every problem of a file is collected, with its position, before giving up:
the caller gets either a numbered `Document` or one `ContentError` listing
them all. Nothing here knows about layout.
"""
from __future__ import annotations

import warnings
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from .spec import CONTENT
from ..errors import ContentError, Problem
from ..model import (Author, Considerant, Document, Footnote, Heading, Metadata, Paragraph,
                    Pos, Request, Resolution, Salutation, Signature)
from ..model.numbering import number_document
from .schema import Context, did_you_mean

MAX_FILE_BYTES = 16 * 1024 * 1024
_BLOCKS = {"paragraph": Paragraph, "heading": Heading, "salutation": Salutation,
           "signature": Signature}


def load_document(path: str | Path) -> Document:
    """Read, validate and number one content file, or raise ContentError."""
    path = Path(path)
    shown = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ContentError([Problem(Pos(shown, 1, 1), f"cannot read the file: {exc.strerror}")])
    return load_bytes(data, shown, source=path)


def load_bytes(data: bytes, shown: str, source: Path | None = None) -> Document:
    text = _decode(data, shown)
    ctx = Context(shown)
    root = _compose(text, ctx)
    _reject_anchors(root, ctx)
    if ctx.problems:
        raise ContentError(ctx.problems)
    here = Pos(shown, 1, 1)
    if not isinstance(root, MappingNode):
        raise ContentError([Problem(ctx.pos(root), "a content file is a mapping with "
                                    "document, developments, resolution and footnotes; "
                                    "see docs/content-format.md")])
    values, _ = CONTENT.convert_fields(root, ctx, here)
    if "footnotes" in values:  # absent when the section itself is misspelt
        _check_calls(ctx, values["footnotes"])
    if ctx.problems:
        raise ContentError(ctx.problems)
    return number_document(_build(values, source))


def _decode(data: bytes, shown: str) -> str:
    if len(data) > MAX_FILE_BYTES:
        raise ContentError([Problem(Pos(shown, 1, 1), f"the file is larger than "
                                    f"{MAX_FILE_BYTES // 2**20} MB; split the document")])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[:exc.start]
        line = before.count(b"\n") + 1
        col = len(before.rsplit(b"\n", 1)[-1].decode("utf-8", "replace")) + 1
        raise ContentError([Problem(Pos(shown, line, col),
                                    f"the file is not UTF-8 (byte 0x{data[exc.start]:02x}); "
                                    "save it as UTF-8")])
    text = text.removeprefix("\ufeff")  # editors on Windows add a byte-order mark
    if not text.strip() or all(not l.strip() or l.lstrip().startswith("#")
                               for l in text.splitlines()):
        raise ContentError([Problem(Pos(shown, 1, 1), "the file is empty: start from "
                                    "`hemicycle new` or docs/content-format.md")])
    return text


def _compose(text: str, ctx: Context) -> Node | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # e.g. a reused anchor: refused below anyway
            return YAML(typ="rt").compose(text)
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = (exc.problem or exc.context or "invalid YAML").strip()
        pos = Pos(ctx.path, mark.line + 1, mark.column + 1) if mark else Pos(ctx.path, 1, 1)
        ctx.error(pos, f"YAML syntax: {what}{_syntax_hint(what, text)}")
    except ReaderError as exc:  # a character YAML forbids, e.g. a control code
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        ctx.error(Pos(ctx.path, line, col), f"the character U+{exc.character:04X} is not "
                                            "allowed in YAML; remove it")
    except YAMLError as exc:
        ctx.error(Pos(ctx.path, 1, 1), f"YAML syntax: {exc}")
    return None


_SYNTAX_HINTS = {
    "mapping values are not allowed here":
        "; check the indentation of this line, put a text holding ': ' in quotes, "
        "or close a quote left open above",
    "but found another document":
        "; a content file holds one document: remove the '---' line",
    "found character '\\t' that cannot start any token": "; indent with spaces, not tabs",
    "found a tab character": "; indent with spaces, not tabs",
}


def _syntax_hint(what: str, text: str) -> str:
    for problem, hint in _SYNTAX_HINTS.items():
        if problem in what:
            return hint
    if "\t" in text and "tab" in what:
        return "; indent with spaces, not tabs"
    return ""


def _reject_anchors(root: Node | None, ctx: Context) -> None:
    """Anchors and aliases are not part of the format; refusing them also keeps
    alias bombs from being expanded."""
    stack, seen = [root] if root is not None else [], set()
    while stack:
        node = stack.pop()
        if id(node) in seen or getattr(node, "anchor", None):
            ctx.error(node, "anchors and aliases (&name, *name) are not allowed in content; "
                            "write the text out")
            return  # one is enough: the rest repeat it
        seen.add(id(node))
        if isinstance(node, MappingNode):
            children = [n for pair in node.value for n in pair]
        elif isinstance(node, SequenceNode):
            children = list(node.value)
        else:
            children = []
        stack.extend(reversed(children))  # depth-first, in document order


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
            ctx.error(pos, f"footnote '{note_id}' is defined but never called; call it "
                           f"with [^{note_id}] or remove it")


def _build(values: dict, source: Path | None) -> Document:
    d = values["document"]
    meta = Metadata(
        doctype=d["type"], legislature=d["legislature"], dossier=d["number"],
        subdocument=d["subdocument"], deposited=d["deposited"], lead=d["lead"],
        title=d["title"],
        authors=tuple(Author(a["name"], a["gender"], a["party"], a["_pos"])
                      for a in d["authors"]),
        and_others=d["and_others"], summary=d["summary"])
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
