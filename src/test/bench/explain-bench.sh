#!/usr/bin/env bash
# Times the reply classifier and the offline explainer (median/max per input kind). Rerun any time:
#   src/test/bench/explain-bench.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/../../.."
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
"$JAVA_HOME/bin/java" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.relaydoctor.diagnosis.ExplainBench "${1:-200}"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
