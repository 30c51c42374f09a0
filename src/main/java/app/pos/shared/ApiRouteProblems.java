package app.pos.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Requests under {@code /api/} that reach no endpoint (an unknown path, a method the path does not take, an
 * Accept header no endpoint answers) get a problem body like every other API error, not Spring's default error
 * body. These exceptions come before any controller is chosen, so {@link ApiProblems} (which answers the API's
 * controllers) never sees them; for pages they go on to the error page as before.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class ApiRouteProblems {

    @ExceptionHandler({
        NoResourceFoundException.class,
        NoHandlerFoundException.class,
        HttpRequestMethodNotSupportedException.class,
        HttpMediaTypeNotAcceptableException.class
    })
    ResponseEntity<ProblemDetail> noRoute(Exception ex, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith("/api/")) {
            throw ex;
        }
        HttpHeaders headers = new HttpHeaders();
        ProblemDetail problem;
        if (ex instanceof HttpRequestMethodNotSupportedException method) {
            problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "This path does not take " + method.getMethod() + "; see the Allow header.");
            problem.setTitle("Method not allowed");
            if (method.getSupportedHttpMethods() != null) {
                headers.setAllow(method.getSupportedHttpMethods());
            }
        } else if (ex instanceof HttpMediaTypeNotAcceptableException) {
            problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.NOT_ACCEPTABLE,
                    "This API answers application/json (application/problem+json for errors); "
                            + "the Accept header allows neither.");
            problem.setTitle("Not acceptable");
        } else {
            problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.NOT_FOUND, "There is no API endpoint at this path; see /v3/api-docs.");
            problem.setTitle("Not found");
        }
        return ResponseEntity.status(problem.getStatus())
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
