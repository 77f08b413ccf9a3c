// `npm run webhooks:secret`: prints a new endpoint secret in Standard Webhooks' whsec_<base64> form.
import { randomBytes } from "node:crypto";

process.stdout.write(`whsec_${randomBytes(32).toString("base64")}\n`);
