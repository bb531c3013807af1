"""The loader reports every mistake of a file at once, each at its line and
column, and never anything but ContentError."""
from __future__ import annotations

import pytest

from render.errors import ContentError
from render.content.loader import load_document


def problems_of(path):
    with pytest.raises(ContentError) as info:
        load_document(path)
    return info.value.problems


def replace_once(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, f"{old!r} must occur once in the example"
    return text.replace(old, new)


def test_minimal_example_is_valid():
    from conftest import MINIMAL
    doc = load_document(MINIMAL)
    assert doc.meta.dossier == 612
    assert [n.id for n in doc.notes_in_order()] == ["fao", "efsa"]


def test_three_mistakes_give_three_positioned_errors(minimal_text, write_content):
    text = replace_once(minimal_text, "    nl: betreffende de bescherming van de bijen\n", "")
    text = replace_once(text, "  and_others: true", "  and_otters: true")
    text = replace_once(text, "deposited: 2024-11-14", "deposited: 2024-02-30")
    path = write_content(text)
    found = [(p.pos.line, p.pos.col, p.message) for p in problems_of(path)]
    assert len(found) == 3, found
    (l1, c1, m1), (l2, c2, m2), (l3, c3, m3) = found
    assert (l1, c1) == (7, 14) and "not a real date" in m1
    assert (l2, c2) == (9, 3) and "Dutch text is missing" in m2
    assert (l3, c3) == (18, 3) and "did you mean 'and_others'" in m3


# (what is changed in the minimal example, expected line, column, message part)
MISTAKES = [
    ("  legislature: 56", "  legislature: 12", 4, 16, "legislature 12 is unknown"),
    ("  legislature: 56", "  legislature: fifty-six", 4, 16, "expected a whole number"),
    ("  lead: fr", "  lead: de", 8, 9, "expected one of fr, nl"),
    ("  deposited: 2024-11-14", "  deposited: 14/11/2024", 7, 14, "YYYY-MM-DD"),
    ("  deposited: 2024-11-14", "  deposited: 2019-01-01", 7, 3, "outside legislature 56"),
    ("      party: PS", "      party: PSS", 13, 7, "did you mean 'PS'"),
    ("      gender: f", "      gender: female", 14, 15, "expected one of f, m, x"),
    ("    fr: relative à la protection des abeilles",
     "    fra: relative à la protection des abeilles", 10, 5, "did you mean 'fr'"),
    ("  title:\n    fr: relative à la protection des abeilles\n"
     "    nl: betreffende de bescherming van de bijen",
     "  title: relative à la protection des abeilles", 9, 10,
     "expected French and Dutch texts"),
    ("      fr: Les pesticides", "      fr: ''", 33, 11, "French text is empty"),
    ("  - heading:", "  - headin:", 32, 5, "did you mean 'heading'"),
    ("Les néonicotinoïdes sont en cause.[^efsa]",
     "Les néonicotinoïdes sont en cause.[^efsaa]", 35, 5, "[^efsaa] is called but not defined"),
    ("    both: https://www.efsa.europa.eu/",
     "    both: https://www.efsa.europa.eu/\n  unused:\n    both: never called", 75, 3,
     "'unused' is defined but never called"),
    ("  efsa:\n", "  fao:\n    both: twice\n  efsa:\n", 73, 3, "'fao' is given twice (first at line 70)"),
    ("        - text:\n            fr: en soutenant",
     "        - lead:\n          text:\n            fr: en soutenant", 65, 11,
     "expected French and Dutch texts"),
    ("    - fr: vu le rapport", "    - fr: vu le \u0007rapport", 46, 17, "not allowed in YAML"),
]


@pytest.mark.parametrize("old,new,line,col,message", MISTAKES,
                         ids=[m[4] for m in MISTAKES])
def test_each_mistake_is_reported_where_it_is(minimal_text, write_content,
                                              old, new, line, col, message):
    path = write_content(replace_once(minimal_text, old, new))
    problems = problems_of(path)
    assert any(p.pos.line == line and p.pos.col == col and message in p.message
               for p in problems), [str(p) for p in problems]


def test_request_nesting_deeper_than_four_levels_is_refused(minimal_text, write_content):
    deep = ("            - text:\n                fr: dès 2026;\n                nl: vanaf 2026;\n"
            "              requests:\n                - text: {fr: a;, nl: a;}\n"
            "                  requests:\n                    - text: {fr: b;, nl: b;}\n")
    text = replace_once(minimal_text,
                        "            - text:\n                fr: dès 2026;\n"
                        "                nl: vanaf 2026;\n", deep)
    problems = problems_of(write_content(text))
    assert any("at most 4 levels" in p.message for p in problems)


@pytest.mark.parametrize("data,message,line,col", [
    (b"", "the file is empty", 1, 1),
    (b"# only a comment\n", "the file is empty", 1, 1),
    (b"document: [\n", "YAML syntax", 2, 1),
    (b"- a list\n- not a mapping\n", "a content file is a mapping", 1, 1),
    (b"document:\n\tlegislature: 56\n", "tabs", 2, 1),
    (b"title: caf\xe9\n", "not UTF-8", 1, 11),
    (b"a: &x [1, 2]\nb: *x\n", "anchors and aliases", 1, 4),
])
def test_files_that_are_not_content_are_refused_clearly(write_content, data, message, line, col):
    problems = problems_of(write_content(data))
    assert problems[0].pos.line == line and problems[0].pos.col == col, problems
    assert message in problems[0].message


def test_alias_bomb_is_refused_without_expanding(write_content):
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 9)}]")
    problems = problems_of(write_content("\n".join(lines) + "\n"))
    assert all("anchors and aliases" in p.message for p in problems)


def test_byte_order_mark_is_accepted(minimal_text, write_content):
    doc = load_document(write_content(b"\xef\xbb\xbf" + minimal_text.encode()))
    assert doc.meta.lead == "fr"


def test_markup_lookalikes_stay_literal(minimal_text, write_content):
    text = replace_once(minimal_text, "fr: Les pesticides",
                        "fr: \"{{ 7*7 }} <script>x</script> [note] 5 * 3\"")
    doc = load_document(write_content(text))
    heading = doc.developments[2].text.fr
    assert heading.plain == "{{ 7*7 }} <script>x</script> [note] 5 * 3"
