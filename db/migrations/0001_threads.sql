CREATE TABLE `thread_teams` (
	`insight_id` text NOT NULL,
	`team_id` text NOT NULL,
	`via` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`insight_id`, `team_id`),
	FOREIGN KEY (`insight_id`) REFERENCES `insights`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`team_id`) REFERENCES `teams`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `thread_teams_team` ON `thread_teams` (`team_id`,`insight_id`);--> statement-breakpoint
ALTER TABLE `insights` ADD `reply_count` integer DEFAULT 0 NOT NULL;