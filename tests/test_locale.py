"""The French and Dutch strings of render.model.locale, against the Chamber's printed ones."""
from collections import namedtuple
from datetime import date

import pytest

from render.model.locale import (
    DOCTYPE_GENDER,
    LANGUAGE_TAGS,
    NBSP,
    authors_line,
    bind_signature,
    typographic_spaces,
    considerant_label,
    document_number,
    file_stem,
    format_date,
    group_thousands,
    ordinal,
    request_label,
    session_heading,
    session_strip,
    short_number,
)

A = namedtuple("A", "name gender")


# --- dates -------------------------------------------------------------------

@pytest.mark.parametrize("d, lang, expected", [
    (date(2024, 11, 14), "fr", "14 novembre 2024"),
    (date(2024, 11, 14), "nl", "14 november 2024"),
    (date(1975, 8, 1), "fr", "1er août 1975"),
    (date(1975, 8, 1), "nl", "1 augustus 1975"),
    (date(2024, 7, 10), "fr", "10 juillet 2024"),
    (date(2024, 7, 10), "nl", "10 juli 2024"),
    (date(2025, 2, 1), "fr", "1er février 2025"),
    (date(2025, 3, 21), "nl", "21 maart 2025"),
    (date(2024, 12, 31), "fr", "31 décembre 2024"),
])
def test_format_date_prints_day_lower_case_month_and_year(d, lang, expected):
    assert format_date(d, lang) == expected


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("lang", ["fr", "nl"])
def test_format_date_writes_every_month_in_lower_case(month, lang):
    text = format_date(date(2024, month, 15), lang)
    assert text == text.lower()


# --- ordinals ----------------------------------------------------------------

@pytest.mark.parametrize("n, lang, gender, expected", [
    (1, "fr", "f", "1re"),
    (1, "fr", "m", "1er"),
    (2, "fr", "f", "2e"),
    (2, "fr", "m", "2e"),
    (21, "fr", "f", "21e"),
    (56, "fr", "f", "56e"),
    (1, "nl", "f", "1e"),
    (1, "nl", "m", "1e"),
    (2, "nl", "f", "2e"),
    (56, "nl", "f", "56e"),
])
def test_ordinal_agrees_with_gender_only_for_french_first(n, lang, gender, expected):
    assert ordinal(n, lang, gender) == expected


def test_ordinal_defaults_to_feminine_for_session_and_legislature():
    assert ordinal(1, "fr") == "1re"


# --- session strip -----------------------------------------------------------

@pytest.mark.parametrize("session, legislature, years, lang, expected", [
    (2, 56, "2024 2025", "fr", "2e SESSION DE LA 56e LÉGISLATURE 2024 2025"),
    (2, 56, "2024 2025", "nl", "2e ZITTING VAN DE 56e ZITTINGSPERIODE 2024 2025"),
    (1, 56, "2024", "fr", "1re SESSION DE LA 56e LÉGISLATURE 2024"),
    (1, 56, "2024", "nl", "1e ZITTING VAN DE 56e ZITTINGSPERIODE 2024"),
])
def test_session_strip_matches_the_printed_strip(session, legislature, years, lang, expected):
    assert session_strip(session, legislature, years, lang) == expected


@pytest.mark.parametrize("lang, expected", [
    ("fr", "2e SESSION DE LA 56e LÉGISLATURE"),
    ("nl", "2e ZITTING VAN DE 56e ZITTINGSPERIODE"),
])
def test_session_heading_is_the_strip_without_years(lang, expected):
    assert session_heading(2, 56, lang) == expected


def test_running_foot_can_be_composed_from_headings():
    # The foot of DOC 56 0589/001, Dutch leading: years only after the lead.
    foot = (f"KAMER • {session_strip(2, 56, '2024 2025', 'nl')} "
            f"CHAMBRE {session_heading(2, 56, 'fr')}")
    assert foot == ("KAMER • 2e ZITTING VAN DE 56e ZITTINGSPERIODE 2024 2025 "
                    "CHAMBRE 2e SESSION DE LA 56e LÉGISLATURE")


