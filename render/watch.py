"""`hemicycle watch`: rebuild on every save.

Watches the content file and every template, font and data file its last
build read (what a make dependency file lists). The process stays warm:
WeasyPrint, the fonts, templates and stylesheet stay loaded between builds
(each re-read when its file changes), and so do the laid-out parts of the
PDF (cover, développements, resolution): a save lays out again only the
parts whose HTML it changed.

A save is noticed as it happens, through the system's file events (inotify
on Linux, via `watchfiles`), and built once the files have been quiet for
`QUIET_MS`: an editor that writes a file in several pieces is read whole,
and a save costs no fixed delay. Where file events are not available, the
modification times are polled every `interval` seconds instead. Whatever
way, files are compared before and after each build, so a save made while
building is built next.
"""
from __future__ import annotations

import gc
import os
import time
from pathlib import Path

from .build import Builder, dependencies
from .errors import escaped

QUIET_MS = 20          # the files unchanged this long: the save is complete
EVENTS_TIMEOUT_MS = 1000   # how often the event wait looks up (Ctrl-C is honoured at once anyway)


def _stamp(paths) -> dict[str, tuple | None]:
    stamps = {}
    for p in paths:
        try:
            s = os.stat(p)
            stamps[p] = (s.st_mtime_ns, s.st_size, s.st_ino)
        except OSError:
            stamps[p] = None
    return stamps


# Laid-out parts of the PDF kept between builds, at most: a save that changes
# one part lays out that part only (the PDF writer keeps the parts of the
# latest build alone; a document has three or four).
PARTS_KEPT = 16


def watch(path: Path, builder: Builder, interval: float = 0.3) -> int:
    print(f"watching {escaped(str(path))} (Ctrl-C stops)", file=builder.log, flush=True)
    if "pdf" in builder.writers:
        from .writers.pdf import laid_out_part
        laid_out_part.resize(PARTS_KEPT)
    watched = [str(path)]
    try:
        while True:
            before = _stamp(watched)
            watched = _rebuild(path, builder) or watched
            _collect_garbage()
            # stamps as the build found them: a save during the build differs
            last = {p: before.get(p, s) for p, s in _stamp(watched).items()}
            _wait_for_change(watched, last, interval)
    except KeyboardInterrupt:
        print("stopped", file=builder.log)
        return 0


def _collect_garbage() -> None:
    """Collect the last build's garbage while waiting for a save, then freeze
    what is left (modules, fonts, kept parts) out of the collector: during
    the next build, a full collection walks only what that build makes
    (about 0.08 s less per save of the reference). Unfrozen first, so that a
    kept part dropped since is collected too."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _wait_for_change(watched: list[str], last: dict, interval: float) -> None:
    """Return once a watched file differs from `last` (changed, created,
    removed)."""
    if _stamp(watched) != last:
        return
    try:
        if _wait_for_events(watched, last):
            return
    except (ImportError, OSError, RuntimeError):
        pass   # no file events here: poll
    while _stamp(watched) == last:
        time.sleep(interval)


def _wait_for_events(watched: list[str], last: dict) -> bool:
    """Wait on file events in the folders of the watched files; False when
    they cannot be watched so (a folder is missing)."""
    import watchfiles

    folders = sorted({os.path.dirname(os.path.abspath(p)) for p in watched})
    if not all(os.path.isdir(f) for f in folders):
        return False
    names = {os.path.abspath(p) for p in watched}
    for _ in watchfiles.watch(*folders, watch_filter=lambda _change, p: p in names,
                              debounce=1600, step=QUIET_MS, rust_timeout=EVENTS_TIMEOUT_MS,
                              yield_on_timeout=True, recursive=False, raise_interrupt=True):
        # events for a file rewritten as it was are not a change; a timeout
        # yields nothing and looks again (a change the events missed shows)
        if _stamp(watched) != last:
            return True
    return True


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
