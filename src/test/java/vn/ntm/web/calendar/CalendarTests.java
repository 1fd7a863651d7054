package vn.ntm.web.calendar;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.funding.FundingAlert;
import vn.ntm.funding.FundingAlerts;
import vn.ntm.planning.PlanForm;
import vn.ntm.planning.Planning;
import vn.ntm.planning.TaskForm;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserView;
import vn.ntm.shared.VnFormat;
import vn.ntm.support.ICalendarFeeds;
import vn.ntm.support.ICalendarFeeds.Event;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The deadline calendar: entries of two sources (planning tasks, funding rules) of the
 * user's units only, overdue and due soon marked, filtered by kind, exported to .xlsx;
 * and the per-user iCalendar feed, read with a secret token as its owner (parsed back and
 * validated with ical4j), refused (404) for an unknown or replaced token.
 */
@IntegrationTest
class CalendarTests {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

	@Autowired
	MockMvc mvc;

	@Autowired
	TestData data;

	@Autowired
	Planning planning;

	@Autowired
	FundingAlerts fundingAlerts;

	@Autowired
	JdbcClient jdbc;

	/** A plan of Tam Kỳ (502) with one task due on the day, led by the user. */
	private long task(UserView lead, String title, String deadline) {
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		int year = VnFormat.today().getYear();
		return SystemTask.callAs(lead.username(), () -> {
			long plan = planning.createPlan(new PlanForm(tamKy, null, null, "UBND thành phố Tam Kỳ", year - 1, year + 1,
					TestData.unique("Kế hoạch lịch hạn "), null, null, null, null));
			return planning.addTask(plan, new TaskForm(null, null, title, null, false, null, null, List.of(),
					"Phòng Kinh tế", null, null, lead.id(), null, deadline, null, null, null, null, null));
		});
	}

