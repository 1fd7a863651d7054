package vn.ntm.orgunit.internal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;
import vn.ntm.shared.Period;

/**
 * A classification value held by a unit over a period (part of the {@link AdminUnit}
 * aggregate).
 */
@Table("unit_classification")
record UnitClassification(@Id @Nullable Long id, String schemeCode, String valueCode, @Nullable LocalDate validFrom,
		@Nullable LocalDate validTo, @Nullable String source, @Nullable String note) {

	Period period() {
		return new Period(validFrom, validTo);
	}

	UnitClassification endingOn(LocalDate lastDay) {
		return new UnitClassification(id, schemeCode, valueCode, validFrom, lastDay, source, note);
	}

}
