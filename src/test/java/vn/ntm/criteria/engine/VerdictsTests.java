package vn.ntm.criteria.engine;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.numbers.fraction.BigFraction;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Verdicts people would sign (issue 10, section 2): the appraisal is the result, with the
 * unit's own result kept beside it; indicators stated met or not met without their figure
 * decide them and name themselves in the criterion's reason; a yes/no without a bar is
 * met by "Có" (by "Không" for a bad thing); summaries count indicators; a set of
 * conditions reads as conditions.
 */
class VerdictsTests {

	private static final SetDefinition SET = new SetDefinition(1, "T", 1, "Bộ thử", null, null, List.of(), List.of(),
			null,
			List.of(new CriterionDef("14", "Giáo dục", null, CriterionKind.CRITERION, MetRule.ALL, false, false, List
				.of(percent("14.2", "Tỷ lệ học sinh tốt nghiệp THCS học tiếp", Op.GE, 90))), new CriterionDef("15",
						"Y tế", null, CriterionKind.CRITERION, MetRule.ALL, false, false,
						List.of(percent("15.1", "Tỷ lệ người dân tham gia bảo hiểm y tế", Op.GE, 95),
								percent("15.3",
										"Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi (chiều cao theo tuổi)",
										Op.LE, 22))),
					new CriterionDef("9", "Nhà ở dân cư", null, CriterionKind.CRITERION, MetRule.ALL, false, false,
							List.of(yesNo("9.1", "Nhà tạm, dột nát"), yesNo("9.3", "Xã có chợ nông thôn")))),
			Map.of());

	private static IndicatorDef percent(String code, String name, Op op, long bar) {
		return new IndicatorDef(code, name, ValueType.PERCENT, null, false, IndicatorSource.ENTERED,
				Map.of(IndicatorDef.ALL, new Requirement.Compare(op, BigFraction.of(bar), null, null, null)), null,
				List.of());
	}

	private static IndicatorDef yesNo(String code, String name) {
		return new IndicatorDef(code, name, ValueType.BOOLEAN, null, false, IndicatorSource.ENTERED, Map.of(), null,
				List.of());
	}

	private static Evaluation evaluate(EvaluationInput input) {
		return Evaluator.evaluate(SET, UnitFacts.of(7, "Xã thử"), input);
	}

	private static CriterionResult criterion(Evaluation e, String number) {
		return e.criteria().stream().filter(c -> c.number().equals(number)).findFirst().orElseThrow();
	}

