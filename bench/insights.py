"""Speed of the insights page and of the trust model behind it.

Builds, in a throwaway SQLite database under a temporary folder, a couple
with two years of daily check-ins and realistic moments (promises,
appreciations, boundaries), all written through the apps' own services; then
times the insights page (Django's test client, after a warm-up) for each
period, and the trust model alone over a million synthetic events.

Run from the repository root:  .venv/bin/python bench/insights.py
Targets: the page under 100 ms at p95; the model at least 1,000,000 events/s.
"""

from __future__ import annotations

import gc
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DAYS = 730
REQUESTS = 60
EVENTS = 1_000_000
PASSWORD = "a-long-bench-passphrase"  # noqa: S105 - a throwaway database


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


def build_history() -> tuple[str, int]:
    """Two members, two years; returns the member's email and how many moments were written."""
    from django.utils import timezone

    from hearth.accounts.services import account_create
    from hearth.appreciations import services as appreciations
    from hearth.boundaries import services as boundaries
    from hearth.checkins import services as checkins
    from hearth.promises import services as promises
    from hearth.spaces import access
    from hearth.spaces import services as spaces
    from hearth.spaces.context import here_for_membership

    rng = random.Random(7)
    me, mine = account_create(email="me@bench.test", password=PASSWORD, name="Robin")
    them, theirs = account_create(email="them@bench.test", password=PASSWORD, name="Kai")
    membership = spaces.space_create(
        user=me, keychain=mine.keychain, kind="couple", name="Bench", member_name="Robin"
    )
    _, token = spaces.invitation_create(membership=membership, keychain=mine.keychain)
    their_membership = spaces.invitation_accept(
        preview=access.invitation_open(token),
        user=them,
        keychain=theirs.keychain,
        member_name="Kai",
    )
    here = here_for_membership(membership, mine.keychain)
    there = here_for_membership(their_membership, theirs.keychain)

    today = timezone.localdate()
    first = today - timedelta(days=DAYS - 1)

    def at(day: date, hour: int) -> datetime:
        return timezone.make_aware(datetime.combine(day, datetime.min.time()).replace(hour=hour))

    boundary = boundaries.boundary_create(
        here=here, area="time", what="An hour to myself after work", when=at(first, 9)
    )
    boundaries.boundary_share(here=here, boundary=boundary, when=at(first, 9))
    moments = 0
    mood = 5.0
    for n in range(DAYS):
        day = first + timedelta(days=n)
        # A slow drift with rough patches, and a few missed days.
        mood = min(7.0, max(1.0, mood + rng.uniform(-0.6, 0.6) + (5 - mood) * 0.05))
        if rng.random() < 0.9:
            ratings = {
                d: max(1, min(7, round(mood + rng.uniform(-1, 1)))) for d in checkins.DIMENSIONS
            }
            checkins.checkin_save(
                here=here,
                day=day,
                entry=checkins.Entry(
                    pleasantness=rng.randint(-3, 4),
                    energy=rng.randint(-3, 3),
                    words=[rng.choice(["calm", "grateful", "anxious", "tired"])],
                    ratings=ratings,
                    note="A quiet day." if rng.random() < 0.3 else "",
                ),
                share=set(),
                when=at(day, 21),
            )
        if n % 4 == 0 and n + 2 < DAYS:
            promise = promises.promise_make(
                here=there,
                what="Pick up the groceries",
                to_user_id=me.pk,
                due_date=day + timedelta(days=2),
                when=at(day, 8),
            )
            moments += 1
            if rng.random() < 0.8:
                promises.promise_mark_done(
                    here=there, promise=promise, when=at(day + timedelta(days=1), 18)
                )
                promises.promise_confirm(
                    here=here, promise=promise, when=at(day + timedelta(days=1), 19)
                )
        if n % 3 == 0:
            appreciations.appreciation_give(
                here=there, recipient_id=me.pk, what="Thank you for dinner", when=at(day, 20)
            )
            moments += 1
        if n % 6 == 0:
            kind = "honoured" if rng.random() < 0.85 else "crossed_private"
            boundaries.moment_note(
                here=here,
                boundary=boundary,
                kind=kind,
                note="Noticed today.",
                to_user_id=them.pk if kind == "honoured" else None,
                when=at(day, 22),
            )
            moments += 1
    return me.email, moments


