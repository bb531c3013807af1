"""The content schema: one declaration that validates YAML nodes (collecting
every error with its position) and describes itself as JSON Schema.

Specs work on ruamel.yaml's composed node tree, where every key, item and
duplicate keeps its line and column.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date
from typing import Any, Callable

from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from ..errors import Problem, shown
from .characters import shows_nothing
from .inline import parse_inline
from ..model import LANG_NAMES, LANGS, Accepted, Pair, Pos

INVALID = object()  # a value that failed validation (its errors are recorded)

_TAG = "tag:yaml.org,2002:"


class Context:
    """Where problems are collected while one file is validated."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        self.calls: list[tuple[str, Pos]] = []  # footnote calls met, in order

    def pos(self, node: Node) -> Pos:
        mark = node.start_mark
        return Pos(self.path, mark.line + 1, mark.column + 1)

    def error(self, where: Pos | Node, message: str) -> object:
        pos = where if isinstance(where, Pos) else self.pos(where)
        self.problems.append(Problem(pos, message))
        return INVALID

    def value_error(self, node: Node, key: Pos | Node, message: str) -> object:
        """An error about a value, shown at the value; an empty value has no
        place of its own (YAML marks it on the next line), so at its key."""
        return self.error(key if is_null(node) else node, message)


def kind_of(node: Node) -> str:
    if isinstance(node, MappingNode):
        return "a mapping"
    if isinstance(node, SequenceNode):
        return "a list"
    tag = str(node.tag)
    if tag == _TAG + "null":
        return "nothing"
    if tag.startswith(_TAG):  # in the words of a content file's author
        kind = _KIND_WORDS.get(tag.removeprefix(_TAG), tag.removeprefix(_TAG))
        return f"the {kind} {shown(node.value)}"
    return f"a {shown(tag)} value"


_KIND_WORDS = {"str": "text", "int": "number", "float": "number", "bool": "value",
               "timestamp": "date"}


def is_null(node: Node) -> bool:
    return isinstance(node, ScalarNode) and str(node.tag) == _TAG + "null"


def close_match(word: str, choices: list[str]) -> str | None:
    folded = {c.lower(): c for c in choices}
    if word.strip().lower() in folded:
        return folded[word.strip().lower()]
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return close[0] if close else None


def did_you_mean(word: str, choices: list[str]) -> str:
    close = close_match(word, choices)
    return f" (did you mean {shown(close)}?)" if close else ""


class Spec:
    """A kind of value. `convert` returns the value or INVALID."""

    doc: str = ""

    def convert(self, node: Node, ctx: Context, where: Pos) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict:
        raise NotImplementedError


def text_problem(value: str) -> str | None:
    """Why a text is unusable, or None. (Characters no output can hold were
    refused, and removed, when the YAML was read.)"""
    if shows_nothing(value):
        return "is empty: it holds no visible character" if value.strip() else "is empty"
    return None


def one_line(value: str) -> str:
    """A text is one paragraph: line breaks, however written, are spaces."""
    return value.replace("\r\n", " ").replace("\n", " ").strip()


@dataclass
class TextSpec(Spec):
    """A single-language string (a name, an abbreviation)."""

    doc: str = ""

    def convert(self, node, ctx, where):
        if not isinstance(node, ScalarNode) or is_null(node):
            return ctx.value_error(node, where,
                                   f"expected a text, found {kind_of(node)}")
        value = one_line(node.value)
        problem = text_problem(value)
        if problem:
            return ctx.error(node, f"the text {problem}")
        return value

    def json_schema(self):
        return {"type": "string", "minLength": 1, "description": self.doc}


_DECIMAL = re.compile(r"[-+]?[0-9]+", re.ASCII)


def _bounded_int(digits: str, maximum: int) -> int | None:
    """The number `digits` writes, or None when it is far beyond `maximum`
    (Python refuses to read numbers of thousands of digits)."""
    sign = -1 if digits.startswith("-") else 1
    significant = digits.lstrip("+-").lstrip("0") or "0"
    if len(significant) > len(str(abs(maximum))) + 1:
        return None
    return sign * int(significant, 10)


