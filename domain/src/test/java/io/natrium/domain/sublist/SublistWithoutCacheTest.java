package io.natrium.domain.sublist;

import static io.natrium.domain.sublist.TestSubscription.plain;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SublistWithoutCacheTest extends SublistContract {

    @Override
    Sublist<TestSubscription> newSublist() {
        return Sublist.withoutCache();
    }

    @Test
    void keepsNoCacheAndNoFanoutFigures() {
        sublist.insert(plain("foo"));
        sublist.match("foo");
        sublist.match("foo");

        SublistStats stats = sublist.stats();
        assertThat(sublist.isCacheEnabled()).isFalse();
        assertThat(stats.numCache()).isZero();
        assertThat(stats.cacheHits()).isZero();
        assertThat(stats.cacheHitRate()).isZero();
        assertThat(stats.maxFanout()).isZero();
    }
}
