"""The items and notes read from the DOCX, made into the document model.

Each text is taken as the DOCX recorded it (render.writers.docx.sources)
where the page still shows exactly what that text gives once typeset;
otherwise, where a clerk changed it, it is read from the page and its
typesetting undone. Items are matched to the recorded ones in order, by
their kind and words (difflib), so that an item keeps its recorded texts,
`both`, and accepted findings however many rows were added or deleted
around it; a row added anywhere is a new item, a deleted row is gone.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass

from ..content.inline import markup, parse_inline, tidy_parts
from ..layout.rows import Sup, typeset
from ..model import (
    LANG_NAMES,
    Accepted,
    Author,
    Considerant,
    Document,
    Emph,
    Footnote,
    Heading,
    Metadata,
    NoteRef,
    Pair,
    Paragraph,
    Pos,
    Request,
    Resolution,
    Salutation,
    Signature,
    Str,
    Text,
)
from ..model.numbering import number_document
from .body import Body, Join
from .notes import RawNote
from .problems import Problems, Where
from .recorded import Record, RecordedItem, RecordedPair
from .runs import CallTo, NumberMark, Piece
from .untypeset import untypeset

_BLOCKS = {"paragraph": Paragraph, "heading": Heading, "salutation": Salutation,
           "signature": Signature}
_DEVELOPMENTS = set(_BLOCKS)
_JOIN = object()


# --- the texts as the page shows them ------------------------------------------------

def _flat(parts: Iterable) -> list:
    """Parts as comparable units: (character, emphasised) or a call's note id."""
    out: list = []
    for p in parts:
        if isinstance(p, NoteRef):
            out.append(("call", p.id))
        elif p is _JOIN:
            out.append(_JOIN)
        else:
            out.extend((ch, isinstance(p, Emph)) for ch in p.text)
    return out


def _shows(recorded: list, shown: list) -> bool:
    """Whether the page shows the recorded text: the same units, except
    that where rows were joined, the recorded text has any white space."""
    i = 0
    for unit in shown:
        if unit is _JOIN:
            start = i
            while i < len(recorded) and isinstance(recorded[i][0], str) \
                    and len(recorded[i][0]) == 1 and recorded[i][0].isspace():
                i += 1
            if i == start:
                return False
            continue
        if i >= len(recorded) or recorded[i] != unit:
            return False
        i += 1
    return i == len(recorded)


def _strip(parts: list) -> list:
    """Without the white space at the ends (a text is one trimmed paragraph)."""
    parts = list(parts)
    while parts and isinstance(parts[0], (Str, Emph)) and not parts[0].text.strip():
        parts.pop(0)
    while parts and isinstance(parts[-1], (Str, Emph)) and not parts[-1].text.strip():
        parts.pop()
    if parts and isinstance(parts[0], (Str, Emph)):
        parts[0] = type(parts[0])(parts[0].text.lstrip())
    if parts and isinstance(parts[-1], (Str, Emph)):
        parts[-1] = type(parts[-1])(parts[-1].text.rstrip())
    return parts


class _Texts:
    """Tokens of the page → the parts of a text, calls named by note id."""

    def __init__(self, note_ids: dict[str, str], targets: dict[str, str], problems: Problems):
        self.note_ids, self.targets, self.problems = note_ids, targets, problems
        self.called: dict[str, dict[str, Where]] = {}     # footnote → language → first call

    def shown(self, tokens: list, lang: str, where: Where) -> list:
        """The page's parts: Str/Emph (raised runs joined), NoteRef, and _JOIN."""
        out: list = []
        for t in tokens:
            if isinstance(t, Piece):
                if out and isinstance(out[-1], (Str, Emph)) and \
                        isinstance(out[-1], Emph) == t.emph:
                    out[-1] = type(out[-1])(out[-1].text + t.text)
                else:
                    out.append(Emph(t.text) if t.emph else Str(t.text))
            elif isinstance(t, CallTo):
                fid = t.footnote if t.footnote is not None else self.targets.get(t.bookmark or "")
                if fid is None or fid not in self.note_ids:
                    self.problems.add(where, "a call to a note that is no longer in the document "
                                             f"({t.bookmark or 'footnote ' + str(t.footnote)}); "
                                             "delete the call or insert the cross-reference again")
                    continue
                self.called.setdefault(fid, {}).setdefault(lang, where)
                out.append(NoteRef(self.note_ids[fid]))
            elif isinstance(t, Join):
                out.append(_JOIN)
            elif isinstance(t, NumberMark):
                continue
        return _strip(out)


def _from_page(shown: list, lang: str, signature: bool) -> Text:
    """A text read from the page: rows joined by a space, typesetting undone."""
    parts: list = []
    for i, p in enumerate(shown):
        if p is _JOIN:
            before = shown[i - 1] if i else None
            after = shown[i + 1] if i + 1 < len(shown) else None
            both = isinstance(before, Emph) and isinstance(after, Emph)
            parts.append(Emph(" ") if both else Str(" "))
        elif isinstance(p, (Str, Emph)):
            parts.append(type(p)(untypeset(p.text, lang, signature)))
        else:
            parts.append(p)
    merged = _merged(parts)
    written = markup(merged)
    if tuple(_merged(parse_inline(written).parts)) != tuple(merged):
        merged = list(tidy_parts(merged))
        written = markup(merged)
    return parse_inline(written)


