ALTER TABLE `insights` ADD `mention_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Insights written before it count the mentions of their body.
UPDATE `insights` SET `mention_count` = (SELECT count(*) FROM `mentions` WHERE `insight_id` = `insights`.`id` AND `reply_id` IS NULL)
WHERE `id` IN (SELECT `insight_id` FROM `mentions` WHERE `reply_id` IS NULL);
