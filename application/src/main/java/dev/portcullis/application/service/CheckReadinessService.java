package dev.portcullis.application.service;

import dev.portcullis.application.port.in.CheckReadiness;
import dev.portcullis.application.port.out.BackendProbe;
import dev.portcullis.application.port.out.BackendUnavailableException;
import java.util.List;

/** Pings every backend this node depends on; the memory default has none and is always ready. */
public final class CheckReadinessService implements CheckReadiness {

    private final List<BackendProbe> probes;

    public CheckReadinessService(List<BackendProbe> probes) {
        this.probes = List.copyOf(probes);
    }

    @Override
    public Readiness check() {
        return new Readiness(probes.stream().map(CheckReadinessService::probe).toList());
    }

    private static BackendStatus probe(BackendProbe probe) {
        try {
            probe.ping();
            return new BackendStatus(probe.backend(), probe.address(), BackendStatus.State.UP, probe.criticality());
        } catch (BackendUnavailableException e) {
            return new BackendStatus(probe.backend(), probe.address(), BackendStatus.State.DOWN, probe.criticality());
        }
    }
}
