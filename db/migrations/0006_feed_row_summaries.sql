ALTER TABLE `insights` ADD `team_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `insights` ADD `reaction_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `insights` ADD `issue_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Existing threads get their summaries from the rows they summarise.
UPDATE `insights` SET
  `team_ids` = coalesce((SELECT json_group_array(`team_id`) FROM (SELECT `team_id` FROM `thread_teams` WHERE `insight_id` = `insights`.`id` ORDER BY `created_at`, rowid)), '[]'),
  `reaction_count` = (SELECT count(*) FROM `reactions` WHERE `insight_id` = `insights`.`id`),
  `issue_count` = (SELECT count(*) FROM `issue_evidence` WHERE `insight_id` = `insights`.`id`)
WHERE `id` IN (SELECT `insight_id` FROM `thread_teams` UNION SELECT `insight_id` FROM `reactions` UNION SELECT `insight_id` FROM `issue_evidence`);
