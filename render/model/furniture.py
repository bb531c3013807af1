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
    # Later sub-documents of a dossier (amendments, texts adopted); empty for a proposal.
    subdocument: tuple[dict[str, str], ...] = ()   # cover lines under the title: AMENDEMENTS
    stage: dict[str, str] | None = None   # `déposés en commission des …`, under them
    history: dict[str, tuple["HistoryLine", ...]] | None = None   # `Voir:` … per language
    kind: dict[str, str] | None = None    # what the file is, for its metadata

    @property
    def subject(self) -> dict[str, str]:
        """What the document is, in a word (the files' subject): the document
        type of a proposal, `AMENDEMENTS` of a set of amendments."""
        return self.kind or self.doctype

    @property
    def strip_text(self) -> str:
        return " ".join(s.text for s in self.strip)


@dataclass(frozen=True)
class HistoryLine:
    """A line of the history block: `see` (`Voir:`), `session` (`Doc 56
    0589/ (2024/2025):`) or `item` (`001: Proposition de résolution de …`,
    its `number` `001` and its `text`)."""

    kind: str
    text: str
    number: str = ""


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
    # what every sub-document's furniture has alike
    shared = dict(
        document_number=number,
        doc_prefix=f"DOC {meta.legislature}",
        short_number=locale.short_number(meta.dossier, meta.subdocument),
        file_stem=locale.file_stem(meta.legislature, meta.dossier, meta.subdocument),
        chamber=dict(words["chamber"]),
        chamber_short=short,
        date={lang: locale.format_date(meta.deposited, lang) for lang in LANGS},
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
    )
    if meta.doctype != "resolution":
        return _later(doc, words, legislature, number, shared)
    doctype = dict(words["doctype"][meta.doctype])
    lead, other = meta.langs
    lead_title = f"{number} – {doctype[lead]} {meta.title[lead].plain}"
    return Furniture(
        **shared,
        doctype=doctype,
        authors={lang: locale.authors_line(meta.authors, meta.and_others, lang, meta.doctype)
                 for lang in LANGS},
        title=f"{lead_title} / {doctype[other]} {meta.title[other].plain}",
    )


# --- later sub-documents: a set of amendments, a text adopted -------------------------

def _later(doc: Document, words: Wording, legislature, number: str, shared: dict) -> Furniture:
    """The furniture of a sub-document after the proposal: the cover names
    the text amended or adopted (its type and title), then what this one is
    (`AMENDEMENTS` and where they are tabled; `TEXTE ADOPTÉ PAR LA …`), then
    the dossier's history; no authors' line (each amendment names its own)."""
    meta = doc.meta
    doctype = dict(words["doctype"]["resolution"])   # the text amended, adopted
    stage = None
    if meta.doctype == "amendments":
        kind = dict(words["doctype"]["amendments"])
        if doc.amendments is not None:
            stage = stage_phrase(words["tabled"], doc.amendments.stage)
        lines = (kind,)
    elif meta.doctype == "adopted-text" and doc.adoption is not None:
        adopted = stage_phrase(words["adopted"], doc.adoption.stage)
        kind = {lang: locale.capitals(adopted[lang], lang) for lang in LANGS}
        lines = (kind,)
    else:
        raise TemplateError(f"no layout for documents of type {meta.doctype!r}")
    lead, other = meta.langs
    title = " / ".join(f"{number} – {doctype[lang]} {meta.title[lang].plain} – {kind[lang]}"
                       if i == 0 else f"{doctype[lang]} {meta.title[lang].plain} – {kind[lang]}"
                       for i, lang in enumerate((lead, other)))
    return Furniture(
        **shared,
        doctype=doctype,
        authors={lang: "" for lang in LANGS},
        title=title,
        subdocument=lines,
        stage=stage,
        history=history(doc, words, legislature),
        kind=kind,
    )


def stage_phrase(entry: Wording, stage) -> dict[str, str]:
    """`déposés en commission des Relations extérieures` (entry `tabled`) or
    `Texte adopté par la commission …` (entry `adopted`), per language."""
    if stage.body == "committee" and stage.committee is not None:
        return {lang: _fill(entry["committee"], lang, committee=stage.committee[lang].plain)
                for lang in LANGS}
    return {lang: _fill(entry["plenary"], lang) for lang in LANGS}


def _fill(entry: Wording, lang: str, **values) -> str:
    try:
        return entry[lang].format(**values)
    except (KeyError, IndexError, ValueError) as exc:
        raise TemplateError(f"{entry.path}: the entry {entry.prefix}{lang} ({entry[lang]!r}) "
                            f"cannot be filled in ({exc}); it may use "
                            f"{', '.join('{' + k + '}' for k in values) or 'no placeholder'}"
                            ) from None


def history(doc: Document, words: Wording, legislature) -> dict[str, tuple[HistoryLine, ...]]:
    """The history block, per language: `Voir:`, then for each session the
    dossier's number and the session's years, then one line per earlier
    sub-document of that session (`001: Proposition de résolution de Mme Van
    Hoof.`), as the Chamber prints it on the cover."""
    meta = doc.meta
    h = words["history"]
    out: dict[str, list[HistoryLine]] = {lang: [HistoryLine("see", h["see"][lang])]
                                         for lang in LANGS}
    last_years = None
    for earlier in doc.history:
        session = legislature.session_on(earlier.deposited)
        first, _, last = session.years.partition(" ")
        for lang in LANGS:
            if session.years != last_years:
                years = (_fill(h["years"], lang, first=first, last=last) if last
                         else _fill(h["extraordinary"], lang, first=first))
                out[lang].append(HistoryLine("session", _fill(
                    h["session"], lang, legislature=meta.legislature,
                    dossier=f"{meta.dossier:04d}", years=years)))
            number = f"{earlier.subdocument:03d}"
            line = _fill(h["line"], lang, subdocument=number, what=_what(earlier, words, lang))
            out[lang].append(HistoryLine("item", locale.single_full_stop(line), number))
        last_years = session.years
    return {lang: tuple(lines) for lang, lines in out.items()}


def _what(earlier, words: Wording, lang: str) -> str:
    """What an earlier sub-document was: `Proposition de résolution de Mme
    Van Hoof`, `Amendements`, `Texte adopté par la commission …`."""
    h = words["history"]
    if earlier.doctype == "resolution":
        return _fill(h["resolution"], lang,
                     by=locale.by_authors(earlier.authors, earlier.and_others, lang))
    if earlier.doctype == "amendments":
        return _fill(h["amendments"], lang)
    if earlier.doctype == "adopted-text" and earlier.stage is not None:
        return stage_phrase(words["adopted"], earlier.stage)[lang]
    raise TemplateError(f"no history line for a sub-document of type {earlier.doctype!r}")
