package dev.portcullis.archfixture.application.port.out;

/** Breaks "driven ports are interfaces". */
public class ConcretePort {
}
