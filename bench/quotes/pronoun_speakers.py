#!/usr/bin/env python3
"""How often a pronoun speaker ("…,” he said) resolves to the right entity: PolNeAR dev, hand-labelled cases.

`pronoun-labels.tsv` holds the first 100 quotes whose speaker Lede reads as a pronoun (articles in file order, quotes
in output order; see pronoun-check.md): rows 1–50 are the cases checked by hand in pronoun-check.md, rows 51–100 were
labelled on 2026-11-28 from the article text alone, before the resolver they measure was changed. `keys` are
comma-separated names; the answer is right when one of them occurs in a mention of the entity Lede links the speaker
to (so an entity that merged two people still counts when it holds the referent's mentions).

    python3 bench/quotes/pronoun_speakers.py --lede .build/release/lede [--shared ../shared] [--rows 51-100] [-v]
"""
import argparse
import csv
import json
import pathlib
import subprocess

HERE = pathlib.Path(__file__).resolve().parent


def run_lede(lede, articles):
    lines = "".join(json.dumps({"id": a["id"], "text": a["text"], "language": "en"}) + "\n" for a in articles)
    out = subprocess.run([lede, "batch", "--jobs", "1", "-"], input=lines.encode(), capture_output=True, check=True)
    return {o["id"]: o for o in map(json.loads, out.stdout.decode().splitlines())}


def verdict(result, label):
    quote = next((q for q in result["quotes"] if q["start"] == int(label["quote_start"])), None)
    if quote is None or not quote.get("speaker"):
        return "missing", None
    entity_id = quote["speaker"].get("entity")
    if entity_id is None:
        return "unresolved", None
    entity = next(e for e in result["entities"] if e["id"] == entity_id)
    texts = [m["text"].replace("\u2019", "'") for m in entity["mentions"]] + [entity["name"]]
    keys = label["keys"].split(",")
    right = any(k in t for k in keys for t in texts)
    return ("correct" if right else "wrong"), entity["name"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lede", default=".build/release/lede")
    ap.add_argument("--shared", default=str(HERE.parents[2] / "shared"))
    ap.add_argument("--labels", default=str(HERE / "pronoun-labels.tsv"))
    ap.add_argument("--rows", default="1-100", help="label rows to score, e.g. 51-100")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every case")
    args = ap.parse_args()
    first, last = map(int, args.rows.split("-"))
    labels = [r for r in csv.DictReader(open(args.labels, encoding="utf-8"), delimiter="\t")
              if first <= int(r["n"]) <= last]
    wanted = {r["article_id"] for r in labels}
    articles = [a for a in map(json.loads, open(pathlib.Path(args.shared) / "data/quotes/polnear/dev.jsonl", encoding="utf-8"))
                if a["id"] in wanted]
    results = run_lede(args.lede, articles)
    counts = {}
    for label in labels:
        v, name = verdict(results[label["article_id"]], label)
        counts[v] = counts.get(v, 0) + 1
        if args.verbose:
            print(f"{label['n']:>3} {v:10} {label['pronoun']:4} {label['referent']:28} Lede: {name}")
    total = len(labels)
    print(f"rows {args.rows}: " + ", ".join(f"{k} {n}/{total}" for k, n in sorted(counts.items())))


if __name__ == "__main__":
    main()
