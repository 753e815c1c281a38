package io.natrium.adapter.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.in.AccountQueryUseCase;
import io.natrium.application.port.in.monitoring.AccountExport;
import io.natrium.application.port.in.monitoring.AccountImport;
import io.natrium.application.port.in.monitoring.AccountInfo;
import io.natrium.application.port.in.monitoring.AccountJwtInfo;
import io.natrium.application.port.in.monitoring.AccountStatistics;
import io.natrium.application.port.in.monitoring.Accounts;
import io.natrium.application.port.in.monitoring.MappedDestination;
import io.natrium.application.port.in.monitoring.QueryResult;
import io.natrium.application.settings.ExportKind;
import io.natrium.application.settings.LatencySettings;
import io.natrium.application.settings.ResponseType;
import io.natrium.domain.jwt.ValidationIssue;
import io.natrium.domain.sublist.SublistStats;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** /accountz?acc= written as nats-server writes its {@code AccountInfo}, exports, imports and mappings included. */
class AccountzEndpointTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:01Z");
    private static final Instant STARTED = Instant.parse("2026-01-01T12:00:00Z");

    @Test
    void anAccountIsWrittenWithTheKeysAndOrderOfNatsServer() {
        AccountInfo detail = new AccountInfo("A", STARTED, false, false, true, false, 0, 2, 3,
                Map.of("w", List.of(new MappedDestination("w1", 40, ""), new MappedDestination("w2", 100, "")),
                        "in.>", List.of(new MappedDestination("out.>", 100, ""))),
                List.of(new AccountExport(ExportKind.SERVICE, "private", ResponseType.SINGLETON, List.of("B"),
                                new LatencySettings(0, true, "lat.results")),
                        new AccountExport(ExportKind.SERVICE, "help.>", ResponseType.STREAM, List.of(), null),
                        new AccountExport(ExportKind.STREAM, "news.>", null, List.of(), null)),
                List.of(new AccountImport(ExportKind.STREAM, "s.>", "C", null, "from_c.s.>", false, false, false,
                                null),
                        new AccountImport(ExportKind.SERVICE, "chelp", "C", "help", null, false, true, false,
                                new LatencySettings(50, false, "c.lat"))),
                new SublistStats(3, 0, 3, 0, 0, 0, 0, 0, 0));

        String json = respond(new Accounts("NID", NOW, null, null, detail), "A");

        assertThat(json).isEqualTo("""
                {
                  "server_id": "NID",
                  "now": "2026-01-01T12:00:01Z",
                  "account_detail": {
                    "account_name": "A",
                    "update_time": "2026-01-01T12:00:00Z",
                    "expired": false,
                    "complete": true,
                    "jetstream_enabled": false,
                    "leafnode_connections": 0,
                    "client_connections": 2,
                    "subscriptions": 3,
                    "mappings": {
                      "in.\\u003e": [
                        {
                          "subject": "out.\\u003e",
                          "weight": 100
                        }
                      ],
                      "w": [
                        {
                          "subject": "w1",
                          "weight": 40
                        },
                        {
                          "subject": "w2",
                          "weight": 100
                        }
                      ]
                    },
                    "exports": [
                      {
                        "subject": "private",
                        "type": "service",
                        "response_type": "Singleton",
                        "service_latency": {
                          "sampling": "headers",
                          "results": "lat.results"
                        },
                        "approved_accounts": [
                          "B"
                        ]
                      },
                      {
                        "subject": "help.\\u003e",
                        "type": "service",
                        "response_type": "Streamed"
                      },
                      {
                        "subject": "news.\\u003e",
                        "type": "stream"
                      }
                    ],
                    "imports": [
                      {
                        "subject": "s.\\u003e",
                        "account": "C",
                        "local_subject": "from_c.s.\\u003e",
                        "type": "stream",
                        "invalid": false,
                        "share": false,
                        "tracking": false
                      },
                      {
                        "subject": "chelp",
                        "account": "C",
                        "to": "help",
                        "type": "service",
                        "invalid": false,
                        "share": true,
                        "tracking": false,
                        "latency": {
                          "sampling": 50,
                          "results": "c.lat"
                        }
                      }
                    ],
                    "sublist_stats": {
                      "num_subscriptions": 3,
                      "num_cache": 0,
                      "num_inserts": 3,
                      "num_removes": 0,
                      "num_matches": 0,
                      "cache_hit_rate": 0,
                      "max_fanout": 0,
                      "avg_fanout": 0
                    }
                  }
                }""");
    }

    @Test
    void anAccountWithoutMappingsExportsOrImportsLeavesThemOut() {
        AccountInfo detail = new AccountInfo("B", STARTED, false, false, true, false, 0, 0, 0, Map.of(), List.of(),
                List.of(), new SublistStats(0, 0, 0, 0, 0, 0, 0, 0, 0));

        String json = respond(new Accounts("NID", NOW, null, null, detail), "B");

        assertThat(json).doesNotContain("mappings", "exports", "imports", "is_system", "system_account");
    }

    @Test
    void theAccountNamesAreListed() {
        String json = respond(new Accounts("NID", NOW, null, List.of("$G", "A", "B"), null), "");

        assertThat(json).isEqualTo("""
                {
                  "server_id": "NID",
                  "now": "2026-01-01T12:00:01Z",
                  "accounts": [
                    "$G",
                    "A",
                    "B"
                  ]
                }""");
    }

    /** The decoded JWT keeps the struct order the domain wrote, though the monitor's mapper sorts map keys. */
    @Test
    void anAccountJwtIsShownWithItsClaimsInStructOrder() {
        Map<String, Object> limits = new LinkedHashMap<>();
        limits.put("subs", -1L);
        limits.put("conn", 2L);
        Map<String, Object> nats = new LinkedHashMap<>();
        nats.put("limits", limits);
        nats.put("default_permissions", Map.of("pub", Map.of()));
        nats.put("type", "account");
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("jti", "J");
        claims.put("iat", 5L);
        claims.put("nats", nats);
        AccountJwtInfo jwt = new AccountJwtInfo("eyJ.x.y", "OP", "APP", List.of("t:1"), claims,
                Map.of("UB", Instant.ofEpochSecond(2), "*", Instant.ofEpochSecond(1)), List.of());
        AccountInfo detail = new AccountInfo("AK", STARTED, false, false, true, false, 0, 0, 0, Map.of(), List.of(),
                List.of(), new SublistStats(0, 0, 0, 0, 0, 0, 0, 0, 0), jwt);

        String json = respond(new Accounts("NID", NOW, null, null, detail), "AK");

        assertThat(json).contains("""
                    "jwt": "eyJ.x.y",
                    "issuer_key": "OP",
                    "name_tag": "APP",
                    "tags": [
                      "t:1"
                    ],
                    "decoded_jwt": {
                      "jti": "J",
                      "iat": 5,
                      "nats": {
                        "limits": {
                          "subs": -1,
                          "conn": 2
                        },
                        "default_permissions": {
                          "pub": {}
                        },
                        "type": "account"
                      }
                    },
                    "revoked_user": {
                      "*": "1970-01-01T00:00:01Z",
                      "UB": "1970-01-01T00:00:02Z"
                    },
                    "sublist_stats": {""".indent(4).stripTrailing());
    }

    /** nats-server makes each revocation a {@code time.Unix}, which Go writes in {@code time.Local}. */
    @Test
    void revocationTimesAreWrittenInTheLocalZone() {
        AccountJwtInfo jwt = new AccountJwtInfo("eyJ.x.y", "OP", "APP", List.of(), Map.of("jti", "J"),
                Map.of("UB", Instant.parse("2026-07-01T10:00:00Z"), "*", Instant.parse("2026-01-01T10:00:00Z")),
                List.of());
        AccountInfo detail = new AccountInfo("AK", STARTED, false, false, true, false, 0, 0, 0, Map.of(), List.of(),
                List.of(), new SublistStats(0, 0, 0, 0, 0, 0, 0, 0, 0), jwt);

        String json = respond(new Accounts("NID", NOW, null, null, detail), "AK", ZoneId.of("Europe/Paris"));

        assertThat(json).contains("""
                    "revoked_user": {
                      "*": "2026-01-01T11:00:00+01:00",
                      "UB": "2026-07-01T12:00:00+02:00"
                    },""".indent(4).stripTrailing())
                .contains("\"now\": \"2026-01-01T12:00:01Z\"");
    }

    @Test
    void theJwtsValidationIssuesAndTheRequestsWaitingForResponsesAreShown() {
        AccountJwtInfo jwt = new AccountJwtInfo("eyJ.x.y", "OP", "APP", List.of(), Map.of("jti", "J"), Map.of(),
                List.of(new ValidationIssue("claim is expired", false, true),
                        new ValidationIssue("self-signed account JWTs shouldn't contain operator limits", false,
                                false)));
        Map<String, AccountImport> responses = Map.of(
                "_R_.aaaaaa.zzzzzz", new AccountImport(ExportKind.SERVICE, "_R_.aaaaaa.zzzzzz", "B", "_INBOX.2", null,
                        false, false, true, new LatencySettings(0, true, "lat"),
                        Map.of("X-B3-Traceid", List.of("80f1"), "X-B3-Sampled", List.of("1"))),
                "_R_.aaaaaa.bbbbbb", new AccountImport(ExportKind.SERVICE, "_R_.aaaaaa.bbbbbb", "C", "_INBOX.1", null,
                        false, true, false, null));
        AccountInfo detail = new AccountInfo("AK", STARTED, false, true, true, false, 0, 0, 0, Map.of(), List.of(),
                List.of(), new SublistStats(0, 0, 0, 0, 0, 0, 0, 0, 0), jwt, responses);

        String json = respond(new Accounts("NID", NOW, null, null, detail), "AK");

        assertThat(json).contains("""
                    "validation_result_jwt": [
                      {
                        "description": "claim is expired",
                        "blocking": false,
                        "time_check": true
                      },
                      {
                        "description": "self-signed account JWTs shouldn't contain operator limits",
                        "blocking": false,
                        "time_check": false
                      }
                    ],
                """.stripTrailing());
        assertThat(json).endsWith("""
                    "responses": {
                      "_R_.aaaaaa.bbbbbb": {
                        "subject": "_R_.aaaaaa.bbbbbb",
                        "account": "C",
                        "to": "_INBOX.1",
                        "type": 2,
                        "invalid": false,
                        "share": true,
                        "tracking": false
                      },
                      "_R_.aaaaaa.zzzzzz": {
                        "subject": "_R_.aaaaaa.zzzzzz",
                        "account": "B",
                        "to": "_INBOX.2",
                        "type": 2,
                        "invalid": false,
                        "share": false,
                        "tracking": true,
                        "tracking_header": {
                          "X-B3-Sampled": [
                            "1"
                          ],
                          "X-B3-Traceid": [
                            "80f1"
                          ]
                        },
                        "latency": {
                          "sampling": "headers",
                          "results": "lat"
                        }
                      }
                    }
                  }
                }""");
    }

    @Test
    void anAccountWithoutIssuesOrWaitingRequestsShowsNeither() {
        AccountInfo detail = new AccountInfo("A", STARTED, false, false, true, false, 0, 0, 0, Map.of(), List.of(),
                List.of(), new SublistStats(0, 0, 0, 0, 0, 0, 0, 0, 0));

        String json = respond(new Accounts("NID", NOW, null, null, detail), "A");

        assertThat(json).doesNotContain("validation_result_jwt", "responses");
    }

    private static String respond(Accounts answer, String acc) {
        return respond(answer, acc, ZoneOffset.UTC);
    }

    private static String respond(Accounts answer, String acc, ZoneId local) {
        AccountQueryUseCase accounts = new AccountQueryUseCase() {
            @Override
            public QueryResult<Accounts> accounts(String account) {
                assertThat(account).isEqualTo(acc);
                return QueryResult.answer(answer);
            }

            @Override
            public AccountStatistics statistics(boolean includeUnused) {
                throw new UnsupportedOperationException();
            }

            @Override
            public AccountStatistics statistics(java.util.List<String> names, boolean includeUnused) {
                throw new UnsupportedOperationException();
            }
        };
        MonitorResponse response = new AccountzEndpoint(accounts, new HttpRequestStats(), local)
                .respond(new MonitorRequest("/accountz", acc.isEmpty() ? Map.of() : Map.of("acc", List.of(acc))));
        assertThat(response.status()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
