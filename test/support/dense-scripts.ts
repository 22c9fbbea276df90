/**
 * Scripts written without whitespace, as long runs of one grapheme cluster:
 * each script's name, its cluster, and how many clusters its repeats hold in
 * 250,000 UTF-16 units (the text ceiling). The segmenter used to be handed
 * such a run whole (78 s for PUBLISH of the Hangul one to Mastodon); the
 * text-length tests count the work, the preflight bench times it.
 */
export const denseScripts = [
  ["Hangul", "한", 250_000],
  ["Cyrillic extended", "ѣ", 250_000],
  ["Devanagari", "नमस्ते", 124_998],
  ["skin tones", "👍🏽", 62_500],
  ["flags", "🇺🇸", 62_500],
  ["ZWJ sequences", "👨‍👩‍👧", 31_250],
  ["combining marks", "e\u0301\u0302", 83_333],
  ["regional indicators", "🇦", 62_500],
] as const;
