export * from "../../src/testing/alphabet.js";
