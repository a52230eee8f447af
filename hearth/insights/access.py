"""Reads for the insights pages, always scoped to the member and their space.

A member's insights come from their own evidence, gathered from every app
that offers an adapter (``hearth.<app>.evidence``), and are computed on each
visit. The only thing anyone else can ever see is the combined view, built
from what every current member agreed to share (see models.SharedSeries).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from django.http import Http404
from django.utils import timezone
from django.utils.safestring import SafeString

from hearth.core import trust
from hearth.insights import charts, summary
from hearth.insights.markers import Marker, markers_for
from hearth.insights.models import EvidenceCache, InsightSettings, SharedSeries
from hearth.spaces.context import Here
from hearth.vault import records

ADAPTERS = ("checkins", "promises", "appreciations", "boundaries")
# Evidence older than the period still shapes its first days (it fades with a
# 60-day half-life), so the model runs from this many days earlier.
WARMUP_DAYS = 180
PERIODS = (4, 12, 52)
DEFAULT_WEEKS = 12
PERIOD_WORDS = {4: "the last four weeks", 12: "the last twelve weeks", 52: "the last year"}
SNAPSHOT_WEEKS = 52

DIMENSIONS: dict[str, tuple[str, str]] = {
    # dimension: (heading, the check-in question it grows from)
    "reliability": ("Reliability", "I could rely on them"),
    "heard": ("Being heard", "I felt heard"),
    "safety": ("Safe to be myself", "I felt safe to be myself"),
    "respect": ("Respect", "I felt respected"),
}

Adapter = Callable[[Here, date, date], list[trust.Evidence]]


# --- evidence -------------------------------------------------------------------


def _adapters() -> list[Adapter]:
    found: list[Adapter] = []
    for app in ADAPTERS:
        name = f"hearth.{app}.evidence"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as exc:
            if exc.name != name:
                raise
            continue
        found.append(module.evidence)
    return found


def _read(here: Here, start: date, end: date) -> list[trust.Evidence]:
    return [e for adapter in _adapters() for e in adapter(here, start, end)]


# Evidence this recent is always read fresh; older evidence comes from the
# member's sealed daily cache (models.EvidenceCache).
FRESH_DAYS = 8
CACHE_REACH_DAYS = 7 * 52 + WARMUP_DAYS + 14


def _pack(evidence: Sequence[trust.Evidence]) -> list[list[Any]]:
    return [
        [e.day.toordinal(), e.dimension, e.positive, e.negative, e.about, e.source]
        for e in evidence
    ]


def _unpack(rows: Sequence[Sequence[Any]]) -> list[trust.Evidence]:
    return [
        trust.Evidence(date.fromordinal(int(r[0])), str(r[1]), float(r[2]), float(r[3]), r[4], r[5])
        for r in rows
    ]


def _older(here: Here, start: date, through: date, today: date) -> list[trust.Evidence]:
    """Evidence from start to through (both inclusive), from today's cache if it holds it."""
    cache = EvidenceCache.objects.filter(owner=here.user, space_id=here.space_id).first()
    if (
        cache is not None
        and cache.built_on == today
        and cache.from_day <= start
        and cache.through_day == through
    ):
        try:
            rows = records.reveal(cache, here.keychain).content
        except records.Locked:
            rows = None
        if rows is not None:
            return [e for e in _unpack(rows) if e.day >= start]
    from_day = min(start, today - timedelta(days=CACHE_REACH_DAYS))
    evidence = _read(here, from_day, through)
    cache = cache or EvidenceCache(owner=here.user, space_id=here.space_id)
    cache.key_for_owner = b""  # a fresh item key each day: yesterday's copy is gone
    cache.key_for_space = None
    cache.built_on, cache.from_day, cache.through_day = today, from_day, through
    records.seal(cache, here.keychain, content=_pack(evidence))
    cache.save()
    return [e for e in evidence if e.day >= start]


def evidence_mine(here: Here, start: date, end: date) -> list[trust.Evidence]:
    """The member's own evidence from every app that has an adapter.

    Older evidence comes from a sealed cache built once a day, so a change to
    something more than a week old shows from the next day on.
    """
    today = timezone.localdate()
    through = today - timedelta(days=FRESH_DAYS)
    if not start <= through < end:
        return _read(here, start, end)
    return _older(here, start, through, today) + _read(here, through + timedelta(days=1), end)


