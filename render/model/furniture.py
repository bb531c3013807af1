"""The strings around the text — cover lines, running heads and feet, the
legends of the back cover — computed once from the model, the legislature's
data, the locale rules and `templates/wording.yaml`, for every writer."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from ruamel.yaml import YAML

from . import locale
from .legislature import Group, load_legislature
from .document import LANGS, Document


@dataclass(frozen=True)
class Furniture:
    document_number: str        # DOC 56 0589/001
    doc_prefix: str             # DOC 56
    short_number: str           # 0589/001
    file_stem: str              # 56K0589001
    chamber: dict[str, str]     # per language
    doctype: dict[str, str]
    date: dict[str, str]
    authors: dict[str, str]
    session: dict[str, str]     # 2e SESSION DE LA 56e LÉGISLATURE 2024 2025
    strip: str                  # the running foot, lead language first
    developments: dict[str, str]
    summary_heading: dict[str, str]
    abbreviations_heading: dict[str, str]
    abbreviations: list[dict[str, str]]
    publisher: dict[str, str]
    groups: tuple[Group, ...]
    language_tags: dict[str, str]


@lru_cache(maxsize=8)
def load_wording(templates: Path) -> dict:
    with open(templates / "wording.yaml", encoding="utf-8") as f:
        return YAML(typ="safe").load(f)


def furniture(doc: Document, templates: Path) -> Furniture:
    meta = doc.meta
    words = load_wording(templates)
    legislature = load_legislature(meta.legislature)
    session = legislature.session_on(meta.deposited)
    session_line = {lang: locale.session_strip(session.number, meta.legislature, session.years,
                                                lang) for lang in LANGS}
    strip = " ".join(
        f"{words['chamber_short'][lang]} • {session_line[lang]}" if i == 0
        else f"{words['chamber_short'][lang]} {locale.session_heading(session.number, meta.legislature, lang)}"
        for i, lang in enumerate(meta.langs))
    fill = {"legislature": meta.legislature}
    return Furniture(
        document_number=locale.document_number(meta.legislature, meta.dossier, meta.subdocument),
        doc_prefix=f"DOC {meta.legislature}",
        short_number=locale.short_number(meta.dossier, meta.subdocument),
        file_stem=locale.file_stem(meta.legislature, meta.dossier, meta.subdocument),
        chamber=dict(words["chamber"]),
        doctype=dict(words["doctype"][meta.doctype]),
        date={lang: locale.format_date(meta.deposited, lang) for lang in LANGS},
        authors={lang: locale.authors_line(meta.authors, meta.and_others, lang, meta.doctype)
                 for lang in LANGS},
        session=session_line,
        strip=strip,
        developments=dict(words["developments"]),
        summary_heading=dict(words["summary"]),
        abbreviations_heading=dict(words["abbreviations_heading"]),
        abbreviations=[{lang: line[lang].format(**fill) for lang in LANGS}
                       for line in words["abbreviations"]],
        publisher=dict(words["publisher"]),
        groups=legislature.groups,
        language_tags=dict(locale.LANGUAGE_TAGS),
    )
