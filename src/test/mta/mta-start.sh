#!/usr/bin/env bash
# Starts the private mail servers of Relay Doctor's integration tests on loopback:
# a Postfix instance with one listener per scenario (scenarios.tsv), a Dovecot (POP3, IMAP, SASL for Postfix)
# and a dnsmasq answering for the test domains. Everything lives in $MTA_DIR (default: target/mta); the
# system's /etc/postfix instance and services are never touched. Writes $MTA_DIR/ports.env for the tests
# and the benchmark. Idempotent: a running instance is stopped and started afresh.
#
# Environment: MTA_DIR (instance directory), MTA_PORT_BASE (first SMTP port; default: the first free one of
# 10025, 10125, ...), POPB4SMTP_TTL (seconds a POP3/IMAP login grants relay, default 300).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
MTA=${MTA_DIR:-$repo/target/mta}
TTL=${POPB4SMTP_TTL:-300}

fail() {
  echo "mta-start: $*" >&2
  for log in "$MTA/postfix/maillog" "$MTA/dovecot/dovecot.log" "$MTA/dns/dnsmasq.log" "$MTA/start.log"; do
    [ -s "$log" ] && { echo "---- $log (last 40 lines)" >&2; tail -n 40 "$log" >&2; }
  done
  exit 1
}

[ "$(id -u)" = 0 ] || fail "must run as root (Postfix and Dovecot masters need it)"
for tool in postfix postconf postmap dovecot doveconf dnsmasq openssl ss; do
  command -v "$tool" >/dev/null || fail "'$tool' is missing: install the Debian packages postfix dovecot-core dovecot-pop3d dovecot-imapd dnsmasq-base openssl iproute2 (.ci/run does)"
done
id nobody >/dev/null 2>&1 && getent group nogroup >/dev/null || fail "user nobody / group nogroup missing"
id postfix >/dev/null 2>&1 || fail "user postfix missing: is the postfix package installed?"

"$here/mta-stop.sh" >/dev/null 2>&1 || true

mkdir -p "$MTA"
MTA=$(cd "$MTA" && pwd)
# Unix socket paths are limited to 107 bytes: reach long instance directories through a short symlink.
RUN=$MTA
if [ ${#MTA} -gt 60 ]; then
  RUN=/tmp/relay-doctor-mta-$(printf '%s' "$MTA" | cksum | cut -d' ' -f1)
  ln -sfn "$MTA" "$RUN"
fi
# Daemons that run as nobody/postfix need to traverse every parent of the instance directory.
d=$MTA
while [ "$d" != / ]; do
  case "$(stat -c %A "$d")" in
    *x|*t) ;;
    *) fail "$d is not searchable by others: the servers' unprivileged users cannot reach $MTA; set MTA_DIR elsewhere" ;;
  esac
  d=$(dirname "$d")
done
: >"$MTA/start.log"

# Ports: the scenarios' SMTP listeners, then POP3, IMAP and DNS.
mapfile -t scenarios < <(grep -v '^#' "$here/scenarios.tsv" | cut -f1-3)
port_free() { ! ss -Htlnu | awk '{print $5}' | grep -qE ":$1\$"; }
base_free() {
  local b=$1 p
  for p in $(seq "$b" $((b + 24))); do port_free "$p" || return 1; done
}
if [ -n "${MTA_PORT_BASE:-}" ]; then
  base=$MTA_PORT_BASE
  base_free "$base" || fail "ports $base..$((base + 24)) are not all free: $(ss -Htlnu | grep -E ":($(seq -s'|' "$base" $((base + 24))))\b" || true)"
else
  base=
  for b in 10025 10125 10225 10325 10425 10525 10625 10725 10825 10925; do
    if base_free "$b"; then base=$b; break; fi
  done
  [ -n "$base" ] || fail "no free block of 25 ports between 10025 and 10950"
fi

