package vn.ntm.funding;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.ntm.shared.Money;

/**
 * Sources, capital plans, works, allocations and disbursements. Every read checks that
 * the unit is within the current user's units, every change needs
 * {@code Permission.FUNDING_EDIT} on the unit and is audited.
 */
public interface FundingManagement {

	List<FundingSource> sources();

	FundingViews.Summary summary(long unitId, int fromYear, int toYear, LocalDate at);

	/** The works of the unit and of every unit below it as of {@code at}. */
	List<FundingViews.WorkView> works(long unitId, LocalDate at);

	FundingViews.WorkDetail work(long workId, LocalDate at);

	FundingViews.Ranking ranking(long provinceId, int year, LocalDate at);

	List<FundingViews.RequestView> requests(long unitId);

	long recordTransaction(NewTransaction transaction);

	/** A reallocation (điều chuyển) between two units: both halves in one transaction. */
	void transfer(Transfer transfer);

	long createWork(NewWork work);

	/**
	 * Corrects a work's facts (name, investor, code, criterion, amounts, dates); refused
	 * when the work changed since {@code edit.version()} was read.
	 */
	void updateWork(long workId, WorkEdit edit);

	/**
	 * Fails with the access refusal unless the user may change the funding of the unit
	 * (for the forms' pages, before anything is typed).
	 */
	void requireEdit(long unitId);

	long allocate(long workId, NewAllocation allocation);

	/**
	 * Records a payment; refused (with nothing saved) when it would pay more from the
	 * source and year than was allocated to the work.
	 */
	long disburse(long workId, NewDisbursement disbursement);

	/** Contractor selection, completion and settlement; refused when the work changed. */
	void progress(long workId, WorkProgress progress);

	long requestReallocation(NewRequest request);

	void completeReallocation(long requestId, LocalDate completedOn);

	List<RuleSetting> settings(long provinceId, int year);

	/** Changes a rule for a province (every year when {@code year} is null). */
	void saveSetting(long provinceId, @Nullable Integer year, RuleSetting setting);

	/**
	 * Each rule for a province and a year: what applies, and the province's own rows (for
	 * the year, for every year) with their versions.
	 */
	List<FundingViews.RuleRow> ruleRows(long provinceId, int year);

	/**
	 * Changes a rule for a province (every year when {@code year} is null), refused when
	 * the row changed since its {@code expectedVersion} was read (0: there was none).
	 */
	void saveSetting(long provinceId, @Nullable Integer year, RuleSetting setting, int expectedVersion);

	record NewTransaction(long unitId, int year, String source, String kind, Money amount, @Nullable String decision,
			@Nullable LocalDate decidedOn, @Nullable Integer fromYear, @Nullable LocalDate deadline,
			@Nullable String purpose, @Nullable String note) {
	}

	record Transfer(long fromUnitId, long toUnitId, int year, String source, Money amount, String decision,
			LocalDate decidedOn, @Nullable String note) {
	}

	record NewWork(long unitId, String name, @Nullable String investor, @Nullable String projectCode,
			@Nullable String criterion, @Nullable Money totalInvestment, @Nullable Money counterpartRequired,
			@Nullable LocalDate allocatedOn, @Nullable LocalDate contractorOn, @Nullable String note) {
	}

	record NewAllocation(int year, String source, Money amount, @Nullable String decision, LocalDate decidedOn) {
	}

	record NewDisbursement(LocalDate paidOn, int year, String source, Money amount, @Nullable String note) {
	}

	/**
	 * Contractor selection, completion and final settlement (quyết toán: its date, the
	 * settled value and the decision that approved it).
	 */
	record WorkProgress(@Nullable LocalDate contractorOn, @Nullable LocalDate completedOn,
			@Nullable LocalDate settledOn, @Nullable Money settlementAmount, int version,
			@Nullable String settlementDecision) {

		@com.fasterxml.jackson.annotation.JsonCreator
		public WorkProgress {
		}

		public WorkProgress(@Nullable LocalDate contractorOn, @Nullable LocalDate completedOn,
				@Nullable LocalDate settledOn, @Nullable Money settlementAmount, int version) {
			this(contractorOn, completedOn, settledOn, settlementAmount, version, null);
		}

	}

	/** A work's facts as corrected on its form, with the version they were read at. */
	record WorkEdit(String name, @Nullable String investor, @Nullable String projectCode, @Nullable String criterion,
			@Nullable Money totalInvestment, @Nullable Money counterpartRequired, @Nullable LocalDate allocatedOn,
			@Nullable LocalDate contractorOn, @Nullable String note, int version) {
	}

	record NewRequest(long unitId, int year, String source, Money amount, LocalDate requestedOn,
			@Nullable String note) {
	}

}
