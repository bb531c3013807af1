"""Runs `hemicycle ARGS...` under a Python audit hook and writes, as JSON to
the file named first, every file opened and every network event.

Used by tests/test_sandbox.py: `python audited_build.py EVENTS.json build …`.
"""
import json
import os
import sys

events = {"open": [], "net": []}


def hook(event, args):
    if event == "open":
        path = args[0]
        if isinstance(path, (str, bytes, os.PathLike)):
            events["open"].append([os.fsdecode(path), str(args[1]), args[2] if len(args) > 2 else 0])
    elif event.startswith(("socket.", "urllib.", "http.", "ftplib.", "smtplib.")):
        events["net"].append([event, repr(args)[:200]])


sys.addaudithook(hook)
from render.cli import main  # noqa: E402  (imported under the hook on purpose)

code = main(sys.argv[2:])
with open(sys.argv[1], "w", encoding="utf-8") as f:
    json.dump({"code": code, **events}, f)
