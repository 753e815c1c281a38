package io.natrium.adapter.protocol;

import io.natrium.domain.HotPath;

/**
 * One client's account of what it may hold (pending here and queued in its channel): its {@code max_pending}, past
 * which it is a slow consumer; the point, three quarters of the way there, past which publishers are asked to slow
 * down; and its credit in the server-wide {@link PendingBudget}. The first {@link PendingBudget#FREE_PER_CLIENT} bytes
 * of credit are its own; above them it takes credit from the budget in steps of {@link PendingBudget#STEP} while it
 * falls behind, and gives back what it no longer uses when it has caught up.
 *
 * <p>Apart from {@link OutboundQueue} because these are the rules of how much a client may hold, and they need
 * nothing of Netty: given the bytes held, they decide, and they can be tested against a budget alone. The outbound
 * measures what is held and acts on the decision. Not thread-safe: guarded by the outbound's lock, which every
 * method here is called under, so a delivery pays no atomic operation for its accounting until it takes a step of
 * credit from the shared budget.
 */
@HotPath
final class PendingCredit {

    /** What a client may do with one more frame. */
    enum Admission {
        /** Append it: it is within {@code max_pending} and within the credit (taken now if need be). */
        FITS,
        /** Append nothing yet: the budget has no credit left; relieve it (holding no outbound lock), then try again. */
        NO_CREDIT,
        /** Append nothing: the client is a slow consumer. */
        SLOW_CONSUMER
    }

    private final PendingBudget budget;
    private final long maxPending;
    /** Past this many bytes held, publishers are asked to slow down: 75% of what the client may hold. */
    private final long slowDownAt;
    /** The bytes this client may hold before it asks the budget for more; above the free allowance, taken from it. */
    private long credit = PendingBudget.FREE_PER_CLIENT;

    /**
     * @param maxPending the client's {@code max_pending}
     * @param budget     the budget shared by all clients
     */
    PendingCredit(long maxPending, PendingBudget budget) {
        this.budget = budget;
        this.maxPending = maxPending;
        this.slowDownAt = Math.min(maxPending, budget.limit()) / 4 * 3;
    }

    /**
     * Whether the client may hold {@code held} bytes, the frame to append included, taking the credit for them from
     * the budget when its own does not cover them. Without credit left in the budget that is
     * {@link Admission#NO_CREDIT} (nothing taken), unless this is the {@code lastTry}, when it makes the client a slow
     * consumer too.
     */
    Admission admit(long held, boolean lastTry) {
        if (held > maxPending) {
            return Admission.SLOW_CONSUMER;
        }
        if (held > credit && !take(held)) {
            return lastTry ? Admission.SLOW_CONSUMER : Admission.NO_CREDIT;
        }
        return Admission.FITS;
    }

    /** Whether a client holding {@code held} bytes asks its publishers to slow down. */
    boolean asksToSlowDown(long held) {
        return held > slowDownAt;
    }

    /** Whether this client holds credit taken from the budget. */
    boolean charged() {
        return credit > PendingBudget.FREE_PER_CLIENT;
    }

    /** Gives back the credit above what a client holding {@code held} bytes needs, in whole steps. */
    void settle(long held) {
        long keep = Math.max(PendingBudget.FREE_PER_CLIENT, roundUpToStep(held));
        if (keep < credit) {
            budget.release(credit - keep);
            credit = keep;
        }
    }

    /** Gives back all credit taken from the budget: the client holds nothing any more, or is about to. */
    void releaseAll() {
        budget.release(credit - PendingBudget.FREE_PER_CLIENT);
        credit = PendingBudget.FREE_PER_CLIENT;
    }

    /**
     * Raises the credit to cover {@code held} bytes, rounded up to the budget's step; false, changing nothing, when
     * the budget has not that much left.
     */
    private boolean take(long held) {
        long wanted = roundUpToStep(held);
        if (!budget.tryCharge(wanted - credit)) {
            return false;
        }
        credit = wanted;
        return true;
    }

    private static long roundUpToStep(long bytes) {
        return (bytes + PendingBudget.STEP - 1) / PendingBudget.STEP * PendingBudget.STEP;
    }
}
