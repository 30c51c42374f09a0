package app.pos.customer;

/** What a customer may consent to: marketing by e-mail or text message, and membership of the loyalty program. */
public enum ConsentChannel {
    EMAIL,
    SMS,
    LOYALTY
}
