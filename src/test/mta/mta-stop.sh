#!/usr/bin/env bash
# Stops the private test mail servers started by mta-start.sh (only those of this instance directory).
# Idempotent: stopping what is not running is not an error.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
MTA=${MTA_DIR:-$repo/target/mta}
[ -d "$MTA" ] || exit 0
MTA=$(cd "$MTA" && pwd)

pids=()
pid_of() { [ -s "$1" ] && tr -d ' \n' <"$1"; }

# Postfix: orderly stop, then make sure the master is gone.
if [ -f "$MTA/postfix/etc/main.cf" ]; then
  p=$(pid_of "$MTA/postfix/spool/pid/master.pid" || true)
  postfix -c "$MTA/postfix/etc" stop >/dev/null 2>&1 || true
  [ -n "${p:-}" ] && pids+=("$p")
fi
# Dovecot: its master's pid file lives in base_dir.
for f in "$MTA"/dovecot/dovecot.conf; do
  [ -f "$f" ] || continue
  base_dir=$(sed -n 's/^base_dir = //p' "$f")
  p=$(pid_of "$base_dir/master.pid" || true)
  if [ -n "${p:-}" ]; then kill "$p" 2>/dev/null || true; pids+=("$p"); fi
done
# dnsmasq.
p=$(pid_of "$MTA/dns/dnsmasq.pid" || true)
if [ -n "${p:-}" ]; then kill "$p" 2>/dev/null || true; pids+=("$p"); fi

# Wait for the masters (and so their children) to exit; a stuck one is killed after 10 s.
deadline=$((SECONDS + 10))
for p in "${pids[@]}"; do
  while kill -0 "$p" 2>/dev/null; do
    if [ $SECONDS -ge $deadline ]; then kill -9 "$p" 2>/dev/null || true; break; fi
    sleep 0.1
  done
done
rm -f "$MTA/ports.env" "$MTA/dns/dnsmasq.pid"
echo "mta-stop: stopped the test mail servers of $MTA"
