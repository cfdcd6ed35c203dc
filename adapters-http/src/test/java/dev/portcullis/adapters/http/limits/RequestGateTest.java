package dev.portcullis.adapters.http.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestGateTest {

    @Test
    void theFirstHopOfXForwardedForIsTheClientFacingProxysPeer() {
        assertThat(RequestGate.firstHop(List.of("203.0.113.7, 10.0.0.1, 10.0.0.2"))).contains("203.0.113.7");
        assertThat(RequestGate.firstHop(List.of(" 2001:db8::1 "))).contains("2001:db8::1");
        assertThat(RequestGate.firstHop(List.of("[2001:db8::1]"))).contains("2001:db8::1");
        assertThat(RequestGate.firstHop(List.of("198.51.100.1", "10.0.0.1"))).contains("198.51.100.1");
    }

    @Test
    void anythingButAnAddressIsIgnored() {
        assertThat(RequestGate.firstHop(List.of())).isEmpty();
        assertThat(RequestGate.firstHop(List.of(""))).isEmpty();
        assertThat(RequestGate.firstHop(List.of("unknown"))).isEmpty();
        assertThat(RequestGate.firstHop(List.of("evil\r\nkey"))).isEmpty();
        assertThat(RequestGate.firstHop(List.of("1".repeat(100)))).isEmpty();
        assertThat(RequestGate.firstHop(List.of("_hidden, 10.0.0.1"))).isEmpty();
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(RequestGate.retryAfterSeconds(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(RequestGate.retryAfterSeconds(Duration.ofMillis(1001))).isEqualTo(2);
        assertThat(RequestGate.retryAfterSeconds(Duration.ofSeconds(300))).isEqualTo(300);
    }
}
