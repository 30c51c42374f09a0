package app.pos.catalog;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Puts a small café menu on an empty embedded database so a newcomer sees a working till. Demo data is not a
 * migration: with {@code pos.demo-data=auto} it is loaded only on H2; PostgreSQL gets it only with {@code true}.
 */
@Component
@Order(20)
class DemoMenu implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMenu.class);

    private static final List<NewProduct> MENU = List.of(
            item("Espresso", "Coffee", "2.80", "COF-ESP"),
            item("Cappuccino", "Coffee", "3.90", "COF-CAP"),
            item("Flat White", "Coffee", "4.10", "COF-FLW"),
            item("Latte", "Coffee", "4.20", "COF-LAT"),
            item("Iced Americano", "Coffee", "3.60", "COF-ICA"),
            item("Chai Latte", "Tea", "4.00", "TEA-CHA"),
            item("English Breakfast Tea", "Tea", "2.90", "TEA-ENG"),
            item("Fresh Orange Juice", "Cold drinks", "4.50", "CLD-ORJ"),
            item("Sparkling Water", "Cold drinks", "2.20", "CLD-SPW"),
            item("Butter Croissant", "Bakery", "3.20", "BAK-CRO"),
            item("Blueberry Muffin", "Bakery", "3.40", "BAK-MUF"),
            item("Cinnamon Roll", "Bakery", "3.80", "BAK-CIN"),
            item("Avocado Toast", "Kitchen", "9.50", "KIT-AVO"),
            item("Club Sandwich", "Kitchen", "11.90", "KIT-CLB"),
            item("Margherita Pizza", "Kitchen", "12.50", "KIT-PIZ"),
            item("Caesar Salad", "Kitchen", "10.80", "KIT-CAE"),
            item("Tomato Soup", "Kitchen", "6.90", "KIT-SOU"),
            item("Cheesecake Slice", "Desserts", "5.20", "DES-CHE"));

    private final ProductService products;
    private final DataSource dataSource;
    private final String mode;

    DemoMenu(ProductService products, DataSource dataSource, @Value("${pos.demo-data:auto}") String mode) {
        this.products = products;
        this.dataSource = dataSource;
        this.mode = mode;
    }

    @Override
    public void run(ApplicationArguments args) throws SQLException {
        boolean wanted = switch (mode.toLowerCase()) {
            case "true" -> true;
            case "auto" -> isEmbedded();
            default -> false;
        };
        if (wanted && products.isEmpty()) {
            MENU.forEach(products::create);
            log.info("Loaded the demo menu ({} products)", MENU.size());
        }
    }

    private boolean isEmbedded() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL().startsWith("jdbc:h2:");
        }
    }

    private static NewProduct item(String name, String category, String price, String sku) {
        return new NewProduct(name, category, new BigDecimal(price), sku);
    }
}
