#!/usr/bin/env bash
# Measures agenda-pack parse throughput (MB/s) over the seed packs against a baseline measured in the
# same run: decoding the same bytes as a UTF-8 String and splitting it into lines. The files are the seeds and
# the packs in other councils' house styles. The target is a parse within 10 times the baseline's time.
#
#   Benchmarks/parse.sh
#
# Settings (environment):
#   QUORUM_PARSE_ITERATIONS  timed iterations over all the seeds (default 30).
#   QUORUM_BENCH_SKIP_BUILD  set to 1 to use the quorum-bench already in .build-release.
#
# Seeds: ../shared/seeds/*.txt beside the repository, or else Tests/QuorumIngestTests/Fixtures/*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

iterations=${QUORUM_PARSE_ITERATIONS:-30}
scratch=.build-release

work=$(mktemp -d -t quorum-parse.XXXXXX)
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

shopt -s nullglob
seeds=(../shared/seeds/*.txt)
if [[ ${#seeds[@]} -eq 0 ]]; then
    seeds=(Tests/QuorumIngestTests/Fixtures/*.txt)
fi
# The packs in other councils' house styles, from ../shared or the test fixtures' copy.
styles=(../shared/house-styles/*.txt)
if [[ ${#styles[@]} -eq 0 ]]; then
    styles=(Tests/QuorumIngestTests/Fixtures/house-styles/*.txt)
fi
for style in "${styles[@]}"; do
    [[ $style == *.facts.txt ]] || seeds+=("$style")
done
shopt -u nullglob
[[ ${#seeds[@]} -gt 0 ]] || { echo "parse.sh: no seeds in ../shared/seeds or Tests/QuorumIngestTests/Fixtures" >&2; exit 1; }

if pgrep -x swift-frontend >/dev/null || pgrep -x swift-build >/dev/null; then
    echo "parse.sh: warning: a Swift build is running on this machine; figures will be noisy." >&2
fi

if [[ ${QUORUM_BENCH_SKIP_BUILD:-0} != 1 ]]; then
    echo "== building quorum-bench (release) into $scratch"
    swift build -c release --scratch-path "$scratch" --product quorum-bench
fi
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)
[[ -x $bin/quorum-bench ]] || { echo "parse.sh: $bin/quorum-bench is missing; build it or unset QUORUM_BENCH_SKIP_BUILD" >&2; exit 1; }

echo "== quorum $(git rev-parse --short HEAD 2>/dev/null || echo '?') on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== quorum-bench parse --iterations $iterations ${seeds[*]}"
# A generous limit, so the script always stops by itself (30 iterations take a few seconds).
timeout 900 "$bin/quorum-bench" parse --iterations "$iterations" --target 10 "${seeds[@]}"
