"""Hostile content that once gave a traceback, a hang or a silently wrong value
now gets positioned errors: deep nesting, characters no output can hold,
YAML 1.1 and tags, ids with a line break, old line ends, invisible texts,
paths that are not files, and content quoted in messages.

(Cases with a single error live in tests/bad/; these are the ones that need
several errors, a loop or a special file.)"""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from conftest import MINIMAL, ROOT
from render.content.loader import load_bytes, load_document
from render.errors import ContentError, Problem
from render.model import Pos

MINIMAL_TEXT = MINIMAL.read_text(encoding="utf-8")


def edit(old: str, new: str) -> str:
    assert MINIMAL_TEXT.count(old) == 1, f"{old!r} must occur once in minimal.yaml"
    return MINIMAL_TEXT.replace(old, new)


def problems_of(text: str | bytes) -> list[Problem]:
    data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
    with pytest.raises(ContentError) as info:
        load_bytes(data, "doc.yaml")
    return info.value.problems


def messages(text: str | bytes) -> list[str]:
    return [f"{p.pos.line}:{p.pos.col}: {p.message}" for p in problems_of(text)]


# --- nesting ---------------------------------------------------------------

DEEP = {
    "flow lists": "a: " + "[" * 500 + "\n",
    "flow mappings": "a: " + "{a: " * 500 + "\n",
    "block lists": "a:\n" + "- " * 600 + "x\n",
    "block mappings": "".join(" " * i + f"k{i}:\n" for i in range(600)) + " " * 600 + "x\n",
    "lists of mappings": "".join(" " * (2 * i) + "- k:\n" for i in range(400)),
    "deep inside a valid file": edit("  lead: fr", "  lead: " + "[" * 5000 + "]" * 5000),
}


@pytest.mark.parametrize("text", DEEP.values(), ids=DEEP.keys())
def test_deep_nesting_is_one_positioned_error_not_a_recursion_error(text):
    problems = problems_of(text)
    assert len(problems) == 1, problems
    assert "nesting deeper than 64 levels; content files need at most 12" in problems[0].message
    assert problems[0].pos.line >= 1 and problems[0].pos.col > 1


def test_nesting_is_refused_even_with_little_stack_left():
    def deep_call(levels: int):
        if levels:
            return deep_call(levels - 1)
        return problems_of(DEEP["flow lists"])
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(400)
    try:
        assert "nesting deeper" in deep_call(250)[0].message
    finally:
        sys.setrecursionlimit(limit)


def test_the_message_says_how_deep_content_goes():
    """A file with requests nested as deep as allowed loads, and goes exactly
    as deep as the message says content files need."""
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    from render.content.schema import Context
    from render.content.yamltree import DEEPEST_CONTENT, compose
    text = edit("                fr: dès 2026;\n                nl: vanaf 2026;\n",
                "                fr: dès 2026;\n                nl: vanaf 2026;\n"
                "              requests:\n                - text: {fr: a;, nl: a;}\n")
    assert load_bytes(text.encode(), "doc.yaml").resolution.requests[0].children[0] \
        .children[0].children[0].label
    deepest, stack = 0, [(compose(text, Context("doc.yaml")), 1)]
    while stack:
        node, depth = stack.pop()
        deepest = max(deepest, depth)
        if isinstance(node, MappingNode):
            stack += [(n, depth + 1) for pair in node.value for n in pair]
        elif isinstance(node, SequenceNode):
            stack += [(n, depth + 1) for n in node.value]
    assert deepest == DEEPEST_CONTENT


# --- characters no output can hold -----------------------------------------

UNPRINTABLE = {"\\ud800": "the lone surrogate U+D800", "\\udfff": "the lone surrogate U+DFFF",
               "\\ufffe": "the non-character U+FFFE", "\\uffff": "the non-character U+FFFF",
               "\\ufdd0": "the non-character U+FDD0", "\\ufdef": "the non-character U+FDEF",
               "\\U0001fffe": "the non-character U+1FFFE",
               "\\U0010ffff": "the non-character U+10FFFF",
               "\\x07": "the control character U+0007", "\\x1b": "the control character U+001B",
               "\\x7f": "the control character U+007F", "\\u0085": "the control character U+0085",
               "\\x9f": "the control character U+009F", "\\r": "the control character U+000D",
               "\\0": "the control character U+0000"}
