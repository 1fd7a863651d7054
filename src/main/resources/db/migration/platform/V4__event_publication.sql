-- Spring Modulith's JDBC event publication registry (spring-modulith-events-jdbc 2.1.1, schema v2, the
-- default structure): the library's own DDL, copied unchanged from the jar's
-- org/springframework/modulith/events/jdbc/schemas/v2/schema-postgresql.sql — not project code.
-- The library's schema initialization is turned off (spring.modulith.events.jdbc.schema-initialization.enabled=false
-- in application.properties; in 2.1.1 it is on unless so turned off, and created this table at start before
-- this migration, hence IF NOT EXISTS as in the library's file): this migration is what creates the table. Events published in a transaction are
-- stored here with it, marked completed when their @ApplicationModuleListener succeeds, and republished
-- on restart while incomplete (spring.modulith.events.republish-outstanding-events-on-restart=true).
CREATE TABLE IF NOT EXISTS event_publication
(
  id                     UUID NOT NULL,
  listener_id            TEXT NOT NULL,
  event_type             TEXT NOT NULL,
  serialized_event       TEXT NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 TEXT,
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (id)
);
CREATE INDEX IF NOT EXISTS event_publication_serialized_event_hash_idx ON event_publication USING hash(serialized_event);
CREATE INDEX IF NOT EXISTS event_publication_by_completion_date_idx ON event_publication (completion_date);
