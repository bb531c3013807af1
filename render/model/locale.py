"""French and Dutch grammar of the Chamber's documents, in one place.

Every function that takes `lang` accepts "fr" or "nl" and raises ValueError on
anything else. Strings follow the Chamber's printed documents (see the layout
notes): dates, ordinals, session strips, document numbers, authors' lines,
labels of considerants and requests, grouped thousands.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Iterable, Protocol, Sequence

from babel.dates import format_date as _babel_format_date

LANGUAGE_TAGS = {"fr": "fr-BE", "nl": "nl-BE"}
BABEL_LOCALES = {"fr": "fr_BE", "nl": "nl_BE"}


def _check_lang(lang: str) -> None:
    if lang not in LANGUAGE_TAGS:
        raise ValueError(f"unknown language {lang!r}: expected 'fr' or 'nl'")


# --- dates and ordinals ------------------------------------------------------

def format_date(d: date, lang: str) -> str:
    """`14 novembre 2024` / `14 november 2024`; French writes day 1 as `1er`."""
    _check_lang(lang)
    # babel prints `1 août`; the quoted literal adds the `er` of `1er août`.
    pattern = "d'er' MMMM y" if lang == "fr" and d.day == 1 else "d MMMM y"
    return _babel_format_date(d, pattern, locale=BABEL_LOCALES[lang])


def ordinal(n: int, lang: str, gender: str = "f") -> str:
    """`1re` (f) / `1er` (m), `2e`, `56e` in French; `1e`, `2e`, `56e` in Dutch.

    `gender` is the grammatical gender of the noun counted (session and
    législature are feminine, hence the default); babel has no such ordinals.
    """
    _check_lang(lang)
    if gender not in ("f", "m"):
        raise ValueError(f"unknown grammatical gender {gender!r}: expected 'f' or 'm'")
    if n < 1:
        raise ValueError(f"no ordinal for {n}")
    if lang == "fr" and n == 1:
        return "1re" if gender == "f" else "1er"
    return f"{n}e"


# --- session strip -----------------------------------------------------------

def session_heading(session: int, legislature: int, lang: str) -> str:
    """`2e SESSION DE LA 56e LÉGISLATURE` / `2e ZITTING VAN DE 56e ZITTINGSPERIODE`
    (the running foot prints the second language without years)."""
    _check_lang(lang)
    s, leg = ordinal(session, lang), ordinal(legislature, lang)
    if lang == "fr":
        return f"{s} SESSION DE LA {leg} LÉGISLATURE"
    return f"{s} ZITTING VAN DE {leg} ZITTINGSPERIODE"


def session_strip(session: int, legislature: int, years: str, lang: str) -> str:
    """`2e SESSION DE LA 56e LÉGISLATURE 2024 2025`; `years` comes from
    `Legislature.session_on`."""
    return f"{session_heading(session, legislature, lang)} {years}"


# --- document numbers --------------------------------------------------------

_ORDINAL = re.compile(r"\b(\d+)(re|er|e)\b")


def split_ordinals(text: str) -> tuple[tuple[str, bool], ...]:
    """`2e SESSION` as pieces, each flagged when it is an ordinal's suffix
    (`e`, `er`, `re`): the Chamber sets those as superior letters."""
    out, last = [], 0
    for m in _ORDINAL.finditer(text):
        out.append((text[last:m.start(2)], False))
        out.append((m.group(2), True))
        last = m.end()
    out.append((text[last:], False))
    return tuple((s, flag) for s, flag in out if s)


# --- typographic spaces --------------------------------------------------------

NBSP = "\u00a0"
_MONTHS = {
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
           "octobre", "novembre", "décembre"),
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
}
_TITLE_WORDS = {"fr": ("M.", "MM.", "Mme", "Mmes", "Me", "Dr"),
                "nl": ("de heer", "de heren", "mevrouw", "de dames", "dr.", "mr.")}
_BEFORE_NUMBER = {"fr": ("§", "§§", "n°", "nos", "art.", "article", "articles", "p.", "pp.",
                         "alinéa", "point", "chapitre", "annexe"),
                  "nl": ("§", "§§", "nr.", "nrs.", "art.", "artikel", "artikelen", "blz.", "p.",
                         "lid", "punt", "hoofdstuk", "bijlage")}
_AFTER_NUMBER = ("%", "‰", "€", "EUR", "km", "m", "m²", "km²", "ha", "kg", "t", "h", "uur")


def _space_rules(lang: str) -> list[tuple[re.Pattern, str]]:
    months = "|".join(_MONTHS[lang])
    before = "|".join(re.escape(w) for w in _BEFORE_NUMBER[lang])
    titles = "|".join(re.escape(w) for w in _TITLE_WORDS[lang])
    after = "|".join(re.escape(w) for w in _AFTER_NUMBER)
    return [
        # 41 %, 12 km, 5 €
        (re.compile(rf"(\d) (?=(?:{after})(?!\w))"), rf"\1{NBSP}"),
        # § 1er, article 6, n° 5, blz. 12
        (re.compile(rf"(?<!\w)({before}) (?=\d)", re.IGNORECASE), rf"\1{NBSP}"),
        # 1er janvier, 26 september: the day with its month (the year may go to the
        # next line: binding it too opened wide gaps in the narrow columns)
        (re.compile(rf"(?<![\w.,])(\d{{1,2}}(?:er)?) (?=(?:{months})\b)", re.IGNORECASE),
         rf"\1{NBSP}"),
        # M. Dupont, mevrouw Van Hoof: a title with the name it introduces
        (re.compile(rf"(?<!\w)({titles}) (?=\w)"), rf"\1{NBSP}"),
    ]


_SPACE_RULES = {lang: _space_rules(lang) for lang in ("fr", "nl")}


def typographic_spaces(text: str, lang: str) -> str:
    """The Chamber's no-break spaces: a number with its unit or per cent,
    `§`, `article`, `n°` with their number, a day with its month and a month
    with its year, a title with its name. The words are unchanged."""
    _check_lang(lang)
    for pattern, replacement in _SPACE_RULES[lang]:
        text = pattern.sub(replacement, text)
    return text


NB_HYPHEN = "\u2011"


def bind_name(name: str) -> str:
    """A person's name never breaks across lines: its parts are bound by
    no-break spaces, its hyphens (`Anne-Sophie`) made non-breaking."""
    return NBSP.join(name.split()).replace("-", NB_HYPHEN)


def bind_signature(text: str, longest: int = 40) -> str:
    """A signature (`Karim El Amrani (PS)`, several separated by commas or
    lines): each name bound to its parts and party, when it fits a column."""
    def bind(segment: str) -> str:
        return bind_name(segment) if len(segment) <= longest else segment
    lines = text.split("\n")
    return "\n".join(", ".join(bind(s) for s in line.split(", ")) for line in lines)


def _check_numbers(legislature: int, dossier: int, subdocument: int) -> None:
    # Out of range, the fixed-width fields would print wider than the Chamber's.
    if legislature < 1:
        raise ValueError(f"legislature must be positive, not {legislature}")
    if not 0 <= dossier <= 9999:
        raise ValueError(f"dossier number {dossier} does not fit on 4 digits")
    if not 0 <= subdocument <= 999:
        raise ValueError(f"sub-document number {subdocument} does not fit on 3 digits")


def short_number(dossier: int, subdocument: int) -> str:
    """`0589/001`: dossier on 4 digits, sub-document on 3."""
    _check_numbers(1, dossier, subdocument)
    return f"{dossier:04d}/{subdocument:03d}"


def document_number(legislature: int, dossier: int, subdocument: int) -> str:
    """`DOC 56 0589/001`."""
    _check_numbers(legislature, dossier, subdocument)
    return f"DOC {legislature} {short_number(dossier, subdocument)}"


def file_stem(legislature: int, dossier: int, subdocument: int) -> str:
    """`56K0589001`, the stem of the Chamber's PDF file names."""
    _check_numbers(legislature, dossier, subdocument)
    return f"{legislature}K{dossier:04d}{subdocument:03d}"