# --- document numbers --------------------------------------------------------

@pytest.mark.parametrize("legislature, dossier, subdocument, doc, short, stem", [
    (56, 589, 1, "DOC 56 0589/001", "0589/001", "56K0589001"),
    (56, 0, 0, "DOC 56 0000/000", "0000/000", "56K0000000"),
    (55, 3347, 12, "DOC 55 3347/012", "3347/012", "55K3347012"),
    (56, 9999, 999, "DOC 56 9999/999", "9999/999", "56K9999999"),
])
def test_document_numbers_pad_dossier_and_subdocument(
        legislature, dossier, subdocument, doc, short, stem):
    assert document_number(legislature, dossier, subdocument) == doc
    assert short_number(dossier, subdocument) == short
    assert file_stem(legislature, dossier, subdocument) == stem


@pytest.mark.parametrize("legislature, dossier, subdocument", [
    (56, 10000, 1),
    (56, 589, 1000),
    (56, -1, 1),
    (56, 589, -1),
    (0, 589, 1),
])
def test_document_numbers_reject_what_would_not_fit_the_format(
        legislature, dossier, subdocument):
    for make in (lambda: document_number(legislature, dossier, subdocument),
                 lambda: file_stem(legislature, dossier, subdocument)):
        with pytest.raises(ValueError):
            make()


# --- authors -----------------------------------------------------------------

EVH = A("Els Van Hoof", "f")
X, Y, Z = A("X", "m"), A("Y", "m"), A("Z", "m")
XF, YF, ZF = A("X", "f"), A("Y", "f"), A("Z", "f")


@pytest.mark.parametrize("authors, and_others, lang, expected", [
    # one woman
    ([EVH], False, "fr", "(déposée par Mme Els Van Hoof)"),
    ([EVH], False, "nl", "(ingediend door mevrouw Els Van Hoof)"),
    # one man
    ([X], False, "fr", "(déposée par M. X)"),
    ([X], False, "nl", "(ingediend door de heer X)"),
    # two men
    ([X, Y], False, "fr", "(déposée par MM. X et Y)"),
    ([X, Y], False, "nl", "(ingediend door de heren X en Y)"),
    # three men, three women
    ([X, Y, Z], False, "fr", "(déposée par MM. X, Y et Z)"),
    ([X, Y, Z], False, "nl", "(ingediend door de heren X, Y en Z)"),
    ([XF, YF, ZF], False, "fr", "(déposée par Mmes X, Y et Z)"),
    ([XF, YF, ZF], False, "nl", "(ingediend door de dames X, Y en Z)"),
    # women then a man
    ([XF, YF, Z], False, "fr", "(déposée par Mmes X et Y et M. Z)"),
    ([XF, YF, Z], False, "nl", "(ingediend door de dames X en Y en de heer Z)"),
    # co-signatories
    ([X], True, "fr", "(déposée par M. X et consorts)"),
    ([X], True, "nl", "(ingediend door de heer X c.s.)"),
    ([EVH], True, "fr", "(déposée par Mme Els Van Hoof et consorts)"),
    ([EVH], True, "nl", "(ingediend door mevrouw Els Van Hoof c.s.)"),
])
def test_authors_line_matches_the_printed_patterns(authors, and_others, lang, expected):
    assert printed(authors_line(authors, and_others, lang)) == expected


@pytest.mark.parametrize("authors, lang, expected", [
    # The order given is the order printed: a man first stays first.
    ([Z, XF, YF], "fr", "(déposée par M. Z et Mmes X et Y)"),
    ([Z, XF, YF], "nl", "(ingediend door de heer Z en de dames X en Y)"),
    # Alternating genders: one title per run, runs joined like a list.
    ([XF, Y, ZF], "fr", "(déposée par Mme X, M. Y et Mme Z)"),
    ([XF, Y, ZF], "nl", "(ingediend door mevrouw X, de heer Y en mevrouw Z)"),
])
def test_authors_line_keeps_the_given_order_grouping_consecutive_genders(
        authors, lang, expected):
    assert printed(authors_line(authors, False, lang)) == expected


