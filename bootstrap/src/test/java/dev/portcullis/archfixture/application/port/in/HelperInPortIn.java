package dev.portcullis.archfixture.application.port.in;

/** Breaks "port.in holds use cases and their values": a mutable helper class. */
public class HelperInPortIn {
}
