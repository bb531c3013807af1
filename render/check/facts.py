"""Facts of one language's text that a translation must keep unchanged.

`extract_facts(text, lang)` finds URLs, document, EU and UN references,
article, paragraph and alinéa numbers, dates, times, years and numbers (in
digits, in words, as ordinals: `5e`, `cinquième`, `vijfde`, `XXe`) and gives
each a canonical value, so that the French and Dutch sides of a pair can be
compared as multisets: `17 novembre 2023` and `17 november 2023` are both the
date 2023-11-17, `huit` and `acht` both the number 8, `les deux pays` and
`beide landen` both hold a 2.

Words for one and first (un, une, een, één, premier, eerste, Albert Ier) are
articles or idioms (premier ministre, biens de première nécessité) more often
than counts: they only count inside a compound (`vingt et un`) or as
`premier alinéa` / `eerste lid`.

Each piece of text counts once: the matchers run from the most specific (a
URL) to the least (a bare number) and every match is blanked out before the
next matcher runs, so the digits of a URL, of a `DOC 55 1597/001` or of a
date are not also numbers.

Footnotes often cite a third language (the Dutch notes of the Chamber cite
the International Court of Justice in English), so English month names and
number words are recognised on both sides.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

# The kinds of facts, in the order findings are reported, with their names.
KINDS = {
    "urls": "URLs",
    "docrefs": "document references",
    "eurefs": "EU references",
    "unrefs": "UN references",
    "refs": "numbered references",
    "articles": "article numbers",
    "paragraphs": "paragraph numbers",
    "subparagraphs": "alinéa/lid numbers",
    "dates": "dates",
    "times": "times",
    "years": "years",
    "numbers": "numbers",
}


@dataclass(frozen=True)
class Fact:
    kind: str       # a key of KINDS
    value: str      # canonical: `2023-11-17`, `2023-11`, `8`, `art. 14` …
    surface: str    # as written: `17 novembre 2023`, `huit`, `article 14`


# --- month names -------------------------------------------------------------

_MONTHS_FR = {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5,
              "juin": 6, "juillet": 7, "août": 8, "aout": 8, "septembre": 9,
              "octobre": 10, "novembre": 11, "décembre": 12, "decembre": 12}
_MONTHS_NL = {"januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6,
              "juli": 7, "augustus": 8, "september": 9, "oktober": 10, "november": 11,
              "december": 12}
_MONTHS_EN = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
              "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
              "december": 12}
MONTHS = {"fr": {**_MONTHS_EN, **_MONTHS_FR}, "nl": {**_MONTHS_EN, **_MONTHS_NL}}

# --- number words ------------------------------------------------------------
# Values; "x100", "x1000" … mark the multipliers. The cardinal one (un, une,
# een, één, one) is also the indefinite article and only counts inside a
# compound (`vingt et un`, `eenentwintig`, `twenty-one`).

_FR_WORDS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6,
    "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
    "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20, "vingts": 20, "trente": 30,
    "quarante": 40, "cinquante": 50, "soixante": 60, "septante": 70, "octante": 80,
    "huitante": 80, "nonante": 90, "cent": "x100", "cents": "x100", "mille": "x1000",
    "million": "x1000000", "millions": "x1000000", "milliard": "x1000000000",
    "milliards": "x1000000000",
    # ordinals that are not a cardinal + `ième` (the first is in _FIRST)
    "second": 2, "seconde": 2, "seconds": 2, "secondes": 2,
    "tiers": 3, "tierce": 3, "tierces": 3,
}
_EN_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": "x100", "thousand": "x1000",
    "million": "x1000000", "billion": "x1000000000", "both": 2, "twice": 2, "thrice": 3,
    "second": 2, "third": 3, "fifth": 5, "eighth": 8, "ninth": 9,
    "twelfth": 12,
}
_NL_UNITS = {"een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
             "zeven": 7, "acht": 8, "negen": 9}
_NL_SMALL = {**_NL_UNITS, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13,
             "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17,
             "achttien": 18, "negentien": 19}
_NL_TENS = {"twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60,
            "zeventig": 70, "tachtig": 80, "negentig": 90}
_NL_MULT = {"honderd": "x100", "duizend": "x1000", "miljoen": "x1000000",
            "miljard": "x1000000000"}
_NL_OTHER = {"beide": 2, "beiden": 2, "derde": 3, "derden": 3}
_ONE = {"un", "une", "een", "één", "one"}
# `premier`, `eerste` are idioms more often than counts (premier ministre,
# biens de première nécessité, in eerste instantie): they count only in
# `premier alinéa` / `eerste lid`.
_FIRST = {"premier": 1, "première": 1, "premiers": 1, "premières": 1, "eerste": 1,
          "first": 1}

# Words that are not numbers in these neighbourhoods.
_VETO_NEXT = {
    "fr": {},
    "nl": {# `de regering acht het nodig`: the verb achten
           "acht": {"het", "zich", "dat", "hij", "zij", "ze", "men", "ik", "u", "niet",
                    "deze", "dit", "nodig", "noodzakelijk", "wenselijk", "aangewezen"}},
}
_VETO_PREV = {
    "fr": {"cent": {"pour"}, "cents": {"pour"},   # `50 pour cent`: the 50 counts
           "neuf": {"à", "tout", "flambant"}},    # `remettre à neuf`: new
    "nl": {"acht": {"in"}},                       # `in acht nemen`
}


def _nl_value(word: str) -> int | str | None:
    """A Dutch number word (written as one word, `drieëntwintig`,
    `tweehonderdvijftig`, `tweede`) → its value, a multiplier, or None."""
    if word in _NL_MULT:
        return _NL_MULT[word]
    if word in _NL_OTHER:
        return _NL_OTHER[word]
    value = _nl_cardinal(word)
    if value is not None:
        return value
    if word.endswith("maal") and word != "eenmaal":  # tweemaal (`nu eenmaal` is no count)
        return _nl_cardinal(word[:-4])
    for suffix in ("ste", "de"):  # ordinals: tweede, vijfde, achtste, twintigste
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            value = _nl_cardinal(word[:-len(suffix)])
            if value is not None:
                return value
    return None


def _nl_cardinal(word: str) -> int | None:
    if not word:
        return None
    if word in _NL_SMALL:
        return _NL_SMALL[word]
    if word in _NL_TENS:
        return _NL_TENS[word]
    m = re.fullmatch(r"(een|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|ën)"
                     r"(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)", word)
    if m:
        return _NL_UNITS[m.group(1)] + _NL_TENS[m.group(2)]
    for mult, factor in (("miljoen", 10**6), ("duizend", 1000), ("honderd", 100)):
        if mult in word and word != mult:
            left, right = word.split(mult, 1)
            lv = _nl_cardinal(left) if left else 1
            rv = _nl_cardinal(right) if right else 0
            if lv is not None and rv is not None:
                return lv * factor + rv
            return None
    return None


def _ordinal_base(word: str, lang: str) -> str | None:
    """`cinquième` → `cinq`, `twentieth` → `twenty`; None if not an ordinal."""
    if lang == "fr" and word.endswith("ième") and len(word) > 4:
        base = word[:-4]
        return {"cinqu": "cinq", "neuv": "neuf", "un": "un"}.get(base, base)
    if word.endswith("ieth"):
        return word[:-4] + "y"
    if word.endswith("th") and len(word) > 4:
        return word[:-2]
    return None


def _word_value(word: str, lang: str) -> int | str | None:
    w = word.lower()
    if lang == "nl":
        value = _nl_value(w)
        if value is None and w != "ten":  # Dutch `ten` (ten aanzien van) is no 10
            value = _EN_WORDS.get(w)
    else:
        value = _FR_WORDS.get(w, _EN_WORDS.get(w))
    if value is None:
        base = _ordinal_base(w, lang)
        if base is not None:
            for table in ((_FR_WORDS, _EN_WORDS) if lang == "fr" else (_EN_WORDS,)):
                if base in table and not str(table[base]).startswith("x"):
                    return table[base]
                if base + "e" in table:  # quatrième → quatre, onzième → onze
                    return table[base + "e"]
    return value


# --- matchers ---------------------------------------------------------------

_URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"“”«»]+"
    r"|\b(?:[a-z0-9-]+\.)+(?:com|org|net|eu|be|int|am|edu|gov|info|fr|nl|uk|de|io)"
    r"/[^\s<>\"“”«»]*", re.IGNORECASE)
_DOCREF = re.compile(r"\bDOC\s+(\d{2})\s+(\d{4})/(\d{3})\b|\b(\d{2})K(\d{4})(\d{3})\b")
_EU_SUFFIX = {"UE": "EU", "CE": "EC", "EG": "EC", "CEE": "EEC", "EEG": "EEC"}
_EUREF = re.compile(
    r"\b(\d{4})/(\d{4})\s?\((RSP|INI|COD|NLE|CNS|APP|BUD|DEC|IMM|REG|ACI)\)"
    r"|\b(\d{4})/(\d{1,4})/(UE|EU|CE|EC|EG|CEE|EEC|EEG)\b"
    r"|\((?:UE|EU|CE|EC|EG|CEE|EEC|EEG|Euratom)\)\s*(?:n°|nr\.?|no\.?)?\s*(\d{1,4}/\d{1,4})\b"
    r"|\bCOM\s?\((\d{4})\)\s?(\d+)")
_UNREF = re.compile(r"\b[A-Z]{1,8}(?:/[A-Z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?)+"
                    r"(?:\s?\(\d{4}\))?")
_REF = re.compile(r"\b\d{1,4}/\d{1,4}(?:/\d{1,4})*\b")
_ORD_SUFFIXES = r"er|re|ère|e|ème|ste|de|st|nd|rd|th"
_ORD_SUFFIX = r"(?:" + _ORD_SUFFIXES + r")?"
_ARTNUM = (r"\d+(?![\d°])" + _ORD_SUFFIX + r"(?:/\d+)?(?:\s?(?:bis|ter|quater|quinquies|sexies|"
           r"septies|octies|novies|decies)\b)?")
_ARTLIST = _ARTNUM + r"(?:\s*(?:,|\bet\b|\ben\b|\band\b|\bà\b|\btot\b|\bto\b|\bou\b|"\
           r"\bof\b|\bor\b|-|–)\s*" + _ARTNUM + r")*"
_ARTICLE = re.compile(r"\b(?:articles?|artikel(?:en|s)?|art\.)\s*(?:(premier)\b|(" + _ARTLIST + r"))",
                      re.IGNORECASE)
_PARAGRAPH = re.compile(r"(?:§§?|\b(?:paragraphes?|paragra(?:af|fen)|paragraphs?)\b)\s*("
                        + _ARTLIST + r")", re.IGNORECASE)
_NUMBER = re.compile(
    r"(?<![\w.,/])(?:(\d{1,3}(?:[.\u00a0\u202f]\d{3})+(?:,\d+)?)|(\d+,\d+|\d+\.\d{1,2}(?![.,]?\d))"
    r"|(\d+))"
    + r"(" + _ORD_SUFFIXES + r")?"
    r"(?:\s+(millions?|miljoen|milliards?|miljard|billion))?(?![\w])")
_SUBPARAGRAPH = re.compile(r"\b(?:alinéas?|lid|leden)\s+(" + _ARTLIST + r")"
                           r"|\b([^\W\d_]+)\s+(?:alinéa|lid)\b", re.IGNORECASE)
_TIME = re.compile(r"(?<![\w.,/])(?:([01]?\d|2[0-3])\s?(?:h|heures?)\s?([0-5]\d)?(?!\w)"
                   r"|([01]?\d|2[0-3])(?:[.:]([0-5]\d))?\s?uur\b"
                   r"|([01]?\d|2[0-3]):([0-5]\d)(?![\d]))")
_ROMAN = r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
# XXe siècle, la Ve République (Dutch writes 20ste eeuw); `Albert Ier` is Dutch
# `Albert I`, so the first does not count, as `premier` does not.
_ROMAN_ORDINAL = re.compile(r"\b([IVXLCDM]+)(?:er|re|e|ème)\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_YEAR = re.compile(r"(?<![\w.,/])(1[89]\d\d|20\d\d)(?![\w]|[.,]\d)")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MULTIPLIERS = {"million": 10**6, "millions": 10**6, "miljoen": 10**6, "milliard": 10**9,
                "milliards": 10**9, "miljard": 10**9, "billion": 10**9}


def _month_pattern(lang: str) -> str:
    names = sorted(MONTHS[lang], key=len, reverse=True)
    return "(" + "|".join(names) + r")\b\.?"


class _Scanner:
    """The text with what has been matched blanked out."""

    def __init__(self, text: str):
        self.original = text
        self.text = text
        self.facts: list[tuple[int, Fact]] = []

    def take(self, pattern: re.Pattern, kind: str,
             canon: Callable[[re.Match], str | list[str] | None], group: int = 0) -> None:
        for m in list(pattern.finditer(self.text)):
            start, end = m.span(group)
            value = canon(m)
            if value is None:
                continue
            surface = self.original[start:end]
            for v in ([value] if isinstance(value, str) else value):
                self.facts.append((start, Fact(kind, v, surface)))
            self.blank(start, end)

    def blank(self, start: int, end: int) -> None:
        self.text = self.text[:start] + " " * (end - start) + self.text[end:]


def find_urls(text: str) -> list[tuple[int, int]]:
    """Spans of the URLs in a text (trailing punctuation is not part of them)."""
    spans = []
    for m in _URL.finditer(text):
        url = m.group()
        while url and url[-1] in ".,;:!?’'”»":
            url = url[:-1]
        while url.endswith(")") and url.count("(") < url.count(")"):
            url = url[:-1]
        spans.append((m.start(), m.start() + len(url)))
    return spans


def _art_values(listed: str, prefix: str) -> list[str]:
    values = []
    for num in re.finditer(_ARTNUM, listed):
        text = num.group()
        digits = re.match(r"\d+", text).group()
        rest = re.sub(r"^\d+" + _ORD_SUFFIX, "", text)  # 1er → 1
        rest = re.sub(r"\s", "", rest).lower()
        values.append(f"{prefix} {int(digits)}{rest}")
    return values


_NUMERIC_DATE = re.compile(r"(?<![\w./])(\d{1,2})([/.])(\d{1,2})\2(\d{4})(?!\w)")


def _date_matchers(lang: str) -> list[tuple[re.Pattern, object]]:
    """The date patterns of one language (month names differ), each with the
    function that writes the date it matches as ISO 8601."""
    months = MONTHS[lang]
    mp = _month_pattern(lang)
    flags = re.IGNORECASE

    def month(name: str) -> int:
        return months[name.lower().rstrip(".")]

    return [
        # 17 novembre 2023, 1er août 1975, 22 February 2023
        (re.compile(r"(?<![\w.,/])(\d{1,2})(?:er|re|e|st|nd|rd|th)?\s+" + mp
                    + r"\s+(\d{4})(?!\w)", flags),
         lambda m: f"{int(m.group(3)):04d}-{month(m.group(2)):02d}-{int(m.group(1)):02d}"),
        # February 22, 2023
        (re.compile(r"\b" + mp + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\w)", flags),
         lambda m: f"{int(m.group(3)):04d}-{month(m.group(1)):02d}-{int(m.group(2)):02d}"),
        # 2023-11-17
        (re.compile(r"(?<![\w/])(\d{4})-(\d{2})-(\d{2})(?!\w)"),
         lambda m: f"{m.group(1)}-{m.group(2)}-{m.group(3)}"),
        # juin 2024
        (re.compile(r"\b" + mp + r"\s+(\d{4})(?!\w)", flags),
         lambda m: f"{m.group(2)}-{month(m.group(1)):02d}"),
        # le 18 juillet (no year)
        (re.compile(r"(?<![\w.,/])(\d{1,2})(?:er|re|e|st|nd|rd|th)?\s+" + mp, flags),
         lambda m: f"--{month(m.group(2)):02d}-{int(m.group(1)):02d}"),
    ]


_DATE_MATCHERS = {lang: _date_matchers(lang) for lang in MONTHS}


def extract_facts(text: str, lang: str) -> list[Fact]:
    """Every fact of one language's plain text, in reading order."""
    if lang not in MONTHS:
        raise ValueError(f"unknown language {lang!r}: expected 'fr' or 'nl'")
    s = _Scanner(text)

    for start, end in find_urls(s.text):
        url = s.original[start:end]
        s.facts.append((start, Fact("urls", url, url)))
        s.blank(start, end)

    s.take(_DOCREF, "docrefs", lambda m: (
        f"DOC {m.group(1)} {m.group(2)}/{m.group(3)}" if m.group(1)
        else f"DOC {m.group(4)} {m.group(5)}/{m.group(6)}"))

    def eu(m: re.Match) -> str:
        if m.group(1):
            return f"{m.group(1)}/{m.group(2)}({m.group(3)})"
        if m.group(4):
            return f"{m.group(4)}/{m.group(5)}/{_EU_SUFFIX.get(m.group(6), m.group(6))}"
        if m.group(7):
            return m.group(7)
        return f"COM({m.group(8)}) {m.group(9)}"
    s.take(_EUREF, "eurefs", eu)
    s.take(_UNREF, "unrefs",
           lambda m: re.sub(r"\s", "", m.group()) if re.search(r"\d", m.group()) else None)
    # 17/11/2023, 17.11.2023 (before the references they look like)
    s.take(_NUMERIC_DATE, "dates",
           lambda m: f"{m.group(4)}-{int(m.group(3)):02d}-{int(m.group(1)):02d}")
    s.take(_REF, "refs", lambda m: m.group())

    s.take(_ARTICLE, "articles",
           lambda m: "art. 1" if m.group(1) else _art_values(m.group(2), "art."))
    s.take(_PARAGRAPH, "paragraphs", lambda m: _art_values(m.group(1), "§"))
    s.take(_SUBPARAGRAPH, "subparagraphs", lambda m: (
        _art_values(m.group(1), "al.") if m.group(1) else _ordinal_word(m.group(2), lang)))

    for pattern, value in _DATE_MATCHERS[lang]:
        s.take(pattern, "dates", value)

    # 14 h 30, 14h, 14 heures, 14.30 uur, 14 uur, 14:30
    s.take(_TIME, "times", lambda m: f"{int(m.group(1) or m.group(3) or m.group(5)):02d}:"
                                     f"{m.group(2) or m.group(4) or m.group(6) or '00'}")

    s.take(_YEAR, "years", lambda m: m.group(1))

    def number(m: re.Match) -> str:
        grouped, decimal, plain, _suffix, mult = m.groups()
        if grouped:
            digits = re.sub(r"[.\u00a0\u202f]", "", grouped).replace(",", ".")
        elif decimal:
            digits = decimal.replace(",", ".")  # 2,5 (or 2.5 in an English note)
        else:
            digits = plain
        value = Decimal(digits)
        if mult:
            value *= _MULTIPLIERS[mult.lower()]
        return _canon_number(value)
    s.take(_NUMBER, "numbers", number)
    s.take(_ROMAN_ORDINAL, "numbers",
           lambda m: str(_roman(m.group(1))) if re.fullmatch(_ROMAN, m.group(1)) and
           (len(m.group(1)) > 1 or m.group(1) in "VX") else None)

    _number_words(s, lang)
    return [fact for _, fact in sorted(s.facts, key=lambda f: f[0])]


