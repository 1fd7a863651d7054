package vn.ntm.planning;

import java.math.BigDecimal;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A task as the plan writes it.
 *
 * @param criterion the criterion it serves ("13"), in the plan's criteria set
 * @param indicator or the indicator ("13.2")
 * @param unitIds the units it concerns (the plan's unit when empty)
 * @param leadUserId the account of the lead, if the lead has one
 * @param deadline the deadline as written ("trước tháng 6/2025"), read by
 * {@link Deadline#parse(String, Integer)} with the plan's first year
 * @param money the estimated cost in triệu đồng
 */
public record TaskForm(@Nullable Long sectionId, @Nullable String number, String title, @Nullable String description,
		boolean milestone, @Nullable String criterion, @Nullable String indicator, List<Long> unitIds,
		@Nullable String leadAgency, @Nullable String leadPerson, @Nullable String leadPosition,
		@Nullable Long leadUserId, @Nullable String helpers, @Nullable String deadline, @Nullable BigDecimal quantity,
		@Nullable String quantityUnit, @Nullable BigDecimal money, @Nullable String moneySource,
		@Nullable String note) {

	public TaskForm {
		unitIds = unitIds == null ? List.of() : List.copyOf(unitIds);
	}

}
