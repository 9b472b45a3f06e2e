#!/bin/sh
# Starts the service image's build for LOCKSTEP_DB (h2, the default, keeps its files in /data;
# postgresql takes QUARKUS_DATASOURCE_JDBC_URL, _USERNAME and _PASSWORD).
# With LOCKSTEP_TLS_DIR set (auth-service), the service also listens on HTTPS (QUARKUS_HTTP_SSL_PORT)
# with a certificate from a sandbox CA made at first start and kept there: ca.pem is the file clients
# trust. The certificate names localhost, 127.0.0.1, the host name and LOCKSTEP_TLS_NAMES (comma-
# separated host names and IP addresses, e.g. the host the tests reach the container on).
set -eu
build="/opt/lockstep/${LOCKSTEP_DB:-h2}"
if [ ! -f "$build/quarkus-run.jar" ]; then
  echo "LOCKSTEP_DB must be h2 or postgresql (was '${LOCKSTEP_DB:-}')" >&2
  exit 2
fi
tls_flags=""
if [ -n "${LOCKSTEP_TLS_DIR:-}" ]; then
  tls="$LOCKSTEP_TLS_DIR"
  # the stores only ever guard this sandbox's own throwaway CA, kept in the container's data volume
  pass="lockstep-sandbox"
  if [ ! -f "$tls/server.p12" ]; then
    mkdir -p "$tls"
    san="dns:localhost,ip:127.0.0.1,dns:$(hostname)"
    for name in $(echo "${LOCKSTEP_TLS_NAMES:-}" | tr ',' ' '); do
      case "$name" in
        *[!0-9.]*) san="$san,dns:$name" ;;
        *) san="$san,ip:$name" ;;
      esac
    done
    keytool -genkeypair -keystore "$tls/ca.p12" -storepass "$pass" -alias ca -keyalg RSA -keysize 2048 \
      -validity 3650 -dname "CN=Lockstep sandbox CA" -ext bc:c -ext ku:c=keyCertSign,cRLSign 2>/dev/null
    keytool -exportcert -rfc -keystore "$tls/ca.p12" -storepass "$pass" -alias ca -file "$tls/ca.pem" 2>/dev/null
    keytool -genkeypair -keystore "$tls/server.p12" -storepass "$pass" -alias server -keyalg RSA -keysize 2048 \
      -validity 825 -dname "CN=localhost" 2>/dev/null
    keytool -certreq -keystore "$tls/server.p12" -storepass "$pass" -alias server 2>/dev/null \
      | keytool -gencert -keystore "$tls/ca.p12" -storepass "$pass" -alias ca -rfc -validity 825 \
          -ext "san=$san" -ext ku:c=digitalSignature,keyEncipherment -ext eku=serverAuth > "$tls/server.pem" 2>/dev/null
    keytool -importcert -noprompt -keystore "$tls/server.p12" -storepass "$pass" -alias ca -file "$tls/ca.pem" 2>/dev/null
    keytool -importcert -noprompt -keystore "$tls/server.p12" -storepass "$pass" -alias server -file "$tls/server.pem" >/dev/null 2>&1
    echo "TLS: a sandbox CA was made at $tls/ca.pem; the server certificate names $san"
  fi
  tls_flags="-Dquarkus.http.ssl.certificate.key-store-file=$tls/server.p12 -Dquarkus.http.ssl.certificate.key-store-password=$pass"
fi
# The startup archive train-startup-archive.sh made with this image's JVM, which names the jar as it
# ran it there: relative, from the build's folder.
archive=""
if [ -f "$build/app.aot" ]; then archive="-XX:AOTCache=app.aot"; fi
if [ -f "$build/app-cds.jsa" ]; then archive="-XX:SharedArchiveFile=app-cds.jsa"; fi
cd "$build"
# shellcheck disable=SC2086  # JAVA_OPTS and tls_flags are lists of flags
exec java ${JAVA_OPTS:-} $archive $tls_flags -jar quarkus-run.jar "$@"
