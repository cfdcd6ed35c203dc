package dev.portcullis.archfixture.adapters.alpha;

import dev.portcullis.archfixture.adapters.beta.BetaUsingAlpha;

/** Breaks "adapters do not know each other" and, with its partner, "no cycles". */
public class AlphaUsingBeta {
    public void run() {
        new BetaUsingAlpha().toString();
    }
}