def time_pages(email: str) -> dict[int, tuple[float, float, int]]:
    from django.test import Client

    client = Client()
    response = client.post("/accounts/login/", {"login": email, "password": PASSWORD})
    assert response.status_code == 302, response.status_code
    out = {}
    # As in `hearth serve`, which freezes what the server loaded at start-up:
    # the history this script just built is not a server's working set, and
    # leaving it in the collector's view would time the garbage collector.
    gc.collect()
    gc.freeze()
    for weeks in (4, 12, 52):
        url = f"/insights/?weeks={weeks}"
        warm = client.get(url)
        assert warm.status_code == 200, warm.status_code
        assert warm.content.count(b'<svg class="chart"') == 4
        times = []
        for _ in range(REQUESTS):
            t0 = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
        out[weeks] = (statistics.median(times), percentile(times, 95), len(times))
    return out


def time_engine() -> tuple[float, float, float]:
    """Events per second: building columns from Evidence, and the array path alone."""
    import numpy as np

    from hearth.core import trust

    rng = random.Random(11)
    end = date(2025, 6, 30)
    start = end - timedelta(days=729)
    evidence = [
        trust.Evidence(
            start + timedelta(days=rng.randrange(730)),
            trust.DIMENSIONS[i % 4],
            p := rng.random(),
            1 - p,
        )
        for i in range(EVENTS)
    ]
    t0 = time.perf_counter()
    result = trust.series_all(evidence, start, end)
    whole = time.perf_counter() - t0
    assert all(len(points) == 730 for points in result.values())

    days = np.fromiter((e.day.toordinal() for e in evidence), dtype=np.int64, count=EVENTS)
    pos = np.fromiter((e.positive for e in evidence), dtype=np.float64, count=EVENTS)
    neg = np.fromiter((e.negative for e in evidence), dtype=np.float64, count=EVENTS)
    t0 = time.perf_counter()
    r, s = trust.decayed(days, pos, neg, start, end)
    trust.points(r, s, start)
    arrays = time.perf_counter() - t0
    one_t0 = time.perf_counter()
    trust.series(evidence, "heard", start, end)
    one = time.perf_counter() - one_t0
    return EVENTS / whole, EVENTS / arrays, EVENTS / one


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="hearth-bench-") as folder:
        os.environ["HEARTH_DATA_DIR"] = folder
        os.environ["HEARTH_KDF"] = "fast"
        os.environ["DJANGO_SETTINGS_MODULE"] = "hearth.settings"
        import django

        django.setup()
        from django.core.management import call_command
        from django.test.utils import setup_test_environment

        setup_test_environment()  # the test client's host, locmem email
        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)
        t0 = time.perf_counter()
        email, moments = build_history()
        print(
            f"history: {DAYS} days of check-ins and {moments} moments "
            f"written through the services in {time.perf_counter() - t0:.1f} s"
        )
        for weeks, (p50, p95, n) in time_pages(email).items():
            flag = "ok" if p95 < 100 else "over the 100 ms target"
            print(
                f"insights page, {weeks:>2} weeks: p50 {p50:6.1f} ms  p95 {p95:6.1f} ms  "
                f"({n} requests; {flag})"
            )
    whole, arrays, one = time_engine()
    print(f"trust engine, series_all over {EVENTS:,} Evidence objects: {whole:,.0f} events/s")
    print(f"trust engine, decayed+points over {EVENTS:,} events in arrays: {arrays:,.0f} events/s")
    print(f"trust engine, series() of one dimension, filtering all of them: {one:,.0f} events/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
