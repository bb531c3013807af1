"""Read the plain-text extraction of a published Chamber PDF back into text.

The seed of DOC 56 0589/001 (`tests/data/seed_56K0589001.txt`)
is what a PDF-to-text tool made of the printed document. Page by page, it
gives the French column, then the French notes of that page, then the Dutch
column, then the Dutch notes. This module undoes the extraction, and only
that: it splits the two languages and their notes, joins what line ends and
page ends broke, removes the footnote numbers from the text, and drops the
page furniture and the labels hemicycle prints itself (A., 4.4.1.,
section titles). What it returns is the published wording, to compare with
a content file (`tests/test_reference_fidelity.py`).

Every repair list below is explicit and small on purpose: each entry was
checked by eye against the seed, and a new seed should get its own lists
rather than a cleverer heuristic.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

# A copy of the seed travels with the tests, so they need nothing outside the
# repository.
SEED = Path(os.environ.get(
    "HEMICYCLE_SEED", Path(__file__).resolve().parent / "data" / "seed_56K0589001.txt"))

LANGS = ("fr", "nl")

# Where the Dutch column of each page begins (start of its first line, as
# extracted, small-caps artefacts included). The French column has no such
# need: a page's text starts on a line with a leading space, or right after
# the page furniture, and the French column always comes first.
NL_COLUMN_STARTS = (
    "TOELICHTING",                    # page 1 of the text
    "voertuigen en goederen langs",   # 2
    "op het Armeense grondgebied",    # 3
    "de gevechten in 2020.",          # 4
    "plaats tussen beide landen.",    # 5
    "Azerbeidzjan vraagt echter",     # 6
    "VOORSTEL VAN RESOLUTIE",         # 7
    "de wereld van 16 november",      # 8
    "2. benadruKt",                   # 9
    "4.4.5. het Armeense",            # 10
)

# Section titles hemicycle prints from the document type: not content.
SECTION_TITLES = {
    "DÉVELOPPEMENTS", "TOELICHTING",
    "PROPOSITION DE RÉSOLUTION", "VOORSTEL VAN RESOLUTIE",
}

# Page furniture: the running head (page number + document number run
# together by the extraction: `110589/001DOC 56`) and the letter-spaced
# session strip. Seen once in this seed; a page break follows it.
FURNITURE = (
    re.compile(r"^\d*\s*0589/001\s*DOC 56\s*\d*$"),
    re.compile(r"^DOC 56\s*0589/001\s*\d*$"),
    re.compile(r"^K A M E R •"),
)

# A hyphen at a line end is a word split by hyphenation, except after these
# first halves of words that are hyphenated anyway (each is also printed
# whole, with its hyphen, elsewhere in the text): Haut-Karabakh,
# cessez-le-feu, Nagorno-Karabach, Lachin-corridor, UNESCO-missie,
# Zangezur-corridor, EU-niveau.
REAL_HYPHEN_PREFIXES = {
    "Haut", "cessez", "Nagorno", "Lachin", "UNESCO", "Zangezur", "EU",
}

# Small capitals came out as lower case with stray capitals (the letters
# the font drew as capitals). Each artefact and the plain word it stands
# for; `Dames`, `La Chambre`, `De Kamer` keep the capital of a first word.
SMALL_CAPS = {
    "MesdaMes": "Mesdames",
    "daMes": "Dames",
    "CHaMbre": "Chambre",
    "de KaMer": "De Kamer",
    "voLKsvertegenwoordigers": "volksvertegenwoordigers",
    "CondaMne": "condamne",
    "souLigne": "souligne",
    "deMande": "demande",
    "gouverneMent": "gouvernement",
    "fédéraL": "fédéral",
    "veroordeeLt": "veroordeelt",
    "benadruKt": "benadrukt",
    "verzoeKt": "verzoekt",
    "federaLe": "federale",
}
# What is left after SMALL_CAPS must not look like an artefact.
SMALL_CAPS_LEFT = re.compile(r"\b\w*[a-zà-ÿ][A-ZÀ-Þ]\w*")

# A note whose line broke inside a file name, not a URL: the extraction
# gives `statement.` / `pdf`.
NOTE_REPAIRS = (("statement. pdf", "statement.pdf"),)

# The signature is printed once for both columns; the extraction put it
# after the Dutch text only. It belongs to both languages.
SHARED_ONCE = ("Els Van Hoof (cd&v)",)

# URLs came out with a space before every `.`, `/`, `-`, `?`, `=` … and
# broke over lines at those places.
_URL = re.compile(r"https?://\S+(?: [./?=&#_-]\S*)*")
_LABEL = re.compile(r"^(?:[A-Z]|\d+(?:\.\d+)*)\.$")   # A.  4.  4.4.1.
_SENTENCE_END = re.compile(r"(?:(?<=[.;:!?])|(?<=[.;:!?][”)]))\s+")


def normalise_space(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def join_lines(lines: list[str]) -> str:
    """Join the lines of one paragraph, undoing line-end hyphenation."""
    out = ""
    for raw in lines:
        line = normalise_space(raw)
        if not line:
            continue
        if not out:
            out = line
        elif out.endswith("-"):
            m = re.search(r"(\w+)-$", out)
            if m and m.group(1) in REAL_HYPHEN_PREFIXES:
                out += line
            else:
                out = out[:-1] + line
        else:
            out += " " + line
    return out


def repair_urls(text: str) -> str:
    return _URL.sub(lambda m: m.group(0).replace(" ", ""), text)


def lower_small_caps(text: str) -> str:
    for artefact, word in SMALL_CAPS.items():
        text = re.sub(rf"\b{re.escape(artefact)}\b", word, text)
    return text


def sentences(text: str) -> list[str]:
    """Split a text into sentences (and clauses ending in `;` or `:`)."""
    text = normalise_space(text)
    return [s for s in _SENTENCE_END.split(text) if s]


@dataclass
class Seed:
    """One language's published text: body paragraphs and numbered notes."""

    body: list[str]
    notes: dict[int, str]
    calls: list[tuple[int, str]]   # note number, text just before the call

    def body_sentences(self) -> list[str]:
        out = []
        for para in self.body:
            out += [s for s in sentences(para) if not _LABEL.match(s)]
        return out

    def note_sentences(self) -> list[str]:
        return [s for n in sorted(self.notes) for s in sentences(self.notes[n])]


