import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121100944 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portico_service_settings" drop constraint if exists "portico_service_settings_product_id_unique";`);
    this.addSql(`create table if not exists "portico_service_settings" ("id" text not null, "product_id" text not null, "folder_id" text null, "position" integer not null default 0, "billing_type" text check ("billing_type" in ('one_time', 'recurring')) not null default 'one_time', "interval" text check ("interval" in ('day', 'week', 'month', 'year')) null, "interval_count" integer not null default 1, "billing_cycles" integer null, "start_status" text check ("start_status" in ('submitted', 'working')) not null default 'submitted', "intake_form_id" text null, "files_enabled" boolean not null default false, "license_keys_enabled" boolean not null default false, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_service_settings_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_service_settings_folder_id" ON "portico_service_settings" ("folder_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_service_settings_deleted_at" ON "portico_service_settings" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portico_service_settings_product_id_unique" ON "portico_service_settings" ("product_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_service_settings_folder_id_position" ON "portico_service_settings" ("folder_id", "position") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "portico_service_settings" add constraint "portico_service_settings_folder_id_foreign" foreign key ("folder_id") references "portico_service_folder" ("id") on update cascade on delete set null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "portico_service_settings" cascade;`);
  }

}
