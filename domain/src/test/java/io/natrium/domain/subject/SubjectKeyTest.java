package io.natrium.domain.subject;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SubjectKeyTest {

    @Test
    void isFoundByAViewWithTheSameBytes() {
        SubjectView view = new SubjectView().wrap("orders.créé".getBytes(UTF_8));
        Map<SubjectKey, Integer> map = new HashMap<>();
        map.put(SubjectKey.copyOf(view), 7);

        byte[] line = "PUB orders.créé 5".getBytes(UTF_8);
        SubjectView probe = new SubjectView().wrap(line, 4, "orders.créé".getBytes(UTF_8).length);
        assertThat(map.get(probe)).isEqualTo(7);
        assertThat(map.get(new SubjectView().wrap("orders.cree".getBytes(UTF_8)))).isNull();
    }

    @Test
    void keepsItsOwnCopyAndComparesLikeAValue() {
        byte[] bytes = "a.b".getBytes(UTF_8);
        SubjectKey key = SubjectKey.copyOf(new SubjectView().wrap(bytes));
        bytes[0] = 'x';

        assertThat(key.toString()).isEqualTo("a.b");
        assertThat(key).isEqualTo(SubjectKey.copyOf(new SubjectView().wrap("a.b".getBytes(UTF_8))))
                .hasSameHashCodeAs("a.b");
        assertThat(key).isNotEqualTo(SubjectKey.copyOf(new SubjectView().wrap("a.c".getBytes(UTF_8))));
        assertThat(key.equals(new SubjectView().wrap("a.b".getBytes(UTF_8)))).isTrue();
    }
}
