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
    @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "200", description = "OK")
    @io.swagger.v3.oas.annotations.responses.ApiResponse(
            responseCode = "403",
            description = "Only a MANAGER or ADMIN may link legacy orders.")
    @Operation(
            operationId = "linkLegacyOrders",
            summary = "Link legacy orders to customers",
            description = "Orders with a customer name/number but no customer id are linked to customers found or "
                    + "created by normalized phone; their stats are recomputed. Running it again changes nothing.")
    LegacyOrderLinker.Report link() {
        return linker.link();
    }
}
