package vn.ntm.funding.internal;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import vn.ntm.shared.Money;

/** What the rules read: plain data, no database. */
final class Facts {

	private Facts() {
	}

	record Alloc(int year, String source, String level, Money amount, LocalDate decidedOn) {
	}

	record Pay(LocalDate paidOn, int year, String source, String level, Money amount) {
	}

	/**
	 * A work; {@code settlementAmount} is the value its final settlement approved (null
	 * when not settled, or settled without the amount recorded).
	 */
	record Work(long id, long unitId, String unitName, String name, @Nullable LocalDate allocatedOn,
			@Nullable LocalDate contractorOn, @Nullable LocalDate completedOn, @Nullable LocalDate settledOn,
			boolean illustration, List<Alloc> allocations, List<Pay> payments, @Nullable Money settlementAmount) {

		Work(long id, long unitId, String unitName, String name, @Nullable LocalDate allocatedOn,
				@Nullable LocalDate contractorOn, @Nullable LocalDate completedOn, @Nullable LocalDate settledOn,
				boolean illustration, List<Alloc> allocations, List<Pay> payments) {
			this(id, unitId, unitName, name, allocatedOn, contractorOn, completedOn, settledOn, illustration,
					allocations, payments, null);
		}

		Money paidBy(LocalDate asOf) {
			return payments.stream()
				.filter(p -> !p.paidOn().isAfter(asOf))
				.map(Pay::amount)
				.reduce(Money.ZERO, Money::plus);
		}

		Money allocated(int year, LocalDate asOf) {
			return allocations.stream()
				.filter(a -> a.year() == year && !a.decidedOn().isAfter(asOf))
				.map(Alloc::amount)
				.reduce(Money.ZERO, Money::plus);
		}

		Money paid(int year, LocalDate asOf) {
			return payments.stream()
				.filter(p -> p.year() == year && !p.paidOn().isAfter(asOf))
				.map(Pay::amount)
				.reduce(Money.ZERO, Money::plus);
		}

		Money allocatedOfLevel(String level, LocalDate asOf) {
			return allocations.stream()
				.filter(a -> a.level().equals(level) && !a.decidedOn().isAfter(asOf))
				.map(Alloc::amount)
				.reduce(Money.ZERO, Money::plus);
		}

		Money paidOfLevel(String level, LocalDate asOf) {
			return payments.stream()
				.filter(p -> p.level().equals(level) && !p.paidOn().isAfter(asOf))
				.map(Pay::amount)
				.reduce(Money.ZERO, Money::plus);
		}

		boolean completedBy(LocalDate asOf) {
			return completedOn != null && !completedOn.isAfter(asOf);
		}

		boolean settledBy(LocalDate asOf) {
			return settledOn != null && !settledOn.isAfter(asOf);
		}

	}

	/** A capital transaction, its amount signed (cuts and transfers out negative). */
	record Tx(long unitId, String unitName, int unitLevel, int year, String source, String kind, Money amount,
			@Nullable LocalDate decidedOn, @Nullable Integer fromYear, @Nullable LocalDate deadline,
			@Nullable String purpose, boolean illustration) {

		boolean assigned() {
			return !"PLAN".equals(kind);
		}

	}

	record Request(long id, long unitId, String unitName, int year, String source, Money amount, LocalDate requestedOn,
			@Nullable LocalDate completedOn, boolean illustration) {
	}

}
