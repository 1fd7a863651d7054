package vn.ntm.recognition;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/** A recorded review of a title under a newer criteria set (rà soát duy trì chuẩn). */
public record TitleReview(long id, long awardId, long unitId, String titleName, int year, String setLabel,
		LocalDate reviewedOn, boolean maintained, @Nullable String decisionNumber, @Nullable String issuer,
		@Nullable LocalDate deadline, @Nullable String note) {
}
