package vn.ntm.funding;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.ntm.shared.Money;
import vn.ntm.shared.Share;

/** What the funding pages, exports and API show: records only. */
public final class FundingViews {

	private FundingViews() {
	}

	/** One line of a summary: a source in a year, a year's total or the grand total. */
	public record SummaryRow(@Nullable Integer year, @Nullable String source, String label, Money planned,
			Money assigned, Money allocated, Money disbursed) {

		/** This line's share of the year's (or period's) planned total. */
		public Share shareOf(Money plannedTotal) {
			return Share.of(planned, plannedTotal);
		}

		/** Disbursed of allocated to works. */
		public Share rate() {
			return Share.of(disbursed, allocated);
		}

	}

	/** A total a document states, beside the sum of its lines. */
	public record StatedTotal(@Nullable Integer year, @Nullable String source, String wording, Money stated,
			Money computed) {

		public boolean matches() {
			return stated.equals(computed);
		}

	}

	public record DocumentView(long id, String code, String title, String reference, @Nullable LocalDate issuedOn,
			List<StatedTotal> totals) {
	}

	public record TransactionView(long id, int year, String source, String sourceName, String kind, Money amount,
			@Nullable String decision, @Nullable LocalDate decidedOn, @Nullable Integer fromYear,
			@Nullable LocalDate deadline, @Nullable String purpose, @Nullable String note, boolean illustration,
			String recordedBy) {
	}

	/**
	 * A unit's funding by source and year (its own capital plans, and what works in it
	 * and below it were allocated and paid): official figures only in {@code rows},
	 * {@code yearTotals} and {@code total}; the amounts of demo data ("Ví dụ minh họa",
	 * not official figures) apart, one line a year ({@code illustrations}, years without
	 * any left out) and their sum ({@code illustrationTotal}).
	 */
	public record Summary(long unitId, String unitName, int fromYear, int toYear, List<SummaryRow> rows,
			List<SummaryRow> yearTotals, SummaryRow total, List<DocumentView> documents,
			List<TransactionView> transactions, boolean canEdit, List<SummaryRow> illustrations,
			SummaryRow illustrationTotal) {

		/** The year's demo amounts, or null when it has none. */
		public @Nullable SummaryRow illustrationOf(int year) {
			return illustrations.stream().filter(r -> r.year() != null && r.year() == year).findFirst().orElse(null);
		}

		public boolean hasIllustrations() {
			return !illustrations.isEmpty();
		}

		public List<SummaryRow> rowsOf(int year) {
			return rows.stream().filter(r -> r.year() != null && r.year() == year).toList();
		}

		public SummaryRow totalOf(int year) {
			return yearTotals.stream().filter(r -> r.year() != null && r.year() == year).findFirst().orElseThrow();
		}

	}

	public record WorkView(long id, long unitId, String unitName, String name, @Nullable String investor,
			@Nullable String projectCode, @Nullable String criterion, @Nullable Money totalInvestment,
			@Nullable Money counterpartRequired, @Nullable LocalDate allocatedOn, @Nullable LocalDate contractorOn,
			@Nullable LocalDate completedOn, @Nullable LocalDate settledOn, @Nullable Money settlementAmount,
			boolean illustration, @Nullable String note, int version, Money allocated, Money disbursed,
			Money counterpartPaid, List<FundingAlert> alerts, @Nullable String settlementDecision) {

		public Share rate() {
			return Share.of(disbursed, allocated);
		}

		/** The progress bar's width, 0–100. */
		public int barWidth() {
			return rate().percent(0).map(p -> Math.max(0, Math.min(100, p.intValue()))).orElse(0);
		}

	}

	public record AllocationView(long id, int year, String source, String sourceName, Money amount,
			@Nullable String decision, LocalDate decidedOn, String recordedBy) {
	}

	public record DisbursementView(long id, LocalDate paidOn, int year, String source, String sourceName, Money amount,
			@Nullable String note, String recordedBy) {
	}

	public record MoveView(String what, String fromUnit, String toUnit, LocalDate effectiveDate) {
	}

	public record WorkDetail(WorkView work, List<AllocationView> allocations, List<DisbursementView> disbursements,
			List<SourceAmount> debt, List<MoveView> moves, boolean canEdit) {
	}

	public record RequestView(long id, long unitId, String unitName, int year, String source, String sourceName,
			Money amount, LocalDate requestedOn, @Nullable LocalDate completedOn, @Nullable String note,
			boolean illustration) {
	}

	/**
	 * A unit's disbursement in a province's ranking: official figures ranked; the amounts
	 * of demo works ("Ví dụ minh họa") apart. A unit with demo amounts only is listed
	 * after the ranked ones, without a rank (0).
	 */
	public record RankingRow(int rank, long unitId, String unitName, Money allocated, Money disbursed, int works,
			int alerts, Money illustrativeAllocated, Money illustrativeDisbursed) {

		public Share rate() {
			return Share.of(disbursed, allocated);
		}

		public boolean hasIllustrations() {
			return illustrativeAllocated.isPositive() || illustrativeDisbursed.isPositive();
		}

	}

	/**
	 * A money rule for a province and a year: what applies ({@code effective}, most
	 * specific first), and the province's own settings for the year and for every year,
	 * each with its version (0: none yet).
	 */
	public record RuleRow(FundingRule rule, RuleSetting effective, @Nullable RuleSetting forYear, int yearVersion,
			@Nullable RuleSetting forEveryYear, int everyYearVersion) {

		/** The amount that applies, in triệu đồng ("500 triệu đồng"), or null. */
		public @Nullable String effectiveAmount(java.util.Locale locale) {
			return effective.amount() == null ? null
					: new Money(effective.amount()).format(vn.ntm.shared.MoneyUnit.TRIEU, locale);
		}

	}

	public record Ranking(long provinceId, String provinceName, int year, LocalDate at, List<RankingRow> rows) {

		public boolean hasIllustrations() {
			return rows.stream().anyMatch(RankingRow::hasIllustrations);
		}

	}

}
