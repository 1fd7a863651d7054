package vn.ntm.recognition;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * A dossier to open: the unit, the title it asks for, the assessment year whose results
 * it rests on, and the day it was opened (today when not given; an earlier day when a
 * dossier is entered after the fact — the day decides the route, before or after
 * 1/7/2025).
 */
public record NewDossier(long unitId, @Nullable String titleCode, @Nullable Integer year,
		@Nullable LocalDate openedOn) {
}
