"""Caches that know which files they were computed from.

A batch build reuses templates, fonts and data across documents; `watch`
rebuilds in one long-lived process while a clerk edits those files. A value
cached with `@from_files` is reused only while every file read to compute it
(seen through the audit hook of `render.reads`) is unchanged; the files are
also reported again to whoever records reads, so that make dependency files
stay complete when a value comes from the cache.
"""
from __future__ import annotations

import functools
import os
import sys
from collections import OrderedDict
from typing import Callable, TypeVar

from . import reads

T = TypeVar("T")

# The interpreter and the installed libraries do not change under a build.
_LIBRARIES = tuple({os.path.realpath(p) + os.sep for p in
                    (sys.prefix, sys.base_prefix, sys.exec_prefix)})


def from_files(maxsize: int = 8) -> Callable[[Callable[..., T]], Callable[..., T]]:
    def decorate(function: Callable[..., T]) -> Callable[..., T]:
        entries: OrderedDict = OrderedDict()
        limit = [maxsize]

        @functools.wraps(function)
        def cached(*args):
            if not limit[0]:
                return function(*args)
            entry = entries.get(args)
            if entry is not None and _stamps(entry[1]) == entry[1]:
                entries.move_to_end(args)
                reads.note(entry[1])
                return entry[0]
            with reads.ReadLog() as log:
                value = function(*args)
            entries[args] = (value, _stamps(p for p in log.paths if _tracked(p)))
            while len(entries) > limit[0]:
                entries.popitem(last=False)
            return value

        def resize(size: int) -> None:
            """Keep up to `size` values from now on (0: cache nothing)."""
            limit[0] = size
            while len(entries) > size:
                entries.popitem(last=False)

        def retain(keys) -> None:
            """Drop every value but those of `keys` (tuples of arguments)."""
            for key in [k for k in entries if k not in keys]:
                del entries[key]

        cached.cache_clear = entries.clear
        cached.resize = resize
        cached.retain = retain
        return cached
    return decorate


def _tracked(path: str) -> bool:
    return not os.path.realpath(path).startswith(_LIBRARIES)


def _stamps(paths) -> dict[str, tuple[int, int] | None]:
    stamps = {}
    for path in paths:
        try:
            st = os.stat(path)
            stamps[path] = (st.st_mtime_ns, st.st_size)
        except OSError:
            stamps[path] = None
    return stamps
