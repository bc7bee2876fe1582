export * from "./actor";
export * from "./context";
export * from "./error";
export * from "./id";
export * from "./log";
export * from "./permissions";
