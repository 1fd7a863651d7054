package vn.ntm.funding.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.context.MessageSource;
import vn.ntm.funding.FundingAlert;
import vn.ntm.funding.FundingViews;
import vn.ntm.shared.Money;
import vn.ntm.shared.MoneyUnit;
import vn.ntm.shared.VnFormat;

/**
 * The funding views as .xlsx in Vietnamese: amounts as numbers in the unit the sheet
 * names, shares and dates as the pages show them.
 */
final class FundingWorkbooks {

	private static final Locale VI = Locale.forLanguageTag("vi");

	private FundingWorkbooks() {
	}

	static void summary(FundingViews.Summary s, MoneyUnit mu, MessageSource m, OutputStream out) {
		write(out, (book) -> {
			SXSSFSheet sheet = book.createSheet(t(m, "funding.xlsx.summary"));
			int r = 0;
			sheet.createRow(r++).createCell(0).setCellValue(t(m, "funding.summary.title", s.unitName()));
			sheet.createRow(r++).createCell(0).setCellValue(t(m, "funding.amountsIn", mu.label()));
			header(sheet.createRow(r++), t(m, "funding.col.year"), t(m, "funding.col.source"),
					t(m, "funding.col.planned"), t(m, "funding.col.share"), t(m, "funding.col.assigned"),
					t(m, "funding.col.allocated"), t(m, "funding.col.disbursed"), t(m, "funding.col.rate"));
			for (int year = s.fromYear(); year <= s.toYear(); year++) {
				FundingViews.SummaryRow total = s.totalOf(year);
				for (FundingViews.SummaryRow row : s.rowsOf(year)) {
					line(sheet.createRow(r++), String.valueOf(year), row.label(), row, row.shareOf(total.planned()),
							mu);
				}
				line(sheet.createRow(r++), String.valueOf(year), t(m, "funding.total"), total,
						total.shareOf(total.planned()), mu);
				FundingViews.SummaryRow demo = s.illustrationOf(year);
				if (demo != null) {
					// demo amounts on a line of their own, never in the totals
					illustration(sheet.createRow(r++), String.valueOf(year), t(m, "funding.col.illustration"), demo,
							mu);
				}
			}
			line(sheet.createRow(r++), s.total().label(), t(m, "funding.total"), s.total(),
					s.total().shareOf(s.total().planned()), mu);
			if (s.hasIllustrations()) {
				illustration(sheet.createRow(r++), s.total().label(), t(m, "funding.col.illustration"),
						s.illustrationTotal(), mu);
			}
			r++;
			for (FundingViews.DocumentView d : s.documents()) {
				sheet.createRow(r++).createCell(0).setCellValue(d.title());
				sheet.createRow(r++).createCell(0).setCellValue(d.reference());
				header(sheet.createRow(r++), t(m, "funding.doc.wording"), t(m, "funding.doc.stated"),
						t(m, "funding.doc.computed"), t(m, "funding.doc.matches"));
				for (FundingViews.StatedTotal st : d.totals()) {
					Row row = sheet.createRow(r++);
					row.createCell(0).setCellValue(st.wording());
					row.createCell(1).setCellValue(st.stated().format(mu));
					row.createCell(2).setCellValue(st.computed().format(mu));
					row.createCell(3).setCellValue(t(m, st.matches() ? "funding.doc.yes" : "funding.doc.no"));
				}
				r++;
			}
		});
	}

	private static void line(Row row, String year, String label, FundingViews.SummaryRow r, vn.ntm.shared.Share share,
			MoneyUnit mu) {
		row.createCell(0).setCellValue(year);
		row.createCell(1).setCellValue(label);
		number(row, 2, r.planned(), mu);
		row.createCell(3).setCellValue(share.format(2));
		number(row, 4, r.assigned(), mu);
		number(row, 5, r.allocated(), mu);
		number(row, 6, r.disbursed(), mu);
		row.createCell(7).setCellValue(r.rate().format(1));
	}

	private static void illustration(Row row, String year, String label, FundingViews.SummaryRow r, MoneyUnit mu) {
		row.createCell(0).setCellValue(year);
		row.createCell(1).setCellValue(label);
		number(row, 2, r.planned(), mu);
		row.createCell(3).setCellValue("—");
		number(row, 4, r.assigned(), mu);
		number(row, 5, r.allocated(), mu);
		number(row, 6, r.disbursed(), mu);
		row.createCell(7).setCellValue(r.rate().format(1));
	}

