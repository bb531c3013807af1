"""Building documents: content file → model → each format, written atomically.

One Builder serves a batch (`hemicycle build a.yaml b.yaml`) and the watch
loop: writers, templates and fonts are loaded once and reused.
"""
from __future__ import annotations

import os
import sys
import time
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from .errors import ContentError, Problem, TemplateError
from .content.loader import load_document
from .output import write_atomically
from .paths import PROJECT_ROOT
from .reads import ReadLog, make_rule, relative
from .writers import WriterUnavailable, extension, get_writer

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2


@dataclass
class Result:
    """What building one content file did."""

    path: Path
    status: int = EXIT_OK
    written: list[Path] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    reads: set[str] = field(default_factory=set)   # every file read, for watch
    seconds: float = 0.0
    pages: int | None = None                       # of the PDF, when one was made


class Builder:
    def __init__(self, formats: list[str], out: Path, templates: Path, depfile: bool = False,
                 log: TextIO = sys.stdout, errors: TextIO = sys.stderr):
        self.out, self.templates, self.depfile = out, templates, depfile
        self.log, self.errors = log, errors
        self.status = EXIT_OK
        self.writers = {}
        for fmt in formats:
            try:
                self.writers[fmt] = get_writer(fmt)
            except WriterUnavailable as exc:
                print(f"hemicycle: {exc}; no .{extension(fmt)} file is written", file=errors)
                self.status = EXIT_FINDINGS
        # Templates, fonts and data are cached across documents, so what any
        # earlier build of a format read counts for the later ones too.
        self.shared_reads: dict[str, set[str]] = {fmt: set() for fmt in self.writers}

    def build(self, path: Path) -> Result:
        result = Result(path)
        started = time.perf_counter()
        with ReadLog() as load_reads:
            try:
                doc = load_document(path)
            except ContentError as exc:
                result.problems = exc.problems
                result.status = EXIT_INVALID
        result.reads |= load_reads.paths
        if result.status == EXIT_INVALID:
            self._report(result.problems)
        else:
            for fmt, writer in self.writers.items():
                self._write(doc, fmt, writer, result, load_reads.paths)
        result.seconds = time.perf_counter() - started
        self.status = max(self.status, result.status)
        print(summary_line(result), file=self.log, flush=True)
        return result

    def _write(self, doc, fmt, writer, result: Result, load_reads: set[str]) -> None:
        target = self.out / f"{result.path.stem}.{extension(fmt)}"
        with ReadLog() as reads:
            try:
                data = writer(doc, self.templates)
            except ContentError as exc:
                self._report(exc.problems)
                result.problems += exc.problems
                result.status = EXIT_INVALID
                return
            except TemplateError as exc:  # the clerk's templates folder: say what to fix
                print(f"hemicycle: {exc}; {target} is left as it was", file=self.errors)
                result.status = EXIT_INVALID
                return
            except Exception as exc:  # a bug in a writer: say so, keep the old output
                if os.environ.get("HEMICYCLE_DEBUG"):
                    traceback.print_exc()
                print(f"hemicycle: internal error while writing {target}: "
                      f"{type(exc).__name__}: {exc} (HEMICYCLE_DEBUG=1 shows the traceback); "
                      f"{target} is left as it was", file=self.errors)
                result.status = max(result.status, EXIT_FINDINGS)
                return
        write_atomically(target, data)
        self.shared_reads[fmt] |= reads.paths | load_reads
        result.reads |= self.shared_reads[fmt]
        if self.depfile:
            deps = dependencies(result.path, self.shared_reads[fmt], self.templates)
            write_atomically(target.with_name(target.name + ".d"),
                             make_rule(target, deps).encode())
        result.written.append(target)
        pages = getattr(data, "pages", None)
        if pages:
            result.pages = pages

    def _report(self, problems: list[Problem]) -> None:
        for problem in problems:
            print(problem, file=self.errors)


def summary_line(result: Result) -> str:
    """One line per document: what was written, its pages, the time taken."""
    if result.status == EXIT_INVALID:
        errors = len(result.problems)
        if not errors:
            return f"{result.path}: not built (the templates folder needs the fix said above)"
        return f"{result.path}: not built ({errors} error{'s' if errors != 1 else ''})"
    written = ", ".join(str(p) for p in result.written) or "nothing written"
    pages = f", {result.pages} pages" if result.pages else ""
    return f"{result.path} → {written}{pages}  {result.seconds:.2f} s"


def dependencies(content: Path, reads: set[str], templates: Path) -> list[Path]:
    """The content file and every template, font and data file read."""
    cwd = Path.cwd()
    roots = [templates.resolve(), (PROJECT_ROOT / "render" / "legislatures").resolve()]
    deps = {relative(str(content), cwd)}
    for p in reads:
        resolved = Path(p).resolve()
        if resolved.is_file() and any(resolved.is_relative_to(r) for r in roots):
            deps.add(relative(p, cwd))
    return sorted(deps, key=str)


def build_all(paths: list[Path], builder: Builder) -> int:
    """Build every file; an error in one does not stop the others."""
    started = time.perf_counter()
    results = [builder.build(p) for p in paths]
    if len(paths) > 1:
        failed = sum(r.status != EXIT_OK for r in results)
        print(f"{len(paths)} documents, {sum(len(r.written) for r in results)} files written, "
              f"{failed} failed, {time.perf_counter() - started:.2f} s", file=builder.log)
    return builder.status
