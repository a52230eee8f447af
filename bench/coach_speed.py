"""Speed of the message coach: load time, throughput and per-message latency.

Run from the repository root:  .venv/bin/python bench/coach_speed.py
"""

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DATA = ROOT / "hearth" / "core" / "coach" / "data" / "messages.jsonl"

_COLD = """
import time
t0 = time.perf_counter()
from hearth.core.coach import analyse
analyse("You never listen to me.")
print(time.perf_counter() - t0)
"""


def cold_load_seconds(runs: int = 3) -> list[float]:
    """Import plus first analysis in a fresh interpreter (model file read included)."""
    out = []
    for _ in range(runs):
        proc = subprocess.run(
            [sys.executable, "-c", _COLD], cwd=ROOT, capture_output=True, text=True, check=True
        )
        out.append(float(proc.stdout.strip()))
    return out


def main() -> int:
    from hearth.core.coach import analyse

    loads = cold_load_seconds()
    print(
        f"load (fresh process: import + first analysis): best {min(loads) * 1000:.0f} ms, "
        f"worst {max(loads) * 1000:.0f} ms over {len(loads)} runs"
    )

    with DATA.open(encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh]
    analyse(texts[0])  # warm

    start = time.perf_counter()
    for text in texts:
        analyse(text)
    total = time.perf_counter() - start
    print(f"batch: {len(texts)} messages in {total:.2f} s = {len(texts) / total:.0f} messages/s")

    latencies = []
    for text in texts:
        t0 = time.perf_counter()
        analyse(text)
        latencies.append((time.perf_counter() - t0) * 1000)
    latencies.sort()
    p50 = statistics.median(latencies)
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    print(f"latency per message: p50 {p50:.2f} ms, p99 {p99:.2f} ms, max {latencies[-1]:.2f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
