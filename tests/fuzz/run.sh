#!/usr/bin/env bash
# Fuzzes every target for SECONDS each, one after another, starting from a copy of its seed corpus (so the corpus
# in the repository is never grown). Exits 1 when any target crashed, leaked, hung or ran out of memory, printing
# the reproducer's path; re-run one with `BUILD_DIR/tests/fuzz/<target> <reproducer>`.
#
#   bash tests/fuzz/run.sh SECONDS [BUILD_DIR]
#
# BUILD_DIR (default: $GROUNDWORK_FUZZ_BUILD, else build-sanitize in the repository) must be configured with
# GROUNDWORK_SANITIZE=ON and GROUNDWORK_FUZZ=ON (the "sanitize" preset); this script builds the targets there.
# Reproducers, logs and the grown corpora go to $GROUNDWORK_FUZZ_OUT (default: a new folder under /tmp).
set -u -o pipefail

usage() { echo "usage: $0 SECONDS [BUILD_DIR]" >&2; exit 2; }
[[ $# -ge 1 && $# -le 2 && $1 =~ ^[1-9][0-9]*$ ]] || usage
seconds=$1
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
build=${2:-${GROUNDWORK_FUZZ_BUILD:-$repo/build-sanitize}}
out=${GROUNDWORK_FUZZ_OUT:-$(mktemp -d /tmp/gw-fuzz-results.XXXXXX)}
mkdir -p "$out"

# target:max_len. Content files may be 1 MB, but every class of problem shows in far less, and shorter inputs
# mean many more runs a second.
targets=(fuzz_module:65536 fuzz_artifact_declaration:65536 fuzz_profile:65536 fuzz_export:32768 fuzz_outbox:16384
         fuzz_atlas_cache:65536)

if [[ ! -f $build/CMakeCache.txt ]] || ! grep -q '^GROUNDWORK_FUZZ:BOOL=ON' "$build/CMakeCache.txt"; then
  echo "$build is not a fuzzing build; configure it first, e.g.: cmake --preset sanitize" >&2
  exit 2
fi
cmake --build "$build" -j2 --target groundwork_fuzz_targets >"$out/build.log" 2>&1 || {
  tail -30 "$out/build.log" >&2
  echo "build failed (log: $out/build.log)" >&2
  exit 2
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:detect_stack_use_after_return=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
[[ -f $repo/tests/sanitizer/lsan.supp ]] && export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$repo/tests/sanitizer/lsan.supp}

failed=0
for entry in "${targets[@]}"; do
  name=${entry%%:*}
  max_len=${entry##*:}
  bin=$build/tests/fuzz/$name
  corpus=$out/corpus-$name
  rm -rf "$corpus"
  cp -r "$here/corpus/$name" "$corpus"
  seeds=$(ls "$corpus" | wc -l)
  echo "== $name: ${seconds}s from $seeds seeds"
  "$bin" "$corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -max_len="$max_len" -timeout=10 \
    -print_final_stats=1 -artifact_prefix="$out/$name-" >"$out/$name.log" 2>&1
  code=$?
  grep -E '^stat::number_of_executed_units|^stat::peak_rss_mb' "$out/$name.log" | sed 's/^/   /'
  echo "   corpus: $seeds -> $(ls "$corpus" | wc -l) inputs; log: $out/$name.log"
  if [[ $code -ne 0 ]]; then
    failed=1
    grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|==ERROR' "$out/$name.log" | sed 's/^/   /'
    found=0
    for f in "$out/$name"-*; do
      [[ -f $f ]] || continue
      echo "   FAILED (exit $code): reproducer $f"
      echo "   re-run: $bin $f"
      found=1
    done
    [[ $found -eq 1 ]] || echo "   FAILED (exit $code) without a reproducer; see the log"
  fi
done

if [[ $failed -ne 0 ]]; then
  echo "fuzzing found problems; results in $out" >&2
  exit 1
fi
echo "no crashes; results in $out"
