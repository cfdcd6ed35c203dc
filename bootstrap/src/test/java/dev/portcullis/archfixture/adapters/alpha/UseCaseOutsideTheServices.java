package dev.portcullis.archfixture.adapters.alpha;

import dev.portcullis.archfixture.application.port.in.DoSomething;

/** Breaks "use-case implementations live in application.service": an adapter implementing a use case. */
public class UseCaseOutsideTheServices implements DoSomething {
    @Override
    public void run() {
    }
}
