"""Server-drawn SVG charts: no chart library, no script, no inline styles.

Colours come from classes in insights.css (which use the shared custom
properties, so dark mode follows). The drawing scales to its container
through the viewBox, so one size reads on a 390 px phone and on a desktop.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from hearth.core.trust import Point, WeekBalance
from hearth.insights.markers import Marker
from hearth.insights.summary import MONTHS

WIDTH, HEIGHT = 360, 190
LEFT, RIGHT, TOP, BOTTOM = 30, 8, 12, 24


@dataclass(frozen=True)
class Line:
    """One member's line on a combined chart (no band: bands would cover each other)."""

    name: str
    points: Sequence[Point]


def _x(i: int, n: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return LEFT + (span * i / (n - 1) if n > 1 else span / 2)


def _y(value: float) -> float:
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - min(1.0, max(0.0, value)))


def _fmt(v: float) -> str:
    return f"{v:.1f}"


def _short(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1][:3]}"


def _ticks(days: Sequence[date]) -> list[tuple[int, str]]:
    """About five date ticks: weekly for a month, then month starts."""
    n = len(days)
    if n <= 35:
        return [(i, _short(d)) for i, d in enumerate(days) if i % 7 == 0]
    step = 1 if n <= 100 else 2
    ticks = []
    for i, d in enumerate(days):
        if d.day == 1 and (d.month - 1) % step == 0:
            label = MONTHS[d.month - 1][:3] if d.month != 1 else str(d.year)
            ticks.append((i, label))
    return ticks


def _frame(days: Sequence[date]) -> list[str]:
    parts = ['<g class="chart-grid" aria-hidden="true">']
    for value, label in ((0.0, "0"), (0.25, ""), (0.5, ""), (0.75, ""), (1.0, "1")):
        y = _fmt(_y(value))
        if value != 0.5:
            parts.append(f'<line class="grid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y}" y2="{y}"/>')
        if label:
            parts.append(
                f'<text class="tick" x="{LEFT - 6}" y="{y}" text-anchor="end" '
                f'dominant-baseline="middle">{label}</text>'
            )
    mid = _fmt(_y(0.5))
    parts.append(
        f'<line class="mid" x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{mid}" y2="{mid}" '
        'stroke-dasharray="4 4"/>'
    )
    parts.append(
        f'<text class="tick" x="{LEFT - 6}" y="{mid}" text-anchor="end" '
        'dominant-baseline="middle">½</text>'
    )
    for i, label in _ticks(days):
        x = _fmt(_x(i, len(days)))
        parts.append(
            f'<line class="grid" x1="{x}" x2="{x}" y1="{TOP}" y2="{HEIGHT - BOTTOM}"/>'
            f'<text class="tick" x="{x}" y="{HEIGHT - 8}" text-anchor="middle">{label}</text>'
        )
    parts.append("</g>")
    return parts


# A year of days is more points than a phone has pixels: draw at most this many.
MAX_POINTS = 122


def _sample(n: int) -> list[int]:
    """Indexes to draw: every day for short periods, evenly spaced (ends kept) for long ones."""
    if n <= MAX_POINTS:
        return list(range(n))
    step = (n - 1) / (MAX_POINTS - 1)
    return [round(i * step) for i in range(MAX_POINTS)]


def _coords(points: Sequence[Point], value: str, order: list[int]) -> list[str]:
    n = len(points)
    return [f"{_x(i, n):.1f},{_y(getattr(points[i], value)):.1f}" for i in order]


def _path(points: Sequence[Point], value: str) -> str:
    return "M" + " L".join(_coords(points, value, _sample(len(points))))


def _band(points: Sequence[Point]) -> str:
    order = _sample(len(points))
    upper = _coords(points, "high", order)
    lower = _coords(points, "low", order[::-1])
    return "M" + " L".join(upper + lower) + " Z"


def _marker_shape(shape: str, x: float, y: float) -> str:
    if shape == "diamond":
        corners = ((x, y - 5), (x + 5, y), (x, y + 5), (x - 5, y))
        pts = " ".join(f"{_fmt(cx)},{_fmt(cy)}" for cx, cy in corners)
        return f'<polygon points="{pts}"/>'
    if shape == "square":
        return f'<rect x="{_fmt(x - 4)}" y="{_fmt(y - 4)}" width="8" height="8"/>'
    return f'<circle cx="{_fmt(x)}" cy="{_fmt(y)}" r="4.5"/>'


