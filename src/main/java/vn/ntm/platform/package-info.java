/**
 * Technical platform of the application: the embedded PostgreSQL server that the app
 * starts for itself when no external database is configured, and other infrastructure
 * that belongs to no business capability.
 */
@ApplicationModule(displayName = "Nền tảng")
@NullMarked
package vn.ntm.platform;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