def _merged(parts: list) -> list:
    out: list = []
    for p in parts:
        if out and isinstance(p, (Str, Emph)) and type(p) is type(out[-1]):
            out[-1] = type(p)(out[-1].text + p.text)
        elif not isinstance(p, (Str, Emph)) or p.text:
            out.append(p)
    return out


def _recorded_shown(source: str, lang: str, signature: bool, typeset_it: bool) -> list:
    parts = parse_inline(source).parts
    if typeset_it:
        parts = tuple(Str(p.text) if isinstance(p, Sup) else p
                      for p in typeset(parts, lang, signature))
    return _flat(parts)


@dataclass
class _Field:
    """One field of an item (a lead verb, a text) as the page shows it."""

    shown: dict[str, list]          # language → parts
    signature: bool = False


def _text(field: _Field, lang: str, recorded: RecordedPair | None, typeset_it: bool) -> tuple:
    """The text, and whether it is the recorded one."""
    if recorded is not None:
        source = recorded.texts[lang]
        if _shows(_recorded_shown(source, lang, field.signature, typeset_it),
                  _flat(field.shown[lang])):
            return parse_inline(source), True
    return _from_page(field.shown[lang], lang, field.signature), False


def _pair(field: _Field, recorded: RecordedPair | None, pos: Pos, typeset_it: bool = True
          ) -> Pair:
    texts, kept = {}, []
    for lang in ("fr", "nl"):
        texts[lang], was = _text(field, lang, recorded, typeset_it)
        kept.append(was)
    if recorded is not None and all(kept):
        same = recorded.same
    else:   # a pair changed in Word: given once when the two texts are the same
        same = _merged(list(texts["fr"].parts)) == _merged(list(texts["nl"].parts))
    accepted = tuple(Accepted(f, r, pos) for f, r in recorded.accepted) if recorded else ()
    return Pair(texts["fr"], texts["nl"], pos, same, accepted)


# --- matching items to the record ---------------------------------------------------------

def _key_text(parts: Iterable) -> str:
    out = []
    for p in parts:
        if isinstance(p, NoteRef):
            out.append(f"[^{p.id}]")
        elif isinstance(p, (Str, Emph)):
            out.append(p.text)
    return re.sub(r"\s+", "", "".join(out)).replace("\u2011", "-")


def _recorded_key(item: RecordedItem) -> tuple:
    words = tuple(_key_text(parse_inline(p.texts[lang]).parts)
                  for p in (item.lead, item.text) if p is not None for lang in ("fr", "nl"))
    return (item.kind, item.depth, "".join(words))


def _shown_key(kind: str, depth: int, fields: list[_Field]) -> tuple:
    words = tuple(_key_text(p for p in f.shown[lang] if p is not _JOIN)
                  for f in fields for lang in ("fr", "nl"))
    return (kind, depth, "".join(words))


def _match(recorded: list, shown: list) -> dict[int, int]:
    """Shown item index → recorded item index: equal runs, and items edited in
    place (a run replaced by as many items of the same kinds)."""
    matcher = difflib.SequenceMatcher(None, recorded, shown, autojunk=False)
    out = {}
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal" or op == "replace":
            for k in range(min(i2 - i1, j2 - j1)):
                if recorded[i1 + k][:2] == shown[j1 + k][:2]:
                    out[j1 + k] = i1 + k
    return out


# --- the document -----------------------------------------------------------------------

