package vn.ntm.recognition;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A unit's satisfaction survey of a year, with its coverage (households surveyed out of
 * all) and satisfaction (satisfied out of surveyed), each per question too, and its
 * result file if one was uploaded.
 */
public record SurveyView(long id, long unitId, String unitName, int year, int households, int surveyed, int satisfied,
		@Nullable Integer ballotsIssued, @Nullable Integer ballotsReturned, String conductedBy,
		@Nullable LocalDate startedOn, @Nullable LocalDate endedOn, @Nullable String note, List<QuestionView> questions,
		@Nullable SurveyFile resultFile, int version, String changedBy, Instant changedAt) {

	public record QuestionView(int position, String question, int satisfied, int asked) {

		public Ratio satisfaction() {
			return new Ratio(satisfied, asked);
		}

	}

	public Ratio coverage() {
		return new Ratio(surveyed, households);
	}

	public Ratio satisfaction() {
		return new Ratio(satisfied, surveyed);
	}

	/** The satisfaction compared with a bar ({@code null}: "chưa có ngưỡng"). */
	public BarComparison satisfactionAgainst(@Nullable SatisfactionBar bar) {
		return BarComparison.of(satisfaction(), bar);
	}

	/** The coverage compared with a bar ({@code null}: "chưa có ngưỡng"). */
	public BarComparison coverageAgainst(@Nullable SatisfactionBar bar) {
		return BarComparison.of(coverage(), bar);
	}

}
