package app.pos.staff;

import io.swagger.v3.oas.annotations.Operation;
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

    @PostMapping
    ResponseEntity<StaffView> create(@Valid @RequestBody NewStaff body) {
        StaffView created = staff.create(body);
        return ResponseEntity.created(URI.create("/api/v1/staff/" + created.id()))
                .body(created);
    }

    @GetMapping
    Map<String, List<StaffView>> list() {
        return Map.of("items", staff.list());
    }

    @GetMapping("/{id}")
    StaffView get(@PathVariable UUID id) {
        return staff.get(id);
    }

    @PutMapping("/{id}")
    @Operation(
            summary = "Change role, active flag or password",
            description = "409 when it would leave no active ADMIN.")
    StaffView update(@PathVariable UUID id, @Valid @RequestBody StaffChange body) {
        return staff.update(id, body);
    }
}
