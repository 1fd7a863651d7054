/**
 * Plans (kế hoạch), their sections and tasks, deadlines as the documents write them (the
 * text and the dates it means), progress reports, criterion assignments and their
 * coverage, reporting duties; files attached to progress reports and submitted reports
 * are kept by the documents module. {@link vn.ntm.planning.Planning} is the facade; every
 * call is checked against the caller's units.
 */
@ApplicationModule(displayName = "Kế hoạch",
		allowedDependencies = { "shared", "audit", "security", "orgunit", "criteria", "platform::jobs", "documents" })
@NullMarked
package vn.ntm.planning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
