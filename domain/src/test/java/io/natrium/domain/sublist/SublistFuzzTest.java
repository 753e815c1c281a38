package io.natrium.domain.sublist;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.natrium.domain.subject.SubjectFilter;
import io.natrium.domain.subject.SubjectView;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Generated sequences of inserts, removes and matches, applied at once to a sublist with the shared cache, one
 * without it and a connection cache in front of the first: after every step all three must agree with a plain list
 * of subscriptions checked one by one. The normal test run replays the committed seeds.
 */
class SublistFuzzTest {

    private static final String[] TOKENS = {"a", "b", "c", "*", ">"};
    private static final String[] LITERAL_TOKENS = {"a", "b", "c"};

    @FuzzTest
    void cachedUncachedAndConnectionCacheAgreeWithAPlainList(FuzzedDataProvider data) {
        Sublist<TestSubscription> cached = new Sublist<>(true, Runnable::run);
        Sublist<TestSubscription> uncached = new Sublist<>(false, Runnable::run);
        MatchCache<TestSubscription> connectionCache = new MatchCache<>(cached);
        SubjectView view = new SubjectView();
        List<TestSubscription> model = new ArrayList<>();
        int step = 0;
        while (data.remainingBytes() > 0 && step++ < 200) {
            int operation = data.consumeInt(0, 9);
            if (operation < 4) {
                String filter = filter(data);
                String queue = data.consumeBoolean() ? "q" + data.consumeInt(0, 2) : null;
                TestSubscription sub = new TestSubscription(filter, queue, "s" + step);
                if (SubjectFilter.isValid(filter)) {
                    cached.insert(sub);
                    uncached.insert(sub);
                    model.add(sub);
                }
            } else if (operation < 6 && !model.isEmpty()) {
                TestSubscription sub = model.remove(data.consumeInt(0, model.size() - 1));
                assertThat(cached.remove(sub)).isTrue();
                assertThat(uncached.remove(sub)).isTrue();
            } else if (operation == 6 && !model.isEmpty()) {
                List<TestSubscription> batch = new ArrayList<>(model.subList(0, data.consumeInt(0, model.size())));
                model.removeAll(batch);
                assertThat(cached.removeAll(batch)).isEqualTo(batch.size());
                assertThat(uncached.removeAll(batch)).isEqualTo(batch.size());
            } else {
                String subject = literal(data);
                Map<String, Set<TestSubscription>> expected = SublistOracleTest.expected(model, subject);
                assertThat(SublistOracleTest.describe(cached.match(subject))).as(subject).isEqualTo(expected);
                assertThat(SublistOracleTest.describe(uncached.match(subject))).as(subject).isEqualTo(expected);
                assertThat(SublistOracleTest.describe(cached.matchWithoutCaching(view.wrap(subject.getBytes(UTF_8)))))
                        .as(subject).isEqualTo(expected);
                assertThat(SublistOracleTest.describe(connectionCache.match(view.wrap(subject.getBytes(UTF_8)))))
                        .as(subject).isEqualTo(expected);
                assertThat(cached.hasInterest(subject)).isEqualTo(!expected.isEmpty());
                assertThat(uncached.hasInterest(subject)).isEqualTo(!expected.isEmpty());
            }
            assertThat(cached.count()).isEqualTo(model.size());
            assertThat(uncached.count()).isEqualTo(model.size());
        }
        model.forEach(cached::remove);
        assertThat(cached.levelCount()).isZero();
    }

    private static String filter(FuzzedDataProvider data) {
        int length = data.consumeInt(1, 4);
        StringBuilder filter = new StringBuilder();
        for (int i = 0; i < length; i++) {
            filter.append(i == 0 ? "" : ".").append(data.pickValue(TOKENS));
        }
        return filter.toString();
    }

    private static String literal(FuzzedDataProvider data) {
        int length = data.consumeInt(1, 5);
        StringBuilder subject = new StringBuilder();
        for (int i = 0; i < length; i++) {
            subject.append(i == 0 ? "" : ".").append(data.pickValue(LITERAL_TOKENS));
        }
        return subject.toString();
    }
}
