"""Standard output and error that never stop a build.

A report goes to a terminal, a file, a pipe or a full device, in whatever
encoding the user's locale has. None of that may cost a document: text the
encoding cannot hold is spelt in ASCII or escaped, and a stream that fails
(a closed pipe, a full disk) is noted and silenced; `hemicycle` says so once
on standard error and exits non-zero.
"""
from __future__ import annotations

import codecs
import io
import os
import sys

# Typography of the log lines, in plain ASCII when the locale cannot show it.
_ASCII = str.maketrans({"→": "->", "…": "...", "’": "'", "“": '"', "”": '"', "–": "-"})


class GuardedStream:
    def __init__(self, stream, name: str):
        self.stream, self.name = stream, name
        self.failure: OSError | None = None
        encoding = getattr(stream, "encoding", None) or "utf-8"
        self.encoding = encoding
        self._utf = codecs.lookup(encoding).name.startswith("utf")
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError):
            pass

    def writable(self) -> bool:
        return True

    def __getattr__(self, name):  # anything else a stream has (buffer, errors, …)
        return getattr(self.stream, name)

    def write(self, text: str) -> int:
        if self.failure is None:
            shown = text if self._utf else text.translate(_ASCII)
            try:
                self.stream.write(shown)
            except OSError as exc:
                self._failed(exc)
        return len(text)

    def write_bytes(self, data: bytes) -> None:
        """Bytes as they are (a content file is UTF-8 whatever the locale)."""
        if self.failure is None:
            try:
                self.stream.flush()
                self.stream.buffer.write(data)
                self.stream.buffer.flush()
            except OSError as exc:
                self._failed(exc)

    def flush(self) -> None:
        if self.failure is None:
            try:
                self.stream.flush()
            except OSError as exc:
                self._failed(exc)

    def fileno(self) -> int:
        return self.stream.fileno()

    def isatty(self) -> bool:
        return self.failure is None and self.stream.isatty()

    def _failed(self, exc: OSError) -> None:
        self.failure = exc
        # What is still buffered would fail again when Python exits: send the
        # descriptor to /dev/null so that nothing more is tried or reported.
        try:
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, self.stream.fileno())
            os.close(devnull)
        except (OSError, ValueError, io.UnsupportedOperation):
            pass


def guard_standard_streams() -> tuple[GuardedStream, GuardedStream]:
    if not isinstance(sys.stdout, GuardedStream):
        sys.stdout = GuardedStream(sys.stdout, "standard output")
    if not isinstance(sys.stderr, GuardedStream):
        sys.stderr = GuardedStream(sys.stderr, "standard error")
    return sys.stdout, sys.stderr


def stream_failures(status: int) -> int:
    """Say which standard stream failed, if any; the exit status to use."""
    failed = [s for s in (sys.stdout, sys.stderr)
              if isinstance(s, GuardedStream) and s.failure is not None]
    for stream in failed:
        message = (f"hemicycle: cannot write to {stream.name}: "
                   f"{stream.failure.strerror or stream.failure}; the rest of the report "
                   "was lost\n")
        try:
            sys.__stderr__.write(message)
            sys.__stderr__.flush()
        except (OSError, AttributeError, ValueError):
            pass
    return max(status, 1) if failed else status
