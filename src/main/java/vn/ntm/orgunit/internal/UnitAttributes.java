package vn.ntm.orgunit.internal;

import org.jspecify.annotations.Nullable;
import vn.ntm.orgunit.UnitType;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.VnText;

/**
 * What a version says about a unit, apart from its period.
 */
record UnitAttributes(@Nullable String code, String name, UnitType type, @Nullable Long parentId,
		@Nullable String note) {

	UnitAttributes {
		name = VnText.clean(name);
		if (name.isEmpty()) {
			throw new BusinessRuleException("unit.name.required");
		}
		code = code == null || code.isBlank() ? null : code.trim();
		note = note == null || note.isBlank() ? null : note.trim();
		if (type.level() > 0 && parentId == null) {
			throw new BusinessRuleException("unit.parent.required");
		}
		if (code != null && !code.matches("[0-9A-Za-z._-]{1,20}")) {
			throw new BusinessRuleException("unit.code.invalid", code);
		}
		if (code == null && type.level() >= 1 && type.level() <= 3) {
			throw new BusinessRuleException("unit.code.required", type.fullName(name));
		}
	}

	UnitAttributes withName(String newName) {
		return new UnitAttributes(code, newName, type, parentId, note);
	}

	UnitAttributes withType(UnitType newType) {
		return new UnitAttributes(code, name, newType, parentId, note);
	}

	UnitAttributes withCode(@Nullable String newCode) {
		return new UnitAttributes(newCode, name, type, parentId, note);
	}

	UnitAttributes withParent(Long newParentId) {
		return new UnitAttributes(code, name, type, newParentId, note);
	}

	UnitAttributes withNote(@Nullable String newNote) {
		return new UnitAttributes(code, name, type, parentId, newNote);
	}

	String fullName() {
		return type.fullName(name);
	}

}
