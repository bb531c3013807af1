"""Writing the imported content file: whole or not at all, and never over
an existing file unless asked (`--force`), so that a content file is not
lost to an import run by mistake."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..output import OutputError, check_target, commit_outputs


def write_content(path: Path, text: str, force: bool = False) -> None:
    """Write `text` to `path`; raise OutputError (the message says why)."""
    data = text.encode("utf-8")
    if force:
        commit_outputs([(path, data)])   # replaces the file atomically
        return
    if path.exists() or path.is_symlink():
        raise OutputError(f"{path} already exists; hemicycle import does not overwrite a file "
                          "(give --force to replace it, or another name with -o)")
    check_target(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.link(tmp, path)   # fails if the file appeared meanwhile, unlike a rename
    except FileExistsError:
        raise OutputError(f"{path} already exists; hemicycle import does not overwrite a file "
                          "(give --force to replace it)") from None
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror}") from None
    finally:
        os.unlink(tmp)
