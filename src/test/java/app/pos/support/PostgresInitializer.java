package app.pos.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application at this JVM's PostgreSQL test database. */
public class PostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                        "spring.datasource.url=" + PostgresTestDatabase.url(),
                        "spring.datasource.username=" + PostgresTestDatabase.user(),
                        "spring.datasource.password=" + PostgresTestDatabase.password())
                .applyTo(context);
    }
}
