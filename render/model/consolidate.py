"""A text adopted: the base resolution with the amendments adopted applied.

`consolidate(base, sets, adopted)` takes the base document (numbered, as
deposited), the sets of amendments drawn on and the numbers adopted (each
with where it is written), and gives the text adopted: its title, its
resolution (not yet numbered: `numbering.number_document` re-letters and
renumbers it, inserted items simply becoming items) and its footnotes. Every
conflict is a Problem at the `adopted:` entry that causes it, all of them
collected before ContentError is raised.

Also here, because sets of amendments are checked against the same labels:
`find_target` (the item a target names, or what exists instead) and
`AmendmentLabels` (`Cbis`, `4.2ter`: the label an inserted item bears).

Nothing here reads YAML; texts are spliced in their inline markup
(`Text.source`), which is read back with `content.inline`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from ..errors import ContentError, Problem, shown
from .document import (LANG_NAMES, LANGS, Considerant, Document, Footnote, NoteRef, Pair, Pos,
                       Request, Resolution, Text)
from .dossier import Amendment, Target
from .locale import document_number

# Latin adverbs of the Chamber's inserted items: 4bis, 4ter, 4quater …
SUFFIXES = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies",
            "decies", "undecies", "duodecies", "terdecies", "quaterdecies", "quindecies")


def suffix(n: int) -> str:
    """The n-th (1-based) insertion's suffix: bis, ter, quater …"""
    if n <= len(SUFFIXES):
        return SUFFIXES[n - 1]
    return f"-{n + 1}"  # beyond quindecies the Chamber would renumber; stay unique


def plain_label(label: str) -> str:
    """A request's label without its final dot: `4.4.1.` → `4.4.1`."""
    return label.rstrip(".")


def target_name(target: Target) -> str:
    """`considerant C`, `request 4.4.1`, `the title`."""
    return "the title" if target.kind == "title" else f"{target.kind} {target.label}"


# --- finding a target in the base -----------------------------------------------

@dataclass(frozen=True)
class Found:
    """The item a target names in the base, and where it stands."""

    kind: str
    label: str                         # without final dot; "" for the title
    item: Considerant | Request | None  # None for the title
    siblings: tuple                    # the list it stands in (considerants, or requests)
    index: int

    def pairs(self, title: Pair) -> dict[str, Pair]:
        """The texts of the item by field: `text`, and a request's `lead`."""
        if self.kind == "title":
            return {"text": title}
        if self.kind == "considerant":
            return {"text": self.item.text}
        return {k: p for k, p in (("lead", self.item.lead), ("text", self.item.text))
                if p is not None}


def _range(labels: list[str]) -> str:
    if len(labels) == 1:
        return f"is {labels[0]}"
    return f"run {labels[0]} to {labels[-1]}"


def find_target(doc: Document, target: Target) -> Found | str:
    """The item `target` names in `doc` (numbered), or a message saying it
    does not exist and what does."""
    where = document_number(doc.meta.legislature, doc.meta.dossier, doc.meta.subdocument)
    res = doc.resolution
    if target.kind == "title":
        return Found("title", "", None, (), 0)
    if target.kind == "considerant":
        labels = [c.label for c in res.considerants]
        if target.label in labels:
            i = labels.index(target.label)
            return Found("considerant", target.label, res.considerants[i], res.considerants, i)
        if not labels:
            return f"considerant {target.label} does not exist: {where} has no considerants"
        return (f"considerant {target.label} does not exist in {where}: its considerants "
                f"{_range(labels)}")
    siblings, parent = res.requests, None
    path = target.label.split(".")
    for depth in range(1, len(path) + 1):
        label = ".".join(path[:depth])
        labels = [plain_label(r.label) for r in siblings]
        if label not in labels:
            if parent is None:
                return (f"request {target.label} does not exist in {where}: its requests "
                        f"{_range(labels)}")
            if not labels:
                return (f"request {target.label} does not exist in {where}: request "
                        f"{plain_label(parent.label)} has no sub-requests")
            return (f"request {target.label} does not exist in {where}: the sub-requests "
                    f"of request {plain_label(parent.label)} {_range(labels)}")
        i = labels.index(label)
        if depth == len(path):
            return Found("request", label, siblings[i], siblings, i)
        parent, siblings = siblings[i], siblings[i].children
    raise AssertionError("unreachable")


