package io.natrium.bootstrap.conformance;

import io.natrium.testkit.RawClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Named;

/** The protocol text the conformance tests send and expect, and readers for frames whose order may vary. */
final class Wire {

    static final String QUIET = "{\"verbose\":false,\"pedantic\":false}";
    static final String HEADERS = "{\"verbose\":false,\"pedantic\":false,\"headers\":true}";
    static final String PING = "PING\r\n";
    static final String PONG = "PONG\r\n";
    static final String OK = "+OK\r\n";

    /** An INFO line, with its JSON as group 1. */
    static final Pattern INFO_LINE = Pattern.compile("\\AINFO (\\{[^\r\n]*\\}) \r\n");

    private static final Pattern FRAME =
            Pattern.compile("\\A(?:PONG\r\n|MSG (\\S+) (\\S+) (?:(\\S+) )?(\\d+)\r\n)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Wire() {
    }

    /** A message as a subscriber received it; {@code reply} is null when there was none. */
    record Msg(String subject, String sid, String reply, String payload) {
    }

    static String connect(String json) {
        return "CONNECT " + json + "\r\n";
    }

    static String pub(String subject, String payload) {
        return "PUB " + subject + " " + length(payload) + "\r\n" + payload + "\r\n";
    }

    static String pub(String subject, String reply, String payload) {
        return "PUB " + subject + " " + reply + " " + length(payload) + "\r\n" + payload + "\r\n";
    }

    static String msg(String subject, String sid, String payload) {
        return "MSG " + subject + " " + sid + " " + length(payload) + "\r\n" + payload + "\r\n";
    }

    static String err(String text) {
        return "-ERR '" + text + "'\r\n";
    }

    /** Sends CONNECT (non-verbose) and PING, and expects nothing but the PONG. */
    static RawClient session(RawClient greeted, String connectJson) throws IOException {
        greeted.send(connect(connectJson) + PING).expect(PONG);
        return greeted;
    }

    /** Reads an INFO line and returns its JSON. */
    static JsonNode info(RawClient client) throws IOException {
        Matcher line = client.expectPattern(INFO_LINE);
        return JSON.readTree(line.group(1));
    }

    /** The names of an object's fields, in their order. */
    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The compact form of this JSON text, as Go's encoder writes it. */
    static String compact(String json) throws IOException {
        return JSON.writeValueAsString(JSON.readTree(json));
    }

    /**
     * Sends PING and reads MSG frames up to the PONG. The PONG is queued after everything that was queued for the
     * client before the PING was read, so these are all the messages delivered up to then.
     */
    static List<Msg> messagesUntilPong(RawClient client) throws IOException {
        client.send(PING);
        List<Msg> messages = new ArrayList<>();
        for (Matcher frame = client.expectPattern(FRAME); frame.group(1) != null;
                frame = client.expectPattern(FRAME)) {
            int size = Integer.parseInt(frame.group(4));
            Matcher body = client.expectPattern(Pattern.compile("\\A(?s)(.{" + size + "})\r\n"));
            messages.add(new Msg(frame.group(1), frame.group(2), frame.group(3), body.group(1)));
        }
        return messages;
    }

    /** The protocol text as a test argument, displayed with its line ends escaped. */
    static Named<String> shown(String text) {
        return Named.of(text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t"), text);
    }

    private static int length(String payload) {
        return payload.getBytes(StandardCharsets.UTF_8).length;
    }
}
