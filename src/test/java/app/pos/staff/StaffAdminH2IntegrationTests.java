package app.pos.staff;

import static app.pos.support.Fixtures.admin;
import static app.pos.support.Fixtures.cashier;
import static app.pos.support.Fixtures.manager;
import static app.pos.support.Fixtures.uniqueUsername;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.pos.support.DatabaseState;
import app.pos.support.H2IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The staff administration page (ADMIN only) on H2: listing, creating with errors at the fields, and the per-row
 * form that changes role, active flag and password. The database is shared, so every user here is new and
 * uniquely named.
 */
@H2IntegrationTest
class StaffAdminH2IntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    StaffService staffService;

    // --- helpers --------------------------------------------------------------------------------------------

    StaffView create(String username, String password, StaffRole role) {
        return staffService.create(new NewStaff(username, password, role));
    }

    List<StaffView> named(String username) {
        return staffService.list().stream()
                .filter(s -> s.username().equals(username))
                .toList();
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString();
    }

    String page() throws Exception {
        return body(mvc.perform(get("/admin/staff").with(admin()))
                .andExpect(status().isOk())
                .andReturn());
    }

    /** The table row of one user, from its opening tag to its end. */
    static String row(String html, String username) {
        Matcher m = Pattern.compile(
                        "<tr[^>]*id=\"staff-" + Pattern.quote(username) + "\"[^>]*>.*?</tr>", Pattern.DOTALL)
                .matcher(html);
        assertThat(m.find()).as("a row for %s", username).isTrue();
        return m.group();
    }

    MockHttpServletRequestBuilder createForm(String username, String password, String role) {
        return post("/admin/staff")
                .with(csrf())
                .param("username", username)
                .param("password", password)
                .param("role", role);
    }

    MockHttpServletRequestBuilder rowForm(UUID id) {
        return post("/admin/staff/" + id).with(csrf());
    }

    int productsAs(String username, String password) throws Exception {
        return mvc.perform(get("/api/v1/products").with(httpBasic(username, password)))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    // --- the list -------------------------------------------------------------------------------------------

    @Test
    void anAdminSeesEveryStaffUserWithTheirRoleAndNoPasswords() throws Exception {
        StaffView fresh = create(uniqueUsername("listed"), "listed-password", StaffRole.MANAGER);
        StaffView gone = create(uniqueUsername("gone"), "gone-away-password", StaffRole.CASHIER);
        staffService.update(gone.id(), new StaffChange(null, false, null));

        String html = body(mvc.perform(get("/admin/staff").with(admin()))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn());

        assertThat(html).contains("id=\"staff-form\"").contains("action=\"/admin/staff\"");
        for (String username : List.of("admin", "cashier", "manager", fresh.username(), gone.username())) {
            assertThat(row(html, username)).contains("<td>" + username + "</td>");
        }
        String freshRow = row(html, fresh.username());
        assertThat(freshRow)
                .contains("action=\"/admin/staff/" + fresh.id() + "\"")
                .contains("<option value=\"MANAGER\" selected=\"selected\">MANAGER</option>")
                .doesNotContain("<option value=\"CASHIER\" selected")
                .containsPattern("name=\"active\" value=\"true\" checked=\"checked\"")
                .contains("name=\"activeShown\" value=\"true\"")
                .doesNotContain("inactive");
        String goneRow = row(html, gone.username());
        assertThat(goneRow).containsPattern("<tr[^>]*class=\"inactive\"").doesNotContain("checked");
        assertThat(html).doesNotContain("listed-password", "{bcrypt}", "{noop}");
    }

    @Test
    void onlyAdminsMayOpenOrUseTheStaffPage() throws Exception {
        StaffView target = create(uniqueUsername("guarded"), "guarded-password", StaffRole.CASHIER);
        DatabaseState before = DatabaseState.of(jdbc);
        String sneaky = uniqueUsername("sneaky");

        mvc.perform(get("/admin/staff").with(manager())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/staff").with(cashier())).andExpect(status().isForbidden());
        mvc.perform(get("/admin/staff")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(createForm(sneaky, "sneaky-password", "ADMIN").with(manager()))
                .andExpect(status().isForbidden());
        mvc.perform(rowForm(target.id())
                        .with(manager())
                        .param("role", "ADMIN")
                        .param("activeShown", "true")
                        .param("active", "true"))
                .andExpect(status().isForbidden());

        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        assertThat(named(sneaky)).isEmpty();
        assertThat(staffService.get(target.id()).role()).isEqualTo(StaffRole.CASHIER);
    }

    @Test
    void aRefusedPageSaysWhyWithTheNavigationAndAWayBackWhileTheApiKeepsItsProblem() throws Exception {
        String cashierPage = body(mvc.perform(get("/admin").with(cashier()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                .andReturn());
        assertThat(cashierPage)
                .contains("This page is for managers and admins.")
                .contains("<header class=\"topbar\">")
                .contains("href=\"/pos\">Back to the till</a>")
                .doesNotContain("href=\"/admin/customers\"");
        mvc.perform(get("/admin/customers").with(cashier()))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("for managers and admins")));

        String managerPage = body(mvc.perform(get("/admin/staff").with(manager()))
                .andExpect(status().isForbidden())
                .andReturn());
        assertThat(managerPage)
                .contains("This page is for admins.")
                .contains("href=\"/admin/customers\"")
                .contains("href=\"/pos\">Back to the till</a>");

        mvc.perform(get("/admin").with(cashier()).header("HX-Request", "true"))
                .andExpect(status().isForbidden())
                .andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("<html"))));
        mvc.perform(get("/api/v1/staff").with(cashier()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aFormWithoutCsrfTokenIsRefused() throws Exception {
        String username = uniqueUsername("nocsrf");
        mvc.perform(post("/admin/staff")
                        .with(admin())
                        .param("username", username)
                        .param("password", "long-password-x")
                        .param("role", "CASHIER"))
                .andExpect(status().isForbidden());
        assertThat(named(username)).isEmpty();
    }

    // --- creating -------------------------------------------------------------------------------------------

    @Test
    void anAdminCreatesAStaffUserThroughTheForm() throws Exception {
        String username = uniqueUsername("formuser");
        mvc.perform(createForm(username, "form-user-password", "MANAGER").with(admin()))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/staff"))
                .andExpect(flash().attribute("message", "Created " + username + "."));

        assertThat(named(username)).singleElement().satisfies(s -> {
            assertThat(s.role()).isEqualTo(StaffRole.MANAGER);
            assertThat(s.active()).isTrue();
        });
        assertThat(productsAs(username, "form-user-password"))
                .as("the new user can log in")
                .isEqualTo(200);
        assertThat(row(page(), username)).contains("<option value=\"MANAGER\" selected=\"selected\">MANAGER</option>");
    }

    @Test
    void aTooShortPasswordIsShownNextToThePasswordFieldAndCreatesNobody() throws Exception {
        String username = uniqueUsername("shortpw");
        DatabaseState before = DatabaseState.of(jdbc);

        String html =
                body(mvc.perform(createForm(username, "123456789", "MANAGER").with(admin()))
                        .andExpect(status().isOk())
                        .andExpect(content().contentTypeCompatibleWith(MediaType.TEXT_HTML))
                        .andReturn());

        assertThat(html)
                .containsPattern(
                        Pattern.compile(
                                "<input id=\"f-password\" name=\"password\" value=\"\" type=\"password\" aria-invalid=\"true\" aria-describedby=\"f-password-error\" class=\"invalid\">\\s*"
                                        + "<p class=\"field-error\" id=\"f-password-error\" data-field=\"password\">[^<]*10[^<]*</p>"));
        assertThat(html).as("only the password is wrong").doesNotContain("data-field=\"username\"");
        assertThat(html).as("the typed password is not echoed back").doesNotContain("123456789");
        assertThat(html)
                .as("the username and role are kept")
                .contains("value=\"" + username + "\"")
                .containsPattern("<option value=\"MANAGER\" selected=\"selected\">MANAGER</option>");
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        assertThat(named(username)).isEmpty();
    }

    @Test
    void aCommonPasswordIsShownNextToThePasswordFieldAndCreatesNobody() throws Exception {
        String username = uniqueUsername("weakpw");
        DatabaseState before = DatabaseState.of(jdbc);

        String html =
                body(mvc.perform(createForm(username, "password12", "CASHIER").with(admin()))
                        .andExpect(status().isOk())
                        .andReturn());

        assertThat(html)
                .containsPattern("<p class=\"field-error\" id=\"f-password-error\" data-field=\"password\">"
                        + "is too easy to guess[^<]*several unrelated words</p>");
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        assertThat(named(username)).isEmpty();
    }

    @Test
    void aUsernameTakenInAnotherLetterCaseIsShownAtTheUsernameField() throws Exception {
        StaffView existing = create(uniqueUsername("Mixed-Case"), "mixed-case-password", StaffRole.CASHIER);
        DatabaseState before = DatabaseState.of(jdbc);

        String html = body(mvc.perform(createForm(existing.username().toLowerCase(), "another-long-password", "ADMIN")
                        .with(admin()))
                .andExpect(status().isOk())
                .andReturn());

        assertThat(html)
                .containsPattern("<p class=\"field-error\" id=\"f-username-error\" data-field=\"username\">[^<]*"
                        + Pattern.quote(existing.username()) + "[^<]*</p>");
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
    }

    @Test
    void aTakenOrInvalidUsernameIsShownAtTheUsernameField() throws Exception {
        StaffView existing = create(uniqueUsername("taken"), "taken-password", StaffRole.CASHIER);
        DatabaseState before = DatabaseState.of(jdbc);

        for (String username : List.of(existing.username(), "x", "with space")) {
            String html = body(mvc.perform(createForm(username, "another-long-password", "ADMIN")
                            .with(admin()))
                    .andExpect(status().isOk())
                    .andReturn());
            assertThat(html)
                    .as(username)
                    .containsPattern(
                            Pattern.compile(
                                    "<input id=\"f-username\" name=\"username\" value=\"[^\"]*\" type=\"text\" aria-invalid=\"true\" aria-describedby=\"f-username-error\" class=\"invalid\">\\s*"
                                            + "<p class=\"field-error\" id=\"f-username-error\" data-field=\"username\">[^<]+</p>"));
            assertThat(html).doesNotContain("data-field=\"password\"");
        }
        assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
        assertThat(staffService.get(existing.id()).role()).isEqualTo(StaffRole.CASHIER);
        assertThat(productsAs(existing.username(), "taken-password")).isEqualTo(200);
    }

    // --- changing -------------------------------------------------------------------------------------------

    @Test
    void anAdminChangesTheRoleThroughTheRowForm() throws Exception {
        StaffView user = create(uniqueUsername("promote"), "promote-password", StaffRole.CASHIER);

        mvc.perform(rowForm(user.id())
                        .with(admin())
                        .param("role", "MANAGER")
                        .param("active", "true")
                        .param("activeShown", "true")
                        .param("password", ""))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/staff"))
                .andExpect(flash().attribute("message", "Saved " + user.username() + "."));

        StaffView after = staffService.get(user.id());
        assertThat(after.role()).isEqualTo(StaffRole.MANAGER);
        assertThat(after.active()).isTrue();
        assertThat(productsAs(user.username(), "promote-password"))
                .as("an empty password field keeps the password")
                .isEqualTo(200);
        assertThat(row(page(), user.username()))
                .contains("<option value=\"MANAGER\" selected=\"selected\">MANAGER</option>");
    }

    @Test
    void untickingActiveDeactivatesTheUserAndTickingItReactivates() throws Exception {
        StaffView user = create(uniqueUsername("untick"), "untick-password", StaffRole.CASHIER);

        mvc.perform(rowForm(user.id())
                        .with(admin())
                        .param("role", "CASHIER")
                        .param("activeShown", "true")
                        .param("password", ""))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/staff"))
                .andExpect(flash().attribute("message", "Saved " + user.username() + "."));

        assertThat(staffService.get(user.id()).active()).isFalse();
        assertThat(staffService.get(user.id()).role()).isEqualTo(StaffRole.CASHIER);
        assertThat(productsAs(user.username(), "untick-password"))
                .as("a deactivated user cannot log in")
                .isEqualTo(401);
        assertThat(row(page(), user.username())).containsPattern("<tr[^>]*class=\"inactive\"");

        mvc.perform(rowForm(user.id())
                        .with(admin())
                        .param("role", "CASHIER")
                        .param("active", "true")
                        .param("activeShown", "true"))
                .andExpect(status().isFound());
        assertThat(staffService.get(user.id()).active()).isTrue();
        assertThat(productsAs(user.username(), "untick-password")).isEqualTo(200);
    }

    @Test
    void withoutTheActiveShownMarkerTheActiveFlagIsLeftAlone() throws Exception {
        StaffView user = create(uniqueUsername("noshown"), "noshown-password", StaffRole.CASHIER);
        mvc.perform(rowForm(user.id()).with(admin()).param("role", "MANAGER")).andExpect(status().isFound());
        StaffView after = staffService.get(user.id());
        assertThat(after.role()).isEqualTo(StaffRole.MANAGER);
        assertThat(after.active())
                .as("no checkbox on this form means no change")
                .isTrue();
    }

    @Test
    void anAdminResetsAPasswordThroughTheRowForm() throws Exception {
        StaffView user = create(uniqueUsername("reset"), "reset-password-old", StaffRole.CASHIER);

        mvc.perform(rowForm(user.id())
                        .with(admin())
                        .param("role", "CASHIER")
                        .param("active", "true")
                        .param("activeShown", "true")
                        .param("password", "reset-password-new"))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("message", "Saved " + user.username() + "."));

        assertThat(productsAs(user.username(), "reset-password-old")).isEqualTo(401);
        assertThat(productsAs(user.username(), "reset-password-new")).isEqualTo(200);
    }

    @Test
    void aTooShortNewPasswordIsReportedAndNothingInThatSubmissionIsSaved() throws Exception {
        StaffView user = create(uniqueUsername("shortreset"), "shortreset-password", StaffRole.CASHIER);

        mvc.perform(rowForm(user.id())
                        .with(admin())
                        .param("role", "MANAGER")
                        .param("activeShown", "true")
                        .param("password", "short"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/admin/staff"))
                .andExpect(flash().attribute("problem", "password must be at least 10 characters"));

        StaffView after = staffService.get(user.id());
        assertThat(after.role())
                .as("the role change is rolled back with the bad password")
                .isEqualTo(StaffRole.CASHIER);
        assertThat(after.active()).as("the deactivation is rolled back too").isTrue();
        assertThat(productsAs(user.username(), "shortreset-password")).isEqualTo(200);
    }

    @Test
    void theLastActiveAdminCannotBeDemotedOrDeactivatedThroughTheForm() throws Exception {
        StaffView solo = create(uniqueUsername("solo-admin"), "solo-admin-password", StaffRole.ADMIN);
        // The other admins, "admin" included, are deactivated meanwhile, so the last admin submits the forms.
        RequestPostProcessor asSolo = user(solo.username()).roles("ADMIN");
        String lastAdmin = new StaffProblems.LastAdmin().getMessage();
        List<UUID> deactivated = new ArrayList<>();
        try {
            for (StaffView s : staffService.list()) {
                if (s.role() == StaffRole.ADMIN && s.active() && !s.id().equals(solo.id())) {
                    staffService.update(s.id(), new StaffChange(null, false, null));
                    deactivated.add(s.id());
                }
            }
            assertThat(staffService.list())
                    .filteredOn(s -> s.role() == StaffRole.ADMIN && s.active())
                    .extracting(StaffView::id)
                    .containsExactly(solo.id());
            DatabaseState before = DatabaseState.of(jdbc);

            mvc.perform(rowForm(solo.id())
                            .with(asSolo)
                            .param("role", "CASHIER")
                            .param("active", "true")
                            .param("activeShown", "true"))
                    .andExpect(status().isFound())
                    .andExpect(redirectedUrl("/admin/staff"))
                    .andExpect(flash().attribute("problem", lastAdmin));
            mvc.perform(rowForm(solo.id()).with(asSolo).param("role", "ADMIN").param("activeShown", "true"))
                    .andExpect(status().isFound())
                    .andExpect(flash().attribute("problem", lastAdmin));

            assertThat(DatabaseState.of(jdbc)).isEqualTo(before);
            StaffView still = staffService.get(solo.id());
            assertThat(still.role()).isEqualTo(StaffRole.ADMIN);
            assertThat(still.active()).isTrue();

            MvcResult redirected = mvc.perform(rowForm(solo.id()).with(asSolo).param("role", "MANAGER"))
                    .andReturn();
            String shown = body(mvc.perform(get("/admin/staff").with(asSolo).flashAttrs(redirected.getFlashMap()))
                    .andExpect(status().isOk())
                    .andReturn());
            assertThat(shown)
                    .as("the problem is shown on the page")
                    .contains("<p class=\"notice error\" id=\"problem\">" + lastAdmin + "</p>");
            assertThat(staffService.get(solo.id()).role()).isEqualTo(StaffRole.ADMIN);
        } finally {
            for (UUID id : deactivated) {
                staffService.update(id, new StaffChange(null, true, null));
            }
        }
        assertThat(staffService.list())
                .filteredOn(s -> s.username().equals("admin"))
                .singleElement()
                .satisfies(a -> assertThat(a.active()).isTrue());
        mvc.perform(get("/admin/staff").with(admin())).andExpect(status().isOk());
        staffService.update(solo.id(), new StaffChange(StaffRole.CASHIER, false, null));
    }

    @Test
    void aLongPasswordOnTheFormIsAcceptedOrShownAtThePasswordFieldNeverA500() throws Exception {
        String longPassword = "long-password-".repeat(7); // 98 characters
        String username = uniqueUsername("longform");
        MvcResult created = mvc.perform(
                        createForm(username, longPassword, "CASHIER").with(admin()))
                .andReturn();
        int status = created.getResponse().getStatus();
        assertThat(status).isIn(302, 200);
        if (status == 302) {
            assertThat(productsAs(username, longPassword)).isEqualTo(200);
        } else {
            assertThat(body(created)).contains("data-field=\"password\"");
            assertThat(named(username)).isEmpty();
        }

        StaffView user = create(uniqueUsername("longreset"), "longreset-password", StaffRole.CASHIER);
        MvcResult reset = mvc.perform(rowForm(user.id())
                        .with(admin())
                        .param("role", "CASHIER")
                        .param("active", "true")
                        .param("activeShown", "true")
                        .param("password", longPassword))
                .andReturn();
        assertThat(reset.getResponse().getStatus()).isEqualTo(302);
        if (reset.getFlashMap().get("problem") == null) {
            assertThat(productsAs(user.username(), longPassword)).isEqualTo(200);
        } else {
            assertThat(productsAs(user.username(), "longreset-password")).isEqualTo(200);
        }
    }

    @Test
    void aTamperedRoleValueIsA400AndChangesNothing() throws Exception {
        StaffView user = create(uniqueUsername("tamper"), "tamper-password", StaffRole.CASHIER);
        mvc.perform(rowForm(user.id()).with(admin()).param("role", "OWNER").param("activeShown", "true"))
                .andExpect(status().isBadRequest());
        assertThat(staffService.get(user.id()).role()).isEqualTo(StaffRole.CASHIER);
        assertThat(staffService.get(user.id()).active()).isTrue();
    }
}
