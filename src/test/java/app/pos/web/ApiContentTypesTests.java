package app.pos.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;

/** The one multipart allowance (the customer import upload), which no endpoint of this slice has yet. */
class ApiContentTypesTests {

    private final ApiContentTypes check = new ApiContentTypes();

    private boolean passes(String method, String path, String type, String fetchSite) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest(method, path);
        request.setContentType(type);
        if (fetchSite != null) {
            request.addHeader("Sec-Fetch-Site", fetchSite);
        }
        return check.preHandle(request, new MockHttpServletResponse(), new Object());
    }

    @Test
    void theImportUploadTakesMultipartFromAClientOrTheSameSite() throws Exception {
        String multipart = "multipart/form-data; boundary=abc";
        assertThat(passes("POST", ApiContentTypes.IMPORT_UPLOAD, multipart, null))
                .isTrue();
        assertThat(passes("POST", ApiContentTypes.IMPORT_UPLOAD, multipart, "same-origin"))
                .isTrue();
        for (String site : new String[] {"cross-site", "same-site"}) {
            assertThatThrownBy(() -> passes("POST", ApiContentTypes.IMPORT_UPLOAD, multipart, site))
                    .isInstanceOf(HttpMediaTypeNotSupportedException.class);
        }
        assertThatThrownBy(
                        () -> passes("POST", ApiContentTypes.IMPORT_UPLOAD, "application/x-www-form-urlencoded", null))
                .isInstanceOf(HttpMediaTypeNotSupportedException.class);
        assertThatThrownBy(() -> passes("POST", "/api/v1/customers", multipart, null))
                .isInstanceOf(HttpMediaTypeNotSupportedException.class);
        assertThatThrownBy(() -> passes("POST", ApiContentTypes.IMPORT_UPLOAD + "/x", multipart, null))
                .isInstanceOf(HttpMediaTypeNotSupportedException.class);
    }

    @Test
    void readsAndJsonPass() throws Exception {
        assertThat(passes("GET", "/api/v1/customers", "text/plain", null)).isTrue();
        assertThat(passes("POST", "/api/v1/customers", "application/json", "cross-site"))
                .isTrue();
        assertThat(passes("POST", "/api/v1/orders/1/void", null, null)).isTrue();
        assertThatThrownBy(() -> passes("PUT", "/api/v1/products/1", "TEXT/PLAIN", null))
                .isInstanceOf(HttpMediaTypeNotSupportedException.class);
    }
}
