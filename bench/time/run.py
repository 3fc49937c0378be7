#!/usr/bin/env python3
"""TIMEX3 benchmark of Lede's time stage on TimeBank, beside dateparser, on the same documents.

Split (fixed, by sorted file name): every 5th .tml (index % 5 == 4) is the held-out TEST part, the
other four fifths are DEV, the only part looked at while writing rules. Report TEST numbers.

    .venv/bin/python bench/time/run.py [--split test|dev|all] [--lede .build/release/lede] [--no-dateparser]

Lede runs once per document through `lede batch` with `published` = the DCT date; its `times`
(scalar offsets = Python str indices) become the scorer's prediction format. dateparser's
`search_dates` runs with RELATIVE_BASE = DCT; each found substring is located in the text (left to
right) and given type DATE and the found day as value. Scoring: ../shared/tools/timeml_score.py
(TempEval-3 strict/relaxed span F1, value F1). Lede's `event_mentions` (include) are scored as EVENT
predictions (strict/relaxed F1, class accuracy); the events model is trained on the DEV part only
(`lede train events`), so TEST is held out for it too.
"""
import argparse
import datetime
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
SHARED = os.path.normpath(os.path.join(REPO, "..", "shared"))
GOLD = os.path.join(SHARED, "data", "timeml", "timebank")
SCORER = os.path.join(SHARED, "tools", "timeml_score.py")


def split_names(split):
    names = sorted(f[:-4] for f in os.listdir(GOLD) if f.endswith(".tml"))
    if split == "all":
        return names
    return [n for i, n in enumerate(names) if (i % 5 == 4) == (split == "test")]


def lede_predictions(docs, lede, out):
    requests = "".join(json.dumps({"id": d["name"], "text": d["text"], "published": d["published"][:10],
                                   "include": ["event_mentions", "timings"]}) + "\n" for d in docs)
    run = subprocess.run([lede, "batch", "-", "--jobs", "2"], input=requests.encode(), capture_output=True, check=True)
    stage_ms = {}
    for line, doc in zip(run.stdout.decode().splitlines(), docs):
        result = json.loads(line)
        for stage, ms in result.get("timings_ms", {}).items():
            stage_ms[stage] = stage_ms.get(stage, 0.0) + ms
        assert result.get("id") == doc["name"], (result.get("id"), doc["name"])
        timexes = [{"start": t["start"], "end": t["end"], "type": t["type"], "value": t["value"]} for t in result.get("times", [])]
        events = [{"start": e["start"], "end": e["end"], "class": e["class"]} for e in result.get("event_mentions", [])]
        write(out, doc["name"], timexes, events)
    return stage_ms


def dateparser_predictions(docs, out):
    from dateparser.search import search_dates
    for doc in docs:
        base = datetime.datetime.fromisoformat(doc["published"][:10])
        found = search_dates(doc["text"], languages=["en"], settings={"RELATIVE_BASE": base}) or []
        timexes, cursor = [], 0
        for substring, when in found:
            start = doc["text"].find(substring, cursor)
            if start < 0:
                continue
            cursor = start + len(substring)
            timexes.append({"start": start, "end": cursor, "type": "DATE", "value": when.date().isoformat()})
        write(out, doc["name"], timexes)


def write(out, name, timexes, events=()):
    with open(os.path.join(out, name + ".json"), "w") as f:
        json.dump({"timexes": timexes, "events": list(events)}, f)


def score(gold, pred):
    run = subprocess.run([sys.executable, SCORER, "score", gold, pred, "--json"], capture_output=True, check=True)
    return json.loads(run.stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=["test", "dev", "all"], default="test")
    parser.add_argument("--lede", default=os.path.join(REPO, ".build", "release", "lede"))
    parser.add_argument("--no-dateparser", action="store_true")
    parser.add_argument("--keep", help="write predictions under this folder instead of a temporary one")
    args = parser.parse_args()

    work = args.keep or tempfile.mkdtemp(prefix="lede-time-")
    names = split_names(args.split)
    gold, inputs = os.path.join(work, "gold"), os.path.join(work, "input")
    os.makedirs(gold, exist_ok=True)
    for n in names:
        link = os.path.join(gold, n + ".tml")
        if not os.path.exists(link):
            os.symlink(os.path.join(GOLD, n + ".tml"), link)
    subprocess.run([sys.executable, SCORER, "text", gold, inputs], capture_output=True, check=True)
    docs = []
    for n in names:
        with open(os.path.join(inputs, n + ".json")) as f:
            d = json.load(f)
        docs.append({"name": n, "text": d["text"], "published": d["published"]})

    lede_stage_ms = {}
    systems = [("Lede time stage", lambda out: lede_stage_ms.update(lede_predictions(docs, args.lede, out)))]
    if not args.no_dateparser:
        systems.append(("dateparser 1.5 search_dates", lambda out: dateparser_predictions(docs, out)))
    print(f"TimeBank {args.split} split: {len(docs)} documents (every 5th file by name is test)\n")
    print("| system | gold | pred | strict P | strict R | strict F1 | relaxed F1 | type acc | value F1 |")
    print("|---|---|---|---|---|---|---|---|---|")
    event_rows = []
    for label, predict in systems:
        out = os.path.join(work, "pred-" + label.split()[0].lower())
        os.makedirs(out, exist_ok=True)
        started = time.perf_counter()
        predict(out)
        seconds = time.perf_counter() - started
        scores = score(gold, out)
        t, e = scores["timex"], scores["event"]
        print(f"| {label} | {t['gold']} | {t['pred']} | {t['strict']['P']:.3f} | {t['strict']['R']:.3f} | {t['strict']['F1']:.3f} "
              f"| {t['relaxed']['F1']:.3f} | {t['type']['accuracy']:.3f} | {t['value']['F1']:.3f} |")
        if e["pred"]:
            event_rows.append(f"| {label} | {e['gold']} | {e['pred']} | {e['strict']['P']:.3f} | {e['strict']['R']:.3f} "
                              f"| {e['strict']['F1']:.3f} | {e['relaxed']['F1']:.3f} | {e['class']['accuracy']:.3f} | {e['class']['F1']:.3f} "
                              f"| {len(docs) / seconds:.1f} |")
    if event_rows:
        print("\nEvent mentions (TimeML EVENT triggers):\n")
        print("| system | gold | pred | strict P | strict R | strict F1 | relaxed F1 | class acc | class F1 | documents/s (whole pipeline, 2 jobs) |")
        print("|---|---|---|---|---|---|---|---|---|---|")
        print("\n".join(event_rows))
    if lede_stage_ms:
        words = sum(len(d["text"].split()) for d in docs)
        print(f"\nStage times over the {len(docs)} documents ({words} words), from --include timings (one document at a time per core):\n")
        print("| stage | ms total | documents/s on one core | words/s |")
        print("|---|---|---|---|")
        for stage in ("time", "event_mentions", "events"):
            ms = lede_stage_ms.get(stage)
            if ms:
                print(f"| {stage} | {ms:.1f} | {len(docs) / (ms / 1000):.0f} | {words / (ms / 1000):,.0f} |")
        together = sum(lede_stage_ms.get(s, 0) for s in ("time", "event_mentions", "events"))
        print(f"| time + event_mentions + events | {together:.1f} | {len(docs) / (together / 1000):.0f} | {words / (together / 1000):,.0f} |")

if __name__ == "__main__":
    main()
