package vn.ntm.planning;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.model.Calendar;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ntm.platform.jobs.JobHandler;
import vn.ntm.platform.jobs.JobSchedulers;
import vn.ntm.security.Role;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserForm;
import vn.ntm.security.UserManagement;
import vn.ntm.security.UserView;
import vn.ntm.shared.VnFormat;
import vn.ntm.support.ICalendarFeeds;
import vn.ntm.support.ICalendarFeeds.Event;
import vn.ntm.support.IntegrationTest;
import vn.ntm.support.TestData;
import vn.ntm.support.TestMail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ntm.planning.PlanningTests.as;

/**
 * Reminders: overdue and coming-due tasks reach their lead's inbox and mailbox once, also
 * when two instances scan at the same moment; a returned task tells its lead; one job
 * scheduled on two schedulers sharing the database runs once; the iCalendar feed.
 */
@IntegrationTest
class RemindersTests {

	@Autowired
	Planning planning;

	@Autowired
	Reminders reminders;

	@Autowired
	UserManagement users;

	@Autowired
	TestData data;

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	UserView leadWithMail(String unitCode) {
		long unit = data.unit(unitCode, TestData.BEFORE_REFORM).id();
		String username = TestData.unique("lead");
		return SystemTask
			.call(() -> users.create(new UserForm(username, "Trưởng phòng " + username, username + "@tamky.example.vn",
					null, "Phòng Kinh tế", Role.DISTRICT_OFFICE, Set.of(unit), Set.of()), TestData.PASSWORD));
	}

	long task(UserView lead, String deadline) {
		long tamKy = data.unit("502", TestData.BEFORE_REFORM).id();
		long plan = as(lead, () -> planning.createPlan(new PlanForm(tamKy, null, null, "UBND thành phố Tam Kỳ", 2024,
				2024, TestData.unique("Kế hoạch nhắc việc "), null, null, null, null)));
		return as(lead,
				() -> planning.addTask(plan,
						new TaskForm(null, null, TestData.unique("Việc "), null, false, null, null, List.of(),
								"Phòng Kinh tế", null, null, lead.id(), null, deadline, null, null, null, null, null)));
	}