# The test DNS listens on port 53 (resolv.conf cannot name another port) of an address of its own per port block.
dns_address=127.0.53.$(( (base - 10025) / 100 + 1 ))
ss -Htlnu | awk '{print $5}' | grep -qxF "$dns_address:53" && fail "$dns_address:53 is already in use"
declare -A port
{
  echo "# Written by mta-start.sh: where the private test mail servers listen."
  echo "MTA_DIR=$MTA"
  echo "MTA_PORT_BASE=$base"
  for line in "${scenarios[@]}"; do
    IFS=$'\t' read -r name offset address <<<"$line"
    key=$(printf '%s' "$name" | tr 'a-z-' 'A-Z_')
    port[$key]=$((base + offset))
    echo "SMTP_${key}=$address:${port[$key]}"
  done
  port[POP3]=$((base + 20)); port[IMAP]=$((base + 21))
  echo "POP3=127.0.0.1:${port[POP3]}"
  echo "IMAP=127.0.0.1:${port[IMAP]}"
  echo "DNS=$dns_address:53"
  echo "POPB4SMTP_TTL=$TTL"
  echo "POPB4SMTP_GRANTS=$MTA/popb4smtp/grants"
} >"$MTA/ports.env.new"

pbl_restriction=  # decided with the Postfix start below
render() { # render TEMPLATE DEST: replace @MTA@, @RUN@, @TTL@ and @PORT_<KEY>@
  local expr=(-e "s|@MTA@|$MTA|g" -e "s|@RUN@|$RUN|g" -e "s|@TTL@|$TTL|g" -e "s|@PBL_RESTRICTION@|$pbl_restriction|g")
  local k
  for k in "${!port[@]}"; do expr+=(-e "s|@PORT_${k}@|${port[$k]}|g"); done
  rm -f "$2"; sed "${expr[@]}" "$1" >"$2"
  ! grep -n '@[A-Z_]*@' "$2" || fail "unreplaced token in $2"
}

# Self-signed certificate for STARTTLS, made once.
mkdir -p "$MTA/tls"
if [ ! -s "$MTA/tls/cert.pem" ]; then
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 \
    -subj "/CN=smtp.relaydoctor.test" \
    -addext "subjectAltName=DNS:smtp.relaydoctor.test,DNS:mx.relaydoctor.test,DNS:localhost,IP:127.0.0.1,IP:127.0.0.2" \
    -keyout "$MTA/tls/key.pem" -out "$MTA/tls/cert.pem" >>"$MTA/start.log" 2>&1 || fail "openssl could not make the test certificate"
fi
chmod 600 "$MTA/tls/key.pem"

# POP-before-SMTP state and the scripts the servers run (as nobody).
mkdir -p "$MTA/bin" "$MTA/popb4smtp/grants" "$MTA/mail"
rm -f "$MTA/popb4smtp/grants/"*
cp "$here/popb4smtp-users" "$MTA/popb4smtp/users"
for s in popb4smtp-grant popb4smtp-policy; do render "$here/bin/$s" "$MTA/bin/$s"; chmod 755 "$MTA/bin/$s"; done
chown nobody:nogroup "$MTA/popb4smtp/grants" "$MTA/mail"

# DNS for the test domains only: no upstream servers, nothing is forwarded off the machine.
mkdir -p "$MTA/dns"
dnsmasq --conf-file=/dev/null --no-resolv --no-hosts --no-poll --no-negcache \
  --listen-address="$dns_address" --bind-interfaces --port=53 \
  --pid-file="$MTA/dns/dnsmasq.pid" --log-facility="$MTA/dns/dnsmasq.log" --log-queries \
  --local=/test/ --local=/spamhaus.org/ \
  --mx-host=relaydoctor.test,mx.relaydoctor.test,10 \
  --host-record=mx.relaydoctor.test,127.0.0.2 \
  --host-record=smtp.relaydoctor.test,127.0.0.1 \
  --host-record=pop.relaydoctor.test,127.0.0.1 \
  --host-record=imap.relaydoctor.test,127.0.0.1 \
  --srv-host=_submission._tcp.relaydoctor.test,smtp.relaydoctor.test,"${port[SUBMISSION]}",0,1 \
  --txt-record=relaydoctor.test,"v=spf1 ip4:127.0.0.0/8 -all" \
  --host-record=1.0.0.127.zen.spamhaus.org,127.0.0.11 \
  --txt-record=1.0.0.127.zen.spamhaus.org,"https://www.spamhaus.org/query/ip/127.0.0.1" \
  >>"$MTA/start.log" 2>&1 || fail "dnsmasq did not start"

