/**
 * The testing kit's types say what it answers: `postIn(status)` always gives
 * a post (every status is reached from the default input, proved in
 * testing-kit.test.ts), `postIn(status, input)` may not, and `replay` may
 * not either (createPost may refuse the input). Nothing here runs the kit:
 * the calls sit in functions the compiler reads and no one calls.
 */
import { describe, expectTypeOf, it } from "vitest";
import type { Post, PostEvent, PostInput } from "../src/index.js";
import { type History, postIn, replay } from "../src/testing/index.js";

type Reached = { readonly post: Post; readonly path: readonly PostEvent[] };

describe("postIn", () => {
  it("from the default input, answers a post and its path: no `!` needed", () => {
    const fromDefault = () => postIn("published");
    expectTypeOf<ReturnType<typeof fromDefault>>().toEqualTypeOf<Reached>();
  });

  it("from an input, may answer undefined", () => {
    const fromInput = (input: PostInput) => postIn("published", input);
    expectTypeOf<ReturnType<typeof fromInput>>().toEqualTypeOf<Reached | undefined>();
    void ((input: PostInput) =>
      // @ts-expect-error the post may not be there: check it first
      postIn("published", input).post);
  });

  it("takes only a post status", () => {
    // @ts-expect-error "sent" is not a post status
    void (() => postIn("sent"));
  });
});

describe("replay", () => {
  it("may answer undefined: createPost may refuse the input", () => {
    const replayed = (input: PostInput) => replay(input, [1, 2]);
    expectTypeOf<ReturnType<typeof replayed>>().toEqualTypeOf<History | undefined>();
  });
});
