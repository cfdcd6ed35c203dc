package dev.portcullis.archfixture.domain;

/** Breaks "domain is pure Java": it reaches for a framework type. */
public class DomainUsingJackson {
    public Object mapper() {
        return new com.fasterxml.jackson.databind.ObjectMapper();
    }
}
