"""Dates written in articles and comments, turned into ISO YYYY-MM-DD."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
MONTH_DAY_YEAR = rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"
DAY_MONTH_YEAR = rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"
ISO_DATE = r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?P<time>T\d{2}:\d{2}(?::\d{2})?\S*)?"
_PATTERNS = [(re.compile(MONTH_DAY_YEAR, re.I), True), (re.compile(DAY_MONTH_YEAR, re.I), True),
             (re.compile(ISO_DATE), False)]
# A date as it ends a comment header: "October 13, 2017 at 1:17 am", "2017-10-13 13:17".
TIME = r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?\s?m\.?)?)"
HEADER_DATE = re.sub(
    r"\(\?P<\w+>", "(?:",
    rf"(?:{MONTH_DAY_YEAR}|{DAY_MONTH_YEAR}|\d{{4}}-\d{{2}}-\d{{2}})(?:,?\s+(?:at\s+)?{TIME})?",
)


def _to_iso(match: re.Match[str]) -> str | None:
    """ISO date from a match with year/month/day groups, None if it is no real date."""
    month_text = match.group("month")
    month = int(month_text) if month_text.isdigit() else MONTHS[month_text.lower().rstrip(".")]
    try:
        return date(int(match.group("year")), month, int(match.group("day"))).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, str, bool]]:
    """Every date in `text` as (position, iso, is_written_out), in text order.

    ISO timestamps with a time of day ("2017-11-12T20:21:47") are machine stamps,
    usually the modification time; written-out dates are what the author published.
    """
    found: list[tuple[int, str, bool]] = []
    for pattern, written in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _to_iso(match)
            if iso:
                stamp = not written and bool(match.groupdict().get("time"))
                found.append((match.start(), iso, written or not stamp))
    return sorted(found)


def publication_date(text: str) -> str:
    """The publication date in a byline or date line: written or plain dates before timestamps."""
    dates = find_dates(text)
    preferred = [iso for _, iso, plain in dates if plain]
    if preferred:
        return preferred[0]
    return dates[0][1] if dates else ""


def parse_date(text: str) -> str:
    """ISO date for the first date in `text`, or '' when there is none."""
    dates = find_dates(text)
    return dates[0][1] if dates else ""
