"""The French and Dutch strings of a dossier's later sub-documents (render.model.locale
and templates/wording.yaml), table by table, against the Chamber's printed ones:
authors in headings and histories, the items amendments act on, the
instructions, the history block, the stage lines."""
from __future__ import annotations

from collections import namedtuple
from datetime import date

import pytest

from dossier_samples import (COMMITTEE, DUPONT, HERE, PLENARY, VAN_HOOF, adopted_document,
                             amendments_document, pair, sample_amendments, target)
from render.errors import TemplateError
from render.layout.rows import fill_parts, instruction_entry, instruction_values, layout
from render.model.dossier import Amendment, Earlier
from render.model.furniture import furniture, load_wording
from render.model.locale import (NBSP, by_authors, capitals, named_authors,
                                 single_full_stop, surname, target_phrase)
from render.paths import templates_dir

TEMPLATES = templates_dir()
A = namedtuple("A", "name gender")
EVH, DUP = A("Els Van Hoof", "f"), A("Marc Dupont", "m")
PEETERS, MAES = A("Jan Peeters", "m"), A("An Maes", "f")


def printed(text: str) -> str:
    return text.replace(NBSP, " ").replace("\u2011", "-")


# --- authors --------------------------------------------------------------------------

@pytest.mark.parametrize("name, expected", [
    ("Els Van Hoof", "Van Hoof"),
    ("Karim El Amrani", "El Amrani"),
    ("Anne-Sophie Van den Bossche", "Van den Bossche"),
    ("Georges-Louis Bouchez", "Bouchez"),
    ("Magritte", "Magritte"),
])
def test_surname(name, expected):
    assert surname(name) == expected


@pytest.mark.parametrize("authors, and_others, lang, expected", [
    ([EVH], False, "fr", "de Mme Van Hoof"),
    ([EVH], False, "nl", "van mevrouw Van Hoof"),
    ([DUP], False, "fr", "de M. Dupont"),
    ([DUP], False, "nl", "van de heer Dupont"),
    ([EVH, DUP], False, "fr", "de Mme Van Hoof et M. Dupont"),
    ([EVH, DUP], False, "nl", "van mevrouw Van Hoof en de heer Dupont"),
    ([DUP, EVH], False, "fr", "de M. Dupont et Mme Van Hoof"),
    ([DUP, EVH], False, "nl", "van de heer Dupont en mevrouw Van Hoof"),
    ([DUP, PEETERS], False, "fr", "de MM. Dupont et Peeters"),
    ([DUP, PEETERS], False, "nl", "van de heren Dupont en Peeters"),
    ([EVH, MAES], False, "fr", "de Mmes Van Hoof et Maes"),
    ([EVH, MAES], False, "nl", "van de dames Van Hoof en Maes"),
    ([EVH, MAES, DUP], False, "fr", "de Mmes Van Hoof et Maes et M. Dupont"),
    ([EVH], True, "fr", "de Mme Van Hoof et consorts"),
    ([EVH], True, "nl", "van mevrouw Van Hoof c.s."),
    ([A("Alex Doe", "x")], False, "fr", "d’Alex Doe"),         # no title: the full name
    ([A("Sam Roe", "x")], False, "fr", "de Sam Roe"),
    ([A("Alex Doe", "x")], False, "nl", "van Alex Doe"),
])
def test_by_authors(authors, and_others, lang, expected):
    assert printed(by_authors(authors, and_others, lang)) == expected


@pytest.mark.parametrize("text, expected", [
    ("001: Voorstel van resolutie van mevrouw Van Hoof c.s..",
     "001: Voorstel van resolutie van mevrouw Van Hoof c.s."),
    ("002: Amendements.", "002: Amendements."),
    ("Et ainsi de suite...", "Et ainsi de suite..."),
])
def test_single_full_stop(text, expected):
    assert single_full_stop(text) == expected


def test_titles_are_bound_to_names():
    assert named_authors([EVH], False, "nl") == f"mevrouw{NBSP}Van{NBSP}Hoof"
    assert named_authors([EVH, DUP], False, "fr") == f"Mme{NBSP}Van{NBSP}Hoof et M.{NBSP}Dupont"


