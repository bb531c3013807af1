"""hemicycle's record of the content in a DOCX (render.writers.docx.sources),
read back: the metadata, and each item's and note's texts as written."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from lxml import etree

from ..writers.docx.sources import NS, VERSION

_N = f"{{{NS}}}"


@dataclass(frozen=True)
class RecordedPair:
    texts: dict[str, str]                   # language → the text as written
    same: bool
    accepted: tuple[tuple[str, str], ...]   # (finding, reason)


@dataclass(frozen=True)
class RecordedItem:
    kind: str
    depth: int
    lead: RecordedPair | None
    text: RecordedPair | None


@dataclass(frozen=True)
class RecordedNote:
    id: str
    call: str                               # the bookmark around the call that carries it
    text: RecordedPair


@dataclass
class Record:
    doctype: str
    legislature: int
    number: int
    subdocument: int
    deposited: date
    lead: str
    and_others: bool
    authors: list[tuple[str, str, str]]     # (name, gender, party)
    title: RecordedPair | None
    summary: RecordedPair | None
    items: list[RecordedItem] = field(default_factory=list)
    notes: list[RecordedNote] = field(default_factory=list)
    cover: list[str] | None = None          # the derived texts of the cover, as built


class RecordError(Exception):
    pass


# The later sub-documents of a dossier, which import does not read (yet):
# their DOCX records them (render.writers.docx.sources), for a later import.
LATER_SUBDOCUMENTS = {"amendments": "a set of amendments", "adopted-text": "a text adopted"}


def _pair(e: etree._Element | None) -> RecordedPair | None:
    if e is None:
        return None
    return RecordedPair({lang: e.findtext(f"{_N}{lang}") or "" for lang in ("fr", "nl")},
                        e.get("same") == "true",
                        tuple((a.get("finding", ""), a.get("reason", ""))
                              for a in e.iterfind(f"{_N}accepted")))


def read_record(root: etree._Element) -> Record:
    if root.get("version") != VERSION:
        raise RecordError(f"its record of the content is of version {root.get('version')}, "
                          f"which this hemicycle does not read (it reads {VERSION})")
    d = root.find(f"{_N}document")
    if d is None:
        raise RecordError("its record of the content has no document metadata")
    try:
        record = Record(
            doctype=d.get("type", ""), legislature=int(d.get("legislature", "")),
            number=int(d.get("number", "")), subdocument=int(d.get("subdocument", "")),
            deposited=date.fromisoformat(d.get("deposited", "")), lead=d.get("lead", ""),
            and_others=d.get("and_others") == "true",
            authors=[(a.get("name", ""), a.get("gender", ""), a.get("party", ""))
                     for a in d.iterfind(f"{_N}author")],
            title=_pair(d.find(f"{_N}title")), summary=_pair(d.find(f"{_N}summary")))
    except ValueError as exc:
        raise RecordError(f"its record of the content is damaged ({exc})") from None
    if record.lead not in ("fr", "nl"):
        raise RecordError("its record of the content names no lead language")
    if record.doctype in LATER_SUBDOCUMENTS:
        raise RecordError(f"it is {LATER_SUBDOCUMENTS[record.doctype]} (type: {record.doctype}): "
                          "import reads proposals only; edit its content file and build it again")
    for e in root.iterfind(f"{_N}item"):
        depth = e.get("depth", "1")
        record.items.append(RecordedItem(e.get("kind", ""), int(depth) if depth.isdigit() else 1,
                                         _pair(e.find(f"{_N}lead")), _pair(e.find(f"{_N}text"))))
    cover = root.find(f"{_N}cover")
    if cover is not None:
        record.cover = [line.text or "" for line in cover.iterfind(f"{_N}line")]
    for e in root.iterfind(f"{_N}note"):
        text = _pair(e.find(f"{_N}text"))
        if text is not None:
            record.notes.append(RecordedNote(e.get("id", ""), e.get("call", ""), text))
    return record
