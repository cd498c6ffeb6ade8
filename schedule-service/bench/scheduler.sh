#!/usr/bin/env bash
# Timefold vs first-fit on generated caseloads (60 students in 3 schools), in one JVM.
# Usage: schedule-service/bench/scheduler.sh [spentLimitSeconds=30] [seeds=3] [studentsPerSchool=20]
set -euo pipefail
cd "$(dirname "$0")/../.."
CP_FILE="$PWD/schedule-service/target/bench.classpath"
# test-compile and the classpath in one reactor run, so sibling modules resolve to their target/classes;
# schedule-service comes last in the reactor and writes the file last
./mvnw -B -o -q -pl schedule-service -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE"
CP="schedule-service/target/test-classes:schedule-service/target/classes:$(cat "$CP_FILE")"
exec java -Xmx2g -cp "$CP" org.iepservices.schedule.solver.SchedulerBenchmark "$@"
