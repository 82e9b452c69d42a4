CREATE TABLE `kept_latest_forecasts` (
	`question_id` text NOT NULL,
	`forecaster_id` text NOT NULL,
	`forecast_id` integer NOT NULL,
	`made_at` integer NOT NULL,
	PRIMARY KEY(`question_id`, `forecaster_id`),
	FOREIGN KEY (`question_id`) REFERENCES `questions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`forecaster_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
