-- Numeric and date questions join the common tables: a row of `questions` (type 'numeric' or 'date'),
-- tags in `question_tags`, the outcome in `resolutions.value`; what only they have moves to
-- `question_scales`, and `continuous_forecasts` now references `questions`. The rows of the old tables
-- are copied BEFORE the old tables are dropped. The migrator runs in one transaction, where PRAGMA
-- foreign_keys is a no-op (foreign keys stay on): so every child table is copied and dropped before its
-- parent, whose DROP would otherwise cascade into rows not yet copied.
CREATE TABLE `question_scales` (
	`question_id` text PRIMARY KEY NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`range_min` real NOT NULL,
	`range_max` real NOT NULL,
	`zero_point` real,
	`open_lower_bound` integer NOT NULL,
	`open_upper_bound` integer NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `resolutions` ADD `value` real;--> statement-breakpoint
INSERT INTO `questions` (`id`, `title`, `description`, `resolution_criteria`, `type`, `open_time`, `close_time`, `resolve_by`, `is_draft`, `hide_crowd_until_forecast`, `is_illustrative`, `created_by`, `created_at`, `updated_at`)
SELECT `id`, `title`, `description`, `resolution_criteria`, `type`, `open_time`, `close_time`, `resolve_by`, `is_draft`, `hide_crowd_until_forecast`, `is_illustrative`, `created_by`, `created_at`, `updated_at` FROM `continuous_questions`;--> statement-breakpoint
INSERT INTO `question_scales` (`question_id`, `unit`, `range_min`, `range_max`, `zero_point`, `open_lower_bound`, `open_upper_bound`)
SELECT `id`, `unit`, `range_min`, `range_max`, `zero_point`, `open_lower_bound`, `open_upper_bound` FROM `continuous_questions`;--> statement-breakpoint
INSERT INTO `question_tags` (`question_id`, `tag_id`) SELECT `question_id`, `tag_id` FROM `continuous_question_tags`;--> statement-breakpoint
INSERT INTO `resolutions` (`question_id`, `outcome`, `value`, `annulled`, `resolve_time`, `evidence`, `resolved_by`, `recorded_at`)
SELECT `question_id`, NULL, `value`, `annulled`, `resolve_time`, `evidence`, `resolved_by`, `recorded_at` FROM `continuous_resolutions`;--> statement-breakpoint
CREATE TABLE `__new_continuous_forecasts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` text NOT NULL,
	`forecaster_id` text NOT NULL,
	`made_at` integer NOT NULL,
	`cdf` blob NOT NULL,
	`rationale` text,
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`forecaster_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_continuous_forecasts`("id", "question_id", "forecaster_id", "made_at", "cdf", "rationale") SELECT "id", "question_id", "forecaster_id", "made_at", "cdf", "rationale" FROM `continuous_forecasts` ORDER BY "id";--> statement-breakpoint
DROP TABLE `continuous_forecasts`;--> statement-breakpoint
ALTER TABLE `__new_continuous_forecasts` RENAME TO `continuous_forecasts`;--> statement-breakpoint
CREATE INDEX `continuous_forecasts_question_time_idx` ON `continuous_forecasts` (`question_id`,`made_at`,`id`);--> statement-breakpoint
CREATE INDEX `continuous_forecasts_forecaster_idx` ON `continuous_forecasts` (`forecaster_id`);--> statement-breakpoint
DROP TABLE `continuous_question_tags`;--> statement-breakpoint
DROP TABLE `continuous_resolutions`;--> statement-breakpoint
DROP TABLE `continuous_questions`;