	private String page(UserView user, YearMonth month, String... kind) throws Exception {
		var request = get("/calendar").param("month", MONTH.format(month)).with(user(user.username()));
		if (kind.length > 0) {
			request.param("kind", kind[0]);
		}
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	@Test
	void shouldShowTheDeadlinesOfTheUsersUnitsFromEverySourceMarkedAndExported() throws Exception {
		LocalDate today = VnFormat.today();
		UserView tamKy = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		UserView hoiAn = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "503");
		String lateTitle = TestData.unique("Hoàn thiện hồ sơ đường giao thông ");
		String soonTitle = TestData.unique("Báo cáo tiến độ tiêu chí 17 ");
		long late = task(tamKy, lateTitle, VnFormat.date(today.minusDays(2)));
		long soon = task(tamKy, soonTitle, VnFormat.date(today.plusDays(3)));

		String lateMonth = page(tamKy, YearMonth.from(today.minusDays(2)));
		assertThat(lateMonth).contains(lateTitle, "href=\"/tasks/" + late + "\"", "Nhiệm vụ kế hoạch",
				"data-uid=\"task-" + late + "@ntm-monitor\" data-state=\"OVERDUE\"", "Quá hạn", "trễ 2 ngày",
				VnFormat.date(today.minusDays(2)));
		String soonMonth = page(tamKy, YearMonth.from(today.plusDays(3)));
		assertThat(soonMonth).contains(soonTitle, "data-uid=\"task-" + soon + "@ntm-monitor\" data-state=\"DUE_SOON\"",
				"Sắp đến hạn", "còn 3 ngày");

		// funding: the money rules of Tam Kỳ's works (its demo data), on the day each is
		// dated
		List<FundingAlert> alerts = SystemTask.callAs(tamKy.username(), () -> fundingAlerts.forCurrentUser(today, 500));
		assertThat(alerts).isNotEmpty();
		FundingAlert alert = alerts.get(0);
		YearMonth alertMonth = YearMonth.from(alert.date());
		String fundingMonth = page(tamKy, alertMonth);
		assertThat(fundingMonth).contains("Quy định về vốn", "href=\"" + alert.link() + "\"",
				"data-uid=\"funding-" + alert.rule().name().toLowerCase() + "-" + alert.unitId());
		// filtered by kind: only the tasks
		String onlyTasks = page(tamKy, alertMonth, "calendar.kind.task");
		assertThat(onlyTasks).doesNotContain("data-uid=\"funding-");

		// Hội An sees none of Tam Kỳ's deadlines
		assertThat(page(hoiAn, YearMonth.from(today.minusDays(2)))).doesNotContain(lateTitle);
		assertThat(page(hoiAn, alertMonth))
			.doesNotContain("data-uid=\"funding-" + alert.rule().name().toLowerCase() + "-" + alert.unitId() + "-");

		// the export of the month, read back
		byte[] xlsx = mvc
			.perform(get("/calendar.xlsx").param("month", MONTH.format(YearMonth.from(today.minusDays(2))))
				.with(user(tamKy.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet sheet = workbook.getSheet("Lịch hạn");
			DataFormatter text = new DataFormatter();
			assertThat(text.formatCellValue(sheet.getRow(0).getCell(0)))
				.isEqualTo("Lịch hạn tháng " + MONTH.format(YearMonth.from(today.minusDays(2))));
			assertThat(text.formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo("Hạn");
			List<List<String>> rows = new ArrayList<>();
			for (int r = 2; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				for (int c = 0; c < 6; c++) {
					cells.add(text.formatCellValue(row.getCell(c)));
				}
				rows.add(cells);
			}
			assertThat(rows).anySatisfy(cells -> assertThat(cells).containsExactly(VnFormat.date(today.minusDays(2)),
					"Nhiệm vụ kế hoạch", lateTitle, cells.get(3), "Quá hạn", "/tasks/" + late));
		}

		// a month that cannot be read is refused naming the field
		mvc.perform(get("/calendar").param("month", "13/2026").with(user(tamKy.username())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Tháng: &quot;13/2026&quot; không đọc được")));
	}

	@Test
	void shouldServeEachUsersFeedWithItsOwnTokenAndStopTheOldTokenWhenRegenerated() throws Exception {
		LocalDate today = VnFormat.today();
		UserView tamKy = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "502");
		UserView hoiAn = data.user(Role.DISTRICT_OFFICE, TestData.BEFORE_REFORM, "503");
		String title = TestData.unique("Nghiệm thu, bàn giao công trình; đợt 1, năm nay ");
		long task = task(tamKy, title, VnFormat.date(today.plusDays(10)));
		String monthly = TestData.unique("Báo cáo định kỳ ");
		long recurring = task(tamKy, monthly, "hằng tháng");

		mvc.perform(get("/calendar").with(user(tamKy.username())))
			.andExpect(content().string(allOf(containsString("Tạo đường dẫn lịch"), not(containsString("feed-url")))));
		String tamKyToken = regenerate(tamKy);
		String hoiAnToken = regenerate(hoiAn);
		mvc.perform(get("/calendar").with(user(tamKy.username())))
			.andExpect(content()
				.string(allOf(containsString("Bạn đã tạo đường dẫn lịch lúc"), not(containsString(tamKyToken)))));

		// read without any session, as the token's owner
		Calendar tamKyFeed = ICalendarFeeds.parse(feed(tamKyToken));
		assertThat(ICalendarFeeds.name(tamKyFeed)).isEqualTo("NTM Monitor — Lịch hạn");
		assertThat(tamKyFeed.getProperty(Property.METHOD)).map(Property::getValue).contains("PUBLISH");
		List<Event> events = ICalendarFeeds.events(tamKyFeed);
		assertThat(events).anySatisfy(e -> {
			assertThat(e.uid()).isEqualTo("task-" + task + "@ntm-monitor");
			assertThat(e.summary()).isEqualTo(title);
			assertThat(e.start()).isEqualTo(today.plusDays(10));
			assertThat(e.end()).isEqualTo(today.plusDays(11));
			assertThat(e.categories()).containsExactly("Nhiệm vụ kế hoạch");
			assertThat(e.url()).isEqualTo("http://localhost/tasks/" + task);
			assertThat(e.description()).startsWith("Nhiệm vụ kế hoạch — Còn hạn\n");
		});
		// a monthly task: one event per month, on the month's last day
		LocalDate endOfMonth = YearMonth.from(today).atEndOfMonth();
		assertThat(events).anySatisfy(e -> {
			assertThat(e.uid()).isEqualTo(
					"task-" + recurring + "-" + endOfMonth.format(DateTimeFormatter.BASIC_ISO_DATE) + "@ntm-monitor");
			assertThat(e.summary()).isEqualTo(monthly);
			assertThat(e.start()).isEqualTo(endOfMonth);
		});
		assertThat(events).filteredOn(e -> monthly.equals(e.summary())).hasSizeGreaterThanOrEqualTo(12);
		// and the money rules of Tam Kỳ
		assertThat(events).anySatisfy(e -> assertThat(e.uid()).startsWith("funding-"));

		// another user's token grants only that user's units; a session does not change
		// whose feed it is
		String hoiAnFeed = mvc.perform(get("/calendar.ics").param("token", hoiAnToken).with(user(tamKy.username())))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(ICalendarFeeds.events(hoiAnFeed))
			.noneMatch(e -> title.equals(e.summary()) || monthly.equals(e.summary()))
			.noneMatch(e -> e.url() != null && e.url().contains("/tasks/" + task));

		// an unknown or missing token: the address does not exist
		mvc.perform(get("/calendar.ics").param("token", "cal_khong-dung")).andExpect(status().isNotFound());
		mvc.perform(get("/calendar.ics").param("token", tamKyToken + "x")).andExpect(status().isNotFound());
		mvc.perform(get("/calendar.ics")).andExpect(status().isNotFound());
		// an API token is not a feed token
		mvc.perform(get("/calendar.ics").param("token", "ntm_" + tamKyToken.substring(4)))
			.andExpect(status().isNotFound());

		// a new address stops the old one at once
		String renewed = regenerate(tamKy);
		assertThat(renewed).isNotEqualTo(tamKyToken);
		mvc.perform(get("/calendar.ics").param("token", tamKyToken))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Không tìm thấy lịch")));
		assertThat(ICalendarFeeds.events(feed(renewed))).anySatisfy(e -> assertThat(e.summary()).isEqualTo(title));
		// each address given is in the audit trail, under its owner's name
		assertThat(jdbc
			.sql("select action from audit_event where entity_type = 'calendar_feed_token' and entity_id = :id"
					+ " and actor = :actor order by id")
			.param("id", String.valueOf(tamKy.id()))
			.param("actor", tamKy.username())
			.query(String.class)
			.list()).containsExactly("CREATE", "REGENERATE");
	}

	/** Generates the user's feed address on the page and returns its token. */
	private String regenerate(UserView user) throws Exception {
		String page = mvc.perform(post("/calendar/feed").with(user(user.username())).with(csrf()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher m = Pattern
			.compile(
					"id=\"feed-url\" type=\"text\" readonly value=\"http://localhost/calendar\\.ics\\?token=([^\"]+)\"")
			.matcher(page);
		assertThat(m.find()).as("the new address on the page").isTrue();
		return m.group(1);
	}

	private String feed(String token) throws Exception {
		return mvc.perform(get("/calendar.ics").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/calendar"))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
	}

}
