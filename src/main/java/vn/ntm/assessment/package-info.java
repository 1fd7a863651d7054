/**
 * Yearly assessments: what a unit entered for a criteria set and year (indicator values,
 * criterion-level results as the documents state them), and their evaluation by the
 * criteria engine — for one unit, or for every unit below a parent at once.
 */
@ApplicationModule(displayName = "Đánh giá",
		allowedDependencies = { "shared", "audit", "security", "orgunit", "criteria", "criteria::engine", "documents",
				"platform::jobs" })
@NullMarked
package vn.ntm.assessment;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
