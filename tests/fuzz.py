"""hemicycle's fuzzer: `make fuzz` (or `python tests/fuzz.py -n 100000`).

Mutates the test documents byte by byte and token by token, and feeds every
mutant to the loader and, when it loads, to `check`; now and then a loaded
mutant is also rendered to HTML and DOCX. Anything but hemicycle's own
ContentError is a failure: the input that caused it is saved under
build/fuzz/ with its traceback, and the run exits 1. Seeded, so a run is
repeatable: the same seed and count give the same inputs.
"""
from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from render.content.loader import load_bytes  # noqa: E402
from render.errors import ContentError  # noqa: E402

SEEDS = [ROOT / "tests" / "data" / "minimal.yaml", ROOT / "tests" / "data" / "56K0733001.yaml"]
FAILURES = ROOT / "build" / "fuzz"

# What YAML, the inline markup, the templates and the checks give meaning to.
TOKENS = [b"[", b"]", b"{", b"}", b":", b": ", b"- ", b"\n", b"\r", b"\r\n", b"\t", b"  ",
          b"'", b'"', b"\\", b"#", b"&a", b"*a", b"!!", b"!!bool ", b"!!str ", b"!!binary ",
          b"%YAML 1.1\n", b"---\n", b"...\n", b"|", b">-", b"? ", b"<<: ", b"~", b"null",
          b"yes", b"no", b"true", b".inf", b"0x1F", b"1e999", b"9" * 40, b"[^", b"[^fao]",
          b"*", b"**", b"_", b"{{ 7*7 }}", b"{% if %}", b"<b>", b"&amp;", b"]]>",
          b"\\ud800", b"\\uFFFE", b'"\\x07"', b"\xef\xbf\xbe", b"\xe2\x80\x8b", b"\xc2\xa0",
          b"\xed\xa0\x80", b"\xff", b"\x00", b"\x1b[2J", b"\xe2\x80\xae",
          b"http://a.b/" + b"a." * 30, b"art. 1, 2", b"\xc2\xa7 1er", b"honderd ",
          b"quatre-vingt-", b"2024-02-30", b"25 d\xc3\xa9cembre 2024", b"DOC 56 0589/001"]


def mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.choice((1, 1, 2, 3, 8))):
        at = rng.randrange(len(out) + 1)
        kind = rng.randrange(6)
        if kind == 0 and out:        # flip a byte
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif kind == 1:              # delete a span
            del out[at:at + rng.randrange(1, 40)]
        elif kind == 2:              # insert a token
            out[at:at] = rng.choice(TOKENS)
        elif kind == 3:              # repeat a token
            out[at:at] = rng.choice(TOKENS) * rng.choice((2, 10, 200))
        elif kind == 4 and out:      # duplicate a line elsewhere
            start = out.rfind(b"\n", 0, at) + 1
            end = out.find(b"\n", at)
            line = bytes(out[start:end if end >= 0 else len(out)]) + b"\n"
            out[rng.randrange(len(out) + 1):0] = line
        else:                        # copy a span elsewhere
            span = bytes(out[at:at + rng.randrange(1, 200)])
            where = rng.randrange(len(out) + 1)
            out[where:where] = span
    return bytes(out)


def try_one(data: bytes, render: bool) -> str | None:
    """None if hemicycle behaved; otherwise the traceback."""
    from render.check.parity import check_document
    try:
        doc = load_bytes(data, "fuzz.yaml")
    except ContentError:
        return None
    except BaseException:
        return traceback.format_exc()
    try:
        check_document(doc)
        if render:
            from render.paths import templates_dir
            from render.writers.docx.writer import render_docx
            from render.writers.html import render_html
            render_html(doc, templates_dir())
            render_docx(doc, templates_dir())
    except ContentError:
        return None
    except BaseException:
        return traceback.format_exc()
    return None


def worker(args: tuple[int, int, int]) -> tuple[int, list[tuple[int, str]]]:
    seed, start, count = args
    seeds = [p.read_bytes() for p in SEEDS]
    failures = []
    for i in range(start, start + count):
        rng = random.Random(f"{seed}:{i}")
        # The small document mostly: it covers every kind of field, fast.
        data = mutate(seeds[0] if rng.random() < 0.95 else seeds[1], rng)
        problem = try_one(data, render=rng.random() < 0.002)
        if problem:
            failures.append((i, problem))
            FAILURES.mkdir(parents=True, exist_ok=True)
            (FAILURES / f"{seed}-{i}.yaml").write_bytes(data)
            (FAILURES / f"{seed}-{i}.txt").write_text(problem, encoding="utf-8")
    return count, failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--jobs", type=int, default=multiprocessing.cpu_count())
    args = parser.parse_args()
    sys.setrecursionlimit(1000)  # as in the command: deep recursion must not be needed
    chunk = 500
    tasks = [(args.seed, start, min(chunk, args.count - start))
             for start in range(0, args.count, chunk)]
    started, done, failures = time.perf_counter(), 0, []
    with multiprocessing.Pool(args.jobs) as pool:
        for count, found in pool.imap_unordered(worker, tasks):
            done += count
            failures += found
            print(f"\r{done}/{args.count} inputs, {len(failures)} failures", end="",
                  flush=True)
    print(f"\n{args.count} mutated inputs in {time.perf_counter() - started:.0f} s: "
          f"{len(failures)} raised something other than hemicycle's own errors")
    for i, problem in sorted(failures)[:5]:
        print(f"--- input {args.seed}-{i} (build/fuzz/{args.seed}-{i}.yaml)\n{problem}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
