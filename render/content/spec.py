"""The content format, declared once: validation and JSON Schema come from here."""
from __future__ import annotations

import re

from ruamel.yaml.nodes import ScalarNode

from ..model import GENDERS, MAX_REQUEST_DEPTH, Author
from ..model.dossier import ACTIONS, BODIES, Target
from ..model.legislature import known_legislatures, load_legislature
from .schema import (INVALID, BoolSpec, ChoiceSpec, Context, DateSpec, EnumSpec, Field,
                     IntSpec, KeyedSpec, ListSpec, MapSpec, PairSpec, Spec, TextSpec,
                     close_match, did_you_mean, is_null, kind_of)
from ..errors import shown

# A proposal (/001) and the later sub-documents of its dossier: sets of
# amendments and texts adopted. Bills will join here.
DOCTYPES = ("resolution", "amendments", "adopted-text")


class LegislatureSpec(IntSpec):
    """A legislature number that has a data file."""

    def convert(self, node, ctx, where):
        value = super().convert(node, ctx, where)
        if value is not INVALID and value not in known_legislatures():
            known = ", ".join(str(n) for n in known_legislatures())
            return ctx.error(node, f"legislature {value} is unknown: hemicycle has data for "
                                   f"{known} (add render/model/legislatures/{value}.yaml)")
        return value


class TypeSpec(EnumSpec):
    """`type:`: any document type converts (the loader chose the shape of the
    file by it); the JSON Schema of each shape names its own."""

    def __init__(self, own: str, doc: str):
        super().__init__(DOCTYPES, doc)
        self.own = own

    def json_schema(self):
        return {"const": self.own, "description": self.doc}


def authors_of(items: list[dict]) -> tuple[Author, ...]:
    """The model's authors from their entries as the schema converted them."""
    return tuple(Author(a["name"], a["gender"], a["party"], a["_pos"]) for a in items)


def check_parties(authors: list[dict], legislature_number: int, ctx: Context) -> bool:
    """Every author's party is a group of the legislature (each error at its author)."""
    legislature = load_legislature(legislature_number)
    abbreviations = [g.abbreviation for g in legislature.groups]
    ok = True
    for author in authors:
        if legislature.group(author["party"]) is None:
            ctx.error(author["_pos"], f"{shown(author['party'])} is not a group of the "
                                      f"{legislature_number}th legislature"
                                      f"{did_you_mean(author['party'], abbreviations)}; "
                                      f"groups: {', '.join(abbreviations)}")
            ok = False
    return ok


def _check_document(doc: dict, ctx: Context, where):
    """Facts that depend on the legislature's data."""
    legislature = load_legislature(doc["legislature"])
    ok = True
    try:
        legislature.session_on(doc["deposited"])
    except ValueError as exc:
        date_of = "adoption" if doc["type"] == "adopted-text" else "deposit"
        ctx.error(doc["_at"]["deposited"],
                  f"the date of {date_of} {exc}")
        ok = False
    if not check_parties(doc.get("authors") or [], doc["legislature"], ctx):
        ok = False
    body_key = "tabled_in" if "tabled_in" in doc else "adopted_by" if "adopted_by" in doc else None
    if body_key is not None:
        ok = _check_stage(doc, body_key, ctx, where) and ok
    return doc if ok else INVALID


def _check_stage(doc: dict, body_key: str, ctx: Context, where) -> bool:
    """A committee is named; the plenary is not."""
    if doc[body_key] == "committee" and doc.get("committee") is None:
        ctx.error(where, f"'committee' is missing: with `{body_key}: committee`, name the "
                         "committee in both languages (`committee: {fr: commission …, "
                         "nl: commissie …}`)")
        return False
    if doc[body_key] == "plenary" and doc.get("committee") is not None:
        ctx.error(doc["_at"]["committee"], f"`committee` has no use with `{body_key}: "
                                           "plenary`: remove it, or write "
                                           f"`{body_key}: committee`")
        return False
    return True


