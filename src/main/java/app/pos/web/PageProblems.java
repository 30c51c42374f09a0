package app.pos.web;

import app.pos.shared.HtmxHeaders;
import app.pos.shared.PosException;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.support.MessageSourceAccessor;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors on pages. An htmx request gets the status and a plain-text message, which the page shows in its
 * flash area (never swapped into a table cell); a full page request gets the error page with the right status.
 * API controllers are answered by {@link app.pos.shared.ApiProblems}, which takes precedence.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageProblems {

    private static final Logger log = LoggerFactory.getLogger(PageProblems.class);

    private final MessageSourceAccessor messages;

    PageProblems(MessageSource messageSource) {
        this.messages = new MessageSourceAccessor(messageSource);
    }

    @ExceptionHandler(PosException.class)
    Object business(PosException ex, HttpServletRequest request) {
        return respond(request, ex.status(), ex.getMessage());
    }

    @ExceptionHandler(org.springframework.validation.BindException.class)
    Object badParameters(org.springframework.validation.BindException ex, HttpServletRequest request) {
        String fields = ex.getFieldErrors().stream()
                .map(org.springframework.validation.FieldError::getField)
                .distinct()
                .collect(java.util.stream.Collectors.joining(", "));
        return respond(
                request, HttpStatus.BAD_REQUEST, messages.getMessage("problem.invalidValues", new Object[] {fields}));
    }

    @ExceptionHandler({
        org.springframework.beans.TypeMismatchException.class,
        org.springframework.web.bind.MissingServletRequestParameterException.class
    })
    Object badParameter(Exception ex, HttpServletRequest request) {
        String name = ex instanceof org.springframework.web.method.annotation.MethodArgumentTypeMismatchException m
                ? m.getName()
                : ex instanceof org.springframework.web.bind.MissingServletRequestParameterException m
                        ? m.getParameterName()
                        : messages.getMessage("problem.aParameter");
        return respond(
                request, HttpStatus.BAD_REQUEST, messages.getMessage("problem.badParameter", new Object[] {name}));
    }

    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    Object rejected(Exception ex, HttpServletRequest request) {
        return respond(request, HttpStatus.BAD_REQUEST, messages.getMessage("problem.rejectedHeader"));
    }

    @ExceptionHandler(Exception.class)
    Object unexpected(Exception ex, HttpServletRequest request) throws Exception {
        if (ex instanceof org.springframework.web.servlet.resource.NoResourceFoundException
                || ex instanceof org.springframework.security.access.AccessDeniedException) {
            throw ex;
        }
        log.error("Unexpected error on a page", ex);
        return respond(request, HttpStatus.INTERNAL_SERVER_ERROR, messages.getMessage("problem.unexpected"));
    }

    private static Object respond(HttpServletRequest request, HttpStatus status, String message) {
        if (HtmxHeaders.isHtmx(request)) {
            return ResponseEntity.status(status)
                    .contentType(MediaType.TEXT_PLAIN)
                    .body(message);
        }
        ModelAndView page = new ModelAndView("error");
        page.setStatus(status);
        page.addObject("status", status.value());
        page.addObject("error", status.getReasonPhrase());
        page.addObject("message", message);
        return page;
    }
}
