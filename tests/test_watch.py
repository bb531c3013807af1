"""`hemicycle watch` rebuilds on every save and says what happened."""
from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
import time

from conftest import MINIMAL, ROOT


def wait_for(lines: queue.Queue, needle: str, seen: list[str], timeout: float = 60) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            line = lines.get(timeout=0.2)
        except queue.Empty:
            continue
        seen.append(line)
        if needle in line:
            return line
    raise AssertionError(f"no line with {needle!r} in {seen}")


def start_watch(content, out, *extra):
    """`hemicycle watch` on `content` to HTML, its output lines in a queue."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "render", "watch", str(content), "--format", "html",
         "--out", str(out), "--interval", "0.1", *extra],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l) for l in proc.stdout], daemon=True).start()
    return proc, lines


def test_watch_rebuilds_on_save_and_reports_errors(tmp_path):
    content = tmp_path / "doc.yaml"
    text = MINIMAL.read_text(encoding="utf-8")
    content.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    proc, lines = start_watch(content, out)
    seen: list[str] = []
    try:
        wait_for(lines, "rebuilt", seen)
        assert "Les pesticides" in (out / "doc.html").read_text(encoding="utf-8")

        time.sleep(0.2)
        content.write_text(text.replace("Les pesticides", "Les insecticides"), encoding="utf-8")
        wait_for(lines, "rebuilt", seen)
        assert "Les insecticides" in (out / "doc.html").read_text(encoding="utf-8")

        time.sleep(0.2)
        content.write_text(text.replace("  lead: fr", "  lead: de"), encoding="utf-8")
        error = wait_for(lines, ": error:", seen)
        assert error.startswith(f"{content}:8:9: error:")
        wait_for(lines, "failed", seen)
        assert "Les insecticides" in (out / "doc.html").read_text(encoding="utf-8")
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=30)
    assert code == 0
    assert not any("Traceback" in l for l in seen)


def test_watch_survives_any_save_and_rebuilds_the_fixed_file(tmp_path):
    content = tmp_path / "doc.yaml"
    text = MINIMAL.read_text(encoding="utf-8")
    content.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    proc, lines = start_watch(content, out)
    seen: list[str] = []
    saves = [
        b"[" * 5000 + b"]" * 5000 + b"\n",                      # nesting past any parser
        "".join("  " * i + f"k{i}:\n" for i in range(1000)).encode(),
        b"\x00\xff\xfe garbage \x80",
        text.replace("Marie Dupont", "Marie \\ud800").replace("name: Marie",
                                                             'name: "Marie').encode(),
        None,                                                    # the file deleted
    ]
    try:
        wait_for(lines, "rebuilt", seen)
        for save in saves:
            time.sleep(0.3)
            if save is None:
                content.unlink()
            else:
                content.write_bytes(save)
            wait_for(lines, "failed", seen)
        time.sleep(0.3)
        content.write_text(text.replace("Les pesticides", "Les fongicides"), encoding="utf-8")
        wait_for(lines, "rebuilt", seen)
        assert "Les fongicides" in (out / "doc.html").read_text(encoding="utf-8")
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=30)
    assert code == 0
    assert not any("Traceback" in l for l in seen), "".join(seen)


def test_watch_rereads_a_template_edited_while_it_runs(tmp_path):
    """Stylesheet and wording edited during a watch: the next build uses them."""
    import shutil
    templates = tmp_path / "templates"
    shutil.copytree(ROOT / "templates", templates)
    content = tmp_path / "doc.yaml"
    content.write_text(MINIMAL.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    proc, lines = start_watch(content, out, "--templates", str(templates))
    seen: list[str] = []
    try:
        wait_for(lines, "rebuilt", seen)
        time.sleep(0.3)
        with open(templates / "html" / "chamber.css", "a", encoding="utf-8") as f:
            f.write("\n/* restyled-while-watching */\n")
        wait_for(lines, "rebuilt", seen)
        assert "restyled-while-watching" in (out / "doc.html").read_text(encoding="utf-8")

        time.sleep(0.3)
        wording = templates / "wording.yaml"
        text = wording.read_text(encoding="utf-8")
        assert "Kamer van volksvertegenwoordigers" in text
        wording.write_text(text.replace("Kamer van volksvertegenwoordigers",
                                        "Kamer van volksvertegenwoordigers-gewijzigd"),
                           encoding="utf-8")
        wait_for(lines, "rebuilt", seen)
        assert "volksvertegenwoordigers-gewijzigd" in (out / "doc.html").read_text(
            encoding="utf-8")
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=30)


def test_a_save_is_noticed_by_file_events_not_by_polling(tmp_path):
    """With polling set to every 1,000 s, only the file events can notice the
    save before the wait gives up."""
    content = tmp_path / "doc.yaml"
    text = MINIMAL.read_text(encoding="utf-8")
    content.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    proc, lines = start_watch(content, out, "--interval", "1000")
    seen: list[str] = []
    try:
        wait_for(lines, "rebuilt", seen)
        for word in ("insecticides", "fongicides"):   # a rewrite, then an editor's rename
            time.sleep(0.2)
            if word == "insecticides":
                content.write_text(text.replace("Les pesticides", f"Les {word}"),
                                   encoding="utf-8")
            else:
                staged = tmp_path / ".doc.yaml.swp"
                staged.write_text(text.replace("Les pesticides", f"Les {word}"),
                                  encoding="utf-8")
                staged.replace(content)
            wait_for(lines, "rebuilt", seen, timeout=30)
            assert f"Les {word}" in (out / "doc.html").read_text(encoding="utf-8")
    finally:
        proc.send_signal(signal.SIGINT)
        code = proc.wait(timeout=30)
    assert code == 0, "".join(seen)