# Kinds a moment brings along (a crossed boundary also touches safety): the
# same moment, so not counted twice in the balance.
_ALONG = {kind for kinds in trust.ALSO.values() for kind in kinds}


def is_moment(e: trust.Evidence) -> bool:
    """A moment (a kept promise, a thanks, a boundary honoured), not a check-in rating."""
    return e.source in trust.MOMENTS and e.source not in _ALONG


def moments_of(evidence: Sequence[trust.Evidence]) -> list[tuple[date, bool]]:
    return [(e.day, e.positive >= e.negative) for e in evidence if is_moment(e)]


def monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def balance_for(
    evidence: Sequence[trust.Evidence], start: date, end: date
) -> list[trust.WeekBalance]:
    """One WeekBalance per week from start's week to end's, quiet weeks included."""
    found = {
        w.week_start: w
        for w in trust.weekly_balance([m for m in moments_of(evidence) if start <= m[0] <= end])
    }
    weeks = []
    week = monday(start)
    while week <= end:
        weeks.append(found.get(week, trust.WeekBalance(week, 0, 0)))
        week += timedelta(days=7)
    return weeks


def series_for(
    evidence: Sequence[trust.Evidence],
    dimension: str,
    start: date,
    end: date,
    about: int | None = None,
) -> list[trust.Point]:
    """One dimension from start to end; earlier evidence arrives on the first day, faded."""
    return trust.series(evidence, dimension, start, end, about=about)


def all_series(
    evidence: Sequence[trust.Evidence], start: date, end: date, about: int | None = None
) -> dict[str, list[trust.Point]]:
    """Every dimension at once (one pass over the evidence)."""
    return trust.series_all(evidence, start, end, about=about)


# --- what the query string asks for ------------------------------------------------


@dataclass(frozen=True)
class Period:
    weeks: int
    start: date
    end: date

    @property
    def words(self) -> str:
        return PERIOD_WORDS[self.weeks]


def period_for(weeks: str | None, today: date) -> Period:
    """The period a ``?weeks=`` asks for; anything unknown gives the default."""
    try:
        n = int(weeks or DEFAULT_WEEKS)
    except ValueError:
        n = DEFAULT_WEEKS
    if n not in PERIODS:
        n = DEFAULT_WEEKS
    return Period(n, today - timedelta(days=7 * n - 1), today)


def about_choices(here: Here) -> list[tuple[int, str]]:
    """Members a per-member series can be about: only in spaces of three or more."""
    if len(here.current_member_ids) < 3:
        return []
    return here.others


def about_for(here: Here, about: str | None) -> int | None:
    """The member a ``?about=`` names, or None for everyone; 404 for anyone else."""
    if not about:
        return None
    allowed = dict(about_choices(here))
    try:
        uid = int(about)
    except ValueError:
        raise Http404("No such member.") from None
    if uid not in allowed:
        raise Http404("No such member.")
    return uid


# --- my page ----------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """One week of the table alternative, formatted once here (long tables render fast)."""

    week: str
    value: str
    range: str
    evidence: str


@dataclass(frozen=True)
class DimensionView:
    dimension: str
    heading: str
    question: str
    summary: str
    svg: SafeString
    rows: list[Row]
    chart_id: str


@dataclass(frozen=True)
class BalanceView:
    weeks: list[trust.WeekBalance]
    summary: str
    svg: SafeString


@dataclass
class InsightsPage:
    period: Period
    about: int | None
    about_name: str
    dimensions: list[DimensionView]
    balance: BalanceView
    markers: list[Marker]
    # Later sections (repair progress, ...) add themselves here when their app exists.
    extra_sections: list[dict[str, Any]] = field(default_factory=list)


def _day(day: date, *, year: bool = True) -> str:
    month = summary.MONTHS[day.month - 1][:3]
    return f"{day.day} {month} {day.year}" if year else f"{day.day} {month}"


def weekly_rows(points: Sequence[trust.Point]) -> list[Row]:
    """The table alternative: each week's last day, newest first."""
    rows = []
    for i in range(0, len(points), 7):
        week = points[i : i + 7]
        last = week[-1]
        rows.append(
            Row(
                f"{_day(week[0].day, year=False)} to {_day(last.day)}",
                f"{last.expected:.2f}",
                f"{last.low:.2f} to {last.high:.2f}",
                f"{last.evidence:.1f}",
            )
        )
    return rows[::-1]


def whom_for(here: Here, about: int | None) -> str:
    if about is not None:
        return here.name_of(about)
    others = here.others
    return others[0][1] if len(others) == 1 else "the others"


