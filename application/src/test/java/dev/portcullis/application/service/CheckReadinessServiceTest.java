package dev.portcullis.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portcullis.application.port.in.CheckReadiness.BackendStatus;
import dev.portcullis.application.port.in.CheckReadiness.Readiness;
import dev.portcullis.application.port.out.BackendProbe;
import dev.portcullis.application.port.out.BackendUnavailableException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckReadinessServiceTest {

    private static BackendProbe probe(String name, boolean up) {
        return probe(name, up, BackendProbe.Criticality.REQUIRED);
    }

    private static BackendProbe probe(String name, boolean up, BackendProbe.Criticality criticality) {
        return new BackendProbe() {
            @Override
            public BackendProbe.Criticality criticality() {
                return criticality;
            }

            @Override
            public String backend() {
                return name;
            }

            @Override
            public String address() {
                return name + ".internal:1234";
            }

            @Override
            public void ping() {
                if (!up) {
                    throw new BackendUnavailableException(name, new RuntimeException("connection refused"));
                }
            }
        };
    }

    @Test
    void readyWithNoBackends() {
        assertThat(new CheckReadinessService(List.of()).check().isReady()).isTrue();
    }

    @Test
    void notReadyWhenAnyBackendIsDownAndSaysWhich() {
        Readiness readiness = new CheckReadinessService(List.of(probe("mongo", true), probe("redis", false))).check();

        assertThat(readiness.isReady()).isFalse();
        assertThat(readiness.backends()).extracting(BackendStatus::backend, BackendStatus::state)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("mongo", BackendStatus.State.UP),
                        org.assertj.core.groups.Tuple.tuple("redis", BackendStatus.State.DOWN));
    }

    @Test
    void aDownBackendTheNodeCanDoWithoutDegradesButKeepsItReady() {
        Readiness readiness = new CheckReadinessService(List.of(
                probe("mongo", true), probe("redis", false, BackendProbe.Criticality.DEGRADING))).check();

        assertThat(readiness.isReady()).isTrue();
        assertThat(readiness.isDegraded()).isTrue();
    }

    @Test
    void allUpIsNeitherDownNorDegraded() {
        Readiness readiness = new CheckReadinessService(List.of(
                probe("mongo", true), probe("redis", true, BackendProbe.Criticality.DEGRADING))).check();

        assertThat(readiness.isReady()).isTrue();
        assertThat(readiness.isDegraded()).isFalse();
    }
}
