import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202081646 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portico_service_settings" add column if not exists "renewal_service_orders" boolean not null default false;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portico_service_settings" drop column if exists "renewal_service_orders";`);
  }

}
