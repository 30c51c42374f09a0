package app.pos.order;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;

/**
 * The SHA-256 of a request's canonical JSON, stored beside an idempotency key: a replay with the same key must carry
 * the same request (an order's or a refund's).
 */
final class RequestFingerprint {

    private RequestFingerprint() {}

    static String of(JsonMapper json, Object request) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