class AmendmentLabels:
    """The label each amendment's new item bears, within one set: replace →
    the item's own (`C`); insert-after X → `Xbis`, then `Xter` … as more
    inserts follow X; insert-before X → the preceding item's label with the
    next suffix, or "" before the first item (`before considerant A`);
    title, delete and replace-words → ""."""

    def __init__(self):
        self.count: dict[tuple[str, str], int] = {}

    def label(self, action: str, found: Found) -> str:
        if found.kind == "title" or action in ("delete", "replace-words"):
            return ""
        if action == "replace":
            return found.label
        if action == "insert-after":
            anchor = found.label
        elif found.index == 0:
            return ""
        else:
            before = found.siblings[found.index - 1]
            anchor = before.label if found.kind == "considerant" else plain_label(before.label)
        key = (found.kind, anchor)
        self.count[key] = self.count.get(key, 0) + 1
        return anchor + suffix(self.count[key])


def occurrences(words: str, text: str) -> list[int]:
    """Where `words` start in `text`, overlapping occurrences included."""
    found, at = [], text.find(words)
    while at >= 0 and words:
        found.append(at)
        at = text.find(words, at + 1)
    return found


# --- texts --------------------------------------------------------------------------

def _parse(source: str) -> Text:
    from ..content.inline import parse_inline  # the markup of Text.source
    return parse_inline(source)


def _markup(parts) -> str:
    from ..content.inline import markup
    return markup(parts)


def renamed(pair: Pair | None, ids: dict[str, str]) -> Pair | None:
    """`pair` with its footnote calls renamed by `ids` (those not in it kept)."""
    if pair is None or not any(ids.get(n, n) != n for lang in LANGS for n in pair[lang].note_ids):
        return pair

    def one(text: Text) -> Text:
        parts = tuple(NoteRef(ids.get(p.id, p.id)) if isinstance(p, NoteRef) else p
                      for p in text.parts)
        return Text(parts, _markup(parts))
    return Pair(one(pair.fr), one(pair.nl), pair.pos, pair.same, pair.accepted)


def _same_note(a: Pair, b: Pair) -> bool:
    return a.fr.source == b.fr.source and a.nl.source == b.nl.source


# --- the text being amended ------------------------------------------------------------

@dataclass(eq=False)
class _Slot:
    """An item of the text while the amendments adopted are applied: an item
    of the base (with its label as deposited) or one inserted (label "")."""

    kind: str
    label: str
    texts: dict[str, Pair]            # "lead", "text"
    pos: Pos | None = None
    parent: "_Slot | None" = None
    children: list["_Slot"] = field(default_factory=list)
    deleted_by: int | None = None
    replaced_by: int | None = None
    words: list[tuple[int, str, str, int, int, Pair]] = field(default_factory=list)
    #          (number, field, lang, start, end, by)
    after: int = 0                    # items inserted after this one so far

    @property
    def name(self) -> str:
        return "the title" if self.kind == "title" else f"{self.kind} {self.label}"

    def gone(self) -> tuple["_Slot", int] | None:
        """The slot deleted (this one or a request above it) and by which amendment."""
        slot = self
        while slot is not None:
            if slot.deleted_by is not None:
                return slot, slot.deleted_by
            slot = slot.parent
        return None

    def changed_by(self) -> int | None:
        return self.replaced_by if self.replaced_by is not None else (
            self.words[0][0] if self.words else None)


@dataclass(frozen=True)
class Consolidated:
    title: Pair
    resolution: Resolution            # not numbered: number_document does it
    footnotes: dict[str, Footnote]    # the notes the text calls (numbers 0)