def assemble(body: Body, notes: dict[str, RawNote], record: Record, targets: dict[str, str],
             carrying: dict[str, list[str]], name: str, problems: Problems) -> Document | None:
    pos = Pos(name, 1, 1)
    lead = record.lead
    langs = (lead, "nl" if lead == "fr" else "fr")

    # notes: known by the bookmark around their carrying call, else new
    by_call = {n.call: n for n in record.notes}
    recorded_notes, note_ids = {}, {}
    taken = {n.id for n in record.notes}
    for fid in notes:
        found = next((by_call[b] for b in carrying.get(fid, []) if b in by_call), None)
        if found is not None and found.id not in note_ids.values():
            recorded_notes[fid], note_ids[fid] = found, found.id
    counter = 0
    for fid in notes:
        if fid not in note_ids:
            counter += 1
            while f"note-{counter}" in taken:
                counter += 1
            note_ids[fid] = f"note-{counter}"
            taken.add(note_ids[fid])
    texts = _Texts(note_ids, targets, problems)

    # items
    fields_of: list[list[_Field]] = []
    for item in body.items:
        verb = _Field({lang: texts.shown(item.sides[lang].verb, lang, item.where)
                       for lang in langs})
        text = _Field({lang: texts.shown(item.sides[lang].text, lang, item.where)
                       for lang in langs}, signature=item.kind == "signature")
        fields_of.append([verb, text])
    shown_keys = [_shown_key(item.kind, item.depth,
                             [f for f in fields if any(f.shown[lang] for lang in langs)])
                  for item, fields in zip(body.items, fields_of)]
    matched = _match([_recorded_key(r) for r in record.items], shown_keys)

    developments, openings, considerants, requests = [], [], [], []
    stack: list[tuple[int, dict]] = []
    for index, (item, (verb, text)) in enumerate(zip(body.items, fields_of)):
        rec = record.items[matched[index]] if index in matched else None
        has_verb = {lang: bool(verb.shown[lang]) for lang in langs}
        has_text = {lang: bool(text.shown[lang]) for lang in langs}
        for what, has in (("lead verb", has_verb), ("text", has_text)):
            if len(set(has.values())) > 1:
                missing = next(lang for lang in langs if not has[lang])
                problems.add(item.where, f"this row has a {what} in one language only: the "
                                         f"{LANG_NAMES[missing]} {what} is missing")
        if item.kind in _DEVELOPMENTS:
            if openings or considerants or requests:
                problems.add(item.where, "a row of the développements stands in the resolution; "
                                         "move it up, or give it a style of the resolution")
            developments.append(_BLOCKS[item.kind](_pair(text, rec.text if rec else None, pos)))
        elif item.kind == "opening":
            if considerants or requests:
                problems.add(item.where, "the opening stands after considerants or requests")
            openings.append((item, _pair(text, rec.text if rec else None, pos)))
        elif item.kind == "considerant":
            if requests:
                problems.add(item.where, "a considerant stands after the requests: considerants "
                                         "come before them (or give this row a Request style)")
            considerants.append(Considerant(_pair(text, rec.text if rec else None, pos)))
        elif item.kind == "request":
            lead_pair = (_pair(verb, rec.lead if rec else None, pos)
                         if any(has_verb.values()) else None)
            text_pair = (_pair(text, rec.text if rec else None, pos)
                         if any(has_text.values()) else None)
            node = {"lead": lead_pair, "text": text_pair, "children": []}
            parent_depth = stack[-1][0] if stack else 0
            if item.depth > parent_depth + 1:
                problems.add(item.where, f"a request of level {item.depth} follows one of level "
                                         f"{parent_depth or 'none'}: a level may go at most one "
                                         f"deeper; give it the style Request {parent_depth + 1}")
            while stack and stack[-1][0] >= item.depth:
                stack.pop()
            (stack[-1][1]["children"] if stack else requests).append(node)
            stack.append((item.depth, node))
    if len(openings) != 1:
        problems.add(openings[1][0].where if len(openings) > 1 else body.developments_at or Where(),
                     "the resolution has no opening row (La Chambre des représentants,)"
                     if not openings else "the resolution has more than one opening row")
    _check_pairing(texts, notes, langs, problems)
    if problems:
        return None

    # notes, in the order of the page
    footnotes = {}
    for fid, raw in notes.items():
        if fid not in texts.called:
            continue   # its call was deleted (Word deletes the note with it)
        field = _Field({lang: texts.shown(raw.sides[lang], lang, raw.where) for lang in langs})
        rec = recorded_notes.get(fid)
        footnotes[note_ids[fid]] = Footnote(note_ids[fid], _pair(field, rec.text if rec else None,
                                                                 pos))

    title = summary = None
    if body.title is not None:
        field = _Field({lang: texts.shown(body.title[lang], lang, Where()) for lang in langs})
        title = _pair(field, record.title, pos, typeset_it=False)
    else:
        problems.add(Where(), "the cover has no title row (style Cover Title): it is needed")
    if body.summary is not None:
        field = _Field({lang: texts.shown(body.summary[lang], lang, Where()) for lang in langs})
        summary = _pair(field, record.summary, pos, typeset_it=False)
    if problems:
        return None

    meta = Metadata(doctype=record.doctype, legislature=record.legislature,
                    dossier=record.number, subdocument=record.subdocument,
                    deposited=record.deposited, lead=lead, title=title,
                    authors=tuple(Author(n, g, p, pos) for n, g, p in record.authors),
                    and_others=record.and_others, summary=summary)
    resolution = Resolution(openings[0][1], tuple(considerants), tuple(_requests(requests, pos)))
    return number_document(Document(meta, tuple(developments), resolution, footnotes))


def _requests(nodes: list[dict], pos: Pos, depth: int = 1) -> list[Request]:
    return [Request(n["lead"], n["text"], tuple(_requests(n["children"], pos, depth + 1)), pos,
                    depth=depth) for n in nodes]


def _check_pairing(texts: _Texts, notes: dict[str, RawNote], langs, problems: Problems) -> None:
    for fid, called in texts.called.items():
        for lang in langs:
            if lang not in called:
                other = next(iter(called))
                raw = notes.get(fid)
                problems.add(called[other],
                              f"{raw.where.what if raw else 'a note'} is called in the "
                              f"{LANG_NAMES[other]} column only: call it in the "
                              f"{LANG_NAMES[lang]} column too (README, “Adding a paired note”, "
                              "step 3), or delete the call")