@pytest.mark.parametrize("authors, lang, expected", [
    ([EVH], "fr", "DE MME VAN HOOF"),
    ([EVH], "nl", "VAN MEVROUW VAN HOOF"),
    ([DUP, EVH], "fr", "DE M. DUPONT ET MME VAN HOOF"),
    ([DUP, EVH], "nl", "VAN DE HEER DUPONT EN MEVROUW VAN HOOF"),
])
def test_authors_in_capitals(authors, lang, expected):
    assert printed(capitals(by_authors(authors, False, lang), lang)) == expected


def test_no_authors_is_refused():
    with pytest.raises(ValueError):
        named_authors([], False, "fr")
    with pytest.raises(ValueError):
        by_authors([EVH], False, "de")


# --- the items amendments act on --------------------------------------------------------

@pytest.mark.parametrize("kind, label, lang, form, expected", [
    ("considerant", "C", "fr", "heading", "Considérant C"),
    ("considerant", "C", "nl", "heading", "Considerans C"),
    ("request", "4.2", "fr", "heading", "Point 4.2"),
    ("request", "4.2", "nl", "heading", "Punt 4.2"),
    ("title", "", "fr", "heading", "Intitulé"),
    ("title", "", "nl", "heading", "Opschrift"),
    ("considerant", "C", "fr", "the", "le considérant C"),
    ("considerant", "C", "nl", "the", "considerans C"),
    ("request", "4.3", "fr", "the", "le point 4.3"),
    ("request", "4.3", "nl", "the", "punt 4.3"),
    ("title", "", "fr", "the", "l’intitulé"),
    ("title", "", "nl", "the", "het opschrift"),
    ("considerant", "C", "fr", "in", "au considérant C"),
    ("considerant", "C", "nl", "in", "in considerans C"),
    ("request", "4.4.1", "fr", "in", "au point 4.4.1"),
    ("request", "4.4.1", "nl", "in", "in punt 4.4.1"),
    ("title", "", "fr", "in", "dans l’intitulé"),
    ("title", "", "nl", "in", "in het opschrift"),
    ("considerant", "", "fr", "a", "un considérant"),
    ("considerant", "", "nl", "a", "een considerans"),
    ("request", "", "fr", "a", "un point"),
    ("request", "", "nl", "a", "een punt"),
])
def test_target_phrase(kind, label, lang, form, expected):
    assert printed(target_phrase(kind, label, lang, form)) == expected


def test_a_label_never_leaves_its_noun():
    assert target_phrase("request", "4.2", "fr", "the") == f"le point{NBSP}4.2"


@pytest.mark.parametrize("kind, form", [("article", "the"), ("title", "of")])
def test_target_phrase_refuses_unknown(kind, form):
    with pytest.raises(ValueError):
        target_phrase(kind, "", "fr", form)


# --- instructions, from templates/wording.yaml ----------------------------------------

def amendment(action, kind, label, new_label="", **texts) -> Amendment:
    return Amendment(1, (VAN_HOOF,), target(kind, label), action, HERE, new_label=new_label,
                     **texts)


WORDS = {"old_words": pair("la *guerre*", "de *oorlog*"),
         "new_words": pair("le conflit", "het conflict")}


