package vn.ntm.funding.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntConsumer;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.funding.FundingManagement;
import vn.ntm.funding.FundingSource;
import vn.ntm.funding.internal.ImportSheets.Issue;
import vn.ntm.funding.internal.ImportSheets.Line;
import vn.ntm.funding.internal.ImportSheets.Spec;
import vn.ntm.orgunit.UnitFate;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.orgunit.UnitRef;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.Permission;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.Money;
import vn.ntm.shared.VnText;

/**
 * Checks and saves a workbook of the funding template as the current user: every row is
 * read and checked first (units by code or by name without diacritics among the units the
 * user may change; a unit that ended in a single successor is its successor, as the
 * funding records of a merged unit pass to it), then every row is recorded through the
 * facade — so its rules, scope checks and audit apply — in one transaction, in the order
 * plans, works, allocations, disbursements. Any problem, found while checking or refused
 * by a rule while saving, leaves nothing saved.
 */
@Component
class WorkbookImport {

	private final FundingService service;

	private final UnitManagement units;

	private final AccessPolicy access;

	private final JdbcClient jdbc;

	private final TransactionTemplate tx;

	private final AuditLog audit;

	WorkbookImport(FundingService service, UnitManagement units, AccessPolicy access, JdbcClient jdbc,
			TransactionTemplate tx, AuditLog audit) {
		this.service = service;
		this.units = units;
		this.access = access;
		this.jdbc = jdbc;
		this.tx = tx;
		this.audit = audit;
	}

	/**
	 * What became of a file: the problems (then nothing was saved) or the counts saved.
	 */
	record Outcome(List<Issue> problems, int plans, int works, int allocations, int disbursements) {

		static Outcome rejected(List<Issue> problems) {
			return new Outcome(List.copyOf(problems), 0, 0, 0, 0);
		}

	}

	/**
	 * Told the number of rows, then how many are checked, then that saving starts, then
	 * what was saved (inside the saving transaction, so that it is recorded with the rows
	 * or not at all).
	 */
	interface Progress {

		void total(int rows);

		void checked(int rows);

		void saving();

		void saved(Outcome outcome);

	}

	record PlanLine(Line at, long unitId, @Nullable Long toUnitId, int year, String source, String kind, Money amount,
			@Nullable String decision, @Nullable LocalDate decidedOn, @Nullable String issuer,
			@Nullable Integer fromYear, @Nullable LocalDate deadline, @Nullable String note) {
	}

	record WorkLine(Line at, FundingManagement.NewWork work, @Nullable LocalDate completedOn,
			@Nullable LocalDate settledOn, @Nullable Money settlementAmount) {
	}

	record AllocLine(Line at, String code, FundingManagement.NewAllocation allocation) {
	}

	record PayLine(Line at, String code, FundingManagement.NewDisbursement disbursement) {
	}

	/**
	 * Imports a workbook of the template, or only the disbursements of a file (its sheet
	 * "Giải ngân" or else its first sheet).
	 */
	Outcome run(long contextUnitId, String fileName, byte[] xlsx, boolean disbursementsOnly, Progress progress) {
		try (ImportSheets.Book book = disbursementsOnly ? ImportSheets.readDisbursements(xlsx)
				: ImportSheets.read(xlsx)) {
			return run(contextUnitId, fileName, book, progress);
		}
	}