	private static IndicatorResult indicator(Evaluation e, String code) {
		return e.criteria()
			.stream()
			.flatMap(c -> c.indicators().stream())
			.filter(i -> i.code().equals(code))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void shouldCountTheAppraisedVerdictAndKeepTheUnitsOwnBesideIt() {
		// the commune states 15 not met; the health officer, checking it, finds it met
		EvaluationInput stated = new EvaluationInput(Map.of(),
				Map.of("14", Set.of(true), "15", Set.of(false), "9", Set.of(true)), 2);
		Evaluation own = evaluate(stated);
		assertThat(own.summary().notation()).isEqualTo("2 (15)");

		Evaluation appraised = evaluate(stated.withAppraisals(
				Map.of("15", new Appraisal(true, Appraisal.Stage.CHECK, "soyte", "Đã có số liệu BHXH huyện")),
				Map.of()));
		CriterionResult fifteen = criterion(appraised, "15");
		assertThat(fifteen.status()).isEqualTo(Status.MET);
		assertThat(fifteen.basis()).isEqualTo(CriterionResult.Basis.APPRAISED);
		assertThat(fifteen.selfStatus()).isEqualTo(Status.NOT_MET);
		assertThat(fifteen.appraisedDifferently()).isTrue();
		assertThat(fifteen.reasons()).extracting(Reason::key)
			.contains("engine.criterion.appraisedWhy", "engine.criterion.selfAssessed");
		assertThat(appraised.summary().notation()).isEqualTo("3");
		assertThat(appraised.summary().failingList()).isEmpty();
		assertThat(appraised.summary().appraised()).containsExactly("15");
		assertThat(appraised.title().reasons()).extracting(Reason::key).doesNotContain("engine.title.failing");

		// the province's appraisal outranks the officer's
		Appraisal check = new Appraisal(true, Appraisal.Stage.CHECK, "soyte", null);
		Appraisal approve = new Appraisal(false, Appraisal.Stage.APPROVE, "quangnam", "Chưa đủ hồ sơ");
		assertThat(Appraisal.latest(check, approve)).isSameAs(approve);
		assertThat(Appraisal.latest(approve, check)).isSameAs(approve);
	}

	@Test
	void shouldDecideACriterionFromItsAppraisedIndicatorsAndNameTheFailingOnes() {
		Map<String, Value> values = Map.of("15.1", new Value.Fraction(BigInteger.valueOf(96), BigInteger.valueOf(100)));
		EvaluationInput entered = new EvaluationInput(values, Map.of(), null);
		assertThat(criterion(evaluate(entered), "15").status()).isEqualTo(Status.INCOMPLETE);

		Evaluation e = evaluate(entered.withAppraisals(Map.of(),
				Map.of("15.3", new Appraisal(false, Appraisal.Stage.REVIEW, "tamky", "Tỷ lệ 24% theo TTYT"))));
		CriterionResult fifteen = criterion(e, "15");
		assertThat(fifteen.status()).isEqualTo(Status.NOT_MET);
		assertThat(fifteen.selfStatus()).isEqualTo(Status.INCOMPLETE);
		assertThat(fifteen.failingIndicators()).containsExactly("15.3");
		assertThat(fifteen.reasons()).anySatisfy(r -> {
			assertThat(r.key()).isEqualTo("engine.criterion.failing");
			assertThat(r.args()).contains("15.3");
		});
		IndicatorResult stunting = indicator(e, "15.3");
		assertThat(stunting.status()).isEqualTo(Status.NOT_MET);
		assertThat(stunting.selfStatus()).isEqualTo(Status.NO_DATA);
		assertThat(stunting.appraisal().by()).isEqualTo("tamky");
	}

	@Test
	void shouldTakeIndicatorsStatedMetOrNotMetWithoutTheirFigure() {
		// a progress report names only the codes of the indicators not yet met
		Map<String, Value> values = Map.of("15.1", new Value.Verdict(true, "Báo cáo tiến độ: đạt"), "15.3",
				new Value.Verdict(false, "Báo cáo tiến độ nêu 15.3 chưa đạt"), "14.2",
				new Value.Verdict(true, "Báo cáo tiến độ: đạt"));
		Evaluation e = evaluate(new EvaluationInput(values, Map.of(), null));
		assertThat(indicator(e, "15.3").status()).isEqualTo(Status.NOT_MET);
		assertThat(indicator(e, "15.3").reasons()).extracting(Reason::key).contains("engine.indicator.statedWhy");
		CriterionResult fifteen = criterion(e, "15");
		assertThat(fifteen.status()).isEqualTo(Status.NOT_MET);
		assertThat(fifteen.reasons()).anySatisfy(r -> assertThat(r.args()).contains("15.3"));
		assertThat(criterion(e, "14").status()).isEqualTo(Status.MET);
		// the criterion's own claim still decides it, and the failing indicator is named
		Evaluation claimed = evaluate(new EvaluationInput(values, Map.of("15", Set.of(false)), null));
		assertThat(criterion(claimed, "15").reasons()).anySatisfy(r -> assertThat(r.args()).contains("15.3"));
	}

	@Test
	void shouldMeetAYesNoWithoutABarByYesAndABadThingByNo() {
		Evaluation yes = evaluate(
				new EvaluationInput(Map.of("9.1", new Value.Flag(false), "9.3", new Value.Flag(true)), Map.of(), null));
		assertThat(indicator(yes, "9.3").status()).isEqualTo(Status.MET);
		// "Nhà tạm, dột nát: Không" is what the commune wants
		assertThat(indicator(yes, "9.1").status()).isEqualTo(Status.MET);
		assertThat(criterion(yes, "9").status()).isEqualTo(Status.MET);
		assertThat(yes.missingThresholds()).doesNotContain("9.1", "9.3");
		Evaluation no = evaluate(
				new EvaluationInput(Map.of("9.1", new Value.Flag(true), "9.3", new Value.Flag(false)), Map.of(), null));
		assertThat(indicator(no, "9.3").status()).isEqualTo(Status.NOT_MET);
		assertThat(indicator(no, "9.1").status()).isEqualTo(Status.NOT_MET);
		assertThat(indicator(no, "9.3").reasons()).extracting(Reason::key).contains("engine.indicator.impliedBar");
	}

	@Test
	void shouldCountIndicatorsInTheSummary() {
		Map<String, Value> values = Map.of("15.1", new Value.Fraction(BigInteger.valueOf(96), BigInteger.valueOf(100)),
				"15.3", new Value.Fraction(BigInteger.valueOf(10), BigInteger.valueOf(100)), "9.3",
				new Value.Flag(true));
		Summary summary = evaluate(new EvaluationInput(values, Map.of(), null)).summary();
		assertThat(summary.indicatorsTotal()).isEqualTo(5);
		assertThat(summary.indicatorsMet()).isEqualTo(3);
		assertThat(summary.indicatorRatio()).isEqualTo("3/5");
	}

	@Test
	void shouldReadASetOfConditionsAsConditions() {
		List<CriterionDef> conditions = List.of("1", "2", "3", "4", "5")
			.stream()
			.map(n -> new CriterionDef(n, "Điều kiện " + n, null, CriterionKind.CONDITION, MetRule.ALL, false, false,
					List.of()))
			.toList();
		SetDefinition city = new SetDefinition(2, "TP", 1, "Thành phố hoàn thành nhiệm vụ", null, null, List.of(),
				List.of(), null, conditions, Map.of());
		Evaluation e = Evaluator.evaluate(city, UnitFacts.of(8, "Thành phố Tam Kỳ"), new EvaluationInput(Map.of(),
				Map.of("1", Set.of(true), "2", Set.of(false), "3", Set.of(false), "5", Set.of(true)), null));
		Summary summary = e.summary();
		assertThat(summary.ofConditions()).isTrue();
		assertThat(summary.ratio()).isEqualTo("2/5");
		assertThat(summary.failingList()).containsExactly("2", "3");
		assertThat(summary.undecided()).containsExactly("4");
	}

}
