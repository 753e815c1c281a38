package io.natrium.benchmarks.load;

/**
 * The NATS matching rule, plainly: a filter matches a subject token by token, {@code *} matching any one token and
 * a final {@code >} one or more. Used to compute expected deliveries, so it is kept independent of the server's
 * sublist.
 */
final class SubjectMatcher {

    private SubjectMatcher() {
    }

    static String[] tokens(String subject) {
        return subject.split("\\.", -1);
    }

    static boolean matches(String[] filter, String[] subject) {
        for (int i = 0; i < filter.length; i++) {
            if (filter[i].equals(">")) {
                return subject.length > i;
            }
            if (i >= subject.length || !(filter[i].equals("*") || filter[i].equals(subject[i]))) {
                return false;
            }
        }
        return filter.length == subject.length;
    }
}
