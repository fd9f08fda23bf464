"""Times of day ("5 p.m. EST Nov. 9", "noon Thursday"): a TIME on the day named, or the story's day."""

from __future__ import annotations

import re

from .calendar_dates import calendar_date
from .relative import deictic_day, weekday
from .results import NotPlaced, Resolved
from .words import count


def clock_time(g, cand, ctx):
    """"5 p.m. EST Nov. 9", "noon Thursday", "15:00 GMT Saturday": a time on a placed day;
    with no day named, the day of the story (kept out of the event table)."""
    day = None
    if g.get("month2"):
        g = {**g, "month": g["month2"], "day": g["day2"]}
    for key, norm in (("month", calendar_date), ("weekday", weekday), ("deixis", deictic_day)):
        if g.get(key):
            found = norm(g, cand, ctx)
            if isinstance(found, Resolved):
                day = found
            break
    clock = (g.get("clock") or g.get("clock2") or "").lower().replace(" ", "")
    if clock == "noon":
        hh = "12:00"
    elif clock == "midnight":
        hh = "24:00"
    else:
        m = re.match(r"(\d{1,2})(?:[:.](\d{2}))?(a|p)?", clock)
        if m:
            h, minutes, half = int(m.group(1)), m.group(2) or "00", m.group(3)
        elif count(clock):
            h, minutes, half = count(clock), "00", None
        else:
            return None
        if half:
            h = h % 12 + (12 if half == "p" else 0)
        part = (g.get("part") or "").lower()
        if h < 12 and (part in ("evening", "afternoon") or (part == "night" and h >= 7)):
            h += 12  # "las ocho de la tarde"
        if h > 24:
            return None
        hh = f"{h:02d}:{minutes}"
    if g.get("gmt"):
        hh += "Z"
    if day is None:
        base = ctx.last_anchor("day", cand.start)
        base_day = base.date_start if base is not None else ctx.anchor
        if base_day is None:
            return NotPlaced("TIME", f"XXXX-XX-XXT{hh}")
        return NotPlaced("TIME", f"{base_day.isoformat()}T{hh}")
    return Resolved(day.value, day.start, day.end, "day", day.resolution, day.confidence,
                    timeml=("TIME", f"{day.start.isoformat()}T{hh}"))
