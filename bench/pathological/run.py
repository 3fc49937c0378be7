#!/usr/bin/env python3
"""Pathological inputs through `lede extract` (release build): each must finish within a documented bound or be
refused cleanly (exit 2 with `text_too_long`, the CLI's 422/413) — never blow up quadratically.

Every case runs at three sizes, each double the last, so the growth shows: a ratio t(2n)/t(n) near 2 is linear,
near 4 is quadratic. Times are wall seconds minus the start-up (models loading) measured on a one-line input in the
same run; the slowest pipeline stage comes from `--include timings`. Max RSS is the child's.

    python3 bench/pathological/run.py --lede .build-rel/release/lede [--only NAME] [--scale 1.0]

Inputs are generated (deterministically) into bench/out/pathological/.
"""
import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import threading
import time

OUT = pathlib.Path(__file__).resolve().parent.parent / "out" / "pathological"
SYLLABLES = ["ka", "ro", "mi", "tes", "lan", "vor", "qui", "zen", "bal", "dor", "ex", "ny", "pha", "sil", "tu", "gar"]


def capitalised(n):
    """n capitalised words, mostly distinct (syllable combinations), so entity clustering sees many names."""
    words = []
    for i in range(n):
        a, b, c = SYLLABLES[i % 16], SYLLABLES[(i // 16) % 16], SYLLABLES[(i // 256) % 16]
        words.append((a + b + c).capitalize())
    return " ".join(words)


def repeat(unit, size):
    return (unit * (size // len(unit) + 1))[:size]


# name → (input kind, generator(size) → str, sizes). The last sizes of one-word and capitalised words are past the
# service's 2,000,000-scalar limit (the service refuses them with 413); the CLI's limit is 100 M, so here they run.
CASES = {
    "one-word": ("text", lambda n: repeat("lede ", n), [500_000, 1_000_000, 2_000_000, 10_000_000]),
    "no-spaces": ("text", lambda n: repeat("abcdefghij", n), [250_000, 500_000, 1_000_000]),
    "digits": ("text", lambda n: repeat("0123456789", n), [250_000, 500_000, 1_000_000]),
    "capitalised-words": ("text", lambda n: capitalised(n), [100_000, 200_000, 400_000, 1_000_000]),
    "long-sentence": ("text", lambda n: repeat("the minister said that the talks would go on and ", n),
                      [250_000, 500_000, 1_000_000]),
    "quote-marks": ("text", lambda n: "\u201c" * n, [25_000, 50_000, 100_000]),
    "straight-quotes": ("text", lambda n: '"' * n, [25_000, 50_000, 100_000]),
    "quotes-with-cues": ("text", lambda n: "\u201cYes,\u201d Ivanov said. " * (n // 2), [25_000, 50_000, 100_000]),
    # One paragraph of women's names, then "he" over and over: no pronoun finds a compatible person, and an
    # unbounded look back made the quotes stage quadratic (56 s at 1.2 MB, 2026-11-28).
    "names-then-pronouns": ("text", lambda n: repeat("Mary Smith met Anna Jones and ", n // 2) + repeat("he said so and ", n // 2),
                            [250_000, 500_000, 1_000_000]),
    "titles-and-names": ("text", lambda n: repeat("Mr. Smith said that Sen. Jones and Mrs. Brown would be there with the others. ", n), [250_000, 500_000, 1_000_000]),
    "nested-html": ("html", lambda n: "<div>" * n + "<p>Deep text here.</p>" + "</div>" * n, [25_000, 50_000, 100_000]),
    "nested-inline-html": ("html", lambda n: "<p>" + "<b><i>" * n + "deep" + "</i></b>" * n + "</p>",
                           [25_000, 50_000, 100_000]),
}


def run(lede, kind, path, timeout):
    """One `lede extract`: wall seconds, exit status, this child's peak RSS (from wait4), its stage timings."""
    start = time.monotonic()
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([lede, "extract", "--input", kind, "--published", "2025-06-23", "--include",
                                 "timings", str(path)], stdout=out, stderr=err)
        timer = threading.Timer(timeout, proc.kill)
        timer.start()
        _, status, usage = os.wait4(proc.pid, 0)
        timer.cancel()
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - start
        if seconds >= timeout:
            return {"seconds": timeout, "exit": "timeout"}
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    result = {"seconds": seconds, "exit": proc.returncode, "max_rss_mb": round(usage.ru_maxrss / 1024)}
    if proc.returncode == 0:
        timings = json.loads(stdout).get("timings_ms") or {}
        stages = {k: v for k, v in timings.items() if isinstance(v, (int, float)) and k != "total_ms"}
        if stages:
            slow = max(stages, key=stages.get)
            result["slowest"] = f"{slow} {stages[slow]:.0f} ms"
            result["pipeline_seconds"] = sum(stages.values()) / 1000
    else:
        result["error"] = stderr.decode(errors="replace").strip().splitlines()[-1][:80] if stderr.strip() else ""
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lede", required=True)
    parser.add_argument("--only", action="append")
    parser.add_argument("--scale", type=float, default=1.0, help="multiply every size (e.g. 0.1 for a quick look)")
    parser.add_argument("--timeout", type=int, default=300)
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    tiny = OUT / "tiny.txt"
    tiny.write_text("Putin met Araghchi in Moscow on Monday.")
    startup = min(run(args.lede, "text", tiny, 60)["seconds"] for _ in range(3))
    print(f"start-up (one-line input, best of 3): {startup:.2f} s\n")
    print("| case | size (scalars) | exit | seconds (minus start-up) | ratio to half size | pipeline s | max RSS MB | slowest stage |")
    print("|---|---|---|---|---|---|---|---|")
    results = {}
    for name, (kind, make, sizes) in CASES.items():
        if args.only and name not in args.only:
            continue
        previous = None
        for size in sizes:
            size = int(size * args.scale)
            text = make(size)
            path = OUT / f"{name}-{size}.{'html' if kind == 'html' else 'txt'}"
            path.write_text(text, encoding="utf-8")
            r = run(args.lede, kind, path, args.timeout)
            net = max(r["seconds"] - startup, 0.001)
            ratio = f"{net / previous:.1f}" if previous and r["exit"] == 0 else ""
            previous = net if r["exit"] == 0 else None
            outcome = "ok" if r["exit"] == 0 else f"{r['exit']} {r.get('error', '')}"
            pipeline = f"{r['pipeline_seconds']:.2f}" if "pipeline_seconds" in r else ""
            print(f"| {name} | {len(text):,} | {outcome} | {net:.2f} | {ratio} | {pipeline} | {r.get('max_rss_mb', '')} | "
                  f"{r.get('slowest', '')} |", flush=True)
            results[f"{name}-{size}"] = {**r, "net_seconds": net, "scalars": len(text)}
            path.unlink()
    (OUT / "results.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    sys.exit(main())