# --- authors -----------------------------------------------------------------

class AuthorLike(Protocol):
    name: str
    gender: str  # "f", "m" or "x"


# Grammatical gender of each document type's French noun, for the participle:
# une proposition (de résolution, de loi) → déposée; un projet (de loi) → déposé.
DOCTYPE_GENDER = {
    "resolution": "f",
    "bill": "f",
    "government_bill": "m",
}

_DEPOSITED = {
    "fr": {"f": "déposée par", "m": "déposé par"},
    "nl": {"f": "ingediend door", "m": "ingediend door"},
}

# Titles by language, gender and number (singular, plural). Gender "x"
# (non-binary or unknown) takes no title.
_TITLES = {
    "fr": {"f": ("Mme", "Mmes"), "m": ("M.", "MM."), "x": ("", "")},
    "nl": {"f": ("mevrouw", "de dames"), "m": ("de heer", "de heren"), "x": ("", "")},
}

_AND = {"fr": "et", "nl": "en"}
_AND_OTHERS = {"fr": " et consorts", "nl": " c.s."}


def join_list(items: Sequence[str], lang: str) -> str:
    """`X`, `X et Y`, `X, Y et Z` (Dutch `en`)."""
    _check_lang(lang)
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {_AND[lang]} {items[-1]}"


