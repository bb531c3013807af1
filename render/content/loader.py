"""YAML content file → the bilingual document model.

Every problem of a file is collected, with its position, before giving up:
the caller gets either a numbered `Document` or one `ContentError` listing
them all. Nothing here knows about layout.

A later sub-document of a dossier (a set of amendments, a text adopted)
reads the earlier ones it needs from its own folder, where the files of a
dossier stand side by side under the Chamber's names (`56K0589001.yaml`,
`56K0589002.yaml`, …); each is read once per load. An error in an earlier
file is reported as that file's, at its place in it, and the document that
names it says so where it names it.
"""
from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

from ruamel.yaml.nodes import MappingNode, ScalarNode

from .amendments import build_amendments
from .spec import CONTENTS, DOCTYPES, authors_of
from ..errors import ContentError, Problem, shown
from ..model import (Considerant, Document, Footnote, Heading, Metadata, Paragraph,
                    Pos, Request, Resolution, Salutation, Signature)
from ..model.consolidate import consolidate
from ..model.dossier import Adoption, AmendmentSet, Earlier, Stage
from ..model.locale import document_number, file_stem
from ..model.numbering import number_document
from .schema import Context, close_match, did_you_mean
from .source import decode, read_source
from .yamltree import compose

_BLOCKS = {"paragraph": Paragraph, "heading": Heading, "salutation": Salutation,
           "signature": Signature}


def load_document(path: str | Path) -> Document:
    """Read, validate and number one content file, or raise ContentError.
    The earlier sub-documents of its dossier are read from its folder."""
    path = Path(path)
    return Dossier(path.parent).load_file(path)


def load_bytes(data: bytes, name: str, source: Path | None = None,
               folder: Path | None = None) -> Document:
    """Validate and number the content `data`, reported as the file `name`;
    the earlier sub-documents of its dossier are read from `folder` (by
    default the folder of `source`, or of `name`)."""
    if folder is None:
        folder = Path(source).parent if source is not None else Path(name).parent
    return Dossier(Path(folder)).load(data, name, source)


