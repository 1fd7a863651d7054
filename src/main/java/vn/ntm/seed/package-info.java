/**
 * Start-up data of the first users: the villages named in the five seed plans
 * (shared/seeds) and one demo account per role at the seed units. Loaded once, when there
 * are no accounts yet; turned off with {@code ntm.seed.demo=false}.
 */
@ApplicationModule(displayName = "Dữ liệu khởi tạo", allowedDependencies = { "shared", "security", "orgunit" })
@NullMarked
package vn.ntm.seed;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
