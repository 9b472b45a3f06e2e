package dev.lockstep.launcher;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far consumer groups on the sandbox's broker are behind the end of what they read, in records,
 * summed over groups and partitions (groups whose id starts with an ignored prefix left out).
 */
public final class ConsumerLag implements AutoCloseable {

    private final Admin admin;

    private final String ignoredPrefix;

    /** {@code ignoredPrefix}: groups of the caller's own readers, or null to count every group. */
    public ConsumerLag(String bootstrap, String ignoredPrefix) {
        Properties props = new Properties();
        props.put("bootstrap.servers", bootstrap);
        this.admin = Admin.create(props);
        this.ignoredPrefix = ignoredPrefix;
    }

    public long total() {
        try {
            long lag = 0;
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
                if (ignoredPrefix != null && group.groupId().startsWith(ignoredPrefix)) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(partition -> latest.put(partition, OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                    if (entry.getValue() != null) {
                        lag += ends.get(entry.getKey()).offset() - entry.getValue().offset();
                    }
                }
            }
            return lag;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker did not answer: " + e.getCause(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