	private Outcome run(long contextUnitId, String fileName, ImportSheets.Book book, Progress progress) {
		List<Issue> problems = book.problems();
		if (!problems.isEmpty()) {
			return Outcome.rejected(problems);
		}
		progress.total(book.rows());
		Checker checker = new Checker();
		int done = 0;
		List<PlanLine> plans = new ArrayList<>();
		List<WorkLine> works = new ArrayList<>();
		List<AllocLine> allocations = new ArrayList<>();
		List<PayLine> payments = new ArrayList<>();
		for (Map.Entry<Spec, List<Line>> sheet : book.sheets().entrySet()) {
			for (Line line : sheet.getValue()) {
				if (sheet.getKey() == ImportSheets.PLANS) {
					checker.plan(line).ifPresent(plans::add);
				}
				else if (sheet.getKey() == ImportSheets.WORKS) {
					checker.work(line).ifPresent(works::add);
				}
				else if (sheet.getKey() == ImportSheets.ALLOCATIONS) {
					checker.allocation(line).ifPresent(allocations::add);
				}
				else {
					checker.payment(line).ifPresent(payments::add);
				}
				if (++done % 20 == 0) {
					progress.checked(done);
				}
			}
		}
		progress.checked(done);
		if (!problems.isEmpty()) {
			return Outcome.rejected(problems);
		}
		if (done == 0) {
			return Outcome.rejected(List.of(Issue.of("", 0, "", "funding.import.nothing")));
		}
		progress.saving();
		List<Issue> refused = new ArrayList<>();
		Outcome saved = tx.execute(status -> {
			Map<String, Long> created = new HashMap<>();
			for (PlanLine p : plans) {
				attempt(refused, p.at(), () -> savePlan(p));
			}
			for (WorkLine w : works) {
				attempt(refused, w.at(), () -> {
					long id = service.createWork(w.work());
					if (w.work().projectCode() != null) {
						created.put(w.work().projectCode(), id);
					}
					if (w.completedOn() != null || w.settledOn() != null || w.settlementAmount() != null) {
						service.progress(id, new FundingManagement.WorkProgress(w.work().contractorOn(),
								w.completedOn(), w.settledOn(), w.settlementAmount(), 0));
					}
				});
			}
			// a work refused above has no id: its own row says why
			for (AllocLine a : allocations) {
				Long work = workId(a.code(), created, checker);
				if (work != null) {
					attempt(refused, a.at(), () -> service.allocate(work, a.allocation()));
				}
			}
			for (PayLine p : payments) {
				Long work = workId(p.code(), created, checker);
				if (work != null) {
					attempt(refused, p.at(), () -> service.disburse(work, p.disbursement()));
				}
			}
			if (!refused.isEmpty()) {
				// nothing of the file is kept
				status.setRollbackOnly();
				return Outcome.rejected(refused);
			}
			Outcome outcome = new Outcome(List.of(), plans.size(), works.size(), allocations.size(), payments.size());
			String unit = service.unitName(contextUnitId, service.today());
			audit.record(AuditRecord.created("funding_import", fileName, unit,
					"Nhập tệp " + fileName + ": " + plans.size() + " dòng kế hoạch vốn, " + works.size()
							+ " công trình, " + allocations.size() + " dòng phân bổ, " + payments.size()
							+ " dòng giải ngân",
					Map.of("file", fileName, "plans", plans.size(), "works", works.size(), "allocations",
							allocations.size(), "disbursements", payments.size())));
			progress.saved(outcome);
			return outcome;
		});
		return saved;
	}

	private static void attempt(List<Issue> refused, Line at, Runnable save) {
		if (refused.size() >= 200) {
			return;
		}
		try {
			save.run();
		}
		catch (RuntimeException ex) {
			if (ex instanceof LocalizedFailure failure) {
				refused.add(new Issue(at.spec.sheet(), at.row, "", failure.messageKey(),
						Arrays.asList(failure.arguments())));
			}
			else {
				throw ex;
			}
		}
	}

