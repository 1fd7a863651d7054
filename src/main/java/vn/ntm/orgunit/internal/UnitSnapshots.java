package vn.ntm.orgunit.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import vn.ntm.shared.VnFormat;

/**
 * How units appear in the audit trail: a flat map of the fields people read.
 */
final class UnitSnapshots {

	private UnitSnapshots() {
	}

	static Map<String, Object> of(AdminUnit unit) {
		UnitVersion latest = unit.latest();
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("code", latest.code());
		map.put("name", latest.name());
		map.put("type", latest.unitType().name());
		map.put("parentId", latest.parentId());
		map.put("validFrom", latest.validFrom() == null ? null : VnFormat.date(latest.validFrom()));
		map.put("validTo", latest.validTo() == null ? null : VnFormat.date(latest.validTo()));
		map.put("note", latest.note());
		map.put("versions", unit.versions.size());
		List<String> classes = unit.classifications.stream()
			.sorted((a, b) -> (a.schemeCode() + a.valueCode()).compareTo(b.schemeCode() + b.valueCode()))
			.map(c -> c.schemeCode() + "=" + c.valueCode() + " (" + AdminUnit.describe(c.period()) + ")")
			.collect(Collectors.toList());
		map.put("classifications", String.join("; ", classes));
		return map;
	}

}
