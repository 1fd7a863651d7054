/**
 * Start-up data of the first users, each part loaded once (recorded in
 * {@code seed_step}): the villages named in the five seed plans (shared/seeds), and the
 * first accounts: one demo account per role at the seed units on a newcomer's machine
 * ({@code ./mvnw spring-boot:run} on the embedded database, or
 * {@code ntm.seed.demo=true}; the application then listens on 127.0.0.1 only), otherwise
 * a single administrator whose password comes from {@code NTM_ADMIN_PASSWORD}.
 */
@ApplicationModule(displayName = "Dữ liệu khởi tạo",
		allowedDependencies = { "shared", "security", "orgunit", "criteria", "assessment", "planning", "recognition",
				"targets", "funding" })
@NullMarked
package vn.ntm.seed;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