AUTHOR = MapSpec({
    "name": Field(TextSpec(doc="first name and surname, as printed")),
    "gender": Field(EnumSpec(GENDERS, doc="f: Mme/mevrouw, m: M./de heer, x: no title")),
    "party": Field(TextSpec(doc="the parliamentary group's abbreviation, as printed")),
}, doc="an author of the document")

def _numbers(doctype: str, subdocument: str, deposited: str, first_sub: int = 1) -> dict:
    """The fields every document opens with."""
    return {
        "type": Field(TypeSpec(doctype, doc="the kind of document")),
        "legislature": Field(LegislatureSpec(1, 99, doc="the legislature, e.g. 56")),
        "number": Field(IntSpec(1, 9999, doc="the dossier number (printed on 4 digits)")),
        "subdocument": Field(IntSpec(first_sub, 999, doc=subdocument)),
        "deposited": Field(DateSpec(doc=deposited)),
        "lead": Field(EnumSpec(("fr", "nl"), doc="the language of the left column")),
    }


COMMITTEE = PairSpec(doc="the committee, as named after `commission` / `commissie`: "
                         "`commission des Relations extérieures`", allow_notes=False)

DOCUMENT = MapSpec({
    **_numbers("resolution", "1 for the proposal itself (printed on 3 digits)",
               "date of deposit, YYYY-MM-DD"),
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
    # Required in a proposal (/001): the loader says so. A text adopted and
    # written out as a resolution (`hemicycle adopt`) has none.
    "developments": Field(ListSpec(BLOCK, min_items=1), required=False),
    "resolution": Field(RESOLUTION),
    "footnotes": Field(FOOTNOTES, required=False, default={}),
}, doc="a resolution: the proposal (/001), or a text adopted written out in full")


# --- the dossier: sets of amendments and texts adopted ------------------------

class NumberAt(IntSpec):
    """A whole number, with where it is written: (value, Pos)."""

    def convert(self, node, ctx, where):
        value = super().convert(node, ctx, where)
        return INVALID if value is INVALID else (value, ctx.pos(node))


_TARGET = re.compile(r"(?P<kind>\S+)(?:\s+(?P<label>\S+))?")
_REQUEST_LABEL = re.compile(r"[1-9][0-9]{0,2}(?:\.[1-9][0-9]{0,2})*\.?", re.ASCII)
_TARGET_KINDS = ("considerant", "request", "title")
TARGET_PATTERN = (r"^(title|considerant [A-Z]{1,3}|"
                  r"request [1-9][0-9]{0,2}(\.[1-9][0-9]{0,2})*\.?)$")


class TargetSpec(Spec):
    """`considerant C`, `request 4.4.1` or `title`: the item of the base text
    an amendment acts on, by its label as deposited."""

    doc = ("the item amended, by its label in the text amended: `considerant C`, "
           "`request 4.4.1`, `title`")

    def convert(self, node, ctx, where):
        if not isinstance(node, ScalarNode) or is_null(node) or str(node.tag).endswith(":int"):
            return ctx.value_error(node, where, "expected the item amended, as `considerant "
                                                f"C`, `request 4.4.1` or `title`, found "
                                                f"{kind_of(node)}")
        written = " ".join(node.value.split())
        m = _TARGET.fullmatch(written)
        kind, label = (m["kind"], m["label"]) if m else (written, None)
        if kind not in _TARGET_KINDS:
            guess = close_match(kind, list(_TARGET_KINDS))
            hint = f" (did you mean {shown(guess)}?)" if guess else ""
            return ctx.error(node, f"{shown(written)} names no item{hint}: write `considerant "
                                   "C`, `request 4.4.1` or `title`")
        if kind == "title":
            if label is not None:
                return ctx.error(node, "the title has no label: write `title`")
            return Target("title", "", ctx.pos(node))
        if label is None:
            example = "considerant C" if kind == "considerant" else "request 4.4.1"
            return ctx.error(node, f"name the {kind} by its label, as printed: `{example}`")
        if kind == "considerant":
            if not label.isascii() or not label.isalpha() or len(label) > 3:
                return ctx.error(node, f"{shown(label)} is not a considerant's letter: write "
                                       "`considerant C` (A, B, … Z, AA …)")
            if not label.isupper():
                return ctx.error(node, f"considerants are lettered in capitals: write "
                                       f"`considerant {label.upper()}`")
            return Target("considerant", label, ctx.pos(node))
        if not _REQUEST_LABEL.fullmatch(label):
            return ctx.error(node, f"{shown(label)} is not a request's number: write "
                                   "`request 4` or `request 4.4.1`")
        return Target("request", label.rstrip("."), ctx.pos(node))

    def json_schema(self):
        return {"type": "string", "pattern": TARGET_PATTERN, "description": self.doc}


