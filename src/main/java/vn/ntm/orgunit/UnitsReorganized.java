package vn.ntm.orgunit;

import java.time.LocalDate;
import java.util.Set;

/**
 * Published after a lineage event is recorded: units ended, started or went on with a new
 * version from {@code effectiveDate}. Modules holding unit-bound data (titles,
 * assessments) react to it; e.g. a merged commune does not inherit the titles of the
 * communes it replaced.
 */
public record UnitsReorganized(long eventId, ChangeKind kind, LocalDate effectiveDate, Set<Long> ended,
		Set<Long> started, Set<Long> continued) {
}
