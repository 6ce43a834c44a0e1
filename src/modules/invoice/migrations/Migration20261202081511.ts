import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202081511 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portico_invoice" drop constraint if exists "portico_invoice_renewal_id_unique";`);
    this.addSql(`alter table if exists "portico_invoice" add column if not exists "subscription_id" text null, add column if not exists "renewal_id" text null;`);
    this.addSql(`alter table if exists "portico_invoice" alter column "cart_id" type text using ("cart_id"::text);`);
    this.addSql(`alter table if exists "portico_invoice" alter column "cart_id" drop not null;`);
    this.addSql(`CREATE UNIQUE INDEX IF NOT EXISTS "IDX_portico_invoice_renewal_id_unique" ON "portico_invoice" ("renewal_id") WHERE deleted_at IS NULL AND renewal_id IS NOT NULL;`);
    this.addSql(`CREATE INDEX IF NOT EXISTS "IDX_portico_invoice_subscription_id" ON "portico_invoice" ("subscription_id") WHERE deleted_at IS NULL AND subscription_id IS NOT NULL;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "IDX_portico_invoice_renewal_id_unique";`);
    this.addSql(`drop index if exists "IDX_portico_invoice_subscription_id";`);
    this.addSql(`alter table if exists "portico_invoice" drop column if exists "subscription_id", drop column if exists "renewal_id";`);

    this.addSql(`alter table if exists "portico_invoice" alter column "cart_id" type text using ("cart_id"::text);`);
    this.addSql(`alter table if exists "portico_invoice" alter column "cart_id" set not null;`);
  }

}
