package app.pos.customer;

/** Where a consent decision was taken. */
public enum ConsentSource {
    /** At the till, by the cashier logged in. */
    TILL,
    /** On the customer's profile in the back office. */
    BACK_OFFICE,
    /** From another system's export (Square, Shopify); no wording of ours was shown. */
    IMPORT,
    /** By a client of the JSON API. */
    API,
    /** By the customer, through the unsubscribe link of a message. */
    UNSUBSCRIBE_LINK
}
