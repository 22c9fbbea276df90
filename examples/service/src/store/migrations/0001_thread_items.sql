ALTER TABLE "sim_platform_posts" ADD COLUMN "item" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sim_platform_posts" ADD COLUMN "reply_to" text;