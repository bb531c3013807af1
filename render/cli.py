"""The `hemicycle` command.

Exit codes: 0 fine, 1 findings (or a failed output), 2 invalid input or usage.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time
import traceback
from pathlib import Path

from .errors import ContentError, Problem
from .loader import load_document
from .output import write_atomically
from .paths import PROJECT_ROOT, templates_dir
from .reads import ReadLog, make_rule, relative
from .writers import DEFAULT_FORMATS, WRITERS, WriterUnavailable, extension, get_writer

EXIT_OK, EXIT_FINDINGS, EXIT_INVALID = 0, 1, 2


def _formats(value: str) -> list[str]:
    formats = [f.strip() for f in value.split(",") if f.strip()]
    unknown = [f for f in formats if f not in WRITERS]
    if unknown or not formats:
        raise argparse.ArgumentTypeError(
            f"unknown format {', '.join(unknown) or value!r}; choose from {', '.join(WRITERS)}")
    return list(dict.fromkeys(formats))


def _iso_date(value: str):
    from datetime import date
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date written YYYY-MM-DD") from None


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="hemicycle",
        description="Bilingual documents of the Belgian Chamber of Representatives, "
                    "from YAML content to PDF and DOCX.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    build = commands.add_parser(
        "build", help="render content files to PDF, DOCX or HTML",
        description="Render each content FILE to OUT/<stem>.<format>. A file with errors "
                    "is reported and skipped; the others are still built.")
    build.add_argument("files", nargs="+", metavar="FILE", type=Path)
    build.add_argument("--format", type=_formats, default=list(DEFAULT_FORMATS),
                       help="comma-separated formats among "
                            f"{', '.join(WRITERS)} (default: {','.join(DEFAULT_FORMATS)})")
    build.add_argument("--out", type=Path, default=Path("build"),
                       help="output folder (default: build)")
    build.add_argument("--templates", type=Path, default=None,
                       help="templates folder (default: the project's templates/)")
    build.add_argument("--depfile", action="store_true",
                       help="also write OUT/<stem>.<format>.d, a make rule listing the content "
                            "file and every template, font and data file the build read")
    build.set_defaults(run=cmd_build)

    check = commands.add_parser(
        "check", help="validate content files and report every problem",
        description="Report every problem of each FILE as path:line:col: severity: message.")
    check.add_argument("files", nargs="+", metavar="FILE", type=Path)
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text lines (default) or JSON for tools")
    check.add_argument("--strict", action="store_true", help="warnings also fail (exit 1)")
    check.set_defaults(run=cmd_check)

    new = commands.add_parser(
        "new", help="start a new content file with every field present",
        description="Write content/<stem>.yaml for a new document, every text a TODO "
                    "placeholder with comments; never overwrites a file.")
    new.add_argument("doctype", choices=("resolution",), help="the kind of document")
    new.add_argument("--legislature", type=int, required=True, help="e.g. 56")
    new.add_argument("--number", type=int, required=True, help="the dossier number, e.g. 612")
    new.add_argument("--author", action="append", required=True, metavar="NAME,GENDER,PARTY",
                     help='e.g. "Jan Peeters,m,N-VA" (gender f, m or x); repeat for several')
    new.add_argument("--lead", choices=("fr", "nl"), default="fr",
                     help="the language of the left column (default: fr)")
    new.add_argument("--deposited", type=_iso_date, default=None, metavar="YYYY-MM-DD",
                     help="date of deposit (default: today)")
    new.add_argument("--dir", type=Path, default=Path("content"),
                     help="folder to write into (default: content)")
    new.set_defaults(run=cmd_new)

    schema = commands.add_parser(
        "schema", help="print the JSON Schema of the content format",
        description="Print the JSON Schema of the content format, for editors that complete "
                    "and validate YAML as one types (docs/content.schema.json is this output).")
    schema.set_defaults(run=cmd_schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except KeyboardInterrupt:
        return 130


def _report(problems: list[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def cmd_build(args) -> int:
    templates = templates_dir(args.templates)
    status = EXIT_OK
    writers = {}
    for fmt in args.format:
        try:
            writers[fmt] = get_writer(fmt)
        except WriterUnavailable as exc:
            print(f"hemicycle: {exc}; no .{extension(fmt)} file is written", file=sys.stderr)
            status = EXIT_FINDINGS
    # Templates, fonts and data are cached across documents, so what any
    # earlier build of a format read counts for the later ones too.
    shared_reads: dict[str, set[str]] = {fmt: set() for fmt in writers}
    started_all, built = time.perf_counter(), 0
    for path in args.files:
        with ReadLog() as load_reads:
            try:
                doc = load_document(path)
            except ContentError as exc:
                _report(exc.problems)
                status = EXIT_INVALID
                continue
        for fmt, writer in writers.items():
            target = args.out / f"{path.stem}.{extension(fmt)}"
            started = time.perf_counter()
            with ReadLog() as reads:
                try:
                    data = writer(doc, templates)
                except ContentError as exc:
                    _report(exc.problems)
                    status = EXIT_INVALID
                    continue
                except Exception as exc:  # a bug in a writer: say so, keep the old output
                    if os.environ.get("HEMICYCLE_DEBUG"):
                        traceback.print_exc()
                    print(f"hemicycle: internal error while writing {target}: "
                          f"{type(exc).__name__}: {exc} (HEMICYCLE_DEBUG=1 shows the "
                          f"traceback); {target} is left as it was", file=sys.stderr)
                    status = max(status, EXIT_FINDINGS)
                    continue
            write_atomically(target, data)
            shared_reads[fmt] |= reads.paths | load_reads.paths
            if args.depfile:
                deps = _dependencies(path, shared_reads[fmt], templates)
                write_atomically(target.with_name(target.name + ".d"),
                                 make_rule(target, deps).encode())
            built += 1
            print(f"{target}  {_pages(fmt, data)}{time.perf_counter() - started:.2f} s")
    if len(args.files) > 1:
        print(f"{built} file(s) written from {len(args.files)} document(s) in "
              f"{time.perf_counter() - started_all:.2f} s")
    return status


def _pages(fmt: str, data: bytes) -> str:
    """The page count of a PDF, for the build log."""
    if fmt != "pdf":
        return ""
    import re
    count = len(re.findall(rb"/Type\s*/Page(?![s\w])", data))
    return f"{count} pages  " if count else ""


def _dependencies(content: Path, reads: set[str], templates: Path) -> list[Path]:
    """The content file and every template, font and data file read."""
    cwd = Path.cwd()
    roots = [templates.resolve(), (PROJECT_ROOT / "render" / "legislatures").resolve()]
    deps = {relative(str(content), cwd)}
    for p in reads:
        resolved = Path(p).resolve()
        if resolved.is_file() and any(resolved.is_relative_to(r) for r in roots):
            deps.add(relative(p, cwd))
    return sorted(deps, key=str)


def cmd_check(args) -> int:
    invalid = False
    findings: list[Problem] = []
    for path in args.files:
        try:
            load_document(path)
        except ContentError as exc:
            findings.extend(exc.problems)
            invalid = True
    errors = sum(p.severity == "error" for p in findings)
    warnings = len(findings) - errors
    if args.format == "json":
        json.dump({"problems": [p.as_dict() for p in findings],
                   "errors": errors, "warnings": warnings}, sys.stdout, indent=2,
                  ensure_ascii=False)
        print()
    else:
        for p in findings:
            print(p)
        files = len(args.files)
        print(f"{files} file{'s' if files != 1 else ''} checked: {errors} error(s), "
              f"{warnings} warning(s)", file=sys.stderr)
    if invalid:
        return EXIT_INVALID
    if errors or (args.strict and warnings):
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_schema(args) -> int:
    from .content_schema import json_schema
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_new(args) -> int:
    from datetime import date

    from .locale import file_stem
    from .scaffold import ScaffoldError, new_resolution, parse_author, write_new
    try:
        authors = [parse_author(a) for a in args.author]
        text = new_resolution(args.legislature, args.number, authors, args.lead,
                              args.deposited or date.today())
        target = args.dir / f"{file_stem(args.legislature, args.number, 1)}.yaml"
        write_new(target, text)
    except (ScaffoldError, LookupError, ValueError) as exc:
        print(f"hemicycle new: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(target)
    return EXIT_OK
