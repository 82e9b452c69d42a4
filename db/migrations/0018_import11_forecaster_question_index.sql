DROP INDEX `forecasts_forecaster_idx`;--> statement-breakpoint
DROP INDEX `forecasts_question_forecaster_idx`;--> statement-breakpoint
CREATE INDEX `forecasts_forecaster_question_idx` ON `forecasts` (`forecaster_id`,`question_id`);