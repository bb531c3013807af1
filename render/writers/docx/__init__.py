"""Model → DOCX: WordprocessingML primitives (`wml`), the Chamber's layout in
Word (`writer`), and the package around it (`package`)."""
from .writer import render_docx  # noqa: F401
