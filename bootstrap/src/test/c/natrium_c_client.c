/*
 * A NATS C client (libnats, Debian's libnats-dev) run by CClientIT against Natrium and against nats-server: each
 * scenario prints what it checked and exits 0 when everything matched, 1 (with the reason on standard error) when not.
 * Usage: natrium_c_client URL SCENARIO [USER PASSWORD]
 */
#include <nats/nats.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WAIT_MS 10000

static int failed(const char *what, natsStatus s) {
    fprintf(stderr, "%s: %s (%s)\n", what, natsStatus_GetText(s), nats_GetLastError(NULL));
    return 1;
}

#define CHECK(call, what) do { natsStatus s_ = (call); if (s_ != NATS_OK) return failed(what, s_); } while (0)
#define EXPECT(condition, ...) do { if (!(condition)) { fprintf(stderr, __VA_ARGS__); fputc('\n', stderr); \
    return 1; } } while (0)

static int pubsub(natsConnection *nc) {
    natsSubscription *sub = NULL;
    CHECK(natsConnection_SubscribeSync(&sub, nc, "c.>"), "subscribe");
    CHECK(natsConnection_Flush(nc), "flush");
    char text[32];
    for (int i = 0; i < 1000; i++) {
        snprintf(text, sizeof text, "message %d", i);
        CHECK(natsConnection_PublishString(nc, i % 2 ? "c.odd" : "c.even", text), "publish");
    }
    CHECK(natsConnection_Flush(nc), "flush");
    for (int i = 0; i < 1000; i++) {
        natsMsg *msg = NULL;
        CHECK(natsSubscription_NextMsg(&msg, sub, WAIT_MS), "next message");
        snprintf(text, sizeof text, "message %d", i);
        EXPECT(strcmp(natsMsg_GetData(msg), text) == 0, "message %d: got '%s'", i, natsMsg_GetData(msg));
        EXPECT(strcmp(natsMsg_GetSubject(msg), i % 2 ? "c.odd" : "c.even") == 0, "subject %s",
                natsMsg_GetSubject(msg));
        natsMsg_Destroy(msg);
    }
    printf("pubsub: 1000 messages in order\n");
    natsSubscription_Destroy(sub);
    return 0;
}

static void respond(natsConnection *nc, natsSubscription *sub, natsMsg *msg, void *closure) {
    char reply[64];
    snprintf(reply, sizeof reply, "pong:%.*s", natsMsg_GetDataLength(msg), natsMsg_GetData(msg));
    natsConnection_PublishString(nc, natsMsg_GetReply(msg), reply);
    natsMsg_Destroy(msg);
}

static int request(natsConnection *nc) {
    natsSubscription *service = NULL;
    CHECK(natsConnection_Subscribe(&service, nc, "svc.echo", respond, NULL), "subscribe service");
    CHECK(natsConnection_Flush(nc), "flush");
    for (int i = 0; i < 100; i++) {
        natsMsg *reply = NULL;
        char text[16], expected[32];
        snprintf(text, sizeof text, "%d", i);
        snprintf(expected, sizeof expected, "pong:%d", i);
        CHECK(natsConnection_RequestString(&reply, nc, "svc.echo", text, WAIT_MS), "request");
        EXPECT(strcmp(natsMsg_GetData(reply), expected) == 0, "reply '%s'", natsMsg_GetData(reply));
        natsMsg_Destroy(reply);
    }
    natsMsg *none = NULL;
    natsStatus s = natsConnection_RequestString(&none, nc, "svc.nobody", "x", WAIT_MS);
    EXPECT(s == NATS_NO_RESPONDERS, "request to nobody: %s", natsStatus_GetText(s));
    printf("request: 100 replies, no responders seen\n");
    natsSubscription_Destroy(service);
    return 0;
}

static int headers(natsConnection *nc) {
    natsSubscription *sub = NULL;
    CHECK(natsConnection_SubscribeSync(&sub, nc, "h.test"), "subscribe");
    natsMsg *msg = NULL;
    CHECK(natsMsg_Create(&msg, "h.test", NULL, "body", 4), "message");
    CHECK(natsMsgHeader_Set(msg, "X-Key", "one"), "header");
    CHECK(natsMsgHeader_Add(msg, "X-Key", "two"), "header");
    CHECK(natsMsgHeader_Set(msg, "Other", "value"), "header");
    CHECK(natsConnection_PublishMsg(nc, msg), "publish");
    natsMsg_Destroy(msg);
    natsMsg *received = NULL;
    CHECK(natsSubscription_NextMsg(&received, sub, WAIT_MS), "next message");
    const char **values = NULL;
    int count = 0;
    CHECK(natsMsgHeader_Values(received, "X-Key", &values, &count), "header values");
    EXPECT(count == 2 && strcmp(values[0], "one") == 0 && strcmp(values[1], "two") == 0, "X-Key values %d", count);
    free((void *) values);
    const char *other = NULL;
    CHECK(natsMsgHeader_Get(received, "Other", &other), "header");
    EXPECT(strcmp(other, "value") == 0, "Other: %s", other);
    EXPECT(natsMsg_GetDataLength(received) == 4 && memcmp(natsMsg_GetData(received), "body", 4) == 0, "body");
    printf("headers: two values and another header kept\n");
    natsMsg_Destroy(received);
    natsSubscription_Destroy(sub);
    return 0;
}

