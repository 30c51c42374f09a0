package app.pos.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** For tests that start the packaged application as its own process. */
public final class PackagedApp {

    private PackagedApp() {}

    /** The jar `mvn verify` packages before the integration tests run, or null when there is none yet. */
    public static Path jar() throws IOException {
        Path target = Path.of("target");
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(p -> p.getFileName().toString().matches("pos-.*\\.jar"))
                    .findFirst()
                    .orElse(null);
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
