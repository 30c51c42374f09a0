package app.pos.customer;

/**
 * A customer's decision for one channel. {@link #NOT_ASKED} is the state of a channel nothing was recorded for;
 * it is never recorded, so no one can set it.
 */
public enum ConsentState {
    GRANTED,
    WITHDRAWN,
    NOT_ASKED
}
