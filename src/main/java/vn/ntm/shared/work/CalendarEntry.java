package vn.ntm.shared.work;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

/**
 * One dated thing in the current user's calendar: a dossier step's deadline, a task's
 * deadline, a money rule's date, a maintenance review's deadline.
 *
 * @param kind a message key naming the kind ("calendar.kind.dossier"); the calendar
 * colours and filters by kind
 * @param title what it is about, already in the reader's terms (names, not texts to
 * translate)
 * @param detail an optional second line, or null
 * @param link the page where it is handled; only pages the user may open, or null
 * @param due the day it falls due
 * @param done whether it has been done (kept to show a past deadline met)
 * @param uid a stable identifier across calls (the iCalendar UID), e.g.
 * "dossier-step-42@ntm"
 */
public record CalendarEntry(String kind, String title, @Nullable String detail, @Nullable String link, LocalDate due,
		boolean done, String uid) {
}