# What each action needs, and refuses.
_NEEDS_TEXT = ("replace", "insert-before", "insert-after")


def _check_amendment(a: dict, ctx: Context, where):
    ok = True
    action = a["action"]
    at = a["_at"]

    def refuse(key: str, why: str) -> None:
        nonlocal ok
        ctx.error(at[key], f"`{key}` {why}: remove it")
        ok = False

    if a.get("amends") is not None:
        if a.get("target") is not None:
            refuse("target", "has no use in a sub-amendment (`amends`), which acts on the "
                             "text of the amendment it amends")
        if action not in ("replace", "replace-words"):
            ctx.error(at["action"], f"a sub-amendment replaces the text, or words of the "
                                    f"text, of the amendment it amends: write `action: "
                                    f"replace` or `action: replace-words`, not {action}")
            return INVALID
        kind = None
    elif a.get("target") is None:
        return ctx.error(where, "'target' is missing: add it (`considerant C`, "
                                "`request 4.4.1` or `title`)")
    else:
        kind = a["target"].kind
    if kind == "title" and action not in ("replace", "replace-words"):
        return ctx.error(at["action"], f"the title is replaced, or words of it: write "
                                       f"`action: replace` or `action: replace-words`, "
                                       f"not {action}")
    if action in _NEEDS_TEXT:
        for key in ("replace", "by"):
            if key in at:
                refuse(key, f"belongs to a replace-words amendment, not to {action}")
        if a.get("text") is None and (a.get("lead") is None or kind == "considerant"):
            what = {"considerant": "the new considerant", "request": "the new request "
                    "(and its `lead` verb, if any)", "title": "the new title"}.get(kind, "the "
                    "new text")
            ctx.error(where, f"'text' is missing: a {action} amendment gives {what}")
            ok = False
    elif action == "replace-words":
        for key in ("text", "lead"):
            if key in at:
                refuse(key, "belongs to a replace or insert amendment: replace-words gives "
                            "`replace` (the words replaced) and `by`")
        for key in ("replace", "by"):
            if a.get(key) is None and key not in at:
                ctx.error(where, f"'{key}' is missing: a replace-words amendment gives "
                                 "`replace` (the words replaced, as written in the text) "
                                 "and `by` (the words put in their place)")
                ok = False
    else:  # delete
        for key in ("text", "lead", "replace", "by"):
            if key in at:
                refuse(key, "has no use in a delete amendment")
    if "lead" in at and kind in ("considerant", "title"):
        refuse("lead", f"is a request's opening verb; a {kind} has none")
    if kind == "title":
        for key in ("text", "by"):
            pair = a.get(key)
            if pair is not None and (pair.fr.note_ids or pair.nl.note_ids):
                ctx.error(pair.pos, "footnote calls are not allowed in the title")
                ok = False
    return a if ok else INVALID


