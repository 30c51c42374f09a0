package app.pos.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/** The whole application on this run's PostgreSQL database; all such tests share one application context. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(RequiresPostgres.class)
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestStaff.class, TestClock.Config.class})
@ContextConfiguration(initializers = PostgresInitializer.class)
public @interface PostgresIntegrationTest {}
