/**
 * nats-server's command line and configuration language, turned into immutable {@code ServerSettings}.
 *
 * <ul>
 *   <li>{@link io.natrium.adapter.config.CommandLine} parses the flags (Go's {@code flag} syntax: {@code -x} and
 *       {@code --x} alike, {@code -x=v} or {@code -x v}, booleans negated with {@code -x=false}, parsing stops at the
 *       first non-flag) into an action and {@link io.natrium.adapter.config.FlagOverrides}.</li>
 *   <li>{@link io.natrium.adapter.config.SettingsMapper} maps a parsed configuration tree (package
 *       {@code syntax}) onto settings, one mapper class per block, with nats-server's keys, aliases and
 *       messages.</li>
 *   <li>{@link io.natrium.adapter.config.ConfigurationLoader} puts them together (file, then flags, then
 *       defaults for zero values, then checks across options) at start and on reload, and
 *       {@link io.natrium.adapter.config.SettingsDiff} says what a reload changes and whether it may.</li>
 * </ul>
 */
package io.natrium.adapter.config;
