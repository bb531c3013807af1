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


def test_watch_rebuilds_on_save_and_reports_errors(tmp_path):
    content = tmp_path / "doc.yaml"
    text = MINIMAL.read_text(encoding="utf-8")
    content.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-m", "render", "watch", str(content), "--format", "html",
         "--out", str(out), "--interval", "0.1"],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, bufsize=1)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(l) for l in proc.stdout], daemon=True).start()
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
