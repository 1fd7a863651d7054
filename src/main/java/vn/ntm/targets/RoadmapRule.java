package vn.ntm.targets;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import vn.ntm.shared.VnFormat;

/**
 * The status of a roadmap target at a date, with its reason in words. Pure: it reads only
 * the facts given.
 * <ol>
 * <li><b>Achieved</b> — the unit holds the title at the date.</li>
 * <li><b>Off track</b> — the target year is over (the date is after 31/12 of the year);
 * or the dossier's deadline has passed and no dossier was submitted.</li>
 * <li><b>On track</b> — a dossier has been approved (the decision is awaited); or the
 * latest result meets every criterion of the title's set.</li>
 * <li><b>At risk</b> — no result yet; a dossier was returned; in the target year, any
 * criterion not met; before it, fewer criteria met than the plan's count for the current
 * year (when a plan sets one).</li>
 * <li>Otherwise (before the target year, no count set or the count reached) <b>on
 * track</b>.</li>
 * </ol>
 * The deadline is the dossier's current step's due day when a dossier gives one, else the
 * day the plan sets ({@link RoadmapTarget#dossierDue()}); without either the reason says
 * "chưa có hạn nộp". The dossier's state is said only when it is known
 * ({@link Dossier#known()}).
 */
public final class RoadmapRule {

	/** The states of a dossier that count as submitted. */
	static final Set<String> SUBMITTED = Set.of("SUBMITTED", "IN_REVIEW", "APPROVED");

	private RoadmapRule() {
	}

	/**
	 * The unit's latest result against a set of the title: criteria met of all, and the
	 * numbers of those not met.
	 */
	public record Result(int year, int met, int total, List<String> failing) {

		public Result {
			failing = List.copyOf(failing);
		}

	}

	/**
	 * What is known of the unit's dossier for the title and year: {@code known} is false
	 * when no dossier information is at hand (nothing is said of it then); {@code state}
	 * null when there is no dossier.
	 */
	public record Dossier(boolean known, @Nullable String state, @Nullable String stepName, @Nullable LocalDate stepDue,
			@Nullable LocalDate submittedOn) {

		public static Dossier unknown() {
			return new Dossier(false, null, null, null, null);
		}

		public static Dossier none() {
			return new Dossier(true, null, null, null, null);
		}

		boolean submitted() {
			return state != null && SUBMITTED.contains(state);
		}

	}

	/** Everything the rule reads for one target. */
	public record Facts(String unitName, String titleCode, String titleName, int year, @Nullable LocalDate planDue,
			boolean held, @Nullable Result result, @Nullable Integer countTarget, Dossier dossier) {
	}

	public record Outcome(RoadmapStatus status, String reason) {
	}

