ALTER TABLE `search_docs` ADD `channel` text;--> statement-breakpoint
ALTER TABLE `search_docs` ADD `sentiment` text;--> statement-breakpoint
ALTER TABLE `search_docs` ADD `author_id` text;--> statement-breakpoint
-- Documents already indexed get theirs from their source rows.
UPDATE `search_docs` SET `channel` = i.`channel`, `sentiment` = i.`sentiment`, `author_id` = i.`author_id`
FROM `insights` i WHERE `search_docs`.`kind` = 'insight' AND i.`id` = `search_docs`.`ref_id`;--> statement-breakpoint
UPDATE `search_docs` SET `author_id` = r.`author_id`
FROM `replies` r WHERE `search_docs`.`kind` = 'reply' AND r.`id` = `search_docs`.`ref_id`;
