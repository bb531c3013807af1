"""The content format, declared once: validation and JSON Schema come from here."""
from __future__ import annotations

from ..model import GENDERS, MAX_REQUEST_DEPTH
from ..model.legislature import known_legislatures, load_legislature
from .schema import (INVALID, BoolSpec, ChoiceSpec, Context, DateSpec, EnumSpec, Field,
                     IntSpec, KeyedSpec, ListSpec, MapSpec, PairSpec, Spec, TextSpec,
                     did_you_mean)
from ..errors import shown

DOCTYPES = ("resolution",)  # bills and later sub-documents will join here


class LegislatureSpec(IntSpec):
    """A legislature number that has a data file."""

    def convert(self, node, ctx, where):
        value = super().convert(node, ctx, where)
        if value is not INVALID and value not in known_legislatures():
            known = ", ".join(str(n) for n in known_legislatures())
            return ctx.error(node, f"legislature {value} is unknown: hemicycle has data for "
                                   f"{known} (add render/model/legislatures/{value}.yaml)")
        return value


def _check_document(doc: dict, ctx: Context, where):
    """Facts that depend on the legislature's data."""
    legislature = load_legislature(doc["legislature"])
    ok = True
    try:
        legislature.session_on(doc["deposited"])
    except ValueError as exc:
        ctx.error(doc["_at"]["deposited"],
                  f"the date of deposit {exc}")
        ok = False
    abbreviations = [g.abbreviation for g in legislature.groups]
    for author in doc["authors"]:
        if legislature.group(author["party"]) is None:
            ctx.error(author["_pos"], f"{shown(author['party'])} is not a group of the "
                                      f"{doc['legislature']}th legislature"
                                      f"{did_you_mean(author['party'], abbreviations)}; "
                                      f"groups: {', '.join(abbreviations)}")
            ok = False
    return doc if ok else INVALID


AUTHOR = MapSpec({
    "name": Field(TextSpec(doc="first name and surname, as printed")),
    "gender": Field(EnumSpec(GENDERS, doc="f: Mme/mevrouw, m: M./de heer, x: no title")),
    "party": Field(TextSpec(doc="the parliamentary group's abbreviation, as printed")),
}, doc="an author of the document")

DOCUMENT = MapSpec({
    "type": Field(EnumSpec(DOCTYPES, doc="the kind of document")),
    "legislature": Field(LegislatureSpec(1, 99, doc="the legislature, e.g. 56")),
    "number": Field(IntSpec(1, 9999, doc="the dossier number (printed on 4 digits)")),
    "subdocument": Field(IntSpec(1, 999, doc="1 for the proposal itself (printed on 3 digits)")),
    "deposited": Field(DateSpec(doc="date of deposit, YYYY-MM-DD")),
    "lead": Field(EnumSpec(("fr", "nl"), doc="the language of the left column")),
    "title": Field(PairSpec(doc="the title, lower case first, no final full stop",
                            allow_notes=False)),
    "authors": Field(ListSpec(AUTHOR, min_items=1, doc="the authors, in the order printed")),
    "and_others": Field(BoolSpec(doc="true adds 'et consorts' / 'c.s.'"), required=False,
                        default=False),
    "summary": Field(PairSpec(doc="the boxed summary on the cover", allow_notes=False),
                     required=False),
}, doc="what the cover says", check=_check_document)

BLOCK = ChoiceSpec({
    "paragraph": PairSpec(doc="a paragraph"),
    "heading": PairSpec(doc="an unnumbered subheading"),
    "salutation": PairSpec(doc="Mesdames, Messieurs, / Dames en Heren,"),
    "signature": PairSpec(doc="the author's signature"),
}, doc="a block of the développements / toelichting")


class TooDeep(Spec):
    def convert(self, node, ctx, where):
        return ctx.error(where, f"requests nest at most {MAX_REQUEST_DEPTH} levels deep; "
                                "move these up a level or split the request")

    def json_schema(self):
        return {"not": {}, "description": f"requests nest at most {MAX_REQUEST_DEPTH} levels"}


def _check_request(request: dict, ctx: Context, where):
    if request.get("lead") is None and request.get("text") is None:
        return ctx.error(where, "a request needs a `text`, a `lead` verb phrase, or both")
    return request


def _request_spec(depth: int) -> MapSpec:
    children = (ListSpec(_request_spec(depth + 1), doc="sub-requests")
                if depth < MAX_REQUEST_DEPTH else TooDeep())
    return MapSpec({
        "lead": Field(PairSpec(doc="the opening verb phrase, set in small caps"),
                      required=False),
        "text": Field(PairSpec(doc="the request's text"), required=False),
        "requests": Field(children, required=False, default=[]),
    }, doc=f"a request (level {depth})", check=_check_request)


RESOLUTION = MapSpec({
    "opening": Field(PairSpec(doc="La Chambre des représentants, / De Kamer van "
                                  "volksvertegenwoordigers,")),
    "considerants": Field(ListSpec(PairSpec(doc="a considerant, lettered automatically"),
                                   doc="the considerants: vu … / gelet op …")),
    "requests": Field(ListSpec(_request_spec(1), min_items=1,
                               doc="the requests, numbered automatically")),
}, doc="the text of the resolution")

FOOTNOTES = KeyedSpec(PairSpec(doc="a footnote", allow_notes=False),
                      doc="footnotes by id, called as [^id]")

CONTENT = MapSpec({
    "document": Field(DOCUMENT),
    "developments": Field(ListSpec(BLOCK, min_items=1)),
    "resolution": Field(RESOLUTION),
    "footnotes": Field(FOOTNOTES, required=False, default={}),
}, doc="a hemicycle document")


def json_schema() -> dict:
    schema = CONTENT.json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "hemicycle content"
    return schema
