package vn.ntm.targets.web;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import vn.ntm.criteria.CriteriaCatalog;
import vn.ntm.criteria.TitleView;
import vn.ntm.shared.VnFormat;
import vn.ntm.targets.GoalMeasure;
import vn.ntm.targets.GoalProgress;
import vn.ntm.targets.GoalReason;

/**
 * Goals in words for the page, the export and the API ({@code @goalText} in templates):
 * reasons and flags, the target as written, the status.
 */
@Component("goalText")
public class GoalText {

	private final MessageSource messages;

	private final CriteriaCatalog catalog;

	GoalText(MessageSource messages, CriteriaCatalog catalog) {
		this.messages = messages;
		this.catalog = catalog;
	}

	public String text(GoalReason reason, Locale locale) {
		return messages.getMessage(reason.key(), reason.args().toArray(), reason.key(), locale);
	}

	public List<String> texts(List<GoalReason> reasons, Locale locale) {
		return reasons.stream().map(r -> text(r, locale)).toList();
	}

	public String status(GoalProgress p, Locale locale) {
		return messages.getMessage(p.status().messageKey(), null, locale);
	}

	/** The target as a figure: "154 xã", "80 %", "400 sản phẩm", "0". */
	public String target(GoalProgress p) {
		GoalMeasure m = p.goal().measure();
		if (m instanceof GoalMeasure.TitleHolders t) {
			StringBuilder text = new StringBuilder(VnFormat.number(p.target()));
			if (t.share() != null) {
				text.append(" (").append(VnFormat.number(t.share())).append("%)");
			}
			return text.toString();
		}
		if (m instanceof GoalMeasure.RegistryTotal r) {
			return VnFormat.number(p.target()) + " " + r.measure();
		}
		return VnFormat.number(p.target());
	}

	public String value(GoalProgress p) {
		String text = VnFormat.number(p.value());
		if (p.goal().measure() instanceof GoalMeasure.TitleHolders && p.valueShare() != null) {
			text += " (" + VnFormat.fixed(p.valueShare(), 2) + "%)";
		}
		if (p.goal().measure() instanceof GoalMeasure.RegistryTotal r) {
			text += " " + r.measure();
		}
		return text;
	}

	public String number(java.math.BigDecimal value) {
		return VnFormat.number(value);
	}

	public String title(String codes) {
		List<TitleView> titles = catalog.titles();
		return java.util.Arrays.stream(codes.split(","))
			.map(String::strip)
			.map(code -> titles.stream()
				.filter(t -> t.code().equals(code))
				.map(TitleView::name)
				.findFirst()
				.orElse(code))
			.reduce((a, b) -> a + " / " + b)
			.orElse(codes);
	}

	public String statusClass(GoalProgress p) {
		return switch (p.status()) {
			case ACHIEVED -> "success";
			case ON_TRACK -> "primary";
			case AT_RISK -> "warning";
			case OFF_TRACK -> "danger";
		};
	}

}