# (what is replaced, by what, with {} for the escape; line, column)
PLACES = {
    "text": ("      fr: Les pesticides", '      fr: "Les {} pesticides"', 33, 11),
    "title": ("    nl: betreffende de bescherming van de bijen",
              '    nl: "betreffende{} de bescherming van de bijen"', 11, 9),
    "name": ("    - name: Marie Dupont", '    - name: "Marie{} Dupont"', 13, 13),
    "party": ("      party: N-VA", '      party: "N-VA{}"', 18, 14),
    "footnote id": ("  fao:\n", '  "fao{}":\n', 70, 3),
    "key": ("  lead: fr", '  "lead{}": fr', 8, 3),
    "language key": ("      nl: De pesticiden", '      "nl{}": De pesticiden', 34, 7),
    "enum value": ("      gender: f", '      gender: "f{}"', 14, 15),
}


@pytest.mark.parametrize("escape", UNPRINTABLE, ids=UNPRINTABLE.values())
@pytest.mark.parametrize("place", PLACES)
def test_a_character_no_output_can_hold_is_named_where_it_is(place, escape):
    old, new, line, col = PLACES[place]
    problems = problems_of(edit(old, new.format(escape)))
    # Read on as if the character were removed: nothing else is wrong.
    assert len(problems) == 1, [str(p) for p in problems]
    (problem,) = problems
    assert (problem.pos.line, problem.pos.col) == (line, col), str(problem)
    assert problem.message.startswith(UNPRINTABLE[escape] + " cannot be printed")
    assert "remove it" in problem.message


def test_every_unprintable_character_of_a_file_is_reported_at_once():
    text = edit("      fr: Les pesticides", '      fr: "Les \\ud800 pesticides"')
    text = text.replace("    - name: Marie Dupont", '    - name: "Marie\\ufffe Dupont"')
    text = text.replace("  legislature: 56", "  legislature: 5x")
    assert [m.split(":")[:2] for m in messages(text)] == [["4", "16"], ["13", "13"], ["33", "11"]]


@pytest.mark.parametrize("escape,plain", [("\\t", "a\tb"), ("\\n", "a b"), ("\\r\\n", "a b"),
                                          ("\\u00a0", "a\u00a0b"), ("\\u2028", "a\u2028b")])
def test_tab_line_break_and_no_break_space_stay_allowed_in_text(escape, plain):
    doc = load_bytes(edit("      fr: Les pesticides", f'      fr: "a{escape}b"').encode(), "doc.yaml")
    assert doc.developments[2].text.fr.plain == plain


def test_raw_line_separators_do_not_shift_positions():
    text = edit("  lead: fr", "  lead: fr # \u2028 \u2029 \x85")
    text = text.replace("  legislature: 56", "  legislature: 5\u2028x")
    text = text.replace("      nl: De pesticiden", "      nld: De pesticiden")
    assert [m.split(":")[:2] for m in messages(text)] == [["4", "16"], ["34", "7"]]


# --- booleans, YAML 1.1 and tags ---------------------------------------------

@pytest.mark.parametrize("written", ["yes", "no", "on", "off", "y", "True", "FALSE", "'true'",
                                     '"false"', "1", "0", "~", "[true]", "true false"])
def test_and_others_takes_only_true_or_false_as_written(written):
    found = messages(edit("  and_others: true", f"  and_others: {written}"))
    at = "19:3" if written == "~" else "19:15"  # nothing is shown at its key
    assert len(found) == 1 and found[0].startswith(f"{at}: expected true or false"), found


@pytest.mark.parametrize("written,value", [("true", True), ("false", False),
                                           ("false # none", False)])
def test_and_others_true_and_false(written, value):
    doc = load_bytes(edit("  and_others: true", f"  and_others: {written}").encode(), "doc.yaml")
    assert doc.meta.and_others is value


@pytest.mark.parametrize("version", ["1.1", "1.0", "1.3", "2.0", "1.2.3", "x", "", "1.02"])
def test_a_yaml_directive_other_than_1_2_is_refused(version):
    text = f"# a comment first\n%YAML {version}\n---\n" + MINIMAL_TEXT
    assert messages(text) == [("2:1: content files are YAML 1.2, where only true and false "
                               "are booleans; remove the %YAML line")]


def test_yaml_1_2_directive_is_accepted():
    doc = load_bytes(("%YAML 1.2\n---\n" + MINIMAL_TEXT).encode(), "doc.yaml")
    assert doc.meta.and_others is True


