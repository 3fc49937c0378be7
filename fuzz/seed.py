#!/usr/bin/env python3
"""Writes the fuzz seed corpora into .build-fuzz/corpus/<target>/ (gitignored), from the committed seeds in
fuzz/seeds/ plus real data in ../shared: AEB article pages, PolNeAR article texts, TimeBank documents and the
messy example article. Deterministic: the same files every run. Small inputs keep libFuzzer fast; big real
pages are cut to the -max_len the runner uses."""
import gzip, hashlib, json, os, pathlib, re, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = pathlib.Path(os.environ.get("SHARED", ROOT.parent / "shared")).resolve()
OUT = ROOT / ".build-fuzz" / "corpus"
MAX = {"http-parser": 4096, "extract-request": 16384, "html-article": 16384, "charset-decoder": 16384, "extractor": 8192}


def write(target, data):
    data = data[: MAX[target]]
    folder = OUT / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def pages(limit):
    for path in sorted((SHARED / "data/articles/aeb/html").glob("*.html.gz"))[:limit]:
        yield gzip.decompress(path.read_bytes())


def texts(limit):
    example = SHARED / "examples/moscow-iran-2025-06-23.txt"
    if example.exists():
        yield example.read_text()
    with open(SHARED / "data/quotes/polnear/dev.jsonl") as lines:
        for i, line in enumerate(lines):
            if i >= limit:
                break
            yield json.loads(line)["text"]
    for path in sorted((SHARED / "data/timeml/timebank").glob("*.tml"))[:limit]:
        yield re.sub(r"<[^>]+>", "", path.read_text(errors="replace"))


def main():
    for seed in sorted((ROOT / "fuzz/seeds").glob("*/*")):
        write(seed.parent.name, seed.read_bytes())
    for i, page in enumerate(pages(60)):
        write("html-article", bytes([i % 8]) + page)
        # The charset decoder sees the page head (where <meta charset> lives) and a body slice.
        write("charset-decoder", bytes([i % 16]) + page[:8192])
    for i, text in enumerate(texts(40)):
        data = text.encode()
        write("extractor", data)
        write("extract-request", json.dumps({"text": text[:4000], "published": "2025-06-23", "id": f"s{i}"}).encode())
        if i % 5 == 0:
            write("charset-decoder", bytes([i % 16]) + text.encode("utf-8")[:4096])
            write("charset-decoder", bytes([3]) + text.encode("latin-1", "replace")[:4096])
    for i, page in enumerate(pages(10)):
        write("extract-request", json.dumps({"html": page[:12000].decode("utf-8", "replace"),
                                             "url": "https://example.com/a.html"}).encode())
    print(f"seeds in {OUT}: " + ", ".join(f"{t} {len(list((OUT / t).iterdir()))}" for t in MAX))


if __name__ == "__main__":
    sys.exit(main())
