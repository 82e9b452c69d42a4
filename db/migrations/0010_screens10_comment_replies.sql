ALTER TABLE `comments` ADD `parent_id` integer REFERENCES comments(id) ON DELETE cascade;--> statement-breakpoint
ALTER TABLE `comments` ADD `edited_at` integer;--> statement-breakpoint
ALTER TABLE `comments` ADD `deleted_at` integer;--> statement-breakpoint
CREATE INDEX `comments_parent_idx` ON `comments` (`parent_id`);