package vn.ntm.orgunit.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.ntm.orgunit.Merge;
import vn.ntm.orgunit.NewUnit;
import vn.ntm.orgunit.UnitType;
import vn.ntm.shared.BusinessRuleException;

/**
 * The merge form: the units to merge (this one and the ticked siblings), and where they
 * go — into one of them, which goes on, or into a new unit.
 */
class MergeForm {

	@Nullable LocalDate effectiveDate;

	List<Long> unitIds = new ArrayList<>();

	String mode = "ABSORB";

	@Nullable Long absorbingUnitId;

	@Nullable String newName;

	@Nullable String newCode;

	@Nullable UnitType newType;

	@Nullable String legalBasis;

	@Nullable String note;

	Merge toMerge(long parentId) {
		if (effectiveDate == null) {
			throw new BusinessRuleException("change.date.required");
		}
		if ("NEW".equals(mode)) {
			if (newName == null || newName.isBlank() || newType == null) {
				throw new BusinessRuleException("merge.newUnit.required");
			}
			return new Merge(unitIds, effectiveDate, null,
					new NewUnit(newCode, newName, newType, parentId, effectiveDate, null), legalBasis, note);
		}
		if (absorbingUnitId == null) {
			throw new BusinessRuleException("merge.successor.required");
		}
		return new Merge(unitIds, effectiveDate, absorbingUnitId, null, legalBasis, note);
	}

	public @Nullable LocalDate getEffectiveDate() {
		return effectiveDate;
	}

	public void setEffectiveDate(@Nullable LocalDate effectiveDate) {
		this.effectiveDate = effectiveDate;
	}

	public List<Long> getUnitIds() {
		return unitIds;
	}

	public void setUnitIds(List<Long> unitIds) {
		this.unitIds = unitIds;
	}

	public String getMode() {
		return mode;
	}

	public void setMode(String mode) {
		this.mode = mode;
	}

	public @Nullable Long getAbsorbingUnitId() {
		return absorbingUnitId;
	}

	public void setAbsorbingUnitId(@Nullable Long absorbingUnitId) {
		this.absorbingUnitId = absorbingUnitId;
	}

	public @Nullable String getNewName() {
		return newName;
	}

	public void setNewName(@Nullable String newName) {
		this.newName = newName;
	}

	public @Nullable String getNewCode() {
		return newCode;
	}

	public void setNewCode(@Nullable String newCode) {
		this.newCode = newCode;
	}

	public @Nullable UnitType getNewType() {
		return newType;
	}

	public void setNewType(@Nullable UnitType newType) {
		this.newType = newType;
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

}
