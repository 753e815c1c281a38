package io.natrium.domain.transform;

/**
 * One of the subjects a weighted mapping may send a message to, with its share, as a tool lists them
 * ({@link SubjectMapping#outcomes}).
 *
 * @param subject the mapped subject; empty when this share of the messages is dropped
 * @param weight  the percentage of the messages that take this outcome, 1 to 100
 */
public record MappingOutcome(String subject, int weight) {

    /** True for the share nats-server drops: the source is among the destinations and the weights fall short. */
    public boolean dropped() {
        return subject.isEmpty();
    }
}
