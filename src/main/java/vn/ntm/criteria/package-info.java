/**
 * Criteria catalogs and the evaluation engine: versioned criteria sets (2021–2025 sets by
 * region, 2026–2030 sets by commune group, village, district and city sets) with their
 * criteria, indicators and thresholds; the titles that exist (the titles units hold are
 * the recognition module's, reached through {@link vn.ntm.criteria.TitlesHeld}); and the
 * engine that applies a set to a unit at a date.
 */
@ApplicationModule(displayName = "Bộ tiêu chí", allowedDependencies = { "shared", "audit", "security", "orgunit" })
@NullMarked
package vn.ntm.criteria;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
