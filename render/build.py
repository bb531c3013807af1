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

from .errors import ContentError, Problem, TemplateError, escaped
from .content.loader import load_document
from .output import OutputError, check_target, commit_outputs
from .template_errors import template_problem
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
    failures: list[str] = field(default_factory=list)  # messages other than problems
    findings: int = 0                              # of `check`, when --strict refused them


class Builder:
    def __init__(self, formats: list[str], out: Path, templates: Path, depfile: bool = False,
                 log: TextIO | None = None, errors: TextIO | None = None,
                 strict: bool = False):
        self.out, self.templates, self.depfile, self.strict = out, templates, depfile, strict
        self.log, self.errors = log or sys.stdout, errors or sys.stderr
        self.status = EXIT_OK
        self.writers = {}
        for fmt in formats:
            try:
                self.writers[fmt] = get_writer(fmt)
            except WriterUnavailable as exc:
                print(f"hemicycle: {exc}; no .{extension(fmt)} file is written",
                      file=self.errors)
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
        elif self._findings_allow(doc, result):
            self._render_and_commit(doc, result, load_reads.paths)
        result.seconds = time.perf_counter() - started
        self.status = max(self.status, result.status)
        print(summary_line(result), file=self.log, flush=True)
        return result

    def _findings_allow(self, doc, result: Result) -> bool:
        """What `check` finds is said as warnings; under --strict it stops
        this document (nothing written), as `check --strict` would fail."""
        from .check.findings import counted, findings as check_findings
        findings = [Problem(p.pos, p.message, "warning") for p in counted(check_findings(doc))]
        self._report(findings)
        if findings and self.strict:
            result.findings = len(findings)
            result.status = EXIT_FINDINGS
            return False
        return True

    def refuse(self, path: Path, reason: str) -> Result:
        """Report a document that must not be built at all, e.g. its outputs
        would overwrite another file of the batch."""
        result = Result(path)
        self._fail(result, EXIT_INVALID, f"hemicycle: {reason}")
        self.status = max(self.status, result.status)
        print(summary_line(result), file=self.log, flush=True)
        return result

    def targets(self, path: Path) -> dict[str, Path]:
        return {fmt: self.out / f"{path.stem}.{extension(fmt)}" for fmt in self.writers}

    def _render_and_commit(self, doc, result: Result, load_reads: set[str]) -> None:
        """Every format is rendered in memory first; the files are written only
        when all succeeded, so a document is never half updated."""
        targets = self.targets(result.path)
        try:
            for target in targets.values():
                check_target(target)
        except OutputError as exc:
            self._fail(result, EXIT_FINDINGS, f"hemicycle: {exc}")
            return
        rendered, reads = {}, {}
        for fmt, writer in self.writers.items():
            data = self._render(doc, fmt, writer, result, targets[fmt])
            if data is None:
                if len(self.writers) > 1:
                    print(f"hemicycle: {result.path}: nothing written, as one format failed",
                          file=self.errors)
                return
            rendered[fmt], reads[fmt] = data
        files = []
        for fmt, data in rendered.items():
            target = targets[fmt]
            files.append((target, data))
            self.shared_reads[fmt] |= reads[fmt] | load_reads
            if self.depfile:
                deps = dependencies(result.path, self.shared_reads[fmt], self.templates,
                                    load_reads)
                if any("\n" in str(p) for p in [target, *deps]):
                    self._fail(result, EXIT_INVALID, f"hemicycle: {result.path}: make cannot "
                               "name a file whose name holds a line break; rename it")
                    return
                files.append((target.with_name(target.name + ".d"),
                              make_rule(target, deps).encode("utf-8", "surrogateescape")))
        try:
            commit_outputs(files)
        except OutputError as exc:
            self._fail(result, EXIT_FINDINGS, f"hemicycle: {exc}; earlier outputs are left as "
                                              "they were")
            return
        for fmt, data in rendered.items():
            result.reads |= self.shared_reads[fmt]
            result.written.append(targets[fmt])
            result.pages = getattr(data, "pages", None) or result.pages

    def _render(self, doc, fmt, writer, result: Result, target: Path):
        """(data, files read) or None, the failure reported."""
        with ReadLog() as reads:
            try:
                return writer(doc, self.templates), reads.paths
            except ContentError as exc:
                self._report(exc.problems)
                result.problems += exc.problems
                result.status = EXIT_INVALID
            except TemplateError as exc:  # the clerk's templates folder: say what to fix
                self._fail(result, EXIT_INVALID, f"hemicycle: {exc}; {target} is left as it was")
            except Exception as exc:
                problem = template_problem(exc, self.templates)
                if problem:  # a template that fails while rendering
                    self._fail(result, EXIT_INVALID,
                               f"hemicycle: {problem}; {target} is left as it was")
                    return None
                if isinstance(exc, OSError):  # the machine: a full temporary folder…
                    where = f" ({exc.filename})" if exc.filename else ""
                    self._fail(result, EXIT_FINDINGS, f"hemicycle: cannot write {target}: "
                               f"{exc.strerror or exc}{where}; {target} is left as it was")
                    return None
                if os.environ.get("HEMICYCLE_DEBUG"):  # a bug in a writer
                    traceback.print_exc()
                self._fail(result, EXIT_FINDINGS,
                           f"hemicycle: internal error while writing {target}: "
                           f"{type(exc).__name__}: {exc} (HEMICYCLE_DEBUG=1 shows the "
                           f"traceback); {target} is left as it was")
        return None

    def _fail(self, result: Result, status: int, message: str) -> None:
        print(escaped(message), file=self.errors)  # a path may hold a line break
        result.status = max(result.status, status)
        result.failures.append(message)

    def _report(self, problems: list[Problem]) -> None:
        for problem in problems:
            print(problem, file=self.errors)


