package io.natrium.domain.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DecoratedJwtTest {

    private static final String CREDS = """
            -----BEGIN NATS USER JWT-----
            eyJ0eXAi.eyJqdGki.c2ln
            ------END NATS USER JWT------

            ************************* IMPORTANT *************************
            NKEY Seed printed below can be used to sign and prove identity.

            -----BEGIN USER NKEY SEED-----
            SUAIBDPBAUTWCWBKIO6XHQNINK5FWJW4OHLXC3HQ2KFE4PEJUA44CNHTC4
            ------END USER NKEY SEED------
            """;

    @Test
    void aCredsFileHoldsTheJwtThenTheSeed() {
        assertThat(DecoratedJwt.jwt(CREDS)).isEqualTo("eyJ0eXAi.eyJqdGki.c2ln");
        assertThat(DecoratedJwt.seed(CREDS)).isEqualTo("SUAIBDPBAUTWCWBKIO6XHQNINK5FWJW4OHLXC3HQ2KFE4PEJUA44CNHTC4");
    }

    @Test
    void undecoratedTextIsTheJwtItself() {
        assertThat(DecoratedJwt.jwt("eyJ0eXAi.eyJqdGki.c2ln\n")).isEqualTo("eyJ0eXAi.eyJqdGki.c2ln\n");
        assertThat(DecoratedJwt.seed("eyJ0eXAi.eyJqdGki.c2ln")).isNull();
    }
}
