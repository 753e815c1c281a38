package io.natrium.adapter.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.application.port.in.monitoring.ConnectionState;
import io.natrium.application.port.in.monitoring.SubscriptionListing;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QueryParametersTest {

    private static MonitorRequest with(String name, String value) {
        return new MonitorRequest("/connz", Map.of(name, List.of(value)));
    }

    private static final MonitorRequest NONE = new MonitorRequest("/connz", Map.of());

    @ParameterizedTest
    @ValueSource(strings = {"1", "t", "T", "TRUE", "true", "True"})
    void boolAcceptsGosTrueSpellings(String value) throws BadParameterException {
        assertThat(QueryParameters.bool(with("subs", value), "subs")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "f", "F", "FALSE", "false", "False", ""})
    void boolAcceptsGosFalseSpellings(String value) throws BadParameterException {
        assertThat(QueryParameters.bool(with("subs", value), "subs")).isFalse();
        assertThat(QueryParameters.bool(NONE, "subs")).isFalse();
    }

    @Test
    void boolRefusesOtherTextWithNatsServersMessage() {
        assertThatThrownBy(() -> QueryParameters.bool(with("auth", "yes"), "auth"))
                .isInstanceOf(BadParameterException.class)
                .hasMessage("Error decoding boolean for 'auth': strconv.ParseBool: parsing \"yes\": invalid syntax");
    }

    @Test
    void integerIsGosAtoi() throws BadParameterException {
        assertThat(QueryParameters.integer(with("limit", "25"), "limit")).isEqualTo(25);
        assertThat(QueryParameters.integer(with("limit", "+25"), "limit")).isEqualTo(25);
        assertThat(QueryParameters.integer(with("offset", "-3"), "offset")).isEqualTo(-3);
        assertThat(QueryParameters.integer(with("limit", "99999999999"), "limit")).isEqualTo(Integer.MAX_VALUE);
        assertThat(QueryParameters.integer(NONE, "limit")).isZero();
        assertThatThrownBy(() -> QueryParameters.integer(with("limit", "a"), "limit"))
                .hasMessage("Error decoding int for 'limit': strconv.Atoi: parsing \"a\": invalid syntax");
        assertThatThrownBy(() -> QueryParameters.integer(with("offset", "1.5"), "offset"))
                .hasMessage("Error decoding int for 'offset': strconv.Atoi: parsing \"1.5\": invalid syntax");
        assertThatThrownBy(() -> QueryParameters.integer(with("limit", "99999999999999999999"), "limit"))
                .hasMessage("Error decoding int for 'limit': strconv.Atoi: parsing \"99999999999999999999\": "
                        + "value out of range");
    }

    @Test
    void unsignedIsGosParseUint() throws BadParameterException {
        assertThat(QueryParameters.unsigned(with("cid", "7"), "cid")).isEqualTo(7);
        assertThat(QueryParameters.unsigned(with("cid", "18446744073709551615"), "cid")).isEqualTo(-1L);
        assertThatThrownBy(() -> QueryParameters.unsigned(with("cid", "-1"), "cid"))
                .hasMessage("Error decoding uint64 for 'cid': strconv.ParseUint: parsing \"-1\": invalid syntax");
        assertThatThrownBy(() -> QueryParameters.unsigned(with("cid", "+1"), "cid"))
                .hasMessage("Error decoding uint64 for 'cid': strconv.ParseUint: parsing \"+1\": invalid syntax");
        assertThatThrownBy(() -> QueryParameters.unsigned(with("cid", "18446744073709551616"), "cid"))
                .hasMessage("Error decoding uint64 for 'cid': strconv.ParseUint: parsing \"18446744073709551616\": "
                        + "value out of range");
    }

    @Test
    void stateIsOpenClosedAnyOrAllInAnyCase() throws BadParameterException {
        assertThat(QueryParameters.state(NONE)).isEqualTo(ConnectionState.OPEN);
        assertThat(QueryParameters.state(with("state", "OPEN"))).isEqualTo(ConnectionState.OPEN);
        assertThat(QueryParameters.state(with("state", "Closed"))).isEqualTo(ConnectionState.CLOSED);
        assertThat(QueryParameters.state(with("state", "any"))).isEqualTo(ConnectionState.ALL);
        assertThat(QueryParameters.state(with("state", "ALL"))).isEqualTo(ConnectionState.ALL);
        assertThatThrownBy(() -> QueryParameters.state(with("state", "bogus")))
                .hasMessage("Error decoding state for bogus");
    }

    @Test
    void subsIsDetailOrABoolean() throws BadParameterException {
        assertThat(QueryParameters.subscriptions(NONE)).isEqualTo(SubscriptionListing.NONE);
        assertThat(QueryParameters.subscriptions(with("subs", "1"))).isEqualTo(SubscriptionListing.SUBJECTS);
        assertThat(QueryParameters.subscriptions(with("subs", "DETAIL"))).isEqualTo(SubscriptionListing.DETAIL);
        assertThatThrownBy(() -> QueryParameters.subscriptions(with("subs", "xyz")))
                .hasMessage("Error decoding boolean for 'subs': strconv.ParseBool: parsing \"xyz\": invalid syntax");
    }
}
