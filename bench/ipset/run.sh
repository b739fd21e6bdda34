#!/usr/bin/env bash
# The agent's blocklist benchmark (issue 6): builds what is missing and runs the driver; markdown on stdout.
#   bench/ipset/run.sh [--entries N] [--deltas N] [--java-opts "OPTIONS"]
# Needs root (or sudo) for `ip netns`, and ipset, iptables and conntrack; about two minutes.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAR="$ROOT/node-api/agent/target/fleetpanel-node.jar"
WORK="$HERE/target/run"

as_root() {
  if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi
}

if [[ ! -f "$JAR" ]] || [[ -n "$(find "$ROOT/node-api" -path '*/src/main/*' -newer "$JAR" -type f -print -quit)" ]]; then
  echo "Building the agent..." >&2
  (cd "$ROOT" && mvn -B -q -DskipTests install -pl node-api/agent -am) >&2
fi
if [[ ! -f "$HERE/target/ipset-bench-1.jar" ]] || [[ -n "$(find "$HERE/src" -newer "$HERE/target/ipset-bench-1.jar" -type f -print -quit)" ]]; then
  echo "Building the driver..." >&2
  (cd "$ROOT" && mvn -B -q -f bench/ipset/pom.xml package) >&2
fi
rm -rf "$WORK"
echo "Command: bench/ipset/run.sh $*" >&2
# The driver creates and deletes its own network namespace and stops the agent it starts, also on Ctrl-C.
as_root java -cp "$HERE/target/ipset-bench-1.jar:$HERE/target/lib/*" bench.ipset.IpsetBench \
  --jar "$JAR" --work "$WORK" "$@"
