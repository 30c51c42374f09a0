package app.pos.customer;

import app.pos.audit.AuditAction;
import app.pos.audit.AuditEntry;
import app.pos.order.OrderView;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;

/**
 * Everything the POS holds about one customer, as their data export hands it out (GDPR Art. 15 and 20): one
 * record per section, so generated clients read typed data. Sections other features contribute
 * ({@link DataExportSection}) are under {@code sections}, by name.
 */
@Schema(name = "CustomerDataExport", description = "Everything the POS holds about one customer (GDPR Art. 15, 20).")
public record CustomerData(
        Header header,

        @Schema(description = "The customer record, notes included.")
        CustomerView customer,

        @Schema(description = "The ids other systems (imported files) gave this customer.")
        List<ExternalId> externalIds,

        @Schema(description = "What imported files said of marketing consent, per source and channel, as written.")
        List<ImportedConsent> importedMarketingConsents,

        @Schema(
                description = "Every consent decision (channel, state, source, wording version, time, staff user), "
                        + "newest first.")
        List<ConsentItem> consents,

        @Schema(description = "Every order, voided ones included, oldest first, with its lines.")
        List<OrderView> orders,

        @Schema(
                description = "The distinct addresses on their orders: delivered to, or the customer address the "
                        + "order was sold under.")
        List<AddressUsed> addresses,

        @Schema(
                description = "The merges this record was part of (and those of the records merged into it), oldest "
                        + "first; a merge keeps the removed record's name, phone and email.")
        List<Merge> merges,

        @Schema(description = "The audit log's entries about this customer, oldest first, this export's own included.")
        List<AuditRecord> audit,

        @Schema(description = "Sections other features add (e.g. `loyalty`), by name.")
        Map<String, Object> sections) {

    /** The version of this document's layout; raised when a field changes meaning or goes away. */
    public static final int FORMAT_VERSION = 1;

    /** The {@code Content-Disposition} of the download: an attachment named {@code customer-<id>.json}. */
    public static String contentDisposition(UUID customerId) {
        return ContentDisposition.attachment()
                .filename("customer-" + customerId + ".json")
                .build()
                .toString();
    }

    @Schema(name = "DataExportHeader", description = "When, by whom and where the export was made.")
    public record Header(
            @Schema(description = "The layout version of this document (" + FORMAT_VERSION + ").")
            int formatVersion,

            OffsetDateTime exportedAt,

            @Schema(description = "The staff user who made the export.")
            String exportedBy,

            @Schema(nullable = true, description = "The shop's name (POS_SHOP_NAME), null when not configured.")
            String shopName,

            UUID customerId) {}

    @Schema(name = "DataExportExternalId")
    public record ExternalId(
            @Schema(description = "The system the id comes from (the import's source).")
            String source,

            String externalId,

            @Schema(description = "When the POS first stored it.")
            OffsetDateTime recordedAt) {}

    @Schema(name = "DataExportImportedConsent")
    public record ImportedConsent(
            String source,
            @Schema(description = "EMAIL or SMS.") String channel,

            @Schema(description = "What the file said, e.g. `subscribed`.")
            String status,

            OffsetDateTime recordedAt) {}

    @Schema(name = "DataExportAddress")
    public record AddressUsed(
            String address,

            @Schema(description = "How many orders were delivered there.")
            long deliveries,

            @Schema(description = "How many orders were sold under it as the customer's address.")
            long onOrders,

            OffsetDateTime firstUsed,
            OffsetDateTime lastUsed) {}

    @Schema(name = "DataExportMerge")
    public record Merge(
            @Schema(description = "The record that was kept.")
            UUID survivorId,

            @Schema(description = "The record that was merged into it and removed.")
            UUID mergedId,

            @Schema(description = "The removed record's name.")
            String mergedName,

            @Schema(nullable = true) String mergedPhone,
            @Schema(nullable = true) String mergedEmail,
            int ordersMoved,

            @Schema(description = "The staff user who merged them.")
            String mergedBy,

            OffsetDateTime mergedAt) {}

    @Schema(name = "DataExportAuditEntry", description = "Who did what with the customer's data, and when.")
    public record AuditRecord(
            OffsetDateTime at,

            @Schema(description = "The staff user, or `system` for scheduled work.")
            String staff,

            AuditAction action,

            @Schema(nullable = true, description = "What was done, without personal data.")
            String detail) {

        static AuditRecord from(AuditEntry entry) {
            return new AuditRecord(entry.at(), entry.staff(), entry.action(), entry.detail());
        }
    }
}
