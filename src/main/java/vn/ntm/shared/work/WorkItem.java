package vn.ntm.shared.work;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One thing waiting for the current user, as the home page lists it: "Kiểm tra tiêu chí
 * 15 — Xã Tam Thanh (2024)", since when, by when, and the page where it is done.
 *
 * @param kind a message key naming the kind of work ("work.kind.assessment.CHECK"); the
 * home page counts items by kind
 * @param title what the item is about, already in the reader's terms (a unit, a set, a
 * year — names, not texts to translate)
 * @param detail an optional second line (the criteria to check), or null
 * @param link the page where the work is done; only pages the user may open
 * @param due the deadline, when the source knows one, or null
 * @param since since when the work has been waiting (its age), or null
 */
public record WorkItem(String kind, String title, @Nullable String detail, String link, @Nullable LocalDate due,
		@Nullable Instant since) {

	/** Oldest first (an item without a date last). */
	public static List<WorkItem> oldestFirst(List<WorkItem> items) {
		return items.stream()
			.sorted(java.util.Comparator
				.comparing(WorkItem::due, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
				.thenComparing(WorkItem::since, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
			.toList();
	}

}
