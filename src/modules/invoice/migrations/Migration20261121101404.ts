import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121101404 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portico_invoice_line" drop constraint if exists "portico_invoice_line_invoice_id_line_item_id_unique";`);
    this.addSql(`alter table if exists "portico_invoice" drop constraint if exists "portico_invoice_number_unique";`);
    this.addSql(`alter table if exists "portico_invoice" drop constraint if exists "portico_invoice_cart_id_unique";`);
    this.addSql(`create table if not exists "portico_invoice" ("id" text not null, "number" text null, "status" text check ("status" in ('abandoned', 'open', 'paid', 'void')) not null default 'abandoned', "cart_id" text not null, "order_id" text null, "customer_id" text null, "email" text null, "region_id" text null, "currency_code" text not null, "item_count" integer not null default 0, "subtotal" numeric not null default 0, "discount_total" numeric not null default 0, "tax_total" numeric not null default 0, "credit_total" numeric not null default 0, "total" numeric not null default 0, "promotion_codes" text[] null, "synced_at" timestamptz null, "opened_at" timestamptz null, "paid_at" timestamptz null, "voided_at" timestamptz null, "metadata" jsonb null, "raw_subtotal" jsonb not null default '{"value":"0","precision":20}', "raw_discount_total" jsonb not null default '{"value":"0","precision":20}', "raw_tax_total" jsonb not null default '{"value":"0","precision":20}', "raw_credit_total" jsonb not null default '{"value":"0","precision":20}', "raw_total" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_invoice_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_invoice_deleted_at" ON "portico_invoice" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portico_invoice_cart_id_unique" ON "portico_invoice" ("cart_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portico_invoice_number_unique" ON "portico_invoice" ("number") WHERE deleted_at IS NULL AND number IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_invoice_order_id" ON "portico_invoice" ("order_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_invoice_status_created_at" ON "portico_invoice" ("status", "created_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_invoice_customer_id" ON "portico_invoice" ("customer_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portico_invoice_counter" ("id" text not null, "last_value" integer not null default 0, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_invoice_counter_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_invoice_counter_deleted_at" ON "portico_invoice_counter" ("deleted_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portico_invoice_line" ("id" text not null, "invoice_id" text not null, "line_item_id" text not null, "product_id" text null, "variant_id" text null, "title" text not null, "variant_title" text null, "quantity" integer not null, "unit_price" numeric not null, "subtotal" numeric not null default 0, "discount_total" numeric not null default 0, "tax_total" numeric not null default 0, "total" numeric not null default 0, "position" integer not null default 0, "raw_unit_price" jsonb not null, "raw_subtotal" jsonb not null default '{"value":"0","precision":20}', "raw_discount_total" jsonb not null default '{"value":"0","precision":20}', "raw_tax_total" jsonb not null default '{"value":"0","precision":20}', "raw_total" jsonb not null default '{"value":"0","precision":20}', "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_invoice_line_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_invoice_line_invoice_id" ON "portico_invoice_line" ("invoice_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_invoice_line_deleted_at" ON "portico_invoice_line" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portico_invoice_line_invoice_id_line_item_id_unique" ON "portico_invoice_line" ("invoice_id", "line_item_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "portico_invoice_line" add constraint "portico_invoice_line_invoice_id_foreign" foreign key ("invoice_id") references "portico_invoice" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portico_invoice_line" drop constraint if exists "portico_invoice_line_invoice_id_foreign";`);

    this.addSql(`drop table if exists "portico_invoice" cascade;`);

    this.addSql(`drop table if exists "portico_invoice_counter" cascade;`);

    this.addSql(`drop table if exists "portico_invoice_line" cascade;`);
  }

}