def dimension_view(
    dimension: str,
    points: Sequence[trust.Point],
    *,
    period: Period,
    whom: str,
    markers: Sequence[Marker],
    prefix: str = "chart",
) -> DimensionView:
    heading, question = DIMENSIONS[dimension]
    chart_id = f"{prefix}-{dimension}"
    return DimensionView(
        dimension=dimension,
        heading=heading,
        question=question,
        summary=summary.describe(points, dimension=dimension, period=period.words, whom=whom),
        svg=charts.series_svg(
            points,
            chart_id=chart_id,
            title=f"{heading}: your own sense over {period.words}",
            described_by=f"{chart_id}-summary",
            markers=markers,
        ),
        rows=weekly_rows(points),
        chart_id=chart_id,
    )


def balance_view(
    weeks: list[trust.WeekBalance], period: Period, prefix: str = "chart"
) -> BalanceView:
    chart_id = f"{prefix}-balance"
    return BalanceView(
        weeks=weeks,
        summary=summary.describe_balance(weeks, period=period.words),
        svg=charts.balance_svg(
            weeks,
            chart_id=chart_id,
            title=f"Warm and hard moments each week over {period.words}",
            described_by=f"{chart_id}-summary",
        ),
    )


def insights_page(here: Here, period: Period, about: int | None) -> InsightsPage:
    evidence = evidence_mine(here, period.start - timedelta(days=WARMUP_DAYS), period.end)
    markers = markers_for(here, period.start, period.end)
    whom = whom_for(here, about)
    series = all_series(evidence, period.start, period.end, about)
    dimensions = [
        dimension_view(
            dim,
            series[dim],
            period=period,
            whom=whom,
            markers=markers,
        )
        for dim in trust.DIMENSIONS
    ]
    return InsightsPage(
        period=period,
        about=about,
        about_name=here.name_of(about) if about is not None else "",
        dimensions=dimensions,
        balance=balance_view(balance_for(evidence, period.start, period.end), period),
        markers=markers,
    )


# --- settings -----------------------------------------------------------------------


def settings_mine(here: Here) -> InsightSettings:
    """The member's choices here, or the defaults (share nothing, no email), unsaved."""
    found = InsightSettings.objects.filter(owner=here.user, space_id=here.space_id).first()
    return found or InsightSettings(owner=here.user, space_id=here.space_id)


def snapshot_content(here: Here, choices: InsightSettings, today: date) -> dict[str, Any]:
    """Exactly what the member agreed to share, over the longest period."""
    start = today - timedelta(days=7 * SNAPSHOT_WEEKS - 1)
    evidence = evidence_mine(here, start - timedelta(days=WARMUP_DAYS), today)
    content: dict[str, Any] = {"end": today.isoformat(), "series": {}, "balance": []}
    series = all_series(evidence, start, today) if choices.shared_dimensions else {}
    for dim in trust.DIMENSIONS:
        if dim in choices.shared_dimensions:
            content["series"][dim] = [
                [round(p.expected, 4), round(p.low, 4), round(p.high, 4), round(p.evidence, 3)]
                for p in series[dim]
            ]
    if choices.share_balance:
        content["balance"] = [
            [w.week_start.isoformat(), w.positive, w.negative]
            for w in balance_for(evidence, start, today)
        ]
    return content


# --- the combined view ---------------------------------------------------------------


@dataclass(frozen=True)
class CombinedDimension:
    dimension: str
    heading: str
    svg: SafeString
    chart_id: str
    summaries: list[tuple[str, str]]  # (member name, their own line in words)
    weeks: list[date]
    table: list[tuple[date, list[float | None]]]  # week end, each member's value


@dataclass
class Combined:
    ready: bool
    names: list[str] = field(default_factory=list)
    dimensions: list[CombinedDimension] = field(default_factory=list)
    balance: list[tuple[str, str, BalanceView]] = field(default_factory=list)  # name, id, view
    nothing_in_common: bool = False


def _points(rows: list[list[float]], end: date) -> list[trust.Point]:
    first = end - timedelta(days=len(rows) - 1)
    return [
        trust.Point(first + timedelta(days=i), r[0], r[1], r[2], r[3]) for i, r in enumerate(rows)
    ]


