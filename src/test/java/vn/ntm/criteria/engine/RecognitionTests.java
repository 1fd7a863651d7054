package vn.ntm.criteria.engine;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * QĐ 18/2022 is about recognised units: the same results put a unit holding the title at
 * risk and leave one that does not hold it with nothing to revoke.
 */
class RecognitionTests {

	@Test
	void shouldWeighRevocationOnlyForUnitsHoldingTheTitle() {
		List<CriterionDef> criteria = new java.util.ArrayList<>();
		for (int n = 1; n <= 10; n++) {
			criteria.add(new CriterionDef(String.valueOf(n), "Tiêu chí " + n, null, CriterionKind.CRITERION,
					new MetRule.All(), n == 10, false, List.of()));
		}
		SetDefinition set = new SetDefinition(1, "T", 1, "Bộ thử", "XA_NTM", null, List.of(), List.of(),
				new RevocationRule(50, 30), criteria, Map.of("XA_NTM", "Xã NTM"));
		Map<String, Set<Boolean>> claims = new java.util.HashMap<>();
		for (int n = 1; n <= 10; n++) {
			claims.put(String.valueOf(n), Set.of(n > 7 ? false : true));
		}
		EvaluationInput input = new EvaluationInput(Map.of(), claims, null);

		Evaluation recognised = Evaluator.evaluate(set,
				new UnitFacts(1, "Xã có danh hiệu", Map.of(), Set.of("XA_NTM"), List.of()), input);
		assertThat(recognised.revocation().outcome()).isEqualTo(RevocationVerdict.Outcome.REVOKE);

		Evaluation notRecognised = Evaluator.evaluate(set,
				new UnitFacts(2, "Xã chưa có danh hiệu", Map.of(), Set.of(), List.of()), input);
		assertThat(notRecognised.revocation().outcome()).isEqualTo(RevocationVerdict.Outcome.NOT_RECOGNISED);
		assertThat(notRecognised.revocation().failing()).isEqualTo(3);
		assertThat(notRecognised.revocation().reasons()).extracting(Reason::key)
			.containsExactly("engine.revocation.notRecognised");
	}

}
