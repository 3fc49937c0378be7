#!/usr/bin/env bash
# Builds one libFuzzer binary per fuzz/*Fuzz.swift into .build-fuzz/fuzzers/.
#
# How (checked with Swift 6.3.1 on Linux): SwiftPM builds the library targets with coverage instrumentation and
# ASan (`-Xswiftc -sanitize=fuzzer,address`; `-enable-testing` so a harness can `@testable import` internal types
# such as LedeHTTP.HTTPParser). Not `swift build --sanitize=fuzzer --sanitize=address`: SwiftPM passes those as
# two -sanitize flags, swiftc keeps only the last, and the libraries get ASan but no coverage (libFuzzer then
# sees only the harness: ~40 edges). Only library targets are built: an executable would clash with libFuzzer's main.
# Then swiftc compiles each harness against those modules and links it with every library object file, libFuzzer
# (which brings main) and the C libraries. No change to Package.swift, and the normal builds are untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
SCRATCH=.build-fuzz
NICE=${NICE:-nice -n 10}

# Each harness names the modules whose objects it links on a `// fuzz-link:` line ("all" = every library
# object); a target that does not build right now (the tree is shared) only skips the harnesses that need it.
BIN=$(swift build --scratch-path "$SCRATCH" -c release --show-bin-path)
declare -A BUILT
for target in LedeHTTP LedeFetch LedeHTML LedeCore LedeService; do
    if $NICE swift build --scratch-path "$SCRATCH" -c release -Xswiftc -sanitize=fuzzer,address \
        -Xswiftc -enable-testing --target "$target"; then BUILT[$target]=1
    else echo "warning: $target does not build; skipping the fuzzers that need it" >&2
    fi
done
# C targets of package dependencies (swift-atomics' _AtomicsShims) are found through their module maps.
mapfile -t CMAPS < <(find "$SCRATCH/checkouts" -path '*/Sources/*/include/module.modulemap' | sed 's/^/-Xcc\n-fmodule-map-file=/')
mkdir -p "$BIN/fuzzers"
ln -sfn "$BIN/fuzzers" "$SCRATCH/fuzzers"
status=0

for harness in fuzz/*Fuzz.swift; do
    name=$(basename "$harness" Fuzz.swift | sed -E 's/([a-z])([A-Z])/\1-\2/g; s/([A-Z])([A-Z][a-z])/\1-\2/g' | tr 'A-Z' 'a-z')
    out="$BIN/fuzzers/$name"
    read -r -a modules <<< "$(sed -n 's|^// fuzz-link: ||p' "$harness")"
    objects=()
    for module in "${modules[@]}"; do
        if [ "$module" = all ]; then
            [ -n "${BUILT[LedeService]:-}" ] || { echo "skipping $name: LedeService does not build" >&2; status=1; continue 2; }
            mapfile -t objects < <(find "$BIN" -path "$BIN/fuzzers" -prune -o -name '*.o' -path '*.build/*' -print | sort)
        else
            case $module in Lede*) [ -n "${BUILT[$module]:-}" ] || { echo "skipping $name: $module does not build" >&2; status=1; continue 2; } ;; esac
            mapfile -t -O "${#objects[@]}" objects < <(find "$BIN/$module.build" -name '*.o' | sort)
        fi
    done
    if [ -x "$out" ] && [ "$out" -nt "$harness" ] && [ -z "$(find "${objects[@]}" -newer "$out" -print -quit)" ]; then
        continue
    fi
    echo "linking fuzzer $name"
    $NICE swiftc -sanitize=fuzzer,address -parse-as-library -O -g -module-name "Fuzz_${name//-/_}" \
        -I "$BIN/Modules" -I /usr/include/libxml2 \
        -Xcc -fmodule-map-file=Sources/CCurl/module.modulemap \
        -Xcc -fmodule-map-file=Sources/CLibXML2/module.modulemap \
        -Xcc -fmodule-map-file=Sources/CZlib/module.modulemap "${CMAPS[@]}" \
        "$harness" "${objects[@]}" -lcurl -lxml2 -lz -o "$out" 2> >(grep -v "Cannot export local symbol" >&2) || status=1
done
ls "$BIN/fuzzers"
exit $status
