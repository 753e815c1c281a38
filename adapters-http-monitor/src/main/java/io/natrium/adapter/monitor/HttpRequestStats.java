package io.natrium.adapter.monitor;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Requests per endpoint, keyed by the endpoint's path without the base path (/varz's {@code http_req_stats}). */
final class HttpRequestStats {

    private final ConcurrentHashMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String path) {
        counts.computeIfAbsent(path, key -> new LongAdder()).increment();
    }

    /** The counts so far, sorted by path. */
    Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        counts.forEach((path, count) -> copy.put(path, count.sum()));
        return copy;
    }
}
