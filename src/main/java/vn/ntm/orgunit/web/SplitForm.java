package vn.ntm.orgunit.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import vn.ntm.orgunit.NewUnit;
import vn.ntm.orgunit.Split;
import vn.ntm.orgunit.UnitType;
import vn.ntm.shared.BusinessRuleException;

/**
 * The split form: up to four new units (rows left empty are ignored) and, for each child
 * of the split unit, the new unit it goes to.
 */
class SplitForm {

	static final int ROWS = 4;

	@Nullable LocalDate effectiveDate;

	List<String> names = new ArrayList<>(List.of("", "", "", ""));

	List<String> codes = new ArrayList<>(List.of("", "", "", ""));

	List<UnitType> types = new ArrayList<>();

	Map<Long, Integer> assign = new HashMap<>();

	@Nullable String legalBasis;

	@Nullable String note;

	int version;

	Split toSplit(long unitId, long parentId) {
		if (effectiveDate == null) {
			throw new BusinessRuleException("change.date.required");
		}
		List<NewUnit> units = new ArrayList<>();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i);
			if (name == null || name.isBlank()) {
				continue;
			}
			UnitType type = i < types.size() ? types.get(i) : null;
			if (type == null) {
				throw new BusinessRuleException("unit.type.required");
			}
			String code = i < codes.size() ? codes.get(i) : null;
			units.add(new NewUnit(code, name, type, parentId, effectiveDate, null));
		}
		if (units.size() < 2) {
			throw new BusinessRuleException("split.units.required");
		}
		return new Split(unitId, effectiveDate, units, assign, legalBasis, note, version);
	}

	public @Nullable LocalDate getEffectiveDate() {
		return effectiveDate;
	}

	public void setEffectiveDate(@Nullable LocalDate effectiveDate) {
		this.effectiveDate = effectiveDate;
	}

	public List<String> getNames() {
		return names;
	}

	public void setNames(List<String> names) {
		this.names = names;
	}

	public List<String> getCodes() {
		return codes;
	}

	public void setCodes(List<String> codes) {
		this.codes = codes;
	}

	public List<UnitType> getTypes() {
		return types;
	}

	public void setTypes(List<UnitType> types) {
		this.types = types;
	}

	public Map<Long, Integer> getAssign() {
		return assign;
	}

	public void setAssign(Map<Long, Integer> assign) {
		this.assign = assign;
	}

	public @Nullable String getLegalBasis() {
		return legalBasis;
	}

	public void setLegalBasis(@Nullable String legalBasis) {
		this.legalBasis = legalBasis;
	}

	public @Nullable String getNote() {
		return note;
	}

	public void setNote(@Nullable String note) {
		this.note = note;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
