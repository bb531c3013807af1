"""The `hemicycle` command.

Exit codes: 0 fine, 1 findings (or a failed output), 2 invalid input or usage.
"""
from __future__ import annotations

import argparse
import atexit
import json
import os
import signal
import sys
from pathlib import Path

from .errors import ContentError, Problem
from .content.loader import load_document
from .console import GuardedStream, guard_standard_streams, stream_failures
from .build import EXIT_FINDINGS, EXIT_INVALID, EXIT_OK, Builder, build_all
from .paths import templates_dir
from .writers import DEFAULT_FORMATS, WRITERS



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
                    "from YAML content to PDF and DOCX.",
        epilog="Exit codes: 0 fine, 1 findings (or an output that could not be written), "
               "2 invalid content or usage. The content format: docs/content-format.md.")
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
    build.add_argument("--strict", action="store_true",
                       help="a document with findings of `check` (shown as warnings) is "
                            "not written, and the exit code is 1")
    build.set_defaults(run=cmd_build)

    watch = commands.add_parser(
        "watch", help="rebuild a content file on every save",
        description="Build FILE, then rebuild it whenever it or a template, font or data "
                    "file it uses changes; print the errors or the time taken. Ctrl-C stops.")
    watch.add_argument("file", metavar="FILE", type=Path)
    watch.add_argument("--format", type=_formats, default=["pdf"],
                       help="comma-separated formats (default: pdf)")
    watch.add_argument("--out", type=Path, default=Path("build"), help="output folder")
    watch.add_argument("--templates", type=Path, default=None, help="templates folder")
    watch.add_argument("--interval", type=float, default=0.3, help=argparse.SUPPRESS)
    watch.set_defaults(run=cmd_watch)

    check = commands.add_parser(
        "check", help="validate content files and report every problem",
        description="Report every problem of each FILE as path:line:col: severity: message.")
    check.add_argument("files", nargs="+", metavar="FILE", type=Path)
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text lines (default) or JSON for tools")
    check.add_argument("--strict", action="store_true", help="warnings also fail (exit 1)")
    check.add_argument("--templates", type=Path, default=None,
                       help="templates folder the pages are laid out with (default: the "
                            "project's templates/)")
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

    imports = commands.add_parser(
        "import", help="turn a DOCX that hemicycle made (edited in Word or not) back into "
                       "a content file",
        description="Read FILE.docx, as hemicycle built it or as edited in Word or "
                    "LibreOffice, and write the content file that builds it. Whatever cannot "
                    "be mapped back (text outside the table, a row in one language, pending "
                    "tracked changes, comments…) is reported and nothing is written.")
    imports.add_argument("file", metavar="FILE.docx", type=Path)
    _content_output_options(imports)
    imports.set_defaults(run=cmd_import)

    adopt = commands.add_parser(
        "adopt", help="write out a text adopted as an ordinary resolution content file",
        description="Read FILE.yaml, a text adopted (type: adopted-text), apply the "
                    "amendments adopted to its base, and write the consolidated text as a "
                    "content file of type resolution (considerants re-lettered, requests "
                    "renumbered) to -o FILE or standard output.")
    adopt.add_argument("file", metavar="FILE.yaml", type=Path)
    _content_output_options(adopt)
    adopt.set_defaults(run=cmd_adopt)

    extract = commands.add_parser(
        "extract", help="write out the content file a PDF made by hemicycle carries",
        description="Every PDF hemicycle builds carries its content file, byte for byte; "
                    "write it to FILE.yaml (or standard output).")
    extract.add_argument("file", metavar="FILE.pdf", type=Path)
    _content_output_options(extract)
    extract.set_defaults(run=cmd_extract)
    return parser


def _content_output_options(command) -> None:
    command.add_argument("-o", "--output", type=Path, default=None, metavar="FILE.yaml",
                         help="the content file to write (default: standard output); an "
                              "existing file is never replaced without --force")
    command.add_argument("--force", action="store_true",
                         help="replace the output file if it exists")


class Stopped(BaseException):  # like Ctrl-C: not caught as an ordinary error
    """The process was asked to stop (SIGTERM, SIGHUP): unwinding runs every
    cleanup, so no temporary file is left beside the outputs."""

    def __init__(self, signum: int):
        self.status = 128 + signum


def _stop(signum, frame):
    raise Stopped(signum)


def main(argv: list[str] | None = None) -> int:
    guard_standard_streams()
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), _stop)
    args = build_parser().parse_args(argv)
    try:
        status = args.run(args)
    except KeyboardInterrupt:
        status = 130
    except Stopped as exc:
        print("hemicycle: stopped; outputs not yet replaced are left as they were",
              file=sys.stderr)
        status = exc.status
    except SystemExit as exc:  # a usage error found after parsing, already said
        status = exc.code
    return stream_failures(status)


def command() -> None:
    """The `hemicycle` command: `main`, then an exit that skips tearing the
    interpreter down (freeing every object, unloading Pango's fonts), a
    tenth of a short build. Every output is already written, synced and
    closed; the exit handlers run (WeasyPrint's font folder is removed)
    and the standard streams are flushed first."""
    status = main()
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError, AttributeError):
            status = status or 1
    os._exit(status)


def _templates(args) -> Path:
    """The templates folder, or a usage error when it is not there at all."""
    folder = templates_dir(args.templates)
    if not folder.is_dir():
        print(f"hemicycle: the templates folder {folder} does not exist; give an existing "
              "folder with --templates (a copy of hemicycle's templates/)", file=sys.stderr)
        raise SystemExit(EXIT_INVALID)
    return folder


def cmd_build(args) -> int:
    builder = Builder(args.format, args.out, _templates(args), args.depfile,
                      strict=args.strict)
    return build_all(args.files, builder)


