package io.natrium.application.account;

import io.natrium.application.port.InboundMessage;
import io.natrium.domain.account.ServiceLatency;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Whether a request through a service export with latency tracking is measured, as nats-server decides it: always at
 * 100%, else by chance at the sampling percentage, else when its tracing headers (Jaeger's {@code Uber-Trace-Id},
 * Zipkin's B3 headers, W3C's {@code Traceparent}) say the trace is sampled. A request measured because of its
 * headers carries them into the report.
 */
final class LatencySampling {

    /** A measured request, with the tracing headers that decided it by canonical key ({@code null} when none did). */
    record Sample(Map<String, List<String>> header) {
    }

    private static final int PERCENT = 100;
    private static final String UBER = "Uber-Trace-Id";
    private static final String UBER_CONTEXT_PREFIX = "Uberctx-";
    private static final String TRACE_CONTEXT = "Traceparent";
    private static final String TRACE_STATE = "Tracestate";
    private static final String B3 = "B3";
    private static final String B3_SAMPLED = "X-B3-Sampled";
    private static final String B3_TRACE_ID = "X-B3-Traceid";
    private static final String B3_PARENT_SPAN_ID = "X-B3-Parentspanid";
    private static final String B3_SPAN_ID = "X-B3-Spanid";
    private static final Sample BY_CHANCE = new Sample(null);

    private LatencySampling() {
    }

    /** The sample, or null when this request is not measured. */
    static Sample decide(ServiceLatency latency, InboundMessage request) {
        if (latency == null || latency.samplingPercent() < 0) {
            return null;
        }
        int percent = latency.samplingPercent();
        if (percent >= PERCENT || percent > 0 && ThreadLocalRandom.current().nextInt(PERCENT) <= percent) {
            return BY_CHANCE;
        }
        return byHeaders(headers(request));
    }

    static Sample byHeaders(Map<String, List<String>> headers) {
        if (headers.isEmpty()) {
            return null;
        }
        List<String> uber = headers.get(UBER);
        if (uber != null) {
            return uberSampled(uber.get(0)) ? sample(uberHeaders(headers, uber)) : null;
        }
        List<String> b3Sampled = headers.get(B3_SAMPLED);
        if (b3Sampled != null && b3Sampled.get(0).equals("1")) {
            return sample(b3Headers(headers));
        }
        if (b3Sampled != null && b3Sampled.get(0).equals("0")) {
            return null;
        }
        if (headers.containsKey(B3_TRACE_ID)) {
            return sample(b3Headers(headers));
        }
        List<String> b3 = headers.get(B3);
        if (b3 != null) {
            String[] tokens = b3.get(0).split("-", -1);
            boolean denied = tokens.length > 2 && tokens[2].equals("0") || tokens.length == 1 && tokens[0].equals("0");
            return denied ? null : sample(Map.of(B3, b3));
        }
        List<String> traceParent = headers.get(TRACE_CONTEXT);
        if (traceParent != null) {
            return traceContextSampled(traceParent.get(0)) ? sample(traceContextHeaders(headers, traceParent)) : null;
        }
        return null;
    }

    /** Jaeger: {@code trace:span:parent:flags}, sampled when the flags' lowest bit is set. */
    private static boolean uberSampled(String value) {
        String[] tokens = value.split(":", -1);
        if (tokens.length != 4 || tokens[3].isEmpty() || tokens[3].length() > 2) {
            return false;
        }
        int flags = hex(tokens[3].length() == 1 ? "0" + tokens[3] : tokens[3]);
        return flags >= 0 && (flags & 1) == 1;
    }

    /** W3C: {@code version-trace-parent-flags}, sampled when the two-digit flags have their lowest bit set. */
    private static boolean traceContextSampled(String value) {
        String[] tokens = value.split("-", -1);
        if (tokens.length != 4 || tokens[3].getBytes(StandardCharsets.UTF_8).length != 2) {
            return false;
        }
        // Go parses the flags as a signed 8-bit number, so values above 7f fail.
        int flags = hex(tokens[3]);
        return flags >= 0 && flags <= Byte.MAX_VALUE && (flags & 1) == 1;
    }

    private static int hex(String digits) {
        try {
            return Integer.parseInt(digits, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Map<String, List<String>> uberHeaders(Map<String, List<String>> headers, List<String> id) {
        Map<String, List<String>> kept = new TreeMap<>(Map.of(UBER, id));
        headers.forEach((key, values) -> {
            if (key.startsWith(UBER_CONTEXT_PREFIX)) {
                kept.put(key, values);
            }
        });
        return kept;
    }

    private static Map<String, List<String>> b3Headers(Map<String, List<String>> headers) {
        Map<String, List<String>> kept = new TreeMap<>();
        for (String key : new String[] {B3_SAMPLED, B3_TRACE_ID, B3_PARENT_SPAN_ID, B3_SPAN_ID}) {
            if (headers.containsKey(key)) {
                kept.put(key, headers.get(key));
            }
        }
        return kept;
    }

    private static Map<String, List<String>> traceContextHeaders(Map<String, List<String>> headers,
            List<String> parent) {
        Map<String, List<String>> kept = new TreeMap<>(Map.of(TRACE_CONTEXT, parent));
        if (headers.containsKey(TRACE_STATE)) {
            kept.put(TRACE_STATE, headers.get(TRACE_STATE));
        }
        return kept;
    }

    /** The headers in key order, as the report lists them. */
    private static Sample sample(Map<String, List<String>> header) {
        return new Sample(new TreeMap<>(header));
    }

    /** The request's headers by canonical MIME key ({@code x-b3-traceid} becomes {@code X-B3-Traceid}). */
    static Map<String, List<String>> headers(InboundMessage request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (request.headerLength() == 0) {
            return headers;
        }
        byte[] block = new byte[request.headerLength()];
        request.copyBody(0, block, 0, block.length);
        String[] lines = new String(block, StandardCharsets.UTF_8).split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.computeIfAbsent(canonical(lines[i].substring(0, colon).trim()), key -> new ArrayList<>())
                        .add(lines[i].substring(colon + 1).trim());
            }
        }
        return headers;
    }

    /** Go's {@code textproto.CanonicalMIMEHeaderKey}: each dash-separated word capitalised. */
    static String canonical(String key) {
        StringBuilder canonical = new StringBuilder(key.length());
        boolean upper = true;
        for (char c : key.toCharArray()) {
            canonical.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        return canonical.toString();
    }
}
