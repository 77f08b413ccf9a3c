export * from "./auth";
export * from "./api-tokens";
export * from "./jobs";
export * from "./features";
export * from "./github";
export * from "./outbound";
export * from "./audit";
