package vn.ntm.orgunit.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.ntm.orgunit.ImportJobView.RowError;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.orgunit.UnitType;
import vn.ntm.security.AccessPolicy;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.shared.Period;
import vn.ntm.shared.VnFormat;
import vn.ntm.shared.VnText;

/**
 * Checks every row of an import file against the rules and the caller's rights, without
 * saving anything, and collects every problem with its row and column. A row's parent may
 * be an existing unit or a unit created by an earlier row of the same file.
 */
@Component
class UnitImportPlanner {

	private final UnitQueries queries;

	private final UnitRules rules;

	private final AccessPolicy access;

	private final MessageSource messages;

	UnitImportPlanner(UnitQueries queries, UnitRules rules, AccessPolicy access, MessageSource messages) {
		this.queries = queries;
		this.rules = rules;
		this.access = access;
		this.messages = messages;
	}

	/**
	 * A validated row ready to create: its parent is an existing unit or an earlier row.
	 */
	record PlannedRow(int row, @Nullable String code, String name, UnitType type, @Nullable Long parentId,
			@Nullable Integer parentRow, @Nullable LocalDate validFrom, @Nullable String note, String parentLabel) {

		String describe() {
			return type.fullName(name) + (code == null ? "" : " (" + code + ")") + " — " + parentLabel;
		}

	}

	record Plan(List<PlannedRow> rows, List<RowError> errors) {
	}

	Plan plan(List<UnitFileReader.Row> rows, Locale locale, IntConsumer progress) {
		List<PlannedRow> planned = new ArrayList<>();
		List<RowError> errors = new ArrayList<>();
		Map<String, List<PlannedRow>> inFileByCode = new HashMap<>();
		int done = 0;
		for (UnitFileReader.Row row : rows) {
			int before = errors.size();
			PlannedRow result = planRow(row, inFileByCode, planned, errors, locale);
			if (result != null && errors.size() == before) {
				planned.add(result);
				if (result.code() != null) {
					inFileByCode.computeIfAbsent(result.code(), k -> new ArrayList<>()).add(result);
				}
			}
			if (++done % 200 == 0) {
				progress.accept(done);
			}
		}
		progress.accept(done);
		return new Plan(planned, errors);
	}

	private @Nullable PlannedRow planRow(UnitFileReader.Row row, Map<String, List<PlannedRow>> inFile,
			List<PlannedRow> planned, List<RowError> errors, Locale locale) {
		int n = row.number();
		String name = VnText.clean(row.get(UnitFileColumns.NAME));
		String code = blankToNull(row.get(UnitFileColumns.CODE));
		String parentCode = blankToNull(row.get(UnitFileColumns.PARENT_CODE));
		String typeText = row.get(UnitFileColumns.TYPE);
		String note = blankToNull(row.get(UnitFileColumns.NOTE));
		if (name.isEmpty()) {
			errors.add(error(n, UnitFileColumns.NAME, locale, "import.row.nameRequired"));
		}
		String dateText = row.get(UnitFileColumns.VALID_FROM);
		LocalDate validFrom = dateText.isEmpty() ? null : VnFormat.parseDate(dateText).orElse(null);
		if (!dateText.isEmpty() && validFrom == null) {
			errors.add(error(n, UnitFileColumns.VALID_FROM, locale, "import.row.dateInvalid", dateText));
		}
		if (parentCode == null) {
			errors.add(error(n, UnitFileColumns.PARENT_CODE, locale, "import.row.parentRequired"));
			return null;
		}
		// the parent: an earlier row of the file, else an existing unit
		PlannedRow parentRow = inFile.getOrDefault(parentCode, List.of())
			.stream()
			.filter(p -> p.validFrom() == null || validFrom == null || !p.validFrom().isAfter(validFrom))
			.reduce((a, b) -> b)
			.orElse(null);
		UnitRef parent = null;
		String parentLabel;
		UnitType parentType;
		if (parentRow != null) {
			parentLabel = parentRow.type().fullName(parentRow.name());
			parentType = parentRow.type();
		}
		else {
			Optional<UnitRef> found = findParent(parentCode, validFrom, n, errors, locale);
			if (found.isEmpty()) {
				return null;
			}
			parent = found.get();
			parentLabel = parent.fullName();
			parentType = parent.type();
		}
		UnitType type = UnitType.parse(typeText, parentType.level() + 1).orElse(null);
		if (type == null) {
			errors.add(error(n, UnitFileColumns.TYPE, locale, "import.row.typeInvalid", typeText));
			return null;
		}
		if (!type.mayBeChildOf(parentType)) {
			errors
				.add(error(n, UnitFileColumns.TYPE, locale, "unit.parent.wrongType", type.fullName(name), parentLabel));
			return null;
		}
		if (name.isEmpty()) {
			return null;
		}
		if (code == null && type.level() <= 3) {
			errors.add(error(n, UnitFileColumns.CODE, locale, "unit.code.required", type.fullName(name)));
			return null;
		}
		if (code != null && !code.matches("[0-9A-Za-z._-]{1,20}")) {
			errors.add(error(n, UnitFileColumns.CODE, locale, "unit.code.invalid", code));
			return null;
		}
		Period period = Period.from(validFrom);
		try {
			if (parent != null) {
				access.requireCreateUnder(parent.id(), type.level());
				rules.checkParent(parent.id(), type, name, period);
				rules.checkCodeFree(code, type, parent.id(), period, null);
				checkNotDuplicate(parent.id(), type, name, validFrom);
			}
			else if (type.level() <= 3) {
				// under a parent from the file: an official code is still held by one
				// unit at
				// a time, whoever its parent
				rules.checkCodeFree(code, type, null, period, null);
			}
		}
		catch (BusinessRuleException | vn.ntm.security.AccessRefused ex) {
			errors.add(new RowError(n, "", localized((LocalizedFailure) ex, locale)));
			return null;
		}
		for (PlannedRow other : planned) {
			boolean sameParent = java.util.Objects.equals(other.parentId(), parent == null ? null : parent.id())
					&& java.util.Objects.equals(other.parentRow(), parentRow == null ? null : parentRow.row());
			// official codes are unique in the file; village codes within their commune
			if (code != null && code.equals(other.code()) && other.type().level() == type.level()
					&& (type.level() <= 3 || sameParent)) {
				errors.add(error(n, UnitFileColumns.CODE, locale, "import.row.codeRepeated", code, other.row()));
				return null;
			}
			if (sameParent && other.type() == type && VnText.searchKey(other.name()).equals(VnText.searchKey(name))) {
				errors.add(error(n, UnitFileColumns.NAME, locale, "import.row.nameRepeated", type.fullName(name),
						other.row()));
				return null;
			}
		}
		return new PlannedRow(n, code, name, type, parent == null ? null : parent.id(),
				parentRow == null ? null : parentRow.row(), validFrom, note, parentLabel);
	}

