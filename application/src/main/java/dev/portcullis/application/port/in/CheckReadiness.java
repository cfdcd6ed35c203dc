package dev.portcullis.application.port.in;

import java.util.List;

/** Readiness for load balancers and probes: can this node serve requests now? */
public interface CheckReadiness {

    Readiness check();

    record Readiness(List<BackendStatus> backends) {
        public Readiness {
            backends = List.copyOf(backends);
        }

        public boolean isReady() {
            return backends.stream().allMatch(BackendStatus::isUp);
        }
    }

    record BackendStatus(String backend, String address, State state) {
        public enum State { UP, DOWN }

        public boolean isUp() {
            return state == State.UP;
        }
    }
}
