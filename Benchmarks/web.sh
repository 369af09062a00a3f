#!/usr/bin/env bash
# Load-tests the website on a generated archive with wrk, and prints each route's throughput and p99
# latency beside /health, measured in the same run (machines are shared and noisy: compare ratios).
#
#   Benchmarks/web.sh
#
# Settings (environment):
#   QUORUM_BENCH_DATABASE   archive to use; generated there if the file does not exist, and kept.
#                           Without it, a temporary archive is generated and deleted afterwards.
#   QUORUM_BENCH_ARCHIVE_ARGS  extra flags for `quorum-bench generate-archive` (e.g. "--years 2").
#   QUORUM_BENCH_PORT       port for the server (default 8181).
#   QUORUM_BENCH_DURATION   wrk duration per route (default 10s).
#   QUORUM_BENCH_RUNS       how many times to measure every route; the median is shown (default 1).
#   QUORUM_BENCH_SKIP_BUILD set to 1 to use the binaries already in .build-release.
#   QUORUM_BENCH_STRICT     set to 1 to exit non-zero when a route does not answer 200.
set -euo pipefail
cd "$(dirname "$0")/.."

port=${QUORUM_BENCH_PORT:-8181}
duration=${QUORUM_BENCH_DURATION:-10s}
runs=${QUORUM_BENCH_RUNS:-1}
base="http://127.0.0.1:$port"
scratch=.build-release

work=$(mktemp -d -t quorum-bench.XXXXXX)
server_pids=()
cleanup() {
    for pid in "${server_pids[@]}"; do
        if kill -0 "$pid" 2>/dev/null; then
            kill "$pid" 2>/dev/null || true
            for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
            kill -9 "$pid" 2>/dev/null || true
        fi
    done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

if ! command -v wrk >/dev/null; then
    echo "web.sh: wrk is not installed (apt-get install -y wrk)" >&2
    exit 1
fi

if pgrep -x swift-frontend >/dev/null || pgrep -x swift-build >/dev/null; then
    echo "web.sh: warning: a Swift build is running on this machine; figures will be noisy." >&2
fi

if [[ ${QUORUM_BENCH_SKIP_BUILD:-0} != 1 ]]; then
    echo "== building release binaries into $scratch"
    swift build -c release --scratch-path "$scratch" --product quorum
    swift build -c release --scratch-path "$scratch" --product quorum-bench
fi
bin=$(swift build -c release --scratch-path "$scratch" --show-bin-path)
for tool in quorum quorum-bench; do
    [[ -x $bin/$tool ]] || { echo "web.sh: $bin/$tool is missing; build it or unset QUORUM_BENCH_SKIP_BUILD" >&2; exit 1; }
done

database=${QUORUM_BENCH_DATABASE:-$work/archive.sqlite}
if [[ -e $database ]]; then
    echo "== reusing the archive $database"
else
    echo "== generating an archive into $database"
    # shellcheck disable=SC2086 # the extra flags are meant to split
    "$bin/quorum-bench" generate-archive --database "$database" ${QUORUM_BENCH_ARCHIVE_ARGS:-}
fi
# Upgraded before the servers start, as an operator upgrades: a server that upgrades an archive itself builds
# the new indexes by reading most of the file through its memory map, and those pages then count in its resident
# memory, which the memory step below measures.
"$bin/quorum" migrate --database "$database" >/dev/null
examples=$("$bin/quorum-bench" examples --database "$database")
meeting=$(sed -n 's/^example meeting: //p' <<<"$examples")
word=$(sed -n 's/^example search: //p' <<<"$examples")
committee=$(sed -n 's/^example committee: //p' <<<"$examples")
person=$(sed -n 's/^example person: //p' <<<"$examples")
[[ -n $meeting ]] || { echo "web.sh: the archive has no meeting with minutes" >&2; exit 1; }

# Two servers on the same archive: one as deployed (page cache on), one with `--page-cache-mb 0`, so that every
# request to it renders the page from the database, as the first request after a change does.
uncached_base="http://127.0.0.1:$((port + 1))"
for url in "$base" "$uncached_base"; do
    if curl -s -o /dev/null --max-time 2 "$url/health"; then
        echo "web.sh: something already answers at $url; set QUORUM_BENCH_PORT" >&2
        exit 1
    fi
done
start_server() {
    local at=$1 log=$2; shift 2
    echo "== starting quorum serve on port ${at##*:} $*"
    "$bin/quorum" serve --database "$database" --port "${at##*:}" "$@" >"$log" 2>&1 &
    server_pids+=($!)
    for _ in $(seq 600); do
        curl -sf -o /dev/null --max-time 2 "$at/health" && return 0
        kill -0 "${server_pids[-1]}" 2>/dev/null || { echo "web.sh: the server exited:" >&2; cat "$log" >&2; exit 1; }
        sleep 0.1
    done
    echo "web.sh: $at/health did not answer within 60 s" >&2
    exit 1
}
start_server "$base" "$work/server.log"
start_server "$uncached_base" "$work/server-uncached.log" --page-cache-mb 0

routes=(
    "health|/health"
    "home|/"
    "meeting|$meeting"
    "committee|$committee"
    "person|$person"
    "tracker|/recommendations"
    "search|/search?q=$word"
    "api list|/api/v1/events"
)

# The median of the numbers on standard input.
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print ""; else if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# wrk's latency ("12.34ms", "1.02s", "850.00us") in milliseconds.
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } else if (v ~ /m$/) { sub(/m$/, "", v); v *= 60000 } printf "%.2f\n", v }'; }