def combined(here: Here, period: Period) -> Combined:
    """Each member's own lines, for what every current member agreed to; else nothing.

    If any current member hasn't opted in, the answer says only that (not who).
    """
    members = here.current_member_ids
    choices = {
        s.owner_id: s
        for s in InsightSettings.objects.filter(space_id=here.space_id, owner_id__in=members)
    }
    if any(uid not in choices or not choices[uid].shares_anything for uid in members):
        return Combined(ready=False)
    shared = {
        s.owner_id: s
        for s in SharedSeries.objects.filter(
            space_id=here.space_id, owner_id__in=members, key_for_space__isnull=False
        )
    }
    if set(shared) != set(members):
        return Combined(ready=False)
    dims = [d for d in trust.DIMENSIONS if all(d in choices[u].shared_dimensions for u in members)]
    balance_ok = all(choices[u].share_balance for u in members)
    if not dims and not balance_ok:
        return Combined(ready=True, nothing_in_common=True)
    contents: dict[int, dict[str, Any]] = {}
    for uid in members:
        try:
            contents[uid] = records.reveal(shared[uid], here.keychain, here.space_key).content
        except records.Locked:
            return Combined(ready=False)
    names = [here.name_of(uid) for uid in members]
    result = Combined(ready=True, names=names)
    for dim in dims:
        lines = []
        for uid, name in zip(members, names, strict=True):
            content = contents[uid]
            points = _points(content["series"].get(dim, []), date.fromisoformat(content["end"]))
            lines.append(
                charts.Line(name, [p for p in points if period.start <= p.day <= period.end])
            )
        heading, _ = DIMENSIONS[dim]
        chart_id = f"together-{dim}"
        longest = max(lines, key=lambda line: len(line.points))
        table = []
        for i in range(0, len(longest.points), 7):
            end_day = longest.points[min(i + 6, len(longest.points) - 1)].day
            values: list[float | None] = []
            for line in lines:
                by_day = {p.day: p.expected for p in line.points}
                values.append(by_day.get(end_day))
            table.append((end_day, values))
        result.dimensions.append(
            CombinedDimension(
                dimension=dim,
                heading=heading,
                svg=charts.lines_svg(
                    lines,
                    chart_id=chart_id,
                    title=f"{heading}: each person's own sense over {period.words}",
                    described_by=f"{chart_id}-summary",
                ),
                chart_id=chart_id,
                summaries=[
                    (
                        line.name,
                        summary.describe(
                            line.points, dimension=dim, period=period.words, voice="they"
                        ),
                    )
                    for line in lines
                ],
                weeks=[t[0] for t in table],
                table=table[::-1],
            )
        )
    if balance_ok:
        for i, (uid, name) in enumerate(zip(members, names, strict=True)):
            weeks = [
                trust.WeekBalance(date.fromisoformat(d), p, n)
                for d, p, n in contents[uid]["balance"]
                if monday(period.start) <= date.fromisoformat(d) <= period.end
            ]
            prefix = f"together-{i}"
            result.balance.append((name, prefix, balance_view(weeks, period, prefix=prefix)))
    return result


# --- the weekly summary ------------------------------------------------------------


@dataclass(frozen=True)
class WeekLine:
    heading: str
    question: str
    words: str


@dataclass(frozen=True)
class WeekSummary:
    start: date
    end: date
    lines: list[WeekLine]
    balance: str


def week_summary(here: Here, today: date) -> WeekSummary:
    """Last week (Monday to Sunday), each dimension's movement and the balance, in words."""
    end = monday(today) - timedelta(days=1)
    start = end - timedelta(days=6)
    before_start = start - timedelta(days=1)
    evidence = evidence_mine(here, before_start - timedelta(days=WARMUP_DAYS), end)
    lines = []
    series = all_series(evidence, before_start, end)
    for dim in trust.DIMENSIONS:
        points = series[dim]
        before = points[0] if points[0].evidence >= summary.NOTHING else None
        heading, question = DIMENSIONS[dim]
        lines.append(WeekLine(heading, question, summary.movement(before, points[-1])))
    weeks = balance_for(evidence, start, end)
    return WeekSummary(start, end, lines, summary.week_balance_words(weeks[0] if weeks else None))


def summary_due(here: Here, today: date) -> bool:
    """Once a week, until the member opens it; not in their first week in the space."""
    this_week = monday(today)
    if here.membership.joined_at.date() >= this_week:
        return False
    seen = (
        InsightSettings.objects.filter(owner=here.user, space_id=here.space_id)
        .values_list("summary_seen_on", flat=True)
        .first()
    )
    return seen is None or seen < this_week
