package app.pos.customer;

import java.util.UUID;

/** A customer granted or withdrew a consent; published in the transaction that recorded it. */
public record ConsentChanged(UUID customerId, ConsentChannel channel, ConsentState state, ConsentSource source) {}
