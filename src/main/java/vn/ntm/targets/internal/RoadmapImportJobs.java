package vn.ntm.targets.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ntm.audit.AuditLog;
import vn.ntm.audit.AuditRecord;
import vn.ntm.criteria.TitleView;
import vn.ntm.platform.jobs.JobRunView;
import vn.ntm.platform.jobs.JobRuns;
import vn.ntm.platform.jobs.TrackedJob;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.AccessRefused;
import vn.ntm.security.Permission;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UnitDirectory;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.LocalizedMessages;
import vn.ntm.shared.NotFoundException;
import vn.ntm.shared.VnFormat;
import vn.ntm.targets.RoadmapImports;
import vn.ntm.targets.RoadmapTarget;
import vn.ntm.targets.RoadmapTargetForm;

/**
 * Roadmap imports as tracked runs (kind {@value #KIND}): the upload is recorded with its
 * run in one transaction; the run reads the file as its author, checks every row, and
 * saves every target in one transaction, or none when any row has a problem.
 */
@Service
class RoadmapImportJobs implements RoadmapImports, TrackedJob {

	static final String KIND = "roadmap-import";

	static final String SHEET = "Lộ trình";

	static final String GUIDE = "Hướng dẫn";

	static final int MAX_BYTES = 10 * 1024 * 1024;

	/** The columns of the sheet, A to H. */
	static final List<String> COLUMNS = List.of("Mã đơn vị", "Tên đơn vị (không đọc)", "Mã danh hiệu", "Năm đạt chuẩn",
			"Số hiệu kế hoạch (trong hệ thống)", "Văn bản nguồn", "Hạn nộp hồ sơ (dd/MM/yyyy)", "Ghi chú");

	private final JdbcClient jdbc;

	private final RoadmapService service;

	private final AccessPolicy access;

	private final UnitDirectory directory;

	private final JobRuns runs;

	private final MessageSource messages;

	private final TransactionTemplate transaction;

	private final AuditLog audit;

	RoadmapImportJobs(JdbcClient jdbc, RoadmapService service, AccessPolicy access, UnitDirectory directory,
			JobRuns runs, MessageSource messages, TransactionTemplate transaction, AuditLog audit) {
		this.jdbc = jdbc;
		this.service = service;
		this.access = access;
		this.directory = directory;
		this.runs = runs;
		this.messages = messages;
		this.transaction = transaction;
		this.audit = audit;
	}

