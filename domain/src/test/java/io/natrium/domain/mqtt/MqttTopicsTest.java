package io.natrium.domain.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MqttTopicsTest {

    /** nats-server 2.9.10's TestMQTTTopicAndSubjectConversion table, both ways. */
    @ParameterizedTest(name = "{0} <-> {1}")
    @CsvSource(delimiter = '|', value = {
        "/|/./", "//|/././", "///|/./././", "////|/././././", "foo|foo", "/foo|/.foo", "//foo|/./.foo",
        "///foo|/././.foo", "///foo/|/././.foo./", "///foo//|/././.foo././", "///foo///|/././.foo./././",
        "foo/bar|foo.bar", "/foo/bar|/.foo.bar", "/foo/bar/|/.foo.bar./", "foo/bar/baz|foo.bar.baz",
        "/foo/bar/baz|/.foo.bar.baz", "/foo/bar/baz/|/.foo.bar.baz./", "bar/|bar./", "bar//|bar././",
        "bar///|bar./././", "foo//bar|foo./.bar", "foo///bar|foo././.bar", "foo////bar|foo./././.bar"})
    void mapsTopicsAsNatsServerDoes(String topic, String subject) throws InvalidTopicException {
        assertThat(MqttTopics.publishSubject(topic)).isEqualTo(subject);
        assertThat(MqttTopics.filterSubject(topic)).isEqualTo(subject);
        assertThat(MqttTopics.topic(subject)).isEqualTo(topic);
    }

    /** nats-server 2.9.10's TestMQTTFilterConversion table. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "+|*", "/+|/.*", "+/|*./", "/+/|/.*./", "foo/+|foo.*", "foo/+/|foo.*./", "foo/+/bar|foo.*.bar",
        "foo/+/+|foo.*.*", "foo/+/+/|foo.*.*./", "foo/+/+/bar|foo.*.*.bar", "foo//+|foo./.*", "foo//+/|foo./.*./",
        "foo//+//|foo./.*././", "foo//+//bar|foo./.*./.bar", "foo///+///bar|foo././.*././.bar", "#|>", "/#|/.>",
        "/foo/#|/.foo.>", "foo/#|foo.>", "foo//#|foo./.>", "foo///#|foo././.>", "foo/bar/#|foo.bar.>"})
    void mapsFiltersAsNatsServerDoes(String filter, String subject) throws InvalidTopicException {
        assertThat(MqttTopics.filterSubject(filter)).isEqualTo(subject);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "foo/+|wildcards not allowed in publish's topic: \"foo/+\"",
        "foo/#|wildcards not allowed in publish's topic: \"foo/#\"",
        "foo bar|characters ' ' and '.' not supported for MQTT topics",
        "foo.bar|characters ' ' and '.' not supported for MQTT topics"})
    void refusesWhatNatsServerRefusesInPublishTopics(String topic, String message) {
        assertThatThrownBy(() -> MqttTopics.publishSubject(topic)).isInstanceOf(InvalidTopicException.class)
                .hasMessage(message);
    }

    @Test
    void refusesDotsSpacesAndEmptinessInFilters() {
        assertThatThrownBy(() -> MqttTopics.filterSubject("a/b.c/#")).hasMessageContaining("not supported");
        assertThatThrownBy(() -> MqttTopics.filterSubject("a/ /+")).hasMessageContaining("not supported");
        assertThatThrownBy(() -> MqttTopics.filterSubject("")).hasMessage("topic filter cannot be empty");
        assertThatThrownBy(() -> MqttTopics.publishSubject("")).hasMessage("topic cannot be empty");
    }

    @Test
    void aMultiLevelFilterAlsoNeedsItsParentLevel() {
        assertThat(MqttTopics.levelUpSubject("foo.bar.>")).isEqualTo("foo.bar");
        assertThat(MqttTopics.levelUpSubject("/.>")).isEqualTo("/");
        assertThat(MqttTopics.levelUpSubject(">")).isNull();
        assertThat(MqttTopics.levelUpSubject("foo.*")).isNull();
        assertThat(MqttTopics.levelUpSubject("a>")).isNull();
    }

    @Test
    void keepsMultiByteLevelsAsTheyAre() throws InvalidTopicException {
        assertThat(MqttTopics.publishSubject("häuser/zürich")).isEqualTo("häuser.zürich");
        assertThat(MqttTopics.topic("häuser./.zürich")).isEqualTo("häuser//zürich");
    }

    /**
     * Every topic and filter over {@code a}, {@code /}, {@code +} and {@code #} up to 7 characters against the rule
     * the conversion implements, stated level by level: an empty level is the token {@code /}, {@code +} is
     * {@code *}, {@code #} is {@code >}, levels are joined by {@code .}. Also: topics round-trip, distinct topics
     * never share a subject, and no subject has an empty token.
     */
    @Test
    void everySmallTopicFollowsTheLevelRuleAndRoundTrips() throws InvalidTopicException {
        Map<String, String> topicOfSubject = new HashMap<>();
        int checked = 0;
        for (String topic : words("a/+#", 7)) {
            String expected = byLevels(topic);
            assertThat(MqttTopics.filterSubject(topic)).as(topic).isEqualTo(expected);
            assertThat(expected.split("\\.", -1)).as(topic).doesNotContain("");
            if (topic.indexOf('+') < 0 && topic.indexOf('#') < 0) {
                String subject = MqttTopics.publishSubject(topic);
                assertThat(MqttTopics.topic(subject)).as(subject).isEqualTo(topic);
                assertThat(topicOfSubject.put(subject, topic)).as(subject).isNull();
                byte[] bytes = ("xx" + subject).getBytes(StandardCharsets.UTF_8);
                byte[] target = new byte[subject.length()];
                int length = MqttTopics.topic(bytes, 2, bytes.length - 2, target);
                assertThat(new String(target, 0, length, StandardCharsets.UTF_8)).isEqualTo(topic);
            } else {
                assertThatThrownBy(() -> MqttTopics.publishSubject(topic)).isInstanceOf(InvalidTopicException.class);
            }
            checked++;
        }
        assertThat(checked).isEqualTo((int) ((Math.pow(4, 8) - 1) / 3) - 1);
    }

    private static String byLevels(String topic) {
        List<String> tokens = new ArrayList<>();
        for (String level : topic.split("/", -1)) {
            tokens.add(level.isEmpty() ? "/" : level.replace('+', '*').replace('#', '>'));
        }
        return String.join(".", tokens);
    }

    private static List<String> words(String alphabet, int maxLength) {
        List<String> words = new ArrayList<>();
        List<String> previous = List.of("");
        for (int length = 1; length <= maxLength; length++) {
            List<String> current = new ArrayList<>();
            for (String word : previous) {
                for (char c : alphabet.toCharArray()) {
                    current.add(word + c);
                }
            }
            words.addAll(current);
            previous = current;
        }
        return words;
    }
}
