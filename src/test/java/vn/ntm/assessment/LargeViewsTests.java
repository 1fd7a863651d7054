package vn.ntm.assessment;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.ntm.orgunit.UnitManagement;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The views of a large unit (issue 10): the country's matrix, progress and "within" were
 * the whole table (44 MB of HTML for the matrix); they now start from one row per
 * province with its counts, each leading to the province's own page, and stay under 2 MB;
 * the full table is the .xlsx. The counts are those of the province's detailed table, for
 * a year before the reform and for 2025.
 */
@IntegrationTest
class LargeViewsTests {

	static final int TWO_MB = 2 * 1024 * 1024;

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	UnitManagement units;

	long country;

	long quangNam;

	long ntm;

	@BeforeEach
	void setUp() {
		country = SystemTask.call(() -> units.countryId());
		quangNam = data.unit("49", TestData.BEFORE_REFORM).id();
		ntm = data.setId("QD318_XA_NTM");
	}

	private MvcResult get200(String path, long unit, String username, String... params) throws Exception {
		MockHttpServletRequestBuilder request = get(path, unit).param("set", String.valueOf(ntm)).param("year", "2023");
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request.with(user(username))).andExpect(status().isOk()).andReturn();
	}

	private static String html(MvcResult result) throws Exception {
		return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
	}

	@Test
	void shouldStartTheCountryFromItsProvincesUnderTwoMegabytes() throws Exception {
		String matrix = null;
		for (String path : List.of("/units/{id}/evaluations/matrix", "/units/{id}/assessments/progress",
				"/units/{id}/evaluations/within")) {
			MvcResult result = get200(path, country, "admin");
			byte[] body = result.getResponse().getContentAsByteArray();
			assertThat(body.length).as(path + " in bytes").isLessThan(TWO_MB);
			String html = html(result);
			assertThat(html).as(path)
				.contains("id=\"aggregate\"", "id=\"aggregate-totals\"", "Tỉnh Quảng Nam", "Thành phố Hà Nội");
			// one row per province of 2023 (63), each a link to the same page for it
			assertThat(count(html, "class=\"group\"")).as(path).isBetween(63, 70);
			String drill = path.replace("{id}", String.valueOf(quangNam));
			assertThat(html).as(path)
				.containsPattern("href=\"" + Pattern.quote(drill) + "\\?set=" + ntm + "&amp;year=2023[^\"]*\"");
			// the whole country's count, written the Vietnamese way (8.248 xã and more)
			assertThat(html).as(path)
				.containsPattern(
						"id=\"aggregate-totals\">\\s*<th[^>]*>[^<]*</th>\\s*<td class=\"num units\">\\d\\.\\d{3}</td>");
			if (path.endsWith("matrix")) {
				matrix = html;
			}
		}
		// the matrix sums up each criterion, the bands of the reports and the titles
		assertThat(matrix)
			.contains("id=\"matrix-aggregate\"", "Số đơn vị đạt từng tiêu chí", "Dưới 5", "15–18",
					"Bình quân số tiêu chí đạt", "matrix.xlsx?set=", "id=\"view-units\"")
			.doesNotContain("id=\"matrix\"");
	}

	@Test
	void shouldLeadFromTheCountryToTheProvinceAndItsCommunes() throws Exception {
		String country = html(get200("/units/{id}/evaluations/matrix", this.country, "admin"));
		Matcher link = Pattern.compile("data-unit=\"" + quangNam + "\"[\\s\\S]*?href=\"([^\"]+)\"").matcher(country);
		assertThat(link.find()).isTrue();
		String href = link.group(1).replace("&amp;", "&");
		assertThat(href).startsWith("/units/" + quangNam + "/evaluations/matrix?");
		MvcResult province = mvc.perform(get(href).with(user("admin"))).andExpect(status().isOk()).andReturn();
		assertThat(province.getResponse().getContentAsByteArray().length).isLessThan(TWO_MB);
		assertThat(html(province)).contains("id=\"matrix\"", "Xã Tam Thanh").doesNotContain("id=\"matrix-aggregate\"");
		// the page shows the same figures as the province's own table
		String row = country.substring(country.indexOf("data-unit=\"" + quangNam + "\""));
		row = row.substring(0, row.indexOf("</tr>"));
		String provincePage = html(province);
		Matcher units = Pattern.compile("class=\"num units\">([\\d.]+)<").matcher(row);
		assertThat(units.find()).isTrue();
		assertThat(provincePage).contains("id=\"matrix-counts\">" + units.group(1) + " đơn vị.");
		for (String criterion : List.of("1", "17", "19")) {
			Matcher inRow = Pattern
				.compile("data-criterion=\"" + criterion + "\"[^>]*><span class=\"count\">([\\d.]+)<")
				.matcher(row);
			assertThat(inRow.find()).isTrue();
			String totals = provincePage.substring(provincePage.indexOf("id=\"matrix-totals\""));
			assertThat(totals).containsPattern(
					"data-criterion=\"" + criterion + "\"[^>]*>" + Pattern.quote(inRow.group(1)) + "</td>");
		}
	}

	@Test
	void shouldKeepTheAccessRulesOfTheProvince() throws Exception {
		UserView quangNamOffice = data.user(Role.PROVINCE_OFFICE, TestData.BEFORE_REFORM, "49");
		long hanoi = data.unit("01", TestData.BEFORE_REFORM).id();
		for (String path : List.of("/units/{id}/evaluations/matrix", "/units/{id}/assessments/progress",
				"/units/{id}/evaluations/within", "/api/v1/units/{id}/evaluations/matrix")) {
			for (long refused : new long[] { country, hanoi }) {
				mvc.perform(get(path, refused).param("set", String.valueOf(ntm))
					.param("year", "2023")
					.param("view", "groups")
					.with(user(quangNamOffice.username()))).andExpect(status().isForbidden());
			}
		}
		// its own province, in detail; asked as an aggregate, by its districts
		String own = html(get200("/units/{id}/evaluations/matrix", quangNam, quangNamOffice.username()));
		assertThat(own).contains("id=\"matrix\"", "Xã Tam Thanh");
		String byDistrict = html(
				get200("/units/{id}/evaluations/matrix", quangNam, quangNamOffice.username(), "view", "groups"));
		assertThat(byDistrict).contains("id=\"matrix-aggregate\"", "Thành phố Tam Kỳ");
		assertThat(count(byDistrict, "class=\"group\"")).isBetween(15, 20);
	}

	@Test
	void shouldCountWhatTheProvincesTableShows() throws Exception {
		// 2025: each commune of the year counted once, in the province it lay in on its
		// last day — Quảng Nam's that ended on 30/06/2025 under Quảng Nam, the new ones
		// under the new provinces
		String reform = api(country, 2025, "view", "groups");
		List<Map<String, Object>> provinces = JsonPath.read(reform, "$.groups");
		assertThat(provinces.stream().mapToInt(g -> (Integer) g.get("units")).sum())
			.isEqualTo((Integer) JsonPath.read(reform, "$.total.units"))
			.isEqualTo((Integer) JsonPath.read(reform, "$.rowCount"));
		assertThat(provinces).extracting(g -> ((Number) g.get("unitId")).longValue())
			.contains(quangNam, data.unit("48", TestData.AFTER_REFORM).id());
		for (int year : new int[] { 2023 }) {
			String groups = api(country, year, "view", "groups");
			List<Map<String, Object>> rows = JsonPath.read(groups, "$.groups");
			int sum = rows.stream().mapToInt(g -> (Integer) g.get("units")).sum();
			assertThat(sum).as("year " + year)
				.isEqualTo((Integer) JsonPath.read(groups, "$.total.units"))
				.isEqualTo((Integer) JsonPath.read(groups, "$.rowCount"));
			Map<String, Object> province = rows.stream()
				.filter(g -> ((Number) g.get("unitId")).longValue() == quangNam)
				.findFirst()
				.orElseThrow();
			String detail = api(quangNam, year, "size", "2000");
			List<Map<String, Object>> lines = JsonPath.read(detail, "$.rows");
			assertThat(province.get("units")).as("year " + year).isEqualTo(JsonPath.read(detail, "$.rowCount"));
			assertThat(province.get("units")).isEqualTo(lines.size());
			assertThat(province.get("met")).isEqualTo(JsonPath.read(detail, "$.totals"));
			assertThat(province.get("entered"))
				.isEqualTo((int) lines.stream().filter(l -> l.get("assessmentId") != null).count());
			assertThat(province.get("qualifying"))
				.isEqualTo((int) lines.stream().filter(l -> "QUALIFIES".equals(l.get("title"))).count());
			assertThat(province.get("held"))
				.isEqualTo((int) lines.stream().filter(l -> Boolean.TRUE.equals(l.get("holdsTitle"))).count());
			List<Integer> all = JsonPath.read(detail, "$.rows[?(@.met == 19)].met");
			List<Integer> allMet = JsonPath.read(groups, "$.groups[?(@.unitId == " + quangNam + ")].bands[0].count");
			assertThat(allMet).containsExactly(all.size());
		}
	}

	@Test
	void shouldPageTheCountrysListAndItsApi() throws Exception {
		MvcResult second = get200("/units/{id}/evaluations/matrix", country, "admin", "view", "units", "page", "2");
		assertThat(second.getResponse().getContentAsByteArray().length).isLessThan(TWO_MB);
		String html = html(second);
		assertThat(count(html, "<tr data-unit=")).isEqualTo(250);
		assertThat(html).contains("Đơn vị 251–500 trên")
			.containsPattern("href=\"[^\"]*set=" + ntm + "[^\"]*view=units[^\"]*page=3\"");
		String api = api(country, 2023);
		assertThat(api.getBytes(StandardCharsets.UTF_8).length).isLessThan(TWO_MB);
		assertThat((Integer) JsonPath.read(api, "$.rowCount")).isGreaterThan(8000);
		assertThat((List<?>) JsonPath.read(api, "$.rows")).hasSize(500);
		assertThat((Integer) JsonPath.read(api, "$.pages"))
			.isEqualTo(((Integer) JsonPath.read(api, "$.rowCount") + 499) / 500);
		mvc.perform(get("/api/v1/units/{id}/evaluations/matrix", country).param("set", String.valueOf(ntm))
			.param("year", "2023")
			.param("size", "100000")
			.with(user("admin"))).andExpect(status().isUnprocessableContent());
		// the list of units and the progress page the same way
		for (String[] path : new String[][] { { "/api/v1/units/{id}/evaluations/within", "$.units" },
				{ "/api/v1/units/{id}/assessments/progress", "$.rows" } }) {
			byte[] json = mvc.perform(
					get(path[0], country).param("set", String.valueOf(ntm)).param("year", "2023").with(user("admin")))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			assertThat(json.length).as(path[0]).isLessThan(TWO_MB);
			String text = new String(json, StandardCharsets.UTF_8);
			assertThat((List<?>) JsonPath.read(text, path[1])).as(path[0]).hasSize(500);
			assertThat((Integer) JsonPath.read(text, "$.pages")).as(path[0]).isGreaterThan(16);
		}
	}

	private String api(long unit, int year, String... params) throws Exception {
		MockHttpServletRequestBuilder request = get("/api/v1/units/{id}/evaluations/matrix", unit)
			.param("set", String.valueOf(ntm))
			.param("year", String.valueOf(year));
		for (int i = 0; i + 1 < params.length; i += 2) {
			request.param(params[i], params[i + 1]);
		}
		return mvc.perform(request.with(user("admin")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

	private static int count(String text, String part) {
		int count = 0;
		for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
			count++;
		}
		return count;
	}

}
