"""The content file a hemicycle PDF carries (`hemicycle extract`)."""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

from .archive import SOURCE_MIME

PDF_HEADER_WITHIN = 1024     # a PDF's header may follow some bytes of junk


class ExtractError(Exception):
    """The PDF has no content file to give; the message says why, in one line."""


def attached_source(path: Path) -> tuple[str, bytes]:
    """(file name, bytes) of the content file attached to a PDF as its source."""
    import pikepdf

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExtractError(f"cannot read {path}: {exc.strerror or exc}") from None
    if b"%PDF-" not in data[:PDF_HEADER_WITHIN]:
        raise ExtractError(f"{path} is not a PDF file")
    damaged = f"{path} is a damaged PDF: its content file cannot be read back"
    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            for spec in pdf.Root.get("/AF", []):
                if spec.get("/AFRelationship") != pikepdf.Name.Source:
                    continue
                stream = spec.EF.F
                if str(stream.get("/Subtype", ""))[1:] != SOURCE_MIME:
                    continue
                name = str(spec.get("/UF", spec.get("/F", "content.yaml")))
                return Path(name).name, _checked(stream, stream.read_bytes(), damaged)
    except (pikepdf.PdfError, pikepdf.DataDecodingError, AttributeError, KeyError,
            TypeError, ValueError):
        raise ExtractError(damaged) from None
    raise ExtractError(f"{path} carries no content file: it was not made by hemicycle, "
                       "or by a version that did not attach its source")


def _checked(stream, data: bytes, damaged: str) -> bytes:
    """The file's bytes, if they are those the PDF recorded (size and MD5)."""
    import pikepdf

    params = stream.get("/Params", pikepdf.Dictionary())
    if "/Size" in params and int(params.Size) != len(data):
        raise ExtractError(damaged)
    if "/CheckSum" in params and bytes(params.CheckSum) != hashlib.md5(data).digest():
        raise ExtractError(damaged)
    return data
