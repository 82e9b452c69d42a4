CREATE TABLE `kept_forecaster_totals` (
	`population` text NOT NULL,
	`forecaster_id` text NOT NULL,
	`n_questions` integer NOT NULL,
	`mean_final_brier` real,
	`mean_brier_time_avg` real,
	`mean_relative_brier` real,
	`mean_final_log_score` real,
	`mean_baseline` real,
	`sum_baseline` real,
	`mean_peer` real,
	`sum_peer` real,
	`mean_coverage` real,
	`mean_final_log_score_continuous` real,
	`mean_crps` real,
	`mean_crps_time_avg` real,
	`mean_pit` real,
	PRIMARY KEY(`population`, `forecaster_id`),
	FOREIGN KEY (`forecaster_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
DROP INDEX `kept_calibration_samples_kind_idx`;--> statement-breakpoint
CREATE INDEX `kept_calibration_samples_kind_covering_idx` ON `kept_calibration_samples` (`population`,`kind`,`resolve_time`,`question_id`,`id`,`p`,`y`,`w`);--> statement-breakpoint
DROP INDEX `kept_score_rows_forecaster_idx`;--> statement-breakpoint
CREATE INDEX `kept_score_rows_forecaster_summary_idx` ON `kept_score_rows` (`population`,`forecaster_id`,`resolve_time`,`question_id`,`final_brier`,`brier_time_avg`,`relative_brier`,`final_log_score`,`baseline`,`peer`,`coverage`,`crps`,`crps_time_avg`,`pit`);