CREATE TABLE `continuous_forecasts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question_id` text NOT NULL,
	`forecaster_id` text NOT NULL,
	`made_at` integer NOT NULL,
	`cdf` blob NOT NULL,
	`rationale` text,
	FOREIGN KEY (`question_id`) REFERENCES `continuous_questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`forecaster_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `continuous_forecasts_question_time_idx` ON `continuous_forecasts` (`question_id`,`made_at`,`id`);--> statement-breakpoint
CREATE INDEX `continuous_forecasts_forecaster_idx` ON `continuous_forecasts` (`forecaster_id`);--> statement-breakpoint
CREATE TABLE `continuous_question_tags` (
	`question_id` text NOT NULL,
	`tag_id` integer NOT NULL,
	PRIMARY KEY(`question_id`, `tag_id`),
	FOREIGN KEY (`question_id`) REFERENCES `continuous_questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tag_id`) REFERENCES `tags`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `continuous_questions` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`resolution_criteria` text DEFAULT '' NOT NULL,
	`type` text NOT NULL,
	`unit` text DEFAULT '' NOT NULL,
	`range_min` real NOT NULL,
	`range_max` real NOT NULL,
	`zero_point` real,
	`open_lower_bound` integer NOT NULL,
	`open_upper_bound` integer NOT NULL,
	`open_time` integer NOT NULL,
	`close_time` integer NOT NULL,
	`resolve_by` integer,
	`is_draft` integer DEFAULT false NOT NULL,
	`hide_crowd_until_forecast` integer DEFAULT true NOT NULL,
	`is_illustrative` integer DEFAULT false NOT NULL,
	`created_by` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `continuous_questions_close_idx` ON `continuous_questions` (`close_time`);--> statement-breakpoint
CREATE TABLE `continuous_resolutions` (
	`question_id` text PRIMARY KEY NOT NULL,
	`value` real,
	`annulled` integer DEFAULT false NOT NULL,
	`resolve_time` integer NOT NULL,
	`evidence` text DEFAULT '' NOT NULL,
	`resolved_by` text,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`question_id`) REFERENCES `continuous_questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`resolved_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
