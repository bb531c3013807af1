"""`hemicycle watch`: rebuild on every save.

Polls modification times (no extra dependency, works on every platform) of
the content file and of every template, font and data file its last build
read (what a make dependency file lists).
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from .build import Builder, dependencies
from .errors import escaped


def _stamp(paths) -> dict[str, float | None]:
    stamps = {}
    for p in paths:
        try:
            stamps[p] = os.stat(p).st_mtime_ns
        except OSError:
            stamps[p] = None
    return stamps


def watch(path: Path, builder: Builder, interval: float = 0.3) -> int:
    print(f"watching {escaped(str(path))} (Ctrl-C stops)", file=builder.log, flush=True)
    watched = [str(path)]
    last: dict | None = None
    try:
        while True:
            stamps = _stamp(watched)
            if stamps != last:
                if last is not None:
                    time.sleep(interval)  # let an editor finish writing
                watched = _rebuild(path, builder) or watched
                last = _stamp(watched)
            time.sleep(interval)
    except KeyboardInterrupt:
        print("stopped", file=builder.log)
        return 0


def _rebuild(path: Path, builder: Builder) -> list[str] | None:
    """Build once and say how it went; the files to watch next, or None to keep
    the current ones. Whatever a save contains, the watch goes on."""
    try:
        result = builder.build(path)
        state = "failed" if result.status else "rebuilt"
        print(f"{time.strftime('%H:%M:%S')} {state} {escaped(str(path))} in "
              f"{result.seconds:.2f} s",
              file=builder.log, flush=True)
        builder.errors.flush()
        # The same files as a make dependency file: the content, the
        # templates, fonts and data it read (not the libraries).
        return [str(p) for p in dependencies(path, result.reads, builder.templates)]
    except Exception as exc:  # a bug: said in one line, the next save is tried again
        print(f"{time.strftime('%H:%M:%S')} failed {escaped(str(path))}: internal error "
              f"{type(exc).__name__}: {exc}; still watching", file=builder.errors, flush=True)
        return None