@pytest.mark.parametrize("a, fr, nl", [
    (amendment("replace", "considerant", "C", "C"),
     "Remplacer le considérant C par ce qui suit:", "Considerans C vervangen als volgt:"),
    (amendment("replace-words", "considerant", "C", **WORDS),
     "Au considérant C, remplacer les mots “la guerre” par les mots “le conflit”.",
     "In considerans C, de woorden “de oorlog” vervangen door de woorden “het conflict”."),
    (amendment("insert-after", "considerant", "C", "Cbis"),
     "Insérer un considérant Cbis, rédigé comme suit:", "Een considerans Cbis invoegen, luidende:"),
    (amendment("insert-after", "request", "4.2", "4.2bis"),
     "Insérer un point 4.2bis, rédigé comme suit:", "Een punt 4.2bis invoegen, luidende:"),
    (amendment("delete", "request", "4.3"), "Supprimer le point 4.3.", "Punt 4.3 weglaten."),
    (amendment("delete", "considerant", "F"), "Supprimer le considérant F.",
     "Considerans F weglaten."),
    (amendment("replace", "title", ""), "Remplacer l’intitulé par ce qui suit:",
     "Het opschrift vervangen als volgt:"),
    (amendment("replace-words", "title", "", **WORDS),
     "Dans l’intitulé, remplacer les mots “la guerre” par les mots “le conflit”.",
     "In het opschrift, de woorden “de oorlog” vervangen door de woorden “het conflict”."),
    (amendment("insert-before", "considerant", "A"),
     "Avant le considérant A, insérer un considérant rédigé comme suit:",
     "Vóór considerans A een considerans invoegen, luidende:"),
    (amendment("insert-before", "request", "1"),
     "Avant le point 1, insérer un point rédigé comme suit:",
     "Vóór punt 1 een punt invoegen, luidende:"),
])
def test_instruction(a, fr, nl):
    entry = load_wording(TEMPLATES)["amendment"]["instruction"][instruction_entry(a)]
    for lang, expected in (("fr", fr), ("nl", nl)):
        parts = fill_parts(entry, lang, instruction_values(a, lang))
        assert printed("".join(p.text for p in parts)) == expected


def test_instruction_keeps_the_words_markup():
    a = amendment("replace-words", "considerant", "C", **WORDS)
    entry = load_wording(TEMPLATES)["amendment"]["instruction"]["replace-words"]
    parts = fill_parts(entry, "fr", instruction_values(a, "fr"))
    assert [type(p).__name__ for p in parts] == ["Str", "Emph", "Str"]
    assert parts[1].text == "guerre"


def test_a_wording_entry_with_an_unknown_placeholder_is_named(tmp_path):
    import shutil
    templates = tmp_path / "templates"
    shutil.copytree(TEMPLATES, templates)
    path = templates / "wording.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        "Supprimer {the_target}.", "Supprimer {the_item}."), encoding="utf-8")
    a = amendment("delete", "request", "4.3")
    entry = load_wording(templates)["amendment"]["instruction"]["delete"]
    with pytest.raises(TemplateError, match=r"amendment\.instruction\.delete\.fr.*the_item"):
        fill_parts(entry, "fr", instruction_values(a, "fr"))


# --- the heading of an amendment --------------------------------------------------------

def headings(doc) -> list[tuple[str, str]]:
    lay = layout(doc, TEMPLATES)
    return [tuple(printed("".join(p.text for p in c.text)) for c in row.cells)
            for row in lay.rows() if row.kind.name == "amendment-heading"]


def test_amendment_headings():
    nl_fr = headings(amendments_document())   # lead language (Dutch) first
    assert nl_fr[0] == ("Nr. 1 VAN MEVROUW VAN HOOF", "N° 1 DE MME VAN HOOF")
    assert nl_fr[6] == ("Nr. 7 VAN DE HEER DUPONT EN MEVROUW VAN HOOF",
                        "N° 7 DE M. DUPONT ET MME VAN HOOF")
    assert nl_fr[7] == ("Nr. 8 VAN DE HEER DUPONT (subamendement op amendement nr. 3)",
                        "N° 8 DE M. DUPONT (sous-amendement à l’amendement n° 3)")


# --- the cover: stage and history -----------------------------------------------------

def history(doc) -> dict[str, list[str]]:
    f = furniture(doc, TEMPLATES)
    return {lang: [printed(line.text) for line in f.history[lang]] for lang in ("fr", "nl")}


def test_history_of_a_set_of_amendments():
    assert history(amendments_document()) == {
        "fr": ["Voir:", "Doc 56 0589/ (2024/2025):",
               "001: Proposition de résolution de Mme Van Hoof."],
        "nl": ["Zie:", "Doc 56 0589/ (2024/2025):",
               "001: Voorstel van resolutie van mevrouw Van Hoof."]}


def test_history_of_a_text_adopted():
    h = history(adopted_document())
    assert h["fr"][2:] == ["001: Proposition de résolution de Mme Van Hoof.",
                           "002: Amendements."]
    assert h["nl"][2:] == ["001: Voorstel van resolutie van mevrouw Van Hoof.",
                           "002: Amendementen."]


