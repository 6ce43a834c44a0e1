import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261201211143 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portico_service_settings" add column if not exists "included" text null, add column if not exists "turnaround" text null, add column if not exists "next_steps" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portico_service_settings" drop column if exists "included", drop column if exists "turnaround", drop column if exists "next_steps";`);
  }

}
