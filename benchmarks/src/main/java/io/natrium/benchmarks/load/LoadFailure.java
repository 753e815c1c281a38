package io.natrium.benchmarks.load;

import java.io.IOException;

/** A run that did not do what it must: wrong delivery counts, an unexpected answer, a stall. Reported as FAILED. */
final class LoadFailure extends IOException {

    LoadFailure(String message) {
        super(message);
    }
}
