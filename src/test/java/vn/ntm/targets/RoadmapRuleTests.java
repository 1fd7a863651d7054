package vn.ntm.targets;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import vn.ntm.targets.RoadmapRule.Dossier;
import vn.ntm.targets.RoadmapRule.Facts;
import vn.ntm.targets.RoadmapRule.Outcome;
import vn.ntm.targets.RoadmapRule.Result;

import static org.assertj.core.api.Assertions.assertThat;

/** The status rule of a roadmap target, on facts alone (no database). */
class RoadmapRuleTests {

	static final LocalDate DUE = LocalDate.of(2024, 10, 30);

	static final Result SIXTEEN = new Result(2024, 16, 19, List.of("10", "11", "17"));

	static Facts facts(boolean held, Result result, Integer count, Dossier dossier) {
		return new Facts("Xã Đại Chánh", "XA_NTM", "Xã đạt chuẩn nông thôn mới", 2024, DUE, held, result, count,
				dossier);
	}

	@Test
	void shouldSayTheIssuesExampleWordForWord() {
		Outcome outcome = RoadmapRule.evaluate(
				facts(false, SIXTEEN, null, new Dossier(true, "DRAFT", null, null, null)), LocalDate.of(2024, 10, 18));

		assertThat(outcome.status()).isEqualTo(RoadmapStatus.AT_RISK);
		assertThat(outcome.reason()).isEqualTo(
				"Xã Đại Chánh: mục tiêu NTM 2024, hiện đạt 16/19, thiếu 10, 11, 17; hồ sơ chưa nộp; hạn nộp 30/10/2024, còn 12 ngày");
	}

	@Test
	void shouldBeAchievedWhenTheTitleIsHeld() {
		Outcome outcome = RoadmapRule.evaluate(facts(true, SIXTEEN, null, Dossier.unknown()),
				LocalDate.of(2024, 12, 31));

		assertThat(outcome.status()).isEqualTo(RoadmapStatus.ACHIEVED);
		assertThat(outcome.reason()).isEqualTo("Xã Đại Chánh: mục tiêu NTM 2024, đã đạt tại ngày 31/12/2024");
	}

	@Test
	void shouldBeOffTrackAfterTheYearOrThePassedDeadlineWithoutADossier() {
		assertThat(RoadmapRule.evaluate(facts(false, new Result(2024, 19, 19, List.of()), null, Dossier.unknown()),
				LocalDate.of(2025, 1, 2)))
			.satisfies(o -> assertThat(o.status()).isEqualTo(RoadmapStatus.OFF_TRACK))
			.satisfies(o -> assertThat(o.reason()).contains("đã hết năm 2024 mà chưa được công nhận"));
		Outcome late = RoadmapRule.evaluate(facts(false, SIXTEEN, null, Dossier.none()), LocalDate.of(2024, 11, 4));
		assertThat(late.status()).isEqualTo(RoadmapStatus.OFF_TRACK);
		assertThat(late.reason()).contains("hồ sơ chưa lập", "hạn nộp 30/10/2024, đã quá 5 ngày");
	}

	@Test
	void shouldBeOnTrackWhenEveryCriterionIsMetOrTheDossierIsSubmittedOrApproved() {
		Result all = new Result(2024, 19, 19, List.of());
		Outcome met = RoadmapRule.evaluate(facts(false, all, null, Dossier.unknown()), LocalDate.of(2024, 9, 1));
		assertThat(met.status()).isEqualTo(RoadmapStatus.ON_TRACK);
		assertThat(met.reason())
			.isEqualTo("Xã Đại Chánh: mục tiêu NTM 2024, hiện đạt 19/19; hạn nộp 30/10/2024, còn 59 ngày");

		Outcome submitted = RoadmapRule.evaluate(
				facts(false, all, null,
						new Dossier(true, "IN_REVIEW", "Thẩm định cấp huyện", DUE, LocalDate.of(2024, 10, 20))),
				LocalDate.of(2024, 11, 5));
		assertThat(submitted.status()).isEqualTo(RoadmapStatus.ON_TRACK);
		assertThat(submitted.reason()).contains("hồ sơ đã nộp ngày 20/10/2024, đang ở bước Thẩm định cấp huyện")
			.doesNotContain("hạn nộp");

		assertThat(RoadmapRule
			.evaluate(facts(false, SIXTEEN, null, new Dossier(true, "APPROVED", null, null, null)),
					LocalDate.of(2024, 12, 1))
			.status()).isEqualTo(RoadmapStatus.ON_TRACK);
	}

	@Test
	void shouldBeAtRiskWithoutAResultOrWithAReturnedDossier() {
		Outcome none = RoadmapRule.evaluate(facts(false, null, null, Dossier.unknown()), LocalDate.of(2024, 3, 1));
		assertThat(none.status()).isEqualTo(RoadmapStatus.AT_RISK);
		assertThat(none.reason()).contains("chưa có kết quả đánh giá");

		Outcome returned = RoadmapRule.evaluate(facts(false, new Result(2024, 19, 19, List.of()), null,
				new Dossier(true, "RETURNED", null, null, null)), LocalDate.of(2024, 10, 1));
		assertThat(returned.status()).isEqualTo(RoadmapStatus.AT_RISK);
		assertThat(returned.reason()).contains("hồ sơ bị trả lại");
	}

	@Test
	void shouldWeighAnEarlierYearAgainstThePlansCountForThatYear() {
		Facts nextYear = new Facts("Xã Tam Phú", "XA_NTM_NANG_CAO", "Xã đạt chuẩn nông thôn mới nâng cao", 2025, null,
				false, new Result(2023, 15, 19, List.of("2", "5", "13", "19")), 18, Dossier.unknown());

		Outcome below = RoadmapRule.evaluate(nextYear, LocalDate.of(2024, 6, 30));
		assertThat(below.status()).isEqualTo(RoadmapStatus.AT_RISK);
		assertThat(below.reason())
			.isEqualTo("Xã Tam Phú: mục tiêu NTM nâng cao 2025, hiện đạt 15/19, thiếu 2, 5, 13, 19 (kết quả năm 2023);"
					+ " chưa có hạn nộp hồ sơ; kế hoạch năm 2024 đạt 18 tiêu chí");

		Facts noCount = new Facts("Xã Tam Phú", "XA_NTM_NANG_CAO", "Xã đạt chuẩn nông thôn mới nâng cao", 2025, null,
				false, new Result(2023, 15, 19, List.of("2", "5", "13", "19")), null, Dossier.unknown());
		assertThat(RoadmapRule.evaluate(noCount, LocalDate.of(2024, 6, 30)).status()).isEqualTo(RoadmapStatus.ON_TRACK);
	}

}
