package vn.ntm.orgunit.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;
import vn.ntm.orgunit.ChangeKind;

/**
 * A legal act that changed units from a date, with the units it ended, started or
 * continued.
 */
@Table("lineage_event")
class LineageEvent {

	@Id
	@Nullable Long id;

	ChangeKind kind;

	LocalDate effectiveDate;

	@Nullable String legalBasis;

	@Nullable String note;

	String source;

	Instant createdAt;

	String createdBy;

	@MappedCollection(idColumn = "event_id")
	Set<Link> links = new HashSet<>();

	LineageEvent(ChangeKind kind, LocalDate effectiveDate, @Nullable String legalBasis, @Nullable String note,
			String source, Instant createdAt, String createdBy) {
		this.kind = kind;
		this.effectiveDate = effectiveDate;
		this.legalBasis = legalBasis == null || legalBasis.isBlank() ? null : legalBasis.trim();
		this.note = note == null || note.isBlank() ? null : note.trim();
		this.source = source;
		this.createdAt = createdAt;
		this.createdBy = createdBy;
	}

	LineageEvent ended(long unitId) {
		links.add(new Link(unitId, Role.ENDED));
		return this;
	}

	LineageEvent started(long unitId) {
		links.add(new Link(unitId, Role.STARTED));
		return this;
	}

	/** A lower unit moved along to the successor (not itself a successor). */
	LineageEvent moved(long unitId) {
		links.add(new Link(unitId, Role.MOVED));
		return this;
	}

	LineageEvent continued(long unitId) {
		links.add(new Link(unitId, Role.CONTINUED));
		return this;
	}

	Set<Long> unitsWith(Role role) {
		return links.stream().filter(l -> l.role() == role).map(Link::unitId).collect(Collectors.toSet());
	}

	/** How a unit takes part in an event. */
	enum Role {

		ENDED, STARTED, CONTINUED, MOVED

	}

	/** A unit's part in the event. */
	@Table("lineage_link")
	record Link(Long unitId, Role role) {
	}

}
