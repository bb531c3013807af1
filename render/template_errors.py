"""Faults of the templates folder, said as `file:line: problem`.

A clerk restyles hemicycle by editing templates/; a mistake there (a Jinja
syntax error, a missing file, an expression that fails while rendering) is
theirs to fix, so it is named with its place, not reported as a bug.
"""
from __future__ import annotations

import traceback
from pathlib import Path

import jinja2


def template_problem(exc: BaseException, templates: Path) -> str | None:
    """What to tell the clerk about `exc`, or None when no template is at fault."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = exc.filename or exc.name or "a template"
        return f"{_shown(where, templates)}:{exc.lineno}: {exc.message}; fix the template"
    if isinstance(exc, jinja2.TemplateNotFound):
        names = ", ".join(getattr(exc, "templates", None) or [exc.name])
        return (f"the template {names} is missing from {templates}; restore it from "
                "hemicycle's templates/ folder")
    if isinstance(exc, OSError) and exc.filename and _inside(exc.filename, templates):
        return f"{_shown(exc.filename, templates)}: {exc.strerror}"
    frame = _last_template_frame(exc, templates)
    if frame is not None:
        return (f"{_shown(frame.filename, templates)}:{frame.lineno}: "
                f"{type(exc).__name__}: {exc}; fix the template")
    return None


def _last_template_frame(exc: BaseException, templates: Path):
    """Jinja rewrites tracebacks so that template frames carry the template's
    own file name and line."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__)
              if _inside(f.filename, templates)]
    return frames[-1] if frames else None


def _inside(filename: str, templates: Path) -> bool:
    try:
        return Path(filename).resolve().is_relative_to(templates.resolve())
    except (OSError, ValueError):
        return False


def _shown(filename: str, templates: Path) -> str:
    path = Path(filename)
    try:
        return str(path.resolve().relative_to(templates.resolve().parent))
    except ValueError:
        return str(path)
