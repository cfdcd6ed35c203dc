package dev.portcullis.archfixture.application.port.in;

/** A well-formed use case, so that the fixture is not only violations. */
public interface DoSomething {
    void run();
}
