"""Translation parity: what `hemicycle check` verifies beyond validation.

`check_document(doc)` compares the French and Dutch sides of every pair of a
valid document and returns the problems found:

- errors: the two sides call different footnotes (or in another order); they
  differ in a fact that a translation keeps (numbers, dates, years, document,
  EU and UN references, URLs, article, paragraph and alinéa numbers; see
  `parity_facts`); a side is empty or a placeholder (`TODO`, `…`,
  `[à compléter]`); both sides are the same French or Dutch text without
  `both:` (a name, a URL, a reference or a citation in a third language may
  be the same); one side is plainly written in the other language;
- warnings (house style): straight quotes or apostrophes outside URLs,
  unbalanced curly quotes, doubled spaces, a space before a colon, a
  considerant or request that does not end in `;` (the last request in `.`,
  a request with sub-requests in `;` or `:`).

Never-called notes are the loader's error, so they are not reported again.
Every pair is checked: the title and summary, the body in reading order and
the footnotes.

Each problem stands at the position of its pair in the content file.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterator

from ..errors import Problem
from ..model import LANG_NAMES, LANGS, Document, Pair, iter_requests
from .facts import KINDS, Fact, blank_facts, extract_facts, find_urls



def check_document(doc: Document) -> list[Problem]:
    """Every parity and house-style problem of a valid, numbered document."""
    problems: list[Problem] = []
    for pair in _all_pairs(doc):
        problems += check_calls(pair)
        problems += check_facts(pair)
        problems += check_untranslated(pair)
        problems += check_style(pair)
    problems += check_endings(doc)
    return sorted(problems, key=lambda p: (p.pos.line, p.pos.col))


def _all_pairs(doc: Document) -> Iterator[Pair]:
    """The cover's texts, the body in reading order, then the notes."""
    yield doc.meta.title
    if doc.meta.summary is not None:
        yield doc.meta.summary
    yield from doc.pairs()
    for note in doc.footnotes.values():
        yield note.text


def _sides(pair: Pair):
    """(lang, text, who) for each side; a `both:` text is one side."""
    if pair.same:
        return [("fr", pair.fr, "the text")]
    return [(lang, pair[lang], f"the {LANG_NAMES[lang]} text") for lang in LANGS]


def _snippet(text: str, start: int, end: int, width: int = 18) -> str:
    left = max(0, start - width)
    right = min(len(text), end + width)
    return (("…" if left else "") + text[left:right] + ("…" if right < len(text) else ""))


# --- structure -----------------------------------------------------------------

def check_calls(pair: Pair) -> list[Problem]:
    """Both sides call the same footnotes in the same order."""
    fr, nl = pair.fr.note_ids, pair.nl.note_ids
    if fr == nl:
        return []
    shown = {lang: ", ".join(f"[^{n}]" for n in ids) or "none"
             for lang, ids in (("fr", fr), ("nl", nl))}
    what = "in a different order" if Counter(fr) == Counter(nl) else "differ"
    return [Problem(pair.pos, f"footnote calls {what}: fr calls {shown['fr']}, "
                              f"nl calls {shown['nl']}")]


# --- facts -----------------------------------------------------------------------

def check_facts(pair: Pair) -> list[Problem]:
    """The numbers, dates, references … of both sides are the same multisets."""
    if pair.same:
        return []
    facts = {lang: extract_facts(pair[lang].plain, lang) for lang in LANGS}
    problems = []
    for kind, name in KINDS.items():
        counts = {lang: Counter(f.value for f in facts[lang] if f.kind == kind)
                  for lang in LANGS}
        if counts["fr"] == counts["nl"]:
            continue
        extra = {"fr": counts["fr"] - counts["nl"], "nl": counts["nl"] - counts["fr"]}
        shown = {lang: _surfaces(facts[lang], kind, extra[lang]) for lang in LANGS}
        problems.append(Problem(pair.pos, f"{name} differ: fr has {shown['fr']}, "
                                          f"nl has {shown['nl']}"))
    return problems


def _surfaces(facts: list[Fact], kind: str, extra: Counter) -> str:
    """How the facts one side has and the other lacks are written."""
    left = Counter(extra)
    shown = {}  # a dict keeps the order and finds a surface at once, however many
    for f in facts:
        if f.kind == kind and left[f.value] > 0:
            left[f.value] -= 1
            shown[f.surface] = True
    return ", ".join(shown) or "none"


