package vn.ntm.targets;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The roadmap board of a parent unit at a date: its units (rows) × the target years
 * (columns), each cell the standings of the unit's targets of that year; the counts per
 * status; the conflicts between plans; and every standing in the targets' order (the
 * lines of the export and of the API), so that nobody evaluates the targets twice.
 */
public record RoadmapBoard(long parentId, String parentName, LocalDate at, @Nullable String titleCode,
		List<Integer> years, List<Row> rows, Map<RoadmapStatus, Integer> counts, List<RoadmapConflict> conflicts,
		List<RoadmapStanding> standings) {

	/** A unit's row: one cell per year of {@link #years()}, in the same order. */
	public record Row(long unitId, String unitName, List<List<RoadmapStanding>> cells) {
	}

}