static int queue(natsConnection *nc) {
    natsSubscription *first = NULL, *second = NULL;
    CHECK(natsConnection_QueueSubscribeSync(&first, nc, "q.work", "workers"), "queue subscribe");
    CHECK(natsConnection_QueueSubscribeSync(&second, nc, "q.work", "workers"), "queue subscribe");
    CHECK(natsConnection_Flush(nc), "flush");
    for (int i = 0; i < 200; i++) {
        CHECK(natsConnection_PublishString(nc, "q.work", "job"), "publish");
    }
    CHECK(natsConnection_Flush(nc), "flush");
    int pending[2] = {0, 0};
    for (int tries = 0; tries < 100 && pending[0] + pending[1] < 200; tries++) {
        CHECK(natsSubscription_GetPending(first, &pending[0], NULL), "pending");
        CHECK(natsSubscription_GetPending(second, &pending[1], NULL), "pending");
        nats_Sleep(50);
    }
    EXPECT(pending[0] + pending[1] == 200, "queue members got %d + %d", pending[0], pending[1]);
    EXPECT(pending[0] > 0 && pending[1] > 0, "one member got nothing: %d + %d", pending[0], pending[1]);
    printf("queue: 200 messages, each to one member\n");
    natsSubscription_Destroy(first);
    natsSubscription_Destroy(second);
    return 0;
}

static int server_info(natsConnection *nc) {
    char id[128];
    CHECK(natsConnection_GetConnectedServerId(nc, id, sizeof id), "server id");
    EXPECT(id[0] == 'N' && strlen(id) == 56, "server id '%s'", id);
    int64_t max = natsConnection_GetMaxPayload(nc);
    EXPECT(max == 1048576, "max payload %lld", (long long) max);
    int64_t rtt = 0;
    CHECK(natsConnection_GetRTT(nc, &rtt), "round trip");
    uint64_t cid = 0;
    CHECK(natsConnection_GetClientID(nc, &cid), "client id");
    EXPECT(cid > 0, "client id %llu", (unsigned long long) cid);
    printf("info: server id, max payload 1048576, client id\n");
    return 0;
}

static int drain(natsConnection *nc) {
    natsSubscription *sub = NULL;
    CHECK(natsConnection_SubscribeSync(&sub, nc, "d.test"), "subscribe");
    CHECK(natsConnection_Flush(nc), "flush");
    for (int i = 0; i < 50; i++) {
        CHECK(natsConnection_PublishString(nc, "d.test", "x"), "publish");
    }
    CHECK(natsConnection_Flush(nc), "flush");
    CHECK(natsSubscription_Drain(sub), "drain");
    int received = 0;
    natsMsg *msg = NULL;
    while (natsSubscription_NextMsg(&msg, sub, 1000) == NATS_OK) {
        received++;
        natsMsg_Destroy(msg);
    }
    EXPECT(received == 50, "drained %d of 50", received);
    CHECK(natsSubscription_WaitForDrainCompletion(sub, WAIT_MS), "drain completion");
    printf("drain: 50 messages delivered before the subscription ended\n");
    natsSubscription_Destroy(sub);
    return 0;
}

static int run(natsConnection *nc, const char *scenario) {
    if (strcmp(scenario, "pubsub") == 0) return pubsub(nc);
    if (strcmp(scenario, "request") == 0) return request(nc);
    if (strcmp(scenario, "headers") == 0) return headers(nc);
    if (strcmp(scenario, "queue") == 0) return queue(nc);
    if (strcmp(scenario, "info") == 0) return server_info(nc);
    if (strcmp(scenario, "drain") == 0) return drain(nc);
    if (strcmp(scenario, "auth") == 0) {
        printf("auth: connected\n");
        return 0;
    }
    fprintf(stderr, "unknown scenario %s\n", scenario);
    return 2;
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s URL SCENARIO [USER PASSWORD]\n", argv[0]);
        return 2;
    }
    natsOptions *options = NULL;
    natsConnection *nc = NULL;
    CHECK(natsOptions_Create(&options), "options");
    CHECK(natsOptions_SetURL(options, argv[1]), "url");
    CHECK(natsOptions_SetTimeout(options, WAIT_MS), "timeout");
    CHECK(natsOptions_SetAllowReconnect(options, false), "reconnect");
    if (argc >= 5) {
        CHECK(natsOptions_SetUserInfo(options, argv[3], argv[4]), "user");
    }
    natsStatus connected = natsConnection_Connect(&nc, options);
    if (connected != NATS_OK) {
        /* What the client reports, for the test to compare: e.g. "Authorization Violation". */
        printf("connect failed: %s: %s\n", natsStatus_GetText(connected), nats_GetLastError(NULL));
        natsOptions_Destroy(options);
        return 3;
    }
    int result = run(nc, argv[2]);
    natsConnection_Destroy(nc);
    natsOptions_Destroy(options);
    nats_Close();
    return result;
}
