"""Where hemicycle finds its templates (a clerk restyles everything there)."""
from __future__ import annotations

import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def templates_dir(override: str | os.PathLike | None = None) -> Path:
    if override:
        return Path(override).resolve()
    if os.environ.get("HEMICYCLE_TEMPLATES"):
        return Path(os.environ["HEMICYCLE_TEMPLATES"]).resolve()
    return PROJECT_ROOT / "templates"