	List<MimeMessage> mailsTo(String address) {
		return List.of(TestMail.server().getReceivedMessages()).stream().filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address);
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	@Test
	void shouldRemindTheLeadOfAnOverdueTaskOnceEvenWhenTwoInstancesScanTogether() throws Exception {
		TestMail.server();
		UserView lead = leadWithMail("502");
		long late = task(lead, "trước 1/3/2024");
		long soon = task(lead, "trước 5/3/2024");
		LocalDate today = LocalDate.of(2024, 3, 2);

		var first = CompletableFuture.supplyAsync(() -> SystemTask.call(() -> reminders.scan(today)));
		var second = CompletableFuture.supplyAsync(() -> SystemTask.call(() -> reminders.scan(today)));
		first.get();
		second.get();
		SystemTask.call(() -> reminders.scan(today));

		assertThat(jdbc.sql("select kind from plan_reminder where user_id = :u order by task_id")
			.param("u", lead.id())
			.query(String.class)
			.list()).containsExactly("OVERDUE", "DUE_SOON");
		await().atMost(Duration.ofSeconds(60)).until(() -> mailsTo(lead.email()).size() >= 2);
		List<MimeMessage> mails = mailsTo(lead.email());
		assertThat(mails).hasSize(2);
		assertThat(mails).extracting(MimeMessage::getSubject)
			.anySatisfy(s -> assertThat(s).startsWith("[NTM Monitor] Nhiệm vụ quá hạn"))
			.anySatisfy(s -> assertThat(s).startsWith("[NTM Monitor] Nhiệm vụ sắp đến hạn"));
		assertThat(as(lead, () -> reminders.inbox())).extracting(Reminder::taskId)
			.containsExactlyInAnyOrder(late, soon);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> as(lead, () -> reminders.inbox()).stream().allMatch(r -> r.emailedAt() != null));
	}

	@Test
	void shouldSendADigestInsteadWhenTheLeadAsksForOne() {
		TestMail.server();
		UserView lead = leadWithMail("502");
		as(lead, () -> {
			reminders.setDailyDigest(true);
			return null;
		});
		task(lead, "trước 1/3/2024");
		task(lead, "trước 2/3/2024");
		SystemTask.call(() -> reminders.scan(LocalDate.of(2024, 3, 3)));

		await().atMost(Duration.ofSeconds(60)).until(() -> !mailsTo(lead.email()).isEmpty());
		assertThat(mailsTo(lead.email())).singleElement()
			.satisfies(m -> assertThat(m.getSubject()).isEqualTo("[NTM Monitor] Nhắc việc hằng ngày: 2 nhiệm vụ"));
	}

	@Test
	void shouldTellTheLeadWhenATaskIsReturned() {
		TestMail.server();
		UserView lead = leadWithMail("502");
		long id = task(lead, "trước 1/3/2030");
		TaskView task = as(lead, () -> planning.task(id));
		as(lead, () -> planning.changeStatus(id, TaskStatus.RETURNED, "Thiếu biên bản nghiệm thu", task.version()));

		await().atMost(Duration.ofSeconds(60)).until(() -> !mailsTo(lead.email()).isEmpty());
		assertThat(as(lead, () -> reminders.inbox())).extracting(Reminder::kind).containsExactly("RETURNED");
	}

	@Test
	void shouldRunAJobOnceWhenTwoSchedulersShareTheDatabase() {
		AtomicInteger runs = new AtomicInteger();
		Set<String> keys = ConcurrentHashMap.newKeySet();
		String name = TestData.unique("test-count-");
		JobHandler counting = new JobHandler() {
			@Override
			public String name() {
				return name;
			}

			@Override
			public void run(String key, String data) {
				runs.incrementAndGet();
				keys.add(key);
			}
		};
		Scheduler a = JobSchedulers.build(dataSource, List.of(counting), List.of(), "instance-a",
				Duration.ofMillis(200), 4);
		Scheduler b = JobSchedulers.build(dataSource, List.of(counting), List.of(), "instance-b",
				Duration.ofMillis(200), 4);
		try {
			for (int i = 0; i < 30; i++) {
				(i % 2 == 0 ? a : b).scheduleIfNotExists(new TaskInstance<>(name, "job-" + i, ""), Instant.now());
			}
			// the same job scheduled again from the other instance is not added
			assertThat(b.scheduleIfNotExists(new TaskInstance<>(name, "job-0", ""), Instant.now())).isFalse();
			a.start();
			b.start();
			await().atMost(Duration.ofSeconds(60))
				.until(() -> jdbc.sql("select count(*) from scheduled_tasks where task_name = :n")
					.param("n", name)
					.query(Integer.class)
					.single() == 0);
		}
		finally {
			a.stop();
			b.stop();
		}
		assertThat(runs.get()).isEqualTo(30);
		assertThat(keys).hasSize(30);
	}

	@Test
	void shouldServeTheLeadsTasksAsACalendar() throws Exception {
		UserView lead = leadWithMail("502");
		long dated = task(lead, "trước 15/3/2024");
		long monthly = task(lead, "định kỳ ngày 22 hằng tháng");

		String ics = mvc.perform(get("/api/v1/calendar.ics").with(httpBasic(lead.username(), TestData.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/calendar"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Calendar calendar = ICalendarFeeds.parse(ics);
		assertThat(ICalendarFeeds.name(calendar)).isEqualTo("NTM Monitor — Nhiệm vụ");
		List<Event> events = ICalendarFeeds.events(calendar);
		assertThat(events).anySatisfy(e -> {
			assertThat(e.uid()).isEqualTo("task-" + dated + "@ntm-monitor");
			assertThat(e.summary()).startsWith("Việc ");
			assertThat(e.start()).isEqualTo(LocalDate.of(2024, 3, 15));
			assertThat(e.end()).isEqualTo(LocalDate.of(2024, 3, 16));
			assertThat(e.rrule()).isNull();
			assertThat(e.description()).contains("\nThời hạn: trước 15/3/2024");
		});
		assertThat(events).anySatisfy(e -> {
			assertThat(e.uid()).isEqualTo("task-" + monthly + "@ntm-monitor");
			assertThat(e.rrule()).isEqualTo("FREQ=MONTHLY;BYMONTHDAY=22");
			assertThat(e.start().getDayOfMonth()).isEqualTo(22);
		});
		assertThat(VnFormat.today()).isNotNull();
	}

}
