#!/usr/bin/env bash
# Times the DNS checks against the test zones served by a dnsmasq on loopback: the whole `relay-doctor dns`
# command (JVM start included) and the DNS checks alone as the command reports them. Rerun any time:
#   src/test/bench/dns-bench.sh [rounds]     (needs target/relay-doctor: ./mvnw -o -q -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/../../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
rounds="${1:-10}"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
log=$(mktemp)
/usr/sbin/dnsmasq --keep-in-foreground --conf-file="$PWD/src/test/dns/test-zones.conf" --port="$port" --pid-file= \
    --user="$(id -un)" --log-facility=- --log-queries >"$log" 2>&1 &
dnsmasq_pid=$!
trap 'kill $dnsmasq_pid 2>/dev/null; rm -f "$log"' EXIT
sleep 0.5
times=()
for _ in $(seq "$rounds"); do
  start=$(date +%s%N)
  target/relay-doctor dns good.test --smtp-host smtp.good.test --client 127.0.0.1 --blocklist pbl.test:policy \
      --dns-server "127.0.0.1:$port" --json >/dev/null || [ $? -eq 1 ]  # 1: the listing is a finding
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
base=()
for _ in $(seq "$rounds"); do
  start=$(date +%s%N)
  target/relay-doctor --version >/dev/null
  base+=($(( ($(date +%s%N) - start) / 1000000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
based=($(printf '%s\n' "${base[@]}" | sort -n))
echo "relay-doctor dns good.test (MX, SRV x6, SPF with include, server name, 2 PTR, 1 blocklist), $rounds runs:"
echo "  median ${sorted[$(( rounds / 2 ))]} ms, max ${sorted[-1]} ms (JVM start included)"
echo "  relay-doctor --version (JVM start alone): median ${based[$(( rounds / 2 ))]} ms"
echo "  DNS questions answered by dnsmasq in all runs: $(grep -c 'query\[' "$log" || true)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
