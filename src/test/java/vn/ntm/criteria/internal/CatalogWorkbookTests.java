package vn.ntm.criteria.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import vn.ntm.criteria.SetDocument;
import vn.ntm.criteria.SetDocument.CriterionDoc;
import vn.ntm.criteria.SetDocument.IndicatorDoc;
import vn.ntm.shared.Problem;
import vn.ntm.shared.Problem.Place;
import vn.ntm.shared.RejectedInput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Criteria sets as .xlsx workbooks: every shipped set reads back the same, the sheets are
 * for people (Vietnamese headers and labels, codes as text), unreadable cells are named
 * by sheet, row and column, and validator problems are placed on their rows.
 */
class CatalogWorkbookTests {

	@Test
	void shouldReadBackEveryShippedSetExceptItsStatus() {
		List<SetDocument> documents = CatalogLoader.shipped();
		assertThat(documents).isNotEmpty();
		for (SetDocument document : documents) {
			byte[] xlsx = CatalogWorkbook.write(withStatus(document, "PUBLISHED"));
			SetDocument read = readBack(xlsx).document();
			assertThat(read).as(document.code()).isEqualTo(withStatus(document, null));
		}
	}

	@Test
	void shouldWriteVietnameseHeadersAndKeepCodesAsText() throws IOException {
		byte[] xlsx = CatalogWorkbook.write(shipped("QD318_XA_NTM"));
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(sheetNames(workbook)).containsExactly("Bộ tiêu chí", "Nhóm", "Tiêu chí", "Chỉ tiêu", "Ngưỡng");
			assertThat(headers(workbook.getSheet("Bộ tiêu chí"))).containsExactly("Trường", "Giá trị");
			assertThat(headers(workbook.getSheet("Tiêu chí"))).startsWith("Số", "Loại", "Tên", "Mức xác minh");
			assertThat(headers(workbook.getSheet("Chỉ tiêu"))).startsWith("Tiêu chí", "Mã", "Tên")
				.contains("Nguồn giá trị", "Cấp đơn vị cấp dưới");
			assertThat(headers(workbook.getSheet("Ngưỡng"))).startsWith("Chỉ tiêu", "Áp dụng cho", "Phép so sánh");
			XSSFSheet indicators = workbook.getSheet("Chỉ tiêu");
			assertThat(workbook.getFontAt(indicators.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold())
				.isTrue();
			assertThat(indicators.getPaneInformation().isFreezePane()).isTrue();
			assertThat(indicators.getCTWorksheet().isSetAutoFilter()).isTrue();
			Cell code = indicators.getRow(rowOf(indicators, 1, "17.1")).getCell(1);
			assertThat(code.getCellType()).isEqualTo(CellType.STRING);
			assertThat(code.getStringCellValue()).isEqualTo("17.1");
			Cell number = workbook.getSheet("Tiêu chí").getRow(5).getCell(0);
			assertThat(number.getCellType()).isEqualTo(CellType.STRING);
			assertThat(number.getStringCellValue()).isEqualTo("5");
			assertThat(workbook.getSheet("Tiêu chí").getRow(1).getCell(6).getStringCellValue())
				.isEqualTo("Tất cả chỉ tiêu");
		}
	}

	@Test
	void shouldAcceptCodesTextNumbersAndTextDates() {
		byte[] xlsx = edit(CatalogWorkbook.write(shipped("QD318_XA_NTM")), workbook -> {
			Sheet set = workbook.getSheet("Bộ tiêu chí");
			set.getRow(rowOf(set, 0, "Áp dụng từ ngày")).getCell(1).setCellValue("2/1/2021");
			Sheet criteria = workbook.getSheet("Tiêu chí");
			criteria.getRow(1).getCell(1).setCellValue("CONDITION");
			criteria.getRow(2).getCell(6).setCellValue("AT_LEAST 2");
			criteria.getRow(3).getCell(6).setCellValue("Ít nhất 1 chỉ tiêu");
			criteria.getRow(4).getCell(6).setCellValue("POINTS 16,5");
			criteria.getRow(5).getCell(1).setCellValue("CRITERION");
			criteria.getRow(5).getCell(6).setCellValue("ALL");
			Sheet requirements = workbook.getSheet("Ngưỡng");
			requirements.getRow(rowOf(requirements, 0, "3.1")).getCell(3).setCellValue("16,38");
		});
		SetDocument document = readBack(xlsx).document();
		assertThat(document.validFrom()).hasToString("2021-01-02");
		List<CriterionDoc> criteria = document.criteria();
		assertThat(criteria.get(0).kind()).isEqualTo("CONDITION");
		assertThat(criteria.get(1).rule()).isEqualTo(new SetDocument.RuleDoc("AT_LEAST", 2, null));
		assertThat(criteria.get(2).rule()).isEqualTo(new SetDocument.RuleDoc("AT_LEAST", 1, null));
		assertThat(criteria.get(3).rule()).isEqualTo(new SetDocument.RuleDoc("POINTS", null, "16.5"));
		assertThat(criteria.get(4).kind()).isNull();
		assertThat(criteria.get(4).rule()).isNull();
		assertThat(indicator(document, "3.1").requirements().get(0).value()).isEqualTo("16.38");
	}