@pytest.mark.parametrize("authors, lang, expected", [
    ([A("Alex Doe", "x")], "fr", "(déposée par Alex Doe)"),
    ([A("Alex Doe", "x")], "nl", "(ingediend door Alex Doe)"),
    ([A("Alex Doe", "x"), A("Sam Roe", "x")], "fr", "(déposée par Alex Doe et Sam Roe)"),
    ([EVH, A("Alex Doe", "x")], "nl", "(ingediend door mevrouw Els Van Hoof en Alex Doe)"),
])
def test_authors_line_gives_no_title_to_gender_x(authors, lang, expected):
    assert printed(authors_line(authors, False, lang)) == expected


@pytest.mark.parametrize("doctype, lang, expected", [
    ("resolution", "fr", "(déposée par M. X)"),
    ("bill", "fr", "(déposée par M. X)"),
    ("government_bill", "fr", "(déposé par M. X)"),
    ("government_bill", "nl", "(ingediend door de heer X)"),
])
def test_authors_line_participle_agrees_with_document_type(doctype, lang, expected):
    assert printed(authors_line([X], False, lang, doctype)) == expected


def printed(text: str) -> str:
    """As the printed strings read: no-break spaces and hyphens shown plain."""
    return text.replace(NBSP, " ").replace("\u2011", "-")


def test_authors_line_binds_titles_and_names():
    line = authors_line([A("Karim El Amrani", "m"), EVH], True, "fr")
    assert line == (f"(déposée par M.{NBSP}Karim{NBSP}El{NBSP}Amrani et "
                    f"Mme{NBSP}Els{NBSP}Van{NBSP}Hoof et consorts)")
    assert authors_line([EVH, EVH], False, "nl").startswith(
        f"(ingediend door de{NBSP}dames{NBSP}Els{NBSP}Van")


@pytest.mark.parametrize("lang, text, expected", [
    ("fr", "41 % des ruches", "41~% des ruches"),
    ("nl", "50 % van de bijen", "50~% van de bijen"),
    ("fr", "le § 2 de l’article 6", "le §~2 de l’article~6"),
    ("fr", "au § 1er, alinéa 2", "au §~1er, alinéa~2"),
    ("nl", "artikel 6, § 1, lid 2", "artikel~6, §~1, lid~2"),
    ("fr", "le 1er janvier 2025", "le 1er~janvier 2025"),
    ("nl", "op 26 september 2024", "op 26~september 2024"),
    ("fr", "le règlement (CE) n° 1107/2009", "le règlement (CE) n°~1107/2009"),
    ("nl", "verordening (EG) nr. 1107/2009", "verordening (EG) nr.~1107/2009"),
    ("fr", "selon M. Aliyev et Mme Van Hoof", "selon M.~Aliyev et Mme~Van Hoof"),
    ("nl", "zei de heer Aliyev aan mevrouw Van Hoof", "zei de heer~Aliyev aan mevrouw~Van Hoof"),
    ("fr", "en 2024 il y avait 12 ruches", "en 2024 il y avait 12 ruches"),   # nothing to bind
    ("nl", "120.000 personen", "120.000 personen"),
])
def test_typographic_spaces(lang, text, expected):
    assert typographic_spaces(text, lang) == expected.replace("~", NBSP)


