"""Which files a build reads, seen through Python's audit hooks.

Every file opened from Python (Jinja templates, fonts fetched by WeasyPrint,
wording and legislature data) raises an `open` audit event; recording them
gives make dependency files that list what was really read, without each
writer having to declare it.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

_recording: list[set[str]] = []
_installed = False


def _hook(event: str, args: tuple) -> None:
    if event == "open" and _recording:
        path = args[0]
        if isinstance(path, (str, bytes, os.PathLike)):
            path = os.fsdecode(path)
            for log in _recording:
                log.add(path)


class ReadLog:
    """`with ReadLog() as log:` … `log.paths` holds every file opened inside."""

    def __init__(self) -> None:
        self.paths: set[str] = set()

    def __enter__(self) -> "ReadLog":
        global _installed
        if not _installed:
            sys.addaudithook(_hook)  # hooks cannot be removed; it idles when not recording
            _installed = True
        _recording.append(self.paths)
        return self

    def __exit__(self, *exc) -> None:
        # By identity: logs nest (a cached value computed inside a build), and
        # two sets with the same files are equal.
        del _recording[next(i for i, log in enumerate(_recording) if log is self.paths)]


def make_rule(target: Path, deps: list[Path]) -> str:
    """A make rule `target: deps`, plus an empty rule per dependency so that a
    removed template does not break the build."""
    def esc(p: Path) -> str:
        return str(p).replace(" ", "\\ ").replace("#", "\\#").replace("$", "$$")
    lines = [f"{esc(target)}: " + " ".join(esc(d) for d in deps)]
    lines += [f"{esc(d)}:" for d in deps]
    return "\n".join(lines) + "\n"


def relative(path: str, base: Path) -> Path:
    p = Path(path).resolve()
    try:
        return p.relative_to(base)
    except ValueError:
        return p


def note(paths) -> None:
    """Report files as read to every log recording now: what a cached value
    was computed from counts as read by whoever uses the value."""
    for log in _recording:
        log.update(paths)
