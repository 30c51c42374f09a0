package app.pos.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ProductRepository {

    private static final String COLUMNS = "id, name, category, price, sku, active, created_at, updated_at";

    private final JdbcClient jdbc;

    ProductRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ProductView p) {
        jdbc.sql("INSERT INTO products (" + COLUMNS
                        + ") VALUES (:id, :name, :category, :price, :sku, :active, :createdAt, :updatedAt)")
                .paramSource(p)
                .update();
    }

    Optional<ProductView> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE id = :id")
                .param("id", id)
                .query(ProductRepository::map)
                .optional();
    }

    Optional<UUID> findIdBySku(String sku) {
        return jdbc.sql("SELECT id FROM products WHERE sku = :sku")
                .param("sku", sku)
                .query(UUID.class)
                .optional();
    }

    List<ProductView> findAllById(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE id IN (:ids)")
                .param("ids", ids)
                .query(ProductRepository::map)
                .list();
    }

    List<ProductView> findActive() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM products WHERE active = TRUE ORDER BY category, name")
                .query(ProductRepository::map)
                .list();
    }

    boolean update(UUID id, String name, String category, java.math.BigDecimal price, String sku, OffsetDateTime now) {
        return jdbc.sql("""
                UPDATE products SET name = :name, category = :category, price = :price, sku = :sku, updated_at = :now
                WHERE id = :id
                """)
                        .param("id", id)
                        .param("name", name)
                        .param("category", category)
                        .param("price", price)
                        .param("sku", sku)
                        .param("now", now)
                        .update()
                == 1;
    }

    boolean setActive(UUID id, boolean active, OffsetDateTime now) {
        return jdbc.sql("UPDATE products SET active = :active, updated_at = :now WHERE id = :id")
                        .param("id", id)
                        .param("active", active)
                        .param("now", now)
                        .update()
                == 1;
    }

    int renameCategory(String from, String to, OffsetDateTime now) {
        return jdbc.sql("UPDATE products SET category = :to, updated_at = :now WHERE category = :from")
                .param("from", from)
                .param("to", to)
                .param("now", now)
                .update();
    }

    int setCategoryActive(String category, boolean active, OffsetDateTime now) {
        return jdbc.sql("UPDATE products SET active = :active, updated_at = :now WHERE category = :category")
                .param("category", category)
                .param("active", active)
                .param("now", now)
                .update();
    }

    List<ProductView> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM products ORDER BY category, name")
                .query(ProductRepository::map)
                .list();
    }

    long count() {
        return jdbc.sql("SELECT COUNT(*) FROM products").query(Long.class).single();
    }

    static ProductView map(ResultSet rs, int row) throws SQLException {
        return new ProductView(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("category"),
                rs.getBigDecimal("price"),
                rs.getString("sku"),
                rs.getBoolean("active"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
