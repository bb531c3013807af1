"""hemicycle's benchmark: `make bench` (or `python tests/benchmark.py`).

Measures, in one run on this machine, what a user waits for and how it
compares with the engine's own floor and with what one would do instead, and
writes build/bench.md (a Markdown table) and build/bench.json. Timings are
wall-clock medians of whole processes (start-up included); peak memory is
the child's maximum resident set size as the kernel reports it.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic import (REFERENCE, ROOT, huge_paragraph, many_considerants,  # noqa: E402
                       many_notes, scaled_content)

PYTHON = sys.executable

# The documents full of notes: the smaller one gives the growth to the larger.
NOTE_COUNTS = (500, 2000)


def run(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> tuple[float, int]:
    """Run a command; return (seconds, peak RSS in MB of that process tree's largest)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - started
    stderr = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"benchmark command failed ({code}): {' '.join(cmd)}\n{stderr}")
    return seconds, usage.ru_maxrss // 1024


def run_limited(cmd: list[str], limit: float) -> tuple[float, int, bool]:
    """Like `run`, for a command that may never finish in reasonable time
    (LibreOffice on a document full of notes): past `limit` seconds its
    process group is stopped. Returns (seconds, peak RSS in MB, finished)."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() - started > limit:
            os.killpg(proc.pid, signal.SIGKILL)   # its own session: LibreOffice's helpers too
            _, status, usage = os.wait4(proc.pid, 0)
            return time.perf_counter() - started, usage.ru_maxrss // 1024, False
        time.sleep(0.2)
    seconds = time.perf_counter() - started
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"benchmark command failed ({code}): {' '.join(cmd)}")
    return seconds, usage.ru_maxrss // 1024, True


def median_time(cmd, repeat, **kw) -> float:
    return statistics.median(run(cmd, **kw)[0] for _ in range(repeat))


def hemicycle(*args: str) -> list[str]:
    return [PYTHON, "-m", "render", *args]


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader
    return len(PdfReader(path).pages)


# --- the measures ------------------------------------------------------------

def watch_latency(repeat: int, work: Path) -> float:
    """Median seconds from a save of the reference (a word changed in the
    développements) to its new PDF in place, under `hemicycle watch`. Every
    save is a text not saved before, so nothing of it can have been laid out
    already."""
    import queue
    import threading

    folder = work / "watched"
    folder.mkdir()
    content = folder / REFERENCE.name
    text = REFERENCE.read_text(encoding="utf-8")
    assert "Depuis plusieurs décennies" in text
    content.write_text(text, encoding="utf-8")
    proc = subprocess.Popen(hemicycle("watch", str(content), "--format", "pdf", "--out",
                                      str(folder / "out")),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout],
                     daemon=True).start()

    def built() -> None:
        while True:
            line = lines.get(timeout=120)
            if " failed " in line or "error" in line:
                raise SystemExit(f"benchmark: the watch failed: {line}")
            if " rebuilt " in line:
                return

    try:
        built()
        times = []
        for i in range(repeat):
            time.sleep(0.5)
            started = time.perf_counter()
            # a made-up word, new on every save (a number would be a finding of check)
            content.write_text(text.replace("Depuis plusieurs décennies",
                                            f"Depuis plusieurs {'x' * (i + 1)} décennies", 1),
                               encoding="utf-8")
            built()
            times.append(time.perf_counter() - started)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return statistics.median(times)


def libreoffice_command(soffice: str, work: Path, docx: Path) -> list[str]:
    profile = (work / "lo-profile").as_uri()
    return [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
            "--outdir", str(work / "lo"), str(docx)]


def measure_notes(work: Path, out: Path, soffice: str | None, lo_limit: float) -> list[dict]:
    """A proposal full of notes (`many_notes`) at each of NOTE_COUNTS: the PDF
    and the DOCX built, and LibreOffice converting that DOCX; time, peak
    memory and pages of each (one run each, as for the big inputs)."""
    rows = []
    for count in NOTE_COUNTS:
        path = work / f"notes-{count}.yaml"
        path.write_text(many_notes(count), encoding="utf-8")
        row: dict = {"notes": count}
        for fmt in ("pdf", "docx"):
            seconds, peak = run(hemicycle("build", str(path), "--format", fmt, "--out", str(out)))
            row[f"{fmt}_s"], row[f"{fmt}_peak_mb"] = seconds, peak
        row["pdf_pages"] = pdf_pages(out / f"notes-{count}.pdf")
        if soffice:
            seconds, peak, finished = run_limited(
                libreoffice_command(soffice, work, out / f"notes-{count}.docx"), lo_limit)
            row.update(libreoffice_s=seconds, libreoffice_peak_mb=peak,
                       libreoffice_finished=finished,
                       libreoffice_pages=pdf_pages(work / "lo" / f"notes-{count}.pdf")
                       if finished else None)
        rows.append(row)
    return rows


def note_growth(rows: list[dict], key: str) -> float | None:
    """How much longer the largest document full of notes takes than the
    smallest, over how many more notes it has (1.0: in proportion)."""
    small, large = rows[0], rows[-1]
    if small.get(key) is None or large.get(key) is None:
        return None
    return (large[key] / small[key]) / (large["notes"] / small["notes"])


def measure(repeat: int, batch: int, work: Path, lo_limit: float = 180) -> dict:
    from render.writers.html import html_string
    from render.content.loader import load_document
    from render.paths import templates_dir

    results: dict = {"machine": {"python": platform.python_version(),
                                 "cpus": os.cpu_count(), "platform": platform.platform()}}
    out = work / "out"
    # 1. What a user runs. The DOCX's converted typeface is kept in
    # hemicycle's cache between processes: once with it empty, then as usual.
    os.environ["HEMICYCLE_CACHE"] = str(work / "cache")
    results["build_docx_empty_cache_s"] = run(
        hemicycle("build", str(REFERENCE), "--format", "docx", "--out", str(out)))[0]
    for fmt in ("pdf", "docx", "pdf,docx"):
        results[f"build_{fmt.replace(',', '_')}_s"] = median_time(
            hemicycle("build", str(REFERENCE), "--format", fmt, "--out", str(out)), repeat)
    pages = pdf_pages(out / "56K0589001.pdf")
    results["reference_pages"] = pages

    # 2. The floor: a bare process running WeasyPrint on the same HTML.
    templates = templates_dir()
    html_file = templates / ".bench-floor.html"  # beside the CSS so relative URLs resolve
    html_file.write_text(html_string(load_document(REFERENCE), templates, inline_css=True),
                         encoding="utf-8")
    try:
        floor = [PYTHON, "-c", "import sys; from weasyprint import HTML; "
                 "HTML(filename=sys.argv[1]).write_pdf(sys.argv[2])",
                 str(html_file), str(work / "floor.pdf")]
        results["weasyprint_floor_s"] = median_time(floor, repeat)
    finally:
        html_file.unlink()
    results["pdf_vs_floor"] = results["build_pdf_s"] / results["weasyprint_floor_s"]

    # 3. What one would do instead: LibreOffice converting our DOCX to PDF.
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        lo = libreoffice_command(soffice, work, out / "56K0589001.docx")
        run(lo)  # the first start creates the profile; not counted
        results["libreoffice_docx_to_pdf_s"] = median_time(lo, repeat)
        results["pdf_vs_libreoffice"] = results["build_pdf_s"] / results["libreoffice_docx_to_pdf_s"]

        results["watch_save_to_pdf_s"] = watch_latency(repeat, work)
        results["watch_vs_libreoffice"] = (results["watch_save_to_pdf_s"]
                                           / results["libreoffice_docx_to_pdf_s"])

    # 4. Scaling.
    scaling = []
    for factor in (1, 4, 16):
        path = work / f"scaled{factor}.yaml"
        path.write_text(scaled_content(factor), encoding="utf-8")
        runs = [run(hemicycle("build", str(path), "--format", "pdf", "--out", str(out)))
                for _ in range(max(1, repeat // 2 if factor == 16 else repeat))]
        seconds = statistics.median(r[0] for r in runs)
        peak = max(r[1] for r in runs)
        n = pdf_pages(out / f"scaled{factor}.pdf")
        docx_seconds = median_time(
            hemicycle("build", str(path), "--format", "docx", "--out", str(out)), repeat)
        scaling.append({"factor": factor, "pages": n, "seconds": seconds,
                        "seconds_per_page": seconds / n, "peak_mb": peak,
                        "docx_seconds": docx_seconds})
    results["scaling"] = scaling
    results["time_16x_vs_1x"] = scaling[-1]["seconds"] / scaling[0]["seconds"]

    # 5. Big inputs: every format, time and peak memory.
    big = []
    for name, text in (("1 MB paragraph", huge_paragraph()),
                       ("5,000 considerants", many_considerants())):
        path = work / f"big-{len(big)}.yaml"
        path.write_text(text, encoding="utf-8")
        for fmt in ("docx", "pdf"):
            seconds, peak = run(hemicycle("build", str(path), "--format", fmt, "--out", str(out)))
            big.append({"input": name, "format": fmt, "seconds": seconds, "peak_mb": peak})
    results["big_inputs"] = big

    # 6. Notes: documents full of them.
    notes = measure_notes(work, out, shutil.which("soffice") or shutil.which("libreoffice"),
                          lo_limit)
    results["many_notes"] = notes
    for fmt in ("pdf", "docx", "libreoffice"):
        growth = note_growth(notes, f"{fmt}_s")
        if growth is not None:
            results[f"notes_{fmt}_growth"] = growth
    stopped = [n["notes"] for n in notes if not n.get("libreoffice_finished", True)]
    if stopped:
        results["notes_libreoffice_stopped"] = stopped
    results["notes_pdf_peak_mb"] = notes[-1]["pdf_peak_mb"]

    # 7. Batches: one process against one per document; make -j2 against -j1.
    batch_dir = work / "batch"
    (batch_dir / "content").mkdir(parents=True)
    minimal = (ROOT / "tests" / "data" / "minimal.yaml").read_text(encoding="utf-8")
    files = []
    for i in range(batch):
        f = batch_dir / "content" / f"56K{700 + i:04d}001.yaml"
        f.write_text(minimal.replace("  number: 612", f"  number: {700 + i}"), encoding="utf-8")
        files.append(str(f))
    bout = batch_dir / "build"
    results["batch_documents"] = batch
    results["batch_one_process_s"] = run(
        hemicycle("build", *files, "--format", "pdf", "--out", str(bout)))[0]
    started = time.perf_counter()
    for f in files:
        run(hemicycle("build", f, "--format", "pdf", "--out", str(bout)))
    results["batch_process_per_document_s"] = time.perf_counter() - started
    make = ["make", "-f", str(ROOT / "Makefile"), "--no-print-directory", "FORMATS=pdf",
            f"HEMICYCLE={PYTHON} -m render", "SETUP=", f"TEMPLATES={templates}", "CODE="]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for jobs in (1, 2):
        shutil.rmtree(bout, ignore_errors=True)
        bout.mkdir()
        results[f"make_j{jobs}_s"] = run(make + [f"-j{jobs}"], cwd=batch_dir, env=env)[0]
    results["make_j2_speedup"] = results["make_j1_s"] / results["make_j2_s"]
    return results


TARGETS = [
    ("PDF build / WeasyPrint floor", "pdf_vs_floor", "≤ 1.15", lambda v: v <= 1.15),
    ("PDF build / LibreOffice DOCX→PDF", "pdf_vs_libreoffice", "≤ 1.0", lambda v: v <= 1.0),
    ("save → PDF under watch / LibreOffice DOCX→PDF", "watch_vs_libreoffice", "≤ 0.6",
     lambda v: v <= 0.6),
    ("16× content time / 1× time", "time_16x_vs_1x", "≤ 18", lambda v: v <= 18),
    ("peak memory at 16× (MB)", None, "≤ 500", None),
    ("one-process batch / process per document", None, "< 1.0", None),
    ("make -j1 / make -j2", "make_j2_speedup", "≥ 1.7", lambda v: v >= 1.7),
    ("2,000 notes / 500: PDF time per note", "notes_pdf_growth", "≤ 1.1", lambda v: v <= 1.1),
    ("2,000 notes / 500: DOCX time per note", "notes_docx_growth", "≤ 1.1", lambda v: v <= 1.1),
    ("2,000 notes / 500: LibreOffice time per note", "notes_libreoffice_growth", "≤ 1.1",
     lambda v: v <= 1.1),
    ("peak memory at 2,000 notes, PDF (MB)", "notes_pdf_peak_mb", "≤ 500", lambda v: v <= 500),
]


def markdown(r: dict) -> str:
    s16 = r["scaling"][-1]
    batch_ratio = r["batch_one_process_s"] / r["batch_process_per_document_s"]
    derived = {"peak memory at 16× (MB)": (s16["peak_mb"], s16["peak_mb"] <= 500),
               "one-process batch / process per document": (batch_ratio, batch_ratio < 1.0)}
    lines = [
        f"Measured on {r['machine']['cpus']} cores, Python {r['machine']['python']}; "
        f"medians of whole processes. The reference document has {r['reference_pages']} pages.",
        "",
        "| measure | median |",
        "|---|---|",
        f"| `hemicycle build` → PDF | {r['build_pdf_s']:.2f} s |",
        f"| `hemicycle build` → DOCX | {r['build_docx_s']:.2f} s |",
        f"| `hemicycle build` → DOCX, the cache empty (once) | "
        f"{r['build_docx_empty_cache_s']:.2f} s |",
        f"| `hemicycle build` → PDF + DOCX | {r['build_pdf_docx_s']:.2f} s |",
        f"| bare WeasyPrint on the same HTML (floor) | {r['weasyprint_floor_s']:.2f} s |",
    ]
    if "libreoffice_docx_to_pdf_s" in r:
        lines.append(f"| LibreOffice DOCX → PDF | {r['libreoffice_docx_to_pdf_s']:.2f} s |")
        lines.append(f"| save → new PDF under `hemicycle watch` | "
                     f"{r['watch_save_to_pdf_s']:.2f} s |")
    for s in r["scaling"]:
        lines.append(f"| {s['factor']}× content ({s['pages']} pages) | PDF {s['seconds']:.2f} s, "
                     f"{s['seconds_per_page'] * 1000:.0f} ms/page, peak {s['peak_mb']} MB; "
                     f"DOCX {s['docx_seconds']:.2f} s |")
    for b in r["big_inputs"]:
        lines.append(f"| {b['input']} → {b['format'].upper()} | {b['seconds']:.2f} s, "
                     f"peak {b['peak_mb']} MB |")
    lines += [notes_line(n) for n in r.get("many_notes", [])]
    lines += [
        f"| {r['batch_documents']} documents, one process | {r['batch_one_process_s']:.2f} s |",
        f"| {r['batch_documents']} documents, one process each | "
        f"{r['batch_process_per_document_s']:.2f} s |",
        f"| the same with `make -j1` / `make -j2` | {r['make_j1_s']:.2f} s / {r['make_j2_s']:.2f} s |",
        "",
        "| target | measured | goal | met |",
        "|---|---|---|---|",
    ]
    for name, key, goal, ok in TARGETS:
        if key is None:
            value, met = derived[name]
        elif key not in r:
            continue
        else:
            value, met = r[key], ok(r[key])
        shown = f"{value:.2f}"
        if key == "notes_libreoffice_growth" and "notes_libreoffice_stopped" in r:
            shown, met = _stopped_growth(r, shown), False
        lines.append(f"| {name} | {shown} | {goal} | {'yes' if met else 'no'} |")
    return "\n".join(lines) + "\n"


def _stopped_growth(r: dict, shown: str) -> str:
    """LibreOffice's growth when a conversion was stopped: at least the
    measure if only the largest document's was, unknown otherwise."""
    only_largest = r["notes_libreoffice_stopped"] == [r["many_notes"][-1]["notes"]]
    return f"> {shown}" if only_largest else "?"


