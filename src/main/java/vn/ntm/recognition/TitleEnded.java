package vn.ntm.recognition;

import java.time.LocalDate;

/**
 * A unit's title ended because the unit ended (a merger): not held from {@code endedOn}.
 * The units it became hold no title until one is recognised.
 */
public record TitleEnded(long awardId, long unitId, String titleCode, int year, LocalDate endedOn, String reason) {
}
