package app.pos.order;

/** The outcome of placing an order: the order, and whether it was a replay of an earlier identical request. */
public record PlacedOrder(OrderView order, boolean replayed) {}
