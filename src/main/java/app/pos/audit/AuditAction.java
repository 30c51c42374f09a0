package app.pos.audit;

/** What was done with a customer's personal data. */
public enum AuditAction {
    /** A staff user opened the customer's profile in the back office. */
    PROFILE_VIEWED,
    /** The customer list was exported as CSV; the detail holds the filter and the row count. */
    CUSTOMERS_EXPORTED,
    /** Everything held about one customer was handed out (GDPR Art. 15 and 20). */
    DATA_EXPORTED,
    /** A customer was erased, on request or by the retention policy. */
    CUSTOMER_ERASED,
    /** A consent was granted or withdrawn. */
    CONSENT_CHANGED,
    /** The retention policy ran; the detail holds how many customers it erased. */
    RETENTION_RUN,
    /** Two customer records were merged; the entry names the kept one, the detail the removed one. */
    CUSTOMERS_MERGED
}
