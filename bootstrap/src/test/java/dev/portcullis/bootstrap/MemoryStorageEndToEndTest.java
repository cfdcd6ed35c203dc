package dev.portcullis.bootstrap;

import java.util.List;

/** The embedded default: everything in the node's memory, no backend to probe. */
class MemoryStorageEndToEndTest extends StorageEndToEndTest {

    @Override
    List<String> backendEnvironment() {
        return List.of("STORAGE_TYPE", "memory");
    }

    @Override
    List<String> probedBackends() {
        return List.of();
    }
}
