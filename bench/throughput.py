#!/usr/bin/env python3
"""Clean + segment throughput of `lede extract`, one core, from the stage timings Lede reports.

Inputs: the example article (7.7 KB) and a 5 MB concatenation of distinct real news text (PolNeAR articles,
topped up with UD EWT sentences), so that duplicate removal does not make the run artificially cheap. Each input runs
--runs times; the median of the clean+segment stage time gives MB/s of UTF-8 input. Wall time
(process start and model load included) is reported beside it.

    python3 bench/throughput.py --lede .build/release/lede [--shared ../shared] [--runs 5]
"""
import argparse
import json
import pathlib
import statistics
import subprocess
import time


def concatenation(shared: pathlib.Path, size: int) -> str:
    parts, total = [], 0
    for split in ("train", "dev"):
        with open(shared / f"data/quotes/polnear/{split}.jsonl", encoding="utf-8") as f:
            for line in f:
                text = json.loads(line)["text"]
                parts.append(text)
                total += len(text.encode("utf-8")) + 2
                if total >= size:
                    return "\n\n".join(parts)
    # Not enough distinct articles: top up with the UD treebank's raw sentences.
    with open(shared / "data/ud/en_ewt/en_ewt-ud-train.conllu", encoding="utf-8") as f:
        for line in f:
            if line.startswith("# text = "):
                parts.append(line[9:].rstrip("\n"))
                total += len(parts[-1].encode("utf-8")) + 2
                if total >= size:
                    break
    return "\n\n".join(parts)


def measure(lede: str, text: str, runs: int):
    data = text.encode("utf-8")
    stage_ms, wall_ms = [], []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run([lede, "extract", "--include", "timings", "-"], input=data, capture_output=True, check=True)
        wall_ms.append((time.perf_counter() - start) * 1000)
        timings = json.loads(out.stdout)["timings_ms"]
        stage_ms.append(timings["clean"] + timings["segment"])
    stage = statistics.median(stage_ms)
    return len(data), stage, statistics.median(wall_ms)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lede", default=".build/release/lede")
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    shared = pathlib.Path(args.shared)
    inputs = [
        ("example article", (shared / "examples/moscow-iran-2025-06-23.txt").read_text(encoding="utf-8")),
        ("5 MB news concatenation", concatenation(shared, 5 * 1024 * 1024)),
    ]
    print("| input | bytes | clean+segment ms (median) | MB/s | wall ms (median, incl. start-up) |")
    print("|---|---:|---:|---:|---:|")
    for name, text in inputs:
        size, stage, wall = measure(args.lede, text, args.runs)
        print(f"| {name} | {size:,} | {stage:.2f} | {size / 1e6 / (stage / 1000):.1f} | {wall:.0f} |")


if __name__ == "__main__":
    main()
