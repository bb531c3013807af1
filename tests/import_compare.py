"""The document model compared the way import promises: everything but
where things stand in the content file (positions) and how its markup is
spelled (a text's `source`: its parts are compared); emphases side by side
read as one."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from render.content.inline import _merge_emphasis
from render.model import Pos, Text


def comparable(value):
    if isinstance(value, Text):
        return ("Text", _merge_emphasis(value.parts))
    if isinstance(value, (Pos, Path)):
        return None
    if dataclasses.is_dataclass(value):
        return (type(value).__name__,) + tuple(
            (f.name, comparable(getattr(value, f.name))) for f in dataclasses.fields(value)
            if f.name not in ("pos", "number_pos", "source"))
    if isinstance(value, dict):
        return {k: comparable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return tuple(comparable(v) for v in value)
    return value
