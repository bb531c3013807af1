"""`hemicycle check` on hostile texts: whatever a text holds, reading its facts
ends, in time proportional to its length, and raises nothing.

Each text is read under a generous deadline (a pattern that scans the text
again from each of its positions takes seconds to minutes on these texts,
not the fraction of a second they need), so that a regression fails instead
of hanging. Numbers of any length, number words repeated at will and the
decimal digits of every script are read too.
"""
from __future__ import annotations

import json
import signal
import time
from contextlib import contextmanager

import pytest

from conftest import MINIMAL
from render.check.facts import extract_facts, find_urls
from render.check.parity import check_document, check_facts
from render.content.inline import parse_inline
from render.content.loader import load_bytes
from render.model import Pair, Pos

POS = Pos("t.yaml", 7, 5)
DEADLINE = 20  # seconds; linear reading takes well under one


@contextmanager
def deadline(seconds: float):
    """Fail, rather than hang, when the block runs longer than `seconds`."""
    def expire(*_):
        pytest.fail(f"still running after {seconds} s", pytrace=False)
    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def repeat(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


# Texts made to defeat patterns: long runs of what a pattern repeats, with
# what makes it fail at the end.
HOSTILE = {
    "dotted words": lambda n: repeat("a.", n),
    "dotted digits": lambda n: repeat("1.", n),
    "slashed digits": lambda n: repeat("1/", n),
    "slashed capitals": lambda n: repeat("A/", n),
    "URL of dotted words": lambda n: "http://" + repeat("a.", n),
    "host of hyphens": lambda n: "www." + repeat("a-", n),
    "host without a known domain": lambda n: repeat("a.", n) + "xx/",
    "host with a known domain": lambda n: repeat("a.", n) + "eu/x",
    "URL ending in brackets": lambda n: "http://a" + ")" * n,
    "URL ending in full stops": lambda n: "http://a" + "." * n,
    "spaced digits": lambda n: repeat("1 ", n),
    "article list": lambda n: "art. " + repeat("1, ", n),
    "article list without end": lambda n: "article " + repeat("1 et ", n) + "x",
    "paragraphs": lambda n: "§§ " + repeat("1 ", n),
    "month names": lambda n: repeat("janvier mei ", n),
    "dates": lambda n: repeat("17 novembre 2023 ", n),
    "honderd": lambda n: repeat("honderd ", n),
    "cent": lambda n: repeat("cent ", n),
    "mille": lambda n: repeat("mille ", n),
    "vingt cent": lambda n: repeat("vingt cent ", n),
    "quatre-vingt chain": lambda n: repeat("quatre-vingt-", n),
    "et": lambda n: repeat("et ", n),
    "vingt et": lambda n: repeat("vingt et ", n),
    "spaces": lambda n: " " * n,
    "spaces after an EU marker": lambda n: "(UE)" + " " * n + "x",
    "spaces after an article": lambda n: "article" + " " * n + "x",
    "spaces after a word": lambda n: "premier" + " " * n + "x",
    "DOC": lambda n: repeat("DOC 56 ", n),
    "hyphens": lambda n: "-" * n,
    "full stops": lambda n: "." * n,
    "digits": lambda n: "1" * n,
    "thousands groups": lambda n: "1" + repeat(".000", n),
    "roman numeral": lambda n: "M" * n + "e",
    "one long word": lambda n: "a" * n,
    "one long Dutch number word": lambda n: repeat("honderd", n),
    "other scripts' digits": lambda n: repeat("٣ ١٧ ３ ", n),
    "mixed": lambda n: repeat("a.1/A-b § 1, et janvier DOC 56 (UE) ", n),
}
SIZES = [32_000]  # quadratic reading at this size would take minutes


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("name", HOSTILE)
def test_reading_the_facts_of_a_hostile_text_ends_in_time(name, size):
    text = HOSTILE[name](size)
    with deadline(DEADLINE):
        for lang in ("fr", "nl"):
            extract_facts(text, lang)
            find_urls(text)


def document_with(text: str) -> bytes:
    """The minimal document with `text` as both sides of a paragraph: the
    identical sides are also judged for being left untranslated."""
    content = MINIMAL.read_text(encoding="utf-8")
    for old in ("fr: Les néonicotinoïdes sont en cause.[^efsa]",
                "nl: Neonicotinoïden liggen aan de basis.[^efsa]"):
        assert content.count(old) == 1
        lang = old[:2]
        content = content.replace(old, f"{lang}: " + json.dumps(text + "[^efsa]",
                                                                ensure_ascii=False))
    return content.encode("utf-8")


# The whole check again at the larger size where it does more than read
# facts: many facts to set aside, many URLs to leave out of the house style.
@pytest.mark.parametrize("name, size", [(name, SIZES[0]) for name in HOSTILE])
def test_checking_a_document_holding_a_hostile_text_ends_in_time(name, size):
    doc = load_bytes(document_with(HOSTILE[name](size)), "doc.yaml")
    with deadline(DEADLINE):
        check_document(doc)


def test_checking_many_footnote_calls_ends_in_time():
    doc = load_bytes(document_with(repeat("a 1.[^efsa] ", 32_000)), "doc.yaml")
    with deadline(DEADLINE):
        check_document(doc)


def test_reporting_many_differing_facts_ends_in_time():
    """Every number differs: the message lists each once, however many."""
    fr = " ".join(str(n) for n in range(100_000, 120_000))
    nl = " ".join(str(n) for n in range(120_000, 140_000))
    with deadline(DEADLINE):
        [problem] = check_facts(pair(fr, nl))
    assert problem.message.startswith("numbers differ: fr has 100000, 100001, ")
    assert problem.message.endswith(", 139998, 139999")


# --- numbers of any length ----------------------------------------------------

def facts(text: str, lang: str = "fr") -> list[tuple[str, str]]:
    return [(f.kind, f.value) for f in extract_facts(text, lang)]


def pair(fr: str, nl: str) -> Pair:
    return Pair(parse_inline(fr), parse_inline(nl), POS)


def test_a_number_of_five_thousand_digits_is_one_number():
    digits = "9" * 5000
    assert facts(f"{digits} ruches") == [("numbers", digits)]
    assert facts(f"00{digits},50") == [("numbers", f"{digits}.5")]
    assert check_facts(pair(f"{digits} ruches", f"{digits} bijenkorven")) == []
    other = "9" * 4999 + "8"
    [problem] = check_facts(pair(f"{digits} ruches", f"{other} bijenkorven"))
    assert problem.message.startswith("numbers differ")


def test_a_number_of_thousands_groups_of_any_length_is_one_number():
    assert facts("1" + ".000" * 3000) == [("numbers", "1" + "000" * 3000)]
    assert facts("2,5 millions") == [("numbers", "2500000")]
    assert facts("0,050") == [("numbers", "0.05")]


def test_an_article_number_of_five_thousand_digits_is_one_article():
    digits = "1" * 5000
    assert facts(f"article {digits}") == [("articles", f"art. {digits}")]
    assert facts(f"§ 00{digits}bis") == [("paragraphs", f"§ {digits}bis")]
    assert facts("l’article 007") == [("articles", "art. 7")]


ODD_NUMBERS = {
    "huge exponent": "1e999999", "comma and nothing": "0,", "comma and space": "0, 1",
    "full stop": "1.", "superscript": "10²", "fullwidth": "１２３", "long numeral": "MMMMMMMMMMer",
    "largest numeral": "MMMCMXCIXe", "Arabic-Indic digits": "٣" * 5000, "zeros": "0" * 5000,
    "zero decimals": "0,0000", "mathematical digits": "𝟙𝟚𝟛 ruches",
}


@pytest.mark.parametrize("text", ODD_NUMBERS.values(), ids=ODD_NUMBERS.keys())
def test_odd_numbers_raise_nothing(text):
    for lang in ("fr", "nl"):
        for fact in extract_facts(text, lang):
            assert fact.surface in text


def test_roman_ordinals_end_at_mmmcmxcix():
    assert facts("le MMMCMXCIXe") == [("numbers", "3999")]
    assert facts("M" * 5000 + "e") == []


def test_digits_of_other_scripts_read_as_their_values():
    assert check_facts(pair("le ١٧ novembre ٢٠٢٣, ３ ruches",
                            "op 17 november 2023, 3 bijenkorven")) == []
    assert facts("٢٠٢٣") == [("years", "2023")]
    [problem] = check_facts(pair("３ ruches", "4 bijenkorven"))
    assert problem.message == "numbers differ: fr has ３, nl has 4"


# --- number words repeated at will ----------------------------------------------

REPEATED_WORDS = {
    "honderd as one word": ("honderd" * 1500, "nl"),
    "duizend as one word": ("duizend" * 1500, "nl"),
    "negentienhonderd as one word": ("negentienhonderd" * 500, "nl"),
    "honderd": ("honderd " * 1500, "nl"),
    "cent": ("cent " * 1500, "fr"),
    "mille": ("mille " * 1500, "fr"),
    "vingt cent": ("vingt cent " * 1500, "fr"),
    "quatre-vingt chain": ("quatre-vingt-" * 1500, "fr"),
    "milliard": ("milliard " * 1500, "fr"),
    "mille milliards": ("mille milliards " * 1500, "fr"),
    "two hundred and": ("two hundred and " * 1500, "nl"),
}


@pytest.mark.parametrize("text, lang", REPEATED_WORDS.values(), ids=REPEATED_WORDS.keys())
def test_repeated_number_words_make_numbers_of_a_sensible_size(text, lang):
    with deadline(DEADLINE):
        found = extract_facts(text, lang)
    assert all(len(f.value) <= 19 for f in found), max(len(f.value) for f in found)


def test_a_word_that_would_not_continue_a_number_starts_another():
    assert facts("mille mille") == [("numbers", "1000"), ("numbers", "1000")]
    assert facts("deux cents cent") == [("numbers", "200"), ("numbers", "100")]
    assert facts("quatre-vingt-quatre-vingt") == [("numbers", "84"), ("numbers", "20")]


@pytest.mark.parametrize("text, lang, value", [
    ("deux mille milliards trois cents millions", "fr", "2000300000000"),
    ("mille milliards", "fr", "1000000000000"),
    ("dix-neuf cent quatre-vingt-quatorze", "fr", "1994"),
    ("cent vingt-trois mille quatre cent cinquante-six", "fr", "123456"),
    ("mille et une", "fr", "1001"),
    ("duizend miljard", "nl", "1000000000000"),
    ("tweeduizendvierentwintig", "nl", "2024"),
    ("negentienhonderdvierennegentig", "nl", "1994"),
    ("honderdduizend", "nl", "100000"),
    ("negenhonderdnegenennegentigduizendnegenhonderdnegenennegentig", "nl", "999999"),
    ("twee miljoen driehonderdduizend", "nl", "2300000"),
])
def test_well_formed_numbers_in_words_are_read_whole(text, lang, value):
    assert facts(text, lang) == [("numbers", value)]


# --- URLs found as before, in one pass ---------------------------------------------

@pytest.mark.parametrize("text, urls", [
    ("voir https://hetq.am/en/article/162461.", ["https://hetq.am/en/article/162461"]),
    ("(www.example.org/a(b))).", ["www.example.org/a(b)"]),
    ("voir hetq.am/en/x, puis", ["hetq.am/en/x"]),
    ("cf...europa.eu/x", ["europa.eu/x"]),
    ("-europa.eu/x", ["europa.eu/x"]),
    ("x_europa.eu/x", []),
    ("a.b.xx/x", []),
    ("www.", []),
    ("un a.b.c.d.eu/ et www.x.be", ["a.b.c.d.eu/", "www.x.be"]),
])
def test_urls(text, urls):
    assert [text[start:end] for start, end in find_urls(text)] == urls