	private void savePlan(PlanLine p) {
		if ("TRANSFER".equals(p.kind())) {
			service.transfer(new FundingManagement.Transfer(p.unitId(), p.toUnitId(), p.year(), p.source(), p.amount(),
					p.decision(), p.decidedOn(), p.note()));
			if (p.issuer() != null) {
				// both halves just recorded: within this transaction, the unit's latest
				// reallocation out is this one
				jdbc.sql("""
						update capital_transaction set issuer = :issuer where transfer_group = (
						    select transfer_group from capital_transaction
						    where unit_id = :unit and kind = 'TRANSFER_OUT' order by id desc limit 1)
						""").param("issuer", p.issuer()).param("unit", p.unitId()).update();
			}
			return;
		}
		long id = service.recordTransaction(new FundingManagement.NewTransaction(p.unitId(), p.year(), p.source(),
				p.kind(), p.amount(), p.decision(), p.decidedOn(), p.fromYear(), p.deadline(), null, p.note()));
		if (p.issuer() != null) {
			// the body that issued the decision, recorded with the line in its
			// transaction
			jdbc.sql("update capital_transaction set issuer = :issuer where id = :id")
				.param("issuer", p.issuer())
				.param("id", id)
				.update();
		}
	}

	private static @Nullable Long workId(String code, Map<String, Long> created, Checker checker) {
		Long id = created.get(code);
		return id != null ? id : checker.existing.get(code);
	}

	/** A unit looked up: its id, or why there is none. */
	private record Found(@Nullable Long id, String key, Object[] args) {
	}

	/** The checks of one file, with what they looked up once. */
	private final class Checker {

		private final Map<String, Found> unitByText = new HashMap<>();

		private final Map<Long, Boolean> mayChange = new HashMap<>();

		private final Map<String, Long> existing = new HashMap<>();

		private final Set<String> codesInFile = new HashSet<>();

		private final Map<String, String> sources = new LinkedHashMap<>();

		Checker() {
			for (FundingSource s : service.sources()) {
				if (s.active()) {
					sources.put(VnText.searchKey(s.code()), s.code());
					sources.putIfAbsent(VnText.searchKey(s.name()), s.code());
				}
			}
		}

		Optional<PlanLine> plan(Line line) {
			Long unit = unit(line, "Đơn vị", true);
			Integer year = line.year("Năm", true);
			String source = source(line, "Nguồn vốn");
			String kind = kind(line);
			Money amount = line.money("Số tiền");
			String decision = line.optionalText("Số quyết định");
			LocalDate decidedOn = line.date("Ngày quyết định", false);
			Integer fromYear = line.year("Chuyển từ năm", false);
			LocalDate deadline = line.date("Hạn giải ngân", false);
			Long to = null;
			if ("CARRY_IN".equals(kind)) {
				if (fromYear == null && line.text("Chuyển từ năm").isEmpty()) {
					line.problem("Chuyển từ năm", "funding.import.carryFrom");
				}
				else if (fromYear != null && year != null && fromYear >= year) {
					line.problem("Chuyển từ năm", "funding.import.carryFromEarlier", fromYear, year);
				}
				if (deadline == null && line.text("Hạn giải ngân").isEmpty()) {
					line.problem("Hạn giải ngân", "funding.import.carryDeadline");
				}
			}
			if ("TRANSFER".equals(kind)) {
				to = unit(line, "Đơn vị nhận", false);
				if (to == null && line.text("Đơn vị nhận").isEmpty()) {
					line.problem("Đơn vị nhận", "funding.import.transferTo");
				}
				if (to != null && to.equals(unit)) {
					line.problem("Đơn vị nhận", "funding.import.transferSame");
				}
				if (decision == null) {
					line.problem("Số quyết định", "funding.import.decisionRequired");
				}
				if (decidedOn == null && line.text("Ngày quyết định").isEmpty()) {
					line.problem("Ngày quyết định", "funding.import.decisionRequired");
				}
			}
			if (unit == null || year == null || source == null || kind == null || amount == null
					|| ("TRANSFER".equals(kind) && (to == null || decision == null || decidedOn == null))) {
				return Optional.empty();
			}
			return Optional.of(new PlanLine(line, unit, to, year, source, kind, amount, decision, decidedOn,
					line.optionalText("Cơ quan ban hành"), fromYear, deadline, line.optionalText("Ghi chú")));
		}

