package io.natrium.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.config.syntax.ConfigParser;
import io.natrium.application.port.out.ReloadPlan;
import io.natrium.application.settings.MqttDeliverySettings;
import io.natrium.application.settings.MqttSettings;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.Setting;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The lines a reload logs, read from files as the server reads them; each expectation is what nats-server 2.9.10
 * logged for the same pair of files.
 */
class ReloadNoticesTest {

    private static final String NKEY = "UDXU4RCSJNZOIQHZNWXHXORDPRTGNJAHAHFRGZNEEJCPQTT2M7NLCNF4";
    private static final String BCRYPT = "$2a$10$XajjQvNhvvRt5GSeFk1xFeyqRrsxkhBkUiQeg0dt.wU1qD4aFDcga";
    private static final String OTHER_BCRYPT = "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui";

    private String file;

    @Test
    void aNewPasswordIsNamedAndNotShown() {
        List<String> lines = reload("authorization {user: u1, password: \"first-secret\"}",
                "authorization {user: u1, password: \"second-secret\"}");

        assertThat(lines).containsExactly("Reloaded: authorization users", "Reloaded: accounts",
                "Reloaded: authorization password");
    }

    @Test
    void aNewUserAndPasswordAreNamedInOptionOrder() {
        List<String> lines = reload("authorization {user: u1, password: \"first-secret\"}",
                "authorization {user: u2, password: \"second-secret\"}");

        assertThat(lines).containsExactly("Reloaded: authorization users", "Reloaded: accounts",
                "Reloaded: authorization username", "Reloaded: authorization password");
    }

    @Test
    void aNewTokenIsNamedAndNotShown() {
        List<String> lines = reload("authorization {token: \"first-token\"}",
                "authorization {token: \"second-token\", timeout: 0.5}");

        assertThat(lines).containsExactly("Reloaded: authorization users", "Reloaded: accounts",
                "Reloaded: authorization token", "Reloaded: authorization timeout = 0.5");
        assertThat(String.join("\n", lines)).doesNotContain("first-token", "second-token");
    }

    @Test
    void changedBcryptHashesAndAccountPasswordsShowOnlyThatUsersChanged() {
        List<String> lines = reload(
                "authorization {users: [{user: b, password: \"" + BCRYPT + "\"}]}\n"
                        + "accounts {A: {users: [{user: a, password: account-secret-one}]}}",
                "authorization {users: [{user: b, password: \"" + OTHER_BCRYPT + "\"}]}\n"
                        + "accounts {A: {users: [{user: a, password: account-secret-two}]}}");

        assertThat(lines).containsExactly("Reloaded: authorization users", "Reloaded: accounts");
    }

    @Test
    void changedNkeyUsersComeFirst() {
        List<String> lines = reload("authorization {users: [{nkey: " + NKEY + "}]}",
                "authorization {users: [{nkey: " + NKEY + ", permissions: {publish: a}}]}");

        assertThat(lines).containsExactly("Reloaded: authorization nkey users", "Reloaded: authorization users",
                "Reloaded: accounts");
    }

    @Test
    void unchangedGlobalNkeyUsersAreNotNamed() {
        List<String> lines = reload("max_payload: 1000\nauthorization {users: [{nkey: " + NKEY + "}]}",
                "max_payload: 2000\nauthorization {users: [{nkey: " + NKEY + "}]}");

        assertThat(lines).containsExactly("Reloaded: authorization users", "Reloaded: accounts",
                "Reloaded: max_payload = 2000");
    }

    @Test
    void accountNkeyUsersAlwaysDifferAsInNatsServer() {
        List<String> lines = reload("max_payload: 1000\naccounts {A: {users: [{nkey: " + NKEY + "}]}}",
                "max_payload: 2000\naccounts {A: {users: [{nkey: " + NKEY + "}]}}");

        assertThat(lines).containsExactly("Reloaded: authorization nkey users", "Reloaded: authorization users",
                "Reloaded: accounts", "Reloaded: max_payload = 2000");
    }

    @Test
    void anUnchangedFileStillReloadsUsersAndAccounts() {
        assertThat(reload("max_payload: 1000", "max_payload: 1000"))
                .containsExactly("Reloaded: authorization users", "Reloaded: accounts");
    }

    @Test
    void valuesAreWordedAndOrderedAsNatsServerLogsThem() {
        List<String> lines = reload("""
                client_advertise: "a:1"
                server_tags: [a]
                ping_interval: "1m"
                write_deadline: "3s"
                max_control_line: 1000
                max_connections: 10
                logtime: false
                """, """
                client_advertise: "b:1"
                server_tags: [b]
                ping_interval: "2m"
                write_deadline: "4s"
                max_control_line: 0
                max_connections: 20
                logtime: true
                trace: true
                ping_max: 3
                max_traced_msg_len: 10
                """);

        assertThat(lines).containsExactly("Reload: client_advertise = b:1", "Reloaded: trace = true",
                "Reloaded: logtime = true", "Reloaded: max_connections = 20", "Reloaded: authorization users",
                "Reloaded: accounts", "Reloaded: ping_interval = 2m0s", "Reloaded: ping_max = 3",
                "Reloaded: max_control_line = 4096", "Reloaded: write_deadline = 4s",
                "Reloaded: max_traced_msg_len = 10", "Reloaded: tags");
    }

    @Test
    void everyReloadableMqttOptionIsListedWhenOneChanges() {
        // An mqtt block stops the start until MQTT lands, so the notice is checked on settings made directly.
        ServerSettings running = ServerSettings.builder().mqtt(mqttWithAckWait(Duration.ZERO)).build();
        ServerSettings reloaded = ServerSettings.builder().mqtt(mqttWithAckWait(Duration.ofMinutes(1))).build();

        List<String> lines = ReloadNotices.between(running, reloaded,
                List.of(new SettingChange(Setting.MQTT, running.mqtt(), reloaded.mqtt(), null)));

        assertThat(lines).containsExactly("Reloaded: authorization users", "Reloaded: accounts",
                "Reloaded: MQTT ack_wait = 1m0s", "Reloaded: MQTT max_ack_pending = 0",
                "Reloaded: MQTT stream_replicas = 0", "Reloaded: MQTT consumer_replicas = 0",
                "Reloaded: MQTT consumer_memory_storage = false", "Reloaded: MQTT consumer_inactive_threshold = 0s");
    }

    private static MqttSettings mqttWithAckWait(Duration ackWait) {
        return new MqttSettings(null, 1883, null, null, null, new MqttDeliverySettings(ackWait, 0, Duration.ZERO,
                null, 0, false, Duration.ZERO, false, false));
    }

    private List<String> reload(String before, String after) {
        file = before;
        ConfigurationLoader loader = new ConfigurationLoader(path -> ConfigParser.parseText(file, name -> null));
        CommandLine.Parsed commandLine = parse("-c", "n.conf");
        ServerSettings running = loader.load(commandLine).settings();
        file = after;

        ReloadPlan plan = new FileConfigurationSource(loader, commandLine).reread(running);

        assertThat(plan.errors()).isEmpty();
        return plan.changes();
    }

    private static CommandLine.Parsed parse(String... arguments) {
        try {
            return CommandLine.parse(arguments);
        } catch (CommandLineException e) {
            throw new AssertionError(e);
        }
    }
}
