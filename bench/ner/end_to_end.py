#!/usr/bin/env python3
"""Entity mentions end to end: CoNLL-2003 dev as text in, Lede's entity mentions out, exact spans and types.

`run.py` scores the tagger alone on the gold tokens; this scores what a caller gets: Lede's own tokenizer, sentence
splitter and the entity stage's rules (gazetteer, honorifics, merged names) on the detokenised text, one line per
CoNLL sentence. PERSON, ORGANIZATION, LOCATION and MISC mentions of kind `name` count, and `demonym` mentions as MISC
(Lede files "Australian" under Australia, CoNLL tags it MISC); a mention is right when its start, end and type equal a
gold one (conlleval's rule, on character offsets).

    python3 bench/ner/end_to_end.py --lede .build/release/lede [--lede OTHER ...] [--shared ../shared]
"""
import argparse
import json
import pathlib
import subprocess
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "segmentation"))
from conll_news_sentences import detokenize_with_offsets  # noqa: E402

TYPES = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC", "MISC": "MISC"}


def read_documents(path):
    """[[[(token, tag), ...] per sentence] per document]; tags are IOB1 as CoNLL-2003 ships them."""
    docs, sentence = [], []
    for line in open(path, encoding="utf-8"):
        columns = line.split()
        if columns and columns[0] == "-DOCSTART-":
            docs.append([])
        elif columns:
            sentence.append((columns[0], columns[-1]))
        elif sentence:
            if not docs:
                docs.append([])
            docs[-1].append(sentence)
            sentence = []
    if sentence:
        docs[-1].append(sentence)
    return [d for d in docs if d]


def gold_document(sentences):
    """The document's text (a line per sentence) and its gold mentions {(start, end, type)}."""
    text, mentions = "", set()
    for n, sentence in enumerate(sentences):
        line, offsets = detokenize_with_offsets([t for t, _ in sentence])
        base = len(text) + (1 if n else 0)
        text += ("\n" if n else "") + line
        current = None
        for (token, tag), (start, end) in zip(sentence, offsets):
            kind = tag.split("-")[-1] if tag != "O" else None
            if tag.startswith("B-") or (kind and (current is None or current[2] != kind)):
                if current:
                    mentions.add(tuple(current))
                current = [base + start, base + end, kind]
            elif kind:
                current[1] = base + end
            elif current:
                mentions.add(tuple(current))
                current = None
        if current:
            mentions.add(tuple(current))
    return text, mentions


def score(lede, documents):
    lines = "".join(json.dumps({"id": str(i), "text": text, "language": "en"}) + "\n" for i, (text, _) in enumerate(documents))
    out = subprocess.run([lede, "batch", "-"], input=lines.encode(), capture_output=True, check=True).stdout.decode()
    right = predicted = gold = 0
    for (_, expected), line in zip(documents, out.splitlines()):
        result = json.loads(line)
        found = {(m["start"], m["end"], "MISC" if m["kind"] == "demonym" else TYPES[e["type"]])
                 for e in result["entities"] if e["type"] in TYPES
                 for m in e["mentions"] if m["kind"] in ("name", "demonym")}
        right += len(found & expected)
        predicted += len(found)
        gold += len(expected)
    p, r = right / predicted, right / gold
    return p, r, 2 * p * r / (p + r)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lede", action="append", help="a lede binary (repeat to compare)")
    ap.add_argument("--shared", default=str(pathlib.Path(__file__).resolve().parents[3] / "shared"))
    args = ap.parse_args()
    documents = [gold_document(d) for d in read_documents(pathlib.Path(args.shared) / "data/ner/conll2003/dev.txt")]
    print("| binary | P | R | F1 |\n|---|---:|---:|---:|")
    for lede in args.lede or [".build/release/lede"]:
        p, r, f = score(lede, documents)
        print(f"| {lede} | {p:.4f} | {r:.4f} | {f:.4f} |", flush=True)


if __name__ == "__main__":
    main()
