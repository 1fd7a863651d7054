-- The table of db-scheduler (com.github.kagkarlsson:db-scheduler 16.x, PostgreSQL layout): every one-off
-- and recurring job of the application (vn.ntm.platform.jobs), picked by one instance at a time with a
-- heartbeat, so that a job runs once across instances and a job of a dead instance is taken over.
create table scheduled_tasks (
    task_name            text not null,
    task_instance        text not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time on scheduled_tasks (priority desc, execution_time asc);