@dataclass
class IntSpec(Spec):
    minimum: int = 0
    maximum: int = 10**9
    doc: str = ""

    def convert(self, node, ctx, where):
        if not isinstance(node, ScalarNode) or str(node.tag) != _TAG + "int":
            return ctx.value_error(node, where,
                                   f"expected a whole number, found {kind_of(node)}")
        digits = node.value.replace("_", "")
        if not _DECIMAL.fullmatch(digits):
            return ctx.error(node, f"expected a whole number in decimal, found "
                                   f"{shown(node.value)}")
        value = _bounded_int(digits, self.maximum)
        if value is None or not self.minimum <= value <= self.maximum:
            return ctx.error(node, f"{shown(node.value)} is out of range: write a number "
                                   f"from {self.minimum} to {self.maximum}")
        return value

    def json_schema(self):
        return {"type": "integer", "minimum": self.minimum, "maximum": self.maximum,
                "description": self.doc}


@dataclass
class BoolSpec(Spec):
    doc: str = ""

    def convert(self, node, ctx, where):
        # The words as written, not what YAML makes of them: `True`, `'true'`
        # and YAML 1.1's `yes` are not taken for booleans.
        if isinstance(node, ScalarNode) and node.style is None and node.value in ("true", "false"):
            return node.value == "true"
        word = node.value.strip().lower() if isinstance(node, ScalarNode) else None
        hint = (f"; write {word} in lower case, without quotes"
                if word in ("true", "false") else "")
        return ctx.value_error(node, where,
                               f"expected true or false, found {kind_of(node)}{hint}")

    def json_schema(self):
        return {"type": "boolean", "description": self.doc}


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$", re.ASCII)  # the pattern is also JSON Schema's


@dataclass
class DateSpec(Spec):
    doc: str = ""

    def convert(self, node, ctx, where):
        m = _DATE.fullmatch(node.value.strip()) if isinstance(node, ScalarNode) else None
        if not m:
            return ctx.value_error(node, where,
                                   f"expected a date written YYYY-MM-DD, found {kind_of(node)}")
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError as exc:
            return ctx.error(node, f"{shown(node.value)} is not a real date ({exc})")

    def json_schema(self):
        return {"type": "string", "format": "date", "pattern": _DATE.pattern,
                "description": self.doc}


@dataclass
class EnumSpec(Spec):
    values: tuple[str, ...] = ()
    doc: str = ""

    def convert(self, node, ctx, where):
        if isinstance(node, ScalarNode) and node.value in self.values:
            return node.value
        choices = ", ".join(self.values)
        found = kind_of(node)
        hint = did_you_mean(node.value, list(self.values)) if isinstance(node, ScalarNode) else ""
        return ctx.value_error(node, where,
                               f"expected one of {choices}, found {found}{hint}")

    def json_schema(self):
        return {"enum": list(self.values), "description": self.doc}