def test_signature_binds_each_name_to_its_party():
    assert bind_signature("Karim El Amrani (PS)") == NBSP.join("Karim El Amrani (PS)".split())
    assert bind_signature("Anne-Sophie Dupont (MR)") == f"Anne\u2011Sophie{NBSP}Dupont{NBSP}(MR)"
    both = bind_signature("Els Van Hoof (cd&v), Jan Peeters (N-VA)")
    assert both == f"Els{NBSP}Van{NBSP}Hoof{NBSP}(cd&v), Jan{NBSP}Peeters{NBSP}(N\u2011VA)"
    long = "x" * 50 + " (PS)"
    assert bind_signature(long) == long   # too long for a column: left to break


def test_doctype_gender_table_lists_the_model_doctypes():
    assert DOCTYPE_GENDER["resolution"] == "f"
    assert DOCTYPE_GENDER["bill"] == "f"


@pytest.mark.parametrize("authors, doctype", [
    ([], "resolution"),
    ([A("X", "?")], "resolution"),
    ([X], "motion-of-no-such-type"),
])
def test_authors_line_rejects_bad_input(authors, doctype):
    with pytest.raises(ValueError):
        authors_line(authors, False, "fr", doctype)


# --- labels and numbers ------------------------------------------------------

@pytest.mark.parametrize("index0, expected", [
    (0, "A"), (1, "B"), (25, "Z"), (26, "AA"), (27, "AB"), (51, "AZ"),
    (52, "BA"), (701, "ZZ"), (702, "AAA"),
])
def test_considerant_label_is_bijective_base_26(index0, expected):
    assert considerant_label(index0) == expected


def test_considerant_labels_are_unique_and_in_order():
    labels = [considerant_label(i) for i in range(800)]
    assert len(set(labels)) == len(labels)
    assert labels == sorted(labels, key=lambda s: (len(s), s))


@pytest.mark.parametrize("path, expected", [
    ((1,), "1."),
    ((2,), "2."),
    ((4, 1), "4.1."),
    ((4, 4, 1), "4.4.1."),
    ((4, 4, 1, 2), "4.4.1.2."),
    ([10, 3], "10.3."),
])
def test_request_label_joins_the_path_with_full_stops(path, expected):
    assert request_label(path) == expected


@pytest.mark.parametrize("n, expected", [
    (0, "0"), (999, "999"), (1000, "1.000"), (120000, "120.000"),
    (1234567, "1.234.567"), (-4500, "-4.500"),
])
def test_group_thousands_uses_a_full_stop(n, expected):
    assert group_thousands(n) == expected


def test_language_tags_are_belgian():
    assert LANGUAGE_TAGS == {"fr": "fr-BE", "nl": "nl-BE"}


# --- errors ------------------------------------------------------------------

@pytest.mark.parametrize("bad", [-1, -27])
def test_considerant_label_rejects_negative_index(bad):
    with pytest.raises(ValueError):
        considerant_label(bad)


@pytest.mark.parametrize("path", [(), (0,), (1, 0), (-1,)])
def test_request_label_rejects_empty_or_non_positive_paths(path):
    with pytest.raises(ValueError):
        request_label(path)


@pytest.mark.parametrize("n, gender", [(0, "f"), (-3, "f"), (1, "x"), (2, "n")])
def test_ordinal_rejects_non_positive_numbers_and_unknown_genders(n, gender):
    with pytest.raises(ValueError):
        ordinal(n, "fr", gender)


@pytest.mark.parametrize("bad_lang", ["en", "de", "FR", "fr_BE", "fr-BE", "", None])
@pytest.mark.parametrize("call", [
    lambda lang: format_date(date(2024, 11, 14), lang),
    lambda lang: ordinal(2, lang),
    lambda lang: session_strip(2, 56, "2024 2025", lang),
    lambda lang: session_heading(2, 56, lang),
    lambda lang: authors_line([X], False, lang),
], ids=["format_date", "ordinal", "session_strip", "session_heading", "authors_line"])
def test_every_language_function_rejects_an_unknown_language(call, bad_lang):
    with pytest.raises(ValueError, match="unknown language"):
        call(bad_lang)
