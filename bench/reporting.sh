#!/usr/bin/env bash
# Compliance read model under load (reporting-service), with baselines measured in the same run:
#   event -> projection lag p50/p99 next to a bare Kafka produce -> consume round trip, and the
#   district rollup next to a hand-written SQL aggregate over the raw events (same PostgreSQL).
# Starts its own embedded PostgreSQL + Kafka and the packaged reporting-service; needs nothing else.
#   bench/reporting.sh                                   # 5,000 students, 200,000 session events
#   BENCH_OPTS='-Dbench.students=500 -Dbench.sessionEvents=20000' bench/reporting.sh   # a quick one
set -euo pipefail
cd "$(dirname "$0")/.."

offline=-o
[ "${BENCH_ONLINE:-0}" = 1 ] && offline=
echo "Packaging reporting-service and its test classes ..."
./mvnw -B -q $offline -pl reporting-service -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test

classpath="reporting-service/target/test-classes:$(cat reporting-service/target/bench.classpath)"
exec java -Xmx2g ${BENCH_OPTS:-} -Diep.repo.root="$PWD" \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$classpath" org.iepservices.reporting.bench.ReportingBenchmark
