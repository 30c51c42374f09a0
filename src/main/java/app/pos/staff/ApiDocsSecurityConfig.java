package app.pos.staff;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The OpenAPI document ({@code /v3/api-docs}) is read by client generators with HTTP Basic and by Swagger UI with
 * the page session, so its chain accepts both; without either it answers a 401 problem, never a login redirect.
 * Read-only (GET), so it needs no CSRF token.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class ApiDocsSecurityConfig {

    @Bean
    @Order(0)
    SecurityFilterChain apiDocs(HttpSecurity http, StaffService staff) throws Exception {
        ProblemSecurityHandlers problems = new ProblemSecurityHandlers();
        http.securityMatcher("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml")
                .addFilterBefore(new ActiveStaffFilter(staff), AuthorizationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(ex -> ex.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
