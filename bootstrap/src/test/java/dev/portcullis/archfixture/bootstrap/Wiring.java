package dev.portcullis.archfixture.bootstrap;

/** A well-formed bootstrap class, for an adapter to reach back into. */
public class Wiring {
    public static String profile() {
        return "dev";
    }
}
