import "server-only";

import { processSingleton } from "@/lib/server/process-singleton";

import { buildOpenApiDocument } from "./build-openapi-document";

const built = processSingleton("hooksmith.openapi-document", (): { document?: ReturnType<typeof buildOpenApiDocument> } => ({}));

/** The document, built once per process: the routes it describes do not change while it runs. */
export function openApiDocument() {
  built.document ??= buildOpenApiDocument();
  return built.document;
}