	@Override
	public byte[] template(long unitId) {
		service.requireUnit(unitId);
		access.requireActOn(unitId, Permission.PLAN_EDIT);
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(SHEET);
			Row head = sheet.createRow(0);
			for (int i = 0; i < COLUMNS.size(); i++) {
				head.createCell(i).setCellValue(COLUMNS.get(i));
			}
			Row example = sheet.createRow(1);
			example.createCell(0).setCellValue(directory.code(unitId).orElse(""));
			example.createCell(1).setCellValue(directory.label(unitId));
			example.createCell(2).setCellValue("XA_NTM");
			example.createCell(3).setCellValue("2025");
			example.createCell(5).setCellValue("KH số .../KH-UBND ngày .../.../2024 của UBND ...");
			example.createCell(6).setCellValue("30/05/2025");
			Sheet guide = book.createSheet(GUIDE);
			String[] lines = {
					"Nhập lộ trình đạt chuẩn: mỗi dòng của sheet \"Lộ trình\" là một mục tiêu của một đơn vị.",
					"Dòng 1 là tiêu đề, giữ nguyên; dòng 2 là ví dụ, sửa hoặc xoá trước khi tải lên.",
					"Cột A — Mã đơn vị: mã hành chính của đơn vị (thuộc " + directory.label(unitId) + ").",
					"Cột B — Tên đơn vị: để đối chiếu, không đọc.", "Cột C — Mã danh hiệu: một trong các mã ở dưới.",
					"Cột D — Năm đạt chuẩn: năm đơn vị phấn đấu đạt danh hiệu (ví dụ 2025).",
					"Cột E — Số hiệu kế hoạch: số của kế hoạch trong hệ thống (xem ở trang kế hoạch), có thể để trống.",
					"Cột F — Văn bản nguồn: kế hoạch, quyết định ghi mục tiêu; bắt buộc khi không có số hiệu kế hoạch.",
					"Cột G — Hạn nộp hồ sơ: ngày kế hoạch đặt cho hồ sơ, dạng dd/MM/yyyy, có thể để trống.",
					"Cột H — Ghi chú.",
					"Tệp có lỗi ở bất kỳ dòng nào thì không lưu dòng nào; mỗi lỗi ghi rõ sheet, dòng và cột.", "",
					"Mã danh hiệu:" };
			int r = 0;
			for (String line : lines) {
				guide.createRow(r++).createCell(0).setCellValue(line);
			}
			for (TitleView title : service.titles().values()) {
				Row row = guide.createRow(r++);
				row.createCell(0).setCellValue(title.code());
				row.createCell(1).setCellValue(title.name());
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	@Transactional
	public UUID start(long unitId, String fileName, byte[] xlsx) {
		service.requireUnit(unitId);
		access.requireActOn(unitId, Permission.PLAN_EDIT);
		if (xlsx.length == 0) {
			throw new BusinessRuleException("targets.import.noFile");
		}
		if (xlsx.length > MAX_BYTES) {
			throw new BusinessRuleException("targets.import.tooLarge", MAX_BYTES / 1024 / 1024);
		}
		UUID id = UUID.randomUUID();
		String name = fileName.isBlank() ? "lo-trinh.xlsx" : fileName;
		String owner = access.current().username();
		jdbc.sql("""
				insert into roadmap_import (id, unit_id, file_name, status, created_by)
				values (:id, :unit, :name, 'QUEUED', :by)
				""").param("id", id).param("unit", unitId).param("name", name).param("by", owner).update();
		UUID run = runs.start(KIND, owner, unitId, name, xlsx, id.toString());
		jdbc.sql("update roadmap_import set run_id = :run where id = :id").param("run", run).param("id", id).update();
		return id;
	}

	@Override
	public ImportView find(UUID importId) {
		record Stored(long unitId, String fileName, String status, List<String> problems, int saved,
				@Nullable UUID runId, String createdBy) {
		}
		Stored s = jdbc.sql("select * from roadmap_import where id = :id")
			.param("id", importId)
			.query((rs, n) -> new Stored(rs.getLong("unit_id"), rs.getString("file_name"), rs.getString("status"),
					List.of((String[]) rs.getArray("problems").getArray()), rs.getInt("saved"),
					rs.getObject("run_id", UUID.class), rs.getString("created_by")))
			.optional()
			.orElseThrow(() -> new NotFoundException("targets.import.notFound", importId.toString()));
		if (!access.current().isAdmin() && !access.current().username().equals(s.createdBy())) {
			throw AccessRefused.because("targets.import.notYours");
		}
		Optional<JobRunView> run = s.runId() == null ? Optional.empty() : runs.find(s.runId());
		String status = s.status();
		if (run.isPresent() && !status.equals("DONE") && !status.equals("REJECTED") && run.get().state().finished()) {
			status = "FAILED";
		}
		return new ImportView(importId, s.unitId(), s.fileName(), status, run.map(JobRunView::done).orElse(0),
				run.map(JobRunView::total).orElse(0), s.problems(), s.saved(),
				run.map(r -> r.state().name()).orElse(null));
	}

	@Override
	public String kind() {
		return KIND;
	}

	/** A row read and checked, ready to save. */
	record Checked(int row, RoadmapService.Valid valid) {
	}

	@Override
	public @Nullable String run(Run run) {
		UUID id = UUID.fromString(run.data());
		Long unitId = jdbc.sql("select unit_id from roadmap_import where id = :id and status in ('QUEUED', 'CHECKING')")
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (unitId == null) {
			return null;
		}
		byte[] content = run.payload() == null ? new byte[0] : run.payload();
		return SystemTask.callAs(run.owner(), () -> {
			try {
				status(id, "CHECKING");
				List<String> problems = new ArrayList<>();
				List<Checked> rows = check(unitId, content, run, problems);
				if (!problems.isEmpty() || rows.isEmpty()) {
					if (rows.isEmpty() && problems.isEmpty()) {
						problems.add(text(run.locale(), "targets.import.empty", SHEET));
					}
					finish(id, "REJECTED", problems, 0);
					return text(run.locale(), "targets.import.rejected", problems.size());
				}
				int saved = transaction.execute(status -> {
					for (Checked row : rows) {
						long targetId = service.insert(row.valid());
						RoadmapTarget after = service.find(targetId);
						audit.record(AuditRecord.created("roadmap_target", targetId,
								after.unitName() + " — " + after.titleCode() + " " + after.year(),
								"Nhập mục tiêu lộ trình từ Excel: " + after.unitName() + " đạt " + after.titleName()
										+ " năm " + after.year(),
								after));
					}
					finish(id, "DONE", List.of(), rows.size());
					return rows.size();
				});
				return text(run.locale(), "targets.import.done", saved);
			}
			catch (BusinessRuleException ex) {
				// a row that passed the checks but was refused at saving (a target
				// entered
				// meanwhile): nothing saved
				String message = LocalizedMessages.get(messages, ex.messageKey(), ex.arguments(), run.locale());
				finish(id, "REJECTED", List.of(message), 0);
				return text(run.locale(), "targets.import.rejected", 1);
			}
			catch (RuntimeException ex) {
				finish(id, "FAILED", List.of(text(run.locale(), "targets.import.unreadable")), 0);
				throw ex;
			}
		});
	}

	List<Checked> check(long parentId, byte[] content, Run run, List<String> problems) {
		Locale locale = run.locale();
		List<Checked> checked = new ArrayList<>();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			Sheet sheet = book.getSheet(SHEET);
			if (sheet == null) {
				problems.add(text(locale, "targets.import.noSheet", SHEET));
				return checked;
			}
			DataFormatter format = new DataFormatter(Locale.ROOT);
			int last = sheet.getLastRowNum();
			runs.progress(run.id(), 0, last);
			Set<String> keys = new HashSet<>();
			for (int r = 1; r <= last; r++) {
				Row row = sheet.getRow(r);
				if (row == null || blank(row, format)) {
					continue;
				}
				int line = r + 1;
				String code = cell(row, 0, format);
				Long unitId = code.isEmpty() ? null : directory.resolveCode(code).orElse(null);
				if (unitId == null) {
					problems.add(where(locale, line, 0) + text(locale,
							code.isEmpty() ? "targets.import.unit.missing" : "targets.import.unit.unknown", code));
					continue;
				}
				if (!directory.isWithin(unitId, List.of(parentId)) || !service.canEdit(unitId)) {
					problems.add(where(locale, line, 0)
							+ text(locale, "targets.import.unit.outside", code, directory.label(parentId)));
					continue;
				}
				Integer year;
				try {
					year = number(cell(row, 3, format));
				}
				catch (NumberFormatException ex) {
					problems.add(where(locale, line, 3) + text(locale, "targets.roadmap.number", COLUMNS.get(3)));
					continue;
				}
				Long planId;
				try {
					String plan = cell(row, 4, format);
					planId = plan.isEmpty() ? null : Long.valueOf(plan);
				}
				catch (NumberFormatException ex) {
					problems.add(where(locale, line, 4) + text(locale, "targets.roadmap.number", COLUMNS.get(4)));
					continue;
				}
				LocalDate due = null;
				Cell dueCell = row.getCell(6);
				if (dueCell != null && dueCell.getCellType() == org.apache.poi.ss.usermodel.CellType.NUMERIC
						&& DateUtil.isCellDateFormatted(dueCell)) {
					due = dueCell.getLocalDateTimeCellValue().toLocalDate();
				}
				else if (!cell(row, 6, format).isEmpty()) {
					due = VnFormat.parseDate(cell(row, 6, format)).orElse(null);
					if (due == null) {
						problems.add(where(locale, line, 6) + text(locale, "targets.roadmap.date", COLUMNS.get(6)));
						continue;
					}
				}
				try {
					RoadmapService.Valid valid = service.validate(new RoadmapTargetForm(unitId, cell(row, 2, format),
							year, planId, cell(row, 5, format), due, cell(row, 7, format), null));
					String key = valid.unitId() + "/" + valid.titleCode() + "/"
							+ (valid.planId() != null ? "plan:" + valid.planId() : "source:" + valid.source());
					if (!keys.add(key)) {
						problems.add(where(locale, line, 2) + text(locale, "targets.import.twice"));
						continue;
					}
					if (service.exists(valid)) {
						problems.add(where(locale, line, 2) + text(locale, "targets.roadmap.duplicate",
								directory.label(valid.unitId()), service.titleName(valid.titleCode()),
								valid.planLabel() != null ? valid.planLabel() : valid.source()));
						continue;
					}
					checked.add(new Checked(line, valid));
				}
				catch (BusinessRuleException ex) {
					problems.add(where(locale, line, column(ex.messageKey(), ex.arguments()))
							+ LocalizedMessages.get(messages, ex.messageKey(), ex.arguments(), locale));
				}
				runs.progress(run.id(), r, last);
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof BusinessRuleException) {
				throw (BusinessRuleException) ex;
			}
			problems.add(text(locale, "targets.import.unreadable"));
		}
		return checked;
	}

	/** The column a refusal of the checks names. */
	static int column(String key, Object[] args) {
		String field = args.length > 0 ? String.valueOf(args[0]) : "";
		return switch (key) {
			case "targets.roadmap.title.unknown" -> 2;
			case "targets.roadmap.year" -> 3;
			case "targets.roadmap.plan.unknown" -> 4;
			case "targets.roadmap.origin" -> 5;
			case "targets.roadmap.dossierDue" -> 6;
			default -> switch (field) {
				case "targets.roadmap.field.title" -> 2;
				case "targets.roadmap.field.year" -> 3;
				case "targets.roadmap.field.source" -> 5;
				case "targets.roadmap.field.note" -> 7;
				default -> 0;
			};
		};
	}

	private String where(Locale locale, int line, int column) {
		return text(locale, "targets.import.where", SHEET, line, (char) ('A' + column), COLUMNS.get(column)) + " ";
	}

	private static @Nullable Integer number(String text) {
		if (text.isEmpty()) {
			return null;
		}
		return Integer.valueOf(text.replace(".", "").strip());
	}

	private static boolean blank(Row row, DataFormatter format) {
		for (int c = 0; c < COLUMNS.size(); c++) {
			if (!cell(row, c, format).isEmpty()) {
				return false;
			}
		}
		return true;
	}

	private static String cell(Row row, int column, DataFormatter format) {
		Cell cell = row.getCell(column);
		return cell == null ? "" : format.formatCellValue(cell).strip();
	}

	private void status(UUID id, String status) {
		jdbc.sql("update roadmap_import set status = :status where id = :id")
			.param("id", id)
			.param("status", status)
			.update();
	}

	private void finish(UUID id, String status, List<String> problems, int saved) {
		jdbc.sql("""
				update roadmap_import set status = :status, problems = :problems, saved = :saved, finished_at = now()
				where id = :id
				""")
			.param("id", id)
			.param("status", status)
			.param("problems", problems.toArray(String[]::new))
			.param("saved", saved)
			.update();
	}

	private String text(Locale locale, String key, Object... args) {
		return LocalizedMessages.get(messages, key, args, locale);
	}

}
