package dev.portcullis.application.port.in;

import dev.portcullis.application.port.out.BackendProbe.Criticality;
import java.util.List;

/** Readiness for load balancers and probes: can this node serve requests now? */
public interface CheckReadiness {

    Readiness check();

    record Readiness(List<BackendStatus> backends) {
        public Readiness {
            backends = List.copyOf(backends);
        }

        /** Every backend the node cannot serve without answers. */
        public boolean isReady() {
            return backends.stream().filter(b -> b.criticality() == Criticality.REQUIRED).allMatch(BackendStatus::isUp);
        }

        /** Ready, but a backend it can do without is down: some operations refuse until it returns. */
        public boolean isDegraded() {
            return isReady() && !backends.stream().allMatch(BackendStatus::isUp);
        }
    }

    record BackendStatus(String backend, String address, State state, Criticality criticality) {
        public enum State { UP, DOWN }

        public BackendStatus(String backend, String address, State state) {
            this(backend, address, state, Criticality.REQUIRED);
        }

        public boolean isUp() {
            return state == State.UP;
        }
    }
}
