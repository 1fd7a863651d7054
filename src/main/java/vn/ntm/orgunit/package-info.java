/**
 * Administrative units through time: provinces, districts (until 30/6/2025), communes and
 * villages, their versions, classifications and the lineage events (merge, split,
 * rename…) that connect them, so that any question can be asked "as of a date".
 * {@link vn.ntm.orgunit.UnitManagement} is the facade; every call is checked against the
 * caller's scope.
 */
@ApplicationModule(displayName = "Đơn vị hành chính",
		allowedDependencies = { "shared", "audit", "security", "platform::jobs" })
@NullMarked
package vn.ntm.orgunit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
