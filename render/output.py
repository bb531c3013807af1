"""Writing outputs atomically: a reader, make or a killed build only ever
sees the previous file or the new one, never half of one.

A document's outputs (PDF, DOCX, HTML and their make dependency files) are
committed together: every file is first written in full beside its target,
and only when all of them are on disk do they replace the old ones. A full
disk or an unwritable folder therefore leaves every earlier output as it was.
"""
from __future__ import annotations

import errno
import os
import signal
import tempfile
from contextlib import contextmanager
from pathlib import Path


class OutputError(Exception):
    """An output cannot be written; the message names the path and the cause."""


def write_atomically(path: Path, data: bytes) -> None:
    commit_outputs([(path, data)])


def commit_outputs(files: list[tuple[Path, bytes]]) -> None:
    """Write every (path, data) or none of them; raise OutputError. A request
    to stop (SIGTERM, SIGHUP) waits until the files are in place or removed."""
    with _stops_deferred():
        _commit(files)


@contextmanager
def _stops_deferred():
    stops = {getattr(signal, n) for n in ("SIGTERM", "SIGHUP") if hasattr(signal, n)}
    if not hasattr(signal, "pthread_sigmask") or not stops:
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, stops)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _commit(files: list[tuple[Path, bytes]]) -> None:
    staged: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            _stage(path, data, staged)
        for tmp, path in staged:
            _replace(tmp, path)
    finally:
        for tmp, _ in staged:
            _discard(tmp)


class OutputExists(OutputError):
    """The file to create is already there."""


def create_new(path: Path, data: bytes) -> None:
    """Create `path` whole, never over an existing file: the data is written
    beside it, then linked into place (a link, unlike a rename, fails when
    the file exists). Raise OutputExists or OutputError."""
    staged: list[tuple[str, Path]] = []
    with _stops_deferred():
        try:
            _stage(path, data, staged)
            os.link(staged[0][0], path)
        except FileExistsError:
            raise OutputExists(f"{path} already exists") from None
        except OSError as exc:
            raise OutputError(f"cannot write {path}: {_cause(exc, path.parent)}") from None
        finally:
            for tmp, _ in staged:
                _discard(tmp)


def write_file(path: Path, data: bytes, force: bool = False) -> None:
    """A file a command was asked to write (`-o`): replaced only with
    `force`, otherwise created new. Raise OutputExists or OutputError."""
    if force:
        commit_outputs([(path, data)])
        return
    try:
        create_new(path, data)
    except OutputExists:
        raise OutputExists(f"{path} already exists; give --force to replace it, or another "
                           "name with -o") from None


def check_target(path: Path) -> None:
    """Refuse early what would make writing `path` fail whatever the content."""
    if path.is_dir():
        raise OutputError(f"{path} is a folder where the output file should go; "
                          "remove or rename that folder")
    _check_folder(path.parent)


def _check_folder(folder: Path) -> None:
    for parent in [folder, *folder.parents]:
        if parent.is_symlink() and not parent.exists():
            raise OutputError(f"{parent} is a symbolic link to something that does not "
                              f"exist ({os.readlink(parent)}); remove it or create its target")
        if parent.exists():
            if not parent.is_dir():
                raise OutputError(f"{parent} is a file, not a folder; choose another output "
                                  "folder with --out")
            return


def _stage(path: Path, data: bytes, staged: list[tuple[str, Path]]) -> None:
    """Write `data` beside `path`; the temporary file joins `staged` as soon
    as it exists, so that whatever happens next removes it."""
    check_target(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        staged.append((tmp, path))
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_cause(exc, path.parent)}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_cause(exc, path.parent)}") from None


def _replace(tmp: str, path: Path) -> None:
    try:
        os.replace(tmp, path)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {_cause(exc, path)}") from None


def _discard(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


def _cause(exc: OSError, where: Path) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return f"{where} cannot be written to ({exc.strerror})"
    if exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"{exc.strerror}; free some space and build again"
    return exc.strerror or str(exc)