# (what is replaced, by what; line, column, the tag as the message shows it)
TAGGED = {
    "!!bool on text": ("  and_others: true", '  and_others: !!bool "oui"', 19, 15, "!!bool"),
    "!!str on number": ("  number: 612", "  number: !!str 612", 5, 11, "!!str"),
    "!!float on number": ("  number: 612", "  number: !!float 612", 5, 11, "!!float"),
    "!!int on text": ("      fr: Les pesticides", '      fr: !!int "12"', 33, 11, "!!int"),
    "!!timestamp on date": ("  deposited: 2024-11-14", "  deposited: !!timestamp 2024-11-14",
                            7, 14, "!!timestamp"),
    "!!binary": ("      fr: Les pesticides", "      fr: !!binary TGVz", 33, 11, "!!binary"),
    "!!python/object": ("  title:\n", "  title: !!python/object:os.system\n", 9, 10,
                        "!!python/object:os.system"),
    "local tag": ("  lead: fr", "  lead: !lang fr", 8, 9, "!lang"),
    "verbatim tag": ("  lead: fr", "  lead: !<tag:yaml.org,2002:str> fr", 8, 9,
                     "!<tag:yaml.org,2002:str>"),
    "non-specific tag": ("  lead: fr", "  lead: ! fr", 8, 9, "!"),
    "!!set on a list": ("  authors:\n", "  authors: !!set\n", 12, 12, "!!set"),
    "!!map on a key": ("  lead: fr", "  !!str lead: fr", 8, 3, "!!str"),
}


@pytest.mark.parametrize("case", TAGGED.values(), ids=TAGGED.keys())
def test_tags_are_refused_where_they_are(case):
    old, new, line, col, tag = case
    found = messages(edit(old, new))
    assert f"{line}:{col}: YAML tags are not used in content: remove {tag!r}" in found, found


def test_a_tag_is_read_as_absent_so_the_value_keeps_its_meaning():
    # One error, the tag's: the value is then read as written (612, true).
    assert len(messages(edit("  number: 612", "  number: !!str 612"))) == 1
    assert len(messages(edit("  and_others: true", "  and_others: !!str true"))) == 1


# --- ids -------------------------------------------------------------------

@pytest.mark.parametrize("written,shown", [('"fao\\n"', r"'fao\n'"), ('"fao\\r\\n"', r"'fao\r\n'"),
                                           ('"fao "', "'fao '"), ("fao\u0663", "'fao٣'"),
                                           ('"\\nfao"', r"'\nfao'"), ('"fao\\t"', r"'fao\t'")])
def test_a_footnote_id_must_be_letters_digits_dash_underscore_only(written, shown):
    problems = problems_of(edit("  fao:\n", f"  {written}:\n"))
    assert any(p.pos.line == 70 and "is not a valid id" in p.message for p in problems)
    if shown:
        assert any(p.message.startswith(f"{shown} is not a valid id") for p in problems)


# --- line ends -------------------------------------------------------------

def with_line_ends(text: str, *ends: str) -> bytes:
    lines = text.split("\n")
    return ("".join(line + ends[i % len(ends)] for i, line in enumerate(lines[:-1]))
            + lines[-1]).encode("utf-8")


MISTAKES_FAR_DOWN = edit("      fr: Les néonicotinoïdes", "      fra: Les néonicotinoïdes").replace(
    "    - fr: vu le rapport", "    - fr: vu le \x07rapport")


# (A CR line end is never followed by an LF one: together they are one line end.)
@pytest.mark.parametrize("ends", [("\r",), ("\r\n",), ("\r\n", "\r"), ("\r\n", "\n", "\r")],
                         ids=["CR", "CRLF", "CRLF and CR", "all three"])
def test_positions_count_lines_as_editors_do_whatever_the_line_ends(ends):
    fra = MINIMAL_TEXT.replace("      fr: Les néonicotinoïdes", "      fra: Les néonicotinoïdes")
    assert messages(with_line_ends(fra, *ends))[0].startswith("36:7: unknown language key 'fra'")
    raw_control = MINIMAL_TEXT.replace("    - fr: vu le rapport", "    - fr: vu le \x07rapport")
    assert messages(with_line_ends(raw_control, *ends))[0].startswith("46:17: the character U+0007")
    latin1 = MINIMAL_TEXT.encode("cp1252").decode("latin-1")
    assert messages(with_line_ends(latin1, *ends).decode("utf-8").encode("latin-1"))[0] \
        .startswith("10:18: the file is not UTF-8")


