package vn.ntm.orgunit;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What became of a unit that has ended: its last day, the kind of change that ended it
 * ({@code lineage.kind.*}) and the units it became, each with its parent on its first day
 * ("Phường Quảng Phú, Thành phố Đà Nẵng").
 *
 * @param lastDay the unit's last day
 * @param kind the lineage event's kind, or {@code null} when no event records the end
 * @param successors the units it became (empty when it was dissolved or the source names
 * none)
 */
public record UnitFate(LocalDate lastDay, @Nullable String kind, List<Successor> successors) {

	/** The first day of the units it became. */
	public LocalDate from() {
		return lastDay.plusDays(1);
	}

	/** A unit it became, with that unit's parent on its first day. */
	public record Successor(UnitRef unit, @Nullable UnitRef parent) {

		/** "Phường Quảng Phú, Thành phố Đà Nẵng". */
		public String label() {
			return parent == null || parent.level() == 0 ? unit.fullName() : unit.fullName() + ", " + parent.fullName();
		}

	}

}
