"""Which characters a content text may hold.

Two rules, both about what a reader would end up seeing: a character no
output can hold (HTML, PDF and DOCX all refuse control codes, lone surrogates
and non-characters) is refused wherever it is, and a text that shows nothing
(only spaces, zero-width or format characters) counts as empty.
"""
from __future__ import annotations

import re
import unicodedata

# Controls no output format can hold (a tab and a line break are kept: texts
# are folded into one line anyway), lone surrogates (only a YAML escape such
# as "\ud800" makes one) and the non-characters Unicode keeps for internal use.
_CONTROLS = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(chr(plane << 16 | 0xFFFE) + chr(plane << 16 | 0xFFFF)
                                         for plane in range(17))  # the last two of each plane
_UNPRINTABLE = re.compile(f"[{_CONTROLS}\ud800-\udfff{_NONCHARACTERS}]|\r(?!\n)")

# Letters that are drawn as nothing (Hangul fillers, the blank Braille pattern).
_BLANK_LETTERS = set("\u115f\u1160\u3164\uffa0\u2800")
# Spaces, separators, format characters (zero-width space and joiners, word
# joiner, soft hyphen, byte-order mark, bidi marks) and marks with no letter.
_INVISIBLE_CATEGORIES = {"Zs", "Zl", "Zp", "Cf", "Cc", "Mn", "Me"}


def unprintable(value: str) -> tuple[int, str] | None:
    """Where the first character of `value` that no output can hold is, and
    what it is for a message ("the control character U+0007"); or None."""
    m = _UNPRINTABLE.search(value)
    if not m:
        return None
    ch = m.group()[0]
    if "\ud800" <= ch <= "\udfff":
        kind = "the lone surrogate"
    elif unicodedata.category(ch) == "Cc":
        kind = "the control character"
    else:
        kind = "the non-character"
    return m.start(), f"{kind} U+{ord(ch):04X}"


def without_unprintable(value: str) -> str:
    """`value` as if its unprintable characters were removed: what is left is
    still checked, so that one file gets all its errors at once."""
    return _UNPRINTABLE.sub("", value)


def shows_nothing(value: str) -> bool:
    """Whether a text would print as blank."""
    return all(ch.isspace() or ch in _BLANK_LETTERS
               or unicodedata.category(ch) in _INVISIBLE_CATEGORIES for ch in value)