	@Test
	void shouldRefuseEveryUnreadableCellNamingSheetRowAndColumn() {
		byte[] xlsx = edit(CatalogWorkbook.write(shipped("QD318_XA_NTM")), workbook -> {
			Sheet set = workbook.getSheet("Bộ tiêu chí");
			set.getRow(rowOf(set, 0, "Áp dụng từ ngày")).getCell(1).setCellValue("31/02/2021");
			Sheet requirements = workbook.getSheet("Ngưỡng");
			requirements.getRow(rowOf(requirements, 0, "3.1")).getCell(3).setCellValue("tám mươi");
			Sheet indicators = workbook.getSheet("Chỉ tiêu");
			indicators.getRow(rowOf(indicators, 1, "17.1")).getCell(4).setCellValue("PHAN_TRAM");
			Row groupHeader = workbook.getSheet("Nhóm").getRow(0);
			groupHeader.removeCell(groupHeader.getCell(0));
		});
		int dateRow = rowNumber(xlsx, "Bộ tiêu chí", 0, "Áp dụng từ ngày");
		int valueRow = rowNumber(xlsx, "Ngưỡng", 0, "3.1");
		int typeRow = rowNumber(xlsx, "Chỉ tiêu", 1, "17.1");

		List<Problem> problems = rejection(() -> CatalogWorkbook.read(xlsx));

		assertThat(problems).extracting(CatalogWorkbookTests::sheetRow, Problem::key, Problem::args)
			.containsExactlyInAnyOrder(
					tuple("Bộ tiêu chí, dòng " + dateRow + ", cột Giá trị", "catalog.xlsx.date", List.of("31/02/2021")),
					tuple("Ngưỡng, dòng " + valueRow + ", cột Giá trị", "catalog.xlsx.number", List.of("tám mươi")),
					tuple("Chỉ tiêu, dòng " + typeRow + ", cột Kiểu", "catalog.xlsx.label",
							List.of("PHAN_TRAM", "BOOLEAN, PERCENT, AMOUNT, LEVEL, COUNT, POINTS, CHOICE")),
					tuple("Nhóm, dòng 1", "catalog.xlsx.missingColumn", List.of("Mã")));
	}

	@Test
	void shouldRefuseRowsNamingMissingPartsAndMalformedRules() {
		byte[] xlsx = edit(CatalogWorkbook.write(shipped("QD318_XA_NTM")), workbook -> {
			Sheet set = workbook.getSheet("Bộ tiêu chí");
			set.getRow(rowOf(set, 0, "Quy tắc ngưỡng")).getCell(1).setCellValue("DBKK: DBKK, ATK → TDMNPB\nDBKK ATK");
			Sheet indicators = workbook.getSheet("Chỉ tiêu");
			indicators.getRow(rowOf(indicators, 1, "17.1")).getCell(0).setCellValue("99");
			workbook.getSheet("Tiêu chí").getRow(1).createCell(7).setCellValue("có lẽ");
		});

		assertThat(rejection(() -> CatalogWorkbook.read(xlsx))).extracting(Problem::key, Problem::args)
			.containsExactlyInAnyOrder(tuple("catalog.xlsx.thresholdRule", List.of("DBKK ATK")),
					tuple("catalog.xlsx.unknownCriterion", List.of("99")),
					tuple("catalog.xlsx.flag", List.of("có lẽ")));
	}

