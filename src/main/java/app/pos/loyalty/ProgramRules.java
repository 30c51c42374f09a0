package app.pos.loyalty;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.shared.FieldError;
import app.pos.shared.InvalidInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Checks a program an ADMIN sends and fills in its defaults; every broken rule is one field error naming the
 * field ({@code tiers[1].qualifyingSpend}), all reported together as one 400 problem.
 */
@Component
class ProgramRules {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final ProductService catalog;

    ProgramRules(ProductService catalog) {
        this.catalog = catalog;
    }

    LoyaltyProgram checked(LoyaltyProgram in) {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal ppu = in.pointsPerUnit() == null ? BigDecimal.ONE : in.pointsPerUnit();
        if (ppu.signum() < 0 || ppu.scale() > 2 || ppu.compareTo(new BigDecimal("10000")) > 0) {
            errors.add(new FieldError("pointsPerUnit", "must be 0 to 10000 with at most 2 decimals"));
        }
        String basis = in.earnBasis() == null ? EarnBasis.BEFORE_TAX.name() : in.earnBasis();
        if (Stream.of(EarnBasis.values()).noneMatch(b -> b.name().equals(basis))) {
            errors.add(new FieldError("earnBasis", "must be BEFORE_TAX or AFTER_TAX"));
        }
        Integer months = in.pointsExpireAfterMonths();
        if (months != null && (months < 1 || months > 120)) {
            errors.add(new FieldError("pointsExpireAfterMonths", "must be null (never) or 1 to 120"));
        }
        List<String> excluded = in.excludedCategories() == null ? List.of() : in.excludedCategories();
        Set<String> categories =
                catalog.all().stream().map(ProductView::category).collect(Collectors.toSet());
        for (int i = 0; i < excluded.size(); i++) {
            if (!categories.contains(excluded.get(i))) {
                errors.add(new FieldError("excludedCategories[" + i + "]", "is not a category of the catalog"));
            }
        }
        List<LoyaltyProgram.Tier> tiers = in.tiers() == null ? LoyaltyProgram.DEFAULT_TIERS : in.tiers();
        checkTiers(tiers, errors);
        List<LoyaltyProgram.Reward> rewards = checkRewards(in.rewards() == null ? List.of() : in.rewards(), errors);
        if (!errors.isEmpty()) {
            throw InvalidInput.fields(errors);
        }
        return new LoyaltyProgram(
                in.enabled() == null ? Boolean.FALSE : in.enabled(),
                ppu,
                basis,
                excluded.stream().distinct().toList(),
                months,
                in.returnRedeemedPointsOnVoid() == null ? Boolean.TRUE : in.returnRedeemedPointsOnVoid(),
                List.copyOf(tiers),
                rewards);
    }

    private static void checkTiers(List<LoyaltyProgram.Tier> tiers, List<FieldError> errors) {
        Set<String> names = new HashSet<>();
        BigDecimal previous = null;
        for (int i = 0; i < tiers.size(); i++) {
            LoyaltyProgram.Tier tier = tiers.get(i);
            String at = "tiers[" + i + "].";
            if (tier == null) {
                errors.add(new FieldError("tiers[" + i + "]", "must not be null"));
                continue;
            }
            if (!validName(tier.name()) || !names.add(tier.name())) {
                errors.add(new FieldError(at + "name", "must be 1 to 100 characters and unique among tiers"));
            }
            BigDecimal spend = tier.qualifyingSpend();
            if (spend == null || spend.signum() < 0 || spend.scale() > 2) {
                errors.add(new FieldError(at + "qualifyingSpend", "must be 0 or more with at most 2 decimals"));
            } else if (previous != null && spend.compareTo(previous) <= 0) {
                errors.add(new FieldError(at + "qualifyingSpend", "must be more than the tier before (ascending)"));
            }
            previous = spend == null ? previous : spend;
            BigDecimal multiplier = tier.multiplier();
            if (multiplier == null
                    || multiplier.signum() < 0
                    || multiplier.scale() > 2
                    || multiplier.compareTo(HUNDRED) > 0) {
                errors.add(new FieldError(at + "multiplier", "must be 0 to 100 with at most 2 decimals"));
            }
        }
    }

    private List<LoyaltyProgram.Reward> checkRewards(List<LoyaltyProgram.Reward> rewards, List<FieldError> errors) {
        List<UUID> productIds = rewards.stream()
                .filter(r -> r != null && r.freeProductId() != null)
                .map(LoyaltyProgram.Reward::freeProductId)
                .toList();
        Set<UUID> known = catalog.findAll(productIds).keySet();
        Set<UUID> ids = new HashSet<>();
        List<LoyaltyProgram.Reward> out = new ArrayList<>();
        for (int i = 0; i < rewards.size(); i++) {
            LoyaltyProgram.Reward r = rewards.get(i);
            String at = "rewards[" + i + "].";
            if (r == null) {
                errors.add(new FieldError("rewards[" + i + "]", "must not be null"));
                continue;
            }
            UUID id = r.id() == null ? UUID.randomUUID() : r.id();
            if (!ids.add(id)) {
                errors.add(new FieldError(at + "id", "must be unique among rewards"));
            }
            if (!validName(r.name())) {
                errors.add(new FieldError(at + "name", "must be 1 to 100 characters"));
            }
            if (r.points() == null || r.points() <= 0) {
                errors.add(new FieldError(at + "points", "must be a positive whole number"));
            }
            long kinds = Stream.of(r.discountAmount(), r.discountPercent(), r.freeProductId())
                    .filter(v -> v != null)
                    .count();
            if (kinds != 1) {
                errors.add(new FieldError(
                        at + "discountAmount", "exactly one of discountAmount, discountPercent, freeProductId"));
            } else if (r.discountAmount() != null
                    && (r.discountAmount().signum() <= 0 || r.discountAmount().scale() > 2)) {
                errors.add(new FieldError(at + "discountAmount", "must be more than 0 with at most 2 decimals"));
            } else if (r.discountPercent() != null
                    && (r.discountPercent().signum() <= 0 || r.discountPercent().compareTo(HUNDRED) > 0)) {
                errors.add(new FieldError(at + "discountPercent", "must be more than 0 and at most 100"));
            } else if (r.freeProductId() != null && !known.contains(r.freeProductId())) {
                errors.add(new FieldError(at + "freeProductId", "is not a product of the catalog"));
            }
            out.add(new LoyaltyProgram.Reward(
                    id,
                    r.name() == null ? null : r.name().strip(),
                    r.points(),
                    r.discountAmount(),
                    r.discountPercent(),
                    r.freeProductId(),
                    r.active() == null ? Boolean.TRUE : r.active()));
        }
        return List.copyOf(out);
    }

    private static boolean validName(String name) {
        return name != null && !name.isBlank() && name.length() <= 100 && !name.matches(".*\\p{Cntrl}.*");
    }
}
