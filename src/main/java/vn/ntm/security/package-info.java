/**
 * Users, roles and access by unit: who may log in, what each role may do, and which units
 * each user may see — enforced on the server for every page and API call through
 * {@link vn.ntm.security.AccessPolicy}. The unit hierarchy itself is reached through the
 * {@link vn.ntm.security.UnitDirectory} interface, which the unit module implements, so
 * that this module does not depend on it.
 */
@ApplicationModule(displayName = "Bảo mật và người dùng", allowedDependencies = { "shared", "audit" })
@NullMarked
package vn.ntm.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
