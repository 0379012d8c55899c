#!/usr/bin/env bash
# Benchmark: the full `relay-doctor check --json` (JVM start included) per Postfix scenario, next to swaks doing
# the same probes one after another (the manual way: configured attempt, then the differential probes that
# decide between the causes), each stopping before DATA (--quit-after RCPT). Prints a table with the median of
# ROUNDS runs per scenario, both totals and the machine's load. Target: the check takes at most half of swaks' total.
#
# Needs: a built tree (./mvnw -q -B package -DskipTests -> target/relay-doctor, with its trained AOT cache) or
# RELAY_DOCTOR=/usr/bin/relay-doctor for an installed package, swaks, curl (POP3 logins), and the test mail servers
# (started here with src/test/mta/mta-start.sh unless $MTA_DIR/ports.env exists, default target/mta; stopped again
# at the end if this script started them; as root). Usage: src/test/bench/check-vs-swaks.sh [ROUNDS]  (default 3)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../../.." && pwd)
cd "$repo"
rounds=${1:-3}
launcher=${RELAY_DOCTOR:-$repo/target/relay-doctor}
[ -x "$launcher" ] || { echo "build first: ./mvnw -q -B package -DskipTests" >&2; exit 2; }
command -v swaks >/dev/null || { echo "swaks missing (apt-get install swaks)" >&2; exit 2; }
command -v curl >/dev/null || { echo "curl missing (apt-get install curl)" >&2; exit 2; }
# The build tree's launcher needs a JDK 25: JAVA_HOME when it is one, else one installed beside the system Java.
is_jdk25() { [ -x "$1/bin/java" ] && "$1/bin/java" -version 2>&1 | grep -qE 'version "(2[5-9]|[3-9][0-9])'; }
if [ -z "${RELAY_DOCTOR:-}" ] && ! is_jdk25 "${JAVA_HOME:-/nonexistent}"; then
  for d in /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/*-25-* /usr/lib/jvm/*25*; do
    if is_jdk25 "$d"; then export JAVA_HOME=$d; break; fi
  done
fi
"$launcher" --version >/dev/null 2>&1 || { echo "$launcher --version fails: is JAVA_HOME a JDK 25?" >&2; exit 2; }
mta=${MTA_DIR:-$repo/target/mta}

started=no
if [ ! -s "$mta/ports.env" ]; then
  MTA_DIR=$mta src/test/mta/mta-start.sh >&2
  started=yes
fi
trap '[ "$started" = yes ] && MTA_DIR=$mta src/test/mta/mta-stop.sh >&2' EXIT
# shellcheck disable=SC1091
. "$mta/ports.env"

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
    inbound-mx)            echo "$common --smtp-host mx.relaydoctor.test --smtp-port ${SMTP_INBOUND_MX##*:} --email $ALICE --user $ALICE --smtp-auth off" ;;
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

# swaks probes, one after another: the probes the check itself makes on each scenario (its step log), each a
# connection of its own (the check reuses one with RSET where it can). The check's DNS facts have no swaks match.
sw() { swaks --quit-after RCPT --helo client.example.net --timeout "$TIMEOUT" --to "$EXT" "$@" >/dev/null 2>&1 || true; }
auth() { echo "--auth PLAIN --auth-user $1 --auth-password $2"; }
pop_login() { curl -s --max-time "$TIMEOUT" "pop3://$POP3/" -u "$1:$2" >/dev/null || true; }
# configured attempt without AUTH, local recipient, AUTH over STARTTLS, POP3 login, configured attempt again
no_auth_relay() { # SERVER SENDER LOGIN PASSWORD
  sw -s "$1" -f "$2"; sw -s "$1" -f "$2" --to "$LOCAL"; sw -s "$1" -f "$2" -tls $(auth "$3" "$4")
  pop_login "$3" "$4"; sw -s "$1" -f "$2"
}
swaks_probes() {
  case $1 in
    auth-required)         sw -s "$SMTP_AUTH_REQUIRED" -f $ALICE; sw -s "$SMTP_AUTH_REQUIRED" -f $ALICE --to $LOCAL
                           sw -s "$SMTP_AUTH_REQUIRED" -f $ALICE $(auth $ALICE $ALICE_PW) ;;
    network-restricted)    no_auth_relay "$SMTP_NETWORK_RESTRICTED" $ALICE $ALICE $ALICE_PW ;;
    pop-before-smtp)       no_auth_relay "$SMTP_POP_BEFORE_SMTP" $POP $POP $POP_PW ;;
    sender-login-mismatch) sw -s "$SMTP_SENDER_LOGIN_MISMATCH" -f bob@relaydoctor.test $(auth $ALICE $ALICE_PW)
                           sw -s "$SMTP_SENDER_LOGIN_MISMATCH" -f $ALICE $(auth $ALICE $ALICE_PW) ;;
    inbound-mx)            no_auth_relay "$SMTP_INBOUND_MX" $ALICE $ALICE $ALICE_PW ;;
    starttls-required)     sw -s "$SMTP_STARTTLS_REQUIRED" -f $ALICE; sw -s "$SMTP_STARTTLS_REQUIRED" -f $ALICE -tls $(auth $ALICE $ALICE_PW) ;;
    not-local-sender)      sw -s "$SMTP_NOT_LOCAL_SENDER" -f bob@elsewhere.test; sw -s "$SMTP_NOT_LOCAL_SENDER" -f $ALICE ;;
    pbl-blocked)           sw -s "$SMTP_PBL_BLOCKED" -f $ALICE ;;
    null-sender-refused)   sw -s "$SMTP_NULL_SENDER_REFUSED" -f $ALICE $(auth $ALICE $ALICE_PW); sw -s "$SMTP_NULL_SENDER_REFUSED" -f '<>' $(auth $ALICE $ALICE_PW) ;;
    unknown-sender)        sw -s "$SMTP_UNKNOWN_SENDER" -f ghost@relaydoctor.test $(auth $ALICE $ALICE_PW); sw -s "$SMTP_UNKNOWN_SENDER" -f $ALICE $(auth $ALICE $ALICE_PW) ;;
    wrong-password)        sw -s "$SMTP_WRONG_PASSWORD" -f $ALICE $(auth $ALICE Not-The-Password-9) ;;
    submission)            sw -s "$SMTP_SUBMISSION" -f $ALICE $(auth $ALICE $ALICE_PW); sw -s "$SMTP_SUBMISSION" -f '<>' $(auth $ALICE $ALICE_PW) ;;
    silent)                sw -s "$SMTP_SILENT" -f $ALICE $(auth $ALICE $ALICE_PW) ;;
  esac
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
load() { cut -d' ' -f1-3 /proc/loadavg; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
# Before each timed run, untimed: a good POP3 login clears Dovecot's per-address penalty for failed logins (the
# wrong-password scenario earns one; it would delay the next tool's AUTH by seconds, and this login waits it out),
# then the relay grant that login made is revoked, so every run starts from the same state.
reset() {
  curl -s --max-time 30 "pop3://$POP3/" -u "$ALICE:$ALICE_PW" >/dev/null || true
  rm -f "$POPB4SMTP_GRANTS"/* 2>/dev/null || true
}

scenarios=(auth-required network-restricted pop-before-smtp sender-login-mismatch inbound-mx starttls-required
  not-local-sender pbl-blocked null-sender-refused unknown-sender wrong-password submission silent)
total_check=0; total_swaks=0
echo "relay-doctor: $launcher ($("$launcher" --version 2>/dev/null | tr '\n' ' '))"
echo "swaks: $(swaks --version 2>/dev/null | head -n 1); rounds: $rounds (median per scenario); load before: $(load)"
printf '%-22s %-24s %10s %10s\n' scenario "check verdict" "check ms" "swaks ms"
for s in "${scenarios[@]}"; do
  checks=(); swakses=(); code=?
  for r in $(seq "$rounds"); do
    # Which tool goes first alternates, so neither always meets a server the other has just warmed.
    for tool in $( ((r % 2)) && echo "check swaks" || echo "swaks check"); do
      reset
      t0=$(now_ms)
      if [ "$tool" = check ]; then
        # shellcheck disable=SC2046
        out=$(RD_PASSWORD=$(password "$s") "$launcher" check $(profile "$s") --password-env RD_PASSWORD 2>/dev/null) || true
        checks+=($(( $(now_ms) - t0 )))
        # awk reads a here-string: from a pipe, its early exit broke printf's pipe and pipefail ended the script
        code=$(awk '/"verdict" *:/ { v = 1 } v && /"code"/ { gsub(/[",]/, "", $3); print $3; exit }' <<<"$out")
      else
        swaks_probes "$s"
        swakses+=($(( $(now_ms) - t0 )))
      fi
    done
  done
  check_ms=$(median "${checks[@]}"); swaks_ms=$(median "${swakses[@]}")
  total_check=$((total_check + check_ms)); total_swaks=$((total_swaks + swaks_ms))
  printf '%-22s %-24s %10d %10d\n' "$s" "${code:-(no verdict)}" "$check_ms" "$swaks_ms"
done
reset
printf '%-22s %-24s %10d %10d\n' TOTAL "" "$total_check" "$total_swaks"
echo "check / swaks = $(awk -v c="$total_check" -v s="$total_swaks" 'BEGIN { printf "%.2f", c / s }') (target: at most 0.50); load after: $(load) on $(nproc) cores"
