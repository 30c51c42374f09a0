package app.pos.shared;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Finishes the document's schemas. A schema only responses use lists every property as required, since every
 * property is always sent (null where it has no value, and marked nullable): a strict client may rely on each.
 * Money (the API's only decimal numbers, {@code type: number} without a binary format, which generators read as
 * a decimal type such as Java's BigDecimal) is described as such.
 */
@Component
@SuppressWarnings({"rawtypes", "unchecked"})
class ApiSchemasDocumented implements OpenApiCustomizer {

    private static final String REF = "#/components/schemas/";
    private static final String MONEY = "An amount of money with two decimals (e.g. 4.50): read it as a decimal "
            + "number, not a binary floating point one, to keep every cent.";

    @Override
    public void customise(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Set<String> requests = reachableFromRequests(openApi, schemas);
        schemas.forEach((name, schema) -> {
            if (schema.getProperties() == null) {
                return;
            }
            if (!requests.contains(name) && !name.equals(ApiDocument.PROBLEM)) {
                schema.setRequired(List.copyOf(schema.getProperties().keySet()));
            }
            ((Map<String, Schema>) schema.getProperties()).values().forEach(ApiSchemasDocumented::money);
        });
    }

    private static void money(Schema<?> property) {
        if ("number".equals(property.getType()) && property.getFormat() == null && property.getDescription() == null) {
            property.setDescription(MONEY);
        }
    }

    private static Set<String> reachableFromRequests(OpenAPI openApi, Map<String, Schema> schemas) {
        Deque<Schema> pending = new ArrayDeque<>();
        openApi.getPaths()
                .values()
                .forEach(path -> path.readOperations().stream()
                        .map(Operation::getRequestBody)
                        .filter(body -> body != null && body.getContent() != null)
                        .forEach(body -> body.getContent().values().forEach(media -> pending.add(media.getSchema()))));
        Set<String> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema == null) {
                continue;
            }
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(REF.length());
                if (seen.add(name) && schemas.containsKey(name)) {
                    pending.add(schemas.get(name));
                }
                continue;
            }
            if (schema.getItems() != null) {
                pending.add(schema.getItems());
            }
            if (schema.getProperties() != null) {
                for (Object property : schema.getProperties().values()) {
                    pending.add((Schema) property);
                }
            }
        }
        return seen;
    }
}
