package io.natrium.adapter.monitor;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** nats-server's {@code Accountz}: the account names, or one account in detail. */
record AccountzJson(
        String serverId,
        Instant now,
        @OmitEmpty String systemAccount,
        @OmitEmpty List<String> accounts,
        @OmitEmpty AccountDetail accountDetail) {

    /** nats-server's {@code AccountInfo}. */
    record AccountDetail(
            String accountName,
            Instant updateTime,
            @OmitEmpty boolean isSystem,
            boolean expired,
            boolean complete,
            boolean jetstreamEnabled,
            int leafnodeConnections,
            int clientConnections,
            int subscriptions,
            @OmitEmpty Map<String, List<MapDest>> mappings,
            @OmitEmpty List<AccountzExports.ExtExport> exports,
            @OmitEmpty List<AccountzExports.ExtImport> imports,
            @OmitEmpty String jwt,
            @OmitEmpty String issuerKey,
            @OmitEmpty String nameTag,
            @OmitEmpty List<String> tags,
            @OmitEmpty JsonNode decodedJwt,
            @OmitEmpty List<VrIssue> validationResultJwt,
            @OmitEmpty Map<String, OffsetDateTime> revokedUser,
            SublistStatsJson sublistStats,
            @OmitEmpty Map<String, AccountzExports.ExtImport> responses) {
    }

    /** nats-server's {@code ExtVrIssues}: one finding of the JWT library's {@code Validate}. */
    record VrIssue(String description, boolean blocking, boolean timeCheck) {
    }

    /** nats-server's {@code MapDest}: a destination with its cumulative weight. */
    record MapDest(String subject, int weight, @OmitEmpty String cluster) {
    }
}
