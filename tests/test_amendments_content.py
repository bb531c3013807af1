"""Sets of amendments (`type: amendments`) as content: every action, targets
found in the base as deposited (or an error naming what exists), words to
replace found once in each language, numbers running on through the
dossier, the earlier sub-documents read from the folder, and `check` on
amendment texts."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from dossier_files import (NEW_CONSIDERANT, NEW_REQUEST, SUB_AMENDMENT, adopted, amendment,
                           amendments, line_of, name, new_text, proposal, write)
from render.check.parity import check_document
from render.content.loader import load_bytes, load_document
from render.errors import ContentError


def problems_of(path):
    with pytest.raises(ContentError) as info:
        load_document(path)
    return info.value.problems


def only_problem(path):
    found = problems_of(path)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


@pytest.fixture
def base(tmp_path):
    write(tmp_path, 1, proposal())
    return tmp_path


CONSIDERANT, REQUEST = NEW_CONSIDERANT, NEW_REQUEST


# --- every action ---------------------------------------------------------------------

def test_every_action_on_considerants_requests_and_the_title(base):
    body = "".join([
        amendment("considerant B", "replace", CONSIDERANT),                    # 1
        amendment("considerant B", "insert-after", CONSIDERANT),               # 2
        amendment("considerant B", "insert-after", CONSIDERANT),               # 3
        amendment("considerant B", "insert-before", CONSIDERANT),              # 4
        amendment("considerant A", "insert-before", CONSIDERANT),              # 5
        amendment("considerant C", "replace-words", """\
            replace: {fr: numéro 3, nl: nummer 3}
            by: {fr: numéro 4, nl: nummer 4}
            """),                                                              # 6
        amendment("considerant C", "delete"),                                  # 7
        amendment("request 1.2", "replace", REQUEST),                          # 8
        amendment("request 1.1", "insert-after", REQUEST),                     # 9
        amendment("request 1.1", "insert-before", REQUEST),                    # 10
        amendment("request 2", "insert-before", REQUEST),                      # 11
        amendment("request 1", "replace-words", """\
            replace: {fr: demande, nl: verzoekt}
            by: {fr: prie, nl: vraagt}
            """),                                                              # 12
        amendment("request 2.", "delete"),                                     # 13
        amendment("title", "replace", new_text("relative aux abeilles",
                                               "betreffende de bijen")),      # 14
    ])
    doc = load_document(write(base, 2, amendments(2, body)))
    got = [(a.number, a.target.kind, a.target.label, a.action, a.new_label)
           for a in doc.amendments.amendments]
    assert got == [
        (1, "considerant", "B", "replace", "B"),
        (2, "considerant", "B", "insert-after", "Bbis"),
        (3, "considerant", "B", "insert-after", "Bter"),
        (4, "considerant", "B", "insert-before", "Abis"),
        (5, "considerant", "A", "insert-before", ""),
        (6, "considerant", "C", "replace-words", ""),
        (7, "considerant", "C", "delete", ""),
        (8, "request", "1.2", "replace", "1.2"),
        (9, "request", "1.1", "insert-after", "1.1bis"),
        (10, "request", "1.1", "insert-before", ""),
        (11, "request", "2", "insert-before", "1bis"),
        (12, "request", "1", "replace-words", ""),
        (13, "request", "2", "delete", ""),
        (14, "title", "", "replace", ""),
    ]
    a6 = doc.amendments.amendments[5]
    assert (a6.old_words.fr.plain, a6.new_words.nl.plain) == ("numéro 3", "nummer 4")
    assert doc.amendments.amendments[0].text.fr.plain == "considérant que les ruches meurent;"
    assert doc.resolution is None and doc.developments == ()
    assert doc.meta.doctype == "amendments"
    assert doc.meta.title.fr.plain == "relative à la protection des abeilles"  # the base's
    assert [a.name for a in doc.meta.authors] == ["Marie Dupont"]
    assert doc.amendments.base == 1 and doc.amendments.stage.body == "committee"
    assert doc.amendments.stage.committee.nl.plain == "commissie voor Economie"


def test_a_request_amendment_may_give_a_lead_verb(base):
    body = amendment("request 2", "replace", """\
        lead: {fr: invite, nl: verzoekt}
        text: {fr: le gouvernement à rendre compte., nl: de regering verslag uit te brengen.}
        """)
    doc = load_document(write(base, 2, amendments(2, body)))
    a = doc.amendments.amendments[0]
    assert (a.lead.fr.plain, a.text.nl.plain) == ("invite", "de regering verslag uit te brengen.")


def test_each_amendment_has_its_authors_or_the_documents(base):
    body = amendment("considerant A", "delete") + amendment("considerant B", "delete", """\
        authors:
          - {name: Jan Peeters, gender: m, party: N-VA}
          - {name: Els Van Hoof, gender: f, party: cd&v}
        """)
    doc = load_document(write(base, 2, amendments(2, body)))
    first, second = doc.amendments.amendments
    assert [a.name for a in first.authors] == ["Marie Dupont"]
    assert [(a.name, a.gender) for a in second.authors] == [("Jan Peeters", "m"),
                                                            ("Els Van Hoof", "f")]


def test_an_amendments_author_must_belong_to_a_group(base):
    body = amendment("considerant A", "delete", """\
        authors:
          - {name: Jan Peeters, gender: m, party: NVA}
        """)
    path = write(base, 2, amendments(2, body))
    p = only_problem(path)
    assert "'NVA' is not a group of the 56th legislature" in p.message
    assert p.pos.line == line_of(path, "Jan Peeters")


# --- targets ------------------------------------------------------------------------------

@pytest.mark.parametrize("target, message", [
    ("considerant Z", "considerant Z does not exist in DOC 56 0700/001: its considerants "
                      "run A to C"),
    ("request 3", "request 3 does not exist in DOC 56 0700/001: its requests run 1 to 2"),
    ("request 1.5", "request 1.5 does not exist in DOC 56 0700/001: the sub-requests of "
                    "request 1 run 1.1 to 1.2"),
    ("request 2.1", "request 2.1 does not exist in DOC 56 0700/001: request 2 has no "
                    "sub-requests"),
    ("request 1.1.1", "request 1.1.1 does not exist in DOC 56 0700/001: request 1.1 has no "
                      "sub-requests"),
])
def test_a_target_that_does_not_exist_names_what_does(base, target, message):
    path = write(base, 2, amendments(2, amendment(target, "delete")))
    p = only_problem(path)
    assert p.message == message
    assert (p.pos.path, p.pos.line, p.pos.col) == (str(path), line_of(path, "target:"), 13)
    assert str(p).startswith(f"{path}:{p.pos.line}:13: error: ")


@pytest.mark.parametrize("target, part", [
    ("considerant c", "lettered in capitals: write `considerant C`"),
    ("paragraph 3", "names no item"),
    ("considerants B", "did you mean 'considerant'?"),
    ("considerant", "name the considerant by its label"),
    ("request 4a", "is not a request's number"),
    ("title A", "the title has no label"),
])
def test_a_target_is_written_as_the_label_is_printed(base, target, part):
    path = write(base, 2, amendments(2, amendment(target, "delete")))
    p = only_problem(path)
    assert part in p.message
    assert p.pos.line == line_of(path, "target:")


def test_a_base_without_considerants_says_so(tmp_path):
    write(tmp_path, 1, proposal(considerants=0))
    path = write(tmp_path, 2, amendments(2, amendment("considerant A", "delete")))
    assert only_problem(path).message == ("considerant A does not exist: DOC 56 0700/001 has "
                                          "no considerants")


@pytest.mark.parametrize("extra, part", [
    (CONSIDERANT + "replace: {fr: numéro 1, nl: nummer 1}\n",
     "`replace` belongs to a replace-words"),
    ("", "'text' is missing: a replace amendment gives the new considerant"),
    ("lead: {fr: vu, nl: gelet op}\ntext: {fr: vu X;, nl: gelet op X;}\n",
     "`lead` is a request's opening verb"),
])
def test_what_a_replace_needs_and_refuses(base, extra, part):
    path = write(base, 2, amendments(2, amendment("considerant A", "replace", extra)))
    assert part in only_problem(path).message


@pytest.mark.parametrize("target, action, extra, part", [
    ("considerant A", "delete", CONSIDERANT, "`text` has no use in a delete amendment"),
    ("considerant A", "replace-words", CONSIDERANT, "`text` belongs to a replace or insert"),
    ("considerant A", "replace-words", "replace: {fr: numéro, nl: nummer}\n",
     "'by' is missing"),
    ("title", "insert-after", CONSIDERANT, "the title is replaced, or words of it"),
    ("title", "replace", "text:\n  fr: relatif aux abeilles[^x]\n  nl: betreffende bijen[^x]\n",
     "footnote calls are not allowed in the title"),
])
def test_each_action_gives_its_own_fields(base, target, action, extra, part):
    notes = "x: {fr: Une note., nl: Een noot.}\n" if "[^x]" in extra else ""
    path = write(base, 2, amendments(2, amendment(target, action, extra), footnotes=notes))
    assert any(part in p.message for p in problems_of(path)), \
        [str(p) for p in problems_of(path)]


# --- replace-words -------------------------------------------------------------------------

def test_words_to_replace_that_do_not_occur_are_an_error_naming_the_language(base):
    body = amendment("considerant B", "replace-words", """\
        replace: {fr: numéro 2, nl: nummer twee}
        by: {fr: numéro 5, nl: nummer 5}
        """)
    path = write(base, 2, amendments(2, body))
    p = only_problem(path)
    assert p.message.startswith("the Dutch words 'nummer twee' do not occur in considerant B "
                                "of DOC 56 0700/001")
    assert "occur exactly once" in p.message
    assert p.pos.line == line_of(path, "replace:")


def test_words_to_replace_that_occur_twice_are_an_error_with_the_count(base):
    # `vu le document numéro 1`: two `o`; `gelet op het document nummer 1`: one `nummer`
    body = amendment("considerant A", "replace-words", """\
        replace: {fr: o, nl: nummer}
        by: {fr: O, nl: getal}
        """)
    path = write(base, 2, amendments(2, body))
    p = only_problem(path)
    assert p.message.startswith("the French words 'o' occur 2 times in considerant A of "
                                "DOC 56 0700/001")
    assert "quote more of the words around them" in p.message


def test_words_in_a_requests_lead_and_text_are_counted_together(base):
    # request 1: `demande au gouvernement fédéral` and `d’agir:`
    body = amendment("request 1", "replace-words", """\
        replace: {fr: "d", nl: verzoekt}
        by: {fr: "D", nl: vraagt}
        """)
    p = only_problem(write(base, 2, amendments(2, body)))
    assert p.message.startswith("the French words 'd' occur 4 times in request 1")


def test_words_to_replace_twice_in_both_languages_give_two_errors(base):
    body = amendment("considerant A", "replace-words", """\
        replace: {fr: "u", nl: "e"}
        by: {fr: "U", nl: "E"}
        """)
    found = problems_of(write(base, 2, amendments(2, body)))
    assert [p.message.split(" words")[0] for p in found] == ["the French", "the Dutch"]


# --- numbers through the dossier -------------------------------------------------------------

def three(first_target: str = "considerant A") -> str:
    return (amendment(first_target, "delete") + amendment("considerant B", "delete")
            + amendment("considerant C", "delete"))


def test_numbers_run_on_through_the_dossier(base):
    write(base, 2, amendments(2, three()))
    write(base, 3, adopted(3, [2], [1]))
    later = load_document(write(base, 4, amendments(4, three())))
    assert [a.number for a in later.amendments.amendments] == [4, 5, 6]
    assert [(e.subdocument, e.doctype) for e in later.history] == [
        (1, "resolution"), (2, "amendments"), (3, "adopted-text")]


def test_an_explicit_number_may_skip_and_the_next_follow_it(base):
    write(base, 2, amendments(2, three()))
    body = amendment("considerant A", "delete", "number: 10\n") + amendment("considerant B",
                                                                             "delete")
    doc = load_document(write(base, 4, amendments(4, body)))
    assert [a.number for a in doc.amendments.amendments] == [10, 11]


def test_a_number_taken_by_an_earlier_set_is_an_error(base):
    write(base, 2, amendments(2, three()))
    path = write(base, 4, amendments(4, amendment("considerant A", "delete", "number: 2\n")))
    p = only_problem(path)
    assert "amendment number 2 is already taken by an amendment of DOC 56 0700/002" in p.message
    assert "write 4" in p.message
    assert p.pos.line == line_of(path, "number: 2")


def test_a_number_going_backwards_in_a_set_is_an_error(base):
    body = (amendment("considerant A", "delete", "number: 7\n")
            + amendment("considerant B", "delete", "number: 5\n"))
    path = write(base, 2, amendments(2, body))
    p = only_problem(path)
    assert p.message.startswith("amendment number 5 goes backwards: the amendment before it "
                                "is number 7 (in this set)")
    assert p.pos.line == line_of(path, "number: 5")


def test_a_number_repeated_in_a_set_is_an_error(base):
    body = (amendment("considerant A", "delete", "number: 3\n")
            + amendment("considerant B", "delete", "number: 3\n"))
    path = write(base, 2, amendments(2, body))
    assert "already taken by an amendment of this set" in only_problem(path).message


# --- the dossier's files ------------------------------------------------------------------

def test_a_missing_base_is_an_error_where_it_is_named(tmp_path):
    path = write(tmp_path, 2, amendments(2, amendment("considerant A", "delete")))
    p = only_problem(path)
    assert p.pos.line == line_of(path, "base: 1") and p.pos.col == 9
    assert "the base DOC 56 0700/001 is not in the dossier" in p.message
    assert f"{tmp_path / name(1)} does not exist" in p.message


def test_a_missing_set_is_an_error_where_it_is_named(base):
    path = write(base, 3, adopted(3, [2], [1]))
    p = only_problem(path)
    assert p.pos.line == line_of(path, "amendments: [2]") and p.pos.col == 16
    assert "the set of amendments DOC 56 0700/002 is not in the dossier" in p.message
    assert str(base / name(2)) in p.message


@pytest.mark.parametrize("base_sub, part", [(2, "2 is this document itself"),
                                            (5, "5 is a later sub-document")])
def test_a_base_must_be_earlier(base, base_sub, part):
    path = write(base, 2, amendments(2, amendment("considerant A", "delete"), base=base_sub))
    p = only_problem(path)
    assert "the base must be an earlier sub-document than this one (DOC 56 0700/002)" \
        in p.message and part in p.message
    assert p.pos.line == line_of(path, "base:")


def test_a_file_named_like_an_earlier_sub_document_cannot_be_its_own_base(tmp_path):
    # 56K0700001.yaml holding /002 with base 1 would read itself as its base.
    path = write(tmp_path, 1, amendments(2, amendment("considerant A", "delete")))
    p = only_problem(path)
    assert "the file being read" in p.message and p.pos.line == line_of(path, "base:")


def test_an_earlier_file_holding_another_number_is_refused(tmp_path):
    write(tmp_path, 1, proposal().replace("subdocument: 1", "subdocument: 4"))
    path = write(tmp_path, 2, amendments(2, amendment("considerant A", "delete")))
    found = problems_of(path)
    assert any(p.pos.path == str(tmp_path / name(1)) and "holds DOC 56 0700/004" in p.message
               for p in found), [str(p) for p in found]
    assert any(p.pos.path == str(path) and "has errors" in p.message for p in found)


def test_errors_of_an_earlier_file_are_reported_under_its_name(tmp_path):
    broken = proposal().replace("    nl: betreffende de bescherming van de bijen\n", "")
    first = write(tmp_path, 1, broken)
    path = write(tmp_path, 2, amendments(2, amendment("considerant A", "delete")))
    found = problems_of(path)
    assert [p.pos.path for p in found] == [str(path), str(first)]  # this file's first
    assert "the base DOC 56 0700/001 has errors" in found[0].message
    assert found[1].pos.line == line_of(first, "title:") and "Dutch text is missing" in \
        found[1].message


def test_a_base_that_is_a_set_of_amendments_is_refused(base):
    write(base, 2, amendments(2, three()))
    path = write(base, 3, amendments(3, amendment("considerant A", "delete"), base=2))
    assert "is a set of amendments: name the text it amends" in only_problem(path).message


def test_a_set_may_amend_a_text_adopted_by_its_new_labels(base):
    body = amendment("considerant A", "insert-after", CONSIDERANT)
    write(base, 2, amendments(2, body))
    write(base, 3, adopted(3, [2], [1]))  # A, new B, old B → C, old C → D
    later = load_document(write(base, 4, amendments(4, amendment("considerant D", "delete"),
                                                    base=3)))
    assert later.amendments.amendments[0].number == 2
    assert later.amendments.amendments[0].target.label == "D"


def test_a_set_refuses_a_target_of_its_base_that_only_the_adopted_text_has(base):
    write(base, 2, amendments(2, amendment("considerant A", "insert-after", CONSIDERANT)))
    path = write(base, 3, amendments(3, amendment("considerant D", "delete")))
    assert "its considerants run A to C" in only_problem(path).message


def test_history_lists_every_earlier_sub_document_present_in_order(base):
    write(base, 3, amendments(3, three(), document="""\
  tabled_in: plenary
  authors:
    - {name: Jan Peeters, gender: m, party: N-VA}