	private Optional<UnitRef> findParent(String code, @Nullable LocalDate at, int n, List<RowError> errors,
			Locale locale) {
		for (String candidate : candidates(code)) {
			if (at != null) {
				Optional<UnitRef> found = queries.findByCode(candidate, at);
				if (found.isPresent()) {
					return found;
				}
				continue;
			}
			// no date: the unit holding the code today, else the only unit that ever held
			// it
			Optional<UnitRef> today = queries.findByCode(candidate, VnFormat.today());
			if (today.isPresent()) {
				return today;
			}
			List<UnitRef> all = queries.findAnyByCode(candidate);
			if (all.size() == 1) {
				return Optional.of(all.get(0));
			}
			if (all.size() > 1) {
				errors.add(error(n, UnitFileColumns.PARENT_CODE, locale, "import.row.parentAmbiguous", candidate,
						all.size()));
				return Optional.empty();
			}
		}
		errors.add(at == null ? error(n, UnitFileColumns.PARENT_CODE, locale, "import.row.parentUnknown", code)
				: error(n, UnitFileColumns.PARENT_CODE, locale, "unit.parent.codeUnknown", code, VnFormat.date(at)));
		return Optional.empty();
	}

	/**
	 * A numeric code that lost its leading zeros in a spreadsheet ("2314") is also tried
	 * as "02314".
	 */
	private static List<String> candidates(String code) {
		if (!code.matches("\\d+") || code.length() >= 5) {
			return List.of(code);
		}
		List<String> all = new ArrayList<>(List.of(code));
		for (int width : new int[] { 2, 3, 5 }) {
			if (code.length() < width) {
				all.add("0".repeat(width - code.length()) + code);
			}
		}
		return all;
	}

	private void checkNotDuplicate(long parentId, UnitType type, String name, @Nullable LocalDate at) {
		LocalDate day = at != null ? at : VnFormat.today();
		for (UnitRef sibling : queries.children(parentId, day)) {
			if (sibling.type() == type && VnText.searchKey(sibling.name()).equals(VnText.searchKey(name))) {
				throw new BusinessRuleException("import.row.exists", sibling.fullName(), VnFormat.date(day));
			}
		}
	}

	private RowError error(int row, UnitFileColumns column, Locale locale, String key, Object... args) {
		return new RowError(row, column.header(), messages.getMessage(key, args, key, locale));
	}

	private String localized(LocalizedFailure failure, Locale locale) {
		return LocalizedMessages.of(messages, failure, locale);
	}

	private static @Nullable String blankToNull(String value) {
		return value.isBlank() ? null : value.trim();
	}

}
