"""Results worth keeping between processes, in the user's cache folder.

Converting the typeface to TrueType for the DOCX takes about a second per
process, for a result that only changes with the font, the characters kept
and the code that converts: each `hemicycle` run would pay it again. A
result is stored under a key that digests all of its inputs, so a stale entry
cannot be found, and it carries the digest of its own bytes, so a damaged
one is made again rather than used. The same inputs give the same bytes
whether they come from the cache or not.

The folder is `$HEMICYCLE_CACHE`, else `$XDG_CACHE_HOME/hemicycle`, else
`~/.cache/hemicycle`; it may be deleted at any time. Where it cannot be read
or written, results are simply computed each time.
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Callable, Iterable

DIGEST_SIZE = 32   # sha256


def folder() -> Path:
    if os.environ.get("HEMICYCLE_CACHE"):
        return Path(os.environ["HEMICYCLE_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "hemicycle"


def key(*inputs: bytes) -> str:
    """A file name that digests every input (each length-prefixed, so that
    inputs cannot run into each other)."""
    digest = hashlib.sha256()
    for data in inputs:
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def cached_bytes(kind: str, inputs: Iterable[bytes], make: Callable[[], bytes]) -> bytes:
    """The bytes `make()` gives for `inputs`, from the cache when an intact
    entry is there, else made and stored."""
    path = folder() / kind / key(kind.encode(), *inputs)
    found = _read(path)
    if found is not None:
        return found
    data = make()
    _write(path, data)
    return data


def _read(path: Path) -> bytes | None:
    try:
        stored = path.read_bytes()
    except OSError:
        return None
    digest, data = stored[:DIGEST_SIZE], stored[DIGEST_SIZE:]
    return data if hashlib.sha256(data).digest() == digest else None


def _write(path: Path, data: bytes) -> None:
    """Written whole or not at all: a temporary file renamed into place, so
    two processes storing the same entry at once are both fine."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=".", suffix=".part")
        try:
            with os.fdopen(fd, "wb") as file:
                file.write(hashlib.sha256(data).digest() + data)
            os.replace(temporary, path)
        except BaseException:
            os.unlink(temporary)
            raise
    except OSError:
        pass   # a cache that cannot be written costs time, nothing else