class _Text:
    """The base as slots, indexed by label."""

    def __init__(self, base: Document):
        res = base.resolution
        self.opening = res.opening
        self.title = _Slot("title", "", {"text": base.meta.title})
        self.considerants = [_Slot("considerant", c.label, {"text": c.text})
                             for c in res.considerants]
        self.requests = self._requests(res.requests, None)
        self.index: dict[tuple[str, str], _Slot] = {("title", ""): self.title}
        for s in self.considerants:
            self.index[("considerant", s.label)] = s
        stack = list(self.requests)
        while stack:
            s = stack.pop()
            self.index[("request", s.label)] = s
            stack.extend(s.children)

    def _requests(self, requests, parent) -> list[_Slot]:
        slots = []
        for r in requests:
            s = _Slot("request", plain_label(r.label),
                      {k: p for k, p in (("lead", r.lead), ("text", r.text)) if p is not None},
                      r.pos, parent)
            s.children = self._requests(r.children, s)
            slots.append(s)
        return slots

    def siblings(self, slot: _Slot) -> list[_Slot]:
        if slot.kind == "considerant":
            return self.considerants
        return slot.parent.children if slot.parent is not None else self.requests


def _final(slot: _Slot, key: str) -> Pair | None:
    """A text of the slot with the words replaced in it."""
    pair = slot.texts.get(key)
    changes = [w for w in slot.words if w[1] == key]
    if pair is None or not changes:
        return pair
    texts = {}
    for lang in LANGS:
        source = pair[lang].source
        for _, _, _, start, end, by in sorted((w for w in changes if w[2] == lang),
                                              key=lambda w: -w[3]):
            source = source[:start] + by[lang].source + source[end:]
        texts[lang] = _parse(source)
    same = pair.same and all(w[5].same for w in changes)
    return Pair(texts["fr"], texts["nl"], pair.pos, same, pair.accepted)


def _build(slots: list[_Slot]) -> tuple[Request, ...]:
    return tuple(Request(lead=_final(s, "lead"), text=_final(s, "text"),
                         children=_build(s.children), pos=s.pos)
                 for s in slots if s.deleted_by is None)


# --- applying the amendments -----------------------------------------------------------

