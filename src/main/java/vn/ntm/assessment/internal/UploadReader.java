package vn.ntm.assessment.internal;

import java.io.File;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.jspecify.annotations.Nullable;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded template with POI's event API, one row at a time, without loading the
 * workbook: numbers arrive marked ({@link #NUMBER}) and, when the cell was formatted as a
 * percentage, already times 100 with a "%".
 */
final class UploadReader {

	/** Before the text of a cell that holds a number (not a text). */
	static final char NUMBER = '\u0001';

	static final int MAX_ROWS = 500_000;

	/** Receives the rows of a sheet; cells by column index, empty cells absent. */
	interface Rows {

		void row(String sheet, int number, Map<Integer, String> cells);

	}

	/** Not a readable .xlsx, a zip bomb, or too many rows. */
	static final class Unreadable extends RuntimeException {

		final String key;

		Unreadable(String key, @Nullable Throwable cause) {
			super(key, cause);
			this.key = key;
		}

	}

	private UploadReader() {
	}

	/** Whether the file starts as a zip (an .xlsx) does. */
	static boolean looksLikeXlsx(byte[] head) {
		return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
	}

	/**
	 * Streams the sheets named {@code sheets} (in that order) to {@code rows}; the other
	 * sheets are skipped. Returns the names of the sheets found.
	 */
	static java.util.Set<String> read(File file, java.util.List<String> sheets, Rows rows) {
		// As for unit lists and catalogs: an entry may not inflate more than 100×, nor
		// beyond 100 MB.
		ZipSecureFile.setMinInflateRatio(0.01);
		ZipSecureFile.setMaxEntrySize(100L * 1024 * 1024);
		java.util.Set<String> found = new java.util.LinkedHashSet<>();
		try (OPCPackage pkg = OPCPackage.open(file, PackageAccess.READ)) {
			XSSFReader reader = new XSSFReader(pkg);
			ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
			StylesTable styles = reader.getStylesTable();
			for (String wanted : sheets) {
				XSSFReader.SheetIterator iterator = (XSSFReader.SheetIterator) reader.getSheetsData();
				while (iterator.hasNext()) {
					try (InputStream sheet = iterator.next()) {
						if (iterator.getSheetName().equals(wanted)) {
							found.add(wanted);
							XMLReader parser = XMLHelper.newXMLReader();
							parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings,
									new Collector(wanted, rows), new Numbers(), false));
							parser.parse(new InputSource(sheet));
							break;
						}
					}
				}
			}
		}
		catch (Unreadable ex) {
			throw ex;
		}
		catch (Exception | OutOfMemoryError ex) {
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof Unreadable unreadable) {
					throw unreadable;
				}
				String message = String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT);
				if (message.contains("zip bomb") || message.contains("max entry size")) {
					throw new Unreadable("assessment.upload.zipBomb", ex);
				}
			}
			throw new Unreadable("assessment.upload.unreadable", ex);
		}
		return found;
	}

	private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final String sheet;

		private final Rows rows;

		private Map<Integer, String> current = new TreeMap<>();

		private int count;

		Collector(String sheet, Rows rows) {
			this.sheet = sheet;
			this.rows = rows;
		}

		@Override
		public void startRow(int rowNum) {
			current = new HashMap<>();
			if (++count > MAX_ROWS) {
				throw new Unreadable("assessment.upload.tooManyRows", null);
			}
		}

		@Override
		public void endRow(int rowNum) {
			if (!current.isEmpty()) {
				rows.row(sheet, rowNum + 1, current);
			}
		}

		@Override
		public void cell(String reference, String value, XSSFComment comment) {
			if (value != null && !value.isBlank()) {
				current.put((int) new CellReference(reference).getCol(), value);
			}
		}

	}

	/** Numbers as plain decimals, marked; percentages times 100 with "%". */
	private static final class Numbers extends DataFormatter {

		Numbers() {
			super(Locale.ROOT);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString) {
			return format(value, formatString);
		}

		@Override
		public String formatRawCellContents(double value, int formatIndex, String formatString,
				boolean use1904Windowing) {
			return format(value, formatString);
		}

		private static String format(double value, @Nullable String formatString) {
			BigDecimal number = new BigDecimal(Double.toString(value));
			boolean percent = formatString != null && formatString.contains("%");
			if (percent) {
				number = number.movePointRight(2);
			}
			String plain = number.stripTrailingZeros().toPlainString();
			return NUMBER + plain + (percent ? "%" : "");
		}

	}

}
