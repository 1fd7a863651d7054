package vn.ntm.criteria.web;

import org.jspecify.annotations.Nullable;

/**
 * One requirement row of the indicator form: the requirement for one classification value
 * ("*" for every unit); an empty operator means none.
 */
class RequirementRow {

	String forClass = "*";

	@Nullable String op;

	@Nullable String value;

	@Nullable String values;

	@Nullable String text;

	@Nullable String printed;

	@Nullable String note;

	@Nullable String source;

	public String getForClass() {
		return forClass;
	}

	public void setForClass(String forClass) {
		this.forClass = forClass;
	}

	public @Nullable String getOp() {
		return op;
	}

	public void setOp(@Nullable String op) {
		this.op = op;
	}

	public @Nullable String getValue() {
		return value;
	}

	public void setValue(@Nullable String value) {
		this.value = value;
	}

	public @Nullable String getValues() {
		return values;
	}

	public void setValues(@Nullable String values) {
		this.values = values;
	}

	public @Nullable String getText() {
		return text;
	}

	public void setText(@Nullable String text) {
		this.text = text;
	}

	public @Nullable String getPrinted() {
		return printed;
	}

	public void setPrinted(@Nullable String printed) {
		this.printed = printed;
	}

	public @Nullable String getNote() {
		return note;
	}

	public void setNote(@Nullable String note) {
		this.note = note;
	}

	public @Nullable String getSource() {
		return source;
	}

	public void setSource(@Nullable String source) {
		this.source = source;
	}

}
