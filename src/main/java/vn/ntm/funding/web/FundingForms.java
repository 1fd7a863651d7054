package vn.ntm.funding.web;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;
import vn.ntm.funding.FundingFieldException;
import vn.ntm.funding.FundingManagement;
import vn.ntm.funding.FundingRule;
import vn.ntm.funding.FundingViews;
import vn.ntm.funding.RuleSetting;
import vn.ntm.shared.Money;
import vn.ntm.shared.MoneyUnit;
import vn.ntm.shared.VnFormat;

/**
 * The funding forms as typed: every field is text (dates dd/MM/yyyy, amounts in triệu
 * đồng written 1.234,5), read into the facade's records by {@link Reader}, which marks
 * each field it cannot read with its reason before anything is sent to the facade.
 */
final class FundingForms {

	private FundingForms() {
	}

	/** Reads the fields of one form, rejecting each unreadable one on the binding. */
	static final class Reader {

		private final BindingResult binding;

		Reader(BindingResult binding) {
			this.binding = binding;
		}

		boolean ok() {
			return !binding.hasErrors();
		}

		@Nullable LocalDate date(@Nullable String text, String field, boolean required) {
			if (text == null || text.isBlank()) {
				if (required) {
					binding.rejectValue(field, "funding.field.required");
				}
				return null;
			}
			LocalDate date = VnFormat.parseDate(text.trim()).orElse(null);
			if (date == null) {
				binding.rejectValue(field, "funding.field.dateInvalid", new Object[] { text }, null);
			}
			return date;
		}

		/** An amount typed in triệu đồng. */
		@Nullable Money millions(@Nullable String text, String field, boolean required) {
			if (text == null || text.isBlank()) {
				if (required) {
					binding.rejectValue(field, "funding.field.required");
				}
				return null;
			}
			BigDecimal number = Money.parseNumber(text.trim()).orElse(null);
			if (number == null) {
				binding.rejectValue(field, "funding.field.amountInvalid", new Object[] { text }, null);
				return null;
			}
			return Money.of(number, MoneyUnit.TRIEU);
		}

		@Nullable BigDecimal number(@Nullable String text, String field) {
			if (text == null || text.isBlank()) {
				return null;
			}
			BigDecimal number = Money.parseNumber(text.trim()).orElse(null);
			if (number == null) {
				binding.rejectValue(field, "funding.field.numberInvalid", new Object[] { text }, null);
			}
			return number;
		}

		@Nullable Integer integer(@Nullable String text, String field, boolean required) {
			if (text == null || text.isBlank()) {
				if (required) {
					binding.rejectValue(field, "funding.field.required");
				}
				return null;
			}
			try {
				return Integer.valueOf(text.trim());
			}
			catch (NumberFormatException ex) {
				binding.rejectValue(field, "funding.field.numberInvalid", new Object[] { text }, null);
				return null;
			}
		}

		@Nullable String text(@Nullable String text, String field, boolean required) {
			if (text == null || text.isBlank()) {
				if (required) {
					binding.rejectValue(field, "funding.field.required");
				}
				return null;
			}
			return text.trim();
		}

	}

	/**
	 * Marks the field a refusal of the facade names, when the form has it.
	 */
	static void reject(BindingResult binding, FundingFieldException ex) {
		if (new BeanWrapperImpl(binding.getTarget()).isReadableProperty(ex.field())) {
			binding.rejectValue(ex.field(), ex.messageKey(), ex.arguments(), null);
		}
	}

	static String millions(@Nullable Money amount) {
		return amount == null ? "" : amount.figure(MoneyUnit.TRIEU);
	}

	static String date(@Nullable LocalDate date) {
		return date == null ? "" : VnFormat.date(date);
	}

	/** A work's facts (công trình, dự án). */
	public static class WorkForm {

		private @Nullable Long unitId;

		private String name = "";

		private String investor = "";

		private String projectCode = "";

		private String criterion = "";

		private String totalInvestment = "";

		private String counterpartRequired = "";

		private String allocatedOn = "";

		private String contractorOn = "";

		private String note = "";

		private int version;

