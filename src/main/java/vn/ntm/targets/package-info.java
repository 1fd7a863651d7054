/**
 * Roadmaps and goals (lộ trình, mục tiêu): per unit, the title to reach and its year and
 * the number of criteria to reach each year, as plans set them; per parent unit, the
 * aggregate goals with a target value and date; and their status at any date (achieved,
 * on track, at risk, off track) with the reason in words. Every call is checked against
 * the caller's units.
 */
@ApplicationModule(displayName = "Lộ trình và mục tiêu",
		allowedDependencies = { "shared", "audit", "security", "orgunit", "criteria", "criteria::engine", "assessment",
				"recognition", "planning", "platform::jobs", "documents" })
@NullMarked
package vn.ntm.targets;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