AMENDMENT = MapSpec({
    "target": Field(TargetSpec(), required=False),
    "action": Field(EnumSpec(ACTIONS, doc="replace, replace-words, insert-before, "
                                          "insert-after or delete")),
    "number": Field(IntSpec(1, 9999, doc="the amendment's number; left out, it follows the "
                                         "last number of the dossier"), required=False),
    "amends": Field(IntSpec(1, 9999, doc="a sub-amendment: the number of the amendment it "
                                         "amends"), required=False),
    "authors": Field(ListSpec(AUTHOR, min_items=1, doc="the amendment's authors, when not "
                                                       "the document's"), required=False),
    "lead": Field(PairSpec(doc="a new request's opening verb phrase, set in small caps"),
                  required=False),
    "text": Field(PairSpec(doc="the new item: replace, insert-before, insert-after"),
                  required=False),
    "replace": Field(PairSpec(doc="replace-words: the words replaced, as written in the text "
                                  "amended (once in each language)"), required=False),
    "by": Field(PairSpec(doc="replace-words: the words put in their place"), required=False),
    "justification": Field(ListSpec(PairSpec(doc="a paragraph"), min_items=1,
                                    doc="JUSTIFICATION / VERANTWOORDING, paragraph by "
                                        "paragraph")),
}, doc="an amendment", check=_check_amendment)

BASE = NumberAt(1, 999, doc="the sub-document amended: 1 for the proposal")

AMENDMENTS_DOCUMENT = MapSpec({
    **_numbers("amendments", "this set's sub-document number (printed on 3 digits)",
               "date of deposit, YYYY-MM-DD", first_sub=2),
    "base": Field(BASE),
    "tabled_in": Field(EnumSpec(BODIES, doc="committee or plenary")),
    "committee": Field(COMMITTEE, required=False),
    "authors": Field(ListSpec(AUTHOR, min_items=1, doc="the authors of the amendments, in "
                                                       "the order printed")),
    "and_others": Field(BoolSpec(doc="true adds 'et consorts' / 'c.s.'"), required=False,
                        default=False),
}, doc="what the cover of a set of amendments says (its title is the base's)",
    check=_check_document)

ADOPTED_DOCUMENT = MapSpec({
    **_numbers("adopted-text", "this text's sub-document number (printed on 3 digits)",
               "date of adoption, YYYY-MM-DD", first_sub=2),
    "base": Field(BASE),
    "amendments": Field(ListSpec(NumberAt(2, 999), doc="the sub-documents of the sets of "
                                                       "amendments drawn on"),
                        required=False, default=[]),
    "adopted": Field(ListSpec(NumberAt(1, 9999), doc="the numbers of the amendments "
                                                     "adopted"),
                     required=False, default=[]),
    "adopted_by": Field(EnumSpec(BODIES, doc="committee or plenary")),
    "committee": Field(COMMITTEE, required=False),
}, doc="a text adopted: the base with the amendments adopted (title and authors are the "
       "base's)", check=_check_document)

AMENDMENTS_CONTENT = MapSpec({
    "document": Field(AMENDMENTS_DOCUMENT),
    "amendments": Field(ListSpec(AMENDMENT, min_items=1, doc="the amendments, in order")),
    "footnotes": Field(FOOTNOTES, required=False, default={}),
}, doc="a set of amendments")

ADOPTED_CONTENT = MapSpec({
    "document": Field(ADOPTED_DOCUMENT),
}, doc="a text adopted (its text is built from the base and the amendments)")

CONTENTS: dict[str, MapSpec] = {"resolution": CONTENT, "amendments": AMENDMENTS_CONTENT,
                                "adopted-text": ADOPTED_CONTENT}


def json_schema() -> dict:
    def variant(doctype: str) -> dict:
        return {"properties": {"document": {"properties": {"type": {"const": doctype}},
                                            "required": ["type"]}},
                "required": ["document"]}

    resolution = CONTENT.json_schema()
    # A proposal has développements; a later text written as a resolution may not.
    resolution["if"] = {"properties": {"document": {"properties": {
        "subdocument": {"const": 1}}}}}
    resolution["then"] = {"required": ["developments"]}
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "hemicycle content",
        "description": "a hemicycle document: a resolution, a set of amendments or a text "
                       "adopted, by `document.type`",
        "type": "object",
        "if": variant("amendments"),
        "then": AMENDMENTS_CONTENT.json_schema(),
        "else": {"if": variant("adopted-text"), "then": ADOPTED_CONTENT.json_schema(),
                 "else": resolution},
    }
    return schema
