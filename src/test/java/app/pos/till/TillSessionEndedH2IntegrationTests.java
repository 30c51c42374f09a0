package app.pos.till;

import static app.pos.support.Fixtures.cashier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.support.H2IntegrationTest;
import app.pos.support.Products;
import app.pos.support.TestStaff;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * A till left open past its session: the next tap carries the dead session's cookie and its stale CSRF token.
 * The browser must be sent to the login page (and from there back to the till), not told its role is wrong.
 */
@H2IntegrationTest
class TillSessionEndedH2IntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    ProductService products;

    @Test
    void anHtmxPostWithAnEndedSessionAndItsStaleCsrfTokenIsSentToTheLoginPage() throws Exception {
        ProductView espresso = Products.create(products, "Expired Espresso", "Coffee", "2.10");
        MockHttpSession session = logIn();
        String staleToken = csrfTokenOf(session);
        session.invalidate();

        MvcResult tap = mvc.perform(post("/pos/cart/add/" + espresso.id())
                        .session(session)
                        .with(deadSessionCookie())
                        .header("X-CSRF-TOKEN", staleToken)
                        .header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"))
                .andReturn();
        assertThat(tap.getResponse().getContentAsString()).doesNotContain("role");

        // Logging in from there lands on the till.
        MockHttpSession next = (MockHttpSession) tap.getRequest().getSession(true);
        mvc.perform(logInWith(next)).andExpect(redirectedUrl("/pos"));
    }

    @Test
    void anHtmxFragmentRequestedAfterTheSessionEndedIsNotWhereTheLoginLeadsBack() throws Exception {
        MockHttpSession session = new MockHttpSession();
        mvc.perform(get("/pos/cart").session(session).with(deadSessionCookie()).header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("HX-Redirect", "/login"));
        mvc.perform(logInWith(session)).andExpect(redirectedUrl("/pos"));
    }

    @Test
    void aLiveSessionWithAWrongCsrfTokenIsStillRefused() throws Exception {
        mvc.perform(post("/pos/new-sale")
                        .session(new MockHttpSession())
                        .with(cashier())
                        .with(csrf().useInvalidToken())
                        .header("HX-Request", "true"))
                .andExpect(status().isForbidden())
                .andExpect(header().doesNotExist("HX-Redirect"));
    }

    private MockHttpSession logIn() throws Exception {
        MvcResult login = mvc.perform(formLogin().user("admin").password(TestStaff.ADMIN_PASSWORD))
                .andExpect(redirectedUrl("/pos"))
                .andReturn();
        return (MockHttpSession) login.getRequest().getSession(false);
    }

    private static MockHttpServletRequestBuilder logInWith(MockHttpSession session) {
        return post("/login")
                .session(session)
                .param("username", "admin")
                .param("password", TestStaff.ADMIN_PASSWORD)
                .with(csrf());
    }

    private String csrfTokenOf(MockHttpSession session) throws Exception {
        String page = mvc.perform(get("/pos").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher token =
                Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\">").matcher(page);
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    /** The browser still sends the cookie of a session the server no longer knows. */
    private static RequestPostProcessor deadSessionCookie() {
        return request -> {
            request.setRequestedSessionId("ended-session");
            request.setRequestedSessionIdValid(false);
            return request;
        };
    }
}
