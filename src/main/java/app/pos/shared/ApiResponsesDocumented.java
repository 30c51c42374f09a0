package app.pos.shared;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds to every API operation the error responses it can really give, which its own annotations do not list:
 * 400 when it takes input, 401, 404 for a path with an id, 406, 413 and 415 for a body, 500 and 503 (with
 * {@code Retry-After}). Every 4xx and 5xx, listed here or on the operation, is an {@code application/problem+json}
 * body of the one {@code Problem} schema.
 */
@Component
class ApiResponsesDocumented implements OperationCustomizer {

    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        ApiResponses responses = operation.getResponses();
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        boolean body = operation.getRequestBody() != null;
        if (body || parameters.stream().anyMatch(p -> !"path".equals(p.getIn()))) {
            add(responses, "400", "Invalid request: `errors` lists each invalid field or parameter with its message.");
        }
        add(responses, "401", "No valid staff credentials: send a staff user's username and password (HTTP Basic).")
                .addHeaderObject(
                        "WWW-Authenticate",
                        new Header().description("`Basic realm=\"pos\"`").schema(new StringSchema()));
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            add(responses, "404", "No record with this id.");
        }
        add(responses, "406", "The Accept header allows neither application/json nor application/problem+json.");
        if (body) {
            add(responses, "413", "The request body is larger than the server accepts.");
            add(responses, "415", "The request body's Content-Type is not one this operation reads.");
        }
        add(responses, "500", "Something went wrong on the server; nothing was saved.");
        add(responses, "503", "The database did not answer; retry after the given number of seconds.")
                .addHeaderObject(
                        "Retry-After",
                        new Header()
                                .description("Seconds to wait before retrying.")
                                .schema(new IntegerSchema()));
        responses.forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                response.setContent(problemContent());
            }
        });
        return operation;
    }

    private static ApiResponse add(ApiResponses responses, String code, String description) {
        return responses.computeIfAbsent(code, c -> new ApiResponse().description(description));
    }

    private static Content problemContent() {
        return new Content()
                .addMediaType(
                        PROBLEM_JSON,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ApiDocument.PROBLEM)));
    }
}
