export * from "../../src/testing/witness.js";
