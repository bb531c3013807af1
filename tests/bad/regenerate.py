"""Writes the corpus of bad content files and the error each must produce.

Run `python tests/bad/regenerate.py` (or `make corpus`) after changing a case.
Each case starts from tests/data/minimal.yaml, or from raw bytes, and states
the one error it must give: line, column and a part of the message.
"""
from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
MINIMAL = (HERE.parent / "data" / "minimal.yaml").read_text(encoding="utf-8")


def edit(old: str, new: str) -> bytes:
    assert MINIMAL.count(old) == 1, f"{old!r} must occur once in minimal.yaml"
    return MINIMAL.replace(old, new).encode("utf-8")


def line_ends(data: bytes, *ends: bytes) -> bytes:
    """`data` with its line ends written in turn as each of `ends` (a CR is
    never followed by an LF: together they would be one line end)."""
    lines = data.split(b"\n")
    return b"".join(line + ends[i % len(ends)] for i, line in enumerate(lines[:-1])) + lines[-1]


ALIAS_BOMB = "\n".join(
    ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 10)]) + "\n"

# name: (content, line, column, part of the message)
CASES: dict[str, tuple[bytes, int, int, str]] = {
    # --- not YAML, or not a content file at all
    "empty": (b"", 1, 1, "the file is empty"),
    "only-comments": (b"# nothing yet\n# still nothing\n", 1, 1, "the file is empty"),
    "only-whitespace": (b"\n   \n\n", 1, 1, "the file is empty"),
    "invalid-utf8": (edit("relative à la protection", "relative \xe0 la protection")
                     .replace("\xe0".encode("utf-8"), b"\xe0"), 10, 18, "not UTF-8"),
    "latin1-file": (MINIMAL.encode("cp1252"), 10, 18, "not UTF-8"),
    "unclosed-bracket": (b"document: [legislature, 56\n", 2, 1, "YAML syntax"),
    "unclosed-quote": (edit("fr: Les pesticides", 'fr: "Les pesticides'), 56, 11,
                       "close a quote left open above"),
    "bad-indentation": (edit("  number: 612", "   number: 612"), 5, 10,
                        "check the indentation"),
    "tab-indentation": (edit("  number: 612", "\tnumber: 612"), 5, 1, "tabs"),
    "two-documents": (MINIMAL.encode() + b"---\ndocument: {}\n", 75, 1,
                      "remove the '---' line"),
    "control-character-raw": (edit("vu le rapport", "vu le \x07rapport"), 46, 17,
                              "not allowed in YAML"),
    "top-level-list": (b"- document\n- resolution\n", 1, 1, "a content file is a mapping"),
    "top-level-text": (b"just some words\n", 1, 1, "a content file is a mapping"),
    "alias-bomb": (ALIAS_BOMB.encode(), 1, 5, "anchors and aliases"),
    # 500 brackets or 600 list levels would exhaust Python's stack in ruamel.yaml
    "nesting-flow": (edit("  lead: fr", "  lead: " + "[" * 500), 8, 71,
                     "nesting deeper than 64 levels"),
    "nesting-block": (edit("  lead: fr", "  lead:\n    " + "- " * 600 + "fr"), 9, 129,
                      "nesting deeper than 64 levels"),
    "yaml-1-1-directive": (b"%YAML 1.1\n---\n" + edit("  and_others: true", "  and_others: yes"),
                           1, 1, "remove the %YAML line"),
    "tag-changes-type": (edit("  and_others: true", "  and_others: !!str true"), 19, 15,
                         "YAML tags are not used in content: remove '!!str'"),
    "tag-python-object": (edit("  number: 612", "  number: !!python/object:os.system 612"), 5, 11,
                          "remove '!!python/object:os.system'"),
    "tag-binary": (edit("      fr: Les pesticides", "      fr: !!binary TGVzIHBlc3RpY2lkZXM="),
                   33, 11, "remove '!!binary'"),
    # line ends as editors write them: positions count lines as the editor does
    "cr-line-ends": (line_ends(edit("      fr: Les néonicotinoïdes", "      fra: Les néonicotinoïdes"),
                               b"\r"), 36, 7, "did you mean 'fr'"),
    "crlf-line-ends": (line_ends(edit("      fr: Les néonicotinoïdes", "      fra: Les néonicotinoïdes"),
                                 b"\r\n"), 36, 7, "did you mean 'fr'"),
    "mixed-line-ends": (line_ends(edit("      fr: Les néonicotinoïdes", "      fra: Les néonicotinoïdes"),
                                  b"\r\n", b"\n", b"\r"), 36, 7, "did you mean 'fr'"),
    "control-character-raw-cr-line-ends": (line_ends(edit("vu le rapport", "vu le \x07rapport"),
                                                     b"\r"), 46, 17, "not allowed in YAML"),
    "invalid-utf8-cr-line-ends": (line_ends(MINIMAL.encode("cp1252"), b"\r"), 10, 18,
                                  "not UTF-8"),
    "anchor-and-alias": (edit("  title:\n", "  title: &t\n")
                         .replace(b"  lead: fr\n", b"  lead: fr\n"), 9, 10,
                         "anchors and aliases"),
    # --- structure
    "duplicate-key": (edit("  lead: fr\n", "  lead: fr\n  lead: nl\n"), 9, 3,
                      "'lead' is given twice (first at line 8)"),
    "unknown-top-level-key": (edit("footnotes:\n", "footnote:\n"), 69, 1,
                              "did you mean 'footnotes'"),
    "unknown-document-key": (edit("  and_others: true", "  and_otters: true"), 19, 3,
                             "did you mean 'and_others'"),
    "missing-section": (edit("resolution:\n  opening:", "resolutions:\n  opening:"), 41, 1,
                        "did you mean 'resolution'"),
    "missing-field": (edit("  subdocument: 1\n", ""), 2, 1, "'subdocument' is missing"),
    "developments-not-a-list": (
        (MINIMAL[:MINIMAL.index("developments:")] + "developments: to be written\n\n"
         + MINIMAL[MINIMAL.index("resolution:"):]).encode(), 21, 15, "expected a list"),
    "block-with-two-keys": (edit("  - heading:\n      fr: Les pesticides\n      nl: De pesticiden\n",
                                 "  - heading:\n      fr: Les pesticides\n      nl: De pesticiden\n"
                                 "    signature: {both: X}\n"), 32, 5, "one key per item"),
    "unknown-block": (edit("  - heading:", "  - headline:"), 32, 5, "did you mean 'heading'"),
    "request-without-text": (edit("        - text:\n            fr: en soutenant les apiculteurs.\n"
                                  "            nl: door de imkers te steunen.\n",
                                  "        - requests: []\n"), 65, 11,
                             "needs a `text`, a `lead`"),
    "requests-too-deep": (edit("            - text:\n                fr: dès 2026;\n"
                               "                nl: vanaf 2026;\n",
                               "            - text:\n                fr: dès 2026;\n"
                               "                nl: vanaf 2026;\n"
                               "              requests:\n"
                               "                - text: {fr: a;, nl: a;}\n"
                               "                  requests:\n"
                               "                    - text: {fr: b;, nl: b;}\n"), 67, 19,
                          "at most 4 levels"),
    "no-authors": (edit("  authors:\n    - name: Marie Dupont\n      gender: f\n      party: PS\n"
                        "    - name: Jan Peeters\n      gender: m\n      party: N-VA\n",
                        "  authors: []\n"), 12, 3, "at least 1 item"),
    # --- types and values
    "legislature-not-a-number": (edit("  legislature: 56", "  legislature: fifty-six"), 4, 16,
                                 "expected a whole number"),
    "unknown-legislature": (edit("  legislature: 56", "  legislature: 57"), 4, 16,
                            "legislature 57 is unknown"),
    "dossier-zero": (edit("  number: 612", "  number: 0"), 5, 11, "out of range"),
    "subdocument-too-big": (edit("  subdocument: 1", "  subdocument: 1000"), 6, 16,
                            "out of range"),
    "lead-unknown-language": (edit("  lead: fr", "  lead: de"), 8, 9, "expected one of fr, nl"),
    "and-others-not-boolean": (edit("  and_others: true", "  and_others: yes please"), 19, 15,
                               "expected true or false"),
    "and-others-capitalised": (edit("  and_others: true", "  and_others: True"), 19, 15,
                               "write true in lower case"),
    "and-others-quoted": (edit("  and_others: true", "  and_others: 'false'"), 19, 15,
                          "write false in lower case, without quotes"),
    "number-too-long-to-read": (edit("  number: 612", "  number: " + "9" * 5000), 5, 11,
                                "is out of range"),
    "number-infinite": (edit("  number: 612", "  number: .inf"), 5, 11,
                        "expected a whole number, found the number '.inf'"),
    "date-with-time-zone": (edit("deposited: 2024-11-14", "deposited: 2024-11-14T10:00:00+01:00"),
                            7, 14, "YYYY-MM-DD"),
    "date-in-other-digits": (edit("deposited: 2024-11-14", "deposited: '٢٠٢٤-١١-١٤'"), 7, 14,
                             "YYYY-MM-DD"),
    "complex-key": (edit("  lead: fr\n", "  lead: fr\n  ? [lead]\n  : nl\n"), 9, 5,
                    "a key must be a plain name, found a list"),
    "null-key": (edit("  lead: fr\n", "  lead: fr\n  ~: nl\n"), 9, 3,
                 "a key must be a plain name, found nothing"),
    "bidi-control-in-key": (edit("  lead: fr", "  lead\u202e: fr"), 8, 3,
                            "unknown key 'lead\\u202e' (did you mean 'lead'?)"),
    "impossible-date": (edit("deposited: 2024-11-14", "deposited: 2024-02-30"), 7, 14,
                        "not a real date"),
    "date-in-wrong-form": (edit("deposited: 2024-11-14", "deposited: 14/11/2024"), 7, 14,
                           "YYYY-MM-DD"),
    "date-outside-legislature": (edit("deposited: 2024-11-14", "deposited: 2019-05-26"), 7, 3,
                                 "outside legislature 56"),
    "unknown-gender": (edit("      gender: f", "      gender: female"), 14, 15,
                       "expected one of f, m, x, found the text 'female'"),
    "unknown-party": (edit("      party: PS", "      party: PSS"), 13, 7, "did you mean 'PS'"),
    # --- bilingual texts
    "missing-dutch": (edit("    nl: betreffende de bescherming van de bijen\n", ""), 9, 3,
                      "the Dutch text is missing"),
    "missing-french": (edit("      fr: Les pesticides\n", ""), 32, 5,
                       "the French text is missing"),
    "misspelt-language-key": (edit("      nl: De pesticiden", "      nld: De pesticiden"), 34, 7,
                              "did you mean 'nl'"),
    "uppercase-language-key": (edit("      nl: De pesticiden", "      NL: De pesticiden"), 34, 7,
                               "did you mean 'nl'"),
    "plain-string-for-pair": (edit("  title:\n    fr: relative à la protection des abeilles\n"
                                   "    nl: betreffende de bescherming van de bijen\n",
                                   "  title: relative à la protection des abeilles\n"), 9, 10,
                              "expected French and Dutch texts"),
    "both-and-fr": (edit("    both: https://www.efsa.europa.eu/",
                         "    both: https://www.efsa.europa.eu/\n    fr: https://www.efsa.europa.eu/fr"),
                    74, 5, "either `both` or `fr` and `nl`"),
    "empty-text": (edit("      fr: Les pesticides", "      fr: ''"), 33, 11,
                   "the French text is empty"),
    "blank-text": (edit("      fr: Les pesticides", "      fr: '   '"), 33, 11,
                   "the French text is empty"),
    "null-text": (edit("      fr: Les pesticides", "      fr:"), 33, 7,
                  "expected the French text, found nothing"),
    "text-is-a-list": (edit("      fr: Les pesticides", "      fr: [Les, pesticides]"), 33, 11,
                       "expected the French text, found a list"),
    "control-character-escaped": (edit("      fr: Les pesticides", '      fr: "Les\\x01 pesticides"'),
                                  33, 11, "control character"),
    "next-line-escaped": (edit("      fr: Les pesticides", '      fr: "Les\\N pesticides"'),
                          33, 11, "the control character U+0085"),
    "lone-surrogate": (edit("      fr: Les pesticides", '      fr: "Les \\ud800pesticides"'),
                       33, 11, "the lone surrogate U+D800"),
    "non-character": (edit("      nl: De pesticiden", '      nl: "De pesticiden\\uFFFE"'),
                      34, 11, "the non-character U+FFFE"),
    "non-character-in-id": (edit("  fao:\n", "  fao\ufdd0:\n"), 70, 3,
                            "the non-character U+FDD0 cannot be printed in any output; remove it"),
    "invisible-text": (edit("      fr: Les pesticides",
                            '      fr: "\\u200b\\u200c\\u200d\\u2060\\ufeff\\u00ad"'),
                       33, 11, "the French text is empty"),
    "no-break-spaces-only": (edit("      fr: Les pesticides", "      fr: \u00a0\u202f\u00a0"),
                             33, 11, "the French text is empty"),
    "considerant-as-text": (edit("    - fr: vu le rapport de la FAO du 1er août 2020;\n"
                                 "      nl: gelet op het verslag van de FAO van 1 augustus 2020;\n",
                                 "    - vu le rapport de la FAO du 1er août 2020;\n"), 46, 7,
                            "expected French and Dutch texts"),
    # --- footnotes
    "footnote-undefined": (edit("en cause.[^efsa]", "en cause.[^efsaa]"), 35, 5,
                           "[^efsaa] is called but not defined (did you mean 'efsa'?)"),
    "footnote-unused": (edit("    both: https://www.efsa.europa.eu/",
                             "    both: https://www.efsa.europa.eu/\n  spare:\n    both: never called"),
                        75, 3, "'spare' is defined but never called"),
    "footnote-defined-twice": (edit("  efsa:\n", "  fao:\n    both: again\n  efsa:\n"), 73, 3,
                               "'fao' is given twice (first at line 70)"),
    "footnote-bad-id": (edit("  efsa:\n    both", "  'ef sa':\n    both")
                        .replace(b"[^efsa]", b"[^ef sa]"), 73, 3, "not a valid id"),
    "footnote-id-starts-with-underscore": (edit("  efsa:\n    both", "  _efsa:\n    both")
                                           .replace(b"[^efsa]", b"[^_efsa]"), 73, 3,
                                           "an id starts with a letter or a digit"),
    "text-starting-with-star": (edit("      fr: Mesdames, Messieurs,", "      fr: *vu la loi"),
                                23, 11, "a text that starts with * or & needs quotes"),
    "key-outdented": (edit("  legislature: 56", " legislature: 56"), 4, 2,
                      "indent this line like the key above it"),
    "footnote-id-ends-with-newline": (edit("  efsa:\n    both", '  "efsa\\n":\n    both')
                                      .replace(b"[^efsa]", b"efsa"), 73, 3,
                                      "'efsa\\n' is not a valid id"),
    "footnote-call-in-title": (edit("    fr: relative à la protection des abeilles",
                                    "    fr: relative à la protection des abeilles[^fao]"), 9, 3,
                               "footnote calls are not allowed here"),
}


def main() -> None:
    names = sorted(CASES)
    for old in HERE.glob("*.yaml"):
        old.unlink()
    lines = []
    for name in names:
        data, line, col, part = CASES[name]
        (HERE / f"{name}.yaml").write_bytes(data)
        lines.append(f"{name}.yaml:{line}:{col}: {part}")
    (HERE / "EXPECTED").write_text(
        "# file:line:col: part of the one error hemicycle must report (see regenerate.py)\n"
        + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(names)} bad files written to {HERE}")


if __name__ == "__main__":
    main()
