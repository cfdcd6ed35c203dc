#!/usr/bin/env bash
# Benchmark, not a test: starts Portcullis, drives it with wrk on loopback, and reports in ONE run the
# ratios the foundation issue sets as targets. Usage: bench/run.sh [seconds per measurement, default 15]
# Needs wrk (Debian package `wrk`; installed here when missing and running as root).
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION="${1:-15}"
PORT="${BENCH_PORT:-18080}"
CONNECTIONS="${BENCH_CONNECTIONS:-32}"
THREADS="${BENCH_THREADS:-2}"
OUT="bench/results"
mkdir -p "$OUT"

if ! command -v wrk >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null; else echo "install wrk first" >&2; exit 1; fi
fi
export JAVA_HOME="$(./dev jdk)"; export PATH="$JAVA_HOME/bin:$PATH"
[ -f bootstrap/target/portcullis.jar ] || ./mvnw -q -B -DskipTests package

SERVER_PID=""
stop_server() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi; SERVER_PID=""; }
trap stop_server EXIT

start_server() { # $1 = signing algorithm
  stop_server
  SERVER_PORT="$PORT" SIGNING_ALGORITHM="$1" TOKEN_ACCESS_TOKEN_TTL=1h \
    java @jvm.options ${BENCH_JAVA_OPTS:-} -jar bootstrap/target/portcullis.jar >"$OUT/server-$1.log" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$PORT/jwks" >/dev/null 2>&1 && return 0; sleep 0.2; done
  echo "server did not start; see $OUT/server-$1.log" >&2; exit 1
}

rss_peak_mib() { awk '/VmHWM/ {printf "%.0f", $2/1024}' "/proc/$SERVER_PID/status"; }
# user + system CPU time of the server so far, in clock ticks
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
TICKS_PER_SECOND=$(getconf CLK_TCK)

# runs wrk, prints "requests/s p50 p99 server-CPU-µs-per-request"; warms up first so the JIT has compiled the hot path
measure() { # $1 = name, rest = wrk args
  local name="$1"; shift
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s "$@" >/dev/null 2>&1
  local before after
  before=$(cpu_ticks)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" >"$OUT/$name.txt" 2>&1
  after=$(cpu_ticks)
  local rps p50 p99 requests
  rps=$(awk '/Requests\/sec/ {print $2}' "$OUT/$name.txt")
  p50=$(awk '$1=="50%" {print $2}' "$OUT/$name.txt")
  p99=$(awk '$1=="99%" {print $2}' "$OUT/$name.txt")
  requests=$(awk '/requests in/ {print $1}' "$OUT/$name.txt")
  if grep -q "Non-2xx" "$OUT/$name.txt"; then echo "$name: non-2xx answers, see $OUT/$name.txt" >&2; exit 1; fi
  echo "$rps $p50 $p99 $(awk -v t=$((after - before)) -v hz="$TICKS_PER_SECOND" -v n="$requests" 'BEGIN {printf "%.1f", t * 1e6 / hz / n}')"
}

URL="http://127.0.0.1:$PORT"
start_server ES256
read -r JWKS_RPS JWKS_P50 JWKS_P99 JWKS_CPU < <(measure jwks "$URL/jwks")
read -r ES_RPS ES_P50 ES_P99 ES_CPU < <(measure token-es256 -s bench/post-token.lua "$URL/token")
TOKEN=$(curl -fs -d "grant_type=client_credentials&client_id=myapp&client_secret=secret" "$URL/token" | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
read -r WHO_RPS WHO_P50 WHO_P99 WHO_CPU < <(measure whoami -H "Authorization: Bearer $TOKEN" "$URL/whoami")
RSS_ES=$(rss_peak_mib)

start_server RS256
read -r RS_RPS RS_P50 RS_P99 RS_CPU < <(measure token-rs256 -s bench/post-token.lua "$URL/token")
RSS_RS=$(rss_peak_mib)
stop_server

read -r PROVIDER RAW_RS RAW_RS_PER_CPU < <(java -cp 'bootstrap/target/libs/*' bench/RawSigningRate.java "$(nproc)" "$DURATION")
RAW_RS_CPU=$(awk -v r="$RAW_RS_PER_CPU" 'BEGIN {printf "%.1f", 1e6 / r}')

ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.0f%%", 100*a/b}'; }
{
  echo "Portcullis benchmark, $(date -u +%FT%TZ), $(nproc) cores, wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s on loopback (same machine)"
  echo
  echo "| measurement | requests/s | p50 | p99 | server CPU per request | ratio | target |"
  echo "|---|---|---|---|---|---|---|"
  echo "| GET /jwks (ceiling) | $JWKS_RPS | $JWKS_P50 | $JWKS_P99 | $JWKS_CPU µs | 100% | |"
  echo "| POST /token client_credentials ES256 | $ES_RPS | $ES_P50 | $ES_P99 | $ES_CPU µs | $(ratio "$ES_RPS" "$JWKS_RPS") of /jwks | ≥ 40% |"
  echo "| GET /whoami valid ES256 token | $WHO_RPS | $WHO_P50 | $WHO_P99 | $WHO_CPU µs | $(ratio "$WHO_RPS" "$JWKS_RPS") of /jwks | ≥ 70% |"
  echo "| POST /token client_credentials RS256 | $RS_RPS | $RS_P50 | $RS_P99 | $RS_CPU µs | $(ratio "$RS_RPS" "$RAW_RS") of raw RS256 signing; per CPU-second $(ratio "$RAW_RS_CPU" "$RS_CPU") | ≥ 80% |"
  echo "| raw RS256 signing, $(nproc) threads ($PROVIDER) | $RAW_RS | | | $RAW_RS_CPU µs | | |"
  echo
  echo "Peak RSS of the server under load: ES256 run ${RSS_ES} MiB, RS256 run ${RSS_RS} MiB (target ≤ 256 MiB)."
} | tee "$OUT/summary.md"
