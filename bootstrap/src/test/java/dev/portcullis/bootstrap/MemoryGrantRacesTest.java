package dev.portcullis.bootstrap;

/** The races on the embedded default. */
class MemoryGrantRacesTest extends GrantRaces {

    @Override
    protected RunningServer startServer() {
        return RunningServer.start();
    }
}
