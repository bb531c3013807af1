"""The content of DOC 56 0589/001 says what the published document says.

`tests/data/56K0589001.yaml` (the test suite's copy of `content/56K0589001.yaml`)
was transcribed from a plain-text extraction of the published PDF (the seed). Here the seed is read again independently
(`tests/seed_text.py` undoes the extraction: columns, notes, hyphenation,
URL spaces, small caps, footnote numbers, page furniture) and compared
sentence by sentence with the content as loaded by `render.content.loader`, in each
language, for the body and for the notes. The title and the date of deposit
are not in the seed and are not compared.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from render.content.loader import load_document
from render.model import Document, NoteRef, iter_requests

from seed_text import (LANGS, REAL_HYPHEN_PREFIXES, SEED, SMALL_CAPS, Seed, compare,
                       normalise_space, read_seed, sentences)

CONTENT = Path(__file__).resolve().parent / "data" / "56K0589001.yaml"



@pytest.fixture(scope="module")
def seed() -> dict[str, Seed]:
    return read_seed()


@pytest.fixture(scope="module")
def doc() -> Document:
    return load_document(CONTENT)


# --- the content, as plain text ---------------------------------------------

def body_units(doc: Document, lang: str) -> list:
    """The body texts of one language in reading order, as `Text`s; a request's
    lead and text are one unit, as printed (`condamne avec …`)."""
    units = [block.text[lang] for block in doc.developments]
    units.append(doc.resolution.opening[lang])
    units += [c.text[lang] for c in doc.resolution.considerants]
    for r in iter_requests(doc.resolution.requests):
        units.append([p[lang] for p in (r.lead, r.text) if p is not None])
    return units


def plain(unit) -> str:
    texts = unit if isinstance(unit, list) else [unit]
    return normalise_space(" ".join(t.plain for t in texts))


def content_body(doc: Document, lang: str) -> list[str]:
    return [plain(u) for u in body_units(doc, lang)]


def content_notes(doc: Document, lang: str) -> dict[int, str]:
    return {n.number: normalise_space(n.text[lang].plain) for n in doc.notes_in_order()}


def content_calls(doc: Document, lang: str) -> list[tuple[int, str]]:
    """Each call's note number and the 30 characters printed before it."""
    calls, before = [], ""
    for unit in body_units(doc, lang):
        for text in unit if isinstance(unit, list) else [unit]:
            for part in text.parts:
                if isinstance(part, NoteRef):
                    calls.append((doc.note_number(part.id), normalise_space(before)[-30:]))
                else:
                    before += part.text
            before += " "
        before += " "
    return calls


# --- the comparison ---------------------------------------------------------

def sentence_diff(seed_sentences: list[str], content_texts: list[str]):
    """(missing, extra): seed sentences the content lacks, content sentences
    the seed lacks, counting repeats."""
    return compare(seed_sentences, [s for t in content_texts for s in sentences(t)])


def report(missing: list[str], extra: list[str]) -> str:
    lines = [f"{len(missing)} sentence(s) of the seed missing from the content:"]
    lines += [f"  - {s}" for s in missing]
    lines += [f"{len(extra)} sentence(s) of the content not in the seed:"]
    lines += [f"  + {s}" for s in extra]
    return "\n".join(lines)


@pytest.mark.parametrize("lang", LANGS)
def test_body_says_what_the_seed_says(seed, doc, lang):
    missing, extra = sentence_diff(seed[lang].body_sentences(), content_body(doc, lang))
    assert not missing and not extra, f"{lang} body:\n" + report(missing, extra)


@pytest.mark.parametrize("lang", LANGS)
def test_notes_say_what_the_seed_says(seed, doc, lang):
    notes = content_notes(doc, lang)
    missing, extra = sentence_diff(seed[lang].note_sentences(),
                                   [notes[n] for n in sorted(notes)])
    assert not missing and not extra, f"{lang} notes:\n" + report(missing, extra)


@pytest.mark.parametrize("lang", LANGS)
def test_notes_are_numbered_and_called_as_printed(seed, doc, lang):
    assert content_notes(doc, lang) == seed[lang].notes
    assert content_calls(doc, lang) == seed[lang].calls


def test_paragraphs_pair_one_to_one(seed, doc):
    """The i-th block of the développements is the i-th paragraph of the
    French column beside the i-th paragraph of the Dutch column."""
    blocks = doc.developments[:-1]   # the signature is printed once, see seed_text
    for lang in LANGS:
        order = [seed[lang].body.index(plain(b.text[lang])) if plain(b.text[lang])
                 in seed[lang].body else None for b in blocks]
        assert order == list(range(len(blocks))), (lang, order)


# --- the check bites --------------------------------------------------------

def test_a_dropped_sentence_is_reported(seed, doc):
    texts = content_body(doc, "nl")
    i = next(i for i, t in enumerate(texts) if len(sentences(t)) > 3)
    dropped = sentences(texts[i])[2]
    mutated = list(texts)
    mutated[i] = " ".join(s for s in sentences(texts[i]) if s != dropped)
    assert sentence_diff(seed["nl"].body_sentences(), texts) == ([], [])
    assert sentence_diff(seed["nl"].body_sentences(), mutated) == ([dropped], [])


def test_a_changed_word_and_an_added_sentence_are_reported(seed, doc):
    texts = content_body(doc, "fr")
    mutated = list(texts)
    mutated[1] = mutated[1].replace("en 1994", "en 1995") + " Phrase ajoutée."
    missing, extra = sentence_diff(seed["fr"].body_sentences(), mutated)
    assert len(missing) == 1 and "en 1994" in missing[0]
    assert sorted(extra) == sorted([missing[0].replace("en 1994", "en 1995"),
                                    "Phrase ajoutée."])


def test_repair_lists_are_all_needed():
    """Every entry of the explicit repair lists matches something in the seed."""
    raw = SEED.read_text(encoding="utf-8").replace("\u00a0", " ")
    for artefact in SMALL_CAPS:
        assert re.search(rf"\b{re.escape(artefact)}\b", raw), artefact
    line_ends = {m.group(1) for m in re.finditer(r"(\w+)-\s*$", raw, re.M)}
    assert REAL_HYPHEN_PREFIXES <= line_ends, REAL_HYPHEN_PREFIXES - line_ends
