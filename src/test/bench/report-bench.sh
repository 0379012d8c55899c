#!/bin/sh
# Times writing every report format (html, pdf, txt, json, eml; English and Russian) from the fixed test result.
# Usage: src/test/bench/report-bench.sh [OUTDIR]   (OUTDIR keeps the files, for looking at them)
set -e
cd "$(dirname "$0")/../../.."
./mvnw -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
    org.relaydoctor.report.ReportBench "$@"
