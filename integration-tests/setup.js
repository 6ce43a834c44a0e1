// Each test file boots its own app: forget the ORM metadata of the previous one.
const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

MetadataStorage.clear()
