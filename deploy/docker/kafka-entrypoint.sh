#!/bin/bash
# A single-node KRaft broker (broker and controller in one), the same jars as ./lockstep up.
# Formats /data on first start, creates Lockstep's topics once the broker answers, and passes
# SIGTERM on for a controlled shutdown.
set -euo pipefail
advertised="${KAFKA_ADVERTISED_HOST:-$(hostname)}"
port="${KAFKA_PORT:-9092}"
mkdir -p /data/kafka
cat > /data/server.properties <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:9093
listeners=PLAINTEXT://0.0.0.0:${port},CONTROLLER://127.0.0.1:9093
advertised.listeners=PLAINTEXT://${advertised}:${port}
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=/data/kafka
auto.create.topics.enable=false
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.cleaner.dedupe.buffer.size=8388608
PROPS
# shellcheck disable=SC2206  # JAVA_OPTS is a list of flags
jvm=(${JAVA_OPTS:-} -Dlog4j2.configurationFile=/opt/kafka/lib/log4j2.properties -cp '/opt/kafka/lib/*')
if [ ! -f /data/kafka/meta.properties ]; then
  cluster_id="$(java "${jvm[@]}" kafka.tools.StorageTool random-uuid)"
  java "${jvm[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c /data/server.properties
fi
java "${jvm[@]}" kafka.Kafka /data/server.properties &
broker=$!
trap 'kill -TERM "$broker"; wait "$broker"' TERM INT
java ${JAVA_OPTS:-} -cp '/opt/kafka/tools/*' dev.lockstep.launcher.KafkaBroker "127.0.0.1:${port}" \
  || { kill -TERM "$broker"; exit 1; }
touch /data/topics-ready
wait "$broker"