def test_a_file_loads_the_same_with_any_line_ends():
    base = load_bytes(MINIMAL_TEXT.encode(), "doc.yaml")
    for ends in [("\r",), ("\r\n",), ("\r\n", "\n", "\r")]:
        doc = load_bytes(with_line_ends(MINIMAL_TEXT, *ends), "doc.yaml")
        assert doc.developments == base.developments and doc.meta == base.meta


# --- invisible texts ---------------------------------------------------------

INVISIBLE = ["\\u200b", "\\u200c\\u200d", "\\u2060", "\\ufeff", "\\u00ad", "\\u00a0",
             "\\u202f \\u2009", "\\u3000", "\\u200e\\u202e", "\\u3164", "\\u2800", "\\u0301",
             "\\u180e", "\\U000e0020", "\\u2028"]


@pytest.mark.parametrize("escape", INVISIBLE)
@pytest.mark.parametrize("field,old,line,col,what", [
    ("text", "      fr: Les pesticides", 33, 11, "the French text is empty"),
    ("title", "    nl: betreffende de bescherming van de bijen", 11, 9, "the Dutch text is empty"),
    ("name", "    - name: Marie Dupont", 13, 13, "the text is empty"),
])
def test_a_text_showing_nothing_counts_as_empty(field, old, line, col, what, escape):
    key = old.split(":")[0]
    found = messages(edit(old, f'{key}: "{escape}"'))
    assert f"{line}:{col}: {what}" in [m.split(": it holds")[0] for m in found], found


def test_a_text_with_one_visible_character_is_kept():
    doc = load_bytes(edit("      fr: Les pesticides", '      fr: "\\u200bx\\u200b"').encode(),
                     "doc.yaml")
    assert doc.developments[2].text.fr.plain == "\u200bx\u200b"


# --- what is not a regular file --------------------------------------------

def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path):
    fifo = tmp_path / "doc.yaml"
    os.mkfifo(fifo)
    # In a child process, so that a hang fails the test instead of the run.
    program = ("import sys\nfrom render.content.loader import load_document\n"
               "from render.errors import ContentError\n"
               "try:\n    load_document(sys.argv[1])\nexcept ContentError as e:\n    print(e)\n")
    result = subprocess.run([sys.executable, "-c", program, str(fifo)], capture_output=True,
                            text=True, timeout=20, cwd=ROOT, check=False)
    assert result.stdout.strip() == (f"{fifo}:1:1: error: a named pipe is not a regular file: "
                                     "give the path of a content file (.yaml)"), result.stderr


@pytest.mark.parametrize("path,kind", [("/dev/zero", "a character device"),
                                       ("/dev/null", "a character device")])
def test_a_device_is_refused(path, kind):
    if not os.path.exists(path):
        pytest.skip(f"no {path} here")
    with pytest.raises(ContentError) as info:
        load_document(path)
    assert str(info.value) == (f"{path}:1:1: error: {kind} is not a regular file: give the "
                               "path of a content file (.yaml)")


def test_a_directory_is_refused(tmp_path):
    with pytest.raises(ContentError) as info:
        load_document(tmp_path)
    assert "a directory is not a regular file" in str(info.value)


def test_a_huge_file_is_refused_without_reading_it(tmp_path):
    huge = tmp_path / "huge.yaml"
    with open(huge, "wb") as f:
        f.truncate(17 * 1024 * 1024)  # sparse: no memory, no disk
    start = time.monotonic()
    with pytest.raises(ContentError) as info:
        load_document(huge)
    assert time.monotonic() - start < 1
    assert str(info.value) == f"{huge}:1:1: error: the file is larger than 16 MB; split the document"


def test_a_file_is_read_no_further_than_the_limit(monkeypatch):
    """A file whose size the system does not tell (as in /proc), or that grows
    while read, is read no further than one byte past the limit."""
    from pathlib import Path

    from render.content import source
    unsized = Path("/proc/self/status")
    if not unsized.exists() or unsized.stat().st_size:
        pytest.skip("no file of unknown size here")
    monkeypatch.setattr(source, "MAX_FILE_BYTES", 10)
    assert len(source.read_source(unsized)) == 11
    with pytest.raises(ContentError) as info:
        load_document(unsized)
    assert "larger than" in str(info.value)


