package vn.ntm.recognition;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What an officer enters for a unit's satisfaction survey of a year. Counts are whole
 * numbers of households (or ballots); {@code expectedVersion} is the version read, or
 * {@code null} when the survey is new.
 */
public record SurveyForm(@Nullable Integer households, @Nullable Integer surveyed, @Nullable Integer satisfied,
		@Nullable Integer ballotsIssued, @Nullable Integer ballotsReturned, @Nullable String conductedBy,
		@Nullable LocalDate startedOn, @Nullable LocalDate endedOn, @Nullable String note,
		@Nullable List<Question> questions, @Nullable Integer expectedVersion) {

	/** One question (nội dung) of the ballot: how many were asked and satisfied. */
	public record Question(@Nullable String question, @Nullable Integer satisfied, @Nullable Integer asked) {
	}

}
