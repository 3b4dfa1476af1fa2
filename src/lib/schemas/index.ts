export * from "./behavior";
export * from "./ids";
export * from "./level";
export * from "./order";
export * from "./prose";
export * from "./publishedIds";
export * from "./role";
export * from "./track";
