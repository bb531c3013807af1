"""`hemicycle new`: a new content file with every field present.

Texts are placeholders starting with TODO, which `hemicycle check` reports as
unfinished; comments explain each field. The file is valid from the start,
so a clerk can build it at once and see the layout fill in.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from .content.characters import shows_nothing, unprintable
from .errors import shown
from .output import OutputError, OutputExists, create_new
from .model import GENDERS
from .model.legislature import load_legislature
from .model.locale import file_stem



@dataclass(frozen=True)
class NewAuthor:
    name: str
    gender: str
    party: str


class ScaffoldError(ValueError):
    pass


def parse_author(spec: str) -> NewAuthor:
    """`"Jan Peeters,m,N-VA"` → NewAuthor."""
    parts = [p.strip() for p in spec.split(",")]
    if len(parts) != 3 or not all(parts):
        raise ScaffoldError(f"--author {shown(spec)}: write NAME,GENDER,PARTY, e.g. "
                            "\"Jan Peeters,m,N-VA\"")
    name, gender, party = parts
    if gender not in GENDERS:
        raise ScaffoldError(f"--author {shown(spec)}: the gender is f, m or x, not "
                            f"{shown(gender)}")
    for value in (name, party):
        found = unprintable(value)
        if found or shows_nothing(value):
            what = f"holds {found[1]}" if found else "shows nothing"
            raise ScaffoldError(f"--author {shown(spec)}: {shown(value)} {what}; "
                                "write the name as printed")
    return NewAuthor(" ".join(name.split()), gender, party)


def _q(text: str) -> str:
    """A YAML double-quoted string (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def new_resolution(legislature: int, number: int, authors: list[NewAuthor], lead: str,
                   deposited: date) -> str:
    leg = load_legislature(legislature)
    for a in authors:
        if leg.group(a.party) is None:
            groups = ", ".join(g.abbreviation for g in leg.groups)
            raise ScaffoldError(f"--author {a.name}: {a.party!r} is not a group of the "
                                f"{legislature}th legislature ({groups})")
    leg.session_on(deposited)  # raises ValueError when the date is outside the legislature
    author_lines = "\n".join(
        f"    - name: {_q(a.name)}\n      gender: {a.gender}\n      party: {_q(a.party)}"
        for a in authors)
    signature = " – ".join(f"{a.name} ({a.party})" for a in authors)
    return f"""\
# yaml-language-server: $schema=../docs/content.schema.json
# A resolution proposal for hemicycle. Every text is a pair: `fr:` and `nl:`
# (or `both:` when truly the same in both languages). Replace each TODO;
# `hemicycle check {file_stem(legislature, number, 1)}.yaml` lists what is left.
# The format: docs/content-format.md.
document:
  type: resolution
  legislature: {legislature}
  number: {number}               # the dossier number, printed {number:04d}
  subdocument: 1              # 1 = the proposal itself
  deposited: {deposited.isoformat()}      # date of deposit (YYYY-MM-DD); it sets the session
  lead: {lead}                    # the left column's language: the author's
  title:                      # lower case first, no final full stop
    fr: "TODO: relative à …"
    nl: "TODO: betreffende …"
  authors:                    # in the order printed; gender f, m or x
{author_lines}
  and_others: false           # true adds "et consorts" / "c.s."
  # summary:                  # optional boxed summary on the cover
  #   fr: …
  #   nl: …

developments:                 # DÉVELOPPEMENTS / TOELICHTING
  - salutation:
      fr: Mesdames, Messieurs,
      nl: Dames en Heren,
  - paragraph:                # one pair per paragraph, side by side
      fr: >-
        TODO: le premier paragraphe des développements.[^note-1]
      nl: >-
        TODO: de eerste alinea van de toelichting.[^note-1]
  - heading:                  # an unnumbered subheading (optional)
      fr: "TODO: intertitre"
      nl: "TODO: tussentitel"
  - paragraph:
      fr: "TODO: paragraphe suivant."
      nl: "TODO: volgende alinea."
  - signature:
      both: {_q(signature)}

resolution:
  opening:
    fr: La Chambre des représentants,
    nl: De Kamer van volksvertegenwoordigers,
  considerants:               # lettered A, B, …; each ends with ;
    - fr: "TODO: vu …;"
      nl: "TODO: gelet op …;"
    - fr: "TODO: considérant que …;"
      nl: "TODO: overwegende dat …;"
  requests:                   # numbered 1., 2., 2.1.; the last ends with .
    - lead:                   # the opening verb, set in small caps
        fr: "TODO: demande au gouvernement fédéral:"
        nl: "TODO: verzoekt de federale regering:"
      requests:
        - text:
            fr: "TODO: de …;"
            nl: "TODO: …;"
        - text:
            fr: "TODO: de …."
            nl: "TODO: …."

footnotes:                    # called as [^id]; numbered in order of first call
  note-1:
    fr: "TODO: référence de la note."
    nl: "TODO: verwijzing van de voetnoot."
"""


def write_new(path: Path, text: str) -> None:
    """Create `path` whole; never overwrite an existing file."""
    try:
        create_new(path, text.encode("utf-8"))
    except OutputExists:
        raise ScaffoldError(f"{path} already exists; hemicycle new never overwrites a file") \
            from None
    except OutputError as exc:
        raise ScaffoldError(str(exc)) from None
