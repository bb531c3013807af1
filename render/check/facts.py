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

Any text is read in time proportional to its length, whatever it holds:
every pattern is written so that no stretch of text is scanned again from
each of its positions, numbers in digits are compared as digit strings (a
number of 5,000 digits is still one number), and number words are read word
by word, refusing what would make an ill-formed number.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
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


# Longer than any number written as one Dutch word (the longest this reads,
# negenhonderdnegenennegentigmiljoen…negenennegentigste, has 108 letters): a
# longer word is no number, whatever it is made of.
_NL_LONGEST_NUMBER = 120
_NL_SCALES = (("miljoen", 10**6), ("duizend", 1000), ("honderd", 100))
_NL_BELOW_HUNDRED = re.compile(
    r"(een|twee|drie|vier|vijf|zes|zeven|acht|negen)(?:en|ën)"
    r"(twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig)")


def _nl_cardinal(word: str) -> int | None:
    """A Dutch cardinal written as one word (`drieëntwintig`,
    `tweehonderdvijftig`, `negentienhonderd`, `tweeduizendvierentwintig`) →
    its value. Read scale by scale, left to right: a word of any length costs
    one pass and no recursion."""
    if not word or len(word) > _NL_LONGEST_NUMBER or word in _NL_MULT:
        return None  # a bare `honderd` is a multiplier, not a cardinal
    total, rest = 0, word
    for scale_word, scale in _NL_SCALES:
        count_text, found, after = rest.partition(scale_word)
        if found:
            count = _nl_count(count_text)
            if count is None:
                return None
            total += count * scale
            rest = after
    if not rest:
        return total
    units = _nl_below_hundred(rest)
    return None if units is None else total + units


def _nl_count(text: str) -> int | None:
    """How many of a scale: `twee` in `tweeduizend`, `tweehonderd` in
    `tweehonderdduizend`; none written is one (`duizend`, `honderdtwintig`)."""
    if not text:
        return 1
    hundreds, found, units = text.partition("honderd")
    if not found:
        return _nl_below_hundred(text)
    h = _nl_below_hundred(hundreds) if hundreds else 1
    u = _nl_below_hundred(units) if units else 0
    return None if h is None or u is None else h * 100 + u


def _nl_below_hundred(word: str) -> int | None:
    """`drie`, `dertien`, `dertig`, `drieëndertig` → 3, 13, 30, 33."""
    if word in _NL_SMALL:
        return _NL_SMALL[word]
    if word in _NL_TENS:
        return _NL_TENS[word]
    m = _NL_BELOW_HUNDRED.fullmatch(word)
    if m:
        return _NL_UNITS[m.group(1)] + _NL_TENS[m.group(2)]
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
# A pattern is tried at every position of the text, so none may read far from
# a position where it then fails: each either starts only where a stretch
# starts (behind a lookbehind or \b that no position inside the stretch
# passes) or gives up within a few characters, and runs of spaces and digits
# are matched possessively (`\s++`, `\d++`) where what follows cannot be one
# of them, so they are never given back one by one. No stretch is then read
# again from each of its positions, and a pattern's time grows with the
# length of the text, not with its square.

# A URL runs to the end of its stretch of text without spaces, angle brackets
# or quotes.
_URL_STRETCH = re.compile(r"[^\s<>\"“”«»]+")
_URL_SCHEME = re.compile(r"https?://|www\.", re.IGNORECASE)
# A URL written without a scheme (`hetq.am/en/article/162461`) is a host
# before a slash: the host's characters start where no host character
# precedes them, and are read once, possessively.
_HOST_BEFORE_SLASH = re.compile(r"(?<![a-z0-9.-])[a-z0-9.-]++(?=/)", re.IGNORECASE)
_TOP_LEVEL_DOMAIN = re.compile(r"com|org|net|eu|be|int|am|edu|gov|info|fr|nl|uk|de|io",
                               re.IGNORECASE)