	@Test
	void shouldRefuseAWorkbookWithoutASheet() {
		byte[] xlsx = edit(CatalogWorkbook.write(shipped("QD318_XA_NTM")),
				workbook -> workbook.removeSheetAt(workbook.getSheetIndex("Ngưỡng")));

		assertThat(rejection(() -> CatalogWorkbook.read(xlsx))).singleElement()
			.satisfies(problem -> assertThat(problem.key()).isEqualTo("catalog.xlsx.missingSheet"))
			.satisfies(problem -> assertThat(sheetRow(problem)).isEqualTo("Ngưỡng"));
	}

	@Test
	void shouldPlaceValidatorProblemsOnTheirRows() {
		SetDocument document = shipped("QD318_XA_NTM");
		byte[] xlsx = CatalogWorkbook.write(document);
		CatalogWorkbook.Result result = readBack(xlsx);
		Place criterion17 = new Place("where.criterion", "17");
		Place criterion3 = new Place("where.criterion", "3");
		List<Problem> problems = List
			.of(Problem.at(List.of(criterion17, new Place("where.indicator", "17.1")), "catalog.indicator.type", "X"),
					Problem.at(List.of(criterion3, new Place("where.indicator", "3.1"),
							new Place("where.requirement", "*")), "catalog.requirement.value", "x"),
					Problem.at(List.of(criterion17), "catalog.criterion.group", "IX"),
					Problem.at(List.of(new Place("where.set", "QD318_XA_NTM")), "catalog.title.unknown", "XA_NTM"));

		List<Problem> located = CatalogWorkbook.locate(problems, result);

		assertThat(located).extracting(CatalogWorkbookTests::sheetRow)
			.containsExactly("Chỉ tiêu, dòng " + rowNumber(xlsx, "Chỉ tiêu", 1, "17.1"),
					"Ngưỡng, dòng " + rowNumber(xlsx, "Ngưỡng", 0, "3.1"),
					"Tiêu chí, dòng " + rowNumber(xlsx, "Tiêu chí", 0, "17"), "Bộ tiêu chí");
		assertThat(located.get(0).where()).endsWith(problems.get(0).where().toArray(Place[]::new));
		assertThat(located.get(0).key()).isEqualTo("catalog.indicator.type");
	}

	@Test
	void shouldPlaceEveryProblemOfARealCheckOnARow() {
		CatalogWorkbook.Result result = readBack(CatalogWorkbook.write(shipped("QD320_HUYEN_NTM")));
		List<Problem> problems = CatalogValidator.problems(result.document(),
				new CatalogValidator.Context(Map.of(), Map.of(), Set.of()));
		assertThat(problems).isNotEmpty();

		assertThat(CatalogWorkbook.locate(problems, result))
			.allSatisfy(problem -> assertThat(problem.where().get(0).key()).isEqualTo("where.sheetRow"))
			.anySatisfy(problem -> assertThat(sheetRow(problem)).startsWith("Chỉ tiêu, dòng "));
	}

	@Test
	void shouldRefuseAZipBomb() {
		byte[] bomb = withSheetXml(CatalogWorkbook.write(shipped("QD318_XA_NTM")), "xl/worksheets/sheet1.xml");
		assertThat(bomb.length).isLessThan(CatalogWorkbook.MAX_BYTES);

		assertThat(rejection(() -> CatalogWorkbook.read(bomb))).extracting(Problem::key)
			.containsExactly("catalog.xlsx.zipBomb");
	}

	@Test
	void shouldRefuseAFileThatIsNotAWorkbook() {
		byte[] text = "Mã,Tên\nQD318_XA_NTM,Bộ tiêu chí\n".getBytes(StandardCharsets.UTF_8);

		assertThat(rejection(() -> CatalogWorkbook.read(text))).extracting(Problem::key)
			.containsExactly("catalog.xlsx.unreadable");
	}

	@Test
	void shouldRefuseLargeFilesAndLongSheets() {
		assertThat(rejection(() -> CatalogWorkbook.read(new byte[CatalogWorkbook.MAX_BYTES + 1])))
			.extracting(Problem::key)
			.containsExactly("catalog.file.tooLarge");
		byte[] longSheet = edit(CatalogWorkbook.write(shipped("QD318_XA_NTM")), workbook -> {
			Sheet groups = workbook.getSheet("Nhóm");
			for (int r = 1; r <= CatalogWorkbook.MAX_ROWS + 1; r++) {
				Row row = groups.createRow(r);
				row.createCell(0).setCellValue("G" + r);
				row.createCell(1).setCellValue("Nhóm " + r);
			}
		});
		assertThat(rejection(() -> CatalogWorkbook.read(longSheet))).singleElement().satisfies(problem -> {
			assertThat(problem.key()).isEqualTo("catalog.xlsx.tooManyRows");
			assertThat(sheetRow(problem)).isEqualTo("Nhóm");
		});
	}

