package app.pos.shared;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, parameters and HTTP Basic credentials that hold a NUL byte or are not
 * valid UTF-8: the database cannot store or compare such text, and they are a client's fault, so they answer a
 * 400 problem (401 for credentials) and are logged in one line at INFO, never as an error with a stack trace.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class MalformedInputFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(MalformedInputFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!cleanQuery(request.getQueryString()) || !cleanForm(request)) {
            log.info("Refused a request whose parameters hold a NUL byte or invalid UTF-8");
            refuse(
                    response,
                    400,
                    "Malformed request",
                    "A parameter holds a NUL byte or is not valid UTF-8; send text as percent-encoded UTF-8.");
            return;
        }
        if (!cleanBasicCredentials(request.getHeader("Authorization"))) {
            log.info("Refused HTTP Basic credentials that hold a NUL byte or invalid UTF-8");
            response.setHeader("WWW-Authenticate", "Basic realm=\"pos\"");
            refuse(
                    response,
                    401,
                    "Authentication required",
                    "Send valid staff credentials with HTTP Basic authentication.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The raw query, percent-decoded to bytes, is valid UTF-8 without a NUL. */
    static boolean cleanQuery(String query) {
        if (query == null) {
            return true;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (c == '%' && i + 2 < query.length() && hex(query.charAt(i + 1)) >= 0 && hex(query.charAt(i + 2)) >= 0) {
                bytes.write(hex(query.charAt(i + 1)) * 16 + hex(query.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return cleanUtf8(bytes.toByteArray());
    }

    private static boolean cleanForm(HttpServletRequest request) {
        if (!"POST".equals(request.getMethod())
                || request.getContentType() == null
                || !request.getContentType().startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)) {
            return true;
        }
        try {
            return request.getParameterMap().entrySet().stream()
                    .allMatch(e -> cleanText(e.getKey())
                            && Arrays.stream(e.getValue()).allMatch(MalformedInputFilter::cleanText));
        } catch (InvalidParameterException unreadable) {
            // Tomcat refuses a body with a percent-encoded byte sequence that is not UTF-8; a body too large is not
            // ours to answer here
            if (unreadable.getErrorCode() != HttpServletResponse.SC_BAD_REQUEST) {
                throw unreadable;
            }
            return false;
        }
    }

    /** Form values arrive decoded: a NUL stays a NUL, invalid UTF-8 becomes the replacement character. */
    private static boolean cleanText(String text) {
        return text == null || (text.indexOf('\u0000') < 0 && text.indexOf('\uFFFD') < 0);
    }

    static boolean cleanBasicCredentials(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return true;
        }
        try {
            return cleanUtf8(
                    Base64.getDecoder().decode(authorization.substring(6).strip()));
        } catch (IllegalArgumentException notBase64) {
            return true; // Spring Security answers a malformed token with its own 401
        }
    }

    private static boolean cleanUtf8(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    private static void refuse(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\"}");
    }
}
