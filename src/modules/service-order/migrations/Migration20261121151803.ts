import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121151803 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portico_service_order" drop constraint if exists "portico_service_order_line_item_id_unit_index_unique";`);
    this.addSql(`create table if not exists "portico_service_order" ("id" text not null, "order_id" text not null, "order_display_id" integer null, "line_item_id" text not null, "unit_index" integer not null, "units" integer not null, "invoice_id" text null, "customer_id" text null, "email" text null, "product_id" text null, "variant_id" text null, "title" text not null, "variant_title" text null, "currency_code" text not null, "status" text check ("status" in ('pending', 'submitted', 'working', 'complete', 'canceled')) not null, "start_status" text check ("start_status" in ('submitted', 'working')) not null default 'submitted', "intake_form_id" text null, "submitted_at" timestamptz null, "completed_at" timestamptz null, "canceled_at" timestamptz null, "refund_amount" numeric null, "refund_method" text null, "metadata" jsonb null, "raw_refund_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_service_order_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_service_order_deleted_at" ON "portico_service_order" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portico_service_order_line_item_id_unit_index_unique" ON "portico_service_order" ("line_item_id", "unit_index") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_service_order_order_id" ON "portico_service_order" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_service_order_invoice_id" ON "portico_service_order" ("invoice_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_service_order_customer_id_created_at" ON "portico_service_order" ("customer_id", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_service_order_status_created_at" ON "portico_service_order" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_service_order_product_id" ON "portico_service_order" ("product_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portico_service_order_history" ("id" text not null, "service_order_id" text not null, "from_status" text check ("from_status" in ('pending', 'submitted', 'working', 'complete', 'canceled')) null, "to_status" text check ("to_status" in ('pending', 'submitted', 'working', 'complete', 'canceled')) not null, "actor_type" text check ("actor_type" in ('system', 'customer', 'user')) not null, "actor_id" text null, "note" text null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_service_order_history_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_service_order_history_service_order_id" ON "portico_service_order_history" ("service_order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_service_order_history_deleted_at" ON "portico_service_order_history" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_service_order_history_service_order_id_created_at" ON "portico_service_order_history" ("service_order_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "portico_service_order_history" add constraint "portico_service_order_history_service_order_id_foreign" foreign key ("service_order_id") references "portico_service_order" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portico_service_order_history" drop constraint if exists "portico_service_order_history_service_order_id_foreign";`);

    this.addSql(`drop table if exists "portico_service_order" cascade;`);

    this.addSql(`drop table if exists "portico_service_order_history" cascade;`);
  }

}