	// Helpers

	private static SetDocument shipped(String code) {
		return CatalogLoader.shipped()
			.stream()
			.filter(document -> document.code().equals(code))
			.findFirst()
			.orElseThrow();
	}

	private static CatalogWorkbook.Result readBack(byte[] xlsx) {
		try {
			return CatalogWorkbook.read(xlsx);
		}
		catch (RejectedInput ex) {
			throw new AssertionError(ex.problems().toString(), ex);
		}
	}

	private static List<Problem> rejection(ThrowingCallable read) {
		Throwable thrown = catchThrowable(read);
		assertThat(thrown).isInstanceOf(RejectedInput.class);
		return ((RejectedInput) thrown).problems();
	}

	private static String sheetRow(Problem problem) {
		assertThat(problem.where()).isNotEmpty();
		assertThat(problem.where().get(0).key()).isEqualTo("where.sheetRow");
		return problem.where().get(0).value();
	}

	private static IndicatorDoc indicator(SetDocument document, String code) {
		return document.criteria()
			.stream()
			.flatMap(criterion -> criterion.indicators() == null ? Stream.of() : criterion.indicators().stream())
			.filter(indicator -> indicator.code().equals(code))
			.findFirst()
			.orElseThrow();
	}

	private static SetDocument withStatus(SetDocument d, String status) {
		return new SetDocument(d.code(), d.version(), d.name(), d.nameEn(), d.title(), d.unitLevel(), d.unitTypes(),
				d.validFrom(), d.validTo(), d.decision(), d.legalBasis(), d.owner(), d.refines(), d.thresholdScheme(),
				d.thresholdRules(), d.prerequisites(), d.revocation(), d.sourceStatus(), d.sources(), d.note(), status,
				d.groups(), d.criteria());
	}

	private static List<String> sheetNames(XSSFWorkbook workbook) {
		return IntStream.range(0, workbook.getNumberOfSheets()).mapToObj(workbook::getSheetName).toList();
	}

	private static List<String> headers(Sheet sheet) {
		Row header = sheet.getRow(0);
		return IntStream.range(0, header.getLastCellNum())
			.mapToObj(i -> header.getCell(i).getStringCellValue())
			.toList();
	}

	/** The index of the first row whose cell in {@code column} is {@code text}. */
	private static int rowOf(Sheet sheet, int column, String text) {
		for (Row row : sheet) {
			Cell cell = row.getCell(column);
			if (cell != null && cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(text)) {
				return row.getRowNum();
			}
		}
		throw new AssertionError(text + " not in " + sheet.getSheetName());
	}

	/** The row number as the spreadsheet shows it. */
	private static int rowNumber(byte[] xlsx, String sheet, int column, String text) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			return rowOf(workbook.getSheet(sheet), column, text) + 1;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static byte[] edit(byte[] xlsx, Consumer<XSSFWorkbook> change) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			change.accept(workbook);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The workbook with one sheet replaced by 40 MB of XML (mostly spaces) that
	 * compresses to a few kilobytes.
	 */
	private static byte[] withSheetXml(byte[] xlsx, String sheetEntry) {
		byte[] spaces = new byte[1024 * 1024];
		Arrays.fill(spaces, (byte) ' ');
		try (ZipArchiveInputStream in = new ZipArchiveInputStream(new ByteArrayInputStream(xlsx));
				ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
			try (ZipOutputStream out = new ZipOutputStream(bytes)) {
				for (ZipArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
					out.putNextEntry(new ZipEntry(entry.getName()));
					if (entry.getName().equals(sheetEntry)) {
						out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns="
								+ "\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>")
							.getBytes(StandardCharsets.UTF_8));
						for (int i = 0; i < 40; i++) {
							out.write(spaces);
						}
						out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
					}
					else {
						in.transferTo(out);
					}
					out.closeEntry();
				}
			}
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
