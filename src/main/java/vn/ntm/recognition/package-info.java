/**
 * Recognition (công nhận): so far the satisfaction surveys of a unit and year
 * ({@link vn.ntm.recognition.SatisfactionSurveys}); titles and dossiers move here next.
 * Every call is checked against the caller's units.
 */
@ApplicationModule(displayName = "Công nhận",
		allowedDependencies = { "shared", "audit", "security", "orgunit", "criteria", "criteria::engine", "assessment",
				"documents", "funding", "platform::jobs" })
@NullMarked
package vn.ntm.recognition;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
