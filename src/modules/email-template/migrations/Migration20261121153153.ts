import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121153153 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portico_email_template" drop constraint if exists "portico_email_template_template_unique";`);
    this.addSql(`create table if not exists "portico_email_template" ("id" text not null, "template" text not null, "subject" text null, "body" text null, "enabled" boolean not null default true, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_email_template_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_email_template_deleted_at" ON "portico_email_template" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portico_email_template_template_unique" ON "portico_email_template" ("template") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "portico_email_template" cascade;`);
  }

}
