"""`hemicycle watch`: rebuild on every save.

Polls modification times (no extra dependency, works on every platform) of
the content file and of every file its last build read.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

from .build import Builder


def _stamp(paths) -> dict[str, float | None]:
    stamps = {}
    for p in paths:
        try:
            stamps[p] = os.stat(p).st_mtime_ns
        except OSError:
            stamps[p] = None
    return stamps


def watch(path: Path, builder: Builder, interval: float = 0.3) -> int:
    print(f"watching {path} (Ctrl-C stops)", file=builder.log, flush=True)
    watched = [str(path)]
    last: dict | None = None
    try:
        while True:
            stamps = _stamp(watched)
            if stamps != last:
                if last is not None:
                    time.sleep(interval)  # let an editor finish writing
                result = builder.build(path)
                state = "failed" if result.status else "rebuilt"
                print(f"{time.strftime('%H:%M:%S')} {state} {path} in {result.seconds:.2f} s",
                      file=builder.log, flush=True)
                builder.errors.flush()
                watched = sorted({str(path)} | {p for p in result.reads if os.path.isfile(p)
                                                and not p.endswith(".pyc")})
                last = _stamp(watched)
            time.sleep(interval)
    except KeyboardInterrupt:
        print("stopped", file=builder.log)
        return 0
