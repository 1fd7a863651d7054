package vn.ntm.criteria.web;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * An indicator of a draft set with its requirements (one row per classification value),
 * as its form edits it.
 */
class IndicatorForm {

	String criterion = "";

	String code = "";

	@Nullable String originalCode;

	@Nullable String name;

	@Nullable String nameStatus;

	String type = "BOOLEAN";

	@Nullable String unit;

	boolean input;

	String valueKind = "ENTERED";

	@Nullable String expression;

	@Nullable String title;

	@Nullable String set;

	@Nullable Integer level;

	@Nullable String types;

	@Nullable String scheme;

	@Nullable String values;

	@Nullable String maxPoints;

	@Nullable String maxValue;

	@Nullable String choices;

	@Nullable String source;

	@Nullable String note;

	List<RequirementRow> requirements = new ArrayList<>();

	int version;

	public String getCriterion() {
		return criterion;
	}

	public void setCriterion(String criterion) {
		this.criterion = criterion;
	}

	public String getCode() {
		return code;
	}

	public void setCode(String code) {
		this.code = code;
	}

	public @Nullable String getOriginalCode() {
		return originalCode;
	}

	public void setOriginalCode(@Nullable String originalCode) {
		this.originalCode = originalCode;
	}

	public @Nullable String getName() {
		return name;
	}

	public void setName(@Nullable String name) {
		this.name = name;
	}

	public @Nullable String getNameStatus() {
		return nameStatus;
	}

	public void setNameStatus(@Nullable String nameStatus) {
		this.nameStatus = nameStatus;
	}

	public String getType() {
		return type;
	}

	public void setType(String type) {
		this.type = type;
	}

	public @Nullable String getUnit() {
		return unit;
	}

	public void setUnit(@Nullable String unit) {
		this.unit = unit;
	}

	public boolean isInput() {
		return input;
	}

	public void setInput(boolean input) {
		this.input = input;
	}

	public String getValueKind() {
		return valueKind;
	}

	public void setValueKind(String valueKind) {
		this.valueKind = valueKind;
	}

	public @Nullable String getExpression() {
		return expression;
	}

	public void setExpression(@Nullable String expression) {
		this.expression = expression;
	}

	public @Nullable String getTitle() {
		return title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getSet() {
		return set;
	}

	public void setSet(@Nullable String set) {
		this.set = set;
	}

	public @Nullable Integer getLevel() {
		return level;
	}

	public void setLevel(@Nullable Integer level) {
		this.level = level;
	}

	public @Nullable String getTypes() {
		return types;
	}

	public void setTypes(@Nullable String types) {
		this.types = types;
	}

	public @Nullable String getScheme() {
		return scheme;
	}

	public void setScheme(@Nullable String scheme) {
		this.scheme = scheme;
	}

	public @Nullable String getValues() {
		return values;
	}

	public void setValues(@Nullable String values) {
		this.values = values;
	}

	public @Nullable String getMaxPoints() {
		return maxPoints;
	}

	public void setMaxPoints(@Nullable String maxPoints) {
		this.maxPoints = maxPoints;
	}

	public @Nullable String getMaxValue() {
		return maxValue;
	}

	public void setMaxValue(@Nullable String maxValue) {
		this.maxValue = maxValue;
	}

	public @Nullable String getChoices() {
		return choices;
	}

	public void setChoices(@Nullable String choices) {
		this.choices = choices;
	}

	public @Nullable String getSource() {
		return source;
	}

	public void setSource(@Nullable String source) {
		this.source = source;
	}

	public @Nullable String getNote() {
		return note;
	}

	public void setNote(@Nullable String note) {
		this.note = note;
	}

	public List<RequirementRow> getRequirements() {
		return requirements;
	}

	public void setRequirements(List<RequirementRow> requirements) {
		this.requirements = requirements;
	}

	public int getVersion() {
		return version;
	}

	public void setVersion(int version) {
		this.version = version;
	}

}
