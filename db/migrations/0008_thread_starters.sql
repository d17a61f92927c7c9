ALTER TABLE `insights` ADD `author_team_count` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- team_ids lists the author's teams first (they come in with the post): count them.
UPDATE `insights` SET `author_team_count` = (SELECT count(*) FROM `thread_teams` WHERE `insight_id` = `insights`.`id` AND `via` = 'author')
WHERE `id` IN (SELECT `insight_id` FROM `thread_teams` WHERE `via` = 'author');