	static void works(List<FundingViews.WorkView> works, MessageSource m, OutputStream out) {
		write(out, (book) -> {
			SXSSFSheet sheet = book.createSheet(t(m, "funding.xlsx.works"));
			int r = 0;
			sheet.createRow(r++).createCell(0).setCellValue(t(m, "funding.amountsIn", MoneyUnit.TRIEU.label()));
			header(sheet.createRow(r++), t(m, "funding.col.work"), t(m, "funding.col.unit"),
					t(m, "funding.col.projectCode"), t(m, "funding.col.investor"), t(m, "funding.col.criterion"),
					t(m, "funding.col.allocated"), t(m, "funding.col.disbursed"), t(m, "funding.col.rate"),
					t(m, "funding.col.contractorOn"), t(m, "funding.col.completedOn"), t(m, "funding.col.settledOn"),
					t(m, "funding.col.alerts"));
			for (FundingViews.WorkView w : works) {
				Row row = sheet.createRow(r++);
				row.createCell(0).setCellValue(w.name());
				row.createCell(1).setCellValue(w.unitName());
				row.createCell(2).setCellValue(w.projectCode() == null ? "" : w.projectCode());
				row.createCell(3).setCellValue(w.investor() == null ? "" : w.investor());
				row.createCell(4).setCellValue(w.criterion() == null ? "" : w.criterion());
				number(row, 5, w.allocated(), MoneyUnit.TRIEU);
				number(row, 6, w.disbursed(), MoneyUnit.TRIEU);
				row.createCell(7).setCellValue(w.rate().format(1));
				row.createCell(8).setCellValue(w.contractorOn() == null ? "" : VnFormat.date(w.contractorOn()));
				row.createCell(9).setCellValue(w.completedOn() == null ? "" : VnFormat.date(w.completedOn()));
				row.createCell(10).setCellValue(w.settledOn() == null ? "" : VnFormat.date(w.settledOn()));
				row.createCell(11).setCellValue(String.join("\n", w.alerts().stream().map(a -> alert(m, a)).toList()));
			}
		});
	}

	static void ranking(FundingViews.Ranking ranking, MessageSource m, OutputStream out) {
		write(out, (book) -> {
			SXSSFSheet sheet = book.createSheet(t(m, "funding.xlsx.ranking"));
			int r = 0;
			sheet.createRow(r++)
				.createCell(0)
				.setCellValue(t(m, "funding.ranking.title", ranking.provinceName(), String.valueOf(ranking.year())));
			sheet.createRow(r++).createCell(0).setCellValue(t(m, "funding.amountsIn", MoneyUnit.TRIEU.label()));
			header(sheet.createRow(r++), t(m, "funding.col.rank"), t(m, "funding.col.unit"),
					t(m, "funding.col.allocated"), t(m, "funding.col.disbursed"), t(m, "funding.col.rate"),
					t(m, "funding.col.works"), t(m, "funding.col.alerts"), t(m, "funding.col.illustrationAllocated"),
					t(m, "funding.col.illustrationDisbursed"));
			for (FundingViews.RankingRow x : ranking.rows()) {
				Row row = sheet.createRow(r++);
				if (x.rank() > 0) {
					row.createCell(0).setCellValue(x.rank());
				}
				else {
					row.createCell(0).setCellValue("—");
				}
				if (x.hasIllustrations()) {
					number(row, 7, x.illustrativeAllocated(), MoneyUnit.TRIEU);
					number(row, 8, x.illustrativeDisbursed(), MoneyUnit.TRIEU);
				}
				row.createCell(1).setCellValue(x.unitName());
				number(row, 2, x.allocated(), MoneyUnit.TRIEU);
				number(row, 3, x.disbursed(), MoneyUnit.TRIEU);
				row.createCell(4).setCellValue(x.rate().format(1));
				row.createCell(5).setCellValue(x.works());
				row.createCell(6).setCellValue(x.alerts());
			}
		});
	}

	static String alert(MessageSource m, FundingAlert a) {
		return m.getMessage(a.messageKey(), a.args().toArray(), VI);
	}

	private static void number(Row row, int column, Money amount, MoneyUnit mu) {
		row.createCell(column).setCellValue(amount.in(mu).doubleValue());
	}

	private static void header(Row row, String... titles) {
		for (int i = 0; i < titles.length; i++) {
			row.createCell(i).setCellValue(titles[i]);
		}
	}

	private static String t(MessageSource m, String key, Object... args) {
		return m.getMessage(key, args, VI);
	}

	interface Writer {

		void write(SXSSFWorkbook book);

	}

	private static void write(OutputStream out, Writer writer) {
		try (SXSSFWorkbook book = new SXSSFWorkbook(null, 200, true, true)) {
			writer.write(book);
			book.write(out);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
