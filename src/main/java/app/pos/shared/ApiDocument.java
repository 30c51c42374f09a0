package app.pos.shared;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.media.UUIDSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The base of the OpenAPI document at {@code /v3/api-docs}: what the API is, how to authenticate (HTTP Basic,
 * applied to every operation) and the one {@code Problem} schema every error answers with. The responses each
 * operation gives are completed by {@link ApiResponsesDocumented}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocument {

    static final String BASIC_AUTH = "basicAuth";
    static final String PROBLEM = "Problem";

    @Bean
    OpenAPI posOpenApi() {
        return new OpenAPI()
                .info(new Info().title("POS API").version("v1").description("""
                                The point of sale's API: the menu, customers (search as a cashier types, \
                                find by phone), orders (priced by the server, placed once per Idempotency-Key, \
                                voided by managers) and staff users. Every call needs a staff user's \
                                credentials (HTTP Basic); what a role may do is listed per operation. Errors \
                                are RFC 9457 problem details (application/problem+json); a validation error \
                                lists each field in `errors`. Money is a JSON number with two decimals, \
                                timestamps are ISO-8601 with an offset. Fields marked nullable are sent as \
                                null when they have no value."""))
                .servers(List.of(new Server().url("/").description("This POS server")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC_AUTH))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC_AUTH,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("A staff user's username and password."))
                        .addSchemas("FieldError", fieldError())
                        .addSchemas(PROBLEM, problem()));
    }

    private static Schema<?> fieldError() {
        return new ObjectSchema()
                .description("One invalid field of a request.")
                .addProperty(
                        "field",
                        new StringSchema()
                                .description("The field's path in the request, e.g. `phone` or `items[0].quantity`, "
                                        + "or the parameter's name."))
                .addProperty("message", new StringSchema().description("What is wrong with it, for a person."))
                .required(List.of("field", "message"));
    }

    private static Schema<?> problem() {
        return new ObjectSchema()
                .description("An RFC 9457 problem: what went wrong, for a person (`title`, `detail`) and for a "
                        + "program (`status`, `errors` and the members named for the situation).")
                .addProperty(
                        "type",
                        new StringSchema()
                                .description("A URI reference naming the kind of problem; `about:blank` "
                                        + "when the status says it all."))
                .addProperty("title", new StringSchema().description("A short summary of the kind of problem."))
                .addProperty("status", new IntegerSchema().description("The HTTP status code."))
                .addProperty("detail", new StringSchema().description("What happened here, and what to do."))
                .addProperty(
                        "instance",
                        new StringSchema().description("The request path the problem is about, when given."))
                .addProperty(
                        "errors",
                        new ArraySchema()
                                .items(new Schema<>().$ref("#/components/schemas/FieldError"))
                                .description("400 only: each invalid field of the request."))
                .addProperty(
                        "existingCustomerId",
                        new UUIDSchema().description("409: the customer who already has this phone number."))
                .addProperty(
                        "existingProductId",
                        new UUIDSchema().description("409: the product that already has this SKU."))
                .addProperty("existingStaffId", new UUIDSchema().description("409: the staff user with this username."))
                .addProperty(
                        "orderId",
                        new UUIDSchema()
                                .description("422: the order placed with this Idempotency-Key and another body."))
                .addProperty(
                        "refundId",
                        new UUIDSchema()
                                .description("422: the refund made with this Idempotency-Key and another body."))
                .addProperty(
                        "productId",
                        new UUIDSchema()
                                .description(
                                        "409/422 of a refund: the product with fewer units left, or not in the order."))
                .addProperty(
                        "remaining",
                        new IntegerSchema()
                                .description("409 of a refund: how many of the product's units are left to refund."))
                .required(List.of("title", "status"));
    }
}