def test_history_groups_sub_documents_by_session():
    """A proposal of the extraordinary session of 2024, several authors,
    amendments and a text adopted of the next sessions."""
    earlier = (Earlier(1, "resolution", (VAN_HOOF, DUPONT), True, date(2024, 7, 25)),
               Earlier(2, "amendments", (DUPONT,), False, date(2024, 10, 15), COMMITTEE),
               Earlier(3, "adopted-text", (), False, date(2024, 11, 5), COMMITTEE),
               Earlier(4, "amendments", (VAN_HOOF,), False, date(2025, 10, 20), PLENARY))
    doc = amendments_document(history=earlier, subdocument=5, deposited=date(2025, 10, 27))
    assert history(doc) == {
        "fr": ["Voir:",
               "Doc 56 0589/ (S.E. 2024):",
               "001: Proposition de résolution de Mme Van Hoof et M. Dupont et consorts.",
               "Doc 56 0589/ (2024/2025):",
               "002: Amendements.",
               "003: Texte adopté par la commission des Relations extérieures.",
               "Doc 56 0589/ (2025/2026):",
               "004: Amendements."],
        "nl": ["Zie:",
               "Doc 56 0589/ (B.Z. 2024):",
               "001: Voorstel van resolutie van mevrouw Van Hoof en de heer Dupont c.s.",
               "Doc 56 0589/ (2024/2025):",
               "002: Amendementen.",
               "003: Tekst aangenomen door de commissie voor Buitenlandse Betrekkingen.",
               "Doc 56 0589/ (2025/2026):",
               "004: Amendementen."]}


@pytest.mark.parametrize("stage, fr, nl", [
    (COMMITTEE, "déposés en commission des Relations extérieures",
     "ingediend in de commissie voor Buitenlandse Betrekkingen"),
    (PLENARY, "déposés en séance plénière", "ingediend in de plenaire vergadering"),
])
def test_stage_of_a_set_of_amendments(stage, fr, nl):
    f = furniture(amendments_document(stage=stage), TEMPLATES)
    assert f.subdocument == ({"fr": "AMENDEMENTS", "nl": "AMENDEMENTEN"},)
    assert f.stage == {"fr": fr, "nl": nl}
    assert f.doctype == {"fr": "PROPOSITION DE RÉSOLUTION", "nl": "VOORSTEL VAN RESOLUTIE"}
    assert f.authors == {"fr": "", "nl": ""}      # each amendment names its authors


@pytest.mark.parametrize("stage, fr, nl", [
    (COMMITTEE, "TEXTE ADOPTÉ PAR LA COMMISSION DES RELATIONS EXTÉRIEURES",
     "TEKST AANGENOMEN DOOR DE COMMISSIE VOOR BUITENLANDSE BETREKKINGEN"),
    (PLENARY, "TEXTE ADOPTÉ EN SÉANCE PLÉNIÈRE", "TEKST AANGENOMEN IN PLENAIRE VERGADERING"),
])
def test_cover_line_of_a_text_adopted(stage, fr, nl):
    f = furniture(adopted_document(stage=stage), TEMPLATES)
    assert f.subdocument == ({"fr": fr, "nl": nl},)
    assert f.stage is None
    assert f.doctype == {"fr": "PROPOSITION DE RÉSOLUTION", "nl": "VOORSTEL VAN RESOLUTIE"}


def test_the_proposal_furniture_is_unchanged():
    from dossier_samples import proposal
    f = furniture(proposal(), TEMPLATES)
    assert f.subdocument == () and f.stage is None and f.history is None
    assert f.subject == f.doctype
    assert printed(f.authors["fr"]) == "(déposée par Mme Els Van Hoof)"


def test_sample_amendments_cover_every_action():
    actions = {a.action for a in sample_amendments()}
    assert actions == {"replace", "replace-words", "insert-before", "insert-after", "delete"}
    assert {a.target.kind for a in sample_amendments()} == {"considerant", "request", "title"}
    assert any(a.amends for a in sample_amendments())
