package dev.portcullis.archfixture.application.service;

/** Breaks "each service implements a use case". */
public class LonelyService {
}
