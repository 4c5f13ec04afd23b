"""Metadata from whatever evidence an article carries: header lines, datelines,
credits and copyright lines, URLs, file names. Pure functions of text."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit

from ..lexicon import MONTH_NUMBERS
from .lines import DATE_TEXT

#: Datelines: "BAGHDAD:", "KESSRA CITY, Wadi Kessra (MPA) -", "ERBIL, Kurdistan
#: Region -", "LONDON, Dec 10 (Reuters) -", "TEHRAN (IRNA) --", "DENVER (AP) —".
#: The place starts in capitals; an optional region, date and agency follow;
#: then a dash or colon separates it from the first sentence.
DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+(?:\s+[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’.-]+){0,3})"
    r"(?P<region>(?:,\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}))?"
    r"(?:,\s*(?P<when>[A-Z][a-z]{2,8}\.?\s+\d{1,2}))?"
    r"\s*(?:\((?P<agency>[^()]{1,40})\))?"
    r"\s*(?:--|[-–—:])\s+(?=\S)"
)

OUTLET_FROM_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©|\(c\))?\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*[,.]?\s*"
    r"(?P<name>(?:the\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|the|and|&))*)",
    re.IGNORECASE,
)
OUTLET_FROM_CREDIT = re.compile(r"\((?:photo|picture|image)s?\s*:\s*[^()/]+/\s*(?P<name>[A-Z][^()]{2,60})\)\s*$", re.I)
_NAME = r"((?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&)){0,4})"
OUTLET_FROM_PROSE = re.compile(
    r"(?:originally\s+(?:published|appeared)|first\s+(?:published|appeared))\s+(?:in|on|by)\s+"
    r"(?:the\s+(?:print|online|digital|weekend)\s+edition\s+of\s+)?" + _NAME
    + r"|(?:reporter|writer|correspondent|editor|columnist|contributor)\s+(?:for|at|with)\s+" + _NAME
)
NOT_OUTLETS = frozenset({"all rights reserved", "getty images", "afp", "ap", "reuters", "epa", "the"})


def parse_date(text: str) -> str | None:
    """The first calendar date in ``text`` as YYYY-MM-DD, or None.

    Reads ISO dates, "December 10, 2021", "10 Dec. 2021" and day-first numeric
    dates ("10/12/2021", the form most non-US outlets print) without dateparser,
    which costs a third of a second to import.
    """
    match = DATE_TEXT.search(text)
    if not match:
        return None
    found = match.group(0)
    numbers = [int(n) for n in re.findall(r"\d+", found)]
    month_name = re.search(r"[a-z]{3}", found.lower())
    try:
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", found):
            year, month, day = numbers
        elif month_name:
            month = MONTH_NUMBERS[month_name.group(0)]
            day, year = (numbers[0], numbers[-1])
        else:
            day, month, year = numbers
            year += 2000 if year < 100 else 0
        return date(year, month, day).isoformat()
    except (ValueError, KeyError):
        return None


def normalise_published(value: str | None) -> str | None:
    """A published hint (ISO date or datetime, RFC 822, free text) as YYYY-MM-DD."""
    if not value:
        return None
    value = value.strip()
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).date().isoformat()
    except ValueError:
        pass
    found = parse_date(value)
    if found:
        return found
    try:
        from email.utils import parsedate_to_datetime

        return parsedate_to_datetime(value).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    parsed = _dateparser_parse(value)
    return parsed.date().isoformat() if parsed else None


@functools.lru_cache(maxsize=4096)
def _dateparser_parse(text: str) -> datetime | None:
    import dateparser  # slow to import: only for free-text dates the rules above do not read

    return dateparser.parse(text, languages=["en"], settings={"STRICT_PARSING": False})


def split_dateline(paragraph: str) -> tuple[str | None, int]:
    """(place, length of the dateline prefix) for a first paragraph."""
    match = DATELINE.match(paragraph)
    if not match:
        return None, 0
    place = match.group("place")
    if len(place) < 3 or place.upper() in {"UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "WATCH", "NOTE", "EDITOR'S",
                                           "FILE PHOTO", "PHOTO", "FILE"}:
        return None, 0
    rest = paragraph[match.end():]
    if not rest[:1].isupper() and rest[:1] not in "\"“'‘":
        return None, 0
    region = (match.group("region") or "").strip(", ")
    where = _title(place) + (f", {region}" if region else "")
    return where, match.end()


def _title(caps: str) -> str:
    return " ".join(w.capitalize() if w.isupper() else w for w in caps.split())


_OWN = r"((?:The\s+)?[A-Z][\w&'’.-]*(?:\s+(?:[A-Z][\w&'’.-]*|of|and|&)){0,4})"
_PERSON = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}"

#: Lines in which an outlet names itself, strongest evidence first: a copyright
#: line, its comment policy ("The Tarsa Voice moderates all comments"), a photo
#: credit to its own photographer ("File photo: Name/Outlet", "Credit...Name for
#: Outlet", "OUTLET/Name/File Photo"), a staff byline ("Name, Outlet Staff",
#: "Science correspondent, Outlet"), a prompt for its app or newsletter, a
#: publication note, and last the agency in a dateline ("VELDEN, June 9
#: (Paxwire) -"), which a reprint also carries. Written from the shapes in the
#: project's annotated dumps and tests/fixtures/outlets.
OUTLET_EVIDENCE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("copyright line", OUTLET_FROM_COPYRIGHT),
    ("comment policy", re.compile(
        r"^\W*" + _OWN + r"\s+(?:moderates|pre-moderates|reviews|reads)\s+(?:all\s+|every\s+)?(?:reader\s+)?comments?\b"
        r"|^\W*" + _OWN + r"\s+(?:reserves\s+the\s+right\s+to\s+(?:remove|delete|reject|edit)|does\s+not\s+edit)"
        r"|\b(?i:comments\s+(?:on|at|to))\s+" + _OWN + r"\s+(?:are|is)\s+(?:pre-)?moderated")),
    ("photo credit", re.compile(
        r"\b(?i:photo|photograph|picture|image)s?\s*(?::|by)\s*" + _PERSON + r"\s*/\s*" + _OWN + r"\s*\)?\s*$"
        r"|\b(?i:credit)\s*(?:\.{3}|…|:)\s*" + _PERSON + r"\s+for\s+" + _OWN + r"\s*$"
        r"|(?:^|[.\s])([A-Z][A-Z&]{2,})\s*/\s*" + _PERSON + r"(?:\s*/\s*File\s+Photo)?\s*$")),
    ("staff byline", re.compile(
        r"^\W*(?:(?i:by)\s+)?" + _PERSON + r",\s+" + _OWN + r"\s+(?i:staff|staff\s+writer|reporter)\W*$"
        r"|\b(?i:correspondent|reporter|editor|writer),\s+" + _OWN + r"\s*$")),
    ("app or newsletter prompt", re.compile(
        r"\b(?i:download|get|install)\s+the\s+" + _OWN + r"\s+(?i:app)\b"
        r"|\b(?i:get\s+news\s+from)\s+" + _OWN + r"\s+(?i:in\s+your\s+inbox)")),
    ("publication note", OUTLET_FROM_PROSE),
    ("photo credit", OUTLET_FROM_CREDIT),
    ("dateline agency", re.compile(r"^[A-ZÀ-Þ][^()]{1,60}\(([A-Z][\w&'’ .-]{1,40})\)\s*(?:--|[-–—:])?\s*$")),
)

#: Words that name the company behind an outlet, not the outlet ("Longitude
#: Media Inc.", "Plains Courier Media Group").
_COMPANY_TAIL = re.compile(
    r"(?:\s+(?:media|group|inc|ltd|llc|plc|limited|company|co|corp|corporation|holdings|publishing|"
    r"newspapers|enterprises|network))+\.?$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class OutletEvidence:
    """An outlet named in an article's own lines, with the line that names it."""

    name: str
    kind: str  # one of the kinds of OUTLET_EVIDENCE
    line: str

    def describe(self) -> str:
        return f"{self.kind}: {self.line.strip()}"


