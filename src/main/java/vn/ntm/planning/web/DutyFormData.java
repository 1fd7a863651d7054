package vn.ntm.planning.web;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import vn.ntm.planning.DutyForm;
import vn.ntm.planning.DutyView;
import vn.ntm.shared.VnFormat;

/**
 * A reporting duty as typed: the unit that owes it, to whom (as written, and the unit
 * when it is one), what, when (a deadline as written, usually recurring), from and until
 * when; and the version it was read at.
 */
public class DutyFormData {

	private @Nullable Long unitId;

	private @Nullable Long recipientUnitId;

	private @Nullable String recipient;

	private @Nullable String title;

	private @Nullable String schedule;

	private @Nullable String startsOn;

	private @Nullable String endsOn;

	private @Nullable Long planId;

	private int expectedVersion;

	static DutyFormData of(DutyView duty) {
		DutyFormData form = new DutyFormData();
		form.unitId = duty.unitId();
		form.recipientUnitId = duty.recipientUnitId();
		form.recipient = duty.recipient();
		form.title = duty.title();
		form.schedule = duty.schedule().text();
		form.startsOn = VnFormat.date(duty.startsOn());
		form.endsOn = duty.endsOn() == null ? null : VnFormat.date(duty.endsOn());
		form.expectedVersion = duty.version();
		return form;
	}

	@Nullable DutyForm read(Errors errors) {
		if (unitId == null) {
			errors.rejectValue("unitId", "planning.form.unitRequired");
		}
		Inputs.required(title, "title", "planning.form.dutyTitleRequired", errors);
		Inputs.required(recipient, "recipient", "planning.form.recipientRequired", errors);
		Inputs.required(schedule, "schedule", "planning.form.scheduleRequired", errors);
		LocalDate starts = Inputs.date(startsOn, "startsOn", errors);
		if (Inputs.text(startsOn) == null) {
			errors.rejectValue("startsOn", "planning.form.startsOnRequired");
		}
		LocalDate ends = Inputs.date(endsOn, "endsOn", errors);
		if (errors.hasErrors() || unitId == null || starts == null) {
			return null;
		}
		return new DutyForm(unitId, recipientUnitId, recipient.strip(), title.strip(), schedule.strip(), starts, ends,
				planId);
	}

	public @Nullable Long getUnitId() {
		return unitId;
	}

	public void setUnitId(@Nullable Long unitId) {
		this.unitId = unitId;
	}

	public @Nullable Long getRecipientUnitId() {
		return recipientUnitId;
	}

	public void setRecipientUnitId(@Nullable Long recipientUnitId) {
		this.recipientUnitId = recipientUnitId;
	}

	public @Nullable String getRecipient() {
		return recipient;
	}

	public void setRecipient(@Nullable String recipient) {
		this.recipient = recipient;
	}

	public @Nullable String getTitle() {
		return title;
	}

	public void setTitle(@Nullable String title) {
		this.title = title;
	}

	public @Nullable String getSchedule() {
		return schedule;
	}

	public void setSchedule(@Nullable String schedule) {
		this.schedule = schedule;
	}

	public @Nullable String getStartsOn() {
		return startsOn;
	}

	public void setStartsOn(@Nullable String startsOn) {
		this.startsOn = startsOn;
	}

	public @Nullable String getEndsOn() {
		return endsOn;
	}

	public void setEndsOn(@Nullable String endsOn) {
		this.endsOn = endsOn;
	}

	public @Nullable Long getPlanId() {
		return planId;
	}

	public void setPlanId(@Nullable Long planId) {
		this.planId = planId;
	}

	public int getExpectedVersion() {
		return expectedVersion;
	}

	public void setExpectedVersion(int expectedVersion) {
		this.expectedVersion = expectedVersion;
	}

}