		Optional<WorkLine> work(Line line) {
			Long unit = unit(line, "Đơn vị", true);
			String name = line.requiredText("Tên công trình");
			String code = line.optionalText("Mã dự án");
			if (code != null) {
				if (!codesInFile.add(code)) {
					line.problem("Mã dự án", "funding.import.codeTwice", code);
				}
				else if (projectWork(code).isPresent()) {
					line.problem("Mã dự án", "funding.import.codeTaken", code);
				}
			}
			Money total = line.money("Tổng mức đầu tư");
			Money counterpart = line.money("Vốn đối ứng yêu cầu");
			LocalDate allocatedOn = line.date("Ngày giao vốn", false);
			LocalDate contractorOn = line.date("Ngày lựa chọn nhà thầu", false);
			LocalDate completedOn = line.date("Ngày hoàn thành", false);
			LocalDate settledOn = line.date("Ngày quyết toán", false);
			Money settlement = line.money("Giá trị quyết toán");
			if (settledOn != null && completedOn == null && line.text("Ngày hoàn thành").isEmpty()) {
				line.problem("Ngày hoàn thành", "funding.import.settledNotCompleted");
			}
			else if (settledOn != null && completedOn != null && settledOn.isBefore(completedOn)) {
				line.problem("Ngày quyết toán", "funding.import.settledBeforeCompleted");
			}
			if (settlement != null && settledOn == null && line.text("Ngày quyết toán").isEmpty()) {
				line.problem("Ngày quyết toán", "funding.import.settlementDate");
			}
			if (unit == null || name == null) {
				return Optional.empty();
			}
			return Optional.of(new WorkLine(line,
					new FundingManagement.NewWork(unit, name, line.optionalText("Chủ đầu tư"), code,
							line.optionalText("Tiêu chí"), total, counterpart, allocatedOn, contractorOn,
							line.optionalText("Ghi chú")),
					completedOn, settledOn, settlement));
		}

		Optional<AllocLine> allocation(Line line) {
			String code = workCode(line);
			Integer year = line.year("Vốn năm", true);
			String source = source(line, "Nguồn vốn");
			Money amount = line.money("Số tiền");
			LocalDate decidedOn = line.date("Ngày quyết định", true);
			if (code == null || year == null || source == null || amount == null || decidedOn == null) {
				return Optional.empty();
			}
			return Optional.of(new AllocLine(line, code, new FundingManagement.NewAllocation(year, source, amount,
					line.optionalText("Số quyết định"), decidedOn)));
		}

		Optional<PayLine> payment(Line line) {
			String code = workCode(line);
			LocalDate paidOn = line.date("Ngày giải ngân", true);
			Integer year = line.year("Vốn năm", true);
			String source = source(line, "Nguồn vốn");
			Money amount = line.money("Số tiền");
			if (paidOn != null && paidOn.isAfter(service.today())) {
				line.problem("Ngày giải ngân", "funding.import.future", line.text("Ngày giải ngân"));
				return Optional.empty();
			}
			if (code == null || paidOn == null || year == null || source == null || amount == null) {
				return Optional.empty();
			}
			return Optional.of(new PayLine(line, code,
					new FundingManagement.NewDisbursement(paidOn, year, source, amount, line.optionalText("Ghi chú"))));
		}

		/**
		 * The project code of a work of this file's works sheet, or of a work the user
		 * may change.
		 */
		private @Nullable String workCode(Line line) {
			String code = line.requiredText("Mã dự án");
			if (code == null || codesInFile.contains(code)) {
				return code;
			}
			Optional<long[]> work = projectWork(code);
			if (work.isEmpty() || !access.canRead(work.get()[1])) {
				line.problem("Mã dự án", "funding.import.workUnknown", code);
				return null;
			}
			if (!mayChange(work.get()[1])) {
				line.problem("Mã dự án", "funding.import.workNotYours", code,
						service.unitName(work.get()[1], service.today()));
				return null;
			}
			existing.put(code, work.get()[0]);
			return code;
		}

