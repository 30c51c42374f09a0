package app.pos.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.support.H2IntegrationTest;
import app.pos.support.TestStaff;
import jakarta.servlet.http.Cookie;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.RequestBuilder;

/**
 * Anonymous visitors get no session: the page to come back to is a cookie, and a failed login stores nothing.
 * (Sessions are rows in the database in production, so every anonymous session would grow the table;
 * TwoInstancesPostgresIntegrationTests counts the rows, login page included.)
 */
@H2IntegrationTest
class LoginWithoutSessionH2IntegrationTests {

    @Autowired
    MockMvc mvc;

    MvcResult anonymous(RequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request).andReturn();
        var session = result.getRequest().getSession(false);
        assertThat(session)
                .as(
                        "no session for %s: %s",
                        result.getRequest().getRequestURI(),
                        session == null ? "" : java.util.Collections.list(session.getAttributeNames()))
                .isNull();
        return result;
    }

    @Test
    void anonymousPagesAndAFailedLoginCreateNoSession() throws Exception {
        anonymous(get("/pos"));
        anonymous(get("/admin/customers"));
        anonymous(get("/pos/cart").header("HX-Request", "true"));
        MvcResult failed = anonymous(post("/login")
                .param("username", "admin")
                .param("password", "not-the-admin-password")
                .with(csrf()));
        assertThat(failed.getResponse().getRedirectedUrl()).isEqualTo("/login?error");
        // The login page itself is counted on the packaged app: here, the first test that uses MockMvc's csrf()
        // swaps the application's token store (LoginCsrfTokens) for one of its own that keeps tokens in the session.
    }

    @Test
    void afterLoggingInTheBrowserGoesBackToThePageItWasSentAwayFrom() throws Exception {
        Cookie saved = mvc.perform(get("/admin/customers").queryParam("q", "ada"))
                .andExpect(redirectedUrl("/login"))
                .andReturn()
                .getResponse()
                .getCookie("REDIRECT_URI");
        assertThat(saved).as("the page to come back to is in a cookie").isNotNull();

        MvcResult login = mvc.perform(logIn().cookie(saved))
                .andExpect(redirectedUrl("/admin/customers?q=ada"))
                .andReturn();
        assertThat(login.getRequest().getSession(false))
                .as("a login starts the session")
                .isNotNull();
    }

    @Test
    void aFragmentIsNeverWhereTheLoginLeadsBackNorIsAnotherHost() throws Exception {
        Cookie fragment = mvc.perform(get("/pos/cart").header("HX-Request", "true"))
                .andExpect(status().isUnauthorized())
                .andReturn()
                .getResponse()
                .getCookie("REDIRECT_URI");
        assertThat(fragment == null || fragment.getMaxAge() == 0)
                .as("a fragment is not saved (an older saved page is dropped)")
                .isTrue();

        Cookie planted =
                new Cookie("REDIRECT_URI", Base64.getEncoder().encodeToString("https://evil.example/pos".getBytes()));
        mvc.perform(logIn().cookie(planted)).andExpect(redirectedUrl("/pos"));
        Cookie schemeRelative = new Cookie(
                "REDIRECT_URI", Base64.getEncoder().encodeToString("http://localhost//evil.example".getBytes()));
        mvc.perform(logIn().cookie(schemeRelative)).andExpect(redirectedUrl("/pos"));
    }

    static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder logIn() {
        return post("/login")
                .param("username", "admin")
                .param("password", TestStaff.ADMIN_PASSWORD)
                .with(csrf());
    }
}
