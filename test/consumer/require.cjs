// The CommonJS face of the package: require() gives the same kit.
const assert = require("node:assert/strict");
const { apply, createPost } = require("postlife");
const { defaultModelInput, postIn } = require("postlife/testing");

const { post, path } = postIn("published");
assert.equal(post.status, "published");
const created = createPost(defaultModelInput);
assert.ok(created.ok, "createPost");
const replayed = path.reduce((p, e) => {
  const d = apply(p, e);
  assert.ok(d.ok, e.type);
  return d.post;
}, created.post);
assert.deepEqual(replayed, post);
console.log('require("postlife/testing"): ok');