def _markers(days: Sequence[date], markers: Sequence[Marker]) -> list[str]:
    index = {d: i for i, d in enumerate(days)}
    parts = []
    for marker in markers:
        if marker.day not in index:
            continue
        x = _x(index[marker.day], len(days))
        parts.append(
            f'<g class="marker marker-{escape(marker.kind)}">'
            f"<title>{escape(_short(marker.day))}: {escape(marker.label)}</title>"
            f'<line x1="{_fmt(x)}" x2="{_fmt(x)}" y1="{TOP}" y2="{HEIGHT - BOTTOM}"/>'
            f"{_marker_shape(marker.shape, x, TOP)}</g>"
        )
    return parts


def _open(chart_id: str, title: str, described_by: str) -> str:
    return (
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title" aria-describedby="{escape(described_by)}" '
        'preserveAspectRatio="xMidYMid meet" focusable="false">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>'
    )


def series_svg(
    points: Sequence[Point],
    *,
    chart_id: str,
    title: str,
    described_by: str,
    markers: Sequence[Marker] = (),
) -> SafeString:
    """One dimension: the 80% band, the expected value as a line, and the markers."""
    parts = [_open(chart_id, title, described_by), *_frame([p.day for p in points])]
    if points:
        parts.append(f'<path class="band" d="{_band(points)}"/>')
        parts.append(f'<path class="line" d="{_path(points, "expected")}" fill="none"/>')
    parts.extend(_markers([p.day for p in points], markers))
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def lines_svg(lines: Sequence[Line], *, chart_id: str, title: str, described_by: str) -> SafeString:
    """Several members' own lines on one chart (the combined view)."""
    days = [p.day for p in lines[0].points] if lines else []
    parts = [_open(chart_id, title, described_by), *_frame(days)]
    for i, line in enumerate(lines):
        if line.points:
            parts.append(
                f'<path class="line line-{i % 4}" d="{_path(line.points, "expected")}" '
                f'fill="none"><title>{escape(line.name)}</title></path>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def balance_svg(
    weeks: Sequence[WeekBalance], *, chart_id: str, title: str, described_by: str
) -> SafeString:
    """Warm moments as bars up from the middle, hard ones as bars down."""
    height = 150
    mid = height / 2
    tallest = max([1, *(max(w.positive, w.negative) for w in weeks)])
    span = WIDTH - LEFT - RIGHT
    slot = span / max(1, len(weeks))
    bar = max(1.5, slot * 0.7)
    scale = (mid - 16) / tallest
    parts = [
        f'<svg class="chart chart-balance" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{escape(chart_id)}-title" aria-describedby="{escape(described_by)}" '
        'preserveAspectRatio="xMidYMid meet" focusable="false">'
        f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
        f'<g class="chart-grid" aria-hidden="true"><line class="mid" x1="{LEFT}" '
        f'x2="{WIDTH - RIGHT}" y1="{_fmt(mid)}" y2="{_fmt(mid)}"/>'
        f'<text class="tick" x="{LEFT - 6}" y="{_fmt(mid - 8)}" text-anchor="end">warm</text>'
        f'<text class="tick" x="{LEFT - 6}" y="{_fmt(mid + 14)}" text-anchor="end">hard</text>',
    ]
    label_every = max(1, len(weeks) // 5)
    for i, week in enumerate(weeks):
        if i % label_every == 0:
            x = LEFT + slot * i + slot / 2
            parts.append(
                f'<text class="tick" x="{_fmt(x)}" y="{height - 2}" '
                f'text-anchor="middle">{_short(week.week_start)}</text>'
            )
    parts.append("</g>")
    for i, week in enumerate(weeks):
        x = LEFT + slot * i + (slot - bar) / 2
        up, down = week.positive * scale, week.negative * scale
        end = week.week_start + timedelta(days=6)
        parts.append(
            f'<g class="bars"><title>{_short(week.week_start)} to {_short(end)}: '
            f"{week.positive} warm, {week.negative} hard</title>"
            f'<rect class="bar-positive" x="{_fmt(x)}" y="{_fmt(mid - up)}" '
            f'width="{_fmt(bar)}" height="{_fmt(up)}"/>'
            f'<rect class="bar-negative" x="{_fmt(x)}" y="{_fmt(mid)}" '
            f'width="{_fmt(bar)}" height="{_fmt(down)}"/></g>'
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped
