package dev.portcullis.archfixture.adapters.alpha;

import dev.portcullis.archfixture.bootstrap.Wiring;

/** Breaks "adapters never depend on the bootstrap". */
public class AdapterUsingBootstrap {
    public String profile() {
        return Wiring.profile();
    }
}
