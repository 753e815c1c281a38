/**
 * Text as Go and nats-server write it, for their messages, logs and JSON to be reproduced byte for byte:
 * {@link io.natrium.domain.text.GoStrings} ({@code %q} of strings and bytes, encoding/json's string escapes),
 * {@link io.natrium.domain.text.GoDurations} ({@code time.Duration} and {@code time.ParseDuration}, nats-server's
 * uptime), {@link io.natrium.domain.text.GoTimes} (a {@code time.Time} in JSON) and
 * {@link io.natrium.domain.text.GoFloats} ({@code float64} in JSON and {@code fmt}). Every module that writes such
 * text uses these, so there is one copy of each rule.
 */
package io.natrium.domain.text;
