"""The small inline markup of content texts: `*emphasis*`, `[^id]` calls.

Everything else is literal. `\\*`, `\\[` and `\\\\` escape the markup characters.
"""
from __future__ import annotations

import re
from bisect import bisect_right

from ..model import Emph, Inline, NoteRef, Str, Text

NOTE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
_CALL = re.compile(r"\[\^([A-Za-z0-9][A-Za-z0-9_-]*)\]")
_ESCAPABLE = "*[\\"


def parse_inline(source: str) -> Text:
    """Parse one language's text. Never fails: what is not markup is text."""
    parts: list[Inline] = []
    buf: list[str] = []
    i, n = 0, len(source)
    closers = _closing_stars(source)

    def flush() -> None:
        if buf:
            parts.append(Str("".join(buf)))
            buf.clear()

    while i < n:
        ch = source[i]
        if ch == "\\" and i + 1 < n and source[i + 1] in _ESCAPABLE:
            buf.append(source[i + 1])
            i += 2
            continue
        if ch == "[":
            m = _CALL.match(source, i)
            if m:
                flush()
                parts.append(NoteRef(m.group(1)))
                i = m.end()
                continue
        if ch == "*":
            end = _closing_star(source, i, closers)
            if end is not None:
                flush()
                parts.extend(_emphasis(source[i + 1:end]))
                i = end + 1
                continue
        buf.append(ch)
        i += 1
    flush()
    return Text(tuple(_merge(parts)), source)


def _closing_stars(s: str) -> list[int]:
    """Where emphasis can close: each unescaped `*` preceded by a non-space.
    Found in one pass, so that a text of many lone `*` stays linear to read."""
    closers = []
    j, n = 0, len(s)
    while j < n:
        if s[j] == "\\" and j + 1 < n and s[j + 1] in _ESCAPABLE:
            j += 2
            continue
        if s[j] == "*" and j > 0 and not s[j - 1].isspace():
            closers.append(j)
        j += 1
    return closers


def _closing_star(s: str, start: int, closers: list[int]) -> int | None:
    """Emphasis opens on `*` followed by a non-space and closes on the next
    unescaped `*` preceded by a non-space; a lone `*` stays literal."""
    if start + 1 >= len(s) or s[start + 1].isspace() or s[start + 1] == "*":
        return None
    k = bisect_right(closers, start + 1)
    return closers[k] if k < len(closers) else None


def _emphasis(inner: str) -> list[Inline]:
    """Emphasised text; a footnote call inside it stays a call."""
    parts: list[Inline] = []
    last = 0
    for m in _CALL.finditer(inner):
        if m.start() > 0 and inner[m.start() - 1] == "\\":
            continue  # an escaped "[" is text
        if m.start() > last:
            parts.append(Emph(_unescape(inner[last:m.start()])))
        parts.append(NoteRef(m.group(1)))
        last = m.end()
    if last < len(inner):
        parts.append(Emph(_unescape(inner[last:])))
    return parts


def _unescape(s: str) -> str:
    return re.sub(r"\\([*\[\\])", r"\1", s)


def _merge(parts: list[Inline]) -> list[Inline]:
    merged: list[Inline] = []
    for p in parts:
        if merged and isinstance(p, Str) and isinstance(merged[-1], Str):
            merged[-1] = Str(merged[-1].text + p.text)
        else:
            merged.append(p)
    return merged


def escape(text: str) -> str:
    """The markup-safe form of a literal text (used when writing content)."""
    return re.sub(r"([*\[\\])", r"\\\1", text)


def markup(parts) -> str:
    """The inline markup that reads back as `parts`: emphasis between `*`
    (a call inside it stays inside), calls as `[^id]`, and only the escapes
    the text needs. Emphasis has no space at its ends (the markup cannot
    say it); `tidy_parts` moves such spaces out."""
    written = _markup(parts, _escape_needed)
    if _merge_emphasis(parse_inline(written).parts) == _merge_emphasis(tuple(parts)):
        return written
    return _markup(parts, escape)


def _markup(parts, escaped) -> str:
    out: list[str] = []
    i, n = 0, len(parts)
    while i < n:
        part = parts[i]
        if isinstance(part, Emph):
            # the emphasis runs on over calls to the last emphasised text
            end = i
            for j in range(i, n):
                if isinstance(parts[j], Emph):
                    end = j
                elif not isinstance(parts[j], NoteRef):
                    break
            inner = "".join(escape(p.text) if isinstance(p, Emph) else f"[^{p.id}]"
                            for p in parts[i:end + 1])
            out.append(f"*{inner}*")
            i = end + 1
        elif isinstance(part, NoteRef):
            out.append(f"[^{part.id}]")
            i += 1
        else:
            out.append(escaped(part.text))
            i += 1
    return "".join(out)


def _escape_needed(text: str) -> str:
    """A literal text with `*` escaped, and `\\` and `[` only where they would
    be read as markup (before a markup character, or opening a call)."""
    out = []
    for k, ch in enumerate(text):
        nxt = text[k + 1] if k + 1 < len(text) else ""
        if ch == "*" or (ch == "\\" and (nxt in _ESCAPABLE or not nxt)) \
                or (ch == "[" and _CALL.match(text, k)):
            out.append("\\" + ch)
        else:
            out.append(ch)
    return "".join(out)


def _merge_emphasis(parts) -> tuple:
    """Emphases side by side read as one (they print as one)."""
    out: list[Inline] = []
    for p in parts:
        if out and type(p) is type(out[-1]) and isinstance(p, (Str, Emph)):
            out[-1] = type(p)(out[-1].text + p.text)
        else:
            out.append(p)
    return tuple(out)


def tidy_parts(parts) -> tuple:
    """Parts that markup can write: emphasis side by side merged, the spaces
    at the ends of an emphasis taken out of it, nothing empty."""
    out: list[Inline] = []
    for p in _merge_emphasis(parts):
        if isinstance(p, Emph):
            core = p.text.strip()
            if not core:
                out.append(Str(p.text))
                continue
            lead = p.text[:len(p.text) - len(p.text.lstrip())]
            trail = p.text[len(p.text.rstrip()):]
            out += [Str(lead)] if lead else []
            out.append(Emph(core))
            out += [Str(trail)] if trail else []
        elif not isinstance(p, (Str, Emph)) or p.text:
            out.append(p)
    return _merge_emphasis(out)
