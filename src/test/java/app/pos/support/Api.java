package app.pos.support;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Requests with a JSON body for the API, to add the caller and headers to:
 * {@code mvc.perform(postJson("/api/v1/customers", object("name", "Ada")).with(cashier()))}.
 */
public final class Api {

    private Api() {}

    public static MockHttpServletRequestBuilder postJson(String path, String json) {
        return MockMvcRequestBuilders.post(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }

    /** A JSON merge patch (RFC 7396). */
    public static MockHttpServletRequestBuilder mergePatch(String path, String json) {
        return MockMvcRequestBuilders.patch(path)
                .contentType("application/merge-patch+json")
                .content(json);
    }

    public static MockHttpServletRequestBuilder putJson(String path, String json) {
        return MockMvcRequestBuilders.put(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json);
    }
}
