package vn.ntm.recognition;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A review of a title under a newer criteria set (rà soát duy trì chuẩn): the set as
 * documents name it ("QĐ 51/2025/QĐ-TTg"), the review's date, whether the title was
 * maintained, the decision, and the deadline set for it (null: "chưa có hạn").
 */
public record NewTitleReview(String setLabel, LocalDate reviewedOn, boolean maintained, @Nullable String decisionNumber,
		@Nullable String issuer, @Nullable LocalDate deadline, @Nullable String note) {
}
