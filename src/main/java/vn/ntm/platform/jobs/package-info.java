/**
 * The one job and schedule facility of the application, on db-scheduler and PostgreSQL
 * (table {@code scheduled_tasks}): one-off jobs and daily jobs that run once across every
 * instance sharing the database, survive restarts, and are retried when an instance dies
 * while running them (its heartbeat stops). Modules contribute {@link JobHandler} and
 * {@link DailyJob} beans and schedule through {@link Jobs}.
 */
@NamedInterface("jobs")
@NullMarked
package vn.ntm.platform.jobs;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
