#!/usr/bin/env bash
# Benchmark: the full `relay-doctor check --json` (JVM start included) per Postfix scenario, next to swaks doing
# the same probes one after another (the manual way: configured attempt, then the differential probes that
# decide between the causes). Prints a table and both totals. Target: the check takes at most half of swaks' total.
#
# Needs: a built tree (./mvnw -q -B package -DskipTests -> target/relay-doctor), swaks, curl (POP3 logins), and
# the test mail servers (started here with src/test/mta/mta-start.sh unless target/mta/ports.env exists; stopped
# again at the end if this script started them). Usage: src/test/bench/check-vs-swaks.sh [ROUNDS]  (default 1)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
cd "$repo"
rounds=${1:-1}
launcher=$repo/target/relay-doctor
[ -x "$launcher" ] || { echo "build first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
command -v swaks >/dev/null || { echo "swaks missing (apt-get install swaks)" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl missing (apt-get install curl)" >&2; exit 2; }

started=no
if [ ! -s target/mta/ports.env ]; then
  src/test/mta/mta-start.sh >&2
  started=yes
fi
trap '[ "$started" = yes ] && src/test/mta/mta-stop.sh >&2' EXIT
# shellcheck disable=SC1091
. target/mta/ports.env

ALICE=alice@relaydoctor.test; ALICE_PW=Alice-Test-Pass-1
POP=pop@relaydoctor.test; POP_PW=Pop-Test-Pass-3
EXT=probe@example.net; LOCAL=postmaster@relaydoctor.test
TIMEOUT=3

hostport() { echo "--smtp-host ${1%:*} --smtp-port ${1##*:}"; }
# The account as typed in, per scenario: check options (password in RD_PASSWORD).
profile() {
  local common="--name bench --incoming pop3 --incoming-host ${POP3%:*} --incoming-port ${POP3##*:} --incoming-security none --smtp-security none --to $EXT --timeout $TIMEOUT --dns-server $DNS --json"
  case $1 in
    auth-required)         echo "$common $(hostport "$SMTP_AUTH_REQUIRED") --email $ALICE --user $ALICE --smtp-auth off" ;;
    network-restricted)    echo "$common $(hostport "$SMTP_NETWORK_RESTRICTED") --email $ALICE --user $ALICE --smtp-auth off" ;;
    pop-before-smtp)       echo "$common $(hostport "$SMTP_POP_BEFORE_SMTP") --email $POP --user $POP --smtp-auth off" ;;
    sender-login-mismatch) echo "$common $(hostport "$SMTP_SENDER_LOGIN_MISMATCH") --email bob@relaydoctor.test --user $ALICE --smtp-auth same" ;;
    inbound-mx)            echo "$common $(hostport "$SMTP_INBOUND_MX") --email $ALICE --user $ALICE --smtp-auth off" ;;
    starttls-required)     echo "$common $(hostport "$SMTP_STARTTLS_REQUIRED") --email $ALICE --user $ALICE --smtp-auth same" ;;
    not-local-sender)      echo "$common $(hostport "$SMTP_NOT_LOCAL_SENDER") --email bob@elsewhere.test --user $ALICE --smtp-auth off" ;;
    pbl-blocked)           echo "$common $(hostport "$SMTP_PBL_BLOCKED") --email $ALICE --user $ALICE --smtp-auth off" ;;
    null-sender-refused)   echo "$common $(hostport "$SMTP_NULL_SENDER_REFUSED") --email $ALICE --user $ALICE --smtp-auth same" ;;
    unknown-sender)        echo "$common $(hostport "$SMTP_UNKNOWN_SENDER") --email ghost@relaydoctor.test --user $ALICE --smtp-auth same" ;;
    wrong-password)        echo "$common $(hostport "$SMTP_WRONG_PASSWORD") --email $ALICE --user $ALICE --smtp-auth same" ;;
    submission)            echo "$common $(hostport "$SMTP_SUBMISSION") --email $ALICE --user $ALICE --smtp-auth same" ;;
    silent)                echo "$common $(hostport "$SMTP_SILENT") --email $ALICE --user $ALICE --smtp-auth same" ;;
  esac
}
password() {
  case $1 in pop-before-smtp) echo "$POP_PW" ;; wrong-password) echo "Not-The-Password-9" ;; *) echo "$ALICE_PW" ;; esac
}

