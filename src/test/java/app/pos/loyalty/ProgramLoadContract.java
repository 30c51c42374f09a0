package app.pos.loyalty;

import static app.pos.support.Fixtures.uniqueName;
import static org.assertj.core.api.Assertions.assertThat;

import app.pos.catalog.ProductService;
import app.pos.catalog.ProductView;
import app.pos.support.Products;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The program is read in one statement (its row, tiers, rewards and excluded categories as rows of one query), on
 * PostgreSQL and H2 by the two subclasses: every setting an ADMIN stores comes back as stored, with its type and
 * scale, tiers and rewards in the ADMIN's order (not by name), categories by name.
 */
abstract class ProgramLoadContract {

    static final UUID AMOUNT = UUID.fromString("00000000-0000-0000-0000-00000000b001");
    static final UUID PERCENT = UUID.fromString("00000000-0000-0000-0000-00000000b002");
    static final UUID FREE = UUID.fromString("00000000-0000-0000-0000-00000000b003");

    @Autowired
    LoyaltyPrograms programs;

    @Autowired
    ProductService products;

    @AfterEach
    void backToTheDefaultProgram() {
        programs.update(new LoyaltyProgram(null, null, null, null, null, null, null, null), "admin");
    }

    @Test
    void everySettingComesBackAsStoredInOneLoad() {
        String cakes = uniqueName("Cakes");
        String bread = uniqueName("Bread");
        ProductView coffee = Products.create(products, uniqueName("Coffee"), uniqueName("Coffee"), "3.50");
        Products.create(products, uniqueName("Cake"), cakes, "4.00");
        Products.create(products, uniqueName("Loaf"), bread, "3.00");
        LoyaltyProgram stored = new LoyaltyProgram(
                true,
                new BigDecimal("2.50"),
                "AFTER_TAX",
                List.of(cakes, bread),
                12,
                false,
                List.of(
                        new LoyaltyProgram.Tier("Zinc", new BigDecimal("0.00"), new BigDecimal("1.00")),
                        new LoyaltyProgram.Tier("Amber", new BigDecimal("500.00"), new BigDecimal("1.75"))),
                List.of(
                        new LoyaltyProgram.Reward(AMOUNT, "Zero waste", 250, new BigDecimal("5.00"), null, null, true),
                        new LoyaltyProgram.Reward(PERCENT, "All ten", 120, null, new BigDecimal("10.00"), null, false),
                        new LoyaltyProgram.Reward(FREE, "Free coffee", 80, null, null, coffee.id(), true)));
        LoyaltyProgram expected = new LoyaltyProgram(
                stored.enabled(),
                stored.pointsPerUnit(),
                stored.earnBasis(),
                List.of(bread, cakes).stream().sorted().toList(),
                stored.pointsExpireAfterMonths(),
                stored.returnRedeemedPointsOnVoid(),
                stored.tiers(),
                stored.rewards());

        assertThat(programs.update(stored, "admin")).isEqualTo(expected);
        assertThat(programs.current()).isEqualTo(expected);
    }

    @Test
    void theDefaultProgramHasNoRewardsNorExclusionsAndNeverExpires() {
        LoyaltyProgram program = programs.current();

        assertThat(program.enabled()).isFalse();
        assertThat(program.pointsPerUnit()).isEqualTo(new BigDecimal("1.00"));
        assertThat(program.earnBasis()).isEqualTo("BEFORE_TAX");
        assertThat(program.pointsExpireAfterMonths()).isNull();
        assertThat(program.returnRedeemedPointsOnVoid()).isTrue();
        assertThat(program.tiers()).isEqualTo(LoyaltyProgram.DEFAULT_TIERS);
        assertThat(program.rewards()).isEmpty();
        assertThat(program.excludedCategories()).isEmpty();
    }
}