class _Consolidation:
    def __init__(self, base: Document, sets: Sequence[Document]):
        self.base = base
        self.where = document_number(base.meta.legislature, base.meta.dossier,
                                     base.meta.subdocument)
        self.text = _Text(base)
        self.problems: list[Problem] = []
        self.amendments: dict[int, tuple[Amendment, Document]] = {}
        for s in sets:
            for a in s.amendments.amendments:
                self.amendments.setdefault(a.number, (a, s))
        self.sets = sets
        # Footnote ids: the base's are kept; a set's note takes its own id
        # unless the base (or an earlier set) uses it for another note.
        self.notes: dict[str, Pair] = {nid: n.text for nid, n in base.footnotes.items()}
        self.ids: dict[tuple[int, str], str] = {}

    def error(self, pos: Pos, message: str) -> None:
        self.problems.append(Problem(pos, message))

    def note_ids(self, set_doc: Document) -> dict[str, str]:
        sub = set_doc.meta.subdocument
        out = {}
        for nid, note in set_doc.footnotes.items():
            key = (sub, nid)
            if key not in self.ids:
                new = nid
                if nid in self.notes and not _same_note(self.notes[nid], note.text):
                    new, k = f"{nid}-{sub:03d}", 2
                    while new in self.notes:
                        new, k = f"{nid}-{sub:03d}-{k}", k + 1
                self.notes.setdefault(new, note.text)
                self.ids[key] = new
            out[nid] = self.ids[key]
        return out

    def sets_named(self) -> str:
        parts = []
        for s in self.sets:
            numbers = [a.number for a in s.amendments.amendments]
            doc = document_number(s.meta.legislature, s.meta.dossier, s.meta.subdocument)
            parts.append(f"{doc}: amendments {_span(numbers)}")
        return "; ".join(parts) if parts else "no set of amendments is drawn on"

    # --- the entries of `adopted:`

    def chosen(self, adopted) -> dict[int, Pos]:
        chosen: dict[int, Pos] = {}
        for number, pos in adopted:
            if number in chosen:
                self.error(pos, f"amendment {number} is adopted twice (first at line "
                                f"{chosen[number].line}); keep one")
            elif number not in self.amendments:
                self.error(pos, f"no set drawn on holds amendment {number} "
                                f"({self.sets_named()}); correct the number, or add its set "
                                "under `amendments:`")
            else:
                chosen[number] = pos
        return chosen

    def effective(self, chosen: dict[int, Pos]) -> dict[int, Amendment]:
        """Each amendment adopted, its notes renamed, with the sub-amendments
        adopted applied to it."""
        out: dict[int, Amendment] = {}
        for number in sorted(chosen):
            a, s = self.amendments[number]
            ids = self.note_ids(s)
            out[number] = _with(a, text=renamed(a.text, ids), lead=renamed(a.lead, ids),
                                new_words=renamed(a.new_words, ids))
        changed_by: dict[int, list[int]] = {}
        for number in sorted(chosen):
            sub = out[number]
            if sub.amends is None:
                continue
            pos = chosen[number]
            if sub.amends not in chosen:
                self.error(pos, f"amendment {number} amends amendment {sub.amends}, which is "
                                f"not adopted: adopt {sub.amends} too, or not {number}")
                continue
            parent = out[sub.amends]
            earlier = changed_by.setdefault(sub.amends, [])
            if sub.action == "replace":
                if earlier:
                    self.error(pos, f"amendments {earlier[0]} and {number} both change "
                                    f"amendment {sub.amends}, and {number} replaces its text: "
                                    "adopt one of them")
                    continue
                out[sub.amends] = _with(parent, text=sub.text, lead=sub.lead or parent.lead)
            else:
                field_name = "new_words" if parent.action == "replace-words" else "text"
                changed = self.replace_in(getattr(parent, field_name), sub, number, pos,
                                          f"amendment {sub.amends}", earlier)
                if changed is None:
                    continue
                out[sub.amends] = _with(parent, **{field_name: changed})
            earlier.append(number)
        return {n: a for n, a in out.items() if a.amends is None}

    def replace_in(self, pair: Pair | None, sub: Amendment, number: int, pos: Pos,
                   name: str, earlier: list[int]) -> Pair | None:
        """`pair` with the words of a sub-amendment replaced, once in each language."""
        if pair is None:
            self.error(pos, f"amendment {number} replaces words in {name}, which has no text")
            return None
        texts = {}
        for lang in LANGS:
            source = pair[lang].source
            found = occurrences(sub.old_words[lang].source, source)
            if len(found) != 1:
                if earlier:
                    self.error(pos, f"amendments {earlier[-1]} and {number} both replace the "
                                    f"words {shown(sub.old_words[lang].source)} of {name}: "
                                    "adopt one of them")
                else:
                    self.error(pos, f"the {LANG_NAMES[lang]} words "
                                    f"{shown(sub.old_words[lang].source)} of amendment "
                                    f"{number} occur {len(found)} times in {name}")
                return None
            start = found[0]
            texts[lang] = _parse(source[:start] + sub.new_words[lang].source
                                 + source[start + len(sub.old_words[lang].source):])
        return Pair(texts["fr"], texts["nl"], pair.pos, pair.same and sub.new_words.same,
                    pair.accepted)

    def apply(self, number: int, a: Amendment, pos: Pos) -> None:
        slot = self.text.index.get((a.target.kind, a.target.label))
        if slot is None:  # the set was checked against this base: cannot happen
            self.error(pos, f"amendment {number}: {target_name(a.target)} does not exist in "
                            f"{self.where}")
            return
        if a.action.startswith("insert"):
            self.insert(number, a, slot, pos)
            return
        gone = slot.gone()
        verb = {"replace": "replaces", "replace-words": "changes words of",
                "delete": "deletes"}[a.action]
        if gone is not None:
            deleted, by = gone
            also = "" if deleted is slot else f", and with it {slot.name}"
            self.error(pos, f"amendment {number} {verb} {slot.name}, but amendment {by}, "
                            f"adopted, deletes {deleted.name}{also}: adopt one of them")
            return
        if a.action == "replace":
            if slot.replaced_by is not None:
                self.error(pos, f"amendments {slot.replaced_by} and {number} both replace "
                                f"{slot.name}: adopt one of them")
                return
            if slot.words:
                self.error(pos, f"amendment {number} replaces {slot.name}, whose words "
                                f"amendment {slot.words[0][0]}, adopted, changes: adopt one "
                                "of them")
                return
            texts = {k: p for k, p in (("lead", a.lead), ("text", a.text)) if p is not None}
            slot.texts, slot.replaced_by = texts, number
        elif a.action == "delete":
            by = slot.changed_by()
            if by is not None:
                self.error(pos, f"amendment {number} deletes {slot.name}, which amendment "
                                f"{by}, adopted, changes: adopt one of them")
                return
            slot.deleted_by = number
        else:
            self.replace_words(number, a, slot, pos)

    def replace_words(self, number: int, a: Amendment, slot: _Slot, pos: Pos) -> None:
        if slot.replaced_by is not None:
            self.error(pos, f"amendment {number} changes words of {slot.name}, which amendment "
                            f"{slot.replaced_by}, adopted, replaces whole: adopt one of them")
            return
        spans = []
        for lang in LANGS:
            old = a.old_words[lang].source
            found = [(key, at) for key, pair in slot.texts.items()
                     for at in occurrences(old, pair[lang].source)]
            if len(found) != 1:
                self.error(pos, f"the {LANG_NAMES[lang]} words {shown(old)} of amendment "
                                f"{number} occur {len(found)} times in {slot.name} of "
                                f"{self.where}; they must occur once")
                return
            key, start = found[0]
            for other, f, lng, s, e, _ in slot.words:
                if f == key and lng == lang and start < e and s < start + len(old):
                    self.error(pos, f"amendments {other} and {number} both replace the words "
                                    f"{shown(old)} of {slot.name}: adopt one of them")
                    return
            spans.append((number, key, lang, start, start + len(old), a.new_words))
        slot.words += spans

    def insert(self, number: int, a: Amendment, slot: _Slot, pos: Pos) -> None:
        gone = slot.parent.gone() if slot.parent is not None else None
        if gone is not None:
            deleted, by = gone
            self.error(pos, f"amendment {number} inserts a request beside {slot.name}, within "
                            f"{deleted.name}, which amendment {by}, adopted, deletes: adopt "
                            "one of them")
            return
        siblings = self.text.siblings(slot)
        at = siblings.index(slot)
        if a.action == "insert-after":
            slot.after += 1
            at += slot.after
        new = _Slot(slot.kind, "", {k: p for k, p in (("lead", a.lead), ("text", a.text))
                                    if p is not None}, a.pos, slot.parent)
        siblings.insert(at, new)

    def result(self) -> Consolidated:
        t = self.text
        considerants = tuple(Considerant(_final(s, "text")) for s in t.considerants
                             if s.deleted_by is None)
        resolution = Resolution(t.opening, considerants, _build(t.requests))
        title = _final(t.title, "text")
        called: list[str] = []
        pairs = [resolution.opening] + [c.text for c in considerants]
        stack = list(reversed(resolution.requests))
        while stack:
            r = stack.pop()
            pairs += [p for p in (r.lead, r.text) if p is not None]
            stack.extend(reversed(r.children))
        for pair in pairs:
            for lang in LANGS:
                for nid in pair[lang].note_ids:
                    if nid not in called:
                        called.append(nid)
        footnotes = {nid: Footnote(nid, self.notes[nid]) for nid in called if nid in self.notes}
        return Consolidated(title, resolution, footnotes)


