#!/usr/bin/env bash
# Runs every fuzzer (or those named as arguments) for FUZZ_SECONDS each, one at a time, under nice.
# Corpora grow in .build-fuzz/corpus/<target>/ (seeded by fuzz/seed.py), findings land in
# .build-fuzz/crashes/<target>/, and each run appends one line to .build-fuzz/fuzz-log.tsv:
#   date  target  seconds  executions  coverage(edges)  features  corpus  findings
# docs/reliability.md sums that log per target. Exit status 1 if any run found a crash, leak, timeout or OOM.
set -uo pipefail
cd "$(dirname "$0")/.."
SECONDS_EACH=${FUZZ_SECONDS:-60}
NICE=${NICE:-nice -n 10}
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(http-parser extract-request charset-decoder html-article extractor)
declare -A MAXLEN=([http-parser]=4096 [extract-request]=16384 [html-article]=16384 [charset-decoder]=16384 [extractor]=8192)

[ -n "${FUZZ_NO_BUILD:-}" ] || fuzz/build.sh   # FUZZ_NO_BUILD=1: run the fuzzers already built
python3 fuzz/seed.py
LOG=.build-fuzz/fuzz-log.tsv
[ -f "$LOG" ] || printf 'date\ttarget\tseconds\texecutions\tcoverage\tfeatures\tcorpus\tfindings\n' > "$LOG"
status=0
for target in "${TARGETS[@]}"; do
    [ -x ".build-fuzz/fuzzers/$target" ] || { echo "no fuzzer $target (did not build)"; status=1; continue; }
    mkdir -p ".build-fuzz/crashes/$target"
    before=$(ls ".build-fuzz/crashes/$target" | wc -l)
    out=".build-fuzz/last-$target.log"
    echo "fuzzing $target for ${SECONDS_EACH}s"
    start=$(date +%s)
    # -timeout: one input taking longer than FUZZ_TIMEOUT (10 s) is a finding: a hang or a blow-up. On a starved
    # machine (nice 19 beside busy builds) re-run a timeout input alone before believing it.
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1} $NICE ".build-fuzz/fuzzers/$target" \
        -max_total_time="$SECONDS_EACH" -max_len="${MAXLEN[$target]}" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=3072 \
        -print_final_stats=1 -artifact_prefix=".build-fuzz/crashes/$target/" \
        ".build-fuzz/corpus/$target" > "$out" 2>&1
    rc=$?
    after=$(ls ".build-fuzz/crashes/$target" | wc -l)
    execs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$out" | grep -o '[0-9]*$' || echo 0)
    elapsed=$(( $(date +%s) - start ))
    last=$(grep -E '^#[0-9]+' "$out" | tail -1)
    cov=$(sed -nE 's/.*cov: ([0-9]+).*/\1/p' <<< "$last")
    ft=$(sed -nE 's/.*ft: ([0-9]+).*/\1/p' <<< "$last")
    corpus=$(ls ".build-fuzz/corpus/$target" | wc -l)
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$target" "$elapsed" "${execs:-0}" "${cov:-?}" \
        "${ft:-?}" "$corpus" "$((after - before))" >> "$LOG"
    tail -n 1 "$LOG"
    if [ $rc -ne 0 ] || [ "$after" -gt "$before" ]; then
        echo "FINDING in $target: see $out and .build-fuzz/crashes/$target/"; status=1
    fi
done
exit $status