		static WorkForm of(FundingViews.WorkView w) {
			WorkForm f = new WorkForm();
			f.unitId = w.unitId();
			f.name = w.name();
			f.investor = w.investor() == null ? "" : w.investor();
			f.projectCode = w.projectCode() == null ? "" : w.projectCode();
			f.criterion = w.criterion() == null ? "" : w.criterion();
			f.totalInvestment = millions(w.totalInvestment());
			f.counterpartRequired = millions(w.counterpartRequired());
			f.allocatedOn = date(w.allocatedOn());
			f.contractorOn = date(w.contractorOn());
			f.note = w.note() == null ? "" : w.note();
			f.version = w.version();
			return f;
		}

		FundingManagement.@Nullable NewWork toNew(Reader r) {
			if (unitId == null) {
				return null;
			}
			String n = r.text(name, "name", true);
			Money total = r.millions(totalInvestment, "totalInvestment", false);
			Money counterpart = r.millions(counterpartRequired, "counterpartRequired", false);
			LocalDate allocated = r.date(allocatedOn, "allocatedOn", false);
			LocalDate contractor = r.date(contractorOn, "contractorOn", false);
			return r.ok() ? new FundingManagement.NewWork(unitId, n, investor, projectCode, criterion, total,
					counterpart, allocated, contractor, note) : null;
		}

		FundingManagement.@Nullable WorkEdit toEdit(Reader r) {
			String n = r.text(name, "name", true);
			Money total = r.millions(totalInvestment, "totalInvestment", false);
			Money counterpart = r.millions(counterpartRequired, "counterpartRequired", false);
			LocalDate allocated = r.date(allocatedOn, "allocatedOn", false);
			LocalDate contractor = r.date(contractorOn, "contractorOn", false);
			return r.ok() ? new FundingManagement.WorkEdit(n == null ? "" : n, investor, projectCode, criterion, total,
					counterpart, allocated, contractor, note, version) : null;
		}

		public @Nullable Long getUnitId() {
			return unitId;
		}

		public void setUnitId(@Nullable Long unitId) {
			this.unitId = unitId;
		}

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getInvestor() {
			return investor;
		}

		public void setInvestor(String investor) {
			this.investor = investor;
		}

		public String getProjectCode() {
			return projectCode;
		}

		public void setProjectCode(String projectCode) {
			this.projectCode = projectCode;
		}

		public String getCriterion() {
			return criterion;
		}

		public void setCriterion(String criterion) {
			this.criterion = criterion;
		}

		public String getTotalInvestment() {
			return totalInvestment;
		}

		public void setTotalInvestment(String totalInvestment) {
			this.totalInvestment = totalInvestment;
		}

		public String getCounterpartRequired() {
			return counterpartRequired;
		}

		public void setCounterpartRequired(String counterpartRequired) {
			this.counterpartRequired = counterpartRequired;
		}

		public String getAllocatedOn() {
			return allocatedOn;
		}

		public void setAllocatedOn(String allocatedOn) {
			this.allocatedOn = allocatedOn;
		}

		public String getContractorOn() {
			return contractorOn;
		}

		public void setContractorOn(String contractorOn) {
			this.contractorOn = contractorOn;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}

		public int getVersion() {
			return version;
		}

		public void setVersion(int version) {
			this.version = version;
		}

	}

	/**
	 * A capital-plan transaction: giao vốn, bổ sung, cắt giảm, chuyển nguồn, kế hoạch dự
	 * kiến, or điều chuyển ({@code TRANSFER}) to another unit — each recorded, never an
	 * edit.
	 */
	public static class TransactionForm {

		private String kind = "ASSIGN";

		private String year = "";

		private String source = "";

		private String amount = "";

		private String decision = "";

		private String decidedOn = "";

		private String fromYear = "";

		private String deadline = "";

		private String purpose = "";

		private @Nullable Long toUnitId;

		private String note = "";

		boolean isTransfer() {
			return "TRANSFER".equals(kind);
		}

		FundingManagement.@Nullable NewTransaction toTransaction(long unitId, Reader r) {
			Integer y = r.integer(year, "year", true);
			String s = r.text(source, "source", true);
			Money a = r.millions(amount, "amount", true);
			LocalDate decided = r.date(decidedOn, "decidedOn", false);
			Integer from = "CARRY_IN".equals(kind) ? r.integer(fromYear, "fromYear", true) : null;
			LocalDate until = "CARRY_IN".equals(kind) ? r.date(deadline, "deadline", true) : null;
			if (!r.ok() || y == null || s == null || a == null) {
				return null;
			}
			return new FundingManagement.NewTransaction(unitId, y, s, kind, a, blank(decision), decided, from, until,
					blank(purpose), blank(note));
		}

