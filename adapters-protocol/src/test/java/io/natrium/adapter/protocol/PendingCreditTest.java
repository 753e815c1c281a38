package io.natrium.adapter.protocol;

import static io.natrium.adapter.protocol.PendingCredit.Admission.FITS;
import static io.natrium.adapter.protocol.PendingCredit.Admission.NO_CREDIT;
import static io.natrium.adapter.protocol.PendingCredit.Admission.SLOW_CONSUMER;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * One client's limits and credit against a budget alone, without a channel: the numbers the outbound acts on. The
 * same rules through real outbounds are in {@link PendingBudgetTest} and {@link NettyClientOutboundTest}.
 */
class PendingCreditTest {

    private static final long KIB = 1024;
    private static final long FREE = PendingBudget.FREE_PER_CLIENT;
    private static final long STEP = PendingBudget.STEP;
    private static final long MAX_PENDING = 1024 * KIB;

    @Test
    void aClientWithinItsFreeAllowanceNeverTouchesTheBudget() {
        PendingBudget budget = new PendingBudget(0);
        PendingCredit credit = new PendingCredit(MAX_PENDING, budget);

        assertThat(credit.admit(1, false)).isEqualTo(FITS);
        assertThat(credit.admit(FREE, true)).isEqualTo(FITS);
        assertThat(credit.charged()).isFalse();
        assertThat(budget.charged()).isZero();
    }

    @Test
    void aClientFallingBehindTakesCreditInWholeStepsOnlyWhenItPassesWhatItHas() {
        PendingBudget budget = new PendingBudget(Long.MAX_VALUE);
        PendingCredit credit = new PendingCredit(MAX_PENDING, budget);

        assertThat(credit.admit(FREE + 1, false)).isEqualTo(FITS);
        assertThat(budget.charged()).as("one step above the free allowance").isEqualTo(STEP);
        assertThat(credit.charged()).isTrue();

        assertThat(credit.admit(FREE + STEP, false)).isEqualTo(FITS);
        assertThat(budget.charged()).as("within the credit it has").isEqualTo(STEP);

        assertThat(credit.admit(5 * STEP + 1, false)).isEqualTo(FITS);
        assertThat(budget.charged()).as("up to six steps in all").isEqualTo(6 * STEP - FREE);
    }

    @Test
    void pastMaxPendingTheClientIsASlowConsumerAndTakesNothing() {
        PendingBudget budget = new PendingBudget(Long.MAX_VALUE);
        PendingCredit credit = new PendingCredit(MAX_PENDING, budget);

        assertThat(credit.admit(MAX_PENDING, false)).isEqualTo(FITS);
        long charged = budget.charged();

        assertThat(credit.admit(MAX_PENDING + 1, false)).isEqualTo(SLOW_CONSUMER);
        assertThat(budget.charged()).isEqualTo(charged);
    }

    @Test
    void withoutCreditLeftTheFirstTryWaitsForReliefAndTheLastMakesASlowConsumer() {
        PendingBudget budget = new PendingBudget(STEP);
        PendingCredit credit = new PendingCredit(MAX_PENDING, budget);
        assertThat(credit.admit(FREE + STEP, false)).isEqualTo(FITS);

        assertThat(credit.admit(FREE + STEP + 1, false)).isEqualTo(NO_CREDIT);
        assertThat(budget.charged()).as("nothing more taken").isEqualTo(STEP);
        assertThat(credit.admit(FREE + STEP + 1, true)).isEqualTo(SLOW_CONSUMER);
        assertThat(budget.charged()).isEqualTo(STEP);
        assertThat(credit.admit(FREE + STEP, false)).as("what it holds credit for still fits").isEqualTo(FITS);
    }

    @Test
    void settlingGivesBackTheWholeStepsAboveWhatIsHeldButNeverTheFreeAllowance() {
        PendingBudget budget = new PendingBudget(Long.MAX_VALUE);
        PendingCredit credit = new PendingCredit(MAX_PENDING, budget);
        credit.admit(10 * STEP, false);
        assertThat(budget.charged()).isEqualTo(10 * STEP - FREE);

        credit.settle(10 * STEP);
        assertThat(budget.charged()).as("all of it still held").isEqualTo(10 * STEP - FREE);

        credit.settle(3 * STEP + 1);
        assertThat(budget.charged()).as("four steps kept").isEqualTo(4 * STEP - FREE);

        credit.settle(0);
        assertThat(budget.charged()).isZero();
        assertThat(credit.charged()).isFalse();

        assertThat(credit.admit(FREE + 1, false)).isEqualTo(FITS);
        assertThat(budget.charged()).as("taken again when needed").isEqualTo(STEP);
    }

    @Test
    void releasingGivesBackAllItTook() {
        PendingBudget budget = new PendingBudget(Long.MAX_VALUE);
        PendingCredit credit = new PendingCredit(MAX_PENDING, budget);
        credit.admit(7 * STEP, false);

        credit.releaseAll();

        assertThat(budget.charged()).isZero();
        assertThat(credit.charged()).isFalse();
    }

    @Test
    void publishersAreAskedToSlowDownPastThreeQuartersOfMaxPendingOrOfTheBudgetWhicheverIsLess() {
        PendingCredit byMaxPending = new PendingCredit(10_000, PendingBudget.unlimited());
        PendingCredit byBudget = new PendingCredit(MAX_PENDING, new PendingBudget(400 * KIB));

        assertThat(byMaxPending.asksToSlowDown(7_500)).isFalse();
        assertThat(byMaxPending.asksToSlowDown(7_501)).isTrue();
        assertThat(byBudget.asksToSlowDown(300 * KIB)).isFalse();
        assertThat(byBudget.asksToSlowDown(300 * KIB + 1)).isTrue();
    }
}
