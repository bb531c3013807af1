"""Small dossiers written into a test's folder: a proposal DOC 56 0700/001
(considerants lettered A, B, …, two requests, the first with two
sub-requests), sets of amendments and texts adopted, named as the Chamber
names them (`56K0700001.yaml`)."""
from __future__ import annotations

import textwrap
from pathlib import Path

from render.model.locale import file_stem

NUMBER = 700


def name(sub: int, number: int = NUMBER) -> str:
    return f"{file_stem(56, number, sub)}.yaml"


def proposal(considerants: int = 3, number: int = NUMBER, notes: bool = True) -> str:
    """A valid proposal whose considerant i (from 1) reads `vu le document
    numéro i;`; considerant A calls the note `n1` when `notes`."""
    lines = []
    for i in range(1, considerants + 1):
        call = "[^n1]" if notes and i == 1 else ""
        lines.append(f"    - fr: vu le document numéro {i}{call};\n"
                     f"      nl: gelet op het document nummer {i}{call};\n")
    footnotes = ("footnotes:\n"
                 "  n1:\n"
                 "    fr: Une note de la proposition.\n"
                 "    nl: Een voetnoot van het voorstel.\n") if notes and considerants else ""
    return f"""\
document:
  type: resolution
  legislature: 56
  number: {number}
  subdocument: 1
  deposited: 2024-11-14
  lead: fr
  title:
    fr: relative à la protection des abeilles
    nl: betreffende de bescherming van de bijen
  authors:
    - name: Marie Dupont
      gender: f
      party: PS

developments:
  - paragraph:
      fr: Les abeilles disparaissent.
      nl: De bijen verdwijnen.

resolution:
  opening:
    fr: La Chambre des représentants,
    nl: De Kamer van volksvertegenwoordigers,
  considerants:
{"".join(lines) if lines else "    []"}
  requests:
    - lead:
        fr: demande au gouvernement fédéral
        nl: verzoekt de federale regering
      text:
        fr: "d’agir:"
        nl: "op te treden:"
      requests:
        - text:
            fr: en interdisant les néonicotinoïdes;
            nl: door neonicotinoïden te verbieden;
        - text:
            fr: en soutenant les apiculteurs;
            nl: door de imkers te steunen;
    - text:
        fr: de rendre compte de son action.
        nl: verslag uit te brengen over haar optreden.

{footnotes}"""


def amendments(sub: int, body: str, base: int = 1, number: int = NUMBER,
               document: str = "", footnotes: str = "") -> str:
    """A set of amendments; `body` is the YAML of the list under
    `amendments:` (written at column 0, indented here)."""
    doc = document or """\
  tabled_in: committee
  committee:
    fr: commission de l’Économie
    nl: commissie voor Economie
  authors:
    - name: Marie Dupont
      gender: f
      party: PS
"""
    notes = "footnotes:\n" + textwrap.indent(textwrap.dedent(footnotes), "  ") \
        if footnotes else ""
    return f"""\
document:
  type: amendments
  legislature: 56
  number: {number}
  subdocument: {sub}
  deposited: 2024-12-04
  lead: fr
  base: {base}
{doc}
amendments:
{textwrap.indent(textwrap.dedent(body), "  ")}
{notes}"""


def adopted(sub: int, sets: list[int], numbers: list[int], base: int = 1,
            number: int = NUMBER) -> str:
    return f"""\
document:
  type: adopted-text
  legislature: 56
  number: {number}
  subdocument: {sub}
  deposited: 2025-01-15
  lead: fr
  base: {base}
  amendments: {sets}
  adopted: {numbers}
  adopted_by: committee
  committee:
    fr: commission de l’Économie
    nl: commissie voor Economie
"""


def write(folder: Path, sub: int, text: str, number: int = NUMBER) -> Path:
    path = folder / name(sub, number)
    path.write_text(text, encoding="utf-8")
    return path


def line_of(path: Path, needle: str, nth: int = 1) -> int:
    """The 1-based line of the nth line holding `needle`."""
    found = [i for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if needle in line]
    return found[nth - 1]


# Amendments used by several tests, one YAML snippet each.
def justification(fr: str = "Une raison.", nl: str = "Een reden.") -> str:
    return f"""\
  justification:
    - fr: {fr}
      nl: {nl}
"""


def amendment(target: str, action: str, extra: str = "") -> str:
    """One item of `amendments:`; `extra` holds its other keys, at column 0."""
    item = f"- target: {target}\n  action: {action}\n"
    if extra:
        item += textwrap.indent(textwrap.dedent(extra), "  ")
    return item + justification()


def new_text(fr: str, nl: str, key: str = "text") -> str:
    return f"{key}:\n  fr: {fr}\n  nl: {nl}\n"


# New texts and a sub-amendment that tests of loading and of consolidation share.
NEW_CONSIDERANT = new_text("considérant que les ruches meurent;",
                           "overwegende dat de korven sterven;")
NEW_REQUEST = new_text("d’en informer la Chambre;", "de Kamer daarover in te lichten;")
# amends amendment 1 (which puts NEW_CONSIDERANT in place): its words, not the base's
SUB_AMENDMENT = """\
- amends: 1
  action: replace-words
  replace: {fr: meurent, nl: sterven}
  by: {fr: disparaissent, nl: verdwijnen}
  justification:
    - {fr: Plus juste., nl: Juister.}
"""
