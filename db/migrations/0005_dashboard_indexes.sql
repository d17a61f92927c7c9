CREATE INDEX `issues_created` ON `issues` (`created_at`);--> statement-breakpoint
CREATE INDEX `issues_closed` ON `issues` (`closed_at`);--> statement-breakpoint
CREATE INDEX `issues_claimed` ON `issues` (`claimed_at`);--> statement-breakpoint
CREATE INDEX `replies_created` ON `replies` (`created_at`);