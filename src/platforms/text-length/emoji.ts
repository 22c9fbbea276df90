/** The emoji sequences that X weighs as one unit and Threads counts as their bytes. */

// One emoji, counted as a unit: a flag (two regional indicators), a keycap,
// a tag sequence (🏴 and a subdivision, like England's flag), or pictographs
// joined by ZWJ, each with an optional skin tone (after a modifier base) or
// VS16. © and ® are emoji only with VS16: twitter-text's emoji parser leaves
// them as Latin-1 letters (weight 1) otherwise. Unicode properties also know
// sequences newer than twitter-text 3.1.0's parser (twemoji-parser 11), such
// as ❤️‍🔥: this module weighs them as one emoji (2) where it weighs the parts.
const pictograph = String.raw`(?:\p{Emoji_Modifier_Base}\p{Emoji_Modifier}|[\u00A9\u00AE]\uFE0F|(?![\u00A9\u00AE])\p{Extended_Pictographic}\uFE0F?)`;
export const emojiSequence = /* @__PURE__ */ (() =>
  new RegExp(
    String.raw`\p{Regional_Indicator}{2}|[#*0-9]\uFE0F?\u20E3|\u{1F3F4}[\u{E0020}-\u{E007E}]+\u{E007F}|${pictograph}(?:\u200D${pictograph})*`,
    "gu",
  ))();