		FundingManagement.@Nullable Transfer toTransfer(long unitId, Reader r) {
			Integer y = r.integer(year, "year", true);
			String s = r.text(source, "source", true);
			Money a = r.millions(amount, "amount", true);
			String d = r.text(decision, "decision", true);
			LocalDate decided = r.date(decidedOn, "decidedOn", true);
			if (toUnitId == null) {
				r.binding.rejectValue("toUnitId", "funding.field.required");
			}
			if (!r.ok() || y == null || s == null || a == null || d == null || decided == null || toUnitId == null) {
				return null;
			}
			return new FundingManagement.Transfer(unitId, toUnitId, y, s, a, d, decided, blank(note));
		}

		private static @Nullable String blank(@Nullable String text) {
			return text == null || text.isBlank() ? null : text.trim();
		}

		public String getKind() {
			return kind;
		}

		public void setKind(String kind) {
			this.kind = kind;
		}

		public String getYear() {
			return year;
		}

		public void setYear(String year) {
			this.year = year;
		}

		public String getSource() {
			return source;
		}

		public void setSource(String source) {
			this.source = source;
		}

		public String getAmount() {
			return amount;
		}

		public void setAmount(String amount) {
			this.amount = amount;
		}

		public String getDecision() {
			return decision;
		}

		public void setDecision(String decision) {
			this.decision = decision;
		}

		public String getDecidedOn() {
			return decidedOn;
		}

		public void setDecidedOn(String decidedOn) {
			this.decidedOn = decidedOn;
		}

		public String getFromYear() {
			return fromYear;
		}

		public void setFromYear(String fromYear) {
			this.fromYear = fromYear;
		}

		public String getDeadline() {
			return deadline;
		}

		public void setDeadline(String deadline) {
			this.deadline = deadline;
		}

		public String getPurpose() {
			return purpose;
		}

		public void setPurpose(String purpose) {
			this.purpose = purpose;
		}

		public @Nullable Long getToUnitId() {
			return toUnitId;
		}

		public void setToUnitId(@Nullable Long toUnitId) {
			this.toUnitId = toUnitId;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}

	}

	/** A payment (giải ngân) of a work. */
	public static class DisbursementForm {

		private String paidOn = "";

		private String year = "";

		private String source = "";

		private String amount = "";

		private String note = "";

		static DisbursementForm at(LocalDate day) {
			DisbursementForm f = new DisbursementForm();
			f.paidOn = VnFormat.date(day);
			f.year = String.valueOf(day.getYear());
			return f;
		}

		FundingManagement.@Nullable NewDisbursement read(Reader r) {
			LocalDate paid = r.date(paidOn, "paidOn", true);
			Integer y = r.integer(year, "year", true);
			String s = r.text(source, "source", true);
			Money a = r.millions(amount, "amount", true);
			if (!r.ok() || paid == null || y == null || s == null || a == null) {
				return null;
			}
			return new FundingManagement.NewDisbursement(paid, y, s, a, note.isBlank() ? null : note.trim());
		}

		public String getPaidOn() {
			return paidOn;
		}

		public void setPaidOn(String paidOn) {
			this.paidOn = paidOn;
		}

		public String getYear() {
			return year;
		}

		public void setYear(String year) {
			this.year = year;
		}

		public String getSource() {
			return source;
		}

		public void setSource(String source) {
			this.source = source;
		}

		public String getAmount() {
			return amount;
		}

		public void setAmount(String amount) {
			this.amount = amount;
		}

		public String getNote() {
			return note;
		}

		public void setNote(String note) {
			this.note = note;
		}

	}

	/** Contractor selection, completion and final settlement (quyết toán). */
	public static class ProgressForm {

		private String contractorOn = "";

		private String completedOn = "";

		private String settledOn = "";

		private String settlementAmount = "";

		private String settlementDecision = "";

		private int version;