class Dossier:
    """The content files of one folder, read at most once each."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.done: dict[str, Document | ContentError] = {}
        self.reading: list[str] = []   # the files being read, outermost first

    def path_of(self, legislature: int, number: int, subdocument: int) -> Path:
        return self.folder / f"{file_stem(legislature, number, subdocument)}.yaml"

    def load_file(self, path: Path, expected: tuple[int, int, int] | None = None) -> Document:
        key = os.path.realpath(path)
        if key in self.done:
            found = self.done[key]
            if isinstance(found, ContentError):
                raise found
            return found
        try:
            doc = self.load(read_source(path), str(path), path, expected)
        except ContentError as exc:
            self.done[key] = exc
            raise
        self.done[key] = doc
        return doc

    def load(self, data: bytes, name: str, source: Path | None = None,
             expected: tuple[int, int, int] | None = None) -> Document:
        text = decode(data, name)
        ctx = Context(name)
        root = compose(text, ctx)
        if root is None:
            raise ContentError(ctx.problems)
        if not isinstance(root, MappingNode):
            raise ContentError(ctx.problems + [Problem(
                ctx.pos(root), "a content file is a mapping with document, developments, "
                               "resolution and footnotes; see docs/content-format.md")])
        doctype = _doctype(root)
        values, _ = CONTENTS[doctype].convert_fields(root, ctx, Pos(name, 1, 1))
        if doctype == "resolution":
            _check_developments(root, values, ctx, Pos(name, 1, 1))
        if "footnotes" in values:  # absent when the section itself is misspelt
            _check_calls(ctx, values["footnotes"])
        if ctx.problems:
            raise ContentError(ctx.problems)
        d = values["document"]
        numbers = (d["legislature"], d["number"], d["subdocument"])
        if expected is not None and numbers != expected:
            raise ContentError([Problem(d["_at"]["subdocument"], (
                f"this file is read as {document_number(*expected)}, as its name says, "
                f"but it holds {document_number(*numbers)}: correct the number or rename "
                f"the file {file_stem(*numbers)}.yaml"))])
        key = os.path.realpath(source) if source is not None else None
        self.reading.append(key)
        try:
            reading = _Reading(self, ctx, d)
            doc = reading.build(doctype, values, source)
        finally:
            self.reading.pop()
        return doc


class _Reading:
    """One document being built: its errors, and those of the earlier files
    it reads."""

    def __init__(self, dossier: Dossier, ctx: Context, d: dict):
        self.dossier, self.ctx, self.d = dossier, ctx, d
        self.foreign: list[Problem] = []
        self.failed: set[int] = set()   # earlier sub-documents whose errors are reported
        self.read: dict[int, Document] = {}   # earlier sub-documents read, by number

    @property
    def numbers(self) -> tuple[int, int, int]:
        return self.d["legislature"], self.d["number"], self.d["subdocument"]

    def name(self, subdocument: int | None = None) -> str:
        legislature, number, own = self.numbers
        return document_number(legislature, number, own if subdocument is None else subdocument)

    def earlier(self, subdocument: int, pos: Pos, role: str) -> Document | None:
        """The earlier sub-document `subdocument` of the dossier, named at
        `pos` as `role` ("the base"); None, the reason reported, when it
        cannot be had."""
        legislature, number, own = self.numbers
        if subdocument >= own:
            which = "this document itself" if subdocument == own else "a later sub-document"
            self.ctx.error(pos, f"{role} must be an earlier sub-document than this one "
                                f"({self.name()}): {subdocument} is {which}")
            return None
        path = self.dossier.path_of(legislature, number, subdocument)
        if os.path.realpath(path) in self.dossier.reading:
            self.failed.add(subdocument)
            self.ctx.error(pos, f"{role} {self.name(subdocument)} would be read from {path}, "
                                f"the file being read, which holds {self.name()}: rename the "
                                f"file {file_stem(*self.numbers)}.yaml")
            return None
        if not path.exists():
            self.failed.add(subdocument)
            self.ctx.error(pos, f"{role} {self.name(subdocument)} is not in the dossier: "
                                f"{path} does not exist (the sub-documents of a dossier are "
                                "files side by side, named like the Chamber's: "
                                f"{file_stem(legislature, number, 1)}.yaml, "
                                f"{file_stem(legislature, number, 2)}.yaml, …)")
            return None
        try:
            return self.dossier.load_file(path, (legislature, number, subdocument))
        except ContentError as exc:
            self.foreign += exc.problems
            if subdocument not in self.failed:
                self.failed.add(subdocument)
                self.ctx.error(pos, f"{role} {self.name(subdocument)} has errors, reported "
                                    f"under its name ({path})")
            return None

    def history(self) -> tuple[Earlier, ...]:
        """Every earlier sub-document present in the folder, in order."""
        legislature, number, own = self.numbers
        entries = []
        for sub in range(1, own):
            if sub in self.failed or not self.dossier.path_of(legislature, number, sub).exists():
                continue
            doc = self.earlier(sub, self.d["_at"]["subdocument"], "the earlier sub-document")
            if doc is None:
                continue
            self.read[sub] = doc
            stage = (doc.amendments.stage if doc.amendments is not None else
                     doc.adoption.stage if doc.adoption is not None else None)
            entries.append(Earlier(sub, doc.meta.doctype, doc.meta.authors,
                                   doc.meta.and_others, doc.meta.deposited, stage))
        return tuple(entries)

    def base(self) -> Document | None:
        sub, pos = self.d["base"]
        doc = self.earlier(sub, pos, "the base")
        if doc is not None and doc.resolution is None:
            self.ctx.error(pos, f"the base {self.name(sub)} is a set of amendments: name the "
                                "text it amends, a proposal or a text adopted")
            return None
        return doc

    def stage(self, key: str) -> Stage:
        return Stage(self.d[key], self.d.get("committee"))

    def problems(self) -> list[Problem]:
        """This file's problems, then those of the earlier files it read."""
        return self.ctx.problems + [p for p in dict.fromkeys(self.foreign)
                                    if p not in self.ctx.problems]

    def finish(self, doc: Document) -> Document:
        problems = self.problems()
        if problems:
            raise ContentError(problems)
        return number_document(doc)

    def build(self, doctype: str, values: dict, source: Path | None) -> Document:
        if doctype == "amendments":
            return self.finish(self.amendments(values, source))
        if doctype == "adopted-text":
            return self.finish(self.adopted(source))
        doc = _resolution(values, source)
        history = self.history() if self.d["subdocument"] > 1 else ()
        return self.finish(Document(doc.meta, doc.developments, doc.resolution, doc.footnotes,
                                    source, history=history))

    def meta(self, doctype: str, base: Document | None, authors, and_others: bool) -> Metadata:
        d = self.d
        return Metadata(doctype=doctype, legislature=d["legislature"], dossier=d["number"],
                        subdocument=d["subdocument"], deposited=d["deposited"], lead=d["lead"],
                        title=base.meta.title if base is not None else None, authors=authors,
                        and_others=and_others, summary=None,
                        number_pos=d["_at"].get("number"))

    def amendments(self, values: dict, source: Path | None) -> Document:
        d = self.d
        base = self.base()
        history = self.history()
        sets = [self.read[e.subdocument] for e in history if e.doctype == "amendments"]
        amendments = build_amendments(values["amendments"], d, self.name(), base, sets,
                                      self.ctx)
        meta = self.meta("amendments", base, authors_of(d["authors"]), d["and_others"])
        return Document(meta, (), None, _footnotes(values), source, history=history,
                        amendments=AmendmentSet(d["base"][0], self.stage("tabled_in"),
                                                amendments))

    def adopted(self, source: Path | None) -> Document:
        d = self.d
        base = self.base()
        sets, named = [], {}
        for sub, pos in d["amendments"]:
            if sub in named:
                self.ctx.error(pos, f"the set {self.name(sub)} is named twice (first at line "
                                    f"{named[sub].line}); keep one")
                continue
            named[sub] = pos
            found = self.earlier(sub, pos, "the set of amendments")
            if found is None:
                continue
            if found.amendments is None:
                kind = "a text adopted" if found.adoption is not None else "a resolution"
                self.ctx.error(pos, f"{self.name(sub)} is {kind}, not a set of amendments")
            elif found.amendments.base != d["base"][0]:
                self.ctx.error(pos, f"the amendments of {self.name(sub)} amend "
                                    f"{self.name(found.amendments.base)}, not this text's "
                                    f"base {self.name(d['base'][0])}")
            else:
                sets.append(found)
        history = self.history()
        consolidated = None
        if base is not None and not self.ctx.problems and not self.foreign:
            try:
                consolidated = consolidate(base, sets, d["adopted"])
            except ContentError as exc:
                self.ctx.problems.extend(exc.problems)
        if consolidated is None:  # why is reported: there is no text to return
            raise ContentError(self.problems())
        meta = replace(self.meta("adopted-text", base, base.meta.authors,
                                 base.meta.and_others), title=consolidated.title)
        adoption = Adoption(self.stage("adopted_by"), d["base"][0],
                            tuple(s.meta.subdocument for s in sets),
                            tuple(n for n, _ in d["adopted"]),
                            d["_at"].get("adopted", d["_pos"]))
        return Document(meta, (), consolidated.resolution, consolidated.footnotes, source,
                        history=history, adoption=adoption)