_WORD_CHAR = re.compile(r"\w")
_URL_END_PUNCTUATION = ".,;:!?’'”»"
_DOCREF = re.compile(r"\bDOC\s++(\d{2})\s++(\d{4})/(\d{3})\b|\b(\d{2})K(\d{4})(\d{3})\b")
_EU_SUFFIX = {"UE": "EU", "CE": "EC", "EG": "EC", "CEE": "EEC", "EEG": "EEC"}
_EUREF = re.compile(
    r"\b(\d{4})/(\d{4})\s?\((RSP|INI|COD|NLE|CNS|APP|BUD|DEC|IMM|REG|ACI)\)"
    r"|\b(\d{4})/(\d{1,4})/(UE|EU|CE|EC|EG|CEE|EEC|EEG)\b"
    # spaces once, before and after `n°`: two free runs of spaces side by side
    # would try every way of sharing the spaces between them
    r"|\((?:UE|EU|CE|EC|EG|CEE|EEC|EEG|Euratom)\)\s*+(?:(?:n°|nr\.?|no\.?)\s*+)?"
    r"(\d{1,4}/\d{1,4})\b"
    r"|\bCOM\s?\((\d{4})\)\s?(\d++)")
_UNREF = re.compile(r"\b[A-Z]{1,8}(?:/[A-Z0-9](?:[A-Za-z0-9.\-]*[A-Za-z0-9])?)+"
                    r"(?:\s?\(\d{4}\))?")
_REF = re.compile(r"\b\d{1,4}/\d{1,4}(?:/\d{1,4})*\b")
_ORD_SUFFIXES = r"er|re|ère|e|ème|ste|de|st|nd|rd|th"
_ORD_SUFFIX = r"(?:" + _ORD_SUFFIXES + r")?"
_ARTNUM = (r"\d++(?!°)" + _ORD_SUFFIX + r"(?:/\d++)?(?:\s?(?:bis|ter|quater|quinquies|sexies|"
           r"septies|octies|novies|decies)\b)?")
_ARTNUM_RE = re.compile(_ARTNUM)
_ARTNUM_HEAD = re.compile(r"(\d++)" + _ORD_SUFFIX)  # `1er` in `1er/2`
_ARTLIST = _ARTNUM + r"(?:\s*+(?:,|\bet\b|\ben\b|\band\b|\bà\b|\btot\b|\bto\b|\bou\b|"\
           r"\bof\b|\bor\b|-|–)\s*+" + _ARTNUM + r")*"
_ARTICLE = re.compile(r"\b(?:articles?|artikel(?:en|s)?|art\.)\s*+(?:(premier)\b|(" + _ARTLIST + r"))",
                      re.IGNORECASE)
_PARAGRAPH = re.compile(r"(?:§§?|\b(?:paragraphes?|paragra(?:af|fen)|paragraphs?)\b)\s*+("
                        + _ARTLIST + r")", re.IGNORECASE)
_NUMBER = re.compile(
    r"(?<![\w.,/])(?:(\d{1,3}(?:[.\u00a0\u202f]\d{3})+(?:,\d+)?)|(\d+,\d+|\d+\.\d{1,2}(?![.,]?\d))"
    r"|(\d+))"
    + r"(" + _ORD_SUFFIXES + r")?"
    r"(?:\s++(millions?|miljoen|milliards?|miljard|billion))?(?![\w])")
_THOUSANDS_SEPARATOR = re.compile(r"[.\u00a0\u202f]")
_SUBPARAGRAPH = re.compile(r"\b(?:alinéas?|lid|leden)\s++(" + _ARTLIST + r")"
                           r"|\b([^\W\d_]++)\s++(?:alinéa|lid)\b", re.IGNORECASE)
_TIME = re.compile(r"(?<![\w.,/])(?:([01]?\d|2[0-3])\s?(?:h|heures?)\s?([0-5]\d)?(?!\w)"
                   r"|([01]?\d|2[0-3])(?:[.:]([0-5]\d))?\s?uur\b"
                   r"|([01]?\d|2[0-3]):([0-5]\d)(?![\d]))")
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
# XXe siècle, la Ve République (Dutch writes 20ste eeuw); `Albert Ier` is Dutch
# `Albert I`, so the first does not count, as `premier` does not. No numeral up
# to MMMCMXCIX is longer than 15 letters.
_ROMAN_ORDINAL = re.compile(r"\b([IVXLCDM]{1,15})(?:er|re|e|ème)\b")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
_YEAR = re.compile(r"(?<![\w.,/])(1[89]\d\d|20\d\d)(?![\w]|[.,]\d)")
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_GAP_IN_NUMBER = re.compile(r"[\s\-\u00a0]+")
# Powers of ten: `2,5 millions` is 2,5 with its point moved six places.
_MULTIPLIERS = {"million": 6, "millions": 6, "miljoen": 6, "milliard": 9,
                "milliards": 9, "miljard": 9, "billion": 9}
