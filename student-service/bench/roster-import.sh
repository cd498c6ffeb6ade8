#!/usr/bin/env bash
# Roster import benchmark: generates a OneRoster 1.1 bulk set (100k users, 300k enrollments by
# default), imports it over HTTP into the packaged student-service (own JVM, -Xmx512m, embedded
# PostgreSQL, in-process Kafka) and loads the same CSV files with plain PostgreSQL COPY in the same
# run. Prints rows/s for both, the ratio and the service's peak heap; writes
# student-service/target/bench/roster-import.md.
#
#   student-service/bench/roster-import.sh [users] [enrollments]
#   student-service/bench/roster-import.sh --corpus /work/shared/testdata/oneroster
#
# --corpus runs every zip of a folder through the service instead (dry run, import, import again;
# each on an empty database) and prints a table; the zips are read in place, never copied.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# Build the service jar and the test classes (which hold the benchmark); never install.
./mvnw -B -o -q -pl student-service -am package -DskipTests \
  dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
cp="student-service/target/test-classes:student-service/target/classes:$(cat student-service/target/bench.classpath)"
if [[ "${1:-}" == "--corpus" ]]; then
  exec java -Xmx512m -Drepo.root="$root" -cp "$cp" org.iepservices.student.bench.RosterCorpusRun "${2:-/work/shared/testdata/oneroster}"
fi
exec java -Xmx1g -Drepo.root="$root" -cp "$cp" org.iepservices.student.bench.RosterImportBenchmark "$@"
