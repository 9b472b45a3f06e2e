#!/bin/bash
# Docker HEALTHCHECK without curl in the image: asks the service's readiness endpoint over bash's
# /dev/tcp and is healthy on HTTP 200 only (readiness includes the database and the broker).
exec 3<>"/dev/tcp/127.0.0.1/${QUARKUS_HTTP_PORT:-8080}" || exit 1
printf 'GET /q/health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
read -r status <&3 || exit 1
case "$status" in
  *" 200 "*) exit 0 ;;
  *) exit 1 ;;
esac