# Decimal digits of other scripts (Arabic-Indic ٣, fullwidth ３) match \d too:
# they are read as the digits 0-9 they stand for.
_OTHER_DIGIT = re.compile(r"(?![0-9])\d")


def _month_pattern(lang: str) -> str:
    names = sorted(MONTHS[lang], key=len, reverse=True)
    return "(" + "|".join(names) + r")\b\.?"


def _ascii_digits(text: str) -> str:
    """The text with every decimal digit written 0-9, one character for one,
    so that positions in it are positions in the text."""
    if text.isascii():
        return text
    return _OTHER_DIGIT.sub(lambda m: str(unicodedata.decimal(m.group(), m.group())), text)


class _Scanner:
    """The text with what has been matched blanked out."""

    def __init__(self, text: str):
        self.original = text
        self.text = _ascii_digits(text)
        self.facts: list[tuple[int, Fact]] = []

    def take(self, pattern: re.Pattern, kind: str,
             canon: Callable[[re.Match], str | list[str] | None]) -> None:
        spans = []
        for m in pattern.finditer(self.text):
            value = canon(m)
            if value is None:
                continue
            self.add(kind, value, *m.span())
            spans.append(m.span())
        self.blank(spans)

    def add(self, kind: str, value: str | list[str], start: int, end: int) -> None:
        surface = self.original[start:end]
        for v in ([value] if isinstance(value, str) else value):
            self.facts.append((start, Fact(kind, v, surface)))

    def blank(self, spans: list[tuple[int, int]]) -> None:
        """Blank out spans given in order: the text is copied once for all of
        them, not once for each, which a text of many facts would make slow."""
        pieces, at = [], 0
        for start, end in spans:
            pieces += [self.text[at:start], " " * (end - start)]
            at = end
        pieces.append(self.text[at:])
        self.text = "".join(pieces)


def find_urls(text: str) -> list[tuple[int, int]]:
    """Spans of the URLs in a text (trailing punctuation is not part of them).
    A URL runs from its start to the end of its stretch of characters, so a
    stretch holds one URL at most, from the first place one can start."""
    spans = []
    for stretch in _URL_STRETCH.finditer(text):
        start = _url_start(text, *stretch.span())
        if start is not None:
            spans.append((start, _url_end(text, start, stretch.end())))
    return spans


def _url_start(text: str, start: int, end: int) -> int | None:
    """Where the first URL of text[start:end] starts: at `http://`, `https://`
    or `www.` followed by anything, or at a host before a slash."""
    scheme = _URL_SCHEME.search(text, start, end)
    first = scheme.start() if scheme and scheme.end() < end else None
    for host in _HOST_BEFORE_SLASH.finditer(text, start, end):
        if first is not None and host.start() >= first:
            break
        at = _bare_host_start(text, *host.span())
        if at is not None:
            return at if first is None else min(at, first)
    return first


def _bare_host_start(text: str, start: int, slash: int) -> int | None:
    """Where a host starts in text[start:slash], host characters before a
    slash: at the first word boundary from which they read as labels and dots
    up to a known top-level domain (`europa.eu`, not `..eu` or `a.x`)."""
    last_dot = text.rfind(".", start, slash)
    if last_dot < 0 or not _TOP_LEVEL_DOMAIN.fullmatch(text, last_dot + 1, slash):
        return None
    empty_label = text.rfind("..", start, last_dot + 1)
    first = start if empty_label < 0 else empty_label + 2
    for at in range(first, last_dot):
        if text[at] != "." and _at_word_boundary(text, at):
            return at
    return None


def _at_word_boundary(text: str, at: int) -> bool:
    before = at > 0 and _WORD_CHAR.match(text, at - 1) is not None
    return before != (_WORD_CHAR.match(text, at) is not None)


def _url_end(text: str, start: int, end: int) -> int:
    """The end of a URL without the punctuation of the sentence after it,
    nor closing brackets it does not open."""
    url = text[start:end].rstrip(_URL_END_PUNCTUATION)
    unopened = url.count(")") - url.count("(")
    closing = len(url) - len(url.rstrip(")"))
    return start + len(url) - max(0, min(unopened, closing))


