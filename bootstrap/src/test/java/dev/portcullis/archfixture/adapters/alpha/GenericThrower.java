package dev.portcullis.archfixture.adapters.alpha;

/** Breaks "no generic exceptions thrown". */
public class GenericThrower {
    public void run() {
        throw new RuntimeException("says nothing");
    }
}
