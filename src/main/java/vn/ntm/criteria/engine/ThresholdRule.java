package vn.ntm.criteria.engine;

import java.util.Set;

/**
 * Which thresholds a unit uses when its classification says so: a commune classified
 * {@code ifScheme} = one of {@code ifValues} uses the thresholds of {@code use} (QĐ 318:
 * "xã đặc biệt khó khăn, xã an toàn khu … áp dụng mức đạt chuẩn của vùng Trung du miền
 * núi phía Bắc").
 */
public record ThresholdRule(String ifScheme, Set<String> ifValues, String use) {

	public ThresholdRule {
		ifValues = Set.copyOf(ifValues);
	}

}
