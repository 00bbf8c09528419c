"""Posted dates: parse what sources give (ISO text, epoch seconds or milliseconds) into dates."""

from __future__ import annotations

import datetime as dt

_EPOCH_MS_THRESHOLD = 10**11  # beyond this, a number is milliseconds (year 5138 in seconds)
_EARLIEST = dt.date(1995, 1, 1)
_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S")


class DateParseError(ValueError):
    """A value is not a date we can trust."""


def parse_posted_date(
    value: object, *, kind: str = "auto", today: dt.date | None = None
) -> dt.date:
    """Parse a posted date; ``kind`` is ``auto``, ``iso``, ``epoch_s`` or ``epoch_ms``.

    Rejects dates before 1995 or more than two days in the future.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        raise DateParseError("missing date")
    if kind in ("epoch_s", "epoch_ms") or (kind == "auto" and _is_number(value)):
        parsed = _from_epoch(value, kind)
    else:
        parsed = _from_text(str(value).strip())
    latest = (today or dt.datetime.now(dt.UTC).date()) + dt.timedelta(days=2)
    if not _EARLIEST <= parsed <= latest:
        raise DateParseError(f"date {parsed.isoformat()} out of range")
    return parsed


def week_start(day: dt.date) -> dt.date:
    """Monday of the ISO week containing ``day``."""
    return day - dt.timedelta(days=day.weekday())


def iso_week_label(day: dt.date) -> str:
    """ISO week label such as ``2024-W15``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _is_number(value: object) -> bool:
    if isinstance(value, int | float):
        return True
    try:
        float(str(value))
    except ValueError:
        return False
    return True


def _from_epoch(value: object, kind: str) -> dt.date:
    try:
        number = float(str(value))
    except ValueError as exc:
        raise DateParseError(f"not an epoch timestamp: {value!r}") from exc
    if number != number or number in (float("inf"), float("-inf")):
        raise DateParseError(f"not an epoch timestamp: {value!r}")
    millis = kind == "epoch_ms" or (kind == "auto" and abs(number) >= _EPOCH_MS_THRESHOLD)
    seconds = number / 1000 if millis else number
    try:
        return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError) as exc:
        raise DateParseError(f"epoch timestamp out of range: {value!r}") from exc


def _from_text(text: str) -> dt.date:
    try:
        return dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    for fmt in _FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise DateParseError(f"unrecognised date {text[:40]!r}")
