#!/usr/bin/env python3
"""Article-body extraction benchmark: LedeHTML vs trafilatura on the AEB dev pages, same run, one core.

    .venv/bin/python bench/articles/run.py [--shared ../shared] [--rounds 5] [--no-trafilatura]

Decompresses the pages into bench/articles/out/html, builds the LedeHTML runner with swiftc -O (no Package.swift
target), runs it and trafilatura (default and fast=True) single-threaded, scores every system with
shared/tools/article_score.py and prints a markdown table. Outputs stay in bench/articles/out (gitignored).
"""
import argparse, gzip, json, os, subprocess, sys, time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, text=True, capture_output=True, **kw)


def build_runner(out):
    binary = out / "lede-html-bench"
    sources = sorted((REPO / "Sources/LedeHTML").glob("*.swift")) + [HERE / "main.swift"]
    if binary.exists() and all(binary.stat().st_mtime > s.stat().st_mtime for s in sources):
        return binary
    run(["swiftc", "-O", "-wmo", "-module-name", "LedeHTMLBench", "-swift-version", "6",
         "-I", str(REPO / "Sources/CLibXML2"), "-Xcc", "-I/usr/include/libxml2", "-lxml2",
         *map(str, sources), "-o", str(binary)])
    return binary


def score(pred, truth, name, out):
    metrics = out / f"{name}.metrics.json"
    run([sys.executable, str(SHARED / "tools/article_score.py"), str(pred), str(truth), "--name", name,
         "--json-out", str(metrics), "--per-doc", str(out / f"{name}.per-doc.json")])
    return json.loads(metrics.read_text())


def trafilatura_run(pages, fast, rounds):
    import trafilatura
    preds = {}
    for pid, html in list(pages.items())[:5]:  # warm-up: imports and caches, as the Swift runner's first pages
        trafilatura.extract(html, output_format="txt", fast=fast)
    start = time.thread_time()
    for _ in range(rounds):
        for pid, html in pages.items():
            preds[pid] = {"articleBody": trafilatura.extract(html, output_format="txt", fast=fast) or ""}
    return preds, (time.thread_time() - start) * 1000 / (len(pages) * rounds)


def main():
    global SHARED
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(REPO.parent / "shared"))
    ap.add_argument("--rounds", type=int, default=5, help="timing rounds for LedeHTML (trafilatura: 1)")
    ap.add_argument("--no-trafilatura", action="store_true")
    args = ap.parse_args()
    SHARED = Path(args.shared).resolve()
    data = SHARED / "data/articles/aeb"
    truth_path = data / "ground-truth.json"
    truth = json.loads(truth_path.read_text())
    out = HERE / "out"
    html_dir = out / "html"
    html_dir.mkdir(parents=True, exist_ok=True)
    pages = {}
    for pid in truth:
        target = html_dir / f"{pid}.html"
        if not target.exists():
            target.write_bytes(gzip.decompress((data / "html" / f"{pid}.html.gz").read_bytes()))
        pages[pid] = target.read_text(encoding="utf-8")
    urls = out / "urls.tsv"
    urls.write_text("".join(f"{pid}\t{truth[pid].get('url', '')}\n" for pid in truth))

    os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[-1]})  # one core for every system
    binary = build_runner(out)
    lede_pred = out / "lede.json"
    stdout = run(["taskset", "-c", str(sorted(os.sched_getaffinity(0))[0]), str(binary), str(html_dir), str(urls),
                  str(lede_pred), str(args.rounds)]).stdout
    lede_ms = float(stdout.split("ms_per_page=")[1])
    rows = [("LedeHTML", score(lede_pred, truth_path, "lede", out), lede_ms)]
    if not args.no_trafilatura:
        for name, fast in (("trafilatura", False), ("trafilatura-fast", True)):
            preds, ms = trafilatura_run(pages, fast, 1)
            pred_path = out / f"{name}.json"
            pred_path.write_text(json.dumps(preds, ensure_ascii=False))
            rows.append((name, score(pred_path, truth_path, name, out), ms))
    base = next((ms for name, _, ms in rows if name == "trafilatura"), None)
    print(f"AEB dev, {len(pages)} pages, one core (ms/page = thread CPU time per page, mean over the run; LedeHTML {args.rounds} rounds)\n")
    print("| system | F1 (± bootstrap std) | precision | recall | accuracy | ms/page | pages/s | speed vs trafilatura |")
    print("|---|---|---|---|---|---|---|---|")
    for name, m, ms in rows:
        def get(key):
            value = m.get(key)
            return value[0] if isinstance(value, (list, tuple)) else value
        speed = f"{base / ms:.1f}x" if base else "-"
        print(f"| {name} | {get('f1'):.3f} ± {get('f1_std'):.3f} | {get('precision'):.3f} | {get('recall'):.3f} | "
              f"{get('accuracy'):.3f} | {ms:.2f} | {1000 / ms:.0f} | {speed} |")


if __name__ == "__main__":
    main()