def notes_line(n: dict) -> str:
    line = (f"| {n['notes']:,} notes ({n['pdf_pages']} pages) | PDF {n['pdf_s']:.2f} s, "
            f"peak {n['pdf_peak_mb']} MB; DOCX {n['docx_s']:.2f} s, peak {n['docx_peak_mb']} MB")
    if "libreoffice_s" in n:
        if n["libreoffice_finished"]:
            line += (f"; LibreOffice DOCX → PDF {n['libreoffice_s']:.2f} s, "
                     f"peak {n['libreoffice_peak_mb']} MB, {n['libreoffice_pages']} pages")
        else:
            line += f"; LibreOffice DOCX → PDF stopped after {n['libreoffice_s']:.0f} s"
    return line + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing (median)")
    parser.add_argument("--batch", type=int, default=50, help="documents in the batch")
    parser.add_argument("--out", type=Path, default=ROOT / "build")
    parser.add_argument("--libreoffice-limit", type=float, default=180,
                        help="seconds after which LibreOffice converting a document full of "
                             "notes is stopped (reported as such)")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    with tempfile.TemporaryDirectory(prefix="hemicycle-bench-") as tmp:
        results = measure(args.repeat, args.batch, Path(tmp), args.libreoffice_limit)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "bench.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    table = markdown(results)
    (args.out / "bench.md").write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
