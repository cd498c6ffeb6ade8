#!/usr/bin/env bash
# Compliance read model under load (reporting-service), with baselines measured in the same run:
#   event -> projection lag p50/p99 next to a bare Kafka produce -> consume round trip, and the
#   district rollup next to a hand-written SQL aggregate over the raw events (same PostgreSQL).
# Starts its own embedded PostgreSQL + Kafka and the packaged reporting-service; needs nothing else.
#   bench/reporting.sh                                   # 5,000 students, 200,000 session events
#   BENCH_OPTS='-Dbench.students=500 -Dbench.sessionEvents=20000' bench/reporting.sh   # a quick one
# The district rollup at scale (issue 17): a district of N students generated straight into the
# projection (schools of ~500, 12 % with IEPs of 1-3 mandates, a school year of sessions with misses
# and makeups), the rollup against an indexed SQL aggregate returning the same numbers (asserted),
# median of >= 3 alternating rounds, and a 16-connection load test next to /q/health:
#   bench/reporting.sh rollup 5000
#   bench/reporting.sh rollup 50000
#   BENCH_OPTS='-Dbench.rounds=5 -Dbench.requests=50 -Dbench.loadSeconds=20' bench/reporting.sh rollup 5000
set -euo pipefail
cd "$(dirname "$0")/.."

offline=-o
[ "${BENCH_ONLINE:-0}" = 1 ] && offline=
echo "Packaging reporting-service and its test classes ..."
./mvnw -B -q $offline -pl reporting-service -am package dependency:build-classpath -DskipTests \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test

classpath="reporting-service/target/test-classes:$(cat reporting-service/target/bench.classpath)"
main=org.iepservices.reporting.bench.ReportingBenchmark
args=()
if [ "${1:-}" = rollup ]; then
  main=org.iepservices.reporting.bench.RollupBenchmark
  args=("${2:-5000}")
fi
exec java -Xmx2g ${BENCH_OPTS:-} -Diep.repo.root="$PWD" \
  -Djava.util.logging.manager=org.jboss.logmanager.LogManager \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$classpath" "$main" "${args[@]}"