# --- untranslated and placeholder texts -------------------------------------------

_PLACEHOLDER_TEXTS = {"todo", "fixme", "xxx", "tbd", "…", "...", "[à compléter]",
                      "[a compléter]", "[a completer]", "[in te vullen]", "[invullen]"}
_PLACEHOLDER_IN = re.compile(r"\b(?:TODO|FIXME|XXX)\b")
_PLACEHOLDER_BRACKETS = re.compile(r"\[(?:à|a) compl[ée]ter\]|\[in te vullen\]", re.IGNORECASE)

# Words that only French, or only Dutch, prose uses: none is an English word,
# a name particle (de, van, le, la, des), a word of the other language (en, die,
# over, pas, vers, met) or a common word of both (in, is).
_FR_ONLY = frozenset("""
    et les est sont une dans pour par sur avec que qui aux au ces cette ses leur leurs
    nous vous il elle ils elles été être très mais où ainsi entre selon
    mesdames messieurs madame monsieur considérant vu chambre représentants
""".split())
_NL_ONLY = frozenset("""
    het een zijn voor dat niet te om naar bij ook wordt worden heeft hebben
    werd deze dit dames heren gelet overwegende kamer volksvertegenwoordigers tussen
    tot uit aan als wij hun haar onder
""".split())
_FR_NL_WORDS = _FR_ONLY | _NL_ONLY | {"en"}
_EN_WORDS = frozenset("""
    the of and to on for with from by against at an is are was were this that which
    its their his her be been
""".split())
_NAME_PARTICLES = frozenset("de van der den von le la du des ten ter da di dos del op "
                            "vanden vander".split())
_FILE_NAME = re.compile(r"^\S.*\.(?:pdf|docx?|odt|xlsx?|html?)$", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]+")


def check_untranslated(pair: Pair) -> list[Problem]:
    problems = []
    for lang, text, who in _sides(pair):
        plain = " ".join(text.plain.split())
        if not plain:
            problems.append(Problem(pair.pos, f"{who} is empty: it has only footnote calls"))
        elif (plain.lower() in _PLACEHOLDER_TEXTS or _PLACEHOLDER_IN.search(plain)
              or _PLACEHOLDER_BRACKETS.search(plain) or re.fullmatch(r"[.…\s]+", plain)):
            problems.append(Problem(pair.pos, f"{who} is a placeholder ({_snippet(plain, 0, 0, 30)}); "
                                              "write the text"))
    if problems or pair.same:
        return problems
    fr, nl = (" ".join(pair[lang].source.split()) for lang in LANGS)
    if fr == nl:
        if not is_language_neutral(pair.fr.plain):
            problems.append(Problem(
                pair.pos, "the French and Dutch texts are identical: translate one of them, "
                          "or give the text once with `both:` if it is truly the same in "
                          "both languages"))
        return problems
    for lang, other in (("fr", "nl"), ("nl", "fr")):
        if reads_as(pair[lang].plain) == other:
            problems.append(Problem(
                pair.pos, f"the {LANG_NAMES[lang]} text reads as {LANG_NAMES[other]} "
                          f"({_snippet(pair[lang].plain, 0, 0, 40)}): translate it"))
    return problems


def reads_as(text: str) -> str | None:
    """`fr` or `nl` when a text has at least three words that only that language
    uses and none that only the other one does; None when unsure (short texts,
    names, a third language, or a quotation inside the other language)."""
    words = [w.lower() for w in _WORDS.findall(text)]
    fr = sum(w in _FR_ONLY for w in words)
    nl = sum(w in _NL_ONLY for w in words)
    if fr >= 3 and nl == 0:
        return "fr"
    if nl >= 3 and fr == 0:
        return "nl"
    return None


def is_language_neutral(text: str) -> bool:
    """Whether a text may stand unchanged in both columns: a URL, a reference,
    a number, a file name, a name (capitalised words), or a citation in a
    third language (English) with no French or Dutch word."""
    text = " ".join(text.split())
    if _FILE_NAME.match(text) and "_" in text:
        return True
    words = _WORDS.findall(blank_facts(text, "fr"))
    lower = [w.lower() for w in words]
    if any(w in _FR_NL_WORDS for w in lower):
        return False
    common = [w for w in words if w[0].islower() and len(w) >= 3
              and w.lower() not in _NAME_PARTICLES]
    if not common:
        return True  # a name, an acronym, a party: Els Van Hoof (cd&v)
    return any(w in _EN_WORDS for w in lower)


