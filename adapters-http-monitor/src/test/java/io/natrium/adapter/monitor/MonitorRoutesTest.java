package io.natrium.adapter.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MonitorRoutesTest {

    private final MonitorRoutes routes = new MonitorRoutes("/mon", Map.of(
            MonitorPaths.ROOT, request -> MonitorResponse.html("index"),
            MonitorPaths.VARZ, request -> MonitorResponse.json("{}".getBytes(StandardCharsets.UTF_8)),
            MonitorPaths.CONNZ, request -> {
                QueryParameters.bool(request, "auth");
                return MonitorResponse.json("[]".getBytes(StandardCharsets.UTF_8));
            }));

    private static MonitorRequest get(String path, String... parameter) {
        return new MonitorRequest(path, parameter.length == 0 ? Map.of() : Map.of(parameter[0], List.of(parameter[1])));
    }

    @Test
    void endpointsAnswerExactlyUnderTheBasePath() {
        assertThat(routes.respond(get("/mon/varz")).kind()).isEqualTo(MonitorResponse.Kind.JSON);
        assertThat(routes.respond(get("/mon")).kind()).isEqualTo(MonitorResponse.Kind.HTML);
        for (String path : new String[] {"/varz", "/mon/varz/", "/mon/", "/mon/nope", "/"}) {
            MonitorResponse response = routes.respond(get(path));
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("404 page not found\n");
        }
    }

    @Test
    void aBadParameterIsA400WithItsText() {
        MonitorResponse response = routes.respond(get("/mon/connz", "auth", "x"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.kind()).isEqualTo(MonitorResponse.Kind.TEXT);
        assertThat(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo("Error decoding boolean for 'auth': strconv.ParseBool: parsing \"x\": invalid syntax");
    }

    @Test
    void aCallbackTurnsJsonIntoJsonpButNotOtherAnswers() {
        MonitorResponse jsonp = routes.respond(get("/mon/varz", "callback", "cb"));
        assertThat(jsonp.kind()).isEqualTo(MonitorResponse.Kind.JAVASCRIPT);
        assertThat(new String(jsonp.body(), StandardCharsets.UTF_8)).isEqualTo("cb({})");
        assertThat(routes.respond(get("/mon", "callback", "cb")).kind()).isEqualTo(MonitorResponse.Kind.HTML);
    }
}
