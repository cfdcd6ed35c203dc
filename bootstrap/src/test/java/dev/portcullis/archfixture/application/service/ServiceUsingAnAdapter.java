package dev.portcullis.archfixture.application.service;

import dev.portcullis.archfixture.adapters.alpha.AlphaUsingBeta;

/** Breaks "application sees only the domain" and "only bootstrap knows adapters". */
public class ServiceUsingAnAdapter implements dev.portcullis.archfixture.application.port.in.DoSomething {
    @Override
    public void run() {
        new AlphaUsingBeta().run();
    }
}
