"""The strings around the text — cover lines, running heads and feet, the
legends of the back cover, the file's metadata — computed once from the model,
the legislature's data, the locale rules and `templates/wording.yaml`. Every
writer takes them from here and only from here."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from . import locale
from ..errors import TemplateError
from .document import LANGS, Document
from .legislature import Group, load_legislature
from ..caching import from_files


@dataclass(frozen=True)
class Piece:
    """A run of furniture text; `ordinal` marks an ordinal's suffix (`e` of
    `2e`), set as a superior letter."""

    text: str
    ordinal: bool = False


@dataclass(frozen=True)
class Segment:
    """One language's part of a line that holds both (the session strip)."""

    lang: str
    pieces: tuple[Piece, ...]

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


def _segment(lang: str, text: str) -> Segment:
    return Segment(lang, tuple(Piece(s, flag) for s, flag in locale.split_ordinals(text)))


@dataclass(frozen=True)
class Furniture:
    document_number: str        # DOC 56 0589/001
    doc_prefix: str             # DOC 56
    short_number: str           # 0589/001
    file_stem: str              # 56K0589001
    chamber: dict[str, str]     # per language
    chamber_short: dict[str, str]
    doctype: dict[str, str]
    date: dict[str, str]
    authors: dict[str, str]
    session: dict[str, Segment]  # 2e SESSION DE LA 56e LÉGISLATURE 2024 2025
    strip: tuple[Segment, ...]   # the running foot, lead language first
    developments: dict[str, str]
    summary_heading: dict[str, str]
    abbreviations_heading: dict[str, str]
    abbreviations: list[dict[str, str]]
    publisher: dict[str, str]
    groups: tuple[Group, ...]
    group_lines: tuple[str, ...]  # the party legend: `N-VA : Nieuw-Vlaamse Alliantie`
    language_tags: dict[str, str]
    title: str                    # the file's metadata title, both languages

    @property
    def strip_text(self) -> str:
        return " ".join(s.text for s in self.strip)


class Wording(dict):
    """templates/wording.yaml: an entry a clerk removed is named, not a crash."""

    def __init__(self, data: dict, path: Path, prefix: str = ""):
        super().__init__({k: Wording(v, path, f"{prefix}{k}.") if isinstance(v, dict) else v
                          for k, v in data.items()})
        self.path, self.prefix = path, prefix

    def __missing__(self, key):
        raise TemplateError(f"{self.path} lacks the entry {self.prefix}{key}; restore it "
                            "from hemicycle's templates/")


@from_files(maxsize=8)
def load_wording(templates: Path) -> Wording:
    path = templates / "wording.yaml"
    try:
        with open(path, encoding="utf-8") as f:
            data = YAML(typ="safe").load(f)
    except YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise TemplateError(f"{path}{where}: not valid YAML "
                            f"({getattr(exc, 'problem', None) or exc}); fix it") from None
    if not isinstance(data, dict):
        raise TemplateError(f"{path}: expected a mapping of wording entries; restore it "
                            "from hemicycle's templates/")
    return Wording(data, path)


def furniture(doc: Document, templates: Path) -> Furniture:
    meta = doc.meta
    words = load_wording(templates)
    legislature = load_legislature(meta.legislature)
    session = legislature.session_on(meta.deposited)
    session_line = {lang: locale.session_strip(session.number, meta.legislature, session.years,
                                                lang) for lang in LANGS}
    short = dict(words["chamber_short"])
    # The lead language's half carries the years; the other's is the heading alone.
    strip = tuple(
        _segment(lang, f"{short[lang]} • {session_line[lang]}" if i == 0 else
                 f"{short[lang]} {locale.session_heading(session.number, meta.legislature, lang)}")
        for i, lang in enumerate(meta.langs))
    fill = {"legislature": meta.legislature}
    number = locale.document_number(meta.legislature, meta.dossier, meta.subdocument)
    doctype = dict(words["doctype"][meta.doctype])
    lead, other = meta.langs
    lead_title = f"{number} – {doctype[lead]} {meta.title[lead].plain}"
    return Furniture(
        document_number=number,
        doc_prefix=f"DOC {meta.legislature}",
        short_number=locale.short_number(meta.dossier, meta.subdocument),
        file_stem=locale.file_stem(meta.legislature, meta.dossier, meta.subdocument),
        chamber=dict(words["chamber"]),
        chamber_short=short,
        doctype=doctype,
        date={lang: locale.format_date(meta.deposited, lang) for lang in LANGS},
        authors={lang: locale.authors_line(meta.authors, meta.and_others, lang, meta.doctype)
                 for lang in LANGS},
        session={lang: _segment(lang, session_line[lang]) for lang in LANGS},
        strip=strip,
        developments=dict(words["developments"]),
        summary_heading=dict(words["summary"]),
        abbreviations_heading=dict(words["abbreviations_heading"]),
        abbreviations=[{lang: line[lang].format(**fill) for lang in LANGS}
                       for line in words["abbreviations"]],
        publisher=dict(words["publisher"]),
        groups=legislature.groups,
        group_lines=tuple(f"{g.abbreviation}\u00a0: {g.name}" for g in legislature.groups),
        language_tags=dict(locale.LANGUAGE_TAGS),
        title=f"{lead_title} / {doctype[other]} {meta.title[other].plain}",
    )
