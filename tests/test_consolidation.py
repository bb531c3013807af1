"""Texts adopted (`type: adopted-text`): the base with the amendments adopted
applied, re-lettered and renumbered, notes carried and renamed on a clash,
every conflict an error at its `adopted:` entry; `hemicycle adopt` writes it
out as a resolution that loads and checks clean."""
from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT
from dossier_files import (NEW_CONSIDERANT, NEW_REQUEST, SUB_AMENDMENT, adopted, amendment,
                           amendments, line_of, new_text, proposal, write)
from render.check.findings import counted, findings
from render.content.loader import load_document
from render.errors import ContentError
from render.model import iter_requests
from render.model.locale import considerant_label


def problems_of(path):
    with pytest.raises(ContentError) as info:
        load_document(path)
    return info.value.problems


def adopt(folder, body: str, numbers: list[int], base_text: str | None = None,
          footnotes: str = ""):
    write(folder, 1, base_text or proposal())
    write(folder, 2, amendments(2, body, footnotes=footnotes))
    return write(folder, 3, adopted(3, [2], numbers))


def considerants(doc):
    return [(c.label, c.text.fr.plain) for c in doc.resolution.considerants]


def requests(doc):
    return [(r.label, (r.text or r.lead).fr.plain) for r in iter_requests(doc.resolution.requests)]


NEW, REQ = NEW_CONSIDERANT, NEW_REQUEST
NEW2 = new_text("considérant que le miel manque;", "overwegende dat er honing ontbreekt;")


# --- applying ------------------------------------------------------------------------------

def test_inserts_and_deletes_are_re_lettered_and_renumbered(tmp_path):
    body = "".join([
        amendment("considerant A", "insert-before", NEW),        # 1
        amendment("considerant B", "delete"),                    # 2
        amendment("considerant B", "insert-after", NEW2),        # 3
        amendment("considerant C", "replace", new_text("vu le texte numéro 9;",
                                                       "gelet op de tekst nummer 9;")),  # 4
        amendment("request 1.1", "delete"),                      # 5
        amendment("request 1.2", "insert-after", REQ),           # 6
        amendment("request 2", "insert-before", REQ),            # 7 (not adopted)
        amendment("request 1", "replace-words", """\
            replace: {fr: demande, nl: verzoekt}
            by: {fr: prie, nl: vraagt}
            """),                                                # 8
    ])
    doc = load_document(adopt(tmp_path, body, [1, 2, 3, 4, 5, 6, 8]))
    assert considerants(doc) == [
        ("A", "considérant que les ruches meurent;"),
        ("B", "vu le document numéro 1;"),
        ("C", "considérant que le miel manque;"),
        ("D", "vu le texte numéro 9;"),
    ]
    assert requests(doc) == [
        ("1.", "d’agir:"),
        ("1.1.", "en soutenant les apiculteurs;"),
        ("1.2.", "d’en informer la Chambre;"),
        ("2.", "de rendre compte de son action."),
    ]
    first = doc.resolution.requests[0]
    assert (first.lead.fr.plain, first.lead.nl.plain) == ("prie au gouvernement fédéral",
                                                          "vraagt de federale regering")
    assert doc.meta.doctype == "adopted-text" and doc.developments == ()
    assert doc.adoption.base == 1 and doc.adoption.sets == (2,)
    assert doc.adoption.adopted == (1, 2, 3, 4, 5, 6, 8)
    assert doc.adoption.stage.body == "committee"
    assert doc.meta.title.fr.plain == "relative à la protection des abeilles"
    assert [a.name for a in doc.meta.authors] == ["Marie Dupont"]
    assert [(e.subdocument, e.doctype) for e in doc.history] == [(1, "resolution"),
                                                                  (2, "amendments")]


