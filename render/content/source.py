"""A content file's bytes, then its text: what cannot be a content file is
refused before YAML sees it.

Only a regular file is read (a named pipe would wait for a writer forever,
/dev/zero never ends), and never more than MAX_FILE_BYTES + 1 bytes of it.
Line ends are made `\\n`, whatever the editor wrote, so that every position
reported counts lines as the editor does.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path

from ..errors import ContentError, Problem
from ..model import Pos

MAX_FILE_BYTES = 16 * 1024 * 1024
_CHUNK = 1024 * 1024
_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"),
          (stat.S_ISSOCK, "a socket"))


def _refuse(name: str, message: str, line: int = 1, col: int = 1) -> ContentError:
    return ContentError([Problem(Pos(name, line, col), message)])


def read_source(path: Path) -> bytes:
    """The bytes of the content file at `path`, at most MAX_FILE_BYTES + 1."""
    name = str(path)
    try:
        _check_file(os.stat(path), name)
        # Non-blocking in case the path became a named pipe since the check.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0)
                     | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0))
        try:
            _check_file(os.fstat(fd), name)
            return _read_at_most(fd, MAX_FILE_BYTES + 1)
        finally:
            os.close(fd)
    except OSError as exc:
        raise _refuse(name, f"cannot read the file: {exc.strerror or exc}") from None


def _check_file(info: os.stat_result, name: str) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = next((k for test, k in _KINDS if test(info.st_mode)), "this")
        raise _refuse(name, f"{kind} is not a regular file: give the path of a content "
                            "file (.yaml)")
    if info.st_size > MAX_FILE_BYTES:
        raise _too_big(name)


def _too_big(name: str) -> ContentError:
    return _refuse(name, f"the file is larger than {MAX_FILE_BYTES // 2**20} MB; "
                         "split the document")


def _read_at_most(fd: int, limit: int) -> bytes:
    """Read until the end or `limit` bytes, whichever comes first (a file that
    grows while read, or one whose size the system does not know)."""
    chunks, total = [], 0
    while total < limit:
        chunk = os.read(fd, min(_CHUNK, limit - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def decode(data: bytes, name: str) -> str:
    """The text of a content file, with `\\n` line ends and no byte-order mark."""
    if len(data) > MAX_FILE_BYTES:
        raise _too_big(name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = _lf_line_ends(data[:exc.start].decode("utf-8", "replace"))
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        raise _refuse(name, f"the file is not UTF-8 (byte 0x{data[exc.start]:02x}); "
                            "save it as UTF-8", line, col) from None
    text = _lf_line_ends(text.removeprefix("\ufeff"))  # editors on Windows add a byte-order mark
    if all(not line.strip() or line.lstrip().startswith("#") for line in text.split("\n")):
        raise _refuse(name, "the file is empty: start from `hemicycle new` or "
                            "docs/content-format.md")
    return text


def _lf_line_ends(text: str) -> str:
    """Windows (CR LF) and old Mac (CR) line ends as `\\n`; a column is the
    same either way."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