@dataclass
class PairSpec(Spec):
    """A text in both languages: `{fr: …, nl: …}`, or `{both: …}`."""

    doc: str = ""
    allow_notes: bool = True

    def convert(self, node, ctx, where):
        if not isinstance(node, MappingNode):
            hint = (" Write it as `fr: …` and `nl: …` on their own lines, or as "
                    "`both: …` if the text is truly the same in both languages."
                    if isinstance(node, ScalarNode) and not is_null(node) else
                    " Give `fr:` and `nl:`.")
            return ctx.value_error(node, where,
                                   f"expected French and Dutch texts, found {kind_of(node)}.{hint}")
        before = len(ctx.problems)
        entries = mapping_entries(node, ctx)
        keys = {k: (knode, vnode) for k, knode, vnode in entries}
        misspelt: set[str] = set()  # languages whose key was mistyped: one error is enough
        accepted = self._accepted(keys.pop("accepted", None), ctx)
        entries = [e for e in entries if e[0] != "accepted"]
        for k, knode, _ in entries:
            if k not in ("fr", "nl", "both"):
                guess = close_match(k, ["fr", "nl", "both"])
                if guess:
                    misspelt.add(guess)
                ctx.error(knode, f"unknown language key {shown(k)}"
                                 f"{did_you_mean(k, ['fr', 'nl', 'both'])}: use fr and nl, "
                                 "or both")
        if "both" in keys and ("fr" in keys or "nl" in keys):
            return ctx.error(keys["both"][0], "give either `both` or `fr` and `nl`, not both")
        texts: dict[str, str] = {}
        if "both" in keys:
            value = self._text(keys["both"][1], ctx, keys["both"][0], "text")
            texts = {"fr": value, "nl": value}
        else:
            for lang in LANGS:
                if lang in keys:
                    texts[lang] = self._text(keys[lang][1], ctx, keys[lang][0],
                                             f"{LANG_NAMES[lang]} text")
                elif lang not in misspelt and "both" not in misspelt:
                    other = "nl" if lang == "fr" else "fr"
                    ctx.error(where, f"the {LANG_NAMES[lang]} text is missing: add `{lang}:` "
                                     f"beside `{other}:`")
        if len(ctx.problems) > before:  # a missing or misspelt key, a bad text, a duplicate
            return INVALID
        fr, nl = parse_inline(texts["fr"]), parse_inline(texts["nl"])
        if not self.allow_notes and (fr.note_ids or nl.note_ids):
            return ctx.error(where, "footnote calls are not allowed here")
        ctx.calls.extend((note_id, where) for note_id in fr.note_ids + nl.note_ids)
        return Pair(fr, nl, where, same="both" in keys, accepted=accepted)

    @staticmethod
    def _accepted(entry, ctx) -> tuple[Accepted, ...]:
        if entry is None:
            return ()
        knode, vnode = entry
        items = ACCEPTED.convert(vnode, ctx, ctx.pos(knode))
        if items is INVALID:
            return ()
        return tuple(Accepted(i["finding"], i["reason"], i["_pos"]) for i in items)

    @staticmethod
    def _text(node, ctx, keynode, what):
        if not isinstance(node, ScalarNode) or is_null(node):
            return ctx.value_error(node, keynode,
                                   f"expected the {what}, found {kind_of(node)}")
        value = one_line(node.value)
        problem = text_problem(value)
        if problem:
            return ctx.error(node, f"the {what} {problem}")
        return value

    def json_schema(self):
        text = {"type": "string", "minLength": 1}
        accepted = ACCEPTED.json_schema()
        return {
            "description": self.doc,
            "oneOf": [
                {"type": "object", "properties": {"fr": text, "nl": text, "accepted": accepted},
                 "required": ["fr", "nl"], "additionalProperties": False},
                {"type": "object", "properties": {"both": text, "accepted": accepted},
                 "required": ["both"], "additionalProperties": False},
            ],
        }


def mapping_entries(node: MappingNode, ctx: Context):
    """The (key, key node, value node) of a mapping; duplicate and non-text keys
    are errors."""
    seen: dict[str, Node] = {}
    entries = []
    for knode, vnode in node.value:
        if not isinstance(knode, ScalarNode) or is_null(knode):
            ctx.error(knode, f"a key must be a plain name, found {kind_of(knode)}")
            continue
        key = knode.value
        if key in seen:
            first = ctx.pos(seen[key])
            ctx.error(knode, f"{shown(key)} is given twice (first at line {first.line}); "
                             "keep one")
            continue
        seen[key] = knode
        entries.append((key, knode, vnode))
    return entries


@dataclass
class Field:
    spec: Spec
    required: bool = True
    default: Any = None


@dataclass
class MapSpec(Spec):
    """A mapping with known keys. Converts to a dict that also carries `_pos`."""

    fields: dict[str, Field]
    doc: str = ""
    check: Callable[[dict, Context, Pos], Any] | None = None

    def convert(self, node, ctx, where):
        result, ok = self.convert_fields(node, ctx, where)
        if not ok:
            return INVALID
        if self.check is not None:
            return self.check(result, ctx, where)
        return result

    def convert_fields(self, node, ctx, where) -> tuple[dict, bool]:
        """Every field that converts, and whether all did."""
        if not isinstance(node, MappingNode):
            ctx.value_error(node, where,
                            f"expected a mapping with {self._names()}, found {kind_of(node)}")
            return {}, False
        before = len(ctx.problems)
        result: dict[str, Any] = {"_pos": where, "_at": {}}
        given = {}
        misspelt: set[str] = set()
        for key, knode, vnode in mapping_entries(node, ctx):
            if key not in self.fields:
                guess = close_match(key, list(self.fields))
                if guess:
                    misspelt.add(guess)
                ctx.error(knode, f"unknown key {shown(key)}{did_you_mean(key, list(self.fields))}; "
                                 f"expected {self._names()}")
                continue
            given[key] = True
            result["_at"][key] = ctx.pos(knode)
            value = self.fields[key].spec.convert(vnode, ctx, ctx.pos(knode))
            if value is not INVALID:
                result[key] = value
        for name, f in self.fields.items():
            if name not in given:
                if name in misspelt:
                    continue  # the misspelt key was reported; "missing" would say it twice
                if f.required:
                    ctx.error(where, f"'{name}' is missing: add it")
                else:
                    result[name] = f.default
        return result, len(ctx.problems) == before

    def _names(self) -> str:
        return ", ".join(self.fields)

    def json_schema(self):
        return {
            "type": "object",
            "description": self.doc,
            "properties": {k: f.spec.json_schema() for k, f in self.fields.items()},
            "required": [k for k, f in self.fields.items() if f.required],
            "additionalProperties": False,
        }


