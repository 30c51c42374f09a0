package app.pos.staff;

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
@RequestMapping(path = "/api/v1/staff", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Staff", description = "ADMIN only")
class StaffApiController {

    private final StaffService staff;

    StaffApiController(StaffService staff) {
        this.staff = staff;
    }

    /** The staff users. */
    record StaffList(List<StaffView> items) {}

    @PostMapping
    @Operation(operationId = "createStaff", summary = "Add a staff user")
    @ApiResponse(
            responseCode = "201",
            description = "Created",
            headers = @Header(name = "Location", description = "The new user's URL", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "403", description = "Only an ADMIN may manage staff.")
    @ApiResponse(responseCode = "409", description = "The username is taken (`existingStaffId`).")
    ResponseEntity<StaffView> create(@Valid @RequestBody NewStaff body) {
        StaffView created = staff.create(body);
        return ResponseEntity.created(URI.create("/api/v1/staff/" + created.id()))
                .body(created);
    }

    @GetMapping
    @Operation(operationId = "listStaff", summary = "Every staff user")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "403", description = "Only an ADMIN may manage staff.")
    StaffList list() {
        return new StaffList(staff.list());
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getStaff", summary = "One staff user")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "403", description = "Only an ADMIN may manage staff.")
    StaffView get(@PathVariable UUID id) {
        return staff.get(id);
    }

    @PutMapping("/{id}")
    @Operation(
            operationId = "updateStaff",
            summary = "Change role, active flag or password",
            description = "Fields left out stay as they are. 409 when it would leave no active ADMIN.")
    @ApiResponse(responseCode = "200", description = "OK")
    @ApiResponse(responseCode = "403", description = "Only an ADMIN may manage staff.")
    @ApiResponse(responseCode = "409", description = "The change would leave no active ADMIN.")
    StaffView update(@PathVariable UUID id, @Valid @RequestBody StaffChange body) {
        return staff.update(id, body);
    }
}
