package dev.portcullis.archfixture.adapters.beta;

import dev.portcullis.archfixture.adapters.alpha.AlphaUsingBeta;

/** Closes the alpha ⇄ beta cycle. */
public class BetaUsingAlpha {
    public Object partner() {
        return new AlphaUsingBeta();
    }
}
