package vn.ntm.assessment.web;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;
import vn.ntm.criteria.engine.Status;

/**
 * The criterion cells of the matrix page, written as HTML once per criterion and status
 * and put together per row. A province's matrix has 203 rows × 19 criteria: the template
 * evaluated eight expressions and four message lookups per cell, most of the page's time
 * (issue 10); there are only 19 × 8 different cells. The markup is the template's: the
 * badge with its colour and tooltip ("Tiêu chí 16: Không đạt"), the mark (✓ ✗ ! ?) with
 * the status in words for screen readers, and "*" where an appraisal changed the unit's
 * own result.
 */
final class MatrixCells {

	private final List<EvaluationMatrix.Column> columns;

	private final EvaluationDisplay display;

	private final MessageSource messages;

	private final Locale locale;

	private final Map<String, String> cells = new HashMap<>();

	private final Map<Status, String> appraisedMarks = new EnumMap<>(Status.class);

	private final Map<Status, String> statusTexts = new EnumMap<>(Status.class);

	MatrixCells(List<EvaluationMatrix.Column> columns, EvaluationDisplay display, MessageSource messages,
			Locale locale) {
		this.columns = columns;
		this.display = display;
		this.messages = messages;
		this.locale = locale;
	}

	/**
	 * The row's criterion cells ({@code
	 *
	<td>} each), in the order of the columns.
	 */
	public String row(EvaluationMatrix.Line line) {
		StringBuilder html = new StringBuilder(columns.size() * 200);
		for (EvaluationMatrix.Column column : columns) {
			String number = column.number();
			Status status = line.cell(number);
			html.append("<td class=\"text-center\">")
				.append(cells.computeIfAbsent(number + "\u0000" + status.name(), k -> badge(number, status)));
			Status self = line.self(number);
			if (line.appraised(number)) {
				html.append(self == null ? appraised(null) : appraisedMarks.computeIfAbsent(self, this::appraised));
			}
			html.append("</td>");
		}
		return html.toString();
	}

	private String badge(String number, Status status) {
		String text = text(status);
		return "<span class=\"badge matrix-mark " + escape(display.badge(status)) + "\" title=\""
				+ escape(messages.getMessage("matrix.cell", new Object[] { number, text }, locale))
				+ "\"><span aria-hidden=\"true\">" + escape(display.mark(status))
				+ "</span><span class=\"visually-hidden\">" + escape(text) + "</span></span>";
	}

	private String appraised(@org.jspecify.annotations.Nullable Status self) {
		String text = self == null ? "" : text(self);
		return "<sup class=\"appraised-mark\" title=\""
				+ escape(messages.getMessage("matrix.appraised", new Object[] { text }, locale)) + "\">*</sup>";
	}

	private String text(Status status) {
		return statusTexts.computeIfAbsent(status, s -> messages.getMessage("engine.status." + s.name(), null,
				"??engine.status." + s.name() + "??", locale));
	}

	private static String escape(String text) {
		return HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
