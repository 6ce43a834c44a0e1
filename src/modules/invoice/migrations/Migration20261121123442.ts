import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261121123442 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portico_invoice" add column if not exists "credit_refund_total" numeric not null default 0, add column if not exists "raw_credit_refund_total" jsonb not null default '{"value":"0","precision":20}';`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portico_invoice" drop column if exists "credit_refund_total", drop column if exists "raw_credit_refund_total";`);
  }

}
