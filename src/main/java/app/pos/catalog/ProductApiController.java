package app.pos.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(path = "/api/v1/products", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Products", description = "The menu")
class ProductApiController {

    private final ProductService products;

    ProductApiController(ProductService products) {
        this.products = products;
    }

    /** The products on the menu. */
    record ProductList(List<ProductView> items) {}

    @PostMapping
    @Operation(operationId = "createProduct", summary = "Add a product to the menu (MANAGER and ADMIN)")
    @ApiResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @Header(
                            name = "Location",
                            description = "The new product's URL",
                            schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = "Only a MANAGER or ADMIN may change the menu.")
    @ApiResponse(responseCode = "409", description = "Another product has this SKU (`existingProductId`).")
    ResponseEntity<ProductView> create(@Valid @RequestBody NewProduct body) {
        ProductView created = products.create(body);
        return ResponseEntity.created(URI.create("/api/v1/products/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(operationId = "listProducts", summary = "The active products, by category and name")
    ProductList active() {
        return new ProductList(products.activeMenu());
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateProduct", summary = "Change a product (MANAGER and ADMIN)")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "403", description = "Only a MANAGER or ADMIN may change the menu.")
    @ApiResponse(responseCode = "409", description = "Another product has this SKU (`existingProductId`).")
    ProductView update(@PathVariable UUID id, @Valid @RequestBody NewProduct body) {
        return products.update(id, body);
    }

    @PostMapping("/{id}/deactivate")
    @Operation(operationId = "deactivateProduct", summary = "Take a product off the menu (MANAGER and ADMIN)")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "403", description = "Only a MANAGER or ADMIN may change the menu.")
    ProductView deactivate(@PathVariable UUID id) {
        return products.setActive(id, false);
    }

    @PostMapping("/{id}/activate")
    @Operation(operationId = "activateProduct", summary = "Put a product back on the menu (MANAGER and ADMIN)")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "403", description = "Only a MANAGER or ADMIN may change the menu.")
    ProductView activate(@PathVariable UUID id) {
        return products.setActive(id, true);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getProduct", summary = "One product, active or not")
    ProductView get(@PathVariable UUID id) {
        return products.get(id);
    }
}
