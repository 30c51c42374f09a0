package app.pos.catalog;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    @PostMapping
    ResponseEntity<ProductView> create(@Valid @RequestBody NewProduct body) {
        ProductView created = products.create(body);
        return ResponseEntity.created(URI.create("/api/v1/products/" + created.id()))
                .body(created);
    }

    @GetMapping
    Map<String, List<ProductView>> active() {
        return Map.of("items", products.activeMenu());
    }

    @org.springframework.web.bind.annotation.PutMapping("/{id}")
    ProductView update(@PathVariable UUID id, @Valid @RequestBody NewProduct body) {
        return products.update(id, body);
    }

    @PostMapping("/{id}/deactivate")
    ProductView deactivate(@PathVariable UUID id) {
        return products.setActive(id, false);
    }

    @PostMapping("/{id}/activate")
    ProductView activate(@PathVariable UUID id) {
        return products.setActive(id, true);
    }

    @GetMapping("/{id}")
    ProductView get(@PathVariable UUID id) {
        return products.get(id);
    }
}
