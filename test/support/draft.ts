import {
  createPost,
  type Post,
  type PostInput,
  type Rejection,
  type Violation,
} from "../../src/index.js";

/** The draft `createPost` makes of an input a test knows to be good; a refusal fails the test. */
export const draftOf = (input: PostInput): Post => {
  const created = createPost(input);
  if (!created.ok) {
    throw new Error(
      `createPost refused: ${created.rejection.reason}: ${created.rejection.message}`,
    );
  }
  return created.post;
};

/** The violations a rejection lists: only `content_invalid` carries them. */
export const violationsOf = (rejection: Rejection): readonly Violation[] | undefined =>
  rejection.reason === "content_invalid" ? rejection.violations : undefined;
