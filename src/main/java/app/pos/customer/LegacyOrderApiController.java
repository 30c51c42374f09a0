package app.pos.customer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping(produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Administration")
class LegacyOrderApiController {

    private final LegacyOrderLinker linker;

    LegacyOrderApiController(LegacyOrderLinker linker) {
        this.linker = linker;
    }

    @PostMapping("/api/v1/admin/legacy-orders/link")
    @Operation(
            summary = "Link legacy orders to customers",
            description = "Orders with a customer name/number but no customer id are linked to customers found or "
                    + "created by normalized phone; their stats are recomputed. Running it again changes nothing.")
    LegacyOrderLinker.Report link() {
        return linker.link();
    }
}
