package io.natrium.application.session;

import static io.natrium.application.session.Events.info;
import static io.natrium.application.session.Events.msg;
import static io.natrium.application.session.Events.pong;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.out.ServerInfo;
import io.natrium.application.server.ClientRegistry;
import io.natrium.application.server.InfoTemplate;
import io.natrium.application.server.ServerIdentity;
import io.natrium.application.settings.ServerSettings;
import io.natrium.testkit.memory.InMemoryClient;

import org.junit.jupiter.api.Test;

/**
 * Clients greeted by the transport while the server was starting (the early client port): the application takes
 * them over with the id they were told, greets them again only when what they were told differs, and hands out the
 * ids that follow.
 */
class EarlyGreetingTest {

    /** The first client's id: after the internal clients a server with the default settings numbers first. */
    private static final long FIRST = ClientRegistry.INTERNAL_CLIENTS_OF_DEFAULTS + 1;

    @Test
    void theInfoTemplateIsWhatTheServerGreetsItsClientsWith() {
        SessionFixture fixture = SessionFixture.withDefaults();
        ServerSettings settings = fixture.server().settings();

        ServerInfo template = InfoTemplate.of(SessionFixture.IDENTITY, settings, false, settings.host(),
                settings.port());

        assertThat(template).isEqualTo(fixture.server().info());
    }

    @Test
    void aClientGreetedWithWhatTheServerWouldSayIsNotGreetedAgainAndKeepsItsId() {
        SessionFixture fixture = SessionFixture.withDefaults();

        InMemoryClient greeted = InMemoryClient.connectGreeted(fixture.service(), fixture.infoFor(FIRST + 1));

        assertThat(greeted.received()).isEmpty();
        assertThat(SessionFixture.connection(greeted).id()).isEqualTo(FIRST + 1);
        greeted.connect(SessionFixture.Connect.quiet().build()).ping();
        assertThat(greeted.received()).containsExactly(pong());
    }

    @Test
    void theIdsHandedOutAfterwardsFollowTheGreetedOnes() {
        SessionFixture fixture = SessionFixture.withDefaults();
        InMemoryClient.connectGreeted(fixture.service(), fixture.infoFor(FIRST));
        InMemoryClient.connectGreeted(fixture.service(), fixture.infoFor(FIRST + 1));

        InMemoryClient next = fixture.open();

        assertThat(next.received()).containsExactly(info(fixture.infoFor(FIRST + 2)));
    }

    @Test
    void aClientGreetedWithAnIdTheServerHandedOutAlreadyIsToldItsNewOne() {
        SessionFixture fixture = SessionFixture.withDefaults();

        InMemoryClient greeted = InMemoryClient.connectGreeted(fixture.service(), fixture.infoFor(FIRST - 1));

        assertThat(SessionFixture.connection(greeted).id()).isEqualTo(FIRST);
        assertThat(greeted.received()).containsExactly(info(fixture.infoFor(FIRST)));
    }

    @Test
    void aClientToldSomethingElseIsToldAgainWithItsOwnId() {
        SessionFixture fixture = SessionFixture.withDefaults();
        ServerIdentity other = ServerIdentity.generate(null);
        ServerSettings settings = fixture.server().settings();
        ServerInfo stale = InfoTemplate.of(other, settings, false, settings.host(), settings.port())
                .forClient(FIRST, SessionFixture.CLIENT_HOST);

        InMemoryClient greeted = InMemoryClient.connectGreeted(fixture.service(), stale);

        assertThat(greeted.received()).containsExactly(info(fixture.infoFor(FIRST)));
    }

    @Test
    void greetedClientsTalkToTheOthers() {
        SessionFixture fixture = SessionFixture.withDefaults();
        InMemoryClient subscriber = InMemoryClient.connectGreeted(fixture.service(), fixture.infoFor(FIRST));
        subscriber.connect(SessionFixture.Connect.quiet().build()).subscribe("early", null, "1").received();
        InMemoryClient publisher = fixture.connect();

        publisher.publish("early", null, "hello");

        assertThat(subscriber.received()).containsExactly(msg("early", "1", "hello"));
    }
}