		static ProgressForm of(FundingViews.WorkView w) {
			ProgressForm f = new ProgressForm();
			f.contractorOn = date(w.contractorOn());
			f.completedOn = date(w.completedOn());
			f.settledOn = date(w.settledOn());
			f.settlementAmount = millions(w.settlementAmount());
			f.settlementDecision = w.settlementDecision() == null ? "" : w.settlementDecision();
			f.version = w.version();
			return f;
		}

		FundingManagement.@Nullable WorkProgress read(Reader r) {
			LocalDate contractor = r.date(contractorOn, "contractorOn", false);
			LocalDate completed = r.date(completedOn, "completedOn", false);
			LocalDate settled = r.date(settledOn, "settledOn", false);
			Money amount = r.millions(settlementAmount, "settlementAmount", false);
			return r.ok() ? new FundingManagement.WorkProgress(contractor, completed, settled, amount, version,
					settlementDecision) : null;
		}

		public String getContractorOn() {
			return contractorOn;
		}

		public void setContractorOn(String contractorOn) {
			this.contractorOn = contractorOn;
		}

		public String getCompletedOn() {
			return completedOn;
		}

		public void setCompletedOn(String completedOn) {
			this.completedOn = completedOn;
		}

		public String getSettledOn() {
			return settledOn;
		}

		public void setSettledOn(String settledOn) {
			this.settledOn = settledOn;
		}

		public String getSettlementAmount() {
			return settlementAmount;
		}

		public void setSettlementAmount(String settlementAmount) {
			this.settlementAmount = settlementAmount;
		}

		public String getSettlementDecision() {
			return settlementDecision;
		}

		public void setSettlementDecision(String settlementDecision) {
			this.settlementDecision = settlementDecision;
		}

		public int getVersion() {
			return version;
		}

		public void setVersion(int version) {
			this.version = version;
		}

	}

	/**
	 * A province's setting of one rule, for one year or for every year ({@code scope}
	 * "ALL"); a blank figure keeps the default (or the every-year setting).
	 */
	public static class RuleForm {

		private String scope = "YEAR";

		private boolean enabled = true;

		private String month = "";

		private String day = "";

		private String percent = "";

		private String years = "";

		private String amount = "";

		private int version;

		static RuleForm of(FundingViews.RuleRow row, boolean everyYear) {
			RuleForm f = new RuleForm();
			RuleSetting own = everyYear ? row.forEveryYear() : row.forYear();
			RuleSetting shown = own != null ? own : row.effective();
			f.scope = everyYear ? "ALL" : "YEAR";
			f.enabled = shown.enabled();
			f.month = shown.month() == null ? "" : String.valueOf(shown.month());
			f.day = shown.day() == null ? "" : String.valueOf(shown.day());
			f.percent = shown.percent() == null ? "" : VnFormat.number(shown.percent());
			f.years = shown.years() == null ? "" : String.valueOf(shown.years());
			f.amount = shown.amount() == null ? "" : new Money(shown.amount()).figure(MoneyUnit.TRIEU);
			f.version = everyYear ? row.everyYearVersion() : row.yearVersion();
			return f;
		}

		@Nullable RuleSetting read(FundingRule rule, Reader r) {
			Integer m = r.integer(month, "month", false);
			Integer d = r.integer(day, "day", false);
			BigDecimal p = r.number(percent, "percent");
			Integer y = r.integer(years, "years", false);
			Money a = r.millions(amount, "amount", false);
			return r.ok() ? new RuleSetting(rule, enabled, m, d, p, y, a == null ? null : a.dong()) : null;
		}

		public String getScope() {
			return scope;
		}

		public void setScope(String scope) {
			this.scope = scope;
		}

		public boolean isEnabled() {
			return enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getMonth() {
			return month;
		}

		public void setMonth(String month) {
			this.month = month;
		}

		public String getDay() {
			return day;
		}

		public void setDay(String day) {
			this.day = day;
		}

		public String getPercent() {
			return percent;
		}

		public void setPercent(String percent) {
			this.percent = percent;
		}

		public String getYears() {
			return years;
		}

		public void setYears(String years) {
			this.years = years;
		}

		public String getAmount() {
			return amount;
		}

		public void setAmount(String amount) {
			this.amount = amount;
		}

		public int getVersion() {
			return version;
		}

		public void setVersion(int version) {
			this.version = version;
		}

	}

}
