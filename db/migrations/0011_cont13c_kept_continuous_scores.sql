ALTER TABLE `kept_crowd_scores` ADD `crps` real;--> statement-breakpoint
ALTER TABLE `kept_crowd_scores` ADD `pit` real;--> statement-breakpoint
ALTER TABLE `kept_score_rows` ADD `crps` real;--> statement-breakpoint
ALTER TABLE `kept_score_rows` ADD `crps_time_avg` real;--> statement-breakpoint
ALTER TABLE `kept_score_rows` ADD `pit` real;