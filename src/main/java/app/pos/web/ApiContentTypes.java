package app.pos.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Set;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses the three content types an HTML form (or a no-CORS fetch) on another site can send, on every API request
 * that changes something: otherwise a cross-site form could void an order or deactivate a product where the
 * browser has cached HTTP Basic credentials, since those requests need no body. The customer import upload is the
 * one multipart endpoint; it is refused when the browser says the request comes from another site
 * ({@code Sec-Fetch-Site}). The refusal is a 415 problem body from the API's advice.
 */
@Configuration(proxyBeanMethods = false)
class ApiContentTypes implements WebMvcConfigurer, HandlerInterceptor {

    static final String IMPORT_UPLOAD = "/api/v1/customers/imports";

    private static final Set<String> CHANGES =
            Set.of(HttpMethod.POST.name(), HttpMethod.PUT.name(), HttpMethod.PATCH.name(), HttpMethod.DELETE.name());
    private static final List<MediaType> FORM_TYPES =
            List.of(MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws HttpMediaTypeNotSupportedException {
        String header = request.getContentType();
        if (header == null || !CHANGES.contains(request.getMethod())) {
            return true;
        }
        MediaType type;
        try {
            type = MediaType.parseMediaType(header);
        } catch (InvalidMediaTypeException malformed) {
            return true; // the handler's own reading answers it
        }
        boolean upload = request.getRequestURI().equals(request.getContextPath() + IMPORT_UPLOAD)
                && MediaType.MULTIPART_FORM_DATA.isCompatibleWith(type)
                && !isCrossSite(request);
        if (!upload && FORM_TYPES.stream().anyMatch(form -> form.isCompatibleWith(type))) {
            throw new HttpMediaTypeNotSupportedException(
                    type, List.of(MediaType.APPLICATION_JSON), HttpMethod.valueOf(request.getMethod()));
        }
        return true;
    }

    private static boolean isCrossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return "cross-site".equals(site) || "same-site".equals(site);
    }
}