# --- house style ------------------------------------------------------------------

_STRAIGHT = {'"': ('straight quote "', "write “ ”"), "'": ("straight apostrophe '", "write ’")}
_DOUBLE_SPACE = re.compile(r"[ \u00a0\u202f]{2,}")
_SPACE_COLON = re.compile(r"(?<=\S)[ \u00a0\u202f]++:")


def check_style(pair: Pair) -> list[Problem]:
    problems = []
    for lang, text, who in _sides(pair):
        plain = text.plain
        urls = find_urls(plain)
        outside = _blank_spans(plain, urls)
        for ch, (what, fix) in _STRAIGHT.items():
            at = outside.find(ch)
            if at >= 0:
                problems.append(Problem(pair.pos, f"{what} in {who} "
                                                  f"({_snippet(plain, at, at + 1)}); {fix}",
                                        "warning"))
        opening, closing = plain.count("“"), plain.count("”")
        if opening != closing:
            problems.append(Problem(pair.pos, f"unbalanced quotes in {who}: {opening} “ "
                                              f"and {closing} ”", "warning"))
        m = _DOUBLE_SPACE.search(plain)
        if m:
            problems.append(Problem(pair.pos, f"doubled space in {who} "
                                              f"({_snippet(plain, m.start(), m.end())})",
                                    "warning"))
        m = _SPACE_COLON.search(outside)
        if m:
            problems.append(Problem(pair.pos, f"space before a colon in {who} "
                                              f"({_snippet(plain, m.start(), m.end())}); "
                                              "the house style writes none, even in French",
                                    "warning"))
    return problems


def _blank_spans(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with spans (in order) blanked out, copied once for all of them."""
    pieces, at = [], 0
    for start, end in spans:
        pieces += [text[at:start], " " * (end - start)]
        at = end
    pieces.append(text[at:])
    return "".join(pieces)


def check_endings(doc: Document) -> list[Problem]:
    """Considerants and requests end with `;`, the last request with `.`, a
    request that introduces sub-requests with `:`; in a set of amendments,
    a new considerant or request ends as the text's own do."""
    problems = check_amendment_endings(doc)
    if doc.resolution is None:
        return problems
    for c in doc.resolution.considerants:
        problems += _ending(c.text, ";", f"considerant {c.label}", "a considerant")
    requests = list(iter_requests(doc.resolution.requests))
    leaves = [r for r in requests if not r.children]
    last = leaves[-1] if leaves else None
    for r in requests:
        pair = r.text if r.text is not None else r.lead
        if r.children:  # `demande au gouvernement fédéral:` introduces its sub-requests
            problems += _ending(pair, ";:", f"request {r.label}",
                                "a request with sub-requests")
        elif r is last:
            problems += _ending(pair, ".", f"request {r.label}", "the last request")
        else:
            problems += _ending(pair, ";", f"request {r.label}", "a request")
    return problems


def _ending(pair: Pair, expected: str, name: str, rule: str) -> list[Problem]:
    problems = []
    for lang, text, who in _sides(pair):
        plain = text.plain.rstrip()
        end = plain[-1:] or "nothing"
        if end not in expected:
            wanted = " or ".join(f"`{e}`" for e in expected)
            problems.append(Problem(pair.pos, f"{name}: {who} ends with `{end}`; {rule} "
                                              f"ends with {wanted}", "warning"))
    return problems


def check_amendment_endings(doc: Document) -> list[Problem]:
    """The new text of an amendment that replaces or inserts a considerant
    ends with `;`, like every considerant; a new request with `;`, or `.`
    (it may become the last), or `:` (it may introduce sub-requests). A new
    title, like the title, has no final full stop."""
    if doc.amendments is None:
        return []
    problems = []
    for a in doc.amendments.amendments:
        if a.text is None or a.amends is not None or a.action == "replace-words":
            continue
        name = f"amendment {a.number}"
        if a.target.kind == "considerant":
            problems += _ending(a.text, ";", f"{name} (a considerant)", "a considerant")
        elif a.target.kind == "request":
            problems += _ending(a.text, ";.:", f"{name} (a request)", "a request")
        else:
            for lang, text, who in _sides(a.text):
                if text.plain.rstrip().endswith("."):
                    problems.append(Problem(a.text.pos, f"{name} (the title): {who} ends with "
                                                        "`.`; a title has no final full stop",
                                            "warning"))
    return problems
