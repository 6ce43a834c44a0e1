import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202115317 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portico_product_file_version" drop constraint if exists "portico_product_file_version_file_id_version_unique";`);
    this.addSql(`alter table if exists "portico_license_instance" drop constraint if exists "portico_license_instance_license_key_id_fingerprint_unique";`);
    this.addSql(`alter table if exists "portico_license_key" drop constraint if exists "portico_license_key_line_item_id_unit_index_unique";`);
    this.addSql(`alter table if exists "portico_license_key" drop constraint if exists "portico_license_key_key_unique";`);
    this.addSql(`create table if not exists "portico_file_download" ("id" text not null, "file_id" text not null, "version_id" text not null, "version" integer not null, "filename" text not null, "customer_id" text null, "email" text null, "order_id" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_file_download_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_file_download_deleted_at" ON "portico_file_download" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_file_download_file_id_created_at" ON "portico_file_download" ("file_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_file_download_customer_id" ON "portico_file_download" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portico_license_key" ("id" text not null, "key" text not null, "status" text check ("status" in ('inactive', 'active', 'expired', 'disabled')) not null default 'inactive', "product_id" text null, "variant_id" text null, "title" text not null, "variant_title" text null, "order_id" text not null, "order_display_id" integer null, "line_item_id" text not null, "unit_index" integer not null, "service_order_id" text null, "subscription_id" text null, "customer_id" text null, "email" text null, "activation_limit" integer null, "expires_at" timestamptz null, "expires_with_subscription" boolean not null default false, "disabled_reason" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_license_key_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_license_key_deleted_at" ON "portico_license_key" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portico_license_key_key_unique" ON "portico_license_key" ("key") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portico_license_key_line_item_id_unit_index_unique" ON "portico_license_key" ("line_item_id", "unit_index") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_license_key_customer_id" ON "portico_license_key" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_license_key_order_id" ON "portico_license_key" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_license_key_subscription_id" ON "portico_license_key" ("subscription_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portico_license_instance" ("id" text not null, "license_key_id" text not null, "name" text not null, "fingerprint" text not null, "deactivated_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_license_instance_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_license_instance_license_key_id" ON "portico_license_instance" ("license_key_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_license_instance_deleted_at" ON "portico_license_instance" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portico_license_instance_license_key_id_fingerprint_unique" ON "portico_license_instance" ("license_key_id", "fingerprint") WHERE deactivated_at IS NULL AND deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portico_product_file" ("id" text not null, "product_id" text not null, "title" text not null, "position" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_product_file_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_product_file_deleted_at" ON "portico_product_file" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_product_file_product_id_position" ON "portico_product_file" ("product_id", "position") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portico_product_file_version" ("id" text not null, "file_id" text not null, "version" integer not null, "file_key" text not null, "filename" text not null, "mime_type" text not null, "size" numeric not null, "created_by" text null, "raw_size" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_product_file_version_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_product_file_version_file_id" ON "portico_product_file_version" ("file_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_product_file_version_deleted_at" ON "portico_product_file_version" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portico_product_file_version_file_id_version_unique" ON "portico_product_file_version" ("file_id", "version") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "portico_license_instance" add constraint "portico_license_instance_license_key_id_foreign" foreign key ("license_key_id") references "portico_license_key" ("id") on update cascade;`);

    this.addSql(`alter table if exists "portico_product_file_version" add constraint "portico_product_file_version_file_id_foreign" foreign key ("file_id") references "portico_product_file" ("id") on update cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portico_license_instance" drop constraint if exists "portico_license_instance_license_key_id_foreign";`);

    this.addSql(`alter table if exists "portico_product_file_version" drop constraint if exists "portico_product_file_version_file_id_foreign";`);

    this.addSql(`drop table if exists "portico_file_download" cascade;`);

    this.addSql(`drop table if exists "portico_license_key" cascade;`);

    this.addSql(`drop table if exists "portico_license_instance" cascade;`);

    this.addSql(`drop table if exists "portico_product_file" cascade;`);

    this.addSql(`drop table if exists "portico_product_file_version" cascade;`);
  }

}
