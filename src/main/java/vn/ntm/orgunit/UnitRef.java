package vn.ntm.orgunit;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import vn.ntm.shared.Period;

/**
 * A unit as it was in one version: identity, official code, name, type, parent and the
 * period of this version.
 */
public record UnitRef(long id, @Nullable String code, String name, UnitType type, @Nullable Long parentId,
		@Nullable LocalDate validFrom, @Nullable LocalDate validTo) {

	/** "Xã Tam Thanh". */
	public String fullName() {
		return type.fullName(name);
	}

	public int level() {
		return type.level();
	}

	public Period period() {
		return new Period(validFrom, validTo);
	}

	public boolean isCurrent() {
		return validTo == null;
	}

	public boolean isValidAt(LocalDate date) {
		return period().contains(date);
	}

}
