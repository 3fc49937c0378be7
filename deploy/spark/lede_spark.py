#!/usr/bin/env python3
"""Lede as a batch mapper on Apache Spark: every partition streams its articles through one
`lede batch` process (NDJSON requests in, NDJSON results out, in order), so a cluster scales the
same extraction core the service runs — no home-made cluster, no second implementation.

    spark-submit deploy/spark/lede_spark.py --input articles.jsonl --output results/ [--lede /usr/local/bin/lede]

Input: JSON lines, each an extraction request as `POST /v1/extract` takes it ({"id", "text", "published", …}).
Output: JSON lines, one Result (or `{"id", "error"}`) per input line. `lede` must be installed on every
executor (the container image has it at /usr/local/bin/lede), or shipped with `--files`.
"""
import argparse
import subprocess
from typing import Iterable, Iterator


def run_lede(lines: Iterable[str], lede: str, jobs: int = 1) -> Iterator[str]:
    """Feeds one partition's request lines to `lede batch` and yields its result lines in order."""
    payload = "".join(line if line.endswith("\n") else line + "\n" for line in lines if line.strip())
    if not payload:
        return iter(())
    done = subprocess.run([lede, "batch", "--jobs", str(jobs), "-"], input=payload.encode("utf-8"),
                          capture_output=True, check=True)
    return iter(done.stdout.decode("utf-8").splitlines())


def extract(spark, input_path: str, output_path: str, lede: str, partitions: int = 0) -> None:
    # Executors unpickle `run_lede` by module name: ship this file to them.
    spark.sparkContext.addPyFile(__file__)
    lines = spark.sparkContext.textFile(input_path)
    if partitions:
        lines = lines.repartition(partitions)
    lines.mapPartitions(lambda part: run_lede(part, lede)).saveAsTextFile(output_path)


def main() -> None:
    from pyspark.sql import SparkSession

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--input", required=True)
    parser.add_argument("--output", required=True)
    parser.add_argument("--lede", default="lede")
    parser.add_argument("--partitions", type=int, default=0)
    args = parser.parse_args()
    spark = SparkSession.builder.appName("lede-batch").getOrCreate()
    try:
        extract(spark, args.input, args.output, args.lede, args.partitions)
    finally:
        spark.stop()


if __name__ == "__main__":
    main()
