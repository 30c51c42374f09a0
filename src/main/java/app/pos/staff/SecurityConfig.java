package app.pos.staff;

import app.pos.shared.HtmxHeaders;
import app.pos.web.ForbiddenPage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

/**
 * Two filter chains. The API ({@code /api/**}) is stateless HTTP Basic with problem-body 401/403; since it never
 * reads a session cookie, it needs no CSRF token. Pages use a form login with a session and CSRF protection.
 * Only the login page, static assets and the health check are open.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(
                        auth -> auth.requestMatchers(HttpMethod.POST, "/api/v1/products", "/api/v1/products/**")
                                .hasRole("MANAGER")
                                .requestMatchers(HttpMethod.PUT, "/api/v1/products/**")
                                .hasRole("MANAGER")
                                .requestMatchers(HttpMethod.DELETE, "/api/v1/customers/**")
                                .hasRole("MANAGER")
                                .requestMatchers(HttpMethod.GET, "/api/v1/customers/*/data-export")
                                .hasRole("MANAGER")
                                .requestMatchers(HttpMethod.POST, "/api/v1/customers/*/erasure")
                                .hasRole("ADMIN")
                                .requestMatchers("/api/v1/privacy/retention", "/api/v1/privacy/retention/**")
                                .hasRole("ADMIN")
                                .requestMatchers(HttpMethod.POST, "/api/v1/customers/imports")
                                .hasRole("MANAGER")
                                .requestMatchers(HttpMethod.POST, "/api/v1/orders/*/void")
                                .hasRole("MANAGER")
                                .requestMatchers(HttpMethod.POST, "/api/v1/orders/*/refunds")
                                .hasRole("MANAGER")
                                .requestMatchers("/api/v1/admin/reconciliation")
                                .hasRole("ADMIN")
                                .requestMatchers("/api/v1/admin/**")
                                .hasRole("MANAGER")
                                .requestMatchers("/api/v1/staff", "/api/v1/staff/**")
                                .hasRole("ADMIN")
                                .requestMatchers(HttpMethod.PUT, "/api/v1/privacy/consent-wordings/**")
                                .hasRole("ADMIN")
                                .requestMatchers(HttpMethod.PUT, "/api/v1/privacy/settings")
                                .hasRole("ADMIN")
                                .requestMatchers("/api/v1/privacy/audit")
                                .hasRole("ADMIN")
                                .requestMatchers(HttpMethod.PUT, "/api/v1/loyalty/program")
                                .hasRole("ADMIN")
                                .requestMatchers("/api/v1/loyalty/report")
                                .hasRole("MANAGER")
                                .requestMatchers(HttpMethod.POST, "/api/v1/customers/*/loyalty/adjustments")
                                .hasRole("MANAGER")
                                .anyRequest()
                                .authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.addHeaderWriter(new SecurityHeaders()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, StaffService staff, ForbiddenPage forbidden) throws Exception {
        RequestCache requestCache = LoginPages.requestCache();
        SessionEnded sessionEnded = new SessionEnded(forbidden, requestCache);
        http.addFilterBefore(new ActiveStaffFilter(staff), AuthorizationFilter.class)
                .headers(headers -> headers.addHeaderWriter(new SecurityHeaders()))
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                "/login",
                                "/error",
                                "/actuator/health",
                                "/actuator/health/**",
                                "/css/**",
                                "/js/**",
                                "/webjars/**",
                                "/favicon.ico",
                                "/favicon.svg")
                        .permitAll()
                        .requestMatchers(HttpMethod.POST, "/pos/orders/*/void")
                        .hasRole("MANAGER")
                        .requestMatchers(HttpMethod.POST, "/pos/orders/*/refunds")
                        .hasRole("MANAGER")
                        .requestMatchers("/admin/staff", "/admin/staff/**")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/admin/loyalty", "/admin/loyalty/**")
                        .hasRole("ADMIN")
                        .requestMatchers(
                                "/admin/consent-wordings",
                                "/admin/consent-wordings/**",
                                "/admin/privacy",
                                "/admin/privacy/**",
                                "/admin/customers/*/erase")
                        .hasRole("ADMIN")
                        .requestMatchers("/admin", "/admin/**")
                        .hasRole("MANAGER")
                        .anyRequest()
                        .authenticated())
                // no session before a successful login (LoginPages)
                .requestCache(cache -> cache.requestCache(requestCache))
                .csrf(csrf -> csrf.csrfTokenRepository(new LoginCsrfTokens()))
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(LoginPages.succeeded(requestCache, rememberingCredentials(staff)))
                        .failureHandler(LoginPages.failed())
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                // An htmx request after the session expired must send the browser to the login page, not swap the
                // login page into a fragment: answer 401 with HX-Redirect instead of a 302. A stale CSRF token
                // without a logged-in user means the same (SessionEnded); any other refusal is the forbidden page.
                .exceptionHandling(ex -> ex.accessDeniedHandler(sessionEnded)
                        .defaultAuthenticationEntryPointFor(sessionEnded, HtmxHeaders::isHtmx)
                        .defaultAuthenticationEntryPointFor(loginPage(), AnyRequestMatcher.INSTANCE));
        return http.build();
    }

    /** A relative redirect: an absolute one would be built from the Host header the client sent. */
    private static LoginUrlAuthenticationEntryPoint loginPage() {
        LoginUrlAuthenticationEntryPoint login = new LoginUrlAuthenticationEntryPoint("/login");
        login.setFavorRelativeUris(true);
        return login;
    }

    /** Marks the new session for {@link ActiveStaffFilter}. */
    private static LoginPages.LoggedIn rememberingCredentials(StaffService staff) {
        return (request, username) -> ActiveStaffFilter.remember(request.getSession(), staff, username);
    }
}
