package vn.ntm.criteria.engine;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Whether an indicator measures something bad, read from its name: a rate of stunted
 * children ("tỷ lệ … bị suy dinh dưỡng"), of poor households, accidents, temporary
 * houses… Such a figure must stay at most its bar (≤), and a yes/no about it is met by
 * "Không". The catalog flags requirements that contradict this for an administrator to
 * confirm, and the engine uses it only for a yes/no indicator the documents give no bar
 * for (saying so in the reason). Names that speak of reducing or escaping the bad thing
 * ("thoát nghèo", "giảm", "xử lý") are not adverse.
 */
public final class Polarity {

	private static final List<String> ADVERSE = List.of("suy dinh dưỡng", "thấp còi", "hộ nghèo", "hộ cận nghèo",
			"nghèo đa chiều", "tỷ lệ nghèo", "tỉ lệ nghèo", "tai nạn", "nhà tạm", "dột nát", "ô nhiễm", "tội phạm",
			"tệ nạn", "bạo lực", "ma túy", "ma tuý", "tảo hôn", "cận huyết", "bỏ học", "thất nghiệp", "tử vong",
			"ngộ độc", "cháy nổ", "cháy, nổ", "vi phạm", "khiếu kiện");

	private static final List<String> FAVOURABLE = List.of("thoát nghèo", "giảm", "xử lý", "khắc phục", "phòng chống",
			"phòng, chống", "không có", "không để", "không xảy ra", "thu gom", "được hỗ trợ", "xóa", "xoá");

	/** "Tỷ lệ trẻ em … bị …": a share of people or things suffering something. */
	private static final Pattern SHARE_SUFFERING = Pattern.compile("t[ỷỉ] lệ\\b.*\\sbị\\s");

	/**
	 * Names already read: the engine asks for every yes/no indicator of every unit it
	 * evaluates (a province matrix: thousands of times per page), and the reading
	 * (normalising, lower-casing, a dozen searches) showed in the load test's profile.
	 * Indicator names are a few thousand at most; the map is emptied if it ever grows
	 * past that.
	 */
	private static final Map<String, Boolean> READ = new ConcurrentHashMap<>();

	private static final int READ_LIMIT = 20_000;

	private Polarity() {
	}

	/** Whether the name reads as a figure of something bad (to be kept at most a bar). */
	public static boolean adverse(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return false;
		}
		Boolean known = READ.get(name);
		if (known != null) {
			return known;
		}
		if (READ.size() > READ_LIMIT) {
			READ.clear();
		}
		boolean adverse = read(name);
		READ.put(name, adverse);
		return adverse;
	}

	private static boolean read(String name) {
		String text = Normalizer.normalize(name, Normalizer.Form.NFC)
			.toLowerCase(Locale.forLanguageTag("vi"))
			.replaceAll("\\s+", " ");
		if (FAVOURABLE.stream().anyMatch(text::contains)) {
			return false;
		}
		return ADVERSE.stream().anyMatch(text::contains) || SHARE_SUFFERING.matcher(text).find();
	}

	/**
	 * Whether a requirement contradicts the indicator's polarity: an adverse figure with
	 * a minimum (≥, >), or an adverse yes/no expected to be "Có".
	 */
	public static boolean contradicts(@Nullable String name, Requirement requirement) {
		if (!adverse(name)) {
			return false;
		}
		if (requirement instanceof Requirement.Compare compare) {
			return compare.op() == Op.GE || compare.op() == Op.GT;
		}
		return requirement instanceof Requirement.Expect expect && expect.value();
	}

}