def _span(numbers: list[int]) -> str:
    if not numbers:
        return "none"
    if len(numbers) <= 2:
        return " and ".join(str(n) for n in numbers)
    if numbers == list(range(numbers[0], numbers[-1] + 1)):
        return f"{numbers[0]} to {numbers[-1]}"
    return ", ".join(str(n) for n in numbers)


def _with(a: Amendment, **changes) -> Amendment:
    from dataclasses import replace
    return replace(a, **changes)


def consolidate(base: Document, sets: Sequence[Document],
                adopted: Sequence[tuple[int, Pos]]) -> Consolidated:
    """The text adopted: `base` (a numbered document with a resolution) with
    the amendments numbered in `adopted` (number, where written), drawn from
    `sets` (documents of type amendments, on that base), applied in the order
    of their numbers. Raise ContentError with every conflict."""
    work = _Consolidation(base, sets)
    chosen = work.chosen(adopted)
    effective = work.effective(chosen)
    for number in sorted(effective):
        work.apply(number, effective[number], chosen[number])
    result = work.result()
    if not result.resolution.requests and not work.problems:
        last = max(n for n, a in effective.items() if a.action == "delete")
        work.error(chosen[last], f"with amendment {last}, no request is left: a resolution "
                                 "needs at least one")
    if work.problems:
        raise ContentError(work.problems)
    return result