def _art_values(listed: str, prefix: str) -> list[str]:
    """`5, 6bis et 7/1` → `art. 5`, `art. 6bis`, `art. 7/1`: the digits kept as
    written but for leading zeros, so that a number of any length is read."""
    values = []
    for num in _ARTNUM_RE.finditer(listed):
        text = num.group()
        head = _ARTNUM_HEAD.match(text)  # 1er → 1
        rest = re.sub(r"\s", "", text[head.end():]).lower()
        values.append(f"{prefix} {_canon_digits(head.group(1))}{rest}")
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
        (re.compile(r"(?<![\w.,/])(\d{1,2})(?:er|re|e|st|nd|rd|th)?\s++" + mp
                    + r"\s++(\d{4})(?!\w)", flags),
         lambda m: f"{int(m.group(3)):04d}-{month(m.group(2)):02d}-{int(m.group(1)):02d}"),
        # February 22, 2023
        (re.compile(r"\b" + mp + r"\s++(\d{1,2})(?:st|nd|rd|th)?,?\s++(\d{4})(?!\w)", flags),
         lambda m: f"{int(m.group(3)):04d}-{month(m.group(1)):02d}-{int(m.group(2)):02d}"),
        # 2023-11-17
        (re.compile(r"(?<![\w/])(\d{4})-(\d{2})-(\d{2})(?!\w)"),
         lambda m: f"{m.group(1)}-{m.group(2)}-{m.group(3)}"),
        # juin 2024
        (re.compile(r"\b" + mp + r"\s++(\d{4})(?!\w)", flags),
         lambda m: f"{m.group(2)}-{month(m.group(1)):02d}"),
        # le 18 juillet (no year)
        (re.compile(r"(?<![\w.,/])(\d{1,2})(?:er|re|e|st|nd|rd|th)?\s++" + mp, flags),
         lambda m: f"--{month(m.group(2)):02d}-{int(m.group(1)):02d}"),
    ]


_DATE_MATCHERS = {lang: _date_matchers(lang) for lang in MONTHS}


def extract_facts(text: str, lang: str) -> list[Fact]:
    """Every fact of one language's plain text, in reading order."""
    return [fact for _, fact in sorted(_scan(text, lang).facts, key=lambda f: f[0])]


def blank_facts(text: str, lang: str) -> str:
    """The text with every fact blanked out, position for position: the words
    left to read once numbers, dates, references and URLs are set aside."""
    return _scan(text, lang).text


def _scan(text: str, lang: str) -> _Scanner:
    if lang not in MONTHS:
        raise ValueError(f"unknown language {lang!r}: expected 'fr' or 'nl'")
    s = _Scanner(text)

    urls = find_urls(text)  # as written: `١٧.eu/` is no host
    for start, end in urls:
        s.add("urls", s.original[start:end], start, end)
    s.blank(urls)

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

    s.take(_NUMBER, "numbers", _number)
    s.take(_ROMAN_ORDINAL, "numbers",
           lambda m: str(_roman(m.group(1))) if _ROMAN.fullmatch(m.group(1)) and
           (len(m.group(1)) > 1 or m.group(1) in "VX") else None)

    _number_words(s, lang)
    return s


def _ordinal_word(word: str, lang: str) -> str | None:
    """`eerste` (lid), `deuxième` (alinéa) → `al. 1`, `al. 2`."""
    value = _FIRST.get(word.lower(), _word_value(word, lang))
    return f"al. {value}" if isinstance(value, int) else None


def _roman(numeral: str) -> int:
    values = [_ROMAN_VALUES[c] for c in numeral]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v
               for i, v in enumerate(values))


def _number(m: re.Match) -> str:
    """`120.000`, `2,5`, `2.5` (in an English note), `3 millions` → canonical."""
    grouped, decimal, plain, _suffix, mult = m.groups()
    if grouped:
        whole, _, fraction = _THOUSANDS_SEPARATOR.sub("", grouped).partition(",")
    elif decimal:
        whole, _, fraction = decimal.replace(",", ".").partition(".")
    else:
        whole, fraction = plain, ""
    return _canon_digits(whole, fraction, _MULTIPLIERS[mult.lower()] if mult else 0)


def _canon_digits(whole: str, fraction: str = "", shift: int = 0) -> str:
    """The number whole.fraction × 10**shift written without leading zeros nor
    trailing zeros after the point: `007` → `7`, `2,50` → `2.5`, `2,5 millions`
    → `2500000`. Digits are moved, never turned into an int, so a number of
    any length is read and two are equal when their digits are."""
    digits = whole + fraction
    point = len(whole) + shift
    digits = digits.ljust(point, "0")
    integer = digits[:point].lstrip("0") or "0"
    decimals = digits[point:].rstrip("0")
    return f"{integer}.{decimals}" if decimals else integer