def outlet_evidence(lines: list[str]) -> OutletEvidence | None:
    """The strongest self-naming line among ``lines`` (the lines cleaning took
    out: footers, credits, bylines, the dateline), or None."""
    for kind, pattern in OUTLET_EVIDENCE:
        for line in reversed(lines):
            if pattern is OUTLET_FROM_COPYRIGHT and re.search(r"image\s+copyright", line, re.I):
                continue
            match = pattern.search(line)
            if not match:
                continue
            name = _outlet_name(next(g for g in match.groups() if g))  # the one group that matched
            if name and name.lower() not in NOT_OUTLETS and len(name) > 2:
                return OutletEvidence(name, kind, line)
    return None


def outlet_from_lines(lines: list[str]) -> str | None:
    """An outlet named by a footer, a credit, a byline or a prompt, or None."""
    found = outlet_evidence(lines)
    return found.name if found else None


def _outlet_name(raw: str) -> str:
    name = raw.strip(" .,")
    name = re.split(r"\s*(?:,|\.\s|\ball rights\b)", name, flags=re.I)[0].strip(" .,")
    name = _COMPANY_TAIL.sub("", name).strip(" .,") or name
    if name.isupper() and len(name) >= 5 and " " not in name:
        name = name.capitalize()  # "PAXWIRE/Jon Bell" in a credit
    return name


def outlet_from_url(url: str | None) -> str | None:
    if not url:
        return None
    host = urlsplit(url if "//" in url else f"//{url}").hostname or ""
    host = re.sub(r"^(?:www\d?|m|amp|edition|news)\.", "", host)
    return host or None


def outlet_from_stem(stem: str) -> str:
    """'kessra-tribune' -> 'Kessra Tribune': the last resort."""
    words = re.split(r"[-_\s]+", stem)
    return " ".join(w.capitalize() for w in words if w) or stem
