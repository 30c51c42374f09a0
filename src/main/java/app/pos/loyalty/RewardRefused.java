package app.pos.loyalty;

import app.pos.shared.FieldError;
import app.pos.shared.PosException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/**
 * A reward that an order cannot redeem: 409 when the balance does not cover it (now: a concurrent order may have spent
 * it), 422 when the order cannot have it at all. Each names the field {@code rewardId} in {@code errors}.
 */
public final class RewardRefused extends PosException {

    private final String messageKey;

    private RewardRefused(
            HttpStatus status, String messageKey, String title, String detail, Map<String, Object> extra) {
        super(status, title, detail, with(extra, detail));
        this.messageKey = messageKey;
    }

    /** The key of the message a page shows for this refusal (the detail is the API's English). */
    public String messageKey() {
        return messageKey;
    }

    private static Map<String, Object> with(Map<String, Object> extra, String detail) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(extra);
        all.put("errors", List.of(new FieldError("rewardId", detail)));
        return all;
    }

    private static RewardRefused unprocessable(String messageKey, String title, String detail) {
        return new RewardRefused(HttpStatus.UNPROCESSABLE_CONTENT, messageKey, title, detail, Map.of());
    }

    static RewardRefused notEnoughPoints(long needed, long balance) {
        return new RewardRefused(
                HttpStatus.CONFLICT,
                "reward.refused.notEnoughPoints",
                "Not enough points",
                "The reward costs " + needed + " points and the customer's balance is " + balance + ".",
                Map.of("pointsNeeded", needed, "balance", balance));
    }

    static RewardRefused noCustomer() {
        return unprocessable(
                "reward.refused.noCustomer",
                "Reward without a customer",
                "A reward needs the order's customer, a loyalty member; this order has none.");
    }

    static RewardRefused notMember() {
        return unprocessable(
                "reward.refused.notMember",
                "Not a loyalty member",
                "The order's customer is not a loyalty member; only members redeem rewards.");
    }

    static RewardRefused programOff() {
        return unprocessable(
                "reward.refused.programOff",
                "Loyalty program off",
                "The loyalty program is off; no reward can be redeemed.");
    }

    static RewardRefused unknown(UUID rewardId) {
        return unprocessable(
                "reward.refused.unknown", "Unknown reward", "The loyalty program has no reward " + rewardId + ".");
    }

    static RewardRefused inactive(String name) {
        return unprocessable(
                "reward.refused.inactive", "Reward not offered", "The reward '" + name + "' is no longer offered.");
    }

    static RewardRefused freeProductMissing(String name) {
        return unprocessable(
                "reward.refused.freeProductMissing",
                "Free product not in the order",
                "The reward '" + name + "' gives one unit of a product the order does not contain; add it first.");
    }

    static RewardRefused nothingEligible(String name) {
        return unprocessable(
                "reward.refused.nothingEligible",
                "Nothing the reward applies to",
                "The reward '" + name + "' applies to none of the order's lines (their categories earn and redeem "
                        + "nothing).");
    }
}