def cmd_watch(args) -> int:
    from .watch import watch
    builder = Builder(args.format, args.out, _templates(args))
    return watch(args.file, builder, interval=args.interval)


def cmd_check(args) -> int:
    from .check.findings import counted, findings  # parity, house style, accepted ones

    templates = _templates(args)
    invalid = False
    found: list[Problem] = []
    for path in args.files:
        try:
            doc = load_document(path)
        except ContentError as exc:
            found.extend(exc.problems)
            invalid = True
            continue
        found.extend(findings(doc, templates))
    # A set of amendments or a text adopted also reports the errors of the
    # earlier files it reads: each is listed once, even when checked itself.
    found = list(dict.fromkeys(found))
    errors = sum(p.severity == "error" for p in counted(found))
    warnings = len(counted(found)) - errors
    accepted = len(found) - len(counted(found))
    if args.format == "json":
        # Serialised whole before printing: a report is complete JSON or nothing.
        report = json.dumps({"problems": [p.as_dict() for p in found],
                             "errors": errors, "warnings": warnings, "accepted": accepted},
                            indent=2)
        print(report)
    else:
        for p in found:
            print(p)
        files = len(args.files)
        print(f"{files} file{'s' if files != 1 else ''} checked: {errors} error(s), "
              f"{warnings} warning(s)" + (f", {accepted} accepted" if accepted else ""),
              file=sys.stderr)
    if invalid:
        return EXIT_INVALID
    if errors or (args.strict and warnings):
        return EXIT_FINDINGS
    return EXIT_OK


def cmd_schema(args) -> int:
    from .content.spec import json_schema
    print(json.dumps(json_schema(), indent=2, ensure_ascii=False))
    return EXIT_OK


def cmd_new(args) -> int:
    from datetime import date

    from .model.locale import file_stem
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


def cmd_import(args) -> int:
    from .importer import import_docx
    from .importer.problems import ImportRefused
    if _reads_itself("import", args, "the DOCX being read", "the content"):
        return EXIT_INVALID
    try:
        text = import_docx(args.file, args.output)
    except ImportRefused as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        count = len(exc.problems)
        print(f"{args.file}: not imported: {count} problem{'s' if count != 1 else ''}; "
              "nothing written", file=sys.stderr)
        return EXIT_INVALID
    return _deliver("import", args, text.encode("utf-8"))


def cmd_extract(args) -> int:
    from .writers.publish.extract import ExtractError, attached_source
    if _reads_itself("extract", args, "the PDF being read", "the content"):
        return EXIT_INVALID
    try:
        _, data = attached_source(args.file)
    except ExtractError as exc:
        print(f"hemicycle extract: {exc}", file=sys.stderr)
        return EXIT_INVALID
    return _deliver("extract", args, data)


def cmd_adopt(args) -> int:
    import os
    from dataclasses import replace

    from .content.emit import emit_document
    from .content.loader import load_bytes
    from .model.locale import document_number
    from .paths import PROJECT_ROOT
    out = args.output
    if _reads_itself("adopt", args, "the text adopted being read", "the consolidated text"):
        return EXIT_INVALID
    try:
        doc = load_document(args.file)
    except ContentError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        return EXIT_INVALID
    if doc.adoption is None:
        print(f"hemicycle adopt: {args.file} holds a {doc.meta.doctype}, not a text adopted "
              "(type: adopted-text)", file=sys.stderr)
        return EXIT_INVALID
    meta = doc.meta
    base = document_number(meta.legislature, meta.dossier, doc.adoption.base)
    sets = ", ".join(f"/{s:03d}" for s in doc.adoption.sets) or "none"
    adopted = ", ".join(str(n) for n in doc.adoption.adopted) or "none"
    comment = (f"{document_number(meta.legislature, meta.dossier, meta.subdocument)}: the "
               f"text adopted on {meta.deposited.isoformat()}, written out by hemicycle adopt "
               f"from {args.file.name}:\n{base} with the amendments {adopted} (sets {sets}).")
    target = out if out is not None else Path.cwd() / "adopted.yaml"
    schema = Path(os.path.relpath(PROJECT_ROOT / "docs" / "content.schema.json",
                                  target.resolve().parent)).as_posix()
    resolution = replace(doc, meta=replace(meta, doctype="resolution"), adoption=None,
                         history=())
    text = emit_document(resolution, schema, comment)
    try:  # what is written must read back: the folder's dossier is not needed
        load_bytes(text.encode("utf-8"), str(target), folder=args.file.parent)
    except ContentError as exc:  # a fault of hemicycle, said rather than written
        for problem in exc.problems:
            print(f"hemicycle adopt: the consolidated text does not read back: {problem}",
                  file=sys.stderr)
        return EXIT_FINDINGS
    return _deliver("adopt", args, text.encode("utf-8"))


def _reads_itself(command: str, args, what: str, written: str) -> bool:
    """Whether `-o` names the very file being read (said if so)."""
    if args.output is not None and args.output.resolve() == args.file.resolve():
        print(f"hemicycle {command}: {args.output} is {what}; write {written} elsewhere "
              "with -o", file=sys.stderr)
        return True
    return False


def _deliver(command: str, args, data: bytes) -> int:
    """A content file a command made: to standard output, or to `-o` (never
    over an existing file without --force). An existing file or an
    unwritable place is exit 2."""
    from .output import OutputError, write_file
    if args.output is None:
        if isinstance(sys.stdout, GuardedStream):
            sys.stdout.write_bytes(data)
        else:
            sys.stdout.buffer.write(data)
        return EXIT_OK
    try:
        write_file(args.output, data, force=args.force)
    except OutputError as exc:
        print(f"hemicycle {command}: {exc}", file=sys.stderr)
        return EXIT_INVALID
    print(args.output)
    return EXIT_OK
