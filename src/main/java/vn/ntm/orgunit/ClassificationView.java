package vn.ntm.orgunit;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A classification value held by a unit over a period.
 *
 * @param inheritedFrom the ancestor the value comes from, when not set on the unit itself
 */
public record ClassificationView(long id, String schemeCode, String schemeName, String valueCode, String valueName,
		@Nullable LocalDate validFrom, @Nullable LocalDate validTo, @Nullable String source, @Nullable String note,
		@Nullable UnitRef inheritedFrom) {
}
