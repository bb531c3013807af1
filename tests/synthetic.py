"""Synthetic content for the benchmark and the big-input tests: the
reference document scaled up, and the two big inputs (a 1 MB paragraph,
5,000 considerants)."""
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
