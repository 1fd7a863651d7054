package vn.ntm.planning.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;
import vn.ntm.planning.TaskForm;
import vn.ntm.planning.TaskStatus;
import vn.ntm.planning.TaskView;

/**
 * The task form as typed: what, for which criterion, for which units, led by whom (an
 * agency, a named officer with position, the account that sees it in "my tasks"), helped
 * by whom, by when (the deadline as written), how much, with what money, its status; and
 * the version it was read at.
 */
public class TaskFormData {

	private @Nullable Long sectionId;

	private @Nullable String number;

	private @Nullable String title;

	private @Nullable String description;

	private boolean milestone;

	private @Nullable String criterion;

	private @Nullable String indicator;

	private List<Long> unitIds = new ArrayList<>();

	private @Nullable String leadAgency;

	private @Nullable String leadPerson;

	private @Nullable String leadPosition;

	private @Nullable Long leadUserId;

	private @Nullable String helpers;

	private @Nullable String deadline;

	private @Nullable String quantity;

	private @Nullable String quantityUnit;

	private @Nullable String money;

	private @Nullable String moneySource;

	private @Nullable String note;

	private TaskStatus status = TaskStatus.TODO;

	private @Nullable String reason;

	private int expectedVersion;

	static TaskFormData of(TaskView task) {
		TaskFormData form = new TaskFormData();
		form.sectionId = task.sectionId();
		form.number = task.number();
		form.title = task.title();
		form.description = task.description();
		form.milestone = task.milestone();
		form.criterion = task.criterion();
		form.indicator = task.indicator();
		form.unitIds = new ArrayList<>(task.unitIds());
		form.leadAgency = task.leadAgency();
		form.leadPerson = task.leadPerson();
		form.leadPosition = task.leadPosition();
		form.leadUserId = task.leadUserId();
		form.helpers = task.helpers();
		form.deadline = task.deadline() == null ? null : task.deadline().text();
		form.quantity = Inputs.show(task.quantity());
		form.quantityUnit = task.quantityUnit();
		form.money = Inputs.show(task.money());
		form.moneySource = task.moneySource();
		form.note = task.note();
		form.status = task.status();
		form.expectedVersion = task.version();
		return form;
	}

	/**
	 * The task, or null with every field that cannot be read rejected on {@code errors}.
	 * The rules of the plan (deadline, units, quantity and its unit) are the facade's.
	 */
	@Nullable TaskForm read(Errors errors) {
		Inputs.required(title, "title", "planning.task.titleRequired", errors);
		BigDecimal qty = Inputs.number(quantity, "quantity", errors);
		BigDecimal amount = Inputs.number(money, "money", errors);
		if (errors.hasErrors()) {
			return null;
		}
		return new TaskForm(sectionId, Inputs.text(number), title.strip(), Inputs.text(description), milestone,
				Inputs.text(criterion), Inputs.text(indicator), unitIds == null ? List.of() : unitIds,
				Inputs.text(leadAgency), Inputs.text(leadPerson), Inputs.text(leadPosition), leadUserId,
				Inputs.text(helpers), Inputs.text(deadline), qty, Inputs.text(quantityUnit), amount,
				Inputs.text(moneySource), Inputs.text(note));
	}

	public @Nullable Long getSectionId() {
		return sectionId;
	}

	public void setSectionId(@Nullable Long sectionId) {
		this.sectionId = sectionId;
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

	public @Nullable String getDescription() {
		return description;
	}

	public void setDescription(@Nullable String description) {
		this.description = description;
	}

	public boolean isMilestone() {
		return milestone;
	}

	public void setMilestone(boolean milestone) {
		this.milestone = milestone;
	}

	public @Nullable String getCriterion() {
		return criterion;
	}

	public void setCriterion(@Nullable String criterion) {
		this.criterion = criterion;
	}

	public @Nullable String getIndicator() {
		return indicator;
	}

	public void setIndicator(@Nullable String indicator) {
		this.indicator = indicator;
	}

	public List<Long> getUnitIds() {
		return unitIds;
	}

	public void setUnitIds(@Nullable List<Long> unitIds) {
		this.unitIds = unitIds == null ? new ArrayList<>() : unitIds;
	}

	public @Nullable String getLeadAgency() {
		return leadAgency;
	}

	public void setLeadAgency(@Nullable String leadAgency) {
		this.leadAgency = leadAgency;
	}

	public @Nullable String getLeadPerson() {
		return leadPerson;
	}

	public void setLeadPerson(@Nullable String leadPerson) {
		this.leadPerson = leadPerson;
	}

	public @Nullable String getLeadPosition() {
		return leadPosition;
	}

	public void setLeadPosition(@Nullable String leadPosition) {
		this.leadPosition = leadPosition;
	}

	public @Nullable Long getLeadUserId() {
		return leadUserId;
	}

	public void setLeadUserId(@Nullable Long leadUserId) {
		this.leadUserId = leadUserId;
	}

	public @Nullable String getHelpers() {
		return helpers;
	}

	public void setHelpers(@Nullable String helpers) {
		this.helpers = helpers;
	}

	public @Nullable String getDeadline() {
		return deadline;
	}

	public void setDeadline(@Nullable String deadline) {
		this.deadline = deadline;
	}

	public @Nullable String getQuantity() {
		return quantity;
	}

	public void setQuantity(@Nullable String quantity) {
		this.quantity = quantity;
	}

	public @Nullable String getQuantityUnit() {
		return quantityUnit;
	}

	public void setQuantityUnit(@Nullable String quantityUnit) {
		this.quantityUnit = quantityUnit;
	}

	public @Nullable String getMoney() {
		return money;
	}

	public void setMoney(@Nullable String money) {
		this.money = money;
	}

	public @Nullable String getMoneySource() {
		return moneySource;
	}

	public void setMoneySource(@Nullable String moneySource) {
		this.moneySource = moneySource;
	}

	public @Nullable String getNote() {
		return note;
	}

	public void setNote(@Nullable String note) {
		this.note = note;
	}

	public TaskStatus getStatus() {
		return status;
	}

	public void setStatus(@Nullable TaskStatus status) {
		this.status = status == null ? TaskStatus.TODO : status;
	}

	public @Nullable String getReason() {
		return reason;
	}

	public void setReason(@Nullable String reason) {
		this.reason = reason;
	}

	public int getExpectedVersion() {
		return expectedVersion;
	}

	public void setExpectedVersion(int expectedVersion) {
		this.expectedVersion = expectedVersion;
	}

}
