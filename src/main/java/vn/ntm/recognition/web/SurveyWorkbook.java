package vn.ntm.recognition.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import vn.ntm.recognition.BarComparison;
import vn.ntm.recognition.Ratio;
import vn.ntm.recognition.SatisfactionBar;
import vn.ntm.recognition.SurveyView;
import vn.ntm.shared.VnFormat;

/**
 * The satisfaction surveys of a year of the units below a parent as an .xlsx in
 * Vietnamese: one row per unit with its counts, its coverage and satisfaction (as numbers
 * formatted as percentages), the bar and the comparison with it.
 */
final class SurveyWorkbook {

	private static final Locale VI = Locale.forLanguageTag("vi");

	/** A unit's survey with the bars that apply to it ({@code null}: none known). */
	record Line(SurveyView survey, @Nullable SatisfactionBar bar, @Nullable SatisfactionBar coverageBar) {
	}

	static final String[] COLUMNS = { "recognition.xlsx.unit", "recognition.survey.field.households",
			"recognition.survey.field.surveyed", "recognition.survey.coverage", "recognition.xlsx.coverageBar",
			"recognition.survey.field.satisfied", "recognition.survey.satisfaction", "recognition.xlsx.bar",
			"recognition.xlsx.questions", "recognition.survey.field.conductedBy",
			"recognition.survey.field.resultFile" };

	private SurveyWorkbook() {
	}

	static void write(String parentName, int year, List<Line> lines, MessageSource messages, OutputStream out) {
		try (SXSSFWorkbook workbook = new SXSSFWorkbook(null, 200, true, true)) {
			SXSSFSheet sheet = workbook.createSheet(text(messages, "recognition.xlsx.sheet"));
			CellStyle bold = workbook.createCellStyle();
			Font font = workbook.createFont();
			font.setBold(true);
			bold.setFont(font);
			CellStyle percent = workbook.createCellStyle();
			percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
			int r = 0;
			cell(sheet.createRow(r++), 0, messages.getMessage("recognition.xlsx.heading",
					new Object[] { parentName, String.valueOf(year) }, VI), bold);
			Row header = sheet.createRow(r++);
			for (int c = 0; c < COLUMNS.length; c++) {
				cell(header, c, text(messages, COLUMNS[c]), bold);
			}
			for (Line line : lines) {
				SurveyView s = line.survey();
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(s.unitName());
				row.createCell(1).setCellValue(s.households());
				row.createCell(2).setCellValue(s.surveyed());
				share(row, 3, s.coverage(), percent);
				row.createCell(4).setCellValue(against(messages, s.coverageAgainst(line.coverageBar())));
				row.createCell(5).setCellValue(s.satisfied());
				share(row, 6, s.satisfaction(), percent);
				row.createCell(7).setCellValue(against(messages, s.satisfactionAgainst(line.bar())));
				row.createCell(8)
					.setCellValue(String.join("; ",
							s.questions()
								.stream()
								.map(q -> q.question() + ": " + q.satisfaction().describe())
								.toList()));
				row.createCell(9).setCellValue(s.conductedBy());
				row.createCell(10).setCellValue(s.resultFile() == null ? "" : s.resultFile().fileName());
			}
			if (lines.isEmpty()) {
				sheet.createRow(r)
					.createCell(0)
					.setCellValue(
							messages.getMessage("recognition.xlsx.none", new Object[] { String.valueOf(year) }, VI));
			}
			workbook.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** "Đạt ngưỡng (90%)", "Chưa có ngưỡng". */
	private static String against(MessageSource messages, BarComparison comparison) {
		String outcome = text(messages, comparison.outcome().messageKey());
		return comparison.bar() == null ? outcome : outcome + " (" + VnFormat.number(comparison.bar().percent()) + "%)";
	}

	private static void share(Row row, int column, Ratio ratio, CellStyle percent) {
		Cell cell = row.createCell(column);
		if (ratio.whole() == 0) {
			cell.setCellValue("—");
			return;
		}
		cell.setCellValue((double) ratio.part() / ratio.whole());
		cell.setCellStyle(percent);
	}

	private static void cell(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(style);
	}

	private static String text(MessageSource messages, String key) {
		return messages.getMessage(key, null, VI);
	}

}
