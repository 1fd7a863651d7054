package vn.ntm.targets;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Roadmap targets imported from .xlsx (the template's sheet "Lộ trình", with a sheet
 * "Hướng dẫn") as a tracked run: every row is checked first, each problem named with its
 * sheet, row and column in Vietnamese, and the targets are saved all together or not at
 * all. Only those who plan for the unit import; only the starter (or an administrator)
 * reads the import.
 */
public interface RoadmapImports {

	/** The template: the sheet to fill in and the sheet "Hướng dẫn" with the codes. */
	byte[] template(long unitId);

	/** Records the upload and starts its run; answers the import's id. */
	UUID start(long unitId, String fileName, byte[] xlsx);

	ImportView find(UUID importId);

	/**
	 * An import: its status (QUEUED, CHECKING, DONE, REJECTED, FAILED), how far its run
	 * got, the problems found and how many targets it saved.
	 */
	record ImportView(UUID id, long unitId, String fileName, String status, int done, int total, List<String> problems,
			int saved, @Nullable String runState) {

		public boolean finished() {
			return !status.equals("QUEUED") && !status.equals("CHECKING");
		}

	}

}
