/** MQTT's view of subjects: topics and topic filters, mapped to and from NATS subjects as nats-server maps them. */
package io.natrium.domain.mqtt;
