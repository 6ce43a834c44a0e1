import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121151804 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portico_intake_form_version" drop constraint if exists "portico_intake_form_version_form_id_version_unique";`);
    this.addSql(`create table if not exists "portico_intake_form" ("id" text not null, "title" text not null, "description" text null, "version" integer not null default 1, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_intake_form_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_intake_form_deleted_at" ON "portico_intake_form" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portico_intake_form_version" ("id" text not null, "form_id" text not null, "version" integer not null, "fields" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_intake_form_version_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_intake_form_version_form_id" ON "portico_intake_form_version" ("form_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_intake_form_version_deleted_at" ON "portico_intake_form_version" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portico_intake_form_version_form_id_version_unique" ON "portico_intake_form_version" ("form_id", "version") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portico_intake_submission" ("id" text not null, "service_order_id" text not null, "form_id" text not null, "form_version_id" text not null, "version" integer not null, "customer_id" text null, "answers" jsonb not null, "files" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_intake_submission_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_intake_submission_deleted_at" ON "portico_intake_submission" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_intake_submission_service_order_id_created_at" ON "portico_intake_submission" ("service_order_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "portico_intake_form_version" add constraint "portico_intake_form_version_form_id_foreign" foreign key ("form_id") references "portico_intake_form" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portico_intake_form_version" drop constraint if exists "portico_intake_form_version_form_id_foreign";`);

    this.addSql(`drop table if exists "portico_intake_form" cascade;`);

    this.addSql(`drop table if exists "portico_intake_form_version" cascade;`);

    this.addSql(`drop table if exists "portico_intake_submission" cascade;`);
  }

}
