package vn.ntm.planning;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A report submitted for one occurrence of a duty. */
public record SubmissionForm(LocalDate dueOn, @Nullable LocalDate submittedOn, @Nullable String content,
		@Nullable String figures) {
}
