from datetime import date

import pytest

from kg.link.dates import resolve_date

P = pytest.param
REF = date(2025, 10, 29)  # a Wednesday


@pytest.mark.parametrize("text, ref, future, expected", [
    P("on the 29th", date(2025, 10, 28), True, "2025-10-29", id="ordinal day this month"),
    P("the 30th", REF, True, "2025-10-30", id="ordinal day ahead"),
    P("last September", date(1987, 3, 17), False, "1986-09", id="last September from March is last year"),
    P("last month", REF, False, "2025-09", id="last month"),
    P("in October", date(2025, 3, 1), True, "2025-10", id="month ahead for a planned event"),
    P("July", date(1987, 3, 3), False, "1986-07", id="bare month in the past"),
    P("Wednesday", date(1987, 3, 20), True, "1987-03-25", id="weekday ahead"),
    P("Monday", REF, False, "2025-10-27", id="weekday behind"),
    P("September 1986", None, False, "1986-09", id="month and year need no reference"),
    P("March 3, 1987", None, False, "1987-03-03", id="full date"),
    P("earlier this year", REF, False, "2025", id="earlier this year is the year"),
    P("last year", REF, False, "2024", id="last year"),
    P("the beginning of December", date(2005, 1, 11), False, "2004-12", id="beginning of a month, in the past"),
    P("the end of November", REF, True, "2025-11", id="end of a month ahead"),
    P("the middle of March", date(1987, 4, 2), False, "1987-03", id="middle of a month at month precision"),
    P("today", REF, False, "2025-10-29", id="today in a press release is the published date"),
    P("on Thursday", date(2023, 5, 18), False, "2023-05-18", id="weekday of the published date is that day"),
    P("last month", date(2019, 1, 10), False, "2018-12", id="last month across a year boundary"),
    P("three years ago", REF, False, "2022", id="years ago is a year"),
    P("a year ago", date(1987, 3, 20), False, "1986", id="a year ago"),
    P("two months ago", date(2025, 1, 15), False, "2024-11", id="months ago across a year boundary"),
    P("last week", date(2025, 10, 15), False, "2025-10", id="last week inside one month"),
    P("this week", date(2025, 10, 15), False, "2025-10", id="this week inside one month"),
])
def test_dates_resolve(text, ref, future, expected):
    assert resolve_date(text, ref, future=future).lexical == expected


@pytest.mark.parametrize("text", ["the 29th", "last month", "Wednesday", "in October"])
def test_dates_stay_unresolved_without_reference(text):
    assert resolve_date(text, None) is None


@pytest.mark.parametrize("text, ref", [
    P("last week", date(2025, 10, 8), id="last week spanning September and October"),
    P("this week", REF, id="this week spanning October and November"),
    P("next week", date(2025, 10, 22), id="next week spanning October and November"),
])
def test_dates_week_across_months_is_none(text, ref):
    assert resolve_date(text, ref) is None


def test_dates_impossible_day_is_none():
    assert resolve_date("February 30, 2025", None) is None
