#!/usr/bin/env bash
# Cluster benchmark, not a test: 3 Portcullis nodes (separate JVMs, `java @jvm.options -jar portcullis.jar`)
# over one redis-server on loopback. Reports in ONE run revocation propagation p50/p99 (target <= 50 ms at
# p99) and /whoami throughput with the cluster's revocation check against the cheapest check there is
# (target: <= 10 % cost). See bench/ClusterBench.java for what exactly is compared.
# Usage: bench/cluster.sh [seconds per wrk measurement, default 10]
# Needs wrk (Debian package `wrk`) and a redis-server: $REDIS_SERVER, one on the PATH, or the Linux binary
# shipped in the embedded-redis test jar of the local Maven repository. MONGO_URI set: storage in MongoDB.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_RUN="${1:-10}"
OUT="bench/results"
mkdir -p "$OUT"

command -v wrk >/dev/null 2>&1 || { echo "install wrk first (Debian package wrk)" >&2; exit 1; }
if [ -z "${JAVA_HOME:-}" ] && [ -x ./dev ]; then JAVA_HOME="$(./dev jdk 2>/dev/null || true)"; fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
[ -f bootstrap/target/portcullis.jar ] || ./mvnw -q -B -DskipTests package

REDIS="${REDIS_SERVER:-$(command -v redis-server || true)}"
if [ -z "$REDIS" ]; then
  JAR=$(ls "${HOME}"/.m2/repository/com/github/codemonstur/embedded-redis/*/embedded-redis-*.jar 2>/dev/null | grep -v sources | tail -1 || true)
  [ -n "$JAR" ] || { echo "no redis-server: set REDIS_SERVER or install the Debian package redis-server" >&2; exit 1; }
  ENTRY=$(unzip -Z1 "$JAR" | grep -E '^redis-server-.*-linux-amd64$' | tail -1)
  unzip -o -q "$JAR" "$ENTRY" -d "$OUT" && chmod +x "$OUT/$ENTRY"
  REDIS="$OUT/$ENTRY"
fi

exec "$JAVA" -Dbench.seconds="$SECONDS_PER_RUN" -Dbench.redis-server="$REDIS" -Dbench.out="$OUT" bench/ClusterBench.java
