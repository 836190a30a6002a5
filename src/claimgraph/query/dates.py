"""Date bounds given on the command line ("2010", "2019-03", "2020-01-03") as ISO days."""
from __future__ import annotations

import calendar
import re

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def bound(value: str | None, end: bool = False) -> str | None:
    """The first day (or with `end`, the last day) of a year, month or day, as YYYY-MM-DD."""
    if value is None:
        return None
    m = _DATE.match(str(value).strip())
    if not m:
        raise ValueError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = int(m[1]), m[2] and int(m[2]), m[3] and int(m[3])
    if month and not 1 <= month <= 12:
        raise ValueError(f"not a date: {value!r} (no month {month})")
    if day and not 1 <= day <= calendar.monthrange(year, month)[1]:
        raise ValueError(f"not a date: {value!r} ({calendar.month_name[month]} {year} has "
                         f"{calendar.monthrange(year, month)[1]} days)")
    if not month:
        month, day = (12, 31) if end else (1, 1)
    elif not day:
        day = calendar.monthrange(year, month)[1] if end else 1
    return f"{year:04d}-{month:02d}-{day:02d}"


def overlaps(spans: list[tuple[str, str]], date_from: str | None, date_to: str | None) -> bool:
    """Whether any span meets [date_from, date_to]; with no bounds everything does, with bounds
    a claim with no span does not."""
    if date_from is None and date_to is None:
        return True
    return any((date_to is None or start <= date_to) and (date_from is None or end >= date_from)
               for start, end in spans)
