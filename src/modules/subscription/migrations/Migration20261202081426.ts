import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202081426 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portico_subscription_renewal" drop constraint if exists "portico_subscription_renewal_subscription_id_period_unique";`);
    this.addSql(`alter table if exists "portico_subscription" drop constraint if exists "portico_subscription_line_item_id_unit_index_unique";`);
    this.addSql(`create table if not exists "portico_subscription" ("id" text not null, "status" text check ("status" in ('active', 'past_due', 'paused', 'canceled', 'ended')) not null default 'active', "customer_id" text null, "email" text null, "product_id" text null, "variant_id" text null, "title" text not null, "variant_title" text null, "order_id" text not null, "line_item_id" text not null, "unit_index" integer not null default 1, "invoice_id" text null, "service_order_id" text null, "region_id" text null, "sales_channel_id" text null, "currency_code" text not null, "unit_price" numeric not null, "interval" text check ("interval" in ('day', 'week', 'month', 'year')) not null, "interval_count" integer not null default 1, "billing_cycles" integer null, "cycles_paid" integer not null default 1, "anchor_at" timestamptz not null, "anchor_period" integer not null default 0, "current_period_start" timestamptz not null, "current_period_end" timestamptz not null, "cancel_at_period_end" boolean not null default false, "canceled_at" timestamptz null, "cancel_reason" text null, "ended_at" timestamptz null, "paused_at" timestamptz null, "resume_at" timestamptz null, "payment_provider_id" text null, "payment_method_id" text null, "payment_account_holder_id" text null, "payment_method_label" text null, "reminded_at" timestamptz null, "metadata" jsonb null, "raw_unit_price" jsonb not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_subscription_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_subscription_deleted_at" ON "portico_subscription" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portico_subscription_line_item_id_unit_index_unique" ON "portico_subscription" ("line_item_id", "unit_index") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_subscription_status_current_period_end_id" ON "portico_subscription" ("status", "current_period_end", "id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_subscription_customer_id" ON "portico_subscription" ("customer_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_subscription_order_id" ON "portico_subscription" ("order_id") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portico_subscription_history" ("id" text not null, "subscription_id" text not null, "action" text check ("action" in ('created', 'renewed', 'payment_failed', 'payment_requires_action', 'canceled', 'cancel_scheduled', 'cancel_undone', 'paused', 'resumed', 'ended', 'renewal_moved', 'payment_method_updated', 'claimed')) not null, "from_status" text check ("from_status" in ('active', 'past_due', 'paused', 'canceled', 'ended')) null, "to_status" text check ("to_status" in ('active', 'past_due', 'paused', 'canceled', 'ended')) not null, "actor_type" text check ("actor_type" in ('system', 'customer', 'user')) not null, "actor_id" text null, "note" text null, "data" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_subscription_history_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_subscription_history_subscription_id" ON "portico_subscription_history" ("subscription_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_subscription_history_deleted_at" ON "portico_subscription_history" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_subscription_history_subscription_id_created_at" ON "portico_subscription_history" ("subscription_id", "created_at") WHERE deleted_at IS NULL;`);

    this.addSql(`create table if not exists "portico_subscription_renewal" ("id" text not null, "subscription_id" text not null, "period" integer not null, "period_start" timestamptz not null, "period_end" timestamptz not null, "status" text check ("status" in ('pending', 'retrying', 'requires_action', 'paid', 'failed', 'canceled')) not null default 'pending', "currency_code" text not null, "amount" numeric not null, "credit_amount" numeric null, "credit_transaction_id" text null, "invoice_id" text null, "order_id" text null, "payment_collection_id" text null, "payment_session_id" text null, "attempt_count" integer not null default 0, "next_attempt_at" timestamptz null, "last_error_code" text null, "last_error_message" text null, "paid_at" timestamptz null, "attempts" jsonb null, "raw_amount" jsonb not null, "raw_credit_amount" jsonb null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), "deleted_at" timestamptz null, constraint "portico_subscription_renewal_pkey" primary key ("id"));`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_subscription_renewal_subscription_id" ON "portico_subscription_renewal" ("subscription_id") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_subscription_renewal_deleted_at" ON "portico_subscription_renewal" ("deleted_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portico_subscription_renewal_subscription_id_period_unique" ON "portico_subscription_renewal" ("subscription_id", "period") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_subscription_renewal_status_next_attempt_at" ON "portico_subscription_renewal" ("status", "next_attempt_at") WHERE deleted_at IS NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_subscription_renewal_invoice_id" ON "portico_subscription_renewal" ("invoice_id") WHERE deleted_at IS NULL;`);

    this.addSql(`alter table if exists "portico_subscription_history" add constraint "portico_subscription_history_subscription_id_foreign" foreign key ("subscription_id") references "portico_subscription" ("id") on update cascade on delete cascade;`);

    this.addSql(`alter table if exists "portico_subscription_renewal" add constraint "portico_subscription_renewal_subscription_id_foreign" foreign key ("subscription_id") references "portico_subscription" ("id") on update cascade on delete cascade;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portico_subscription_history" drop constraint if exists "portico_subscription_history_subscription_id_foreign";`);

    this.addSql(`alter table if exists "portico_subscription_renewal" drop constraint if exists "portico_subscription_renewal_subscription_id_foreign";`);

    this.addSql(`drop table if exists "portico_subscription" cascade;`);

    this.addSql(`drop table if exists "portico_subscription_history" cascade;`);

    this.addSql(`drop table if exists "portico_subscription_renewal" cascade;`);
  }

}
