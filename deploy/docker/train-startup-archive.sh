#!/bin/sh
# Run once while an image is built (RUN in each service's Dockerfile): for each of the service's builds
# given, starts it once so that the image's own JVM records the classes the start loads, then exits
# (Quarkus's quarkus.appcds.generate, as its build does). On Java 25 or newer that makes an AOT cache
# (app.aot, JEP 514); on older JDKs an AppCDS archive (app-cds.jsa). The archives the host's build made
# are dropped first: a JVM maps only an archive made by its own build, and the image's JDK is not the
# host's. service-entrypoint.sh then starts the service with the archive that is there.
set -eu
feature=$(java -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
# (The start ends in "Configuration validation failed": the tokens are given only at run time. Its
# output is shown only when no archive came of it.)
log=$(mktemp)
for build in "$@"; do
  cd "$build"
  rm -f app.aot app-cds.jsa
  if [ "${feature:-0}" -ge 25 ]; then
    archive=app.aot
    java -XX:AOTCacheOutput=app.aot -Dquarkus.appcds.generate=true -jar quarkus-run.jar >"$log" 2>&1 || true
  else
    archive=app-cds.jsa
    java -XX:ArchiveClassesAtExit=app-cds.jsa -Xlog:cds=off -Dquarkus.appcds.generate=true -jar quarkus-run.jar \
      >"$log" 2>&1 || true
  fi
  [ -f "$archive" ] || { cat "$log" >&2; echo "no $archive was made in $build" >&2; exit 1; }
  echo "$build: $archive, $(du -m "$archive" | cut -f1) MiB"
done
rm -f "$log"
