package app.pos.loyalty.web;

import app.pos.loyalty.LoyaltyProgram;
import app.pos.shared.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the form into the program the service checks, and the service's field errors back into the form's fields:
 * the service names what the API sends ({@code rewards[0].discountAmount}), the form has one value per reward
 * ({@code rewards[0].value}). Each error is shown with a message key chosen by field, the service's text the
 * fallback.
 */
final class ProgramFormReader {

    private static final Pattern ROW = Pattern.compile("(tiers|rewards|excludedCategories)\\[(\\d+)](?:\\.(\\w+))?");

    /** The message key of each field's error (by the form's path, rows' index left out). */
    private static final Map<String, String> KEYS = Map.ofEntries(
            Map.entry("pointsPerUnit", "loyalty.error.pointsPerUnit"),
            Map.entry("earnBasis", "loyalty.error.earnBasis"),
            Map.entry("pointsExpireAfterMonths", "loyalty.error.pointsExpireAfterMonths"),
            Map.entry("excludedCategories", "loyalty.error.excludedCategories"),
            Map.entry("tiers.name", "loyalty.error.tierName"),
            Map.entry("tiers.qualifyingSpend", "loyalty.error.qualifyingSpend"),
            Map.entry("tiers.ascending", "loyalty.error.ascending"),
            Map.entry("tiers.multiplier", "loyalty.error.multiplier"),
            Map.entry("rewards.name", "loyalty.error.rewardName"),
            Map.entry("rewards.points", "loyalty.error.points"),
            Map.entry("rewards.kind", "loyalty.error.rewardKind"),
            Map.entry("rewards.discountAmount", "loyalty.error.discountAmount"),
            Map.entry("rewards.discountPercent", "loyalty.error.discountPercent"),
            Map.entry("rewards.freeProductId", "loyalty.error.freeProductId"));

    static final String NUMBER_KEY = "loyalty.error.number";

    /** A field of the form with the message key (null: show the service's text) and the service's text. */
    record FormError(String path, String key, String fallback) {}

    private ProgramFormReader() {}

    /** What the form says, with a number that does not parse sent as null and reported in {@code notNumbers}. */
    static LoyaltyProgram program(ProgramForm form, List<String> notNumbers) {
        List<LoyaltyProgram.Tier> tiers = new ArrayList<>();
        for (int i = 0; i < form.getTiers().size(); i++) {
            ProgramForm.TierRow row = form.getTiers().get(i);
            String at = "tiers[" + i + "].";
            tiers.add(new LoyaltyProgram.Tier(
                    row.getName() == null ? null : row.getName().strip(),
                    decimal(row.getQualifyingSpend(), at + "qualifyingSpend", notNumbers),
                    decimal(row.getMultiplier(), at + "multiplier", notNumbers)));
        }
        List<LoyaltyProgram.Reward> rewards = new ArrayList<>();
        for (int i = 0; i < form.getRewards().size(); i++) {
            ProgramForm.RewardRow row = form.getRewards().get(i);
            String at = "rewards[" + i + "].";
            ProgramForm.Kind kind = row.getKind() == null ? ProgramForm.Kind.AMOUNT : row.getKind();
            BigDecimal value =
                    kind == ProgramForm.Kind.PRODUCT ? null : decimal(row.getValue(), at + "value", notNumbers);
            Integer points = whole(row.getPoints(), at + "points", notNumbers);
            rewards.add(new LoyaltyProgram.Reward(
                    uuid(row.getId()),
                    row.getName(),
                    points,
                    kind == ProgramForm.Kind.AMOUNT ? value : null,
                    kind == ProgramForm.Kind.PERCENT ? value : null,
                    kind == ProgramForm.Kind.PRODUCT ? uuid(row.getFreeProductId()) : null,
                    row.isActive()));
        }
        return new LoyaltyProgram(
                form.isEnabled(),
                decimal(form.getPointsPerUnit(), "pointsPerUnit", notNumbers),
                blankToNull(form.getEarnBasis()),
                List.copyOf(form.getExcludedCategories()),
                whole(form.getPointsExpireAfterMonths(), "pointsExpireAfterMonths", notNumbers),
                form.isReturnRedeemedPointsOnVoid(),
                tiers,
                rewards);
    }

    /** The form's field for one of the service's errors, and the key of its message. */
    static FormError toForm(FieldError error) {
        Matcher m = ROW.matcher(error.field());
        if (!m.matches()) {
            return new FormError(error.field(), KEYS.get(error.field()), error.message());
        }
        String list = m.group(1);
        String leaf = m.group(3);
        if (list.equals("excludedCategories")) {
            return new FormError(list, KEYS.get(list), error.message());
        }
        String row = list + "[" + m.group(2) + "].";
        if (leaf == null || leaf.equals("id")) {
            return new FormError(row + "name", KEYS.get(list + ".name"), error.message());
        }
        String key = KEYS.get(list + "." + leaf);
        if (leaf.equals("qualifyingSpend") && error.message().contains("ascending")) {
            key = KEYS.get("tiers.ascending");
        }
        if (leaf.equals("discountAmount") && error.message().startsWith("exactly one")) {
            key = KEYS.get("rewards.kind");
        }
        String path = leaf.equals("discountAmount") || leaf.equals("discountPercent") ? row + "value" : row + leaf;
        return new FormError(path, key, error.message());
    }

    private static BigDecimal decimal(String typed, String path, List<String> notNumbers) {
        String text = blankToNull(typed);
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            notNumbers.add(path);
            return null;
        }
    }

    private static Integer whole(String typed, String path, List<String> notNumbers) {
        String text = blankToNull(typed);
        if (text == null) {
            return null;
        }
        try {
            return Integer.valueOf(text);
        } catch (NumberFormatException e) {
            notNumbers.add(path);
            return null;
        }
    }

    /** Ids come from hidden fields and the product list; one that is not a UUID is treated as none. */
    private static UUID uuid(String typed) {
        String text = blankToNull(typed);
        if (text == null) {
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String blankToNull(String typed) {
        return typed == null || typed.isBlank() ? null : typed.strip();
    }
}
