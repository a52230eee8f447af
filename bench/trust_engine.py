"""Speed of the trust model: evidence throughput in batch, and series() latency.

Run from the repository root:  .venv/bin/python bench/trust_engine.py

Targets: at least 1,000,000 evidence events per second in batch; series() for
two years x four dimensions well under 20 ms.
"""

import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from hearth.core import trust  # noqa: E402

START = date(2024, 1, 1)
END = START + timedelta(days=729)
DAYS = 730
EVENTS = 1_000_000


def best_of(runs: int, run: Callable[[], object]) -> tuple[float, float]:
    """Best and median wall time in seconds."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times)


def many_events(rng: random.Random) -> list[trust.Evidence]:
    """A million pieces of evidence over two years, spread over the four dimensions."""
    days = [START + timedelta(days=i) for i in range(DAYS)]
    kinds = list(trust.MOMENTS)
    out: list[trust.Evidence] = []
    for i in range(EVENTS):
        day = days[rng.randrange(DAYS)]
        if i % 2:
            dimension = trust.DIMENSIONS[i % 4]
            out.append(trust.from_rating(day, dimension, rng.randint(1, 7), about=i % 3 or None))
        else:
            out.append(trust.from_moment(day, kinds[i % len(kinds)], about=i % 3 or None))
    return out


def daily_life(rng: random.Random) -> list[trust.Evidence]:
    """Two years of one member's check-ins (most days) and moments (some days)."""
    out: list[trust.Evidence] = []
    for i in range(DAYS):
        day = START + timedelta(days=i)
        if rng.random() < 0.7:
            out.extend(
                trust.from_rating(day, dimension, rng.randint(3, 7))
                for dimension in trust.DIMENSIONS
            )
        if rng.random() < 0.3:
            out.append(trust.from_moment(day, rng.choice(list(trust.MOMENTS)), about=2))
    return out


def main() -> int:
    rng = random.Random(2025)
    print("building a million evidence objects (not timed) ...")
    events = many_events(rng)

    best, median = best_of(3, lambda: trust.series_all(events, START, END))
    print(
        f"series_all over {EVENTS:,} Evidence objects, 4 dimensions: "
        f"best {best * 1000:.0f} ms, median {median * 1000:.0f} ms "
        f"-> {EVENTS / best:,.0f} events/s"
    )

    ordinals = np.fromiter((e.day.toordinal() for e in events), np.int64, len(events))
    positive = np.fromiter((e.positive for e in events), np.float64, len(events))
    negative = np.fromiter((e.negative for e in events), np.float64, len(events))

    def columns() -> None:
        r, s = trust.decayed(ordinals, positive, negative, START, END)
        trust.points(r, s, START)

    best, median = best_of(5, columns)
    print(
        f"decayed + points over {EVENTS:,} events in numpy columns: "
        f"best {best * 1000:.1f} ms, median {median * 1000:.1f} ms "
        f"-> {EVENTS / best:,.0f} events/s"
    )

    life = daily_life(rng)
    best, median = best_of(
        50,
        lambda: [trust.series(life, dim, START, END) for dim in trust.DIMENSIONS],
    )
    print(
        f"series() x 4 dimensions x {DAYS} days ({len(life):,} pieces of evidence): "
        f"best {best * 1000:.2f} ms, median {median * 1000:.2f} ms"
    )

    best, median = best_of(50, lambda: trust.series_all(life, START, END))
    print(
        f"series_all() (4 dimensions, one vectorised pass) x {DAYS} days: "
        f"best {best * 1000:.2f} ms, median {median * 1000:.2f} ms"
    )

    # The slowest case for the quantiles: almost no evidence, so every day's
    # interval needs the polishing step.
    sparse = [trust.from_rating(START, dim, 4) for dim in trust.DIMENSIONS]
    best, median = best_of(
        50,
        lambda: [trust.series(sparse, dim, START, END) for dim in trust.DIMENSIONS],
    )
    print(
        f"series() x 4 dimensions x {DAYS} days, nearly no evidence (worst case): "
        f"best {best * 1000:.2f} ms, median {median * 1000:.2f} ms"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