def test_several_inserts_at_one_place_keep_their_order(tmp_path):
    body = (amendment("considerant B", "insert-after", NEW)                # Bbis
            + amendment("considerant C", "insert-before", NEW2)            # Bter
            + amendment("considerant B", "insert-after",
                        new_text("vu X;", "gelet op X;")))                 # Bquater
    doc = load_document(adopt(tmp_path, body, [3, 2, 1]))
    assert [t for _, t in considerants(doc)] == [
        "vu le document numéro 1;", "vu le document numéro 2;",
        "considérant que les ruches meurent;", "vu X;", "considérant que le miel manque;",
        "vu le document numéro 3;"]
    assert [l for l, _ in considerants(doc)] == list("ABCDEF")


def test_nothing_adopted_leaves_the_base(tmp_path):
    doc = load_document(adopt(tmp_path, amendment("considerant A", "delete"), []))
    base = load_document(tmp_path / "56K0700001.yaml")
    assert considerants(doc) == considerants(base) and requests(doc) == requests(base)


def test_the_title_adopted(tmp_path):
    body = amendment("title", "replace-words", """\
        replace: {fr: protection, nl: bescherming}
        by: {fr: sauvegarde, nl: vrijwaring}
        """)
    doc = load_document(adopt(tmp_path, body, [1]))
    assert doc.meta.title.fr.plain == "relative à la sauvegarde des abeilles"
    assert doc.meta.title.nl.plain == "betreffende de vrijwaring van de bijen"


def test_words_replaced_twice_in_one_item_without_overlap(tmp_path):
    body = (amendment("considerant B", "replace-words", """\
                replace: {fr: vu le, nl: gelet op het}
                by: {fr: vu ce, nl: gelet op dit}
                """)
            + amendment("considerant B", "replace-words", """\
                replace: {fr: numéro 2, nl: nummer 2}
                by: {fr: numéro 7, nl: nummer 7}
                """))
    doc = load_document(adopt(tmp_path, body, [1, 2]))
    assert doc.resolution.considerants[1].text.fr.plain == "vu ce document numéro 7;"
    assert doc.resolution.considerants[1].text.nl.plain == "gelet op dit document nummer 7;"


