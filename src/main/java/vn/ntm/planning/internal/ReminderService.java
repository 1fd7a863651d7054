package vn.ntm.planning.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.modulith.events.ApplicationModuleListener;
import vn.ntm.planning.Reminder;
import vn.ntm.planning.Reminders;
import vn.ntm.planning.TaskReassigned;
import vn.ntm.planning.TaskReturned;
import vn.ntm.planning.TaskView;
import vn.ntm.platform.jobs.DailyJob;
import vn.ntm.platform.jobs.JobHandler;
import vn.ntm.platform.jobs.Jobs;
import vn.ntm.security.AccessPolicy;
import vn.ntm.security.SystemTask;
import vn.ntm.security.UserManagement;
import vn.ntm.security.UserView;
import vn.ntm.shared.VnFormat;

/**
 * Reminders of tasks: the inbox rows (each once, by their unique key), the daily scan and
 * the e-mails, each sent by a one-off job on the application's scheduler.
 */
@Service
class ReminderService implements Reminders {

	static final String SCAN = "planning-reminders";

	static final String MAIL = "planning-reminder-mail";

	static final String DIGEST = "planning-reminder-digest";

	private static final Logger log = LoggerFactory.getLogger(ReminderService.class);

	private final JdbcClient jdbc;

	private final AccessPolicy access;

	private final Jobs jobs;

	ReminderService(JdbcClient jdbc, AccessPolicy access, Jobs jobs) {
		this.jdbc = jdbc;
		this.access = access;
		this.jobs = jobs;
	}

	/**
	 * Not one transaction: each reminder commits as it is added, so its e-mail job (run
	 * by the scheduler on its own connection) finds it.
	 */
	@Override
	public int scan(LocalDate today) {
		List<Object[]> due = jdbc.sql("""
				select t.id, t.lead_user_id, t.due_on,
				       case when t.due_on < :today then 'OVERDUE' else 'DUE_SOON' end as kind
				from plan_task t
				where t.lead_user_id is not null and t.due_on is not null
				  and t.status in ('TODO', 'IN_PROGRESS', 'RETURNED')
				  and t.due_on <= :soon
				""")
			.param("today", today)
			.param("soon", today.plusDays(DUE_SOON_DAYS))
			.query((rs,
					n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
							rs.getString(4) })
			.list();
		Map<Long, List<Long>> digests = new LinkedHashMap<>();
		int added = 0;
		for (Object[] row : due) {
			Long id = add((Long) row[1], (Long) row[0], (String) row[3], row[2].toString());
			if (id == null) {
				continue;
			}
			added++;
			if (wantsDigest((Long) row[1])) {
				digests.computeIfAbsent((Long) row[1], k -> new ArrayList<>()).add(id);
			}
			else {
				jobs.runOnce(MAIL, "reminder-" + id, Instant.now(), "");
			}
		}
		digests.forEach((user, ids) -> jobs.runOnce(DIGEST, "digest-" + user + "-" + today, Instant.now(),
				ids.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse("")));
		return added;
	}

