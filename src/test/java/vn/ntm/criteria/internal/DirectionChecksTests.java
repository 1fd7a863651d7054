package vn.ntm.criteria.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import vn.ntm.criteria.SetDocument;
import vn.ntm.criteria.engine.Evaluation;
import vn.ntm.criteria.engine.EvaluationInput;
import vn.ntm.criteria.engine.Evaluator;
import vn.ntm.criteria.engine.Numbers;
import vn.ntm.criteria.engine.Polarity;
import vn.ntm.criteria.engine.SetDefinition;
import vn.ntm.criteria.engine.Status;
import vn.ntm.criteria.engine.UnitFacts;
import vn.ntm.criteria.engine.Value;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 15.3 (stunting) is a maximum in every region of the shipped QĐ 318 set, with the
 * source's printed "≥" kept; thresholds whose direction contradicts their indicator are
 * found for an administrator to confirm, never changed.
 */
class DirectionChecksTests {

	private static SetDocument shipped(String code) {
		return CatalogLoader.shipped().stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
	}

	private static Status stunting(SetDefinition set, String region, String percent) {
		Evaluation e = Evaluator.evaluate(set,
				new UnitFacts(1, "Xã thử", Map.of("VUNG", Set.of(region)), Set.of(), List.of()), new EvaluationInput(
						Map.of("15.3", new Value.Number(Numbers.of(new BigDecimal(percent)))), Map.of(), null));
		return e.criteria()
			.stream()
			.flatMap(c -> c.indicators().stream())
			.filter(i -> i.code().equals("15.3"))
			.findFirst()
			.orElseThrow()
			.status();
	}

	@Test
	void shouldTreatTheStuntingRateAsAMaximumInEveryRegion() {
		SetDocument document = shipped("QD318_XA_NTM");
		SetDefinition set = Definitions.of(1, document, Map.of());
		assertThat(stunting(set, "DHNTB", "10")).isEqualTo(Status.MET);
		assertThat(stunting(set, "DHNTB", "30")).isEqualTo(Status.NOT_MET);
		assertThat(stunting(set, "DHNTB", "22")).isEqualTo(Status.MET);
		for (String region : List.of("TDMNPB", "DBSH", "BTB", "DHNTB", "TN", "DNB", "DBSCL")) {
			assertThat(stunting(set, region, "5")).as(region).isEqualTo(Status.MET);
			assertThat(stunting(set, region, "40")).as(region).isEqualTo(Status.NOT_MET);
		}
		SetDocument.IndicatorDoc doc = document.criteria()
			.stream()
			.flatMap(c -> c.indicators() == null ? java.util.stream.Stream.empty() : c.indicators().stream())
			.filter(i -> i.code().equals("15.3"))
			.findFirst()
			.orElseThrow();
		assertThat(doc.requirements()).allSatisfy(r -> {
			assertThat(r.op()).isEqualTo("LE");
			assertThat(r.printed()).startsWith("≥");
			assertThat(r.source()).contains("nguồn in “≥”");
		});
	}

	@Test
	void shouldReadWhetherAnIndicatorMeasuresSomethingBad() {
		assertThat(Polarity.adverse("Tỷ lệ trẻ em dưới 5 tuổi bị suy dinh dưỡng thể thấp còi")).isTrue();
		assertThat(Polarity.adverse("Tỷ lệ hộ nghèo đa chiều")).isTrue();
		assertThat(Polarity.adverse("Nhà tạm, dột nát")).isTrue();
		assertThat(Polarity.adverse("Số vụ tai nạn giao thông")).isTrue();
		assertThat(Polarity.adverse("Tỷ lệ hộ thoát nghèo")).isFalse();
		assertThat(Polarity.adverse("Tỷ lệ người dân tham gia bảo hiểm y tế")).isFalse();
		assertThat(Polarity.adverse("Tỷ lệ chất thải rắn được thu gom, xử lý")).isFalse();
		assertThat(Polarity.adverse(null)).isFalse();
	}

	@Test
	void shouldFlagThresholdsWhoseDirectionContradictsTheirIndicator() {
		// the shipped set: 15.3 is now a maximum; 9.1 "Nhà tạm, dột nát" has no bar
		List<DirectionChecks.Found> shipped = DirectionChecks.of(shipped("QD318_XA_NTM"));
		assertThat(shipped).extracting(DirectionChecks.Found::indicator).doesNotContain("15.3").contains("9.1");
		assertThat(shipped).filteredOn(f -> f.indicator().equals("9.1"))
			.extracting(DirectionChecks.Found::kind)
			.containsExactly("IMPLIED_NO");

		// the source as printed ("≥22%" for a stunting rate) is flagged, not changed
		SetDocument printed = CatalogFilesTestsSupport.withStuntingAsPrinted(shipped("QD318_XA_NTM"));
		List<DirectionChecks.Found> flags = DirectionChecks.of(printed);
		assertThat(flags).filteredOn(f -> f.indicator().equals("15.3")).singleElement().satisfies(f -> {
			assertThat(f.kind()).isEqualTo("MINIMUM");
			assertThat(f.criterion()).isEqualTo("15");
			assertThat(f.requirements()).contains("DHNTB ≥ 22");
		});
	}

}
