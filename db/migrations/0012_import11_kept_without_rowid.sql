-- The two kept tables keyed by a composite primary key are stored WITHOUT ROWID: the rows live in the
-- primary key's b-tree instead of a rowid table plus a separate index on the key, so each row is
-- written once (the 1M import writes 826k crowd history points and 126k score rows). Same columns,
-- keys, indexes and rows; the rows are copied before the old tables are dropped (nothing references
-- these tables, so dropping them cascades nowhere).
CREATE TABLE `__new_kept_crowd_history` (
	`question_id` text NOT NULL,
	`population` text NOT NULL,
	`method` text NOT NULL,
	`time` integer NOT NULL,
	`probabilities` text NOT NULL,
	`forecasters` integer NOT NULL,
	PRIMARY KEY(`question_id`, `population`, `method`, `time`),
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_kept_crowd_history` (`question_id`, `population`, `method`, `time`, `probabilities`, `forecasters`)
SELECT `question_id`, `population`, `method`, `time`, `probabilities`, `forecasters` FROM `kept_crowd_history`;--> statement-breakpoint
DROP TABLE `kept_crowd_history`;--> statement-breakpoint
ALTER TABLE `__new_kept_crowd_history` RENAME TO `kept_crowd_history`;--> statement-breakpoint
CREATE TABLE `__new_kept_score_rows` (
	`question_id` text NOT NULL,
	`population` text NOT NULL,
	`forecaster_id` text NOT NULL,
	`resolve_time` integer NOT NULL,
	`final_probabilities` text,
	`final_brier` real,
	`final_log_score` real,
	`brier_time_avg` real,
	`relative_brier` real,
	`baseline` real NOT NULL,
	`peer` real NOT NULL,
	`coverage` real NOT NULL,
	`crps` real,
	`crps_time_avg` real,
	`pit` real,
	PRIMARY KEY(`question_id`, `population`, `forecaster_id`),
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`forecaster_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
) WITHOUT ROWID;
--> statement-breakpoint
INSERT INTO `__new_kept_score_rows` (`question_id`, `population`, `forecaster_id`, `resolve_time`, `final_probabilities`, `final_brier`, `final_log_score`, `brier_time_avg`, `relative_brier`, `baseline`, `peer`, `coverage`, `crps`, `crps_time_avg`, `pit`)
SELECT `question_id`, `population`, `forecaster_id`, `resolve_time`, `final_probabilities`, `final_brier`, `final_log_score`, `brier_time_avg`, `relative_brier`, `baseline`, `peer`, `coverage`, `crps`, `crps_time_avg`, `pit` FROM `kept_score_rows`;--> statement-breakpoint
DROP TABLE `kept_score_rows`;--> statement-breakpoint
ALTER TABLE `__new_kept_score_rows` RENAME TO `kept_score_rows`;--> statement-breakpoint
CREATE INDEX `kept_score_rows_forecaster_idx` ON `kept_score_rows` (`population`,`forecaster_id`,`resolve_time`);--> statement-breakpoint
CREATE INDEX `kept_score_rows_resolve_idx` ON `kept_score_rows` (`population`,`resolve_time`);