def _ordinal_word(word: str, lang: str) -> str | None:
    """`eerste` (lid), `deuxième` (alinéa) → `al. 1`, `al. 2`."""
    value = _FIRST.get(word.lower(), _word_value(word, lang))
    return f"al. {value}" if isinstance(value, int) else None


def _roman(numeral: str) -> int:
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v
               for i, v in enumerate(values))


def _canon_number(value: Decimal) -> str:
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _number_words(s: _Scanner, lang: str) -> None:
    words = list(_WORD.finditer(s.text))
    i = 0
    while i < len(words):
        if _word_value(words[i].group(), lang) is None or _vetoed(words, i, lang):
            i += 1
            continue
        run = [i]  # indexes of the words of one number, connectors included
        j = i + 1
        while j < len(words):
            prev = run[-1]
            w = words[j].group().lower()
            if w in ("et", "and") and j + 1 < len(words) and \
                    _gap_ok(s.text, words[prev], words[j]) and \
                    _gap_ok(s.text, words[j], words[j + 1]) and \
                    _and_joins(words[prev].group(), words[j + 1].group(), lang):
                run += [j, j + 1]
                j += 2
                continue
            if not _gap_ok(s.text, words[prev], words[j]) or _vetoed(words, j, lang) or \
                    not _joins(words[prev].group(), words[j].group(), lang):
                break
            run.append(j)
            j += 1
        tokens = [words[k].group().lower() for k in run if words[k].group().lower()
                  not in ("et", "and")]
        if not (len(tokens) == 1 and tokens[0] in _ONE):
            start, end = words[run[0]].start(), words[run[-1]].end()
            s.facts.append((start, Fact("numbers", str(_combine(tokens, lang)),
                                        s.original[start:end])))
            s.blank(start, end)
        i = j