	/** Adds the reminder unless it is there; its id when added. */
	@Nullable Long add(long userId, long taskId, String kind, String occasion) {
		return jdbc.sql("""
				insert into plan_reminder (user_id, task_id, kind, occasion) values (:user, :task, :kind, :occasion)
				on conflict on constraint plan_reminder_once do nothing returning id
				""")
			.param("user", userId)
			.param("task", taskId)
			.param("kind", kind)
			.param("occasion", occasion)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private boolean wantsDigest(long userId) {
		return jdbc.sql("select daily_digest from plan_reminder_setting where user_id = :user")
			.param("user", userId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	/**
	 * A task returned with a reason: its lead and whoever reported last are told. After
	 * the commit, on a thread of its own (a listener on the request's thread would ask
	 * for a second connection while the request's is still held).
	 */
	@ApplicationModuleListener
	void on(TaskReturned event) {
		notifyNow(event.taskId(), "RETURNED", true);
	}

	/**
	 * A task given to another lead: the new lead is told (after the commit, on its own
	 * thread).
	 */
	@ApplicationModuleListener
	void on(TaskReassigned event) {
		notifyNow(event.taskId(), "REASSIGNED", false);
	}

	private void notifyNow(long taskId, String kind, boolean alsoReporter) {
		var row = jdbc.sql("""
				select t.lead_user_id, t.row_version,
				       (select p.reporter_id from plan_progress p where p.task_id = t.id
				        order by p.reported_at desc, p.id desc limit 1) as reporter
				from plan_task t where t.id = :id
				""")
			.param("id", taskId)
			.query((rs, n) -> new Object[] { rs.getObject(1), rs.getInt(2), rs.getObject(3) })
			.single();
		List<Long> users = new ArrayList<>();
		if (row[0] != null) {
			users.add(((Number) row[0]).longValue());
		}
		if (alsoReporter && row[2] != null && !users.contains(((Number) row[2]).longValue())) {
			users.add(((Number) row[2]).longValue());
		}
		for (Long user : users) {
			Long id = add(user, taskId, kind, "v" + row[1]);
			if (id != null) {
				jobs.runOnce(MAIL, "reminder-" + id, Instant.now(), "");
			}
		}
	}

	@Override
	public List<Reminder> inbox() {
		return jdbc.sql("""
				select r.id, r.task_id, t.title, r.kind, r.occasion, r.created_at, r.read_at, r.emailed_at
				from plan_reminder r join plan_task t on t.id = r.task_id
				where r.user_id = :me order by r.created_at desc, r.id desc limit 200
				""")
			.param("me", access.current().id())
			.query((rs, n) -> new Reminder(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant(),
					rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
					rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant()))
			.list();
	}

	@Override
	public int unread() {
		return jdbc.sql("select count(*) from plan_reminder where user_id = :me and read_at is null")
			.param("me", access.current().id())
			.query(Integer.class)
			.single();
	}

	@Override
	@Transactional
	public void markRead(long reminderId) {
		jdbc.sql("update plan_reminder set read_at = now() where id = :id and user_id = :me and read_at is null")
			.param("id", reminderId)
			.param("me", access.current().id())
			.update();
	}

	@Override
	public boolean dailyDigest() {
		return wantsDigest(access.current().id());
	}

	@Override
	@Transactional
	public void setDailyDigest(boolean digest) {
		jdbc.sql("""
				insert into plan_reminder_setting (user_id, daily_digest) values (:me, :digest)
				on conflict (user_id) do update set daily_digest = excluded.daily_digest
				""").param("me", access.current().id()).param("digest", digest).update();
	}

	@Override
	public String calendar() {
		long me = access.current().id();
		List<TaskView> tasks = jdbc.sql("select " + PlanningService.TASK_COLUMNS + """
				from plan_task t join plan p on p.id = t.plan_id
				where t.lead_user_id = :me and t.status in ('TODO', 'IN_PROGRESS', 'RETURNED')
				  and t.deadline_text is not null
				order by t.id
				""").param("me", me).query(PlanningService::task).list();
		return ICalendar.of(tasks, Instant.now());
	}

	/** The daily scan, on one instance at 07:00. */
	@Component
	static class ScanJob implements DailyJob {

		private final ObjectProvider<Reminders> reminders;

		ScanJob(ObjectProvider<Reminders> reminders) {
			this.reminders = reminders;
		}

		@Override
		public String name() {
			return SCAN;
		}

		@Override
		public LocalTime at() {
			return LocalTime.of(7, 0);
		}

		@Override
		public void run() {
			int added = SystemTask.call(() -> reminders.getObject().scan(VnFormat.today()));
			log.info("Reminders: {} added", added);
		}

	}

	/**
	 * Sends one reminder's e-mail (or a digest of several): once — a reminder already
	 * e-mailed is skipped; without SMTP configured, or without an address, the failure is
	 * kept on the reminder.
	 */
	@Component
	static class MailJob implements JobHandler {

		private final JdbcClient jdbc;

		private final ObjectProvider<JavaMailSender> mail;

		private final UserManagement users;

		private final String from;

		private final String baseUrl;

		MailJob(JdbcClient jdbc, ObjectProvider<JavaMailSender> mail, UserManagement users,
				@Value("${ntm.mail.from:NTM Monitor <no-reply@ntm.local>}") String from,
				@Value("${ntm.base-url:http://localhost:8080}") String baseUrl) {
			this.jdbc = jdbc;
			this.mail = mail;
			this.users = users;
			this.from = from;
			this.baseUrl = baseUrl;
		}

		@Override
		public String name() {
			return MAIL;
		}

		@Override
		public void run(String key, String data) {
			long id = Long.parseLong(key.substring(key.lastIndexOf('-') + 1));
			send(List.of(id));
		}

		void send(List<Long> ids) {
			List<Object[]> rows = jdbc.sql("""
					select r.id, r.user_id, r.kind, t.id, t.title, t.deadline_text, t.due_on, p.title
					from plan_reminder r join plan_task t on t.id = r.task_id join plan p on p.id = t.plan_id
					where r.id = any(:ids) and r.emailed_at is null order by r.id
					""")
				.param("ids", ids.toArray(Long[]::new))
				.query((rs,
						n) -> new Object[] { rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4),
								rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8) })
				.list();
			if (rows.isEmpty()) {
				return;
			}
			long userId = (Long) rows.get(0)[1];
			UserView user = SystemTask.call(() -> users.get(userId));
			JavaMailSender sender = mail.getIfAvailable();
			String error = sender == null ? "Chưa cấu hình máy chủ thư (spring.mail.host)"
					: user.email() == null || user.email().isBlank() ? "Người dùng chưa có địa chỉ thư" : null;
			if (error == null) {
				SimpleMailMessage message = new SimpleMailMessage();
				message.setFrom(from);
				message.setTo(user.email());
				message.setSubject(
						rows.size() == 1 ? "[NTM Monitor] " + label((String) rows.get(0)[2]) + ": " + rows.get(0)[4]
								: "[NTM Monitor] Nhắc việc hằng ngày: " + rows.size() + " nhiệm vụ");
				StringBuilder body = new StringBuilder("Kính gửi ").append(user.fullName()).append(",\n\n");
				for (Object[] r : rows) {
					body.append("- ")
						.append(label((String) r[2]))
						.append(": ")
						.append(r[4])
						.append("\n  Kế hoạch: ")
						.append(r[7]);
					if (r[5] != null) {
						body.append("\n  Thời hạn: ").append(r[5]);
						if (r[6] != null) {
							body.append(" (hạn ").append(VnFormat.date((LocalDate) r[6])).append(')');
						}
					}
					body.append("\n  ").append(baseUrl).append("/tasks/").append(r[3]).append("\n");
				}
				body.append("\nNTM Monitor — Chương trình MTQG xây dựng nông thôn mới\n");
				message.setText(body.toString());
				try {
					sender.send(message);
				}
				catch (org.springframework.mail.MailException ex) {
					error = ex.getMessage();
					log.warn("Reminder e-mail to {} failed: {}", user.username(), ex.getMessage());
				}
			}
			for (Object[] r : rows) {
				if (error == null) {
					jdbc.sql("update plan_reminder set emailed_at = now(), email_error = null where id = :id")
						.param("id", r[0])
						.update();
				}
				else {
					jdbc.sql("update plan_reminder set email_error = :error where id = :id")
						.param("id", r[0])
						.param("error", error)
						.update();
				}
			}
		}

		private static String label(String kind) {
			return switch (kind) {
				case "OVERDUE" -> "Nhiệm vụ quá hạn";
				case "DUE_SOON" -> "Nhiệm vụ sắp đến hạn";
				case "RETURNED" -> "Nhiệm vụ bị trả lại";
				case "REASSIGNED" -> "Nhiệm vụ được giao";
				default -> kind;
			};
		}

	}

	/** The daily digest of one user: one e-mail for the reminders listed in the data. */
	@Component
	static class DigestJob implements JobHandler {

		private final MailJob mail;

		DigestJob(MailJob mail) {
			this.mail = mail;
		}

		@Override
		public String name() {
			return DIGEST;
		}

		@Override
		public void run(String key, String data) {
			if (!data.isBlank()) {
				mail.send(java.util.Arrays.stream(data.split(",")).map(Long::valueOf).toList());
			}
		}

	}

}