# swaks probes, one after another, as a person diagnosing by hand would run them.
sw() { swaks --quit-after RCPT --helo client.example.net --timeout "$TIMEOUT" --to "$EXT" "$@" >/dev/null 2>&1 || true; }
auth() { echo "--auth PLAIN --auth-user $1 --auth-password $2"; }
pop_login() { curl -s --max-time "$TIMEOUT" "pop3://$POP3/" -u "$1:$2" >/dev/null || true; }
swaks_probes() {
  case $1 in
    auth-required)         sw -s "$SMTP_AUTH_REQUIRED" -f $ALICE; sw -s "$SMTP_AUTH_REQUIRED" -f $ALICE $(auth $ALICE $ALICE_PW) ;;
    network-restricted)    sw -s "$SMTP_NETWORK_RESTRICTED" -f $ALICE; sw -s "$SMTP_NETWORK_RESTRICTED" -f $ALICE --to $LOCAL
                           pop_login $ALICE $ALICE_PW; sw -s "$SMTP_NETWORK_RESTRICTED" -f $ALICE ;;
    pop-before-smtp)       sw -s "$SMTP_POP_BEFORE_SMTP" -f $POP; pop_login $POP $POP_PW; sw -s "$SMTP_POP_BEFORE_SMTP" -f $POP ;;
    sender-login-mismatch) sw -s "$SMTP_SENDER_LOGIN_MISMATCH" -f bob@relaydoctor.test $(auth $ALICE $ALICE_PW)
                           sw -s "$SMTP_SENDER_LOGIN_MISMATCH" -f $ALICE $(auth $ALICE $ALICE_PW) ;;
    inbound-mx)            sw -s "$SMTP_INBOUND_MX" -f $ALICE; sw -s "$SMTP_INBOUND_MX" -f $ALICE --to $LOCAL ;;
    starttls-required)     sw -s "$SMTP_STARTTLS_REQUIRED" -f $ALICE; sw -s "$SMTP_STARTTLS_REQUIRED" -f $ALICE -tls $(auth $ALICE $ALICE_PW) ;;
    not-local-sender)      sw -s "$SMTP_NOT_LOCAL_SENDER" -f bob@elsewhere.test; sw -s "$SMTP_NOT_LOCAL_SENDER" -f $ALICE ;;
    pbl-blocked)           sw -s "$SMTP_PBL_BLOCKED" -f $ALICE; sw -s "$SMTP_PBL_BLOCKED" -f $ALICE $(auth $ALICE $ALICE_PW) ;;
    null-sender-refused)   sw -s "$SMTP_NULL_SENDER_REFUSED" -f $ALICE $(auth $ALICE $ALICE_PW); sw -s "$SMTP_NULL_SENDER_REFUSED" -f '<>' $(auth $ALICE $ALICE_PW) ;;
    unknown-sender)        sw -s "$SMTP_UNKNOWN_SENDER" -f ghost@relaydoctor.test $(auth $ALICE $ALICE_PW); sw -s "$SMTP_UNKNOWN_SENDER" -f $ALICE $(auth $ALICE $ALICE_PW) ;;
    wrong-password)        sw -s "$SMTP_WRONG_PASSWORD" -f $ALICE $(auth $ALICE Not-The-Password-9) ;;
    submission)            sw -s "$SMTP_SUBMISSION" -f $ALICE $(auth $ALICE $ALICE_PW) ;;
    silent)                sw -s "$SMTP_SILENT" -f $ALICE $(auth $ALICE $ALICE_PW) ;;
  esac
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
revoke() { rm -f "$POPB4SMTP_GRANTS"/* 2>/dev/null || true; }

scenarios=(auth-required network-restricted pop-before-smtp sender-login-mismatch inbound-mx starttls-required
  not-local-sender pbl-blocked null-sender-refused unknown-sender wrong-password submission silent)
total_check=0; total_swaks=0
printf '%-22s %-24s %10s %10s\n' scenario "check verdict" "check ms" "swaks ms"
for s in "${scenarios[@]}"; do
  check_ms=0; swaks_ms=0; code=?
  for _ in $(seq "$rounds"); do
    revoke
    t0=$(now_ms)
    # shellcheck disable=SC2046
    out=$(RD_PASSWORD=$(password "$s") "$launcher" check $(profile "$s") --password-env RD_PASSWORD 2>/dev/null) || true
    t1=$(now_ms)
    code=$(printf '%s\n' "$out" | awk '/"verdict" *:/ { v = 1 } v && /"code"/ { gsub(/[",]/, "", $3); print $3; exit }')
    revoke
    t2=$(now_ms)
    swaks_probes "$s"
    t3=$(now_ms)
    check_ms=$((check_ms + t1 - t0)); swaks_ms=$((swaks_ms + t3 - t2))
  done
  check_ms=$((check_ms / rounds)); swaks_ms=$((swaks_ms / rounds))
  total_check=$((total_check + check_ms)); total_swaks=$((total_swaks + swaks_ms))
  printf '%-22s %-24s %10d %10d\n' "$s" "${code:-(no verdict)}" "$check_ms" "$swaks_ms"
done
revoke
printf '%-22s %-24s %10d %10d\n' TOTAL "" "$total_check" "$total_swaks"
echo "check / swaks = $(awk -v c="$total_check" -v s="$total_swaks" 'BEGIN { printf "%.2f", c / s }') (target: at most 0.50)"