@dataclass
class ListSpec(Spec):
    item: Spec
    min_items: int = 0
    doc: str = ""

    def convert(self, node, ctx, where):
        if is_null(node) and self.min_items == 0:
            return []
        if not isinstance(node, SequenceNode):
            return ctx.value_error(node, where,
                                   f"expected a list (items starting with '- '), found {kind_of(node)}")
        if len(node.value) < self.min_items:
            return ctx.error(where, f"needs at least {self.min_items} item(s)")
        items = [self.item.convert(item, ctx, ctx.pos(item)) for item in node.value]
        return INVALID if any(i is INVALID for i in items) else items

    def json_schema(self):
        return {"type": "array", "items": self.item.json_schema(), "minItems": self.min_items,
                "description": self.doc}


@dataclass
class ChoiceSpec(Spec):
    """A mapping of exactly one key naming its kind: `- paragraph: {fr:…, nl:…}`."""

    choices: dict[str, Spec]
    doc: str = ""

    def convert(self, node, ctx, where):
        names = ", ".join(self.choices)
        if not isinstance(node, MappingNode) or len(node.value) != 1:
            return ctx.value_error(node, where,
                                   f"expected one of {names} (one key per item), found {kind_of(node)}"
                             + (f" with {len(node.value)} keys" if isinstance(node, MappingNode) else ""))
        knode, vnode = node.value[0]
        if not isinstance(knode, ScalarNode) or is_null(knode):
            return ctx.error(knode, f"expected one of {names} as the key, found {kind_of(knode)}")
        key = knode.value
        if key not in self.choices:
            return ctx.error(knode, f"unknown block {shown(key)}{did_you_mean(key, list(self.choices))}; "
                                    f"expected {names}")
        value = self.choices[key].convert(vnode, ctx, ctx.pos(knode))
        return INVALID if value is INVALID else (key, value)

    def json_schema(self):
        return {"description": self.doc, "oneOf": [
            {"type": "object", "properties": {k: s.json_schema()}, "required": [k],
             "additionalProperties": False} for k, s in self.choices.items()]}


@dataclass
class KeyedSpec(Spec):
    """A mapping from ids (matching `key_pattern`) to values of one kind."""

    value: Spec
    key_pattern: str = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
    doc: str = ""

    def convert(self, node, ctx, where):
        if is_null(node):
            return {}
        if not isinstance(node, MappingNode):
            return ctx.error(node, f"expected a mapping of ids to entries, found {kind_of(node)}")
        # Entries are kept even when invalid (value INVALID), so that calls to
        # them are not also reported as undefined.
        out: dict[str, tuple[Pos, Any]] = {}
        for key, knode, vnode in mapping_entries(node, ctx):
            if not re.fullmatch(self.key_pattern, key):
                rule = ("starts with a letter or a digit" if key[:1].isascii()
                        and not key[:1].isalnum() and re.fullmatch(self.key_pattern, "a" + key[1:])
                        else "is made of letters, digits, '-' and '_'")
                ctx.error(knode, f"{shown(key)} is not a valid id: an id {rule}")
            out[key] = (ctx.pos(knode), self.value.convert(vnode, ctx, ctx.pos(knode)))
        return out

    def json_schema(self):
        return {"type": "object", "description": self.doc,
                "patternProperties": {self.key_pattern: self.value.json_schema()},
                "additionalProperties": False}


# `accepted:` beside a pair's texts: findings of `check` its author accepts.
ACCEPTED = ListSpec(MapSpec({
    "finding": Field(TextSpec("the start of the finding's message, e.g. `dates differ`")),
    "reason": Field(TextSpec("why the finding is accepted")),
}, doc="a finding of `check` accepted for this field"), min_items=1,
    doc="findings of `check` accepted for this field, each with its reason")
