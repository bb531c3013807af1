"""Plays a clerk's steps 1 and 3 of "Adding a paired note" (README, Editing
in Word) in LibreOffice through its scripting interface (UNO): a footnote
inserted at the lead column's call, a cross-reference to its number at the
other column's call, fields refreshed (step 4), then the document exported
to PDF.

Run with the system's Python, which has LibreOffice's `uno` module
(Debian package python3-uno):

    /usr/bin/python3 lo_add_note.py IN.docx OUT.pdf PROFILE_DIR LEAD_ANCHOR OTHER_ANCHOR NOTE_TEXT

Each anchor is text found in its column; the call goes right after it.
"""
import os
import subprocess
import sys
import time

import uno
from com.sun.star.beans import PropertyValue

FOOTNOTE = 3        # com.sun.star.text.ReferenceFieldSource.FOOTNOTE
NUMBER_TEXT = 2     # com.sun.star.text.ReferenceFieldPart.TEXT: the note's number


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def find(doc, text):
    descriptor = doc.createSearchDescriptor()
    descriptor.SearchString = text
    found = doc.findFirst(descriptor)
    if found is None:
        raise SystemExit(f"not found in the document: {text!r}")
    return found


def main():
    source, pdf, profile, lead_anchor, other_anchor, note_text = sys.argv[1:7]
    pipe = f"hemicycle_{os.getpid()}"
    office = subprocess.Popen(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
         "--invisible", f"--accept=pipe,name={pipe};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext(
            "com.sun.star.bridge.UnoUrlResolver", local)
        for _ in range(300):
            try:
                ctx = resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
                break
            except Exception:
                time.sleep(0.1)
        else:
            raise SystemExit("LibreOffice did not answer")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
                                           (prop("Hidden", True),))
        # step 1: a footnote at the lead column's call
        lead = find(doc, lead_anchor)
        note = doc.createInstance("com.sun.star.text.Footnote")
        lead.getText().insertTextContent(lead.getText().createTextCursorByRange(lead.getEnd()),
                                         note, False)
        note.setString(note_text)
        # step 3: a cross-reference to its number at the other column's call
        other = find(doc, other_anchor)
        field = doc.createInstance("com.sun.star.text.TextField.GetReference")
        field.ReferenceFieldSource = FOOTNOTE
        field.SequenceNumber = note.ReferenceId
        field.ReferenceFieldPart = NUMBER_TEXT
        other.getText().insertTextContent(other.getText().createTextCursorByRange(other.getEnd()),
                                          field, False)
        # step 4: update the fields
        doc.getTextFields().refresh()
        doc.storeToURL(uno.systemPathToFileUrl(pdf), (prop("FilterName", "writer_pdf_Export"),))
        doc.close(True)
        desktop.terminate()
    finally:
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()


if __name__ == "__main__":
    main()
