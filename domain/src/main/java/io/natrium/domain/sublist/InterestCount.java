package io.natrium.domain.sublist;

/** How many plain and queue subscriptions match a subject. */
public record InterestCount(int plain, int queue) {

    public int total() {
        return plain + queue;
    }
}