	public static Outcome evaluate(Facts facts, LocalDate at) {
		String head = facts.unitName() + ": mục tiêu " + shortName(facts.titleCode(), facts.titleName()) + " "
				+ facts.year();
		List<String> parts = new ArrayList<>();
		if (facts.held()) {
			parts.add("đã đạt tại ngày " + VnFormat.date(at));
			return outcome(RoadmapStatus.ACHIEVED, head, parts);
		}
		Result result = facts.result();
		if (result == null) {
			parts.add("chưa có kết quả đánh giá");
		}
		else {
			int missing = result.total() - result.met();
			String met = "hiện đạt " + result.met() + "/" + result.total();
			if (missing > 0) {
				met += result.failing().isEmpty() ? ", thiếu " + missing + " tiêu chí"
						: ", thiếu " + String.join(", ", result.failing());
			}
			if (result.year() < at.getYear()) {
				met += " (kết quả năm " + result.year() + ")";
			}
			parts.add(met);
		}
		Dossier dossier = facts.dossier();
		if (dossier.known()) {
			parts.add(dossierText(dossier));
		}
		LocalDate due = dossier.stepDue() != null ? dossier.stepDue() : facts.planDue();
		boolean submitted = dossier.submitted();
		if (!submitted) {
			parts.add(deadlineText(due, at));
		}
		LocalDate yearEnd = LocalDate.of(facts.year(), 12, 31);
		if (at.isAfter(yearEnd)) {
			parts.add("đã hết năm " + facts.year() + " mà chưa được công nhận");
			return outcome(RoadmapStatus.OFF_TRACK, head, parts);
		}
		if (due != null && at.isAfter(due) && !submitted) {
			return outcome(RoadmapStatus.OFF_TRACK, head, parts);
		}
		if ("APPROVED".equals(dossier.state())) {
			return outcome(RoadmapStatus.ON_TRACK, head, parts);
		}
		if (result == null || "RETURNED".equals(dossier.state())) {
			return outcome(RoadmapStatus.AT_RISK, head, parts);
		}
		if (result.met() >= result.total()) {
			return outcome(RoadmapStatus.ON_TRACK, head, parts);
		}
		if (at.getYear() >= facts.year()) {
			return outcome(RoadmapStatus.AT_RISK, head, parts);
		}
		Integer count = facts.countTarget();
		if (count != null && result.met() < count) {
			parts.add("kế hoạch năm " + at.getYear() + " đạt " + count + " tiêu chí");
			return outcome(RoadmapStatus.AT_RISK, head, parts);
		}
		return outcome(RoadmapStatus.ON_TRACK, head, parts);
	}

	private static Outcome outcome(RoadmapStatus status, String head, List<String> parts) {
		return new Outcome(status, head + ", " + String.join("; ", parts));
	}

	private static String dossierText(Dossier dossier) {
		if (dossier.state() == null) {
			return "hồ sơ chưa lập";
		}
		return switch (dossier.state()) {
			case "DRAFT" -> "hồ sơ chưa nộp";
			case "SUBMITTED", "IN_REVIEW" ->
				"hồ sơ đã nộp" + (dossier.submittedOn() == null ? "" : " ngày " + VnFormat.date(dossier.submittedOn()))
						+ (dossier.stepName() == null ? "" : ", đang ở bước " + dossier.stepName());
			case "RETURNED" -> "hồ sơ bị trả lại";
			case "APPROVED" -> "hồ sơ đã được duyệt, chờ quyết định công nhận";
			case "WITHDRAWN" -> "hồ sơ đã rút";
			default -> "hồ sơ: " + dossier.state();
		};
	}

	private static String deadlineText(@Nullable LocalDate due, LocalDate at) {
		if (due == null) {
			return "chưa có hạn nộp hồ sơ";
		}
		long days = ChronoUnit.DAYS.between(at, due);
		if (days > 0) {
			return "hạn nộp " + VnFormat.date(due) + ", còn " + days + " ngày";
		}
		if (days == 0) {
			return "hạn nộp " + VnFormat.date(due) + ", hết hạn hôm nay";
		}
		return "hạn nộp " + VnFormat.date(due) + ", đã quá " + (-days) + " ngày";
	}

	/** "NTM", "NTM nâng cao", "NTM kiểu mẫu", "huyện NTM"…; else the title's name. */
	public static String shortName(String code, String name) {
		return switch (code) {
			case "XA_NTM" -> "NTM";
			case "XA_NTM_NANG_CAO" -> "NTM nâng cao";
			case "XA_NTM_KIEU_MAU" -> "NTM kiểu mẫu";
			case "XA_NTM_HIEN_DAI" -> "NTM hiện đại";
			case "HUYEN_NTM" -> "huyện NTM";
			case "HUYEN_NTM_NANG_CAO" -> "huyện NTM nâng cao";
			case "THI_XA_TP_HTNV" -> "hoàn thành nhiệm vụ xây dựng NTM";
			case "THON_NTM_KIEU_MAU" -> "thôn NTM kiểu mẫu";
			default -> name;
		};
	}

}