declare -A rps p99 note
failed=0
names=()
# measure NAME URL: wrk the address $runs times and keep the median requests/s and p99.
measure() {
    local name=$1 url=$2
    : >"$work/rps" ; : >"$work/p99"
    for _ in $(seq "$runs"); do
        wrk -t2 -c16 -d"$duration" --timeout 30s --latency "$url" >"$work/wrk.txt" 2>&1 || { cat "$work/wrk.txt" >&2; exit 1; }
        awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.txt" >>"$work/rps"
        awk '$1 == "99%" { print $2 }' "$work/wrk.txt" | to_ms >>"$work/p99"
        errors=$(grep -E 'Non-2xx|Socket errors' "$work/wrk.txt" || true)
        if [[ -n $errors ]]; then
            note[$name]="${errors//$'\n'/; }"
            echo "   $errors"
        fi
    done
    rps[$name]=$(median <"$work/rps")
    p99[$name]=$(median <"$work/p99")
}

for entry in "${routes[@]}"; do
    names+=("$entry")
    name=${entry%%|*}
    path=${entry#*|}
    status=$(curl -s -o "$work/body" -w '%{http_code}' --max-time 30 "$base$path" || echo "000")
    if [[ $status != 200 ]]; then
        note[$name]="HTTP $status, not measured"
        echo "== $name $path: HTTP $status — not measured"
        failed=1
        continue
    fi
    echo "== $name $path: HTTP 200, $(wc -c <"$work/body") bytes; wrk -t2 -c16 -d$duration x $runs"
    measure "$name" "$base$path"
    # The same route on the server without a page cache: every request renders the page from the database.
    if [[ $name != health ]]; then
        echo "== $name $path, uncached (--page-cache-mb 0)"
        measure "$name uncached" "$uncached_base$path"
        names+=("$name uncached|$path")
    fi
done
echo
echo "quorum $(git rev-parse --short HEAD 2>/dev/null || echo '?') on $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), archive $(du -h "$database" | cut -f1)"
printf '%-18s %-64s %12s %10s %14s  %s\n' route path "requests/s" "p99 ms" "health/route" note
for entry in "${names[@]}"; do
    name=${entry%%|*}
    path=${entry#*|}
    if [[ -n ${rps[$name]:-} ]]; then
        ratio=$(awk -v h="${rps[health]:-0}" -v r="${rps[$name]}" 'BEGIN { if (r > 0 && h > 0) printf "%.1f", h / r; else print "-" }')
        printf '%-18s %-64s %12.0f %10.2f %14s  %s\n' "$name" "$path" "${rps[$name]}" "${p99[$name]}" "$ratio" "${note[$name]:-}"
    else
        printf '%-18s %-64s %12s %10s %14s  %s\n' "$name" "$path" - - - "${note[$name]:-}"
    fi
done

echo
# Hostile load: eight searches of forty rare prefixes each, all the time, while wrk measures the cached home page.
abusive="/search?q=$(printf 'zq%d*+' $(seq 1 40))"
abusers=()
for i in $(seq 8); do
    ( while :; do curl -s -o /dev/null --max-time 30 "$base$abusive&committee=&n=$i-$RANDOM"; done ) &
    abusers+=($!)
done
sleep 1
wrk -t2 -c16 -d"$duration" --timeout 30s --latency "$base/" >"$work/wrk.txt" 2>&1 || true
kill "${abusers[@]}" 2>/dev/null || true
wait "${abusers[@]}" 2>/dev/null || true
home_p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt" | to_ms)
home_rps=$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.txt")
verdict=$(awk -v p="$home_p99" 'BEGIN { print (p < 50 ? "within" : "OVER") }')
printf 'home page while 8 abusive searches run: %.0f requests/s, p99 %s ms (%s the 50 ms target)\n' "$home_rps" "$home_p99" "$verdict"

# Strangers' addresses: 5,000 requests for pages that do go into the cache (searches for random words), with the
# home page asked for now and then as visitors would; then the server's resident memory and whether the home page
# still comes from the cache.
for i in $(seq 5000); do
    if (( i % 100 == 0 )); then echo "$base/"; else echo "$base/search?q=w$RANDOM$RANDOM$i"; fi
done | xargs -P 8 -I{} curl -s -o /dev/null {}
rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/${server_pids[0]}/status")
# Of that, the pages of the database file mapped into memory (`PRAGMA mmap_size`), which the kernel can drop at will.
file_kb=$(awk '/^RssFile:/ { print $2 }' "/proc/${server_pids[0]}/status")
cache_status=$(curl -s -D - -o /dev/null "$base/" | tr -d '\r' | awk -F': ' 'tolower($1) == "x-cache" { print $2 }')
verdict=$(( rss_kb < 300 * 1024 ))
printf 'after 5,000 requests for distinct addresses: resident memory %d MB, %d MB of it the mapped database file (%s the 300 MB target), home page from the cache: %s\n' \
    $(( rss_kb / 1024 )) $(( file_kb / 1024 )) "$([[ $verdict == 1 ]] && echo within || echo OVER)" "${cache_status:-no answer}"

if [[ $failed == 1 && ${QUORUM_BENCH_STRICT:-0} == 1 ]]; then
    echo "web.sh: some routes did not answer 200" >&2
    exit 1
fi