def _doctype(root: MappingNode) -> str:
    """Which shape to read the file as: its `type:` (or the type it
    misspells), else what its sections say; a resolution by default. A
    wrong type is reported by the schema."""
    sections = set()
    for knode, vnode in root.value:
        if not isinstance(knode, ScalarNode):
            continue
        sections.add(knode.value)
        if knode.value == "document" and isinstance(vnode, MappingNode):
            for k2, v2 in vnode.value:
                if isinstance(k2, ScalarNode) and k2.value == "type" \
                        and isinstance(v2, ScalarNode):
                    if v2.value in DOCTYPES:
                        return v2.value
                    guess = close_match(v2.value, list(DOCTYPES))
                    if guess:
                        return guess
    if "amendments" in sections:
        return "amendments"
    return "resolution"


def _check_developments(root: MappingNode, values: dict, ctx: Context, where: Pos) -> None:
    """A proposal (/001) has développements; a later text written out as a
    resolution (a text adopted, by `hemicycle adopt`) may have none."""
    if values.get("developments") is not None:
        return
    document = values.get("document")
    if document is not None and "subdocument" in document and document["subdocument"] > 1:
        return
    keys = [k.value for k, _ in root.value if isinstance(k, ScalarNode)]
    if any(k != "developments" and close_match(k, ["developments"]) == "developments"
           and k not in CONTENTS["resolution"].fields for k in keys):
        return  # the misspelt key is reported already
    if "developments" not in keys:
        ctx.error(where, "'developments' is missing: add it")


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


def _footnotes(values: dict) -> dict[str, Footnote]:
    return {note_id: Footnote(note_id, pair)
            for note_id, (_, pair) in values["footnotes"].items()}


def _resolution(values: dict, source: Path | None) -> Document:
    d = values["document"]
    meta = Metadata(
        doctype=d["type"], legislature=d["legislature"], dossier=d["number"],
        subdocument=d["subdocument"], deposited=d["deposited"], lead=d["lead"],
        title=d["title"],
        authors=authors_of(d["authors"]),
        and_others=d["and_others"], summary=d["summary"],
        number_pos=d["_at"].get("number"))
    developments = tuple(_BLOCKS[kind](pair) for kind, pair in values["developments"] or ())
    r = values["resolution"]
    resolution = Resolution(
        opening=r["opening"],
        considerants=tuple(Considerant(pair) for pair in r["considerants"]),
        requests=tuple(_request(q, 1) for q in r["requests"]))
    footnotes = _footnotes(values)
    return Document(meta, developments, resolution, footnotes, source)


def _request(q: dict, depth: int) -> Request:
    return Request(lead=q["lead"], text=q["text"],
                   children=tuple(_request(c, depth + 1) for c in q["requests"]),
                   pos=q["_pos"], depth=depth)