"""))
    doc = load_document(write(base, 5, adopted(5, [3], [1])))
    assert [(e.subdocument, e.doctype, e.deposited.isoformat()) for e in doc.history] == [
        (1, "resolution", "2024-11-14"), (3, "amendments", "2024-12-04")]
    assert doc.history[0].stage is None
    assert doc.history[1].stage.body == "plenary" and doc.history[1].stage.committee is None
    assert [a.name for a in doc.history[1].authors] == ["Jan Peeters"]
    assert load_document(base / name(1)).history == ()


@pytest.mark.parametrize("document, part", [
    ("  tabled_in: committee\n  authors:\n    - {name: Marie Dupont, gender: f, party: PS}\n",
     "'committee' is missing"),
    ("  tabled_in: plenary\n  committee: {fr: commission X, nl: commissie X}\n"
     "  authors:\n    - {name: Marie Dupont, gender: f, party: PS}\n",
     "`committee` has no use with `tabled_in: plenary`"),
])
def test_a_committee_is_named_and_the_plenary_is_not(base, document, part):
    path = write(base, 2, amendments(2, three(), document=document))
    assert part in only_problem(path).message


def test_a_misspelt_type_reads_the_file_as_the_type_it_means(base):
    text = amendments(2, three()).replace("type: amendments", "type: amendment")
    found = problems_of(write(base, 2, text))
    assert len(found) == 1 and "did you mean 'amendments'?" in found[0].message


# --- sub-amendments ---------------------------------------------------------------------------

def test_a_sub_amendment_acts_on_the_amendment_it_amends(base):
    body = (amendment("considerant A", "insert-after", CONSIDERANT) + SUB_AMENDMENT
            + amendment("considerant B", "delete"))
    doc = load_document(write(base, 2, amendments(2, body)))
    sub = doc.amendments.amendments[1]
    assert (sub.number, sub.amends, sub.target.label, sub.new_label) == (2, 1, "A", "")
    assert (sub.old_words.fr.plain, sub.new_words.nl.plain) == ("meurent", "verdwijnen")
    assert doc.amendments.amendments[2].number == 3


@pytest.mark.parametrize("body, part", [
    ("- amends: 9\n  action: replace-words\n  replace: {fr: a, nl: b}\n  by: {fr: c, nl: d}\n",
     "amendment 9, which amendment 2 amends, is not among the amendments before it"),
    ("- amends: 1\n  target: considerant A\n  action: replace\n  text: {fr: vu X;, nl: gelet op X;}\n",
     "`target` has no use in a sub-amendment"),
    ("- amends: 1\n  action: delete\n", "a sub-amendment replaces the text"),
    ("- amends: 1\n  action: replace-words\n  replace: {fr: absent, nl: afwezig}\n"
     "  by: {fr: c, nl: d}\n", "do not occur in the text of amendment 1"),
])
def test_a_sub_amendment_must_amend_what_exists(base, body, part):
    body = amendment("considerant A", "insert-after", CONSIDERANT) + body + \
        "  justification:\n    - fr: Une raison.\n      nl: Een reden.\n"
    path = write(base, 2, amendments(2, body))
    assert any(part in p.message for p in problems_of(path)), \
        [str(p) for p in problems_of(path)]


# --- check ---------------------------------------------------------------------------------------

def test_check_finds_numbers_that_differ_in_an_amendment(base):
    body = amendment("considerant B", "replace", new_text(
        "vu le rapport du 3 mars 2023;", "gelet op het verslag van 4 maart 2023;"))
    path = write(base, 2, amendments(2, body))
    doc = load_document(path)
    found = [p for p in check_document(doc) if p.severity == "error"]
    assert len(found) == 1 and found[0].message.startswith("dates differ")
    assert found[0].pos == doc.amendments.amendments[0].text.pos
    assert found[0].pos.line == line_of(path, "text:")


def test_check_finds_numbers_that_differ_in_words_replaced_and_justifications(base):
    body = """\
