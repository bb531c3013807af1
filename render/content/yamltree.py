"""The YAML of a content file → a tree of ruamel.yaml nodes, each knowing its
line and column, without what the content format has no use for.

The tree is built from the parser's events in a loop rather than by
recursion, so no nesting, however deep, can exhaust Python's stack. Refused
here, each at its place:

- nesting deeper than any content file needs;
- anchors and aliases (refusing them also keeps alias bombs from expanding);
- tags (`!!str`, `!!bool`, `!!python/object`): they change what a value means;
- a `%YAML` directive other than 1.2 (YAML 1.1 reads `yes` as true);
- characters no output can hold, in any key or value.

A tag or an unprintable character leaves the rest of the file readable: the
tree is built as if it were absent, so that the schema still reports the
file's other mistakes in the same run.
"""
from __future__ import annotations

import re
import warnings

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (AliasEvent, DocumentStartEvent, MappingEndEvent,
                                MappingStartEvent, ScalarEvent, SequenceEndEvent,
                                SequenceStartEvent)
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

from ..errors import shown
from ..model import MAX_REQUEST_DEPTH, Pos
from .characters import unprintable, without_unprintable
from .schema import Context

MAX_NESTING = 64
# The deepest a valid file goes: the root mapping, `resolution`, requests
# (a list and a mapping per level), a text's `fr:` and the text itself.
DEEPEST_CONTENT = 2 + 2 * MAX_REQUEST_DEPTH + 2


class _Stop(Exception):
    """What follows in the file cannot be read (the reason is recorded)."""


def compose(text: str, ctx: Context) -> Node | None:
    """The root node of `text`, or None when the file cannot be read as
    content; every reason is recorded in `ctx`."""
    try:
        _check_directives(text, ctx)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ruamel's own warnings: refused here anyway
            return _Tree(text, ctx).build(YAML(typ="rt"))
    except _Stop:
        pass
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = (exc.problem or exc.context or "invalid YAML").strip()
        pos = Pos(ctx.path, mark.line + 1, mark.column + 1) if mark else Pos(ctx.path, 1, 1)
        ctx.error(pos, f"YAML syntax: {what}{_syntax_hint(what, text)}")
    except ReaderError as exc:  # a character YAML forbids, e.g. a control code
        line = text.count("\n", 0, exc.position) + 1
        col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
        ctx.error(Pos(ctx.path, line, col), f"the character U+{exc.character:04X} is not "
                                            "allowed in YAML; remove it")
    except YAMLError as exc:
        ctx.error(Pos(ctx.path, 1, 1), f"YAML syntax: {exc}")
    return None


def _check_directives(text: str, ctx: Context) -> None:
    """A `%YAML` line other than 1.2 changes what plain words mean (YAML 1.1
    reads `yes` and `no` as booleans); ruamel.yaml fails on most versions."""
    for m in re.finditer(r"^%YAML\b(.*)$", text, re.MULTILINE):
        if m.group(1).split("#")[0].split() != ["1.2"]:
            ctx.error(Pos(ctx.path, text.count("\n", 0, m.start()) + 1, 1),
                      "content files are YAML 1.2, where only true and false are booleans; "
                      "remove the %YAML line")
            raise _Stop


_SYNTAX_HINTS = {
    "mapping values are not allowed here":
        "; check the indentation of this line, put a text holding ': ' in quotes, "
        "or close a quote left open above",
    "found character '\\t' that cannot start any token": "; indent with spaces, not tabs",
    "found a tab character": "; indent with spaces, not tabs",
    "expected <block end>, but found":
        "; indent this line like the key above it, or as far as the keys of its own "
        "mapping",
    "did not find expected key":
        "; indent this line like the key above it, or close a quote left open above",
}


def _syntax_hint(what: str, text: str) -> str:
    for problem, hint in _SYNTAX_HINTS.items():
        if problem in what:
            return hint
    if "\t" in text and "tab" in what:
        return "; indent with spaces, not tabs"
    return ""


class _Open:
    """A mapping or list being read, and for a mapping the key read last."""

    def __init__(self, node: Node):
        self.node = node
        self.key: Node | None = None


