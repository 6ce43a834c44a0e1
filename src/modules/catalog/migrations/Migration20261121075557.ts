import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121075557 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portico_service_folder" drop constraint if exists "portico_service_folder_handle_unique";`);
    this.addSql(`create table if not exists "portico_service_folder" ("id" text not null, "name" text not null, "handle" text not null, "description" text null, "parent_id" text null, "position" integer not null default 0, "is_visible" boolean not null default true, "metadata" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_service_folder_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_service_folder_deleted_at" ON "portico_service_folder" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portico_service_folder_handle_unique" ON "portico_service_folder" ("handle") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_service_folder_parent_id_position" ON "portico_service_folder" ("parent_id", "position") WHERE deleted_at IS NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "portico_service_folder" cascade;`);
  }

}