def test_a_missing_file_is_one_positioned_error(tmp_path):
    with pytest.raises(ContentError) as info:
        load_document(tmp_path / "nothing.yaml")
    assert str(info.value) == (f"{tmp_path / 'nothing.yaml'}:1:1: error: cannot read the file: "
                               "No such file or directory")


# --- content quoted in messages ----------------------------------------------

HIDDEN = {"escape sequence": "\\x1b[2J", "newline": "a\\nb", "bidi override": "\\u202eab",
          "carriage return": "a\\rb", "tab": "a\\tb", "zero-width space": "a\\u200bb",
          "line separator": "a\\u2028b", "no-break space": "a\\u00a0b"}


@pytest.mark.parametrize("escape", HIDDEN.values(), ids=HIDDEN.keys())
@pytest.mark.parametrize("old,new", [
    ("  lead: fr", '  lead: fr\n  "{}": x'),                       # unknown key
    ("      nl: De pesticiden", '      nl: De pesticiden\n      "{}": x'),  # language key
    ("      party: PS", '      party: "{}"'),                      # not a group
    ("      gender: f", '      gender: "{}"'),                     # enum value
    ("  - heading:", '  - "{}":'),                                 # block
    ("  fao:\n", '  "{}":\n'),                                     # footnote id
    ("  legislature: 56", '  legislature: "{}"'),                  # number
    ("  deposited: 2024-11-14", '  deposited: "2024-11-14{}"'),    # date
])
def test_content_quoted_in_a_message_is_shown_escaped(old, new, escape):
    for problem in problems_of(edit(old, new.format(escape))):
        line = str(problem)
        assert "\n" not in line and "\x1b" not in line and "\r" not in line, line
        assert "\u202e" not in line and "\u200b" not in line and "\u2028" not in line, line
        line.encode("utf-8", "strict")
        assert str(problem.as_dict()["message"]).encode("utf-8", "strict")


@pytest.mark.parametrize("name", ["caf\udce9.yaml", "two\nlines.yaml", "esc\x1b[2J.yaml",
                                  "bidi\u202elmth.yaml", "tab\there.yaml"])
def test_a_problem_from_any_file_name_is_one_printable_utf8_line(name):
    problem = Problem(Pos(name, 3, 4), "something is wrong with 'x\ny'")
    for text in (str(problem), problem.as_dict()["path"], problem.as_dict()["message"]):
        assert "\n" not in text and "\x1b" not in text and "\t" not in text
        assert "\u202e" not in text
        text.encode("utf-8", "strict")
    assert str(problem).endswith(":3:4: error: something is wrong with 'x\\ny'")


def test_a_file_name_that_is_not_utf8_is_shown_by_its_bytes(tmp_path):
    name = os.fsdecode(b"caf\xe9.yaml")
    path = tmp_path / name
    try:
        path.write_bytes(b"- not a mapping\n")
    except (OSError, UnicodeEncodeError):
        pytest.skip("this file system refuses such names")
    with pytest.raises(ContentError) as info:
        load_document(path)
    line = str(info.value)
    assert "caf\\xe9.yaml:1:1: error: a content file is a mapping" in line
    line.encode("utf-8", "strict")


def test_a_plain_name_is_shown_as_it_is():
    problem = Problem(Pos("contenu/résolution été.yaml", 1, 1), "l’abeille\u00a0: «\u202fx\u202f»")
    assert str(problem) == "contenu/résolution été.yaml:1:1: error: l’abeille\u00a0: «\u202fx\u202f»"


def test_long_content_is_cut_in_messages():
    found = messages(edit("  lead: fr", "  lead: " + "x" * 10_000))
    assert len(found) == 1 and len(found[0]) < 200, found


# --- other hostile values -----------------------------------------------------

