package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.application.settings.ServerSettings;

/**
 * Turns a parsed configuration file into {@link ServerSettings}, with nats-server's keys, aliases, defaults and
 * messages. Every problem is collected (nothing stops at the first); an unknown top-level key is an error, an
 * out-of-scope block (cluster, JetStream, ...) a warning, and every key whose feature Natrium does not implement
 * yet is listed as unsupported, or refused with an error when ignoring it would be unsafe.
 */
public final class SettingsMapper {

    private static final KeyTable<FileDraft> TOP_LEVEL = KeyTable.strict();

    static {
        ServerKeys.register(TOP_LEVEL);
        LimitKeys.register(TOP_LEVEL);
        TimingKeys.register(TOP_LEVEL);
        LoggingKeys.register(TOP_LEVEL);
        MonitoringKeys.register(TOP_LEVEL);
        AuthorizationMapper.register(TOP_LEVEL);
        AccountsMapper.register(TOP_LEVEL);
        MappingsMapper.register(TOP_LEVEL);
        TlsKeys.register(TOP_LEVEL);
        OperatorMapper.register(TOP_LEVEL);
        WebsocketMapper.register(TOP_LEVEL);
        MqttMapper.register(TOP_LEVEL);
        ProxiesMapper.register(TOP_LEVEL);
        MetadataMapper.register(TOP_LEVEL);
        OutOfScopeKeys.register(TOP_LEVEL);
    }

    private SettingsMapper() {
    }

    /** The settings a configuration describes, on top of nats-server's defaults. */
    public static MappedSettings map(ConfigMap root) {
        return map(root, ServerSettings.defaults());
    }

    /** The settings a configuration describes, on top of the given ones. */
    public static MappedSettings map(ConfigMap root, ServerSettings base) {
        ConfigReader reader = new ConfigReader();
        FileDraft draft = new FileDraft(base);
        TOP_LEVEL.apply(root, draft, reader);
        return new MappedSettings(draft.settings.build(), reader.errors(), reader.warnings(), reader.notices(),
                reader.unsupported(), reader.refusals());
    }
}
