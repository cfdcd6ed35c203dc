package dev.portcullis.archfixture.adapters.alpha;

import jakarta.inject.Inject;

/** Breaks "no field injection". */
public class FieldInjected {
    @Inject
    Object dependency;
}
