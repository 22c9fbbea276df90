CREATE TABLE "accepted_events" (
	"post_id" text NOT NULL,
	"version" integer NOT NULL,
	"events" jsonb NOT NULL,
	CONSTRAINT "accepted_events_post_id_version_pk" PRIMARY KEY("post_id","version")
);
--> statement-breakpoint
CREATE TABLE "idempotent_requests" (
	"key" text PRIMARY KEY NOT NULL,
	"fingerprint" text NOT NULL,
	"status" integer NOT NULL,
	"body" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "job_tags" (
	"tag" text NOT NULL,
	"queue" text NOT NULL,
	"job_id" text NOT NULL,
	CONSTRAINT "job_tags_tag_job_id_pk" PRIMARY KEY("tag","job_id")
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" text PRIMARY KEY NOT NULL,
	"post_id" text NOT NULL,
	"kind" text NOT NULL,
	"detail" jsonb NOT NULL,
	"at" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "posts" (
	"id" text PRIMARY KEY NOT NULL,
	"version" integer NOT NULL,
	"status" text NOT NULL,
	"post" jsonb NOT NULL,
	"input" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"url" text NOT NULL,
	"secret" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sim_platform_accounts" (
	"platform" text NOT NULL,
	"account_id" text NOT NULL,
	"expired" boolean NOT NULL,
	CONSTRAINT "sim_platform_accounts_platform_account_id_pk" PRIMARY KEY("platform","account_id")
);
--> statement-breakpoint
CREATE TABLE "sim_platform_calls" (
	"post_id" text NOT NULL,
	"destination_id" text NOT NULL,
	"calls" integer NOT NULL,
	CONSTRAINT "sim_platform_calls_post_id_destination_id_pk" PRIMARY KEY("post_id","destination_id")
);
--> statement-breakpoint
CREATE TABLE "sim_platform_posts" (
	"id" serial PRIMARY KEY NOT NULL,
	"platform" text NOT NULL,
	"account_id" text NOT NULL,
	"post_id" text NOT NULL,
	"destination_id" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"platform_post_id" text NOT NULL,
	"content" text NOT NULL,
	"made_at" text NOT NULL,
	CONSTRAINT "sim_platform_posts_platform_post_id_unique" UNIQUE("platform_post_id")
);
--> statement-breakpoint
CREATE INDEX "notices_post" ON "notices" USING btree ("post_id");