class _Tree:
    def __init__(self, text: str, ctx: Context):
        self.text = text
        self.ctx = ctx
        self.resolver = None
        self.open: list[_Open] = []  # from the root down to the innermost
        self.root: Node | None = None
        self.documents = 0
        self.last_mark = None  # the end of the last event read

    def build(self, yaml: YAML) -> Node | None:
        self.resolver = yaml.resolver
        for event in self._events(yaml):
            if isinstance(event, DocumentStartEvent):
                self._document(event)
            elif isinstance(event, (ScalarEvent, SequenceStartEvent, MappingStartEvent,
                                    AliasEvent)):
                self._check_depth(event)
                self._check_anchor(event)
                self._add(event)
            elif isinstance(event, (SequenceEndEvent, MappingEndEvent)):
                self.open.pop().node.end_mark = event.end_mark
        return self.root

    def _events(self, yaml: YAML):
        """The parser's events. Should ruamel.yaml fail in a way of its own
        (not a YAML error), that is a syntax error where reading stopped."""
        events = yaml.parse(self.text)
        while True:
            try:
                event = next(events)
            except StopIteration:
                return
            except YAMLError:
                raise
            except Exception as exc:  # a fault of ruamel.yaml itself, met on this file
                at = self.last_mark
                self.ctx.error(self._pos(at) if at else Pos(self.ctx.path, 1, 1),
                               f"YAML syntax: the YAML reader failed after this point "
                               f"({type(exc).__name__}); check the lines that follow")
                raise _Stop from None
            self.last_mark = event.end_mark
            yield event

    def _stop(self, mark, message: str):
        self.ctx.error(self._pos(mark), message)
        raise _Stop

    def _pos(self, mark) -> Pos:
        return Pos(self.ctx.path, mark.line + 1, mark.column + 1)

    def _document(self, event) -> None:
        self.documents += 1
        if self.documents > 1:
            self._stop(event.start_mark, "YAML syntax: a second document starts here; a content "
                                         "file holds one document: remove the '---' line")

    def _check_depth(self, event) -> None:
        if len(self.open) >= MAX_NESTING:
            self._stop(event.start_mark, f"nesting deeper than {MAX_NESTING} levels; content "
                                         f"files need at most {DEEPEST_CONTENT}: check the "
                                         "indentation and close the brackets")

    def _check_anchor(self, event) -> None:
        if isinstance(event, AliasEvent) or event.anchor is not None:
            # One is enough: the rest repeat it, and an alias is never expanded.
            hint = ("; a text that starts with * or & needs quotes: \"*…\""
                    if event.start_mark.column > 0 else "")
            self._stop(event.start_mark, "anchors and aliases (&name, *name) are not allowed "
                                         f"in content; write the text out{hint}")

    def _add(self, event) -> None:
        if isinstance(event, ScalarEvent):
            value = self._value(event)
            tag = self._tag(event, ScalarNode, value)
            node = ScalarNode(tag, value, event.start_mark, event.end_mark, style=event.style)
        else:
            kind = SequenceNode if isinstance(event, SequenceStartEvent) else MappingNode
            node = kind(self._tag(event, kind, None), [], event.start_mark, None,
                        flow_style=event.flow_style)
        self._attach(node)
        if not isinstance(node, ScalarNode):
            self.open.append(_Open(node))

    def _attach(self, node: Node) -> None:
        if not self.open:
            self.root = node
            return
        parent = self.open[-1]
        if isinstance(parent.node, SequenceNode):
            parent.node.value.append(node)
        elif parent.key is None:
            parent.key = node
        else:
            parent.node.value.append((parent.key, node))
            parent.key = None

    def _tag(self, event, kind, value: str | None):
        """The tag YAML 1.2 gives the value as written; an explicit tag is
        reported and read as if absent."""
        if event.tag is not None:
            self.ctx.error(self._pos(event.start_mark),
                           f"YAML tags are not used in content: remove {self._written(event)}")
        plain = getattr(event, "style", None) is None
        return self.resolver.resolve(kind, value, (plain, not plain))

    def _written(self, event) -> str:
        """A tag as the file writes it (`!!bool`), rather than as YAML expands it."""
        m = _TAG_WRITTEN.match(self.text, event.start_mark.index)
        return shown(m.group() if m else str(event.tag))

    def _value(self, event) -> str:
        value = event.value
        if event.style == ">":
            value = value.replace("\a", "")  # ruamel marks folded line breaks with BEL
        found = unprintable(value)
        if found is None:
            return value
        at, what = found
        self.ctx.error(self._pos(event.start_mark),
                       f"{what} cannot be printed in any output; remove it "
                       f"(here: {shown(_around(value, at))})")
        return without_unprintable(value)


_TAG_WRITTEN = re.compile(r"!<[^>\n]*>|![^\s,\[\]{}]*")


def _around(value: str, at: int, width: int = 20) -> str:
    """The part of a long value around one character, to find it by."""
    start = max(0, at - width)
    return ("…" if start else "") + value[start:at + width + 1] + (
        "…" if at + width + 1 < len(value) else "")
