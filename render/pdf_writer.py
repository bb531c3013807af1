"""Document → PDF: the HTML of `html_writer` laid out by WeasyPrint.

Nothing is fetched from the network or read outside the templates folder:
WeasyPrint gets a URL fetcher that serves only files under that folder. The
fonts and the stylesheet are loaded once per process and templates folder.
The output is byte-identical for the same input: the PDF's dates come from
the document (its date of deposit), and no random identifier is written.
"""
from __future__ import annotations

import logging
import mimetypes
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from .html_writer import STYLESHEET, HTML_DIR, base_url, html_for_pdf, stylesheet_text
from .model import Document


class RefusedFetch(ValueError):
    pass


def _fetcher_class():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class TemplatesFetcher(URLFetcher):
        """Serves `file:` URLs under the templates folder; refuses everything else
        (http, https, data, files elsewhere). Refused URLs are kept in `refused`."""

        def __init__(self, root: Path):
            super().__init__(allowed_protocols=("file",))
            self.root = root.resolve()
            self.refused: list[str] = []
            self.served: list[str] = []

        def fetch(self, url, headers=None):
            parts = urlsplit(url)
            if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
                self.refused.append(url)
                raise RefusedFetch(f"hemicycle fetches nothing outside the templates folder: {url}")
            path = Path(unquote(parts.path)).resolve()
            if not path.is_relative_to(self.root) or not path.is_file():
                self.refused.append(url)
                raise RefusedFetch(f"not a file of the templates folder: {url}")
            self.served.append(url)
            mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(path.as_uri(), path.read_bytes(),
                                      headers={"Content-Type": mime})

    return TemplatesFetcher


@dataclass
class _Setup:
    fetcher: object
    font_config: object
    stylesheet: object


@lru_cache(maxsize=8)
def setup(templates: Path) -> _Setup:
    """Fonts, stylesheet and fetcher of one templates folder, loaded once."""
    from weasyprint import CSS
    from weasyprint.text.fonts import FontConfiguration

    templates = templates.resolve()
    fetcher = _fetcher_class()(templates)
    font_config = FontConfiguration()
    css = CSS(string=stylesheet_text(templates),
              base_url=(templates / HTML_DIR / STYLESHEET).as_uri(),
              url_fetcher=fetcher, font_config=font_config)
    return _Setup(fetcher, font_config, css)


def render_pdf(doc: Document, templates: Path) -> bytes:
    from weasyprint import HTML

    # WeasyPrint reports refused fetches and unsupported CSS as warnings; the
    # refusals are deliberate, so keep its logger quiet unless asked.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    templates = templates.resolve()
    s = setup(templates)
    html, base = html_for_pdf(doc, templates)
    document = HTML(string=html, base_url=base, url_fetcher=s.fetcher).render(
        stylesheets=[s.stylesheet], font_config=s.font_config)
    return document.write_pdf(pdf_identifier=False)
