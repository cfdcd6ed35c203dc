package dev.portcullis.bootstrap;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/** The races on MongoDB: an in-process wire-protocol server (mongo-java-server), so it runs everywhere. */
class MongoGrantRacesTest extends GrantRaces {

    private MongoServer mongo;

    @Override
    protected RunningServer startServer() {
        mongo = new MongoServer(new MemoryBackend());
        String uri = mongo.bindAndGetConnectionString();
        return RunningServer.start("STORAGE_TYPE", "mongo", "MONGO_URI", uri, "MONGO_DATABASE", "grant_races");
    }

    @Override
    protected void stopBackend() {
        if (mongo != null) {
            mongo.shutdownNow();
        }
    }
}
