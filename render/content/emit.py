"""The model as a content file: YAML a clerk reads and edits, in the shape
of docs/content-format.md. Long texts are folded (`>-`), quotes appear only
where YAML needs them, a text given once for both languages is `both:`.
Every scalar is checked to read back as written; the loader reads the
result as the same document."""
from __future__ import annotations

import re
from functools import lru_cache

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from ..model import Document, Pair, Request

WIDTH = 80
INDENT = "  "

# Plain scalars that are surely read back as the same text: no markup
# character of YAML at the start, no `: ` or ` #`, no trailing colon, and
# not a word YAML reads as something else (true, null, a number, a date).
_SAFE_PLAIN = re.compile(r"[^\s\-?:,\[\]{}#&*!|>'\"%@`\\](?:(?!: | #)[^\x00-\x1f\x7f-\x9f"
                         r"\u2028\u2029\ufeff])*(?<![\s:])")
_NOT_TEXT = re.compile(r"(?i)(true|false|null|~|yes|no|on|off|[-+]?[0-9.][0-9_.:eE+-]*"
                       r"|[-+]?\.(inf|nan)|0x[0-9a-f]+|0o[0-7]+)")


@lru_cache(maxsize=1)
def _yaml() -> YAML:
    return YAML(typ="safe", pure=True)


def _reads_back(line: str, text: str) -> bool:
    return _loads_as(f"k: {line}\n", text)


def _loads_as(document: str, text: str) -> bool:
    """Whether the YAML `document` reads as `{"k": text}`."""
    try:
        return _yaml().load(document) == {"k": text}
    except (YAMLError, ValueError):   # `._` looks like a float to ruamel, which then fails
        return False


def _double_quoted(text: str) -> str:
    out = []
    for ch in text:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch == "\t":
            out.append("\\t")
        elif code < 0x20 or 0x7F <= code <= 0x9F or ch in "\u2028\u2029\ufeff":
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _folded(text: str, indent: str) -> list[str] | None:
    """`text` as the lines of a `>-` block, broken at single spaces; None when
    a block cannot hold it as it is."""
    room = max(WIDTH - len(indent), 30)
    if text != text.strip() or any(c in text for c in "\n\r\t") or "  " in text:
        return None
    words = text.split(" ")
    lines, line = [], words[0]
    for word in words[1:]:
        if len(line) + 1 + len(word) > room:
            lines.append(line)
            line = word
        else:
            line += " " + word
    lines.append(line)
    return lines


def scalar(text: str, indent: str, used: int) -> list[str]:
    """The value of a `key: ` that already takes `used` columns at `indent`:
    the first element follows the key, the others are lines of their own."""
    if len(indent) + used + len(text) <= WIDTH or len(text) < 40:
        if _SAFE_PLAIN.fullmatch(text) and not _NOT_TEXT.fullmatch(text):
            return [text]
        if _reads_back(text, text):
            return [text]
    block_indent = indent + INDENT
    lines = _folded(text, block_indent)
    if lines is not None and len(lines) > 1:
        block = "\n".join(["k: >-"] + [block_indent + line for line in lines])
        if _loads_as(block + "\n", text):
            return [">-"] + [block_indent + line for line in lines]
    if _SAFE_PLAIN.fullmatch(text) and not _NOT_TEXT.fullmatch(text):
        return [text]
    quoted = "'" + text.replace("'", "''") + "'"
    if _reads_back(quoted, text):
        return [quoted]
    return [_double_quoted(text)]


def _key(name: str) -> str:
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", name) and not _NOT_TEXT.fullmatch(name):
        return name
    return _double_quoted(name)


class _Lines:
    """Lines of YAML. `at` is the column (as spaces) where a key starts; an
    item of a list has its `- ` in the last two of those spaces."""

    def __init__(self):
        self.lines: list[str] = []

    def raw(self, line: str) -> None:
        self.lines.append(line)

    def field(self, at: str, key: str, text: str, item: bool = False) -> None:
        head = f"{at[:-2] + '- ' if item else at}{key}: "
        value = scalar(text, at, len(head) - len(at))
        self.lines.append(head + value[0])
        self.lines.extend(value[1:])

    def pair(self, at: str, pair: Pair, item: bool = False) -> None:
        if pair.same:
            self.field(at, "both", pair.fr.source, item)
        else:
            self.field(at, "fr", pair.fr.source, item)
            self.field(at, "nl", pair.nl.source)
        if pair.accepted:
            self.raw(f"{at}accepted:")
            for a in pair.accepted:
                self.field(at + INDENT * 2, "finding", a.finding, item=True)
                self.field(at + INDENT * 2, "reason", a.reason)

    def keyed(self, at: str, key: str, pair: Pair, item: bool = False) -> None:
        self.raw(f"{at[:-2] + '- ' if item else at}{key}:")
        self.pair(at + INDENT, pair)


_BLOCK_KEYS = {"Paragraph": "paragraph", "Heading": "heading", "Salutation": "salutation",
               "Signature": "signature"}


def emit_document(doc: Document, schema: str, comment: str = "") -> str:
    """The content file for `doc` (a document with a resolution: a text
    adopted is written as one); `schema` the path of the JSON Schema from
    the file's folder, `comment` lines to put at the top."""
    meta = doc.meta
    out = _Lines()
    out.raw(f"# yaml-language-server: $schema={schema}")
    for line in comment.splitlines():
        out.raw(f"# {line}".rstrip())
    out.raw("document:")
    for key, value in (("type", meta.doctype), ("legislature", meta.legislature),
                       ("number", meta.dossier), ("subdocument", meta.subdocument),
                       ("deposited", meta.deposited.isoformat()), ("lead", meta.lead)):
        out.raw(f"  {key}: {value}")
    out.keyed("  ", "title", meta.title)
    out.raw("  authors:")
    for a in meta.authors:
        out.field("      ", "name", a.name, item=True)
        out.field("      ", "gender", a.gender)
        out.field("      ", "party", a.party)
    out.raw(f"  and_others: {'true' if meta.and_others else 'false'}")
    if meta.summary is not None:
        out.keyed("  ", "summary", meta.summary)
    if doc.developments:  # a text adopted has none
        out.raw("")
        out.raw("developments:")
        for block in doc.developments:
            out.keyed("    ", _BLOCK_KEYS[type(block).__name__], block.text, item=True)
    out.raw("")
    out.raw("resolution:")
    out.keyed("  ", "opening", doc.resolution.opening)
    if doc.resolution.considerants:
        out.raw("  considerants:")
        for c in doc.resolution.considerants:
            out.pair("      ", c.text, item=True)
    else:
        out.raw("  considerants: []")
    out.raw("  requests:")
    _requests(out, doc.resolution.requests, "      ")
    if doc.footnotes:
        out.raw("")
        out.raw("footnotes:")
        for note in sorted(doc.footnotes.values(), key=lambda n: n.number):
            out.keyed("  ", _key(note.id), note.text)
    return "\n".join(out.lines) + "\n"


def _requests(out: _Lines, requests: tuple[Request, ...], at: str) -> None:
    for r in requests:
        item = True
        for key, pair in (("lead", r.lead), ("text", r.text)):
            if pair is not None:
                out.keyed(at, key, pair, item=item)
                item = False
        if r.children:
            out.raw(f"{at}requests:")
            _requests(out, r.children, at + INDENT * 2)
