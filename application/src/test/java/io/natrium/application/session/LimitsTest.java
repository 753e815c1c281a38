package io.natrium.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** nats-server's applyAccountLimits and minLimit, case by case. */
class LimitsTest {

    private static final int MEGABYTE = 1024 * 1024;

    @Test
    void minusOneIsNoLimitAtEveryLevelAndAServerLimitOfZeroToo() {
        assertThat(Limits.effective(Limits.NONE, Limits.NONE, 0)).isEqualTo(Limits.NONE);
        assertThat(Limits.effective(Limits.NONE, Limits.NONE, MEGABYTE)).isEqualTo(MEGABYTE);
    }

    @Test
    void zeroFromTheUserJwtOrTheAccountIsALimit() {
        assertThat(Limits.effective(0, Limits.NONE, 0)).isZero();
        assertThat(Limits.effective(0, Limits.NONE, MEGABYTE)).isZero();
        assertThat(Limits.effective(Limits.NONE, 0, MEGABYTE)).isZero();
    }

    @Test
    void theLowestLimitWins() {
        assertThat(Limits.effective(5, 3, 0)).isEqualTo(3);
        assertThat(Limits.effective(3, 5, 0)).isEqualTo(3);
        assertThat(Limits.effective(2L * MEGABYTE, Limits.NONE, MEGABYTE)).isEqualTo(MEGABYTE);
        assertThat(Limits.effective(10, Limits.NONE, MEGABYTE)).isEqualTo(10);
    }

    @Test
    void otherNegativeValuesAreLimitsAsInGo() {
        assertThat(Limits.effective(-5, Limits.NONE, 0)).isEqualTo(-5);
        assertThat(Limits.lower(Limits.NONE, -5)).isEqualTo(-5);
    }

    @Test
    void aJwtLimitBeyondAnInt32WrapsAsGosConversionDoes() {
        assertThat(Limits.effective(1L << 32, Limits.NONE, 0)).isZero();
    }
}
