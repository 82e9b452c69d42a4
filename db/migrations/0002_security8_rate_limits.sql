CREATE TABLE `rate_limit_event` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `rate_limit_event_key_at_idx` ON `rate_limit_event` (`key`,`at`);