"""Facts about a legislature of the Chamber: its sessions and its groups.

The facts are data, one YAML file per legislature in `render/model/legislatures/`
(`56.yaml`); adding a legislature means adding a file, not code.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from importlib import resources
from pathlib import Path

from ruamel.yaml import YAML

from ..caching import from_files

_FILE_NAME = re.compile(r"^(\d+)\.yaml$")


@dataclass(frozen=True)
class Session:
    number: int
    opens: date


@dataclass(frozen=True)
class Group:
    abbreviation: str   # as printed: "N-VA", "cd&v"
    name: str           # full name, for the party legend


@dataclass(frozen=True)
class SessionYears:
    number: int
    years: str          # as printed in the session strip: "2024 2025" or "2024"


@dataclass(frozen=True)
class Legislature:
    number: int
    sessions: tuple[Session, ...]
    groups: tuple[Group, ...]
    ends: date
    ends_expected: bool = False  # True while the next election is not fixed

    def session_on(self, d: date) -> SessionYears:
        """The session sitting on `d`, with the years it spans."""
        if d < self.sessions[0].opens or d > self.ends:
            raise ValueError(
                f"{d.isoformat()} is outside legislature {self.number}, which runs from "
                f"{self.sessions[0].opens.isoformat()} to {self.ends.isoformat()}"
            )
        for session, closes in zip(self.sessions, self._closing_dates()):
            if d <= closes:
                first, last = session.opens.year, closes.year
                years = str(first) if first == last else f"{first} {last}"
                return SessionYears(session.number, years)
        raise AssertionError("unreachable: dates were checked against the bounds")

    def _closing_dates(self) -> list[date]:
        """Each session closes the day before the next opens; the last at the end."""
        later = [s.opens - timedelta(days=1) for s in self.sessions[1:]]
        return later + [self.ends]

    def group(self, abbreviation: str) -> Group | None:
        """The group printed as `abbreviation`; exact match first, then ignoring case
        (content files may write `CD&V` for `cd&v`)."""
        for g in self.groups:
            if g.abbreviation == abbreviation:
                return g
        folded = abbreviation.casefold()
        for g in self.groups:
            if g.abbreviation.casefold() == folded:
                return g
        return None


def _data_dir():
    """The directory of legislature files, as package data.

    Falls back to the module's own directory when `render` was imported as a
    namespace package (an editable install made before `render/__init__.py`
    existed), where `importlib.resources` cannot list it.
    """
    try:
        return resources.files(__package__) / "legislatures"
    except (NotADirectoryError, TypeError):
        return Path(__file__).with_name("legislatures")


def known_legislatures() -> list[int]:
    """The legislatures that have a data file, in ascending order."""
    numbers = []
    for entry in _data_dir().iterdir():
        match = _FILE_NAME.match(entry.name)
        if match:
            numbers.append(int(match.group(1)))
    return sorted(numbers)


@from_files()
def load_legislature(number: int) -> Legislature:
    """The facts of legislature `number`, read once from its data file."""
    entry = _data_dir() / f"{number}.yaml"
    if not entry.is_file():
        known = ", ".join(str(n) for n in known_legislatures()) or "none"
        raise LookupError(
            f"no data for legislature {number}; known legislatures: {known} "
            f"(add render/model/legislatures/{number}.yaml)"
        )
    return _parse(YAML(typ="safe").load(entry.read_text(encoding="utf-8")), entry.name)


def _parse(data: dict, source: str) -> Legislature:
    """Build a Legislature from a loaded file, rejecting data that would misprint."""
    def fail(message: str):
        raise ValueError(f"render/model/legislatures/{source}: {message}")

    try:
        sessions = tuple(Session(int(s["number"]), s["opens"]) for s in data["sessions"])
        groups = tuple(Group(str(g["abbreviation"]), str(g["name"])) for g in data["groups"])
        legislature = Legislature(
            number=int(data["number"]),
            sessions=sessions,
            groups=groups,
            ends=data["ends"],
            ends_expected=bool(data.get("ends_expected", False)),
        )
    except (KeyError, TypeError) as e:
        fail(f"missing or malformed field {e}")
    if f"{legislature.number}.yaml" != source:
        fail(f"number {legislature.number} does not match the file name")
    if not sessions:
        fail("no sessions")
    if [s.number for s in sessions] != list(range(1, len(sessions) + 1)):
        fail("sessions must be numbered 1, 2, 3 … in order")
    dates = [s.opens for s in sessions] + [legislature.ends]
    if not all(isinstance(d, date) for d in dates):
        fail("session and end dates must be YYYY-MM-DD")
    if any(a >= b for a, b in zip(dates, dates[1:])):
        fail("sessions must open in date order, before the end")
    abbreviations = [g.abbreviation for g in groups]
    if len(set(abbreviations)) != len(abbreviations):
        fail("a group abbreviation is listed twice")
    return legislature
