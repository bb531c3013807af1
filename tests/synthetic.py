"""Synthetic content for the benchmark and the big-input tests: the
reference document scaled up, the two big inputs (a 1 MB paragraph,
5,000 considerants), and a proposal full of notes (`many_notes`)."""
from __future__ import annotations

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tests" / "data" / "56K0589001.yaml"
MINIMAL = ROOT / "tests" / "data" / "minimal.yaml"


def scaled_content(factor: int) -> str:
    """The reference document with its développements and notes repeated
    `factor` times (note ids renamed per copy, so every copy has its own)."""
    text = REFERENCE.read_text(encoding="utf-8")
    head, rest = text.split("\ndevelopments:\n", 1)
    body, rest = rest.split("\nresolution:\n", 1)
    resolution, notes = rest.split("\nfootnotes:\n", 1)
    bodies, note_sets = [], []
    for i in range(factor):
        suffix = "" if i == 0 else f"-x{i}"
        bodies.append(re.sub(r"\[\^([A-Za-z0-9_-]+)\]", rf"[^\1{suffix}]", body))
        note_sets.append(re.sub(r"(?m)^  ([A-Za-z0-9][A-Za-z0-9_-]*):", rf"  \1{suffix}:", notes))
    return (f"{head}\ndevelopments:\n" + "\n".join(bodies) + "\nresolution:\n" + resolution
            + "\nfootnotes:\n" + "\n".join(note_sets))


def many_considerants(count: int = 5000) -> str:
    text = MINIMAL.read_text(encoding="utf-8")
    items = "".join(
        f"    - fr: vu la considération numéro {i} relative aux abeilles et aux pesticides;\n"
        f"      nl: gelet op de overweging nummer {i} betreffende bijen en pesticiden;\n"
        for i in range(1, count + 1))
    start = text.index("  considerants:\n") + len("  considerants:\n")
    return text[:start] + items + text[text.index("  requests:\n"):]


def huge_paragraph(size: int = 1_000_000) -> str:
    sentence = "Les abeilles pollinisent les cultures et les fleurs sauvages. "
    paragraph = (sentence * (size // len(sentence) + 1))[:size].strip()
    text = MINIMAL.read_text(encoding="utf-8")
    old = "      fr: Les néonicotinoïdes sont en cause.[^efsa]"
    return text.replace(old, "      fr: " + json.dumps(paragraph + "[^efsa]", ensure_ascii=False))


# Sentences and note texts of many_notes, varied so that notes run from one
# line to a few (a citation, an address, a remark), as in a real proposal.
_NOTE_SENTENCES = {
    "fr": ("Les abeilles pollinisent une grande partie des cultures européennes. ",
           "Leur déclin menace notre alimentation comme la biodiversité des campagnes. ",
           "Les apiculteurs signalent des pertes hivernales sans précédent. "),
    "nl": ("Bijen bestuiven een groot deel van de Europese gewassen. ",
           "Hun achteruitgang bedreigt onze voeding en de biodiversiteit van het platteland. ",
           "Imkers melden ongeziene wintersterfte. "),
}
_NOTE_TEXTS = {
    "fr": ("Rapport de l’EFSA sur les néonicotinoïdes, Parme, {n} février 2018, p. {p}.",
           "https://www.efsa.europa.eu/press/news/180228/{n}",
           "Voir aussi la résolution du Parlement européen du {p} mars 2019 relative aux "
           "perspectives et défis pour le secteur apicole de l’Union, en particulier les "
           "considérants {n} à {p}, et la réponse de la Commission à la question écrite."),
    "nl": ("Verslag van de EFSA over neonicotinoïden, Parma, {n} februari 2018, blz. {p}.",
           "https://www.efsa.europa.eu/press/news/180228/{n}",
           "Zie ook de resolutie van het Europees Parlement van {p} maart 2019 over de "
           "vooruitzichten en uitdagingen voor de bijenteelt in de Unie, in het bijzonder de "
           "overwegingen {n} tot {p}, en het antwoord van de Commissie op de schriftelijke vraag."),
}


def many_notes(count: int = 2000, per_paragraph: int = 3, between: int = 0) -> str:
    """The minimal example whose développements are paragraph pairs of
    `per_paragraph` sentences, each ending with a call to a note of its own
    and following `between` sentences without one (more text, so fewer
    notes on a page): `count` notes in all (the example's first included),
    from one line to four."""
    blocks, notes = [], []
    for first in range(1, count, per_paragraph):
        texts = {"fr": "", "nl": ""}
        for n in range(first, min(first + per_paragraph, count)):
            for lang, sentences in _NOTE_SENTENCES.items():
                texts[lang] += "".join(sentences[(n + k) % 3] for k in range(1, between + 1))
                texts[lang] += sentences[n % 3].rstrip() + f"[^n{n}] "
            note = {lang: _NOTE_TEXTS[lang][n % 3].format(n=n, p=n % 28 + 1)
                    for lang in _NOTE_TEXTS}
            notes.append(f"  n{n}:\n    fr: {json.dumps(note['fr'], ensure_ascii=False)}\n"
                         f"    nl: {json.dumps(note['nl'], ensure_ascii=False)}\n")
        blocks.append(f"  - paragraph:\n"
                      f"      fr: {json.dumps(texts['fr'].strip(), ensure_ascii=False)}\n"
                      f"      nl: {json.dumps(texts['nl'].strip(), ensure_ascii=False)}\n")
    text = MINIMAL.read_text(encoding="utf-8")
    text = text[:text.index("  - heading:")] + "".join(blocks) + text[text.index("  - signature:"):]
    return (text[:text.index("footnotes:")] + "footnotes:\n" + "".join(notes)
            + "  fao:\n    fr: FAO, 2020.\n    nl: FAO, 2020.\n")