# Postfix. Started inside a private mount namespace whose /etc/resolv.conf names only the test DNS, so that
# reject_rbl_client is real and no look-up can leave the machine; without namespaces, a cidr table stands in.
etc=$MTA/postfix/etc
mkdir -p "$etc" "$MTA/postfix/spool" "$MTA/postfix/data"
echo "nameserver $dns_address" >"$MTA/postfix/resolv.conf"
if command -v unshare >/dev/null && unshare --mount --propagation private true 2>/dev/null; then
  pbl_restriction="reject_rbl_client,zen.spamhaus.org"
  postfix_start=(unshare --mount --propagation private sh -c 'mount --bind "$1" /etc/resolv.conf && exec postfix -c "$2" start' sh "$MTA/postfix/resolv.conf" "$etc")
else
  echo "mta-start: no mount namespaces here: the pbl-blocked listener uses a cidr table instead of reject_rbl_client" >&2
  pbl_restriction="check_client_access,cidr:$etc/pbl.cidr"
  postfix_start=(postfix -c "$etc" start)
fi
for f in main.cf master.cf sender_logins local_senders.regexp pbl.cidr null_sender local_users; do
  render "$here/postfix/$f" "$etc/$f"
done
chown postfix "$MTA/postfix/data"
: >"$MTA/postfix/maillog"
"${postfix_start[@]}" >>"$MTA/start.log" 2>&1 || fail "postfix did not start"

# Dovecot.
mkdir -p "$MTA/dovecot/state"
render "$here/dovecot/dovecot.conf" "$MTA/dovecot/dovecot.conf"
cp "$here/dovecot/users" "$MTA/dovecot/users"
chmod 640 "$MTA/dovecot/users"; chgrp dovecot "$MTA/dovecot/users"
: >"$MTA/dovecot/dovecot.log"
dovecot -c "$MTA/dovecot/dovecot.conf" >>"$MTA/start.log" 2>&1 || fail "dovecot did not start"

# Readiness: every SMTP listener greets with 220 (the silent one only accepts), POP3 and IMAP greet, DNS answers TCP.
greets() { # greets HOST PORT PREFIX: true when the first line starts with PREFIX
  local reply
  reply=$(timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2 && IFS= read -r -t 2 line <&3 && printf '%s' \"\$line\"" 2>/dev/null) || return 1
  [[ $reply == "$3"* ]]
}
accepts() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }
checks=()
for line in "${scenarios[@]}"; do
  IFS=$'\t' read -r name offset address <<<"$line"
  key=$(printf '%s' "$name" | tr 'a-z-' 'A-Z_')
  if [ "$name" = silent ]; then checks+=("accepts $address ${port[$key]}"); else checks+=("greets $address ${port[$key]} 220"); fi
done
checks+=("greets 127.0.0.1 ${port[POP3]} +OK" "greets 127.0.0.1 ${port[IMAP]} *" "accepts $dns_address 53")
set -f  # the IMAP prefix "*" is not a glob
deadline=$((SECONDS + 30))
for check in "${checks[@]}"; do
  until $check; do
    [ $SECONDS -lt $deadline ] || fail "not ready after 30 s: $check"
    sleep 0.1
  done
done

mv "$MTA/ports.env.new" "$MTA/ports.env"
echo "mta-start: Postfix, Dovecot and DNS ready on 127.0.0.1 (ports from $base), instance $MTA"
