package vn.ntm.orgunit.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ooxml.util.SAXHelper;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads unit list files: .xlsx streamed row by row (never a whole workbook in memory)
 * with POI's zip-bomb guards, or .csv in UTF-8 with comma or semicolon separators. Dates
 * in date-formatted cells come out as dd/MM/yyyy whatever the cell's display format.
 */
final class UnitFileReader {

	static final int MAX_ROWS = 50_000;

	private UnitFileReader() {
	}

	/**
	 * The file's rows by column, with the spreadsheet's row numbers, or why it cannot be
	 * read.
	 */
	record Content(List<Row> rows, List<String> problems) {
	}

	record Row(int number, Map<UnitFileColumns, String> cells) {

		String get(UnitFileColumns column) {
			return cells.getOrDefault(column, "").trim();
		}

		boolean blank() {
			return cells.values().stream().allMatch(String::isBlank);
		}

	}

	static Content read(String fileName, byte[] content) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".xlsx")) {
			return readXlsx(content);
		}
		if (lower.endsWith(".csv") || lower.endsWith(".txt")) {
			return readCsv(content);
		}
		return new Content(List.of(), List.of("import.file.type"));
	}

	private static Content readCsv(byte[] content) {
		String text = new String(content, StandardCharsets.UTF_8);
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		String firstLine = text.lines().findFirst().orElse("");
		char delimiter = firstLine.chars().filter(c -> c == ';').count() > firstLine.chars()
			.filter(c -> c == ',')
			.count() ? ';' : ',';
		CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get();
		List<List<String>> lines = new ArrayList<>();
		try (Reader reader = new java.io.StringReader(text); CSVParser parser = CSVParser.parse(reader, format)) {
			for (CSVRecord record : parser) {
				if (lines.size() > MAX_ROWS + 1) {
					return new Content(List.of(), List.of("import.file.tooManyRows"));
				}
				List<String> cells = new ArrayList<>();
				record.forEach(cells::add);
				lines.add(cells);
			}
		}
		catch (IOException | RuntimeException ex) {
			return new Content(List.of(), List.of("import.file.unreadable"));
		}
		return toContent(lines);
	}

	private static Content readXlsx(byte[] content) {
		// Guards against zip bombs: an entry may not inflate more than 100×, nor beyond
		// 100 MB.
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
		List<List<String>> lines = new ArrayList<>();
		try (InputStream in = new ByteArrayInputStream(content); OPCPackage pkg = OPCPackage.open(in)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
			if (!sheets.hasNext()) {
				return new Content(List.of(), List.of("import.file.empty"));
			}
			try (InputStream sheet = sheets.next()) {
				XMLReader parser = SAXHelper.newXMLReader();
				parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, new Collector(lines),
						new VietnameseDates(), false));
				parser.parse(new InputSource(sheet));
			}
		}
		catch (TooManyRows ex) {
			return new Content(List.of(), List.of("import.file.tooManyRows"));
		}
		catch (Exception ex) {
			String message = String.valueOf(ex.getMessage());
			if (message.contains("Zip bomb") || message.contains("zip bomb") || message.contains("max entry size")
					|| message.contains("exceed")) {
				return new Content(List.of(), List.of("import.file.zipBomb"));
			}
			return new Content(List.of(), List.of("import.file.unreadable"));
		}
		return toContent(lines);
	}

	private static Content toContent(List<List<String>> lines) {
		if (lines.isEmpty()) {
			return new Content(List.of(), List.of("import.file.empty"));
		}
		Map<Integer, UnitFileColumns> columns = new LinkedHashMap<>();
		List<String> header = lines.get(0);
		for (int i = 0; i < header.size(); i++) {
			String cell = header.get(i);
			if (cell != null) {
				int index = i;
				UnitFileColumns.of(cell).ifPresent(column -> columns.putIfAbsent(index, column));
			}
		}
		List<String> problems = new ArrayList<>();
		for (UnitFileColumns required : UnitFileColumns.required()) {
			if (!columns.containsValue(required)) {
				problems.add("import.file.missingColumn:" + required.header());
			}
		}
		if (!problems.isEmpty()) {
			return new Content(List.of(), problems);
		}
		List<Row> rows = new ArrayList<>();
		for (int r = 1; r < lines.size(); r++) {
			List<String> line = lines.get(r);
			Map<UnitFileColumns, String> cells = new EnumMap<>(UnitFileColumns.class);
			columns.forEach((index, column) -> cells.put(column,
					index < line.size() && line.get(index) != null ? line.get(index) : ""));
			Row row = new Row(r + 1, cells);
			if (!row.blank()) {
				rows.add(row);
			}
		}
		if (rows.size() > MAX_ROWS) {
			return new Content(List.of(), List.of("import.file.tooManyRows"));
		}
		return new Content(rows, List.of());
	}

	/** Collects the cells of each row by column index, keeping gaps. */
	private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final List<List<String>> lines;

		private List<String> current = new ArrayList<>();

		private int expectedRow;

		Collector(List<List<String>> lines) {
			this.lines = lines;
		}

		@Override
		public void startRow(int rowNum) {
			while (expectedRow < rowNum) {
				lines.add(new ArrayList<>());
				expectedRow++;
			}
			if (rowNum > MAX_ROWS + 1) {
				throw new TooManyRows();
			}
			current = new ArrayList<>();
		}

		@Override
		public void endRow(int rowNum) {
			lines.add(current);
			expectedRow = rowNum + 1;
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			int column = columnIndex(reference);
			while (current.size() <= column) {
				current.add("");
			}
			// set, not append: a malformed cell may be reported twice
			current.set(column, formattedValue == null ? "" : formattedValue);
		}

		private static int columnIndex(String reference) {
			int index = 0;
			for (char c : reference.toCharArray()) {
				if (Character.isLetter(c)) {
					index = index * 26 + (Character.toUpperCase(c) - 'A' + 1);
				}
				else {
					break;
				}
			}
			return index - 1;
		}

	}

	private static final class TooManyRows extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

	/** Formats date cells as dd/MM/yyyy regardless of the cell's display format. */
	private static final class VietnameseDates extends DataFormatter {

		VietnameseDates() {
			super(Locale.ROOT);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
				return new SimpleDateFormat("dd/MM/yyyy").format(DateUtil.getJavaDate(value));
			}
			return super.formatRawCellContents(value, formatIndex, formatString);
		}

	}

	static Reader utf8(InputStream in) {
		return new InputStreamReader(in, StandardCharsets.UTF_8);
	}

}
