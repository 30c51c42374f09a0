package app.pos.audit;

import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.support.TestClock;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;

/** The ADMIN's audit API: filters, newest first, pages, validation and roles. On PostgreSQL and H2. */
abstract class AuditApiContract {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
        SecurityContextHolder.clearContext();
    }

    /** Three entries about one customer at known times, by "auditor", and one about another customer. */
    UUID history() {
        UUID customer = UUID.randomUUID();
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "auditor", null, AuthorityUtils.createAuthorityList("ROLE_MANAGER")));
        at("2026-03-01T10:00:00Z");
        audit.record(AuditAction.PROFILE_VIEWED, customer, null);
        at("2026-03-02T10:00:00Z");
        audit.record(AuditAction.CONSENT_CHANGED, customer, "EMAIL GRANTED");
        at("2026-03-03T10:00:00Z");
        audit.record(AuditAction.PROFILE_VIEWED, customer, null);
        audit.record(AuditAction.PROFILE_VIEWED, UUID.randomUUID(), null);
        SecurityContextHolder.clearContext();
        clock.reset();
        return customer;
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    @Test
    void anAdminReadsTheEntriesAboutACustomerNewestFirst() throws Exception {
        UUID customer = history();
        mvc.perform(get("/api/v1/privacy/audit")
                        .param("customerId", customer.toString())
                        .with(admin()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items", hasSize(3)))
                .andExpect(jsonPath("$.items[0].action").value("PROFILE_VIEWED"))
                .andExpect(jsonPath("$.items[0].staff").value("auditor"))
                .andExpect(jsonPath("$.items[0].customerId").value(customer.toString()))
                .andExpect(jsonPath("$.items[0].at").value(org.hamcrest.Matchers.startsWith("2026-03-03T10:00")))
                .andExpect(jsonPath("$.items[1].action").value("CONSENT_CHANGED"))
                .andExpect(jsonPath("$.items[1].detail").value("EMAIL GRANTED"))
                .andExpect(jsonPath("$.items[2].at").value(org.hamcrest.Matchers.startsWith("2026-03-01T10:00")))
                .andExpect(jsonPath("$.hasMore").value(false));
    }

    @Test
    void actionAndTimeNarrowTheEntries() throws Exception {
        UUID customer = history();
        String id = customer.toString();
        mvc.perform(get("/api/v1/privacy/audit")
                        .param("customerId", id)
                        .param("action", "PROFILE_VIEWED")
                        .with(admin()))
                .andExpect(jsonPath("$.items", hasSize(2)));
        mvc.perform(get("/api/v1/privacy/audit")
                        .param("customerId", id)
                        .param("from", "2026-03-02")
                        .param("to", "2026-03-02")
                        .with(admin()))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].action").value("CONSENT_CHANGED"));
        mvc.perform(get("/api/v1/privacy/audit")
                        .param("customerId", id)
                        .param("from", "2026-03-02T10:00:00Z")
                        .with(admin()))
                .andExpect(jsonPath("$.items", hasSize(2)));
        mvc.perform(get("/api/v1/privacy/audit")
                        .param("customerId", id)
                        .param("to", "2026-03-02T10:00:00+00:00")
                        .with(admin()))
                .andExpect(jsonPath("$.items", hasSize(1)));
    }

    @Test
    void pagesFollowEachOther() throws Exception {
        UUID customer = history();
        String id = customer.toString();
        mvc.perform(get("/api/v1/privacy/audit")
                        .param("customerId", id)
                        .param("size", "2")
                        .with(admin()))
                .andExpect(jsonPath("$.items", hasSize(2)))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.hasMore").value(true));
        mvc.perform(get("/api/v1/privacy/audit")
                        .param("customerId", id)
                        .param("size", "2")
                        .param("page", "1")
                        .with(admin()))
                .andExpect(jsonPath("$.items", hasSize(1)))
                .andExpect(jsonPath("$.items[0].at").value(org.hamcrest.Matchers.startsWith("2026-03-01")))
                .andExpect(jsonPath("$.hasMore").value(false));
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() throws Exception {
        bad("action", "PEEKED");
        bad("customerId", "not-a-uuid");
        bad("from", "yesterday");
        bad("to", "2026-02-30");
        bad("size", "0");
        bad("size", "201");
        bad("page", "-1");
        mvc.perform(get("/api/v1/privacy/audit")
                        .param("from", "2026-03-02")
                        .param("to", "2026-03-01")
                        .with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("to"));
    }

    private void bad(String parameter, String value) throws Exception {
        mvc.perform(get("/api/v1/privacy/audit").param(parameter, value).with(admin()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value(parameter));
    }

    @Test
    void onlyAnAdminReadsTheLog() throws Exception {
        mvc.perform(get("/api/v1/privacy/audit").with(manager())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/privacy/audit").with(cashier())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/privacy/audit")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/privacy/audit").with(admin())).andExpect(status().isOk());
    }
}
