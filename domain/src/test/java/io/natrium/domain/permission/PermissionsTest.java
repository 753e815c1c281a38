package io.natrium.domain.permission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The static decisions, as tables. Where a row looks surprising it is what nats-server does (checked against
 * nats-server 2.9.10 where noted): the subject checked is taken as literal, so a wildcard in it is matched only by a
 * wildcard in an entry.
 */
class PermissionsTest {

    @ParameterizedTest(name = "allow {0} deny {1}: publish {2} -> {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        // no lists: everything
        "-          | -          | foo.bar     | true",
        // literal allow
        "foo.bar    | -          | foo.bar     | true",
        "foo.bar    | -          | foo.baz     | false",
        "foo.bar    | -          | foo         | false",
        "foo.bar    | -          | foo.bar.baz | false",
        // '*' allow: exactly one token
        "foo.*      | -          | foo.bar     | true",
        "foo.*      | -          | foo         | false",
        "foo.*      | -          | foo.bar.baz | false",
        "*.bar      | -          | foo.bar     | true",
        "*          | -          | foo         | true",
        "*          | -          | foo.bar     | false",
        // '>' allow: one or more tokens
        "foo.>      | -          | foo.bar     | true",
        "foo.>      | -          | foo.bar.baz | true",
        "foo.>      | -          | foo         | false",
        ">          | -          | anything.at | true",
        // deny only: everything else
        "-          | foo.bar    | foo.bar     | false",
        "-          | foo.bar    | foo.baz     | true",
        "-          | foo.*      | foo.bar     | false",
        "-          | foo.*      | foo.bar.baz | true",
        "-          | foo.>      | foo.bar.baz | false",
        "-          | >          | foo         | false",
        // deny beats allow, whichever is wider
        ">          | foo.bar    | foo.bar     | false",
        ">          | foo.bar    | foo.baz     | true",
        "foo.bar    | foo.*      | foo.bar     | false",
        "foo.*      | foo.>      | foo.bar     | false",
        "foo.>      | *.bar      | foo.bar     | false",
        "foo.>      | *.bar      | foo.baz     | true",
        // the published subject is literal: a '*' in it is matched only by a wildcard entry
        "foo.*      | -          | foo.*       | true",
        "foo.bar    | -          | foo.*       | false",
        "foo.>      | -          | foo.>       | true",
        "-          | foo.bar    | foo.*       | true",
        "-          | foo.*      | foo.>       | false",
        // odd subjects match nothing, so an allow list refuses them and a deny list lets them through
        "foo.>      | -          | foo..bar    | false",
        "-          | >          | foo.        | true",
    })
    void publish(String allow, String deny, String subject, boolean allowed) {
        Permissions permissions = Permissions.of(lists(allow, deny), null, null);

        assertThat(permissions.publishAllowed(subject)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "allow {0} deny {1}: sub {2} queue {3} -> {4}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "-               | -          | foo.bar | -  | true",
        // literal subscriptions against wildcard entries
        "foo.*           | -          | foo.bar | -  | true",
        "foo.>           | -          | foo.a.b | -  | true",
        "foo.bar         | -          | foo.baz | -  | false",
        // wildcard subscriptions: allowed by an entry at least as wide in the same places
        "foo.*           | -          | foo.*   | -  | true",
        "foo.>           | -          | foo.*   | -  | true",
        ">               | -          | *.*     | -  | true",
        "*.*             | -          | foo.*   | -  | true",
        "foo.bar         | -          | foo.*   | -  | false",
        "foo.*           | -          | *.*     | -  | false",
        "foo.*           | -          | *       | -  | false",
        "foo.*.baz       | -          | foo.>   | -  | false",
        "foo.>           | -          | >       | -  | false",
        // nats-server quirk (checked on 2.9.10): '>' in the subscription is one literal token to '*'
        "foo.*           | -          | foo.>   | -  | true",
        "foo.*           | -          | foo.*.> | -  | false",
        // deny: a wildcard subscription is refused only by an entry that matches it as literal
        "-               | foo.bar    | foo.bar | -  | false",
        "-               | foo.bar    | foo.*   | -  | true",
        "-               | foo.*      | foo.*   | -  | false",
        "-               | foo.>      | foo.*   | -  | false",
        "-               | foo.>      | foo.>   | -  | false",
        "-               | *.bar      | foo.*   | -  | true",
        "-               | foo.*      | foo.>   | -  | false",
        "-               | >          | foo     | -  | false",
        // deny beats allow
        "foo.>           | foo.bar    | foo.bar | -  | false",
        "foo.>           | foo.bar    | foo.baz | -  | true",
        "foo.>           | foo.*      | foo.*   | -  | false",
        // queue-aware allow entries
        "bar v1          | -          | bar     | -  | false",
        "bar v1          | -          | bar     | v1 | true",
        "bar v1          | -          | bar     | v2 | false",
        "baz,baz v1      | -          | baz     | -  | true",
        "baz,baz v1      | -          | baz     | v1 | true",
        "baz,baz v1      | -          | baz     | v2 | false",
        "foo             | -          | foo     | v9 | true",
        "q.* v.*         | -          | q.x     | v.y | true",
        "q.* v.*         | -          | q.x     | v  | false",
        "q.* v.*         | -          | q.x     | v.y.z | false",
        "q.* v.>         | -          | q.x     | v.y.z | true",
        "foo *           | -          | foo     | *  | true",
        // queue-aware deny entries
        "-               | qd v2      | qd      | v2 | false",
        "-               | qd v2      | qd      | v3 | true",
        "-               | qd v2      | qd      | -  | true",
        "-               | qd v.*     | qd      | v.x | false",
        "-               | qd v.*     | qd      | w.x | true",
        "bar v1          | bar v1     | bar     | v1 | false",
    })
    void subscribe(String allow, String deny, String subject, String queue, boolean allowed) {
        Permissions permissions = Permissions.of(null, lists(allow, deny), null);

        assertThat(permissions.subscribeAllowed(subject, queue)).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "deny {0}: deliver {1} queue {2} -> denied {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "foo.bar    | foo.bar | -  | true",
        "foo.bar    | foo.baz | -  | false",
        "foo.*      | foo.bar | -  | true",
        "*.bar      | foo.bar | v1 | true",
        "foo.>      | foo.a.b | -  | true",
        "foo.bar v1 | foo.bar | -  | false",
        "foo.bar v1 | foo.bar | v1 | true",
        "foo.bar v1 | foo.bar | v2 | false",
        "foo.* v.*  | foo.bar | v.1 | true",
    })
    void deliveryDeny(String deny, String subject, String queue, boolean denied) {
        Permissions permissions = Permissions.of(null, lists(null, deny), null);

        assertThat(permissions.deliveryDenied(subject, queue)).isEqualTo(denied);
    }

    @ParameterizedTest(name = "deny {0}: sub {1} queue {2} -> filter {3}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "foo.bar    | foo.*   | -  | true",
        "foo.bar    | >       | -  | true",
        "*.bar      | foo.*   | -  | true",
        "foo.bar    | baz.*   | -  | false",
        "foo.bar    | foo.baz | -  | false",
        "foo.bar    | foo.bar | v1 | true",
        "foo.bar v1 | foo.*   | -  | true",
        "foo.bar v1 | foo.baz | v1 | false",
    })
    void deliveryFilterIsNeededForWildcardOrQueueSubscriptionsThatOverlapADeny(String deny, String subject,
            String queue, boolean needed) {
        Permissions permissions = Permissions.of(null, lists(null, deny), null);

        assertThat(permissions.deliveryFilterNeeded(subject, queue)).isEqualTo(needed);
    }

    @Test
    void anEmptyAllowListAllowsNoPublishButEverySubscription() {
        Permissions permissions = Permissions.of(new SubjectPermission(List.of(), List.of()),
                new SubjectPermission(List.of(), List.of()), null);

        assertThat(permissions.publishAllowed("foo")).isFalse();
        assertThat(permissions.subscribeAllowed("foo", null)).isTrue();
        assertThat(permissions.subscribeAllowed(">", "q")).isTrue();
    }

    @Test
    void responsePermissionsTurnOffTheBlanketPublishAllowButKeepTheDenies() {
        Permissions onlyResponses = Permissions.of(null, null, ResponsePermission.defaults());
        Permissions withDeny = Permissions.of(SubjectPermission.denying("secret"), null, ResponsePermission.defaults());
        Permissions withAllow = Permissions.of(SubjectPermission.allowing("pub.>"), null, ResponsePermission.defaults());

        assertThat(onlyResponses.publishAllowed("anything")).isFalse();
        assertThat(onlyResponses.publish()).isEqualTo(new SubjectPermission(List.of(), List.of()));
        assertThat(withDeny.publish()).isEqualTo(new SubjectPermission(List.of(), List.of("secret")));
        assertThat(withAllow.publishAllowed("pub.x")).isTrue();
        assertThat(withAllow.publishAllowed("other")).isFalse();
    }

    @Test
    void responsePermissionsTakeNatsServerDefaultsForZeroes() {
        assertThat(new ResponsePermission(0, java.time.Duration.ZERO)).isEqualTo(ResponsePermission.defaults());
        assertThat(ResponsePermission.defaults().maxMessages()).isEqualTo(1);
        assertThat(ResponsePermission.defaults().expires()).hasMinutes(2);
        assertThat(new ResponsePermission(-1, java.time.Duration.ofSeconds(-1)).maxMessages()).isEqualTo(-1);
    }

    @Test
    void unrestrictedAllowsEverything() {
        Permissions none = Permissions.unrestricted();

        assertThat(none.isUnrestricted()).isTrue();
        assertThat(Permissions.of(null, null, null)).isSameAs(none);
        assertThat(Permissions.of(new SubjectPermission(null, List.of()), null, null).isUnrestricted()).isTrue();
        assertThat(none.restrictsPublish()).isFalse();
        assertThat(none.publishAllowed(">")).isTrue();
        assertThat(none.subscribeAllowed(">", "q")).isTrue();
        assertThat(none.deliveryDenied("foo", null)).isFalse();
        assertThat(none.deliveryFilterNeeded(">", null)).isFalse();
        assertThat(Permissions.of(null, null, ResponsePermission.defaults()).isUnrestricted()).isFalse();
    }

    @Test
    void invalidEntriesAreSkippedAndReportedInNatsServerWords() {
        Permissions permissions = Permissions.of(
                new SubjectPermission(List.of("foo..bar", "ok"), List.of("a b", "a b c", "x.>.y")),
                new SubjectPermission(List.of("sub\tq", "a b c", " spaced  "), List.of("d..e", "")), null);

        assertThat(permissions.problems()).containsExactly(
                "invalid publish subject \"foo..bar\"",
                "queue qualifier is not valid for publish deny subject \"a b\"",
                "invalid publish deny subject \"a b c\"",
                "invalid publish deny subject \"x.>.y\"",
                "invalid subject-queue \"a b c\"",
                "invalid subject-queue \"d..e\"",
                "invalid subject-queue \"\"");
        assertThat(permissions.publishAllowed("ok")).isTrue();
        assertThat(permissions.publishAllowed("foo..bar")).isFalse();
        assertThat(Permissions.of(new SubjectPermission(null, List.of("a b")), null, null).publishAllowed("a"))
                .as("the deny keeps its subject").isFalse();
        assertThat(permissions.subscribeAllowed("sub", "q")).as("split on any white space").isTrue();
        assertThat(permissions.subscribeAllowed("sub", null)).isFalse();
        assertThat(permissions.subscribeAllowed("spaced", null)).as("trimmed").isTrue();
    }

    @Test
    void aListOfOnlyInvalidEntriesStillExists() {
        Permissions permissions = Permissions.of(new SubjectPermission(List.of("a..b"), List.of()),
                new SubjectPermission(List.of("a b c"), List.of()), null);

        assertThat(permissions.publishAllowed("a")).isFalse();
        assertThat(permissions.subscribeAllowed("a", null)).isFalse();
    }

    @Test
    void goWhiteSpaceSplitsEntriesWhereJavaWouldNot() {
        Permissions permissions = Permissions.of(null,
                new SubjectPermission(List.of("a\u00A0q1", "b\u2003q2", "c\u001Cq3"), List.of()), null);

        assertThat(permissions.subscribeAllowed("a", "q1")).as("no-break space").isTrue();
        assertThat(permissions.subscribeAllowed("b", "q2")).as("em space").isTrue();
        assertThat(permissions.subscribeAllowed("c\u001Cq3", null)).as("not white space in Go").isTrue();
    }

    /** "a,b" is a list of two, "-" is no list; a deny of "-" is an empty deny list. */
    static SubjectPermission lists(String allow, String deny) {
        return new SubjectPermission(allow == null ? null : List.of(allow.split(",")),
                deny == null ? List.of() : List.of(deny.split(",")));
    }
}
