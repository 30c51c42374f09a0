package app.pos.web;

import app.pos.shared.HtmxHeaders;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.View;
import org.springframework.web.servlet.ViewResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A page the staff member's role may not open answers 403 with the layout and its navigation, the reason and the
 * way back to the till, instead of a bare "403 Forbidden". It is rendered here because the refusal happens in the
 * security filter, before any controller (and its advice) runs. An htmx request and a refused CSRF token keep the
 * default answer (a plain 403, which the page shows in its flash area).
 */
@Component
@org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
public class ForbiddenPage implements AccessDeniedHandler {

    private final AccessDeniedHandler plain = new AccessDeniedHandlerImpl();
    private final ViewResolver views;
    private final CurrentStaff staff;

    ForbiddenPage(@Qualifier("thymeleafViewResolver") ViewResolver views, CurrentStaff staff) {
        this.views = views;
        this.staff = staff;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (HtmxHeaders.isHtmx(request) || denied instanceof CsrfException || response.isCommitted()) {
            plain.handle(request, response, denied);
            return;
        }
        Authentication who = SecurityContextHolder.getContext().getAuthentication();
        boolean manager = staff.isManager(who);
        Map<String, Object> model = new HashMap<>();
        model.put("staffName", who == null ? null : who.getName());
        model.put("isManager", manager);
        model.put("isAdmin", staff.isAdmin(who));
        // a manager is refused only what is for admins (staff); anyone else, the manager pages
        model.put("adminsOnly", manager);
        try {
            View view = views.resolveViewName("forbidden", RequestContextUtils.getLocale(request));
            response.setStatus(HttpStatus.FORBIDDEN.value());
            view.render(model, request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ServletException(e);
        }
    }
}