def _joins(prev: str, nxt: str, lang: str) -> bool:
    """Whether two number words written next to each other make one number:
    `vingt-trois`, `dix-sept`, `deux cents`, `quatre-vingt-dix`, `drie miljoen`,
    but not `les deux premiers`."""
    a, b = _word_value(prev, lang), _word_value(nxt, lang)
    if a is None or b is None:
        return False
    if isinstance(b, str) or isinstance(a, str):  # a multiplier on either side
        return not (isinstance(a, str) and isinstance(b, str) and a == "x100" == b)
    if prev.lower() == "quatre" and nxt.lower().startswith("vingt"):
        return True
    if a == 60 or a == 20 and prev.lower().startswith("vingt"):
        return 1 <= b <= 19   # soixante-dix-sept, quatre-vingt-dix
    if a == 80 and lang == "fr":
        return 1 <= b <= 19
    if a == 10:
        return 7 <= b <= 9
    if a >= 20 and a < 100 and a % 10 == 0:
        return 1 <= b <= 9
    if a >= 100 and a % 100 == 0:
        return b < 10 ** (len(str(a)) - 1) * 10 and b < a
    return False


def _and_joins(prev: str, nxt: str, lang: str) -> bool:
    """`vingt et un`, `soixante et onze`, `two hundred and five`."""
    a, b = _word_value(prev, lang), _word_value(nxt, lang)
    if a is None or b is None:
        return False
    if isinstance(a, int) and 20 <= a <= 60 and a % 10 == 0:
        return nxt.lower() in ("un", "une", "unième", "onze", "onzième", "one")
    return a == "x100" or a == "x1000" and isinstance(b, int) and b < 100


def _combine(tokens: list[str], lang: str) -> int:
    total, current, last = 0, 0, ""
    for word in tokens:
        v = _word_value(word, lang)
        if isinstance(v, int):
            if v == 20 and last == "quatre":   # quatre-vingt(s) = 4 × 20
                current += 80 - 4
            else:
                current += v
        elif v == "x100":
            current = (current or 1) * 100
        else:
            total += (current or 1) * int(v[1:])
            current = 0
        last = word
    return total + current


def _gap_ok(text: str, a: re.Match, b: re.Match) -> bool:
    """Two words of one number are joined by spaces or a hyphen only."""
    return re.fullmatch(r"[\s\-\u00a0]+", text[a.end():b.start()]) is not None


def _vetoed(words: list[re.Match], j: int, lang: str) -> bool:
    w = words[j].group().lower()
    nxt = words[j + 1].group().lower() if j + 1 < len(words) else ""
    prev = words[j - 1].group().lower() if j > 0 else ""
    return (nxt in _VETO_NEXT[lang].get(w, ()) or prev in _VETO_PREV[lang].get(w, ()))
