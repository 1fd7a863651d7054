package vn.ntm.targets;

import org.jspecify.annotations.Nullable;

/**
 * A copy of targets between plans: from the plan (its id, or its source text), of a title
 * when given, into the plan (id and/or source text) named.
 */
public record RoadmapCopy(@Nullable Long fromPlanId, @Nullable String fromSource, @Nullable String titleCode,
		@Nullable Long toPlanId, @Nullable String toSource) {
}
