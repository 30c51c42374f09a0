package app.pos.web;

import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.support.H2IntegrationTest;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Browsers ask every page for /favicon.ico; it is an image for anyone, and every page links the SVG one. */
@H2IntegrationTest
class FaviconH2IntegrationTests {

    @Autowired
    MockMvc mvc;

    @Test
    void theIconsAreImagesOpenWithoutLogin() throws Exception {
        MvcResult ico =
                mvc.perform(get("/favicon.ico")).andExpect(status().isOk()).andReturn();
        assertThat(ico.getResponse().getContentType()).startsWith("image/");
        assertThat(ico.getResponse().getContentAsByteArray()).startsWith(0, 0, 1, 0);

        MvcResult svg =
                mvc.perform(get("/favicon.svg")).andExpect(status().isOk()).andReturn();
        assertThat(svg.getResponse().getContentType()).startsWith("image/svg+xml");
    }

    @Test
    void everyPageLinksTheIcon() throws Exception {
        assertLinksIcon("/login", null);
        assertLinksIcon("/pos", cashier());
        assertLinksIcon("/pos/orders", cashier());
        assertLinksIcon("/admin", manager());
        assertLinksIcon("/admin/customers", manager());
    }

    private void assertLinksIcon(String path, RequestPostProcessor user) throws Exception {
        var request = get(path);
        if (user != null) {
            request.with(user);
        }
        String html = mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Document page = Jsoup.parse(html);
        assertThat(page.select("head link[rel=icon]").eachAttr("href"))
                .as(path)
                .contains("/favicon.svg", "/favicon.ico");
    }
}
