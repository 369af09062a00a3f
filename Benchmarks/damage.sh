#!/usr/bin/env bash
# Imports 10,000 damaged copies of the seeds and the house-style packs (a line deleted, duplicated or swapped, a
# byte flipped, the text cut short) with a release build: every case must end in records or a clean error, each
# within a second. The test suite runs 200 such cases on every CI run.
#
#   Benchmarks/damage.sh
#
# Settings (environment):
#   QUORUM_DAMAGE_CASES      how many damaged copies (default 10000).
#   QUORUM_DAMAGE_SEED       the pseudo-random seed (default 1); the same seed gives the same cases.
#   QUORUM_BENCH_SKIP_BUILD  set to 1 to use the quorum-bench already in .build-release.
set -euo pipefail
cd "$(dirname "$0")/.."

scratch=.build-release
shopt -s nullglob
files=(../shared/seeds/*.txt)
[[ ${#files[@]} -gt 0 ]] || files=(Tests/QuorumIngestTests/Fixtures/*.txt)
styles=(../shared/house-styles/*.txt)
[[ ${#styles[@]} -gt 0 ]] || styles=(Tests/QuorumIngestTests/Fixtures/house-styles/*.txt)
for style in "${styles[@]}"; do
    [[ $style == *.facts.txt ]] || files+=("$style")
done
shopt -u nullglob

if [[ ${QUORUM_BENCH_SKIP_BUILD:-0} != 1 ]]; then
    echo "== building quorum-bench (release) into $scratch"
    swift build -c release --scratch-path "$scratch" --product quorum-bench
fi
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)
echo "== quorum $(git rev-parse --short HEAD 2>/dev/null || echo '?') on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== quorum-bench damage --cases ${QUORUM_DAMAGE_CASES:-10000} --seed ${QUORUM_DAMAGE_SEED:-1} (${#files[@]} files)"
timeout 3600 "$bin/quorum-bench" damage --cases "${QUORUM_DAMAGE_CASES:-10000}" --seed "${QUORUM_DAMAGE_SEED:-1}" "${files[@]}"
