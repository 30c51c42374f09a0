package app.pos.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** The running app over real HTTP/1.1, as one of the test staff users (password "&lt;username&gt;-password"). */
final class TillHttp {

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final int port;

    TillHttp(int port) {
        this.port = port;
    }

    static String basic(String username, String password) {
        return "Basic "
                + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** One request; an I/O failure (a timeout included) is a reply with status -1 and the error. */
    Reply send(String method, String path, String authorization, String key, String body, Duration timeout)
            throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    method + " " + path,
                    response.statusCode(),
                    start,
                    System.nanoTime(),
                    response.headers().firstValue("Content-Type").orElse(null),
                    response.headers().firstValue("Retry-After").orElse(null),
                    response.headers().firstValue("Idempotent-Replayed").isPresent(),
                    response.body(),
                    null);
        } catch (IOException e) {
            return new Reply(method + " " + path, -1, start, System.nanoTime(), null, null, false, null, e.toString());
        }
    }

    record Reply(
            String request,
            int status,
            long start,
            long end,
            String contentType,
            String retryAfter,
            boolean replayed,
            String body,
            String error) {

        /** A 503 or no answer at all (refused, reset, timed out): the request may or may not have committed. */
        boolean inDoubt() {
            return status == 503 || status < 0;
        }

        boolean isProblem503() {
            return status == 503
                    && contentType != null
                    && contentType.startsWith("application/problem+json")
                    && retryAfter != null
                    && body != null
                    && body.contains("\"status\":503");
        }

        boolean timedOut() {
            return error != null && error.contains("TimeoutException");
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
            return request + ": status " + status + " after " + (end - start) / 1_000_000 + " ms"
                    + (error != null ? ", error " + error : "") + ", body " + shown;
        }
    }
}
