package app.pos.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The outermost filter: a database failure that escapes before any controller runs (the login check in the
 * security filters reads the staff table) answers 503 like the controllers' own database failures do, instead of
 * a bare 500. Controllers' failures are answered by {@link ApiProblems} and never reach this filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class DatabaseUnavailable extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseUnavailable.class);

    static final String DETAIL = "The database did not answer. If this happened while saving, it is unknown whether "
            + "the change was saved: retry with the same Idempotency-Key, which never creates a duplicate.";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException e) {
            if (!isDatabaseFailure(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("Database unavailable: {}", e.getClass().getSimpleName());
            response.reset();
            response.setStatus(503);
            response.setHeader("Retry-After", "5");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":\"Service unavailable\",\"status\":503,"
                            + "\"detail\":\"" + DETAIL + "\"}");
        }
    }

    static boolean isDatabaseFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException
                    || t instanceof CannotCreateTransactionException
                    || t instanceof QueryTimeoutException
                    || t instanceof org.springframework.transaction.TransactionSystemException) {
                return true;
            }
        }
        return false;
    }
}