def _columns(lines: list[str]) -> list[tuple[str, list[str]]]:
    """The columns in seed order, as (language, lines)."""
    columns: list[tuple[str, list[str]]] = []
    page = -1
    page_break = True   # the text starts a page
    for line in lines:
        stripped = normalise_space(line)
        if any(f.search(stripped) for f in FURNITURE):
            page_break = True
            continue
        if (0 <= page < len(NL_COLUMN_STARTS) and columns[-1][0] == "fr"
                and stripped.startswith(NL_COLUMN_STARTS[page])):
            columns.append(("nl", []))
        elif stripped and (page_break or line.startswith(" ")):
            # a new page: its text starts on a line with a leading space
            page += 1
            page_break = False
            columns.append(("fr", []))
        if columns:
            columns[-1][1].append(line)
    langs = [lang for lang, _ in columns]
    if langs != ["fr", "nl"] * len(NL_COLUMN_STARTS):
        raise ValueError(f"columns found: {langs}")
    return columns


def read_seed(path: Path = SEED) -> dict[str, Seed]:
    lines = path.read_text(encoding="utf-8").splitlines()
    paras: dict[str, list[list[str]]] = {lang: [] for lang in LANGS}
    notes: dict[str, dict[int, list[str]]] = {lang: {} for lang in LANGS}
    for lang, col in _columns(lines):
        _read_column(col, paras[lang], notes[lang])

    for text in SHARED_ONCE:
        for lang in LANGS:
            found = [p for p in paras[lang] if normalise_space(" ".join(p)) == text]
            if not found:
                paras[lang].append([text])   # order does not matter here

    return {lang: _finish(lang, paras[lang], notes[lang]) for lang in LANGS}


def _read_column(col: list[str], paras: list[list[str]], notes: dict[int, list[str]]) -> None:
    col = ["" if line.strip() in SECTION_TITLES else line for line in col]
    # the first line of a column continues the last paragraph of the
    # previous column of that language, unless a blank line or title opens it
    current: list[str] | None = paras[-1] if paras and col and col[0].strip() else None
    note: int | None = None
    prev_blank = True
    for line in col:
        stripped = normalise_space(line)
        expected = max(notes, default=0) + 1
        m = re.match(rf"^{expected} (.*)$", stripped)
        if m and (note is not None or prev_blank):
            note = expected
            notes[note] = [m.group(1)]
        elif note is not None:
            if stripped:
                notes[note].append(stripped)
        elif not stripped:
            current = None
        else:
            if current is None:
                current = []
                paras.append(current)
            current.append(line)
        prev_blank = not stripped


def _finish(lang: str, paras: list[list[str]], notes: dict[int, list[str]]) -> Seed:
    body = [join_lines(p) for p in paras]
    # footnote numbers: the calls come in order 1, 2, 3 …, glued after a
    # word or punctuation mark (`sens.1 Dès`, `oriental17,`)
    calls: list[tuple[int, str]] = []
    text = "\n\n".join(body)
    pos = 0
    for n in range(1, len(notes) + 1):
        m = re.compile(rf"(?<=[^\s\d]){n}(?=[\s,]|$)").search(text, pos)
        if not m:
            raise ValueError(f"{lang}: call of note {n} not found")
        before = text[:m.start()]
        calls.append((n, lower_small_caps(normalise_space(before))[-30:]))
        text = before + text[m.end():]
        pos = m.start()
    body = [normalise_space(lower_small_caps(p)) for p in text.split("\n\n")]
    for p in body:
        if SMALL_CAPS_LEFT.search(p):
            raise ValueError(f"{lang}: small-caps artefact left in {p!r}")
    joined_notes = {}
    for n, note_lines in notes.items():
        note = repair_urls(normalise_space(" ".join(note_lines)))
        for broken, fixed in NOTE_REPAIRS:
            note = note.replace(broken, fixed)
        joined_notes[n] = note
    return Seed(body, joined_notes, calls)


def compare(seed: list[str], content: list[str]) -> tuple[list[str], list[str]]:
    """Sentences of the seed the content lacks, and the content's extras."""
    s, c = Counter(seed), Counter(content)
    return list((s - c).elements()), list((c - s).elements())
