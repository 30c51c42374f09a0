package app.pos.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pos.support.PostgresIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

/** The audit log records who did what to whom, and nobody can change or remove what it recorded. */
@PostgresIntegrationTest
class AuditLogPostgresIntegrationTests {

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    @WithMockUser(username = "auditing-manager", roles = "MANAGER")
    void anEntryNamesTheStaffUserTheActionAndTheCustomer() {
        UUID customer = UUID.randomUUID();

        audit.record(AuditAction.PROFILE_VIEWED, customer, null);
        audit.record(AuditAction.DATA_EXPORTED, customer, "json");

        assertThat(audit.about(customer))
                .extracting(AuditEntry::staff, AuditEntry::action, AuditEntry::customerId, AuditEntry::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "auditing-manager", AuditAction.PROFILE_VIEWED, customer, null),
                        org.assertj.core.groups.Tuple.tuple(
                                "auditing-manager", AuditAction.DATA_EXPORTED, customer, "json"));
    }

    @Test
    void workWithoutAUserIsRecordedAsTheSystem() {
        UUID customer = UUID.randomUUID();

        audit.record(AuditAction.CUSTOMER_ERASED, customer, "retention");

        assertThat(audit.about(customer))
                .singleElement()
                .extracting(AuditEntry::staff)
                .isEqualTo(AuditLog.SYSTEM);
    }

    @Test
    void theDatabaseRefusesToUpdateOrDeleteAnEntry() {
        UUID customer = UUID.randomUUID();
        audit.record(AuditAction.CONSENT_CHANGED, customer, "EMAIL GRANTED");

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET staff = 'someone-else' WHERE customer_id = :c")
                        .param("c", customer)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE customer_id = :c")
                        .param("c", customer)
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_log").update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("append-only");
        assertThat(audit.about(customer))
                .singleElement()
                .extracting(AuditEntry::staff)
                .isEqualTo(AuditLog.SYSTEM);
    }
}