		/** The work holding the code: its id and unit. */
		private Optional<long[]> projectWork(String code) {
			return jdbc.sql("select id, unit_id from funding_work where project_code = :code")
				.param("code", code)
				.query((rs, n) -> new long[] { rs.getLong("id"), rs.getLong("unit_id") })
				.optional();
		}

		private @Nullable String source(Line line, String column) {
			String text = line.requiredText(column);
			if (text == null) {
				return null;
			}
			String code = sources.get(VnText.searchKey(text));
			if (code == null) {
				line.problem(column, "funding.import.sourceUnknown", text);
			}
			return code;
		}

		private @Nullable String kind(Line line) {
			String text = line.requiredText("Loại");
			if (text == null) {
				return null;
			}
			String kind = switch (VnText.searchKey(text)) {
				case "ke hoach", "ke hoach (du kien)", "du kien", "ke hoach du kien", "plan" -> "PLAN";
				case "giao von", "giao", "assign" -> "ASSIGN";
				case "bo sung", "bo sung von", "supplement" -> "SUPPLEMENT";
				case "cat giam", "cat giam von", "giam", "cut" -> "CUT";
				case "chuyen nguon", "carry_in", "carry in" -> "CARRY_IN";
				case "dieu chuyen", "dieu chuyen von", "transfer" -> "TRANSFER";
				default -> null;
			};
			if (kind == null) {
				line.problem("Loại", "funding.import.kindUnknown", text);
			}
			return kind;
		}

		/**
		 * The unit a cell names, by code or by full name or name without diacritics,
		 * among the units the user reads; one that ended in a single successor is that
		 * successor. A problem when it is unknown, ambiguous or not the user's to change.
		 */
		private @Nullable Long unit(Line line, String column, boolean required) {
			String text = required ? line.requiredText(column) : line.optionalText(column);
			if (text == null) {
				return null;
			}
			Found found = unitByText.computeIfAbsent(VnText.searchKey(text), k -> lookUp(text));
			if (found.id() == null) {
				line.problem(column, found.key(), found.args());
				return null;
			}
			long id = found.id();
			if (!mayChange(id)) {
				line.problem(column, "funding.import.unitNotYours", service.unitName(id, service.today()));
				return null;
			}
			return id;
		}

		private Found lookUp(String text) {
			String key = VnText.searchKey(text);
			List<UnitRef> found = units.search(text, null, 50);
			List<UnitRef> byCode = found.stream()
				.filter(u -> u.code() != null && u.code().equalsIgnoreCase(text))
				.toList();
			List<UnitRef> matches = !byCode.isEmpty() ? byCode : found.stream()
				.filter(u -> VnText.searchKey(u.fullName()).equals(key) || VnText.searchKey(u.name()).equals(key))
				.toList();
			List<Long> ids = matches.stream().map(UnitRef::id).distinct().toList();
			if (ids.isEmpty()) {
				return new Found(null, "funding.import.unitUnknown", new Object[] { text });
			}
			if (ids.size() > 1) {
				return new Found(null, "funding.import.unitAmbiguous",
						new Object[] { text,
								String.join("; ",
										matches.stream()
											.map(u -> u.fullName() + (u.code() == null ? "" : " (" + u.code() + ")"))
											.distinct()
											.limit(5)
											.toList()) });
			}
			long id = ids.get(0);
			Optional<UnitFate> fate = units.fate(id);
			if (fate.isPresent() && fate.get().successors().size() == 1) {
				// the funding records of a unit that ended in one successor pass to it
				return new Found(fate.get().successors().get(0).unit().id(), "", new Object[0]);
			}
			return new Found(id, "", new Object[0]);
		}

		private boolean mayChange(long unitId) {
			return mayChange.computeIfAbsent(unitId, id -> access.canActOn(id, Permission.FUNDING_EDIT));
		}

	}

}