def summary_line(result: Result) -> str:
    """One line per document: what was written, its pages, the time taken."""
    path = escaped(str(result.path))
    if result.status == EXIT_INVALID or not result.written:
        errors = len(result.problems)
        if errors:
            return f"{path}: not built ({errors} error{'s' if errors != 1 else ''})"
        if result.findings:
            return (f"{path}: not built under --strict ({result.findings} finding"
                    f"{'s' if result.findings != 1 else ''} of check)")
        return f"{path}: not built (see the message above)"
    written = ", ".join(escaped(str(p)) for p in result.written)
    pages = f", {result.pages} pages" if result.pages else ""
    return f"{path} → {written}{pages}  {result.seconds:.2f} s"


def dependencies(content: Path, reads: set[str], templates: Path,
                 own_reads: set[str] | None = None) -> list[Path]:
    """The content file and every template, font and data file read, and the
    earlier sub-documents of its dossier (content files of its folder) that
    a set of amendments or a text adopted reads (among `own_reads`, what
    loading this document read; by default `reads`)."""
    cwd = Path.cwd()
    roots = [templates.resolve(), (PROJECT_ROOT / "render" / "legislatures").resolve()]
    deps = {relative(str(content), cwd)}
    folder = content.resolve().parent
    for p in reads:
        resolved = Path(p).resolve()
        if resolved.is_file() and any(resolved.is_relative_to(r) for r in roots):
            deps.add(relative(p, cwd))
    for p in reads if own_reads is None else own_reads:
        resolved = Path(p).resolve()
        if resolved.is_file() and resolved.parent == folder and resolved.suffix == ".yaml":
            deps.add(relative(p, cwd))
    return sorted(deps, key=str)


def build_all(paths: list[Path], builder: Builder) -> int:
    """Build every file; an error in one does not stop the others."""
    started = time.perf_counter()
    paths = list(dict.fromkeys(paths))  # the same file named twice is built once
    refused = clashes(paths, builder)
    results = []
    for path in paths:
        if path in refused:
            results.append(builder.refuse(path, refused[path]))
        else:
            results.append(builder.build(path))
    if len(paths) > 1:
        failed = sum(r.status != EXIT_OK for r in results)
        print(f"{len(paths)} documents, {sum(len(r.written) for r in results)} files written, "
              f"{failed} failed, {time.perf_counter() - started:.2f} s", file=builder.log)
    return builder.status


def clashes(paths: list[Path], builder: Builder) -> dict[Path, str]:
    """Files whose outputs would overwrite a content file of the batch or each
    other's outputs: all of them are refused before anything is written."""
    sources = {_identity(p): p for p in paths}
    refused: dict[Path, str] = {}
    writers_of: dict[Path, list[Path]] = {}
    for path in paths:
        for target in builder.targets(path).values():
            victim = sources.get(_identity(target))
            if victim is not None:
                refused[path] = (f"{path}: its output {target} would overwrite the content "
                                 f"file {victim}; build into another --out folder or rename "
                                 "the content file")
            writers_of.setdefault(_identity(target), []).append(path)
    for target, writers in writers_of.items():
        for path in writers:
            others = [str(p) for p in writers if p != path]
            if others and path not in refused:
                refused[path] = (f"{path}: {', '.join(others)} would write the same output "
                                 f"{builder.out / Path(target).name}; rename one of them or "
                                 "build them into different --out folders")
    return refused


def _identity(path: Path) -> Path:
    return Path(os.path.realpath(path))
