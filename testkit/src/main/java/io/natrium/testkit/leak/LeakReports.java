package io.natrium.testkit.leak;

import java.util.ArrayList;
import java.util.List;

/** The leak reports Netty made since the last look. */
public final class LeakReports {

    private static final List<String> REPORTS = new ArrayList<>();

    private LeakReports() {
    }

    static synchronized void add(String report) {
        REPORTS.add(report);
    }

    /** The reports so far, forgetting them. */
    public static synchronized List<String> take() {
        List<String> taken = new ArrayList<>(REPORTS);
        REPORTS.clear();
        return taken;
    }
}
