#!/usr/bin/env python3
"""Sentence segmentation on news: CoNLL-2003 (Reuters, 1996) documents, detokenised.

A check that what helps on the web genres of UD EWT does not hurt news. Each `-DOCSTART-` document's
sentences are detokenised (no space before `, . : ; ! ? ) 's n't %`, none after `( $`, straight double quotes
alternately opening and closing) and joined by single spaces, as `ud_sentences.py` does with EWT. Headlines and
datelines ("LONDON 1996-08-30") are sentences of their own in the gold, as the corpus splits them.

    .venv/bin/python bench/segmentation/conll_news_sentences.py --lede-batch ".build/release/lede batch" [--rule]

Scoring, systems and output are those of `ud_sentences.py` (sentence-span F1 and boundary F1).
"""
import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ud_sentences as U  # noqa: E402

DEFAULT = U.REPO.parent / "shared" / "data" / "ner" / "conll2003" / "dev.txt"
NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "}", "%", "'s", "'S", "n't", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "[", "{", "$"}


def detokenize(tokens):
    return detokenize_with_offsets(tokens)[0]


def detokenize_with_offsets(tokens):
    """The sentence as text, and each token's [start, end) in it."""
    out, offsets, quote_open, glue = "", [], False, True
    for t in tokens:
        if t == '"':
            space = "" if quote_open or glue else " "
            quote_open = not quote_open
            next_glue = quote_open
        else:
            space = "" if glue or t in NO_SPACE_BEFORE else " "
            next_glue = t in NO_SPACE_AFTER
        out += space
        offsets.append((len(out), len(out) + len(t)))
        out += t
        glue = next_glue
    return out, offsets


def read_docs(path):
    docs, sentence = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            token = line.split(" ", 1)[0].strip()
            if token == "-DOCSTART-":
                docs.append([])
            elif token:
                sentence.append(token)
                continue
            if sentence:
                if not docs:
                    docs.append([])
                docs[-1].append(detokenize(sentence))
                sentence = []
    if sentence:
        docs[-1].append(detokenize(sentence))
    return [d for d in docs if d]


def build_gold(path):
    gold = []
    for n, sents in enumerate(read_docs(path)):
        spans, pos = [], 0
        for s in sents:
            spans.append([pos, pos + len(s)])
            pos += len(s) + 1
        gold.append({"doc": f"conll-{n:04d}", "text": " ".join(sents), "sentences": spans})
    return gold


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--conll", default=str(DEFAULT))
    ap.add_argument("--rule", action="store_true")
    ap.add_argument("--lede-batch", metavar="CMD")
    ap.add_argument("--save-pred", metavar="PATH")
    ap.add_argument("--timeout", type=float, default=600)
    args = ap.parse_args()
    gold = build_gold(args.conll)
    print(f"  {len(gold)} documents, {sum(len(g['sentences']) for g in gold)} sentences from {args.conll}",
          file=sys.stderr)
    if args.rule:
        for name, pattern in U.RULES.items():
            preds, secs = U.run_rule(gold, pattern)
            U.report(name, gold, preds, secs)
    if args.lede_batch:
        preds, secs = U.run_lede_batch(gold, args.lede_batch, args.timeout)
        U.save_preds(args.save_pred, preds)
        U.report("Lede (batch)", gold, preds, secs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
