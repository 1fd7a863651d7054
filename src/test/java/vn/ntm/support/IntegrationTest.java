package vn.ntm.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one application context of the integration tests: the whole app on a real
 * PostgreSQL with the national unit lists and the seed data loaded, a real HTTP port and
 * MockMvc. Every test class uses exactly this, so the context (and the database load) is
 * built once per run. {@link ConnectionGuard} fails any code that takes a second database
 * connection while holding one, and the pool is kept small (application-test.properties)
 * so that such code could not hide.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(ConnectionGuard.class)
public @interface IntegrationTest {

}