- target: considerant C
  action: replace-words
  replace: {fr: numéro 3, nl: nummer 3}
  by: {fr: numéro 4, nl: nummer 5}
  justification:
    - fr: Depuis 2021.
      nl: Sinds 2022.
"""
    path = write(base, 2, amendments(2, body))
    found = [p for p in check_document(load_document(path)) if p.severity == "error"]
    assert sorted(p.pos.line for p in found) == [line_of(path, "by:"),
                                                  line_of(path, "- fr: Depuis")]


def test_check_warns_of_a_new_considerant_that_ends_unlike_one(base):
    body = amendment("considerant B", "insert-after", new_text(
        "considérant que les ruches meurent.", "overwegende dat de korven sterven."))
    found = check_document(load_document(write(base, 2, amendments(2, body))))
    assert [p.message for p in found] == [
        "amendment 1 (a considerant): the French text ends with `.`; a considerant ends "
        "with `;`",
        "amendment 1 (a considerant): the Dutch text ends with `.`; a considerant ends "
        "with `;`"]


def test_check_of_a_clean_set_finds_nothing(base):
    body = three() + amendment("request 2", "insert-after", REQUEST)
    assert check_document(load_document(write(base, 2, amendments(2, body)))) == []


def test_load_bytes_reads_the_dossier_from_the_folder_given(base):
    text = amendments(2, three()).encode("utf-8")
    doc = load_bytes(text, "elsewhere/set.yaml", folder=base)
    assert doc.history[0].subdocument == 1
    with pytest.raises(ContentError) as info:
        load_bytes(text, str(base / "nowhere" / "set.yaml"))
    assert "is not in the dossier" in info.value.problems[0].message


def test_the_example_dossier_checks_clean():
    result = subprocess.run([sys.executable, "-m", "render", "check", "content/56K0589001.yaml",
                             "content/56K0589002.yaml", "content/56K0589003.yaml"],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 files checked: 0 error(s), 0 warning(s)" in result.stderr
    doc = load_document(ROOT / "content" / "56K0589002.yaml")
    actions = {(a.target.kind, a.action) for a in doc.amendments.amendments}
    for kind in ("considerant", "request"):
        for action in ("replace", "replace-words", "insert-before", "insert-after", "delete"):
            assert (kind, action) in actions
    assert ("title", "replace") in actions
    assert any(a.text is not None and a.text.fr.note_ids for a in doc.amendments.amendments)
    assert {p.gender for a in doc.amendments.amendments for p in a.authors} == {"f", "m"}


# --- the build's dependencies and the JSON Schema ------------------------------------------------

def test_a_build_depends_on_the_earlier_files_it_reads(base):
    from render.build import dependencies
    from render.reads import ReadLog
    write(base, 2, amendments(2, three()))
    path = write(base, 3, adopted(3, [2], [1]))
    with ReadLog() as log:
        load_document(path)
    deps = dependencies(path, set(), ROOT / "templates", log.paths)
    assert {d.name for d in deps} == {name(1), name(2), name(3)}


def test_the_json_schema_accepts_the_example_dossier_and_refuses_mistakes():
    import jsonschema
    from ruamel.yaml import YAML

    from render.content.spec import json_schema

    def as_json(path):
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
        data["document"]["deposited"] = data["document"]["deposited"].isoformat()
        return data
    schema = json_schema()
    amended = as_json(ROOT / "content" / "56K0589002.yaml")
    adopted_text = as_json(ROOT / "content" / "56K0589003.yaml")
    jsonschema.validate(amended, schema)
    jsonschema.validate(adopted_text, schema)
    for mutate in (lambda d: d["amendments"][0].update(action="remove"),
                   lambda d: d["amendments"][1].update(target="considerant c"),
                   lambda d: d["document"].update(title={"fr": "a", "nl": "b"})):
        data = as_json(ROOT / "content" / "56K0589002.yaml")
        mutate(data)
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, schema)
    adopted_text["document"]["adopted"] = "all"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(adopted_text, schema)


def test_only_a_later_sub_document_may_leave_out_the_developments(tmp_path):
    text = proposal()
    start, end = text.index("developments:"), text.index("resolution:")
    without = text[:start] + text[end:]
    p = only_problem(write(tmp_path, 1, without))
    assert (p.pos.line, p.pos.col, p.message) == (1, 1, "'developments' is missing: add it")
    misspelt = text.replace("developments:", "developements:")
    p = only_problem(write(tmp_path, 1, misspelt))
    assert "did you mean 'developments'?" in p.message
    later = without.replace("subdocument: 1", "subdocument: 3")
    (tmp_path / "later").mkdir()
    doc = load_document(write(tmp_path / "later", 3, later))
    assert doc.developments == () and doc.history == ()   # no 001 in the folder: none listed
    # beside an invalid 001, a later resolution says so
    p = problems_of(write(tmp_path, 3, later))[0]
    assert "the earlier sub-document DOC 56 0700/001 has errors" in p.message
