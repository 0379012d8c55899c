#!/usr/bin/env bash
# Start-up benchmark (issue 9): time from process start to the first shown window, idle memory (RSS) of the shown
# window, and installed size, for the plain `java` run and the packaged program side by side, under Xvfb.
#
#   ./mvnw -Pinstaller package && packaging/bench/startup.sh [runs]
#
# "packaged" is the installed package when /opt/relay-doctor exists, else the app image in target/installer-work.
# Each time is the median of the runs (default 5), taken in turns, after one unmeasured warm-up run of each (file cache warm, as on a
# desktop the second time a program starts). The minimal JavaFX window (MinimalWindow.java) is the yardstick.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-5}
JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
work=$(mktemp -d)
trap 'kill "${xvfb_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT

if [ -z "${DISPLAY:-}" ]; then
  Xvfb :93 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
  xvfb_pid=$!
  export DISPLAY=:93
  sleep 1
fi
export RELAY_DOCTOR_HOME="$work/home"

if [ -d /opt/relay-doctor ]; then app=/opt/relay-doctor; else app=$(ls -d "$PWD"/target/installer-work/image/*/ | head -1); app=${app%/}; fi
# A build's app image has no AOT caches yet (the package trains them at install): train them as the install does.
if { [ ! -f "$app/lib/app/relay-doctor.aot" ] || [ ! -f "$app/lib/app/relay-doctor-profiles.aot" ]; } \
    && [ -x "$app/lib/install-hooks.sh" ]; then
  "$app/lib/install-hooks.sh" train "$app"
fi
# Relay Doctor's own JIT, GC and heap options (its launcher's -XX: and -Xms flags): the minimal window is also run with them, so
# that what they do to any JavaFX window is not counted as Relay Doctor's gain.
app_xx=$(grep -oE -- '-XX:[A-Za-z+-][A-Za-z0-9=]*|-Xms[0-9]+[kKmMgG]' "$app/bin/relay-doctor" | grep -v AOTCache | sort -u | tr '\n' ' ')
jar=$(ls target/relay-doctor-*.jar | head -1)
fxjars=$(ls target/lib/javafx-*-*-*.jar | tr '\n' ':')
module=org.relaydoctor/org.relaydoctor.app.Main
jvm_opts="-XX:+UseSerialGC --enable-native-access=javafx.graphics"   # the minimal window; Relay Doctor's launcher has its own

# The yardstick, compiled once; its AOT cache is trained with the packaged runtime, as for the real program.
mkdir -p "$work/minimal"
"$JAVA_HOME/bin/javac" -d "$work/minimal" --module-path "$fxjars" --add-modules javafx.controls packaging/bench/MinimalWindow.java
# The AOT cache accepts only jars on the class path, never a directory.
"$JAVA_HOME/bin/jar" --create --file "$work/minimal.jar" -C "$work/minimal" .
"$app/lib/runtime/bin/java" $jvm_opts -XX:AOTCacheOutput="$work/minimal.aot" -Xlog:aot=off -Xlog:cds=off \
  -Drelaydoctor.exitAfterShown=true -cp "$work/minimal.jar" --add-modules javafx.controls MinimalWindow >/dev/null
"$app/lib/runtime/bin/java" $jvm_opts $app_xx -XX:AOTCacheOutput="$work/minimal-app-flags.aot" -Xlog:aot=off \
  -Xlog:cds=off -Drelaydoctor.exitAfterShown=true -cp "$work/minimal.jar" --add-modules javafx.controls MinimalWindow >/dev/null

declare -A cmd
cmd[minimal-plain]="$java -Djavafx.cachedir=$work/fxcache --module-path $fxjars --add-modules javafx.controls -cp $work/minimal.jar MinimalWindow"
cmd[minimal-packaged]="$app/lib/runtime/bin/java $jvm_opts -XX:AOTCache=$work/minimal.aot -Xlog:aot=off -Xlog:cds=off -cp $work/minimal.jar --add-modules javafx.controls MinimalWindow"
cmd[minimal-packaged-app-flags]="$app/lib/runtime/bin/java $jvm_opts $app_xx -XX:AOTCache=$work/minimal-app-flags.aot -Xlog:aot=off -Xlog:cds=off -cp $work/minimal.jar --add-modules javafx.controls MinimalWindow"
cmd[relaydoctor-plain]="$java -Djavafx.cachedir=$work/fxcache --enable-native-access=javafx.graphics -p $jar:target/lib -m $module"
cmd[relaydoctor-packaged]="$app/bin/relay-doctor"
# jpackage's own launcher, kept beside ours, when it can find its .cfg (it looks for it next to itself).
[ -x "$app/lib/relay-doctor.stock" ] && [ -f "$app/lib/app/relay-doctor.stock.cfg" ] && cmd[relaydoctor-stock-launcher]="$app/lib/relay-doctor.stock"
order=(minimal-plain minimal-packaged minimal-packaged-app-flags relaydoctor-plain relaydoctor-packaged relaydoctor-stock-launcher)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2))}'; }
median_of() {         # the median of the numbers among its words, or "-" when there are none
  local numbers
  numbers=$(echo "$1" | tr ' ' '\n' | grep -E '^[0-9]+$' || true)
  if [ -n "$numbers" ]; then echo "$numbers" | median; else echo -; fi
}

# One run that quits once its window is complete; prints "FIRST COMPLETE": the ms from starting the command to the
# program's "Window shown" line (the first frame) and to its "Window complete" line (the frame that also holds a saved
# profile's editor; "-" for the minimal window), both timed here: the figure the program prints itself counts from the
# start time Linux reports for the process, which is derived from a boot time in whole seconds (off by up to a second).
first_window_ms() {
  local start first=- complete=-
  start=$(date +%s%N)
  while read -r line; do
    case $line in
      "Window shown"*) first=$(( ($(date +%s%N) - start) / 1000000 )) ;;
      "Window complete"*) complete=$(( ($(date +%s%N) - start) / 1000000 )) ;;
    esac
  done < <(JAVA_TOOL_OPTIONS="-Drelaydoctor.exitAfterShown=true" RELAY_DOCTOR_HOME="${2:-$RELAY_DOCTOR_HOME}" $1 2>/dev/null)
  echo "$first $complete"
}

idle_rss_mib() {      # starts the window, waits until it is shown and idle, prints its resident memory in MiB
  $1 >"$work/out" 2>&1 &
  local pid=$! i
  for i in $(seq 1 100); do
    xwininfo -root -children 2>/dev/null | grep -qE 'RelayDoctorApp"|"MinimalWindow"' && break
    sleep 0.1
  done
  sleep 3
  awk '/VmRSS/ {printf "%.0f\n", $2/1024}' "/proc/$pid/status"
  kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true
}

echo "load: $(cut -d' ' -f1-3 /proc/loadavg); Relay Doctor's JVM options: $app_xx"
printf '%-34s %16s %14s %14s\n' "run" "first window ms" "complete ms" "idle RSS MiB"
present=()
for name in "${order[@]}"; do
  if [ -n "${cmd[$name]:-}" ]; then present+=("$name"); fi
done
# The packaged program once more, for someone with saved profiles: their list in the first frame, the first one's editor
# in the next ("complete"). Its launcher then takes the window's AOT cache trained with profiles.
cmd[relaydoctor-packaged-5-profiles]=${cmd[relaydoctor-packaged]}
present+=(relaydoctor-packaged-5-profiles)
home_for() { [ "$1" = relaydoctor-packaged-5-profiles ] && echo "$work/home-profiles" || echo "$RELAY_DOCTOR_HOME"; }
mkdir -p "$work/home-profiles"
{
  echo '{"schemaVersion": 1, "profiles": ['
  for i in 1 2 3 4 5; do
    echo "{\"name\": \"Account $i\", \"email\": \"user$i@example.com\", \"login\": \"user$i\","
    echo " \"incoming\": {\"protocol\": \"IMAP\", \"host\": \"imap.example.com\", \"port\": 993, \"security\": \"SSL_TLS\"},"
    echo " \"outgoing\": {\"host\": \"smtp.example.com\", \"port\": 587, \"security\": \"STARTTLS\"},"
    echo " \"smtpAuth\": {\"mode\": \"SAME_AS_INCOMING\"}, \"testRecipient\": \"someone@example.org\"}$([ $i -lt 5 ] && echo ,)"
  done
  echo ']}'
} >"$work/home-profiles/profiles.json"
for name in "${present[@]}"; do first_window_ms "${cmd[$name]}" "$(home_for "$name")" >/dev/null; done   # warm-up
# Round robin, one run of each in turn: a machine that gets busier or quieter mid-way shifts all figures alike.
declare -A firsts completes
for i in $(seq 1 "$runs"); do
  for name in "${present[@]}"; do
    read -r first complete < <(first_window_ms "${cmd[$name]}" "$(home_for "$name")")
    firsts[$name]+="$first "
    completes[$name]+="$complete "
  done
done
for name in "${present[@]}"; do
  rss=$(RELAY_DOCTOR_HOME="$(home_for "$name")" idle_rss_mib "${cmd[$name]}")
  printf '%-34s %16s %14s %14s\n' "$name" "$(median_of "${firsts[$name]}")" "$(median_of "${completes[$name]}")" "$rss"
done

echo
echo "installed size: $(du -sm "$app" | cut -f1) MiB ($app; runtime $(du -sm "$app/lib/runtime" | cut -f1) MiB)"
for f in target/installer/*; do
  [ -f "$f" ] && echo "installer: $(basename "$f") $(du -m --apparent-size "$f" | cut -f1) MiB ($(stat -c %s "$f") bytes)"
done
