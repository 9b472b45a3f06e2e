package dev.lockstep.platform.outbox;

import dev.lockstep.contracts.CloudEvent;
import dev.lockstep.contracts.Topic;

/**
 * An event the outbox recorded, announced (as a CDI event) once its transaction committed: what a
 * service's metrics count, so that a fact is counted if and only if it happened.
 *
 * @param body one of the contract records
 */
public record PublishedEvent(Topic topic, CloudEvent envelope, Object body) {
}
