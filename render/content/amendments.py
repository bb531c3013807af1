"""The amendments of a set, checked against the dossier: numbers running on
from the earlier sets, targets found in the base as deposited, words to
replace found once in each language, labels of the new items, sub-amendments
naming an amendment that exists. Each error at its place in the file."""
from __future__ import annotations

from ..errors import shown
from ..model import LANG_NAMES, LANGS, Document
from ..model.consolidate import (AmendmentLabels, find_target, occurrences, target_name)
from ..model.dossier import Amendment
from ..model.locale import document_number
from .schema import Context
from .spec import authors_of, check_parties


def doc_name(doc: Document) -> str:
    return document_number(doc.meta.legislature, doc.meta.dossier, doc.meta.subdocument)


def _span(numbers: list[int]) -> str:
    if not numbers:
        return "there are none yet"
    return f"they run {min(numbers)} to {max(numbers)}" if len(numbers) > 1 else \
        f"there is amendment {numbers[0]}"


def build_amendments(items: list[dict], document: dict, this: str, base: Document | None,
                     earlier_sets: list[Document], ctx: Context) -> tuple[Amendment, ...]:
    """The Amendments of a set (`items` as the schema converted them); `this`
    names the set (`DOC 56 0589/002`), `base` is the text amended (None when
    it could not be read: targets are then not checked)."""
    default_authors = authors_of(document["authors"])
    known: dict[int, tuple[Amendment, str]] = {}
    last, last_in = 0, None
    for s in earlier_sets:
        for a in s.amendments.amendments:
            known[a.number] = (a, doc_name(s))
            if a.number > last:
                last, last_in = a.number, doc_name(s)
    labels = AmendmentLabels()
    out: list[Amendment] = []
    for item in items:
        at = item["_at"]
        number = item.get("number")
        if number is None:
            number = last + 1
        elif number <= last:
            where = "in this set" if last_in == this else f"in {last_in}"
            if number in known:
                taken_in = known[number][1]
                taken = "this set" if taken_in == this else taken_in
                ctx.error(at["number"], f"amendment number {number} is already taken by an "
                                        f"amendment of {taken}: amendments are numbered on "
                                        f"through the dossier; write {last + 1}, or leave "
                                        "`number` out")
            else:
                ctx.error(at["number"], f"amendment number {number} goes backwards: the "
                                        f"amendment before it is number {last} ({where}); "
                                        f"write {last + 1} or more, or leave `number` out")
            number = last + 1
        last, last_in = max(last, number), this
        authors = default_authors
        if item.get("authors") is not None:
            check_parties(item["authors"], document["legislature"], ctx)
            authors = authors_of(item["authors"])
        amendment = _amendment(item, number, authors, this, base, known, labels, ctx)
        if amendment is not None:
            known[number] = (amendment, this)
            out.append(amendment)
    return tuple(out)


def _amendment(item: dict, number: int, authors, this: str, base: Document | None,
               known: dict, labels: AmendmentLabels, ctx: Context) -> Amendment | None:
    at = item["_at"]
    action = item["action"]
    fields = dict(number=number, authors=authors, action=action, pos=item["_pos"],
                  text=item.get("text"), lead=item.get("lead"),
                  old_words=item.get("replace"), new_words=item.get("by"),
                  justification=tuple(item["justification"]))
    amends = item.get("amends")
    if amends is not None:
        parent = _amended(amends, at["amends"], item, number, known, ctx)
        if parent is None:
            return None
        return Amendment(target=parent.target, amends=amends, **fields)
    target = item["target"]
    if base is None:
        return None
    found = find_target(base, target)
    if isinstance(found, str):
        ctx.error(target.pos, found)
        return None
    if action == "replace-words":
        texts = found.pairs(base.meta.title)
        ok = True
        for lang in LANGS:
            old = item["replace"][lang].source
            count = sum(len(occurrences(old, p[lang].source)) for p in texts.values())
            if count != 1:
                ctx.error(item["replace"].pos, _count_message(
                    lang, old, count, f"{target_name(target)} of {doc_name(base)}"))
                ok = False
        if not ok:
            return None
    return Amendment(target=target, new_label=labels.label(action, found), **fields)


def _count_message(lang: str, old: str, count: int, where: str) -> str:
    fix = ("copy them as they are written there" if count == 0 else
           "quote more of the words around them, so that they occur once")
    times = {0: "do not occur", 1: "occur once"}.get(count, f"occur {count} times")
    return (f"the {LANG_NAMES[lang]} words {shown(old)} {times} in {where}; the words a "
            f"replace-words amendment replaces occur exactly once: {fix}")


def _amended(amends: int, pos, item: dict, number: int, known: dict,
             ctx: Context) -> Amendment | None:
    """The amendment a sub-amendment amends, when it can be amended so."""
    if amends not in known:
        ctx.error(pos, f"amendment {amends}, which amendment {number} amends, is not among the "
                       f"amendments before it in the dossier ({_span(list(known))})")
        return None
    parent, where = known[amends]
    if parent.amends is not None:
        ctx.error(pos, f"amendment {amends} ({where}) is itself a sub-amendment: amend "
                       f"amendment {parent.amends}, or write a new amendment")
        return None
    if parent.action == "delete":
        ctx.error(pos, f"amendment {amends} ({where}) deletes {target_name(parent.target)}: "
                       "it has no text to amend")
        return None
    if item["action"] == "replace":
        if parent.text is None and parent.lead is None:
            ctx.error(pos, f"amendment {amends} ({where}) replaces words: a sub-amendment "
                           "changes its words with `action: replace-words`")
            return None
        if item.get("lead") is not None and parent.target.kind != "request":
            ctx.error(item["_at"]["lead"], f"`lead` is a request's opening verb; amendment "
                                           f"{amends} amends {target_name(parent.target)}: "
                                           "remove it")
            return None
        return parent
    text = parent.new_words if parent.action == "replace-words" else parent.text
    ok = True
    for lang in LANGS:
        old = item["replace"][lang].source
        count = len(occurrences(old, text[lang].source)) if text is not None else 0
        if count != 1:
            ctx.error(item["replace"].pos, _count_message(
                lang, old, count, f"the text of amendment {amends}"))
            ok = False
    return parent if ok else None
