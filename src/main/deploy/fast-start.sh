#!/usr/bin/env bash
# Lays out CadreFlow to start in less time: the jar extracted (plain jars on the class path, which the JVM opens
# faster than jars nested in a jar) and a class data sharing archive (CDS) of the classes a start loads, recorded
# by one training start on a throwaway database. Build the jar first (mvn -B -ntp -DskipTests package), then:
#
#   bash src/main/deploy/fast-start.sh [destination]          # default: target/app
#   java -XX:SharedArchiveFile=target/app/cadreflow.jsa -jar target/app/cadreflow.jar
#
# The archive holds for this jar and this JVM only: run the script again after every build or JDK update, and do
# not move the directory (the archive records the jars' paths). With a stale archive the JVM warns and starts
# without it, as slowly as before. Settings: JAR (default target/cadreflow.jar).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../../.."

JAR=${JAR:-target/cadreflow.jar}
DEST=${1:-target/app}
[ -f "$JAR" ] || { echo "no $JAR: mvn -B -ntp -DskipTests package" >&2; exit 1; }

rm -rf "$DEST"
java -Djarmode=tools -jar "$JAR" extract --destination "$DEST" >/dev/null
DEST=$(cd "$DEST" && pwd)
# The training start: the whole application context on a fresh database (migrations, the engine's tables, the
# deployment), then exit; the JVM writes the classes it loaded to the archive as it exits.
DATA=$(mktemp -d)
trap 'rm -rf "$DATA"' EXIT
CADREFLOW_DATA=$DATA PORT=0 \
  java -XX:ArchiveClassesAtExit="$DEST/cadreflow.jsa" -Dspring.context.exit=onRefresh \
  -jar "$DEST/$(basename "$JAR")" >"$DEST/training-start.log" 2>&1
[ -s "$DEST/cadreflow.jsa" ] || { tail -n 40 "$DEST/training-start.log" >&2; echo "no archive written" >&2; exit 1; }
echo "java -XX:SharedArchiveFile=$DEST/cadreflow.jsa -jar $DEST/$(basename "$JAR")"