HOSTILE_VALUES = {
    "huge number": ("  number: 612", "  number: " + "9" * 5000, "5:11: '9999"),
    "huge negative number": ("  number: 612", "  number: -" + "9" * 5000, "5:11: '-999"),
    "number with leading zeros": ("  number: 612", "  number: " + "0" * 5000 + "612", None),
    "infinity": ("  number: 612", "  number: .inf", "5:11: expected a whole number"),
    "not a number": ("  subdocument: 1", "  subdocument: .nan", "6:16: expected a whole number"),
    "hexadecimal": ("  number: 612", "  number: 0x264", "5:11: expected a whole number in decimal"),
    "octal": ("  number: 612", "  number: 0o1144", "5:11: expected a whole number in decimal"),
    "float": ("  number: 612", "  number: 612.0", "5:11: expected a whole number"),
    "exponent": ("  number: 612", "  number: 6e2", "5:11: expected a whole number"),
    "merge key": ("  lead: fr", "  <<: {lead: fr}", "8:3: unknown key '<<'"),
    "complex key": ("  lead: fr", "  ? {lead: fr}\n  : x\n  lead: fr", "8:5: a key must be"),
    "null key": ("  lead: fr", "  ~: x\n  lead: fr", "8:3: a key must be a plain name"),
    "empty key": ("  lead: fr", "  : x\n  lead: fr", None),
    "number key": ("  lead: fr", "  56: x\n  lead: fr", "8:3: unknown key '56'"),
    "boolean key": ("  lead: fr", "  true: x\n  lead: fr", "8:3: unknown key 'true'"),
    "list as block key": ("  - heading:", "  - ? [heading]\n    :", "32:7: expected one of"),
    "null block key": ("  - heading:", "  - ~:", "32:5: expected one of paragraph"),
    "date with time zone": ("  deposited: 2024-11-14", "  deposited: 2024-11-14 10:00:00 +02:00",
                            "7:14: expected a date written YYYY-MM-DD"),
    "date in fullwidth digits": ("  deposited: 2024-11-14", "  deposited: ２０２４-１１-１４",
                                 "7:14: expected a date written YYYY-MM-DD"),
    "date followed by a line break": ("  deposited: 2024-11-14", '  deposited: "2024-11-14\\n"',
                                      None),  # blanks around a date are no mistake
    "year zero": ("  deposited: 2024-11-14", "  deposited: 0000-01-01", "7:14: '0000-01-01' is not"),
}


@pytest.mark.parametrize("case", HOSTILE_VALUES.values(), ids=HOSTILE_VALUES.keys())
def test_hostile_values_get_positioned_errors(case):
    old, new, expected = case
    try:
        load_bytes(edit(old, new).encode("utf-8"), "doc.yaml")
    except ContentError as exc:
        found = [f"{p.pos.line}:{p.pos.col}: {p.message}" for p in exc.problems]
        assert expected is None or any(m.startswith(expected) for m in found), found
    else:
        assert expected is None, "loaded"


def test_many_lone_stars_in_a_text_load_quickly():
    text = edit("      fr: Les pesticides", "      fr: '" + "*a " * 100_000 + "'")
    start = time.monotonic()
    load_bytes(text.encode(), "doc.yaml")
    assert time.monotonic() - start < 5


def test_an_emphasis_after_many_lone_stars_is_still_found():
    from render.content.inline import parse_inline
    from render.model import Emph
    text = parse_inline("* " * 1000 + "*b* \\* *c*")
    assert [p.text for p in text.parts if isinstance(p, Emph)] == ["b", "c"]


def test_nothing_but_content_error_escapes_for_many_small_hostile_files():
    pieces = ["[", "{", "- ", "? ", ": ", "&a ", "*a", "!!str ", "%YAML 1.1\n", "---\n",
              "\"\\ud800\"", "'", "\n", "\r", "\t", "#", "|", ">", "~", "<<: ", "9" * 5000]
    for i in range(len(pieces)):
        for j in range(len(pieces)):
            text = "document:\n  " + pieces[i] + "x" + pieces[j] + "\n"
            try:
                load_bytes(text.encode(), "doc.yaml")
            except ContentError as exc:
                assert all(p.pos.line >= 1 and p.pos.col >= 1 for p in exc.problems)


def test_a_failure_inside_the_yaml_reader_is_a_positioned_error(monkeypatch):
    """Should ruamel.yaml fail on some file in a way of its own, the author
    still gets a position, not a traceback."""
    from ruamel.yaml.parser import Parser
    original, calls = Parser.parse_block_mapping_value, []

    def failing_on_the_tenth(self):
        calls.append(1)
        if len(calls) == 10:
            raise IndexError("a fault of the parser")
        return original(self)
    monkeypatch.setattr(Parser, "parse_block_mapping_value", failing_on_the_tenth)
    (problem,) = problems_of(MINIMAL_TEXT)
    assert problem.message == ("YAML syntax: the YAML reader failed after this point "
                               "(IndexError); check the lines that follow")
    assert problem.pos.line > 1
