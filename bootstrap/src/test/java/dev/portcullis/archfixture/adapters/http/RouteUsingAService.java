package dev.portcullis.archfixture.adapters.http;

import dev.portcullis.archfixture.application.service.LonelyService;

/** Breaks "routes call only port.in": a route constructing a service instead of taking its use case. */
public class RouteUsingAService {
    public Object handler() {
        return new LonelyService();
    }
}
