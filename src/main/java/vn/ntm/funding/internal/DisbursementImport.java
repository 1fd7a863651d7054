package vn.ntm.funding.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ntm.funding.FundingManagement;
import vn.ntm.shared.BusinessRuleException;
import vn.ntm.shared.LocalizedFailure;
import vn.ntm.shared.Money;
import vn.ntm.shared.MoneyUnit;
import vn.ntm.shared.Problem;
import vn.ntm.shared.RejectedInput;
import vn.ntm.shared.VnFormat;

/**
 * Disbursements from an .xlsx, all or nothing: every row is checked (the work by its
 * project code among the unit's works, date, year, source, amount in triệu đồng) and
 * recorded through the facade's rules in one transaction; any problem — including a
 * payment beyond what is allocated — refuses the whole file, each problem with its row.
 * Runs in the request ({@code FundingImports.importDisbursements}); the workbook import
 * ({@link WorkbookImport}) runs on the job facility.
 */
@Service
class DisbursementImport {

	static final List<String> COLUMNS = List.of("Mã dự án", "Ngày giải ngân", "Vốn năm", "Mã nguồn vốn",
			"Số tiền (triệu đồng)", "Ghi chú");

	private static final int MAX_ROWS = 5_000;

	private final FundingService service;

	private final FundingStore store;

	DisbursementImport(FundingService service, FundingStore store) {
		this.service = service;
		this.store = store;
	}

	record Line(int row, long workId, FundingManagement.NewDisbursement disbursement) {
	}

	@Transactional
	public int importDisbursements(long unitId, byte[] xlsx) {
		service.requireEdit(unitId);
		Map<Long, String> subtree = service.subtree(unitId, VnFormat.today());
		List<FundingStore.WorkRow> works = store.worksOf(subtree.keySet());
		List<Problem> problems = new ArrayList<>();
		List<Line> lines = new ArrayList<>();
		DataFormatter formatter = new DataFormatter();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = book.getSheetAt(0);
			if (sheet.getLastRowNum() > MAX_ROWS) {
				throw new BusinessRuleException("funding.import.tooManyRows", MAX_ROWS);
			}
			for (Row row : sheet) {
				if (row.getRowNum() == 0 || isBlank(row, formatter)) {
					continue;
				}
				int number = row.getRowNum() + 1;
				List<Problem.Place> where = List.of(new Problem.Place("funding.where.row", String.valueOf(number)));
				String code = text(row.getCell(0), formatter);
				Optional<FundingStore.WorkRow> work = works.stream()
					.filter(w -> code.equals(w.projectCode()))
					.findFirst();
				if (work.isEmpty()) {
					problems.add(Problem.at(where, "funding.import.work", code));
				}
				Optional<LocalDate> paidOn = date(row.getCell(1), formatter);
				if (paidOn.isEmpty()) {
					problems.add(Problem.at(where, "funding.import.date", text(row.getCell(1), formatter)));
				}
				Integer year = null;
				try {
					year = Integer.valueOf(text(row.getCell(2), formatter));
				}
				catch (NumberFormatException ex) {
					problems.add(Problem.at(where, "funding.import.year", text(row.getCell(2), formatter)));
				}
				String source = text(row.getCell(3), formatter);
				if (service.sources().stream().noneMatch(s -> s.code().equals(source))) {
					problems.add(Problem.at(where, "funding.import.source", source));
				}
				Optional<Money> amount = amount(row.getCell(4), formatter);
				if (amount.isEmpty() || !amount.get().isPositive()) {
					problems.add(Problem.at(where, "funding.import.amount", text(row.getCell(4), formatter)));
				}
				if (work.isPresent() && paidOn.isPresent() && year != null && amount.isPresent()) {
					String note = text(row.getCell(5), formatter);
					lines.add(new Line(number, work.get().id(), new FundingManagement.NewDisbursement(paidOn.get(),
							year, source, amount.get(), note.isBlank() ? null : note)));
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof BusinessRuleException rule) {
				throw rule;
			}
			throw new BusinessRuleException("funding.import.unreadable");
		}
		if (problems.isEmpty()) {
			for (Line line : lines) {
				try {
					service.disburse(line.workId(), line.disbursement());
				}
				catch (BusinessRuleException refused) {
					problems
						.add(new Problem(List.of(new Problem.Place("funding.where.row", String.valueOf(line.row()))),
								((LocalizedFailure) refused).messageKey(),
								List.of(((LocalizedFailure) refused).arguments())));
				}
			}
		}
		if (!problems.isEmpty()) {
			// thrown out of the transaction: nothing of the file is kept
			throw new RejectedInput("funding.import.rejected", problems);
		}
		if (lines.isEmpty()) {
			throw new BusinessRuleException("funding.import.empty");
		}
		return lines.size();
	}

	private static boolean isBlank(Row row, DataFormatter formatter) {
		for (int i = 0; i < COLUMNS.size(); i++) {
			if (!text(row.getCell(i), formatter).isBlank()) {
				return false;
			}
		}
		return true;
	}

	private static String text(Cell cell, DataFormatter formatter) {
		return cell == null ? "" : formatter.formatCellValue(cell).trim();
	}

	private static Optional<LocalDate> date(Cell cell, DataFormatter formatter) {
		if (cell != null && cell.getCellType() == CellType.NUMERIC && DateUtil.isCellDateFormatted(cell)) {
			return Optional.of(cell.getLocalDateTimeCellValue().toLocalDate());
		}
		return VnFormat.parseDate(text(cell, formatter));
	}

	private static Optional<Money> amount(Cell cell, DataFormatter formatter) {
		if (cell != null && cell.getCellType() == CellType.NUMERIC) {
			return Optional
				.of(Money.of(new java.math.BigDecimal(String.valueOf(cell.getNumericCellValue())), MoneyUnit.TRIEU));
		}
		return Money.parseNumber(text(cell, formatter)).map(n -> Money.of(n, MoneyUnit.TRIEU));
	}

}
