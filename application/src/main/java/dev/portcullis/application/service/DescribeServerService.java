package dev.portcullis.application.service;

import dev.portcullis.application.port.in.DescribeServer;

/** Answers the server's capabilities, fixed at start from what is wired and configured. */
public final class DescribeServerService implements DescribeServer {

    private final ServerCapabilities capabilities;

    public DescribeServerService(ServerCapabilities capabilities) {
        this.capabilities = capabilities;
    }

    @Override
    public ServerCapabilities capabilities() {
        return capabilities;
    }
}
