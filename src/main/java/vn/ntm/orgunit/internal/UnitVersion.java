package vn.ntm.orgunit.internal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.shared.Period;
import vn.ntm.shared.VnText;

/**
 * The attributes of a unit over one period (part of the {@link AdminUnit} aggregate).
 */
@Table("unit_version")
record UnitVersion(@Nullable String code, String name, UnitType unitType, int level, @Nullable Long parentId,
		@Nullable LocalDate validFrom, @Nullable LocalDate validTo, String searchKey, @Nullable String note) {

	static UnitVersion of(UnitAttributes attributes, Period period) {
		return new UnitVersion(attributes.code(), attributes.name(), attributes.type(), attributes.type().level(),
				attributes.parentId(), period.from(), period.to(), searchKey(attributes), attributes.note());
	}

	static String searchKey(UnitAttributes attributes) {
		String code = attributes.code() == null ? "" : " " + attributes.code();
		return VnText.searchKey(attributes.type().fullName(attributes.name()) + code);
	}

	Period period() {
		return new Period(validFrom, validTo);
	}

	UnitAttributes attributes() {
		return new UnitAttributes(code, name, unitType, parentId, note);
	}

	UnitVersion withPeriod(Period period) {
		return new UnitVersion(code, name, unitType, level, parentId, period.from(), period.to(), searchKey, note);
	}

	UnitRef toRef(long unitId) {
		return new UnitRef(unitId, code, name, unitType, parentId, validFrom, validTo);
	}

}
