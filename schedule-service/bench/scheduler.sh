#!/usr/bin/env bash
# First-fit, greedy and Timefold on generated caseloads, each against the upper bound of placeable
# minutes (PlaceableMinutesBound), in one JVM; median [min, max] over seeds x runs.
# Usage: schedule-service/bench/scheduler.sh [spentLimitSeconds=9] [seeds=3] [studentsPerSchool=20] [schools=3] [runs=3]
# Variants (JAVA_OPTS): -Dls=TABU_SEARCH|LATE_ACCEPTANCE|... -Dthreads=2 -DtimefoldCh=true -DstopAtBound=false
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE="$PWD/schedule-service/target/bench.classpath"
# test-compile and the classpath in one reactor run, so sibling modules resolve to their target/classes;
# schedule-service comes last in the reactor and writes the file last
./mvnw -B -o -q -pl schedule-service -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
CP="schedule-service/target/test-classes:schedule-service/target/classes:$(cat "$CP_FILE")"
# shellcheck disable=SC2086
exec java -Xmx2g ${JAVA_OPTS:-} -cp "$CP" org.iepservices.schedule.solver.SchedulerBenchmark "$@"
