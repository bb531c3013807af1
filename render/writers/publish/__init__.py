"""The published PDF: WeasyPrint's pages made fit for publication.

WeasyPrint writes the pages as PDF/A-3 with its marked content
(`capture` records which box each mark holds); hemicycle then gives the
file, with pikepdf:
- a structure tree a screen reader follows, each column in its language
  (`structure`, `tagging`), furniture as artifacts and small capitals
  that copy as written (`marked`);
- links from each note call to its note and back, and from URLs (`tagging`);
- bookmarks following the structure in both languages (`outline`);
- the PDF/A identification and metadata, and the content file attached as
  the document's source (`archive`);
- a file identifier computed from the content, so that the same input
  gives the same bytes.
"""
from __future__ import annotations

import io

from ...model import Document
from ...model.locale import LANGUAGE_TAGS

PDF_VARIANT = "pdf/a-3a"


def publish_pdf(document, doc: Document) -> bytes:
    """The PDF of a laid-out WeasyPrint document of `doc`."""
    import pikepdf

    from . import archive, marked, outline, structure, tagging
    from .capture import recording

    langs = tuple(LANGUAGE_TAGS[lang] for lang in doc.meta.langs)   # lead language first
    tree = marks = None

    def mark_content(capture, page_streams) -> None:
        nonlocal tree, marks
        tree = structure.build(capture, langs[0], langs)
        marks = tagging.number_marks(tree)
        marked.rewrite(page_streams, capture, tree, marks)

    with recording(mark_content) as capture:
        rendered = document.write_pdf(pdf_variant=PDF_VARIANT, pdf_identifier=False)
    with pikepdf.open(io.BytesIO(rendered)) as pdf:
        tagging.write(pdf, capture, tree, marks)
        outline.write(pdf, capture, tree)
        archive.identify(pdf, doc, langs, rendered)
        archive.attach_source(pdf, doc)
        out = io.BytesIO()
        pdf.save(out, deterministic_id=True, compress_streams=True, fix_metadata_version=False,
                 object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()
