"""The content's text from the typeset text of a DOCX.

The writer adds the house style to every text (render.layout.rows.typeset):
no-break spaces where the locale's rules put them, a signature's names bound
by no-break spaces and non-breaking hyphens. Raised ordinals are only runs,
joined again when the runs are read. A no-break space where the rule would
have put one is taken for the rule's, and read as the space the content
had; any other is the content's own. Where the page still shows a text the
DOCX recorded as written, import takes that text instead (see
`assemble`): this module serves edited texts.
"""
from __future__ import annotations

from ..model.locale import NB_HYPHEN, NBSP, typographic_spaces

_NAME_LONGEST = 40   # render.model.locale.bind_signature binds segments up to this length


def untypeset(text: str, lang: str, signature: bool = False) -> str:
    """A text that the writer typesets back to `text`, with plain spaces and
    hyphens wherever the house style could have put its own."""
    if signature:
        text = _unbind(text)
    if NBSP not in text:
        return text
    # where the rules put a no-break space in the text with plain spaces
    ruled = typographic_spaces(text.replace(NBSP, " "), lang)
    plain = "".join(" " if c == NBSP and r == NBSP else c for c, r in zip(text, ruled))
    return plain


def _unbind(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        segments = [s.replace(NBSP, " ").replace(NB_HYPHEN, "-")
                    if len(s) <= _NAME_LONGEST else s for s in line.split(", ")]
        lines.append(", ".join(segments))
    return "\n".join(lines)

