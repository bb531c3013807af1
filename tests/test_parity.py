"""Translation parity and house style (`hemicycle check`), rule by rule.

Every rule has cases it must flag and near misses it must not. Pair-level
rules run on pairs built directly; the rules that need a whole document
(footnote calls, endings, the command) run on variants of tests/data/minimal.yaml.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from render.cli import main
from render.errors import ContentError
from render.content.inline import parse_inline
from render.content.loader import load_document
from render.model.locale import format_date, group_thousands
from render.model import Pair, Pos
from render.check.parity import (check_calls, check_document, check_facts, check_style,
                           check_untranslated, is_language_neutral, reads_as)
from render.check.facts import KINDS, extract_facts

MINIMAL = Path(__file__).parent / "data" / "minimal.yaml"
POS = Pos("t.yaml", 7, 5)


def pair(fr: str, nl: str | None = None) -> Pair:
    """A pair; `nl=None` gives it once with `both:`."""
    if nl is None:
        return Pair(parse_inline(fr), parse_inline(fr), POS, same=True)
    return Pair(parse_inline(fr), parse_inline(nl), POS)


def variant(tmp_path: Path, *replacements: tuple[str, str]) -> Path:
    """minimal.yaml with each (old, new) replaced once; every old must be there."""
    text = MINIMAL.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path = tmp_path / "doc.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- facts: numbers, dates, years, references, URLs, articles ----------------------

FACT_CASES = [
    # numbers in digits
    ("considérant que 120.000 ruches ont disparu", "overwegende dat 120.000 bijenkorven", None),
    ("considérant que 120.000 ruches ont disparu", "overwegende dat 12.000 bijenkorven",
     "numbers"),
    ("76 membres", "76 leden", None),
    ("76 membres", "67 leden", "numbers"),
    ("2,5 %", "2,5 %", None),
    ("2,5 %", "2,6 %", "numbers"),
    ("50 pour cent", "50 procent", None),
    ("3 millions de personnes", "drie miljoen mensen", None),
    ("la 2e session", "de 2e zitting", None),
    # numbers in words, either side, and words against digits
    ("Huit d’entre eux", "Acht van hen", None),
    ("Huit d’entre eux", "Zeven van hen", "numbers"),
    ("huit d’entre eux", "8 van hen", None),
    ("vingt-trois prisonniers", "drieëntwintig gevangenen", None),
    ("quatre-vingt-dix-neuf pays", "negenennegentig landen", None),
    ("deux cents pays", "tweehonderd landen", None),
    ("neuf mois", "negen maanden", None),
    ("neuf mois", "tien maanden", "numbers"),
    ("le cinquième rapport", "het vijfde rapport", None),
    ("le cinquième rapport", "the fifth periodic report", None),
    ("le cinquième rapport", "het zesde rapport", "numbers"),
    ("la “deuxième guerre”", "de “Tweede Oorlog”", None),
    ("au XXe siècle", "in de twintigste eeuw", None),
    ("au XXIe siècle", "in de 21ste eeuw", None),
    ("au XXe siècle", "in de 21ste eeuw", "numbers"),
    ("Le roi Albert Ier. Ce texte. De plus.", "Koning Albert I. Deze tekst. Bovendien.", None),
    ("entre les deux pays", "tussen beide landen", None),
    ("à deux reprises", "tweemaal", None),
    ("à deux reprises", "driemaal", "numbers"),
    ("c’est ainsi", "het is nu eenmaal zo", None),
    # words that look like numbers and are not
    ("un accord et une trêve", "een akkoord en een wapenstilstand", None),
    ("le premier ministre arménien", "de Armeense premier", None),
    ("des biens de première nécessité", "essentiële goederen", None),
    ("le gouvernement estime nécessaire", "de regering acht het nodig", None),
    ("en tenant compte", "rekening houdend, in acht genomen", None),
    ("à l’égard de l’Arménie", "ten aanzien van Armenië", None),
    ("nos partenaires", "onze partners", None),
    # dates, in every form, and their day and year are not numbers too
    ("le 17 novembre 2023", "op 17 november 2023", None),
    ("le 17 novembre 2023", "op 18 november 2023", "dates"),
    ("le 17 novembre 2023", "op 17 november 2024", "dates"),
    ("du 1er août 1975", "van 1 augustus 1975", None),
    ("du 1er août 1975", "van 1 juli 1975", "dates"),
    ("en juin 2024", "in juni 2024", None),
    ("en juin 2024", "in juli 2024", "dates"),
    ("le 18 juillet", "op 18 juli", None),
    ("le 18 juillet", "op 19 juli", "dates"),
    ("ordonnance du 22 février 2023", "Order of 22 February 2023", None),
    ("le 17/11/2023", "op 17 november 2023", None),
    ("des 7 décembre 2021, 22 février 2023 et 17 novembre 2023",
     "van 7 december 2021, 22 februari 2023 en 17 november 2023", None),
    # times
    ("à 14 h 30", "om 14.30 uur", None),
    ("à 14 heures", "om 14 uur", None),
    ("pendant 14 heures", "gedurende 14 uur", None),
    ("à 14h", "om 14 uur", None),
    ("à 14 h 30", "om 15.30 uur", "times"),
    # years
    ("une trêve en 1994", "een wapenstilstand in 1994", None),
    ("une trêve en 1994", "een wapenstilstand in 1995", "years"),
    # document, EU and UN references: their digits are no numbers
    ("(DOC 55 1597/001)", "(DOC 55 1597/001)", None),
    ("(DOC 55 1597/001)", "(DOC 55 1597/002)", "docrefs"),
    ("(2023/2879(RSP))", "(2023/2879(RSP))", None),
    ("(2023/2879(RSP))", "(2023/2897(RSP))", "eurefs"),
    ("la directive 2011/36/UE", "richtlijn 2011/36/EU", None),
    ("(CAT/C/AZE/CO/5)", "(CAT/C/AZE/CO/5)", None),
    ("(CAT/C/AZE/CO/5)", "(CAT/C/AZE/CO/4)", "unrefs"),
    # URLs: their digits are no numbers or dates
    ("voir https://www.reuters.com/world/x-2024-03-05/.", "zie https://www.reuters.com/world/x-2024-03-05/.",
     None),
    ("voir https://www.reuters.com/world/x-2024-03-05/", "zie https://www.reuters.com/world/x-2024-03-06/",
     "urls"),
    # articles, paragraphs, alinéas
    ("en vertu de l’article 14 du Statut", "op basis van artikel 14 van het Statuut", None),
    ("en vertu de l’article 14 du Statut", "op basis van artikel 15 van het Statuut", "articles"),
    ("l’article 1er", "artikel 1", None),
    ("les articles 5 et 6", "de artikelen 5 en 6", None),
    ("§ 2", "§ 2", None),
    ("§ 2", "§ 3", "paragraphs"),
    ("article 5, alinéa 1er", "artikel 5, eerste lid", None),
    ("article 5, alinéa 2", "artikel 5, eerste lid", "subparagraphs"),
    ("l’article 23, alinéa 3, 2°, de la Constitution",
     "artikel 23, derde lid, 2°, van de Grondwet", None),
]


@pytest.mark.parametrize("fr, nl, kind", FACT_CASES)
def test_facts_differ_only_where_the_translation_changed_them(fr, nl, kind):
    problems = check_facts(pair(fr, nl))
    kinds = [p.message.split(" differ")[0] for p in problems]
    assert kinds == ([KINDS[kind]] if kind else []), [p.message for p in problems]
    assert all(p.severity == "error" and p.pos == POS for p in problems)


def test_a_fact_mismatch_names_both_values():
    [problem] = check_facts(pair("le 17 novembre 2023", "op 18 november 2023"))
    assert problem.message == "dates differ: fr has 17 novembre 2023, nl has 18 november 2023"
    assert str(problem) == "t.yaml:7:5: error: dates differ: fr has 17 novembre 2023, " \
                           "nl has 18 november 2023"


def test_a_fact_missing_on_one_side_says_none():
    [problem] = check_facts(pair("le 17 novembre 2023", "onlangs"))
    assert problem.message == "dates differ: fr has 17 novembre 2023, nl has none"


def test_facts_compare_as_multisets():
    assert check_facts(pair("en 2020 et en 2021", "in 2021 en in 2020")) == []
    [problem] = check_facts(pair("en 2020 et en 2020", "in 2020"))
    assert problem.message == "years differ: fr has 2020, nl has none"


@pytest.mark.parametrize("text, lang, expected", [
    ("17 novembre 2023", "fr", [("dates", "2023-11-17")]),
    ("1er août 1975", "fr", [("dates", "1975-08-01")]),
    ("1 augustus 1975", "nl", [("dates", "1975-08-01")]),
    ("juin 2024", "fr", [("dates", "2024-06")]),
    ("February 22, 2023", "nl", [("dates", "2023-02-22")]),
    ("2023-11-17", "fr", [("dates", "2023-11-17")]),
    ("huit", "fr", [("numbers", "8")]),
    ("vingt et un", "fr", [("numbers", "21")]),
    ("soixante et onze", "fr", [("numbers", "71")]),
    ("eenentwintig", "nl", [("numbers", "21")]),
    ("120.000", "nl", [("numbers", "120000")]),
    ("les deux premiers", "fr", [("numbers", "2")]),
    ("DOC 55 1597/001", "fr", [("docrefs", "DOC 55 1597/001")]),
    ("56K0589001", "fr", [("docrefs", "DOC 56 0589/001")]),
    ("https://hetq.am/en/article/162461.", "fr", [("urls", "https://hetq.am/en/article/162461")]),
    ("§§ 2 et 3", "fr", [("paragraphs", "§ 2"), ("paragraphs", "§ 3")]),
    ("article 5bis", "fr", [("articles", "art. 5bis")]),
])
def test_facts_are_normalised(text, lang, expected):
    assert [(f.kind, f.value) for f in extract_facts(text, lang)] == expected


def test_both_texts_have_no_fact_to_compare():
    assert check_facts(pair("le 17 novembre 2023")) == []


# --- footnote calls ------------------------------------------------------------------

@pytest.mark.parametrize("fr, nl, message", [
    ("a.[^x] b.[^y]", "a.[^x] b.[^y]", None),
    ("a.[^x] b.[^x]", "a.[^x] b.[^x]", None),
    ("a.[^x] b.[^y]", "a.[^y] b.[^x]",
     "footnote calls in a different order: fr calls [^x], [^y], nl calls [^y], [^x]"),
    ("a.[^x]", "a.", "footnote calls differ: fr calls [^x], nl calls none"),
    ("a.[^x]", "a.[^x] b.[^x]", "footnote calls differ: fr calls [^x], nl calls [^x], [^x]"),
])
def test_both_sides_call_the_same_notes_in_the_same_order(fr, nl, message):
    problems = check_calls(pair(fr, nl))
    assert [p.message for p in problems] == ([message] if message else [])


def test_a_note_called_on_one_side_only_is_reported_once(tmp_path):
    path = variant(tmp_path, ("Neonicotinoïden liggen aan de basis.[^efsa]",
                              "Neonicotinoïden liggen aan de basis."))
    problems = check_document(load_document(path))
    assert [p.message for p in problems] == [
        "footnote calls differ: fr calls [^efsa], nl calls none"]


def test_a_note_never_called_is_the_loaders_error_only(tmp_path, capsys):
    path = variant(tmp_path, ("Les néonicotinoïdes sont en cause.[^efsa]",
                              "Les néonicotinoïdes sont en cause."),
                   ("Neonicotinoïden liggen aan de basis.[^efsa]",
                    "Neonicotinoïden liggen aan de basis."))
    with pytest.raises(ContentError):
        load_document(path)
    assert main(["check", str(path)]) == 2
    out = capsys.readouterr().out.strip().splitlines()
    assert len(out) == 1 and "footnote 'efsa' is defined but never called" in out[0]


# --- untranslated and placeholder texts ------------------------------------------------

@pytest.mark.parametrize("text, flagged", [
    ("Mesdames, Messieurs,", True),
    ("La Chambre des représentants,", True),
    ("condamne", True),
    ("De Kamer van volksvertegenwoordigers,", True),
    ("https://www.efsa.europa.eu/", False),
    ("Els Van Hoof (cd&v)", False),
    ("Karin Brouwers", False),
    ("DOC 55 1597/001", False),
    ("CAT/C/AZE/CO/5, 2023/2879(RSP)", False),
    ("Luis Moreno Ocampo, Current genocides and the consistent international practice "
     "to deny them. Summary of the case of Nagorno-Karabakh.", False),
    ("20240423_Armenia-Azerbaijan border delimitation_joint statement.pdf", False),
])
def test_identical_sides_are_flagged_unless_language_neutral(text, flagged):
    problems = check_untranslated(pair(text, text))
    assert len(problems) == flagged
    assert is_language_neutral(text) is not flagged
    if flagged:
        assert problems[0].severity == "error"
        assert "identical" in problems[0].message and "`both:`" in problems[0].message


def test_a_text_given_with_both_is_not_untranslated():
    assert check_untranslated(pair("Mesdames, Messieurs,")) == []


def test_near_identical_sides_are_not_untranslated():
    assert check_untranslated(pair("Mesdames, Messieurs,", "Dames en Heren,")) == []


@pytest.mark.parametrize("fr, nl, flagged", [
    # a side left in the other language
    ("considérant que le blocus a eu des conséquences désastreuses pour la population",
     "considérant que le blocus a eu des conséquences désastreuses pour les habitants",
     "the Dutch text reads as French"),
    ("overwegende dat de blokkade ernstige gevolgen had voor de bevolking",
     "overwegende dat de blokkade zware gevolgen had voor de bevolking",
     "the French text reads as Dutch"),
    # near misses: a French title quoted in Dutch, an English note, short texts
    ("vu la Convention", "gelet op het Verdrag “pour la protection des biens culturels”",
     None),
    ("CIJ, Application de la convention internationale sur l’élimination de toutes les "
     "formes de discrimination raciale, ordonnance du 22 février 2023.",
     "ICJ, Application of the International Convention on the Elimination of All Forms of "
     "Racial Discrimination, Order of 22 February 2023.", None),
    ("condamne", "veroordeelt", None),
])
def test_a_side_left_in_the_other_language_is_an_error(fr, nl, flagged):
    problems = check_untranslated(pair(fr, nl))
    assert [p.message.split(" (")[0] for p in problems] == ([flagged] if flagged else [])
    assert all(p.severity == "error" for p in problems)


@pytest.mark.parametrize("text, lang", [
    ("La Chambre des représentants, vu la Charte des Nations Unies;", "fr"),
    ("De Kamer van volksvertegenwoordigers, gelet op het Handvest;", "nl"),
    ("Current genocides and the consistent international practice to deny them.", None),
    ("Els Van Hoof (cd&v)", None),
])
def test_reads_as(text, lang):
    assert reads_as(text) == lang


@pytest.mark.parametrize("fr, nl, message", [
    ("TODO", "Dames en Heren,", "the French text is a placeholder"),
    ("Mesdames, Messieurs,", "…", "the Dutch text is a placeholder"),
    ("Mesdames, Messieurs,", "...", "the Dutch text is a placeholder"),
    ("XXX", "Dames en Heren,", "the French text is a placeholder"),
    ("FIXME: traduire", "vertalen", "the French text is a placeholder"),
    ("[à compléter]", "Dames en Heren,", "the French text is a placeholder"),
    ("Mesdames,", "[in te vullen]", "the Dutch text is a placeholder"),
    ("voir la note TODO plus bas", "zie de nota", "the French text is a placeholder"),
    ("[^a]", "Zie de nota.[^a]", "the French text is empty"),
    # near misses
    ("la Cour a dit (…) que", "het Hof zei (…) dat", None),
    ("au XXe siècle, au XXXe", "in de 20e eeuw, in de 30e", None),
    ("une liste de choses à faire", "een todo-lijst", None),
])
def test_empty_and_placeholder_sides_are_errors(fr, nl, message):
    problems = check_untranslated(pair(fr, nl))
    assert [p.message.split(" (")[0].split(":")[0] for p in problems] == (
        [message] if message else [])
    assert all(p.severity == "error" for p in problems)


def test_a_placeholder_given_with_both_is_reported_once():
    [problem] = check_untranslated(pair("TODO"))
    assert problem.message.startswith("the text is a placeholder")


# --- house style ------------------------------------------------------------------

@pytest.mark.parametrize("fr, nl, expected", [
    ('il a dit "non"', "hij zei “neen”", ['straight quote " in the French text']),
    ("il a dit “non”", "hij zei “neen”", []),
    ("l'Arménie", "Armenië", ["straight apostrophe ' in the French text"]),
    ("l’Arménie", "Armenië", []),
    ("voir https://example.org/it's-here", "zie https://example.org/it's-here", []),
    ("in Baku, Official", "in Baku” Official", ["unbalanced quotes in the Dutch text"]),
    ("deux  mots", "twee woorden", ["doubled space in the French text"]),
    ("deux mots", "twee woorden", []),
    ("le gouvernement fédéral :", "de federale regering:",
     ["space before a colon in the French text"]),
    ("le gouvernement fédéral:", "de federale regering:", []),
    ("voir https://example.org", "zie https://example.org", []),
])
def test_house_style_warnings(fr, nl, expected):
    problems = check_style(pair(fr, nl))
    assert [p.message.split(" (")[0].split(":")[0] for p in problems] == expected
    assert all(p.severity == "warning" for p in problems)


def test_house_style_of_a_both_text_is_reported_once():
    [problem] = check_style(pair("l'Arménie"))
    assert problem.message.startswith("straight apostrophe ' in the text")


# --- endings of considerants and requests ----------------------------------------

def _endings(path: Path) -> list[str]:
    return [p.message for p in check_document(load_document(path)) if p.severity == "warning"]


def test_the_minimal_document_is_clean():
    assert check_document(load_document(MINIMAL)) == []


@pytest.mark.parametrize("old, new, expected", [
    ("      nl: overwegende dat 120.000 bijenkorven verdwenen zijn;",
     "      nl: overwegende dat 120.000 bijenkorven verdwenen zijn,",
     "considerant B: the Dutch text ends with `,`; a considerant ends with `;`"),
    ("        fr: en soutenant les apiculteurs.", "        fr: en soutenant les apiculteurs;",
     "request 1.2.: the French text ends with `;`; the last request ends with `.`"),
    ("                nl: vanaf 2026;", "                nl: vanaf 2026.",
     "request 1.1.1.: the Dutch text ends with `.`; a request ends with `;`"),
    ('        fr: "d’agir:"', '        fr: "d’agir"',
     "request 1.: the French text ends with `r`; a request with sub-requests ends with "
     "`;` or `:`"),
])
def test_considerants_and_requests_end_with_the_right_mark(tmp_path, old, new, expected):
    assert _endings(variant(tmp_path, (old, new))) == [expected]


def test_a_request_ending_before_a_quote_or_a_note_call_is_fine(tmp_path):
    path = variant(tmp_path,
                   ("- fr: vu le rapport de la FAO du 1er août 2020;",
                    "- fr: vu le rapport de la FAO du 1er août 2020 (“pollinisateurs”);"),
                   ("        fr: en soutenant les apiculteurs.",
                    "        fr: en soutenant les apiculteurs.[^efsa]"),
                   ("            nl: door de imkers te steunen.",
                    "            nl: door de imkers te steunen.[^efsa]"))
    assert _endings(path) == []


def test_a_lead_only_request_is_judged_by_its_lead(tmp_path):
    path = variant(tmp_path, ("""            - text:
                fr: dès 2026;
                nl: vanaf 2026;""", """            - lead:
                fr: dès 2026
                nl: vanaf 2026;"""))
    assert _endings(path) == [
        "request 1.1.1.: the French text ends with `6`; a request ends with `;`"]


# --- the command -------------------------------------------------------------------

def _line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, start=1) if text in line)


def test_check_exits_0_on_a_clean_document(capsys):
    assert main(["check", str(MINIMAL)]) == 0
    assert "0 error(s), 0 warning(s)" in capsys.readouterr().err


def test_check_exits_1_on_a_discrepancy_and_prints_its_position(tmp_path, capsys):
    path = variant(tmp_path, ("nl: gelet op het verslag van de FAO van 1 augustus 2020;",
                              "nl: gelet op het verslag van de FAO van 1 augustus 2021;"))
    assert main(["check", str(path)]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    line = _line_of(path, "- fr: vu le rapport de la FAO")
    assert out == [f"{path}:{line}:7: error: dates differ: fr has 1er août 2020, "
                   "nl has 1 augustus 2021"]


def test_warnings_fail_only_with_strict(tmp_path, capsys):
    path = variant(tmp_path, ("fr: Les néonicotinoïdes sont en cause.[^efsa]",
                              "fr: Les néonicotinoïdes sont en cause :[^efsa]"))
    assert main(["check", str(path)]) == 0
    assert main(["check", "--strict", str(path)]) == 1
    assert "warning: space before a colon" in capsys.readouterr().out


def test_check_json_lists_the_findings(tmp_path, capsys):
    path = variant(tmp_path, ("fr: considérant que 120.000 ruches ont disparu;",
                              "fr: considérant que 12.000 ruches ont disparu;"))
    assert main(["check", "--format", "json", str(path)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert report["errors"] == 1 and report["warnings"] == 0
    [problem] = report["problems"]
    assert problem["severity"] == "error"
    assert problem["line"] == _line_of(path, "- fr: considérant que 12.000")
    assert problem["message"] == "numbers differ: fr has 12.000, nl has 120.000"


def test_check_exits_2_on_invalid_input(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("document: [\n", encoding="utf-8")
    assert main(["check", str(path)]) == 2


# --- properties: what hemicycle itself prints is always in parity ----------------

@given(st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 12, 31)),
       st.integers(min_value=0, max_value=10**9))
def test_dates_and_numbers_as_the_locale_prints_them_are_in_parity(d, n):
    fr = f"le {format_date(d, 'fr')}, {group_thousands(n)} personnes"
    nl = f"op {format_date(d, 'nl')}, {group_thousands(n)} personen"
    assert check_facts(pair(fr, nl)) == []
    facts = extract_facts(fr, "fr")
    assert [(f.kind, f.value) for f in facts] == [("dates", d.isoformat()),
                                                  ("numbers", str(n))]