def _runs(authors: Iterable[AuthorLike]) -> list[tuple[str, list[str]]]:
    """Consecutive authors of the same gender, as (gender, names)."""
    runs: list[tuple[str, list[str]]] = []
    for a in authors:
        if a.gender not in ("f", "m", "x"):
            raise ValueError(f"author {a.name!r}: unknown gender {a.gender!r}")
        if runs and runs[-1][0] == a.gender:
            runs[-1][1].append(a.name)
        else:
            runs.append((a.gender, [a.name]))
    return runs


def authors_line(
    authors: Sequence[AuthorLike],
    and_others: bool,
    lang: str,
    doctype: str = "resolution",
) -> str:
    """`(déposée par Mmes X et Y et M. Z)` / `(ingediend door de dames X en Y en de heer Z)`.

    Authors stay in the order given (the content format promises "the order
    printed", and the first is the main author); consecutive authors of the
    same gender share one plural title. Women listed first therefore print
    `Mmes X et Y et M. Z`, as in the Chamber's documents.
    """
    _check_lang(lang)
    if doctype not in DOCTYPE_GENDER:
        known = ", ".join(DOCTYPE_GENDER)
        raise ValueError(f"unknown document type {doctype!r}: expected one of {known}")
    if not authors:
        raise ValueError("a document needs at least one author")
    groups = []
    for gender, names in _runs(authors):
        names = [bind_name(n) for n in names]
        title = _TITLES[lang][gender][len(names) > 1]
        names_text = join_list(names, lang)
        groups.append(f"{NBSP.join(title.split())}{NBSP}{names_text}" if title else names_text)
    line = join_list(groups, lang) + (_AND_OTHERS[lang] if and_others else "")
    return f"({_DEPOSITED[lang][DOCTYPE_GENDER[doctype]]} {line})"


# --- labels and numbers ------------------------------------------------------

def considerant_label(index0: int) -> str:
    """A … Z, AA, AB … ZZ, AAA: bijective base 26 of the 0-based index."""
    if index0 < 0:
        raise ValueError(f"no label for index {index0}")
    letters = ""
    n = index0 + 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def request_label(path: Sequence[int]) -> str:
    """`(1,)` → `1.`, `(4, 1)` → `4.1.`, `(4, 4, 1)` → `4.4.1.`."""
    if not path or any(n < 1 for n in path):
        raise ValueError(f"a request path is 1-based numbers, not {tuple(path)!r}")
    return "".join(f"{n}." for n in path)


def group_thousands(n: int) -> str:
    """`120.000`, `1.234.567`: a full stop in both languages (house style; babel's
    fr_BE would use a narrow no-break space)."""
    return f"{n:,d}".replace(",", ".")


# --- the dossier: authors named, targets of amendments -------------------------

def surname(name: str) -> str:
    """The name as headings and histories print it: without the given name
    (the first word; `Anne-Sophie` is one word). `Els Van Hoof` → `Van Hoof`,
    `Karim El Amrani` → `El Amrani`; a single word stays."""
    words = name.split()
    return " ".join(words[1:]) if len(words) > 1 else name.strip()


