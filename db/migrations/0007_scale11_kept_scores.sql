CREATE TABLE `kept_calibration_samples` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` text NOT NULL,
	`population` text NOT NULL,
	`kind` text NOT NULL,
	`forecaster_id` text,
	`method` text,
	`resolve_time` integer NOT NULL,
	`p` real NOT NULL,
	`y` integer,
	`w` real NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`forecaster_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `kept_calibration_samples_question_idx` ON `kept_calibration_samples` (`question_id`);--> statement-breakpoint
CREATE INDEX `kept_calibration_samples_forecaster_idx` ON `kept_calibration_samples` (`population`,`kind`,`forecaster_id`,`resolve_time`);--> statement-breakpoint
CREATE INDEX `kept_calibration_samples_kind_idx` ON `kept_calibration_samples` (`population`,`kind`,`resolve_time`);--> statement-breakpoint
CREATE TABLE `kept_crowd_history` (
	`question_id` text NOT NULL,
	`population` text NOT NULL,
	`method` text NOT NULL,
	`time` integer NOT NULL,
	`probabilities` text NOT NULL,
	`forecasters` integer NOT NULL,
	PRIMARY KEY(`question_id`, `population`, `method`, `time`),
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `kept_crowd_scores` (
	`question_id` text NOT NULL,
	`population` text NOT NULL,
	`method` text NOT NULL,
	`resolve_time` integer NOT NULL,
	`probabilities` text,
	`brier` real,
	`log_score` real,
	PRIMARY KEY(`question_id`, `population`, `method`),
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `kept_crowd_scores_resolve_idx` ON `kept_crowd_scores` (`population`,`resolve_time`);--> statement-breakpoint
CREATE TABLE `kept_score_rows` (
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
	PRIMARY KEY(`question_id`, `population`, `forecaster_id`),
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`forecaster_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `kept_score_rows_forecaster_idx` ON `kept_score_rows` (`population`,`forecaster_id`,`resolve_time`);--> statement-breakpoint
CREATE INDEX `kept_score_rows_resolve_idx` ON `kept_score_rows` (`population`,`resolve_time`);--> statement-breakpoint
CREATE TABLE `kept_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` integer NOT NULL
);
