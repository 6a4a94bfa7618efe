"""Resolve date expressions against a document's publication date.

Returns the value at the precision the text gives: ``xsd:date`` ("on the 29th",
"Wednesday", "March 3, 1987"), ``xsd:gYearMonth`` ("last September", "in October",
"last month") or ``xsd:gYear`` ("last year", "in 1986"). Without a reference date,
relative expressions stay unresolved (None).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from ..extract.records import Value
from ..vocab import XSD

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"

_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MDY = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
_DMY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\s+(\d{{4}})\b", re.I)
_MY = re.compile(rf"\b{_MONTH}\s+(?:of\s+)?(\d{{4}})\b", re.I)
_MD = re.compile(rf"\b{_MONTH}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b", re.I)
_DM = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}\b", re.I)
_ORDINAL_DAY = re.compile(r"\bthe\s+(\d{1,2})(?:st|nd|rd|th)\b", re.I)
_WEEKDAY = re.compile(r"\b(?:(last|next|this)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
_REL_MONTH = re.compile(r"\b(last|next|this)\s+month\b", re.I)
_REL_YEAR = re.compile(r"\b(last|next|this)\s+year\b", re.I)
_LAST_MONTHNAME = re.compile(rf"\b(last|next|this|earlier this|later this)\s+{_MONTH}\b", re.I)
_MONTH_ONLY = re.compile(rf"^(?:in\s+|early\s+|late\s+|mid-?)?{_MONTH}$", re.I)
_MONTH_PART = re.compile(rf"^(?:the\s+)?(?:beginning|start|end|middle|first half|second half|first week|last week)"
                         rf"\s+of\s+{_MONTH}$", re.I)
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_TODAY = re.compile(r"\b(today|tonight)\b", re.I)
_YESTERDAY = re.compile(r"\byesterday\b", re.I)
_TOMORROW = re.compile(r"\btomorrow\b", re.I)
_EARLIER_THIS_YEAR = re.compile(r"\b(earlier|later) this year\b", re.I)
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10}
_AGO = re.compile(r"\b(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+"
                  r"(year|month|week)s?\s+ago\b", re.I)
_REL_WEEK = re.compile(r"\b(last|this|next)\s+week\b", re.I)


def _d(day: date) -> Value:
    return Value(day.isoformat(), XSD + "date")


def _ym(year: int, month: int) -> Value:
    return Value(f"{year:04d}-{month:02d}", XSD + "gYearMonth")


def _y(year: int) -> Value:
    return Value(f"{year:04d}", XSD + "gYear")


def _safe(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_near(ref: date, month: int, future: bool) -> int:
    """The year of the nearest ``month`` before (or after, if ``future``) ``ref``."""
    if future:
        return ref.year if month >= ref.month else ref.year + 1
    return ref.year if month <= ref.month else ref.year - 1


def resolve_date(text: str, ref: date | None, *, future: bool = False) -> Value | None:
    """Resolve ``text`` (a date expression) against ``ref``; ``future`` for planned events.

    >>> resolve_date("on the 29th", date(2025, 10, 28)).lexical
    '2025-10-29'
    >>> resolve_date("last September", date(1987, 3, 17)).lexical
    '1986-09'
    >>> resolve_date("the 29th", None) is None
    True
    """
    t = " ".join(text.split())
    if m := _ISO.search(t):
        day = _safe(int(m[1]), int(m[2]), int(m[3]))
        return _d(day) if day else None
    if m := _MDY.search(t):
        day = _safe(int(m[3]), _month(m[1]), int(m[2]))
        return _d(day) if day else None
    if m := _DMY.search(t):
        day = _safe(int(m[3]), _month(m[2]), int(m[1]))
        return _d(day) if day else None
    if m := _MY.search(t):
        return _ym(int(m[2]), _month(m[1]))
    if ref is None:
        if m := _YEAR.fullmatch(t.strip()):
            return _y(int(m[1]))
        if m := re.search(r"\bin (1[89]\d\d|20\d\d)\b", t):
            return _y(int(m[1]))
        return None
    if m := _MD.search(t):
        month, dd = _month(m[1]), int(m[2])
        year = _month_near(ref, month, future) if month != ref.month else ref.year
        day = _safe(year, month, dd)
        return _d(day) if day else None
    if m := _DM.search(t):
        month, dd = _month(m[2]), int(m[1])
        year = _month_near(ref, month, future) if month != ref.month else ref.year
        day = _safe(year, month, dd)
        return _d(day) if day else None
    if m := _ORDINAL_DAY.search(t):
        dd = int(m[1])
        # "on the 29th": this month; a day far behind the reference in a future context is next month
        year, month = ref.year, ref.month
        if future and dd < ref.day - 7:
            month = month % 12 + 1
            year += month == 1
        elif not future and dd > ref.day + 7:
            month = (month - 2) % 12 + 1
            year -= month == 12
        day = _safe(year, month, dd)
        return _d(day) if day else None
    if _TODAY.search(t):
        return _d(ref)
    if _YESTERDAY.search(t):
        return _d(ref - timedelta(days=1))
    if _TOMORROW.search(t):
        return _d(ref + timedelta(days=1))
    if m := _WEEKDAY.search(t):
        which, wd = (m[1] or "").lower(), WEEKDAYS[m[2].lower()]
        delta = (wd - ref.weekday()) % 7
        if which == "next":
            return _d(ref + timedelta(days=delta or 7))
        if future and which != "last":
            return _d(ref + timedelta(days=delta))  # "on Wednesday" in Wednesday's paper: today
        back = (ref.weekday() - wd) % 7
        if which == "last":
            back = back or 7
        return _d(ref - timedelta(days=back))
    if m := _REL_MONTH.search(t):
        shift = {"last": -1, "next": 1, "this": 0}[m[1].lower()]
        y, mo = divmod(ref.year * 12 + ref.month - 1 + shift, 12)
        return _ym(y, mo + 1)
    if m := _LAST_MONTHNAME.search(t):
        which, month = m[1].lower(), _month(m[2])
        if which == "last":
            return _ym(ref.year - (month >= ref.month), month)
        if which == "next":
            return _ym(ref.year + (month <= ref.month), month)
        return _ym(ref.year, month)
    if m := (_MONTH_ONLY.search(t.strip()) or _MONTH_PART.search(t.strip())):
        month = _month(m[1])
        return _ym(_month_near(ref, month, future), month)
    if m := _AGO.search(t):  # "three years ago" is a year; "two months ago" a month
        n = int(m[1]) if m[1].isdigit() else _NUMBERS[m[1].lower()]
        unit = m[2].lower()
        if unit == "year":
            return _y(ref.year - n)
        if unit == "month":
            y, mo = divmod(ref.year * 12 + ref.month - 1 - n, 12)
            return _ym(y, mo + 1)
        return _week_month(ref - timedelta(weeks=n))
    if m := _REL_WEEK.search(t):  # a week at month precision, when it lies in one month
        return _week_month(ref + timedelta(weeks={"last": -1, "this": 0, "next": 1}[m[1].lower()]))
    if _EARLIER_THIS_YEAR.search(t):
        return _y(ref.year)
    if m := _REL_YEAR.search(t):
        return _y(ref.year + {"last": -1, "next": 1, "this": 0}[m[1].lower()])
    if m := re.search(r"\b(?:in\s+)?(1[89]\d\d|20\d\d)\b", t):
        return _y(int(m[1]))
    return None


def _week_month(day: date) -> Value | None:
    """The month of the Monday-to-Sunday week holding ``day``, or None when it spans two."""
    monday = day - timedelta(days=day.weekday())
    sunday = monday + timedelta(days=6)
    return _ym(monday.year, monday.month) if (monday.year, monday.month) == (sunday.year, sunday.month) else None


def _month(name: str) -> int:
    key = name.lower().rstrip(".")
    return MONTHS.get(key) or MONTHS.get(key[:4]) or MONTHS[key[:3]]