def named_authors(authors: Sequence[AuthorLike], and_others: bool, lang: str) -> str:
    """`Mme Van Hoof et M. Dupont` / `mevrouw Van Hoof en de heer Dupont`:
    authors by title and surname, in the order given; consecutive authors of
    the same gender share one plural title (`MM. Dupont et Peeters` / `de
    heren Dupont en Peeters`); an author without title (gender x) is named in
    full. `and_others` adds `et consorts` / `c.s.`. Titles and names are
    bound to each other (no-break spaces)."""
    _check_lang(lang)
    if not authors:
        raise ValueError("at least one author is needed")
    groups = []
    for gender, names in _runs(authors):
        if gender == "x":
            groups.extend(bind_name(n) for n in names)
            continue
        names = [bind_name(surname(n)) for n in names]
        title = NBSP.join(_TITLES[lang][gender][len(names) > 1].split())
        groups.append(f"{title}{NBSP}{join_list(names, lang)}")
    return join_list(groups, lang) + (_AND_OTHERS[lang] if and_others else "")


_VOWEL_START = re.compile(r"[aeiouyhàâäéèêëîïôöûüœæ]", re.IGNORECASE)


def by_authors(authors: Sequence[AuthorLike], and_others: bool, lang: str) -> str:
    """`de Mme Van Hoof` / `van mevrouw Van Hoof`: the authors after the
    preposition of a heading or a history line (French elides `d’` before a
    name without title that starts with a vowel: `d’Alex Doe`)."""
    named = named_authors(authors, and_others, lang)
    if lang == "nl":
        return f"van {named}"
    return f"d’{named}" if _VOWEL_START.match(named) else f"de {named}"


def capitals(text: str, lang: str) -> str:
    """A line printed in capitals (`N° 1 DE MME VAN HOOF`, `TEXTE ADOPTÉ PAR
    LA COMMISSION …`): accented capitals kept (the Chamber's house style),
    no-break spaces and hyphens unchanged."""
    _check_lang(lang)
    return text.upper()


def single_full_stop(text: str) -> str:
    """A sentence that ends with an abbreviation takes no second full stop:
    `… de heer Dupont c.s.` + `.` → `… c.s.`."""
    return text[:-1] if text.endswith("..") and not text.endswith("...") else text


def capitalise(text: str) -> str:
    """The first letter in capitals (a phrase that opens a sentence)."""
    return text[:1].upper() + text[1:]


# The items an amendment acts on: the noun, its gender (French) and whether
# it takes an article before a label (Dutch `punt 4.3` has none, `het
# opschrift` has one).
_TARGET_NOUNS = {
    "fr": {"considerant": "considérant", "request": "point", "title": "intitulé"},
    "nl": {"considerant": "considerans", "request": "punt", "title": "opschrift"},
}
_NL_ARTICLE = {"considerant": "de", "request": "het", "title": "het"}
TARGET_FORMS = ("heading", "the", "in", "a")


def target_phrase(kind: str, label: str, lang: str, form: str) -> str:
    """How an amendment names the item it acts on, by grammatical form:

    - `heading`: `Considérant C`, `Point 4.2`, `Intitulé` / `Considerans C`,
      `Punt 4.2`, `Opschrift`;
    - `the`: `le considérant C`, `l’intitulé` / `considerans C`, `het opschrift`;
    - `in`: `au considérant C`, `au point 4.2`, `dans l’intitulé` /
      `in considerans C`, `in het opschrift`;
    - `a` (a new item of that kind): `un considérant`, `un point` /
      `een considerans`, `een punt`.

    `label` has no final full stop (`4.4.1`); the title has none."""
    _check_lang(lang)
    if kind not in _TARGET_NOUNS[lang]:
        raise ValueError(f"unknown target {kind!r}: expected one of "
                         f"{', '.join(_TARGET_NOUNS[lang])}")
    if form not in TARGET_FORMS:
        raise ValueError(f"unknown form {form!r}: expected one of {', '.join(TARGET_FORMS)}")
    noun = _TARGET_NOUNS[lang][kind]
    named = f"{noun}{NBSP}{label}" if label else noun   # `point 4.2` never breaks
    if form == "heading":
        return capitalise(named)
    if form == "a":
        return f"{'un' if lang == 'fr' else 'een'} {noun}"
    if lang == "fr":
        elided = bool(_VOWEL_START.match(noun))
        the = f"l’{named}" if elided else f"le {named}"
        if form == "the":
            return the
        # à + le → au; à l’… is set `dans l’…` as the Chamber writes it of the title
        return f"dans {the}" if elided else f"au {named}"
    the = f"{_NL_ARTICLE[kind]} {named}" if not label else named
    return the if form == "the" else f"in {the}"
