#!/bin/sh
# Starts the service image's build for LOCKSTEP_DB (h2, the default, keeps its files in /data;
# postgresql takes QUARKUS_DATASOURCE_JDBC_URL, _USERNAME and _PASSWORD).
set -eu
build="/opt/lockstep/${LOCKSTEP_DB:-h2}"
if [ ! -f "$build/quarkus-run.jar" ]; then
  echo "LOCKSTEP_DB must be h2 or postgresql (was '${LOCKSTEP_DB:-}')" >&2
  exit 2
fi
# shellcheck disable=SC2086  # JAVA_OPTS is a list of flags
exec java ${JAVA_OPTS:-} -jar "$build/quarkus-run.jar" "$@"
