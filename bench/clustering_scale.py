"""Ingest and clustering at scale: throughput, growth and peak memory.

    python bench/clustering_scale.py [--sizes 1000 10000] [--no-baseline] [--data ../shared/data]

The dev stream (bench/clustering_stream.py) is resampled to each size and
perturbed so copies are new articles: copy r of an article is dated r x 240
days later (so it cannot join the original's event) and loses every 7th word
from a seeded offset (so its text hash and MinHash differ: estimated Jaccard
with the original is about 0.4). Each size runs in a fresh process: the real
ingest path into a temporary store (read, clean, dedup, cluster, commit), then
``events`` listing and an FTS search on the result, and the single-pass
TF-IDF baseline over the same articles; peak memory is the process's maximum
resident set. Skips with a message when the data is absent.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from clustering_stream import DEFAULT_DATA, build  # noqa: E402


def resample(items: list[dict], size: int, seed: int = 13) -> list[dict]:
    out = []
    for n in range(size):
        item, r = items[n % len(items)], n // len(items)
        if r:
            rng = random.Random(f"{seed}-{item['id']}-{r}")
            offset = rng.randrange(7)
            words = item["text"].split(" ")
            text = " ".join(w for i, w in enumerate(words) if (i + offset) % 7)
            day = item["published"] and (date.fromisoformat(item["published"]) + timedelta(days=240 * r)).isoformat()
            item = {**item, "id": f"{item['id']}-r{r}", "text": text, "published": day, "cluster": f"{item['cluster']}-r{r}"}
        out.append(item)
    return out


def run_one(stream: Path, baseline: bool = True) -> dict:
    from triangulate.evaluate.clustering import read_gold, tfidf_baseline
    from triangulate.settings import Settings
    from triangulate.store import Store
    from triangulate.store.events import list_events
    from triangulate.store.ingest import ingest

    with tempfile.TemporaryDirectory() as folder:
        with Store(Path(folder) / "scale.db") as store:
            started = time.perf_counter()
            # A JSONL file is one input under --max-bytes (20 MB by default); 50k articles are ~100 MB.
            summary = ingest([str(stream)], store, Settings(max_bytes=1 << 30))
            seconds = time.perf_counter() - started
            started = time.perf_counter()
            listed = list_events(store)
            listing = time.perf_counter() - started
            started = time.perf_counter()
            found = list_events(store, search="court ruling")
            search = time.perf_counter() - started
    baseline_s = None
    if baseline:
        items = read_gold(stream)
        started = time.perf_counter()
        tfidf_baseline(items)
        baseline_s = round(time.perf_counter() - started, 1)
    return {
        "articles": summary.new, "events": len(listed), "ingest_s": round(seconds, 1),
        "articles_per_s": round(summary.new / seconds, 1), "ms_per_article": round(1000 * seconds / summary.new, 1),
        "events_listing_ms": round(1000 * listing, 1), "search_ms": round(1000 * search, 1), "search_hits": len(found),
        "baseline_s": baseline_s, "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--no-baseline", action="store_true", help="skip the TF-IDF baseline (it grows faster than linearly)")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # internal: measure one stream in this process
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, baseline=not args.no_baseline)))
        return 0
    if not (args.data / "allsides" / "stories.jsonl").exists():
        print(f"skipped: no evaluation data at {args.data}", file=sys.stderr)
        return 0
    items = build(args.data)
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            stream = Path(folder) / f"stream-{size}.jsonl"
            with stream.open("w", encoding="utf-8") as handle:
                for item in resample(items, size):
                    handle.write(json.dumps(item, ensure_ascii=False) + "\n")
            command = [sys.executable, __file__, "--one", str(stream)] + (["--no-baseline"] if args.no_baseline else [])
            result = subprocess.run(command, capture_output=True, text=True)
            if result.returncode:
                print(result.stderr, file=sys.stderr)
                return result.returncode
            print(json.dumps({"size": size, **json.loads(result.stdout)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