def _number_words(s: _Scanner, lang: str) -> None:
    """Numbers written in words, each run of words read once, left to right."""
    words = list(_WORD.finditer(s.text))
    spans = []
    i = 0
    while i < len(words):
        if _word_value(words[i].group(), lang) is None or _vetoed(words, i, lang):
            i += 1
            continue
        number = _SpelledNumber(lang)
        number.add(words[i].group())
        run = [i]  # indexes of the words of one number, connectors included
        j = i + 1
        while j < len(words):
            prev = run[-1]
            w = words[j].group().lower()
            if w in ("et", "and") and j + 1 < len(words) and \
                    _gap_ok(s.text, words[prev], words[j]) and \
                    _gap_ok(s.text, words[j], words[j + 1]) and \
                    _and_joins(words[prev].group(), words[j + 1].group(), lang) and \
                    number.add(words[j + 1].group()):
                run += [j, j + 1]
                j += 2
                continue
            if not _gap_ok(s.text, words[prev], words[j]) or _vetoed(words, j, lang) or \
                    not _joins(words[prev].group(), words[j].group(), lang) or \
                    not number.add(words[j].group()):
                break
            run.append(j)
            j += 1
        tokens = [words[k].group().lower() for k in run if words[k].group().lower()
                  not in ("et", "and")]
        if not (len(tokens) == 1 and tokens[0] in _ONE):
            start, end = words[run[0]].start(), words[run[-1]].end()
            s.add("numbers", str(number.value), start, end)
            spans.append((start, end))
        i = j
    s.blank(spans)


class _SpelledNumber:
    """A number written in words, read one word at a time. A word that would
    not continue a well-formed number is refused (`cent` after `deux cents`,
    `mille` after `mille`, `vingt` after `quatre-vingt-quatre`), so the value
    stays in the range numbers are written in words, whatever the text."""

    def __init__(self, lang: str):
        self.lang = lang
        self.total = 0        # the thousands, millions … already closed
        self.groups = 0       # how many of them
        self.current = 0      # the group below the last of them
        self.scale = None     # the last of them: 1000, 10**6 …
        self.last = ""

    @property
    def value(self) -> int:
        return self.total + self.current

    def add(self, word: str) -> bool:
        """Add a word to the number; False (and nothing added) if it does not fit."""
        value, word = _word_value(word, self.lang), word.lower()
        if isinstance(value, int):
            fits = self._add_count(value)
        elif value == "x100":
            fits = self._add_hundred()
        else:
            fits = self._add_scale(int(value[1:]))
        if fits:
            self.last = word
        return fits

    def _add_count(self, value: int) -> bool:
        if value == 20 and self.last == "quatre":  # quatre-vingt(s) = 4 × 20
            value = 80 - 4
        if self.current and self.current % 100 + value >= 100:
            return False  # the tens and units are full
        self.current += value
        return True

    def _add_hundred(self) -> bool:
        if self.current >= 100:
            return False
        self.current = (self.current or 1) * 100
        return True

    def _add_scale(self, scale: int) -> bool:
        if self.scale is None or scale < self.scale:
            self.total += (self.current or 1) * scale
            self.current, self.scale, self.groups = 0, scale, self.groups + 1
            return True
        if self.groups == 1 and not self.current and scale > self.scale:
            # mille milliards, duizend miljard: a scale of the one group so far,
            # never twice the same, so at most 10**18
            self.total *= scale
            self.scale *= scale
            return True
        return False  # thousands come after millions, not again


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


def _gap_ok(text: str, a: re.Match, b: re.Match) -> bool:
    """Two words of one number are joined by spaces or a hyphen only."""
    return _GAP_IN_NUMBER.fullmatch(text, a.end(), b.start()) is not None


def _vetoed(words: list[re.Match], j: int, lang: str) -> bool:
    w = words[j].group().lower()
    nxt = words[j + 1].group().lower() if j + 1 < len(words) else ""
    prev = words[j - 1].group().lower() if j > 0 else ""
    return (nxt in _VETO_NEXT[lang].get(w, ()) or prev in _VETO_PREV[lang].get(w, ()))
