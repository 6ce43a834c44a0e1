import { Migration } from "@medusajs/framework/mikro-orm/migrations";

export class Migration20261202115318 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`alter table if exists "portico_service_settings" add column if not exists "license_activation_limit" integer null default 1, add column if not exists "license_expiry" text check ("license_expiry" in ('never', 'length', 'subscription')) not null default 'never', add column if not exists "license_expiry_interval" text check ("license_expiry_interval" in ('day', 'week', 'month', 'year')) null, add column if not exists "license_expiry_count" integer null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table if exists "portico_service_settings" drop column if exists "license_activation_limit", drop column if exists "license_expiry", drop column if exists "license_expiry_interval", drop column if exists "license_expiry_count";`);
  }

}
