"""Legislature facts read from render/model/legislatures/*.yaml."""
from datetime import date, timedelta

import pytest

from render.model.legislature import (
    Group,
    Legislature,
    Session,
    SessionYears,
    _parse,
    known_legislatures,
    load_legislature,
)
from render.model.locale import session_strip


@pytest.fixture
def leg56() -> Legislature:
    return load_legislature(56)


def second_tuesday_of_october(year: int) -> date:
    first = date(year, 10, 1)
    return first + timedelta(days=(1 - first.weekday()) % 7 + 7)


# --- the 56th legislature's data --------------------------------------------

@pytest.mark.parametrize("number, opens", [
    (1, date(2024, 7, 10)),
    (2, date(2024, 10, 8)),
    (3, date(2025, 10, 14)),
    (4, date(2026, 10, 13)),
    (5, date(2027, 10, 12)),
    (6, date(2028, 10, 10)),
])
def test_56th_sessions_open_on_the_listed_dates(leg56, number, opens):
    assert leg56.sessions[number - 1] == Session(number, opens)


def test_56th_sessions_after_the_first_open_on_the_second_tuesday_of_october(leg56):
    for session in leg56.sessions[1:]:
        assert session.opens == second_tuesday_of_october(session.opens.year)


def test_56th_ends_at_the_expected_next_election(leg56):
    assert leg56.number == 56
    assert len(leg56.sessions) == 6
    assert leg56.ends == date(2029, 6, 30)
    assert leg56.ends_expected is True


GROUPS_56 = [
    ("N-VA", "Nieuw-Vlaamse Alliantie"),
    ("VB", "Vlaams Belang"),
    ("MR", "Mouvement Réformateur"),
    ("PS", "Parti Socialiste"),
    ("PVDA-PTB", "Partij van de Arbeid van België – Parti du Travail de Belgique"),
    ("Les Engagés", "Les Engagés"),
    ("Vooruit", "Vooruit"),
    ("cd&v", "Christen-Democratisch en Vlaams"),
    ("Ecolo-Groen",
     "Ecologistes Confédérés pour l’organisation de luttes originales – Groen"),
    ("Open Vld", "Open Vlaamse liberalen en democraten"),
    ("DéFI", "Démocrate Fédéraliste Indépendant"),
]


def test_56th_groups_are_listed_in_legend_order(leg56):
    assert [(g.abbreviation, g.name) for g in leg56.groups] == GROUPS_56


# --- session_on --------------------------------------------------------------

@pytest.mark.parametrize("d, number, years", [
    (date(2024, 7, 10), 1, "2024"),          # first day of the legislature
    (date(2024, 10, 7), 1, "2024"),          # last day of the short 1st session
    (date(2024, 10, 8), 2, "2024 2025"),
    (date(2024, 11, 14), 2, "2024 2025"),    # deposit of DOC 56 0589/001
    (date(2025, 10, 13), 2, "2024 2025"),
    (date(2025, 10, 14), 3, "2025 2026"),
    (date(2027, 1, 1), 4, "2026 2027"),
    (date(2028, 10, 9), 5, "2027 2028"),
    (date(2028, 10, 10), 6, "2028 2029"),
    (date(2029, 6, 30), 6, "2028 2029"),     # the (expected) last day
])
def test_session_on_gives_number_and_printed_years(leg56, d, number, years):
    assert leg56.session_on(d) == SessionYears(number, years)


@pytest.mark.parametrize("d, lang, expected", [
    (date(2024, 11, 14), "fr", "2e SESSION DE LA 56e LÉGISLATURE 2024 2025"),
    (date(2024, 11, 14), "nl", "2e ZITTING VAN DE 56e ZITTINGSPERIODE 2024 2025"),
    (date(2024, 9, 1), "fr", "1re SESSION DE LA 56e LÉGISLATURE 2024"),
    (date(2024, 9, 1), "nl", "1e ZITTING VAN DE 56e ZITTINGSPERIODE 2024"),
])
def test_session_strip_follows_from_the_deposit_date(leg56, d, lang, expected):
    s = leg56.session_on(d)
    assert session_strip(s.number, leg56.number, s.years, lang) == expected


@pytest.mark.parametrize("d", [date(2024, 7, 9), date(2019, 1, 1), date(2029, 7, 1)])
def test_session_on_rejects_dates_outside_the_legislature(leg56, d):
    with pytest.raises(ValueError, match="outside legislature 56"):
        leg56.session_on(d)


# --- groups ------------------------------------------------------------------

@pytest.mark.parametrize("written, abbreviation", [
    ("cd&v", "cd&v"),
    ("CD&V", "cd&v"),
    ("N-VA", "N-VA"),
    ("n-va", "N-VA"),
    ("DéFI", "DéFI"),
    ("DÉFI", "DéFI"),
    ("open vld", "Open Vld"),
])
def test_group_finds_the_printed_abbreviation_ignoring_case(leg56, written, abbreviation):
    assert leg56.group(written).abbreviation == abbreviation


@pytest.mark.parametrize("written", ["CDV", "Groen", "", "N-VA "])
def test_group_returns_none_for_an_unknown_abbreviation(leg56, written):
    assert leg56.group(written) is None


def test_group_prefers_an_exact_match_over_a_case_insensitive_one():
    leg = Legislature(
        number=99,
        sessions=(Session(1, date(2030, 1, 1)),),
        groups=(Group("ABC", "upper"), Group("abc", "lower")),
        ends=date(2031, 1, 1),
    )
    assert leg.group("abc").name == "lower"
    assert leg.group("ABC").name == "upper"
    assert leg.group("Abc").name == "upper"  # first case-insensitive match


# --- loading -----------------------------------------------------------------

def test_known_legislatures_lists_the_data_files():
    known = known_legislatures()
    assert 56 in known
    assert known == sorted(known)


@pytest.mark.parametrize("number", [1, 57, 0])
def test_unknown_legislature_raises_lookup_error_naming_known_ones(number):
    with pytest.raises(LookupError, match=rf"legislature {number}\b.*known legislatures: .*56"):
        load_legislature(number)


def test_loaded_legislature_is_cached_and_immutable(leg56):
    assert load_legislature(56) is leg56
    with pytest.raises(AttributeError):
        leg56.number = 57


VALID = {
    "number": 56,
    "sessions": [{"number": 1, "opens": date(2024, 7, 10)},
                 {"number": 2, "opens": date(2024, 10, 8)}],
    "ends": date(2029, 6, 30),
    "groups": [{"abbreviation": "VB", "name": "Vlaams Belang"}],
}


@pytest.mark.parametrize("change, message", [
    ({"number": 55}, "does not match the file name"),
    ({"sessions": []}, "no sessions"),
    ({"sessions": [{"number": 2, "opens": date(2024, 7, 10)}]}, "numbered 1, 2, 3"),
    ({"sessions": [{"number": 1, "opens": date(2024, 10, 8)},
                   {"number": 2, "opens": date(2024, 7, 10)}]}, "date order"),
    ({"ends": date(2024, 1, 1)}, "date order"),
    ({"ends": "soon"}, "YYYY-MM-DD"),
    ({"groups": [{"abbreviation": "VB", "name": "a"},
                 {"abbreviation": "VB", "name": "b"}]}, "listed twice"),
    ({"groups": [{"abbreviation": "VB"}]}, "missing or malformed"),
])
def test_malformed_legislature_data_is_rejected_with_the_file_name(change, message):
    assert _parse(VALID, "56.yaml").number == 56
    with pytest.raises(ValueError, match=rf"56\.yaml: .*{message}"):
        _parse({**VALID, **change}, "56.yaml")
