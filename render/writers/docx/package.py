"""Byte-stable packaging of a DOCX: the same parts always give the same bytes.

python-docx stamps every zip member with the current time; `stable_zip`
rewrites the archive with one fixed date, fixed attributes and a stable member
order (`[Content_Types].xml` first, as Word writes it, then the parts in the
order python-docx wrote them, which follows the relationships and does not
depend on the clock or on hashing).
"""
from __future__ import annotations

import io
import zipfile
from datetime import date

_FIRST = "[Content_Types].xml"


def stable_zip(data: bytes, when: date | None = None) -> bytes:
    stamp = (max(when.year, 1980), when.month, when.day, 0, 0, 0) if when else (1980, 1, 1, 0, 0, 0)
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        names = src.namelist()
        order = ([_FIRST] if _FIRST in names else []) + [n for n in names if n != _FIRST]
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for name in order:
                info = zipfile.ZipInfo(name, date_time=stamp)
                info.compress_type = zipfile.ZIP_DEFLATED
                info.create_system = 3          # Unix, whatever the build machine
                info.external_attr = 0o644 << 16
                dst.writestr(info, src.read(name), compresslevel=6)
    return out.getvalue()
