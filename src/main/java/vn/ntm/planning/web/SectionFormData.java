package vn.ntm.planning.web;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import vn.ntm.planning.PlanView;

/**
 * A section of a plan as typed ("II.6", "Hoàn thiện tiêu chí…") and the version it was
 * read at.
 */
public class SectionFormData {

	private @Nullable String number;

	private @Nullable String title;

	private int expectedVersion;

	static SectionFormData of(PlanView.Section section) {
		SectionFormData form = new SectionFormData();
		form.number = section.number();
		form.title = section.title();
		form.expectedVersion = section.version();
		return form;
	}

	boolean read(Errors errors) {
		Inputs.required(title, "title", "planning.section.titleRequired", errors);
		return !errors.hasErrors();
	}

	public @Nullable String getNumber() {
		return number;
	}

	public void setNumber(@Nullable String number) {
		this.number = number;
	}

	public @Nullable String getTitle() {
		return title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public int getExpectedVersion() {
		return expectedVersion;
	}

	public void setExpectedVersion(int expectedVersion) {
		this.expectedVersion = expectedVersion;
	}

}