def test_re_lettering_runs_past_z(tmp_path):
    assert [considerant_label(i) for i in (0, 25, 26, 27, 51, 52, 701, 702)] == \
        ["A", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
    base = proposal(considerants=26)
    body = amendment("considerant Z", "insert-after", NEW) + \
        amendment("considerant M", "delete") + \
        amendment("considerant A", "insert-before", NEW2)
    write(tmp_path, 1, base)
    assert load_document(tmp_path / "56K0700001.yaml").resolution.considerants[-1].label == "Z"
    doc = load_document(adopt(tmp_path, body, [1, 3], base_text=base))
    labels = [l for l, _ in considerants(doc)]
    assert labels == [considerant_label(i) for i in range(28)]
    assert labels[-3:] == ["Z", "AA", "AB"]
    assert considerants(doc)[0] == ("A", "considérant que le miel manque;")
    assert considerants(doc)[-1] == ("AB", "considérant que les ruches meurent;")
    assert considerants(doc)[-2] == ("AA", "vu le document numéro 26;")
    # one less, deleting M: exactly A … Z, AA
    doc = load_document(adopt(tmp_path, body, [1, 2, 3], base_text=base))
    assert [l for l, _ in considerants(doc)] == [considerant_label(i) for i in range(27)]
    assert considerants(doc)[-1][0] == "AA"


def test_a_set_amending_a_set_amends_the_amendment(tmp_path):
    body = amendment("considerant A", "insert-after", NEW) + SUB_AMENDMENT
    doc = load_document(adopt(tmp_path, body, [1, 2]))
    assert doc.resolution.considerants[1].text.fr.plain == "considérant que les ruches " \
                                                            "disparaissent;"
    doc = load_document(adopt(tmp_path, body, [1]))
    assert doc.resolution.considerants[1].text.nl.plain == "overwegende dat de korven sterven;"


def test_sets_of_the_dossier_numbered_on_are_drawn_on_together(tmp_path):
    write(tmp_path, 1, proposal())
    write(tmp_path, 2, amendments(2, amendment("considerant A", "delete")))
    write(tmp_path, 3, amendments(3, amendment("considerant B", "delete")
                                  + amendment("request 2", "insert-after", REQ)))
    doc = load_document(write(tmp_path, 4, adopted(4, [2, 3], [1, 3])))
    assert [t for _, t in considerants(doc)] == ["vu le document numéro 2;",
                                                 "vu le document numéro 3;"]
    assert requests(doc)[-1] == ("3.", "d’en informer la Chambre;")
    assert doc.adoption.sets == (2, 3)


# --- footnotes -----------------------------------------------------------------------------

def test_notes_still_called_are_kept_and_those_of_amendments_added(tmp_path):
    body = amendment("considerant C", "replace", new_text("vu le texte[^m1];",
                                                          "gelet op de tekst[^m1];"))
    notes = "m1: {fr: Une note de l’amendement., nl: Een noot van het amendement.}\n"
    doc = load_document(adopt(tmp_path, body, [1], footnotes=notes))
    assert [(n.id, n.number) for n in doc.notes_in_order()] == [("n1", 1), ("m1", 2)]
    assert doc.footnotes["m1"].text.fr.plain == "Une note de l’amendement."


def test_a_note_no_longer_called_is_dropped(tmp_path):
    doc = load_document(adopt(tmp_path, amendment("considerant A", "delete"), [1]))
    assert doc.footnotes == {}


def test_a_set_note_whose_id_the_base_uses_for_another_note_is_renamed(tmp_path):
    body = amendment("considerant C", "replace", new_text("vu le texte[^n1];",
                                                          "gelet op de tekst[^n1];"))
    notes = "n1: {fr: Une autre note., nl: Een andere noot.}\n"
    doc = load_document(adopt(tmp_path, body, [1], footnotes=notes))
    assert doc.footnotes["n1"].text.fr.plain == "Une note de la proposition."
    assert doc.footnotes["n1-002"].text.fr.plain == "Une autre note."
    c = doc.resolution.considerants[2].text
    assert c.fr.note_ids == ["n1-002"] and c.fr.source == "vu le texte[^n1-002];"
    assert [n.id for n in doc.notes_in_order()] == ["n1", "n1-002"]


def test_a_set_note_identical_to_the_bases_is_the_same_note(tmp_path):
    body = amendment("considerant C", "replace", new_text("vu le texte[^n1];",
                                                          "gelet op de tekst[^n1];"))
    notes = "n1: {fr: Une note de la proposition., nl: Een voetnoot van het voorstel.}\n"
    doc = load_document(adopt(tmp_path, body, [1], footnotes=notes))
    assert list(doc.footnotes) == ["n1"]


# --- conflicts -------------------------------------------------------------------------------

def only_problem(path):
    found = problems_of(path)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def at_entry(path, p, number):
    """The problem stands at the entry `number` of `adopted: [...]`."""
    line = line_of(path, "adopted:")
    text = path.read_text(encoding="utf-8").splitlines()[line - 1]
    col = text.index("[") + 2
    for item in text[text.index("[") + 1:text.index("]")].split(","):
        if item.strip() == str(number):
            break
        col += len(item) + 1
    col += len(item) - len(item.lstrip())
    return (p.pos.path, p.pos.line, p.pos.col) == (str(path), line, col)


def test_an_adopted_number_no_set_holds(tmp_path):
    path = adopt(tmp_path, amendment("considerant A", "delete"), [1, 4])
    p = only_problem(path)
    assert p.message.startswith("no set drawn on holds amendment 4 (DOC 56 0700/002: "
                                "amendments 1)")
    assert at_entry(path, p, 4)


def test_an_adopted_number_given_twice(tmp_path):
    path = adopt(tmp_path, amendment("considerant A", "delete"), [1, 1])
    assert "amendment 1 is adopted twice" in only_problem(path).message


def test_two_amendments_replacing_the_same_words(tmp_path):
    words = """\
        replace: {fr: numéro 2, nl: nummer 2}
        by: {fr: numéro 5, nl: nummer 5}
        """
    body = amendment("considerant B", "replace-words", words) + amendment(
        "considerant B", "replace-words", words.replace("5", "6"))
    path = adopt(tmp_path, body, [1, 2])
    p = only_problem(path)
    assert p.message == ("amendments 1 and 2 both replace the words 'numéro 2' of considerant "
                         "B: adopt one of them")
    assert at_entry(path, p, 2)


def test_overlapping_words_conflict(tmp_path):
    body = amendment("considerant B", "replace-words", """\
        replace: {fr: document numéro, nl: document nummer}
        by: {fr: texte numéro, nl: tekst nummer}
        """) + amendment("considerant B", "replace-words", """\
        replace: {fr: numéro 2, nl: nummer 2}
        by: {fr: numéro 5, nl: nummer 5}
        """)
    assert "both replace the words" in only_problem(adopt(tmp_path, body, [1, 2])).message


def test_an_amendment_to_an_item_an_earlier_one_deleted(tmp_path):
    body = amendment("considerant B", "delete") + amendment("considerant B", "replace", NEW)
    path = adopt(tmp_path, body, [1, 2])
    p = only_problem(path)
    assert p.message == ("amendment 2 replaces considerant B, but amendment 1, adopted, "
                         "deletes considerant B: adopt one of them")
    assert at_entry(path, p, 2)


def test_an_amendment_within_a_deleted_request(tmp_path):
    body = amendment("request 1", "delete") + amendment("request 1.2", "replace", REQ) + \
        amendment("request 1.1", "insert-after", REQ)
    found = problems_of(adopt(tmp_path, body, [1, 2, 3]))
    assert [p.message for p in found] == [
        "amendment 2 replaces request 1.2, but amendment 1, adopted, deletes request 1, and "
        "with it request 1.2: adopt one of them",
        "amendment 3 inserts a request beside request 1.1, within request 1, which amendment "
        "1, adopted, deletes: adopt one of them"]


def test_a_delete_of_an_item_an_earlier_one_changes(tmp_path):
    body = amendment("considerant B", "replace", NEW) + amendment("considerant B", "delete")
    p = only_problem(adopt(tmp_path, body, [1, 2]))
    assert p.message == ("amendment 2 deletes considerant B, which amendment 1, adopted, "
                         "changes: adopt one of them")


def test_two_replacements_of_one_item(tmp_path):
    body = amendment("request 2", "replace", REQ) + amendment("request 2", "replace", REQ)
    p = only_problem(adopt(tmp_path, body, [1, 2]))
    assert p.message == "amendments 1 and 2 both replace request 2: adopt one of them"


def test_words_of_an_item_an_earlier_one_replaces(tmp_path):
    body = amendment("considerant B", "replace", NEW) + amendment(
        "considerant B", "replace-words", """\
        replace: {fr: numéro 2, nl: nummer 2}
        by: {fr: numéro 5, nl: nummer 5}
        """)
    assert "which amendment 1, adopted, replaces whole" in \
        only_problem(adopt(tmp_path, body, [1, 2])).message


def test_a_sub_amendment_adopted_without_its_amendment(tmp_path):
    body = amendment("considerant A", "insert-after", NEW) + """\
- amends: 1
  action: replace
  text: {fr: considérant X;, nl: overwegende X;}
  justification:
    - {fr: Plus juste., nl: Juister.}
"""
    path = adopt(tmp_path, body, [2])
    p = only_problem(path)
    assert p.message == ("amendment 2 amends amendment 1, which is not adopted: adopt 1 too, "
                         "or not 2")
    assert at_entry(path, p, 2)


def test_no_request_left(tmp_path):
    body = amendment("request 1", "delete") + amendment("request 2", "delete")
    p = only_problem(adopt(tmp_path, body, [1, 2]))
    assert p.message == "with amendment 2, no request is left: a resolution needs at least one"


def test_every_conflict_is_reported_at_once(tmp_path):
    body = amendment("considerant B", "delete") + amendment("considerant B", "replace", NEW) \
        + amendment("request 2", "replace", REQ) + amendment("request 2", "replace", REQ)
    assert len(problems_of(adopt(tmp_path, body, [1, 2, 3, 4, 9]))) == 3


def test_a_set_of_another_base_or_not_a_set_is_refused(tmp_path):
    write(tmp_path, 1, proposal())
    write(tmp_path, 2, amendments(2, amendment("considerant A", "delete")))
    write(tmp_path, 3, adopted(3, [2], [1]))
    write(tmp_path, 4, amendments(4, amendment("considerant A", "delete"), base=3))
    path = write(tmp_path, 5, adopted(5, [3, 4], [2]))
    found = problems_of(path)
    assert [p.message for p in found] == [
        "DOC 56 0700/003 is a text adopted, not a set of amendments",
        "the amendments of DOC 56 0700/004 amend DOC 56 0700/003, not this text's base "
        "DOC 56 0700/001"]


# --- the example dossier, and `hemicycle adopt` ------------------------------------------------

def test_the_example_text_adopted():
    doc = load_document(ROOT / "content" / "56K0589003.yaml")
    assert [l for l, _ in considerants(doc)] == list("ABCDEFGHIJKLMNOPQR")
    assert doc.resolution.considerants[5].text.fr.plain.startswith(
        "vu le Pacte international relatif aux droits civils")
    assert doc.resolution.considerants[13].text.nl.plain.startswith(
        "overwegende dat meer dan 100.000 Armeniërs")
    assert [n.id for n in doc.notes_in_order()] == ["unhcr-response-plan"]
    assert requests(doc)[5] == ("4.2.", "d’étendre, d’ici la fin de l’année 2025, les services "
                                        "de l’ambassade de Belgique à Erevan à des services "
                                        "consulaires;")
    assert counted(findings(doc)) == []


def hemicycle(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "render", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, timeout=120)


def test_adopt_writes_a_resolution_that_loads_and_checks_clean(tmp_path):
    body = amendment("considerant A", "insert-before", NEW) + amendment(
        "considerant C", "delete") + amendment("considerant B", "replace", new_text(
            "vu le texte[^n1];", "gelet op de tekst[^n1];"))
    notes = "n1: {fr: Une autre note., nl: Een andere noot.}\n"
    source = adopt(tmp_path, body, [1, 2, 3], footnotes=notes)
    out = tmp_path / "out" / "adopted.yaml"
    result = hemicycle("adopt", source, "-o", out)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "type: resolution" in text and "developments:" not in text
    assert "[^n1-002]" in text
    written = load_document(out)
    expected = load_document(source)
    assert written.meta.doctype == "resolution" and written.meta.subdocument == 3
    assert considerants(written) == considerants(expected) == [
        ("A", "considérant que les ruches meurent;"), ("B", "vu le document numéro 1;"),
        ("C", "vu le texte;")]
    assert requests(written) == requests(expected)
    assert [(n.id, n.text.fr.plain) for n in written.notes_in_order()] == [
        ("n1", "Une note de la proposition."), ("n1-002", "Une autre note.")]
    checked = hemicycle("check", "--strict", out)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    # never over an existing file without --force
    again = hemicycle("adopt", source, "-o", out)
    assert again.returncode == 2 and "already exists" in again.stderr
    assert out.read_text(encoding="utf-8") == text
    assert hemicycle("adopt", source, "-o", out, "--force").returncode == 0


def test_adopt_without_output_writes_to_standard_output(tmp_path):
    source = adopt(tmp_path, amendment("considerant A", "delete"), [1])
    result = hemicycle("adopt", source)
    assert result.returncode == 0
    assert result.stdout.splitlines()[3:5] == ["document:", "  type: resolution"]
    assert "vu le document numéro 1;" not in result.stdout


def test_adopt_refuses_what_is_not_a_text_adopted(tmp_path):
    write(tmp_path, 1, proposal())
    path = write(tmp_path, 2, amendments(2, amendment("considerant A", "delete")))
    result = hemicycle("adopt", path)
    assert result.returncode == 2 and "not a text adopted" in result.stderr
    broken = write(tmp_path, 3, adopted(3, [2], [7]))
    result = hemicycle("adopt", broken)
    assert result.returncode == 2 and "no set drawn on holds amendment 7" in result.stderr
    assert "Traceback" not in result.stderr
