package io.natrium.adapter.protocol;

import io.natrium.application.port.out.OcspPeerEvent;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.Base64;

/**
 * nats-server's {@code OCSPPeerRejectEventMsg} and {@code OCSPPeerChainlinkInvalidEventMsg}: the typed event's
 * fields, the kind (reject) or the link (link invalid), the peer, the server, the reason; each certificate as
 * {@code certidp.CertInfo} with its empty fields left out and the DER in base64.
 */
final class OcspPeerEventJson {

    static final String REJECT_TYPE = "io.nats.server.advisory.v1.ocsp_peer_reject";
    static final String LINK_TYPE = "io.nats.server.advisory.v1.ocsp_peer_link_invalid";

    private OcspPeerEventJson() {
    }

    static String write(OcspPeerEvent event) {
        return ServerMessageJson.write(json -> {
            json.writeStartObject();
            json.writeStringField("type", event.link() == null ? REJECT_TYPE : LINK_TYPE);
            json.writeStringField("id", event.id());
            ServerMessageJson.time(json, "timestamp", event.timestamp());
            if (event.link() == null) {
                json.writeStringField("kind", event.kind());
            } else {
                certificate(json, "link", event.link());
            }
            certificate(json, "peer", event.peer());
            EventJson.server(json, event.server());
            json.writeStringField("reason", event.reason());
            json.writeEndObject();
        });
    }

    private static void certificate(JsonGenerator json, String name, OcspPeerEvent.Certificate certificate)
            throws IOException {
        json.writeObjectFieldStart(name);
        ServerMessageJson.optional(json, "subject", certificate.subject());
        ServerMessageJson.optional(json, "issuer", certificate.issuer());
        ServerMessageJson.optional(json, "fingerprint", certificate.fingerprint());
        if (certificate.raw() != null && certificate.raw().length > 0) {
            json.writeStringField("raw", Base64.getEncoder().encodeToString(certificate.raw()));
        }
        json.writeEndObject();
    }
}
