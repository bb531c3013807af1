"""What a DOCX may hold that content cannot: pending tracked changes,
comments, pictures and other objects. Each is reported where it stands;
import writes nothing until they are resolved."""
from __future__ import annotations

from lxml import etree

from .problems import Problems
from .runs import W

_TRACKED = {f"{W}{t}" for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange",
                                "sectPrChange", "tblPrChange", "trPrChange", "tcPrChange",
                                "tblGridChange", "numberingChange", "cellIns", "cellDel",
                                "cellMerge")}
_COMMENT = {f"{W}commentRangeStart", f"{W}commentReference"}
_OBJECTS = {f"{W}drawing", f"{W}pict", f"{W}object", f"{W}txbxContent"}

TRACKED = ("tracked changes are still pending here; accept or reject them "
           "(Review › Accept › Accept All Changes, or Reject) and import again")
COMMENT = ("a comment is attached here; content has no comments: resolve it, delete it "
           "(Review › Delete) and import again")
OBJECT = ("a picture, shape or text box stands here, which content cannot hold; remove it "
          "or write its text in a row")


def refusals(root: etree._Element, where_of, problems: Problems) -> None:
    """Report every tracked change, comment and object under `root`;
    `where_of(element)` names the paragraph that holds it."""
    reported: set[tuple[str, str]] = set()
    for e in root.iter():
        tag = e.tag
        if tag in _TRACKED:
            message = TRACKED
        elif tag in _COMMENT:
            message = COMMENT
        elif tag in _OBJECTS:
            message = OBJECT
        else:
            continue
        where = where_of(e)
        if (str(where), message) not in reported:
            reported.add((str(where), message))
            problems.add(where, message)
