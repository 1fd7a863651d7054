package vn.ntm.orgunit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.Period;
import vn.ntm.shared.VnFormat;

/**
 * An administrative unit and its life: the versions of its attributes over time and its
 * classifications. The rules of time live here: versions never overlap, history is only
 * appended at its end, a unit that has ended takes no new version.
 */
@Table("unit")
class AdminUnit {

	private static final Comparator<UnitVersion> BY_START = Comparator.comparing(UnitVersion::validFrom,
			Comparator.nullsFirst(Comparator.naturalOrder()));

	@Id
	@Nullable Long id;

	/**
	 * Null until first saved; a wrapper so that rows loaded in bulk (version 0) are not
	 * taken for new.
	 */
	@Version
	@Nullable Integer rowVersion;

	Instant createdAt;

	@Nullable Instant updatedAt;

	@Nullable String updatedBy;

	@MappedCollection(idColumn = "unit_id")
	Set<UnitVersion> versions = new HashSet<>();

	@MappedCollection(idColumn = "unit_id")
	Set<UnitClassification> classifications = new HashSet<>();

	AdminUnit(Instant createdAt) {
		this.createdAt = createdAt;
	}

	static AdminUnit create(UnitAttributes attributes, Period period, Instant at, String actor) {
		AdminUnit unit = new AdminUnit(at);
		unit.versions.add(UnitVersion.of(attributes, period));
		unit.touch(actor, at);
		return unit;
	}

	/** The optimistic-lock version to compare with what a caller read. */
	int version() {
		return rowVersion == null ? 0 : rowVersion;
	}

	long id() {
		return Objects.requireNonNull(id, "unsaved unit");
	}

	List<UnitVersion> history() {
		return versions.stream().sorted(BY_START).toList();
	}

	UnitVersion latest() {
		List<UnitVersion> history = history();
		return history.get(history.size() - 1);
	}

	Optional<UnitVersion> versionAt(LocalDate date) {
		return versions.stream().filter(v -> v.period().contains(date)).findFirst();
	}

	/**
	 * The version valid at the date, else the nearest one (for showing a unit outside its
	 * life).
	 */
	UnitVersion versionAtOrNearest(LocalDate date) {
		return versionAt(date).orElseGet(() -> {
			List<UnitVersion> history = history();
			UnitVersion first = history.get(0);
			return first.validFrom() != null && date.isBefore(first.validFrom()) ? first : latest();
		});
	}

	Period lifetime() {
		List<UnitVersion> history = history();
		return new Period(history.get(0).validFrom(), latest().validTo());
	}

	boolean hasEnded() {
		return latest().validTo() != null;
	}

	/**
	 * Fixes the latest version in place (a typo, a wrong start date); no history is
	 * added.
	 */
	void correct(UnitAttributes attributes, @Nullable LocalDate validFrom, String actor, Instant at) {
		UnitVersion latest = latest();
		LocalDate from = validFrom;
		if (versions.size() > 1) {
			// the start of a later version is the end of an earlier one: keep it, it
			// belongs to an event
			from = latest.validFrom();
		}
		versions.remove(latest);
		versions.add(UnitVersion.of(attributes, new Period(from, latest.validTo())));
		touch(actor, at);
	}

	/**
	 * From {@code date} on the unit has new attributes: the latest version ends the day
	 * before and a new one starts. The change must fall after the latest version's start
	 * and within the unit's life.
	 */
	void changeFrom(LocalDate date, UnitAttributes attributes, String actor, Instant at) {
		UnitVersion latest = latest();
		if (latest.validFrom() != null && !date.isAfter(latest.validFrom())) {
			throw new BusinessRuleException("unit.change.notAfterStart", VnFormat.date(date),
					VnFormat.date(latest.validFrom()));
		}
		if (latest.validTo() != null && date.isAfter(latest.validTo())) {
			throw new BusinessRuleException("unit.change.afterEnd", VnFormat.date(date),
					VnFormat.date(latest.validTo()));
		}
		if (latest.attributes().equals(attributes)) {
			throw new BusinessRuleException("unit.change.nothing");
		}
		versions.remove(latest);
		versions.add(latest.withPeriod(latest.period().endingBefore(date)));
		versions.add(UnitVersion.of(attributes, new Period(date, latest.validTo())));
		touch(actor, at);
	}

	/** The unit's last day is the day before {@code date}. */
	void endBefore(LocalDate date, String actor, Instant at) {
		UnitVersion latest = latest();
		if (latest.validTo() != null) {
			// an end is recorded once, by the event that ended the unit
			throw new BusinessRuleException("unit.alreadyEnded", VnFormat.date(latest.validTo()));
		}
		if (latest.validFrom() != null && !date.isAfter(latest.validFrom())) {
			throw new BusinessRuleException("unit.change.notAfterStart", VnFormat.date(date),
					VnFormat.date(latest.validFrom()));
		}
		versions.remove(latest);
		versions.add(latest.withPeriod(latest.period().endingBefore(date)));
		touch(actor, at);
	}

	/**
	 * Adds a classification value; a single-valued scheme may not hold two values at
	 * once.
	 */
	void classify(UnitClassification value, boolean multiValued, String actor, Instant at) {
		for (UnitClassification existing : classifications) {
			if (!existing.schemeCode().equals(value.schemeCode()) || !existing.period().overlaps(value.period())) {
				continue;
			}
			if (existing.valueCode().equals(value.valueCode()) || !multiValued) {
				throw new BusinessRuleException("classification.overlap", existing.valueCode(),
						describe(existing.period()));
			}
		}
		classifications.add(value);
		touch(actor, at);
	}

	/** Ends a value on {@code lastDay}, or removes it if it had not started by then. */
	UnitClassification endClassification(long classificationId, LocalDate lastDay, String actor, Instant at) {
		UnitClassification existing = classifications.stream()
			.filter(c -> Objects.equals(c.id(), classificationId))
			.findFirst()
			.orElseThrow(() -> new BusinessRuleException("classification.notFound", classificationId));
		if (existing.validTo() != null && lastDay.isAfter(existing.validTo())) {
			// ending is not extending: a value that has ended is added again instead
			throw new BusinessRuleException("classification.end.afterEnd", VnFormat.date(lastDay),
					VnFormat.date(existing.validTo()));
		}
		classifications.remove(existing);
		if (existing.validFrom() == null || !lastDay.isBefore(existing.validFrom())) {
			classifications.add(existing.endingOn(lastDay));
		}
		touch(actor, at);
		return existing;
	}

	void touch(String actor, Instant at) {
		this.updatedBy = actor;
		this.updatedAt = at;
	}

	static String describe(Period period) {
		String from = period.from() == null ? "…" : VnFormat.date(period.from());
		String to = period.to() == null ? "…" : VnFormat.date(period.to());
		return from + " – " + to;
	}

}
