//! `BertNormalizer`: the text cleaning of the original BERT tokenizer.
//!
//! Steps, in this order, each optional:
//! 1. `clean_text`: removes U+0000, U+FFFD and control chars (general categories Cc, Cf
//!    and Co as of Unicode 8.0, except tab, newline and carriage return), then turns every
//!    whitespace char (those three included) into a plain space.
//! 2. `handle_chinese_chars`: puts a space on each side of every CJK ideograph (the first
//!    space takes the ideograph's place, the ideograph and the second space are inserted).
//! 3. strip accents (`strip_accents`, or `lowercase` when it is `null`): NFD, then removes
//!    the nonspacing marks (general category Mn as of Unicode 8.0).
//! 4. `lowercase`: full Unicode lowercasing.
//!
//! Removed chars are folded into the change marker of the previous kept char (or the
//! initial offset), as the reference does, so offsets match it.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::tables::{in_ranges, FORMAT_8, NONSPACING_MARK_8};
use super::unicode::{apply_form, Form};
use super::{filter_whole, lowercase_whole, starts_unaligned, transform_whole};
use crate::{NormalizedString, Normalizer, Result};

/// The BERT normalizer (`{"type": "BertNormalizer", ...}`). `clean_text`,
/// `handle_chinese_chars` and `lowercase` are required in JSON, as in the reference;
/// `strip_accents` may be missing or `null` (then it follows `lowercase`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BertNormalizer {
    /// Remove control chars and turn all whitespace into spaces.
    pub clean_text: bool,
    /// Put spaces around CJK ideographs.
    pub handle_chinese_chars: bool,
    /// Strip accents; `None` means "same as `lowercase`".
    #[serde(default)]
    pub strip_accents: Option<bool>,
    /// Lowercase the text.
    pub lowercase: bool,
}

impl Default for BertNormalizer {
    fn default() -> Self {
        BertNormalizer {
            clean_text: true,
            handle_chinese_chars: true,
            strip_accents: None,
            lowercase: true,
        }
    }
}

/// What [`BertNormalizer::keeps_char`] and [`BertNormalizer::rewrite_char`] say of each char
/// of the Basic Multilingual Plane, per combination of the four settings (index: clean
/// text, Chinese chars, strip accents, lowercase as bits 0–3) and per block of 256 chars,
/// computed the first time a char of the block is met. Each memo is a `u64`: the low byte
/// holds the flags below and the length of the rewritten text when it fits in the seven
/// bytes above it. Measured reason: on multilingual text the per-char steps (lowercase
/// mapping, canonical decomposition, table searches) took half of the bert ids path.
static MEMO: [[OnceLock<Box<[u64; 256]>>; 256]; 16] =
    [const { [const { OnceLock::new() }; 256] }; 16];
/// The memo is computed (not a surrogate).
const MEMO_KNOWN: u64 = 0x80;
/// `keeps_char` is true.
const MEMO_KEEPS: u64 = 0x40;
/// `rewrite_char` writes the bytes 1..=len of the memo.
const MEMO_HAS: u64 = 0x20;
/// `rewrite_char` is false.
const MEMO_FAILS: u64 = 0x10;
/// The length of the rewritten text.
const MEMO_LEN: u64 = 0x0F;

/// Whitespace for BERT: tab, newline, carriage return and every Unicode whitespace char.
#[inline]
fn is_bert_whitespace(c: char) -> bool {
    c.is_whitespace()
}

/// Control chars for BERT: Cc, Cf and Co (Unicode 8.0) except tab, newline and CR.
#[inline]
fn is_bert_control(c: char) -> bool {
    let u = c as u32;
    match u {
        0x09 | 0x0A | 0x0D => false,
        0x00..=0x1F | 0x7F..=0x9F => true,
        0xE000..=0xF8FF | 0xF0000..=0xFFFFD | 0x100000..=0x10FFFD => true,
        _ => u >= 0xAD && in_ranges(FORMAT_8, c),
    }
}

/// Chars `clean_text` removes.
#[inline]
fn is_removed(c: char) -> bool {
    c == '\0' || c == '\u{FFFD}' || is_bert_control(c)
}

/// CJK ideographs (the blocks the original BERT code lists).
#[inline]
fn is_chinese_char(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF
        | 0x3400..=0x4DBF
        | 0x20000..=0x2A6DF
        | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F
        | 0x2B920..=0x2CEAF
        | 0xF900..=0xFAFF
        | 0x2F800..=0x2FA1F)
}

impl BertNormalizer {
    fn clean_text(normalized: &mut NormalizedString) -> Result<()> {
        let s = normalized.get();
        if !starts_unaligned(normalized)
            && !s
                .chars()
                .any(|c| is_removed(c) || (c != ' ' && is_bert_whitespace(c)))
        {
            return Ok(());
        }
        let mut changes: Vec<(char, isize)> = Vec::with_capacity(s.len());
        let mut leading_removed = 0usize;
        for c in s.chars() {
            if is_removed(c) {
                match changes.last_mut() {
                    Some(last) => last.1 -= 1,
                    None => leading_removed += 1,
                }
            } else if is_bert_whitespace(c) {
                changes.push((' ', 0));
            } else {
                changes.push((c, 0));
            }
        }
        transform_whole(normalized, changes, leading_removed)
    }

    fn handle_chinese_chars(normalized: &mut NormalizedString) -> Result<()> {
        let s = normalized.get();
        if !starts_unaligned(normalized) && !s.chars().any(is_chinese_char) {
            return Ok(());
        }
        let mut changes: Vec<(char, isize)> = Vec::with_capacity(s.len() + 8);
        for c in s.chars() {
            if is_chinese_char(c) {
                changes.extend([(' ', 0), (c, 1), (' ', 1)]);
            } else {
                changes.push((c, 0));
            }
        }
        transform_whole(normalized, changes, 0)
    }

    fn strip_accents(normalized: &mut NormalizedString) -> Result<()> {
        apply_form(normalized, Form::Nfd)?;
        filter_whole(normalized, |c| {
            (c as u32) < 0x300 || !in_ranges(NONSPACING_MARK_8, c)
        })
    }
}

/// `0x01` in every byte.
const ONES: u64 = 0x0101_0101_0101_0101;
/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// How many of the eight bytes of `x` (little-endian) are printable ASCII (0x20..=0x7E)
/// before the first that is not: BERT's cleaning keeps those as they are. (`v - ONES * n &
/// !v & HIGH` flags the bytes of `v` below `n`, for `n <= 0x80`; a borrow can flag bytes
/// above a flagged one, never below, so the lowest flag is exact.)
#[inline(always)]
fn printable_ascii_prefix(x: u64) -> usize {
    let below_space = x.wrapping_sub(ONES * 0x20) & !x;
    let del = x ^ (ONES * 0x7F);
    let is_del = del.wrapping_sub(ONES) & !del;
    ((x | below_space | is_del) & HIGH).trailing_zeros() as usize / 8
}

/// `x` with `A`–`Z` lowercased; no byte sum carries out of an ASCII byte (bytes above
/// one that is not ASCII may come out wrong, and are not used).
#[inline(always)]
fn ascii_lower(x: u64) -> u64 {
    // Wrapping: a byte of 0x80 or more may carry out of the word (debug builds check).
    let ge_a = x.wrapping_add(ONES * (0x80 - 0x41));
    let gt_z = x.wrapping_add(ONES * (0x80 - 0x5B));
    x | ((ge_a & !gt_z & HIGH) >> 2)
}

impl BertNormalizer {
    /// Normalizes `s` as [`Normalizer::normalize`] does, text only; `None` when unchanged.
    ///
    /// Every step works char by char, except the canonical reordering of NFD, which only
    /// permutes runs of non-starters. So the text can be processed in segments cut before
    /// starters: ASCII chars go through a byte table, non-ASCII chars that no step changes
    /// (no decomposition, combining class 0, not a nonspacing mark, control, whitespace or
    /// CJK char, already lowercase) are copied, and each remaining run of non-ASCII chars
    /// goes through the full normalizer. Measured reason: the full path spent 80% of BERT's
    /// time in alignment vectors. Eight printable ASCII bytes are checked and lowercased at
    /// once. Measured reason: a table lookup and push per byte made this normalizer ~17
    /// instructions per byte, a quarter of the bert ids path.
    pub(crate) fn rewrite(&self, s: &str) -> Result<Option<String>> {
        let strip = self.strip_accents.unwrap_or(self.lowercase);
        let mut out: Vec<u8> = Vec::with_capacity(s.len());
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                let n = self.push_printable_ascii(bytes, i, &mut out);
                if n > 0 {
                    i += n;
                    continue;
                }
                let m = self.ascii_byte(b);
                if m != 0xFF {
                    out.push(m);
                }
                i += 1;
                continue;
            }
            let rest = s.get(i..).unwrap_or_default();
            let Some(c) = rest.chars().next() else {
                break;
            };
            let memo = self.memo(c);
            let keeps = if memo & MEMO_KNOWN != 0 {
                memo & MEMO_KEEPS != 0
            } else {
                self.keeps_char(c, strip)
            };
            if keeps {
                out.extend_from_slice(&bytes[i..i + c.len_utf8()]);
                i += c.len_utf8();
                continue;
            }
            let run_len = rest.bytes().position(|b| b < 0x80).unwrap_or(rest.len());
            let run = rest.get(..run_len).unwrap_or_default();
            let mark = out.len();
            if !self.rewrite_run(run, strip, &mut out) {
                out.truncate(mark);
                let mut n = NormalizedString::from(run);
                self.normalize(&mut n)?;
                out.extend_from_slice(n.get().as_bytes());
            }
            i += run_len;
        }
        if out == bytes {
            return Ok(None);
        }
        String::from_utf8(out)
            .map(Some)
            .map_err(|_| crate::Error::encode("normalization produced invalid UTF-8"))
    }
}

impl BertNormalizer {
    /// The text of a run of non-ASCII chars, char by char, appended to `out`; `false`
    /// (with `out` partly written) when the run needs the full normalizer.
    ///
    /// Each step maps a char to chars on its own: cleaning drops or blanks it, Chinese
    /// chars get spaces around them, lowercasing maps it. Accent stripping is NFD then the
    /// removal of nonspacing marks; NFD is each char's canonical decomposition followed by
    /// the canonical reordering of runs of non-starters, so when every non-starter of the
    /// decomposition is a removed mark, what remains is the starters in order and the
    /// reordering cannot matter. Any other non-starter returns `false`.
    fn rewrite_run(&self, run: &str, strip: bool, out: &mut Vec<u8>) -> bool {
        run.chars().all(|c| self.rewrite_char_memo(c, strip, out))
    }

    /// [`Self::rewrite_char`] answered from the char's memo when it has the answer.
    #[inline(always)]
    fn rewrite_char_memo(&self, c: char, strip: bool, out: &mut Vec<u8>) -> bool {
        let memo = self.memo(c);
        if memo & MEMO_HAS != 0 {
            let len = (memo & MEMO_LEN) as usize;
            out.extend_from_slice(memo.to_le_bytes().get(1..1 + len).unwrap_or_default());
            true
        } else {
            memo & MEMO_FAILS == 0 && self.rewrite_char(c, strip, out)
        }
    }

    /// Appends the printable ASCII bytes that `bytes` has at `i`, up to eight, to `out`
    /// (kept, lowercased when this normalizer lowercases: the word is written whole and cut
    /// back to those before the first other byte); returns how many (0 when the byte at
    /// `i` is not printable ASCII or fewer than eight bytes are left).
    #[inline(always)]
    fn push_printable_ascii(&self, bytes: &[u8], i: usize, out: &mut Vec<u8>) -> usize {
        let Some(chunk) = bytes.get(i..).and_then(|r| r.first_chunk::<8>()) else {
            return 0;
        };
        let x = u64::from_le_bytes(*chunk);
        let n = printable_ascii_prefix(x);
        if n > 0 {
            let y = if self.lowercase { ascii_lower(x) } else { x };
            let keep = out.len() + n;
            out.extend_from_slice(&y.to_le_bytes());
            out.truncate(keep);
        }
        n
    }

    /// Normalizes `s` char by char into `out` (emptied first), as [`Self::rewrite_char`]
    /// does each char, calling `produced(start, len, n)` for each source char
    /// `s[start..start + len]` that produced `n > 0` bytes (the caller aligns them to it);
    /// `false` when some char needs the full normalizer. Printable ASCII is read eight
    /// bytes at a time and other chars through their memo. Measured reason: char by char
    /// through `rewrite_char`, BERT's full encodings of multilingual text spent two thirds
    /// of their instructions here.
    pub(crate) fn rewrite_spans(
        &self,
        s: &str,
        out: &mut Vec<u8>,
        mut produced: impl FnMut(usize, usize, usize),
    ) -> bool {
        let strip = self.strips_accents();
        out.clear();
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            let n = self.push_printable_ascii(bytes, i, out);
            if n > 0 {
                for k in i..i + n {
                    produced(k, 1, 1);
                }
                i += n;
                continue;
            }
            let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
                return false;
            };
            let before = out.len();
            if !self.rewrite_char_memo(c, strip, out) {
                return false;
            }
            if out.len() > before {
                produced(i, c.len_utf8(), out.len() - before);
            }
            i += c.len_utf8();
        }
        true
    }

    /// The memo of char `c` under this normalizer's settings ([`MEMO`]; 0 for chars
    /// outside the Basic Multilingual Plane).
    #[inline]
    fn memo(&self, c: char) -> u64 {
        let u = c as u32;
        let config = usize::from(self.clean_text)
            | usize::from(self.handle_chinese_chars) << 1
            | usize::from(self.strips_accents()) << 2
            | usize::from(self.lowercase) << 3;
        let Some(block) = MEMO.get(config).and_then(|t| t.get((u >> 8) as usize)) else {
            return 0;
        };
        let block = block.get_or_init(|| self.memo_block(u & !0xFF));
        block.get((u & 0xFF) as usize).copied().unwrap_or(0)
    }

    /// The memos of the 256 chars from `first`.
    fn memo_block(&self, first: u32) -> Box<[u64; 256]> {
        let strip = self.strips_accents();
        let mut block = Box::new([0u64; 256]);
        let mut out = Vec::new();
        for (u, slot) in (first..).zip(block.iter_mut()) {
            let Some(c) = char::from_u32(u) else {
                continue;
            };
            let mut memo = MEMO_KNOWN;
            if self.keeps_char(c, strip) {
                memo |= MEMO_KEEPS;
            }
            out.clear();
            if !self.rewrite_char(c, strip, &mut out) {
                memo |= MEMO_FAILS;
            } else if out.len() <= 7 {
                let mut bytes = [0u8; 8];
                bytes[1..1 + out.len()].copy_from_slice(&out);
                memo |= u64::from_le_bytes(bytes) | MEMO_HAS | out.len() as u64;
            }
            *slot = memo;
        }
        block
    }

    /// Whether accents are stripped (the `strip_accents` setting, `lowercase` when unset).
    pub(crate) fn strips_accents(&self) -> bool {
        self.strip_accents.unwrap_or(self.lowercase)
    }

    /// What this normalizer makes of the ASCII byte `b` (`0xFF`: removed). Computed per
    /// byte, not as a table per call: `rewrite` also runs on single chars and short runs.
    #[inline]
    fn ascii_byte(&self, b: u8) -> u8 {
        let c = char::from(b);
        if self.clean_text && is_removed(c) {
            0xFF
        } else if self.clean_text && is_bert_whitespace(c) {
            b' '
        } else if self.lowercase {
            b.to_ascii_lowercase()
        } else {
            b
        }
    }

    /// Whether no step of this normalizer touches the char `c` (`strip` is
    /// [`Self::strips_accents`]); a char it keeps needs no rewriting.
    #[inline]
    pub(crate) fn keeps_char(&self, c: char, strip: bool) -> bool {
        !(self.clean_text && (is_removed(c) || is_bert_whitespace(c)))
            && !(self.handle_chinese_chars && is_chinese_char(c))
            && !(strip && (super::unicode::may_decompose(c) || in_ranges(NONSPACING_MARK_8, c)))
            && !(self.lowercase && {
                let mut l = c.to_lowercase();
                !(l.next() == Some(c) && l.next().is_none())
            })
    }

    /// Appends what this normalizer makes of the char `c` on its own (see
    /// [`Self::rewrite_run`]; `strip` is [`Self::strips_accents`]); `false` when `c`
    /// needs the full normalizer. In the full normalizer every char produced from `c` is
    /// aligned to `c`: the cleaning replaces it, the spaces around a Chinese char and the
    /// extra chars of a decomposition or a lowercase mapping are inserted after it.
    pub(crate) fn rewrite_char(&self, c: char, strip: bool, out: &mut Vec<u8>) -> bool {
        use unicode_normalization::char::{canonical_combining_class, decompose_canonical};
        let mut buf = [0u8; 4];
        let lowercase = self.lowercase;
        let emit = |c: char, out: &mut Vec<u8>, buf: &mut [u8; 4]| {
            if lowercase {
                for l in c.to_lowercase() {
                    out.extend_from_slice(l.encode_utf8(buf).as_bytes());
                }
            } else {
                out.extend_from_slice(c.encode_utf8(buf).as_bytes());
            }
        };
        if self.clean_text && is_removed(c) {
            return true;
        }
        if self.clean_text && is_bert_whitespace(c) {
            out.push(b' ');
            return true;
        }
        let chinese = self.handle_chinese_chars && is_chinese_char(c);
        if chinese {
            out.push(b' ');
        }
        if strip {
            let mut ok = true;
            decompose_canonical(c, |d| {
                if (d as u32) >= 0x300 && in_ranges(NONSPACING_MARK_8, d) {
                    return;
                }
                if canonical_combining_class(d) != 0 {
                    ok = false;
                }
                emit(d, out, &mut buf);
            });
            if !ok {
                return false;
            }
        } else {
            emit(c, out, &mut buf);
        }
        if chinese {
            out.push(b' ');
        }
        true
    }
}

impl Normalizer for BertNormalizer {
    fn normalize(&self, normalized: &mut NormalizedString) -> Result<()> {
        if self.clean_text {
            Self::clean_text(normalized)?;
        }
        if self.handle_chinese_chars {
            Self::handle_chinese_chars(normalized)?;
        }
        if self.strip_accents.unwrap_or(self.lowercase) {
            Self::strip_accents(normalized)?;
        }
        if self.lowercase {
            lowercase_whole(normalized)?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod swar_tests {
    use super::*;

    #[test]
    fn memos_equal_the_char_steps() {
        for config in 0..16u8 {
            let n = BertNormalizer {
                clean_text: config & 1 != 0,
                handle_chinese_chars: config & 2 != 0,
                strip_accents: Some(config & 4 != 0),
                lowercase: config & 8 != 0,
            };
            let strip = n.strips_accents();
            let (mut want, mut got) = (Vec::new(), Vec::new());
            for c in (0x80..0x1_0000).filter_map(char::from_u32) {
                let memo = n.memo(c);
                assert_ne!(memo & MEMO_KNOWN, 0, "{c:?}");
                assert_eq!(memo & MEMO_KEEPS != 0, n.keeps_char(c, strip), "{c:?}");
                want.clear();
                got.clear();
                let ok = n.rewrite_char(c, strip, &mut want);
                assert_eq!(
                    n.rewrite_run(c.encode_utf8(&mut [0; 4]), strip, &mut got),
                    ok
                );
                if ok {
                    assert_eq!(got, want, "{c:?} {config}");
                }
            }
        }
    }

    /// Every byte value at every position, with another byte (printable or not) at every
    /// later position: the printable prefix and its lowercasing match the byte-wise ones.
    #[test]
    fn eight_byte_checks_match_per_byte() {
        let later = [0x00, 0x1F, 0x20, b'A', b'z', 0x7E, 0x7F, 0x80, 0xC3, 0xFF];
        for b in 0..=255u8 {
            for pos in 0..8 {
                for (pos2, &b2) in (pos..8).flat_map(|p| later.iter().map(move |b2| (p, b2))) {
                    let mut bytes = *b"abcXYZ~ ";
                    bytes[pos2] = b2;
                    bytes[pos] = b;
                    let x = u64::from_le_bytes(bytes);
                    let n = bytes
                        .iter()
                        .position(|c| !(0x20..=0x7E).contains(c))
                        .unwrap_or(8);
                    assert_eq!(printable_ascii_prefix(x), n, "{bytes:?}");
                    assert_eq!(
                        ascii_lower(x).to_le_bytes()[..n],
                        bytes.to_ascii_lowercase()[..n],
                        "{bytes:?}"
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::char_spans as run;
    use super::*;

    #[test]
    fn defaults_and_serde() {
        let n: BertNormalizer = serde_json::from_str(
            r#"{"clean_text":true,"handle_chinese_chars":true,"lowercase":true}"#,
        )
        .unwrap();
        assert_eq!(n, BertNormalizer::default());
        assert_eq!(
            serde_json::to_string(&n).unwrap(),
            r#"{"clean_text":true,"handle_chinese_chars":true,"strip_accents":null,"lowercase":true}"#
        );
        assert!(serde_json::from_str::<BertNormalizer>(r#"{"lowercase":true}"#).is_err());
    }

    #[test]
    fn matches_reference_alignments() {
        // Expected values from the reference (encode offsets, in chars).
        let n = BertNormalizer::default();
        let (text, spans) = run(&n, "Héllo\u{0}\t中国 Ä\u{200B}x");
        assert_eq!(text, "hello  中  国  ax");
        assert_eq!(
            spans,
            vec![
                (0, 1),
                (1, 2),
                (2, 3),
                (3, 4),
                (4, 5),
                (6, 7),
                (7, 8),
                (7, 8),
                (7, 8),
                (8, 9),
                (8, 9),
                (8, 9),
                (9, 10),
                (10, 11),
                (12, 13)
            ]
        );
        let (text, spans) = run(&n, "\u{301}中\u{301}A\u{7}");
        assert_eq!(text, " 中 a");
        assert_eq!(spans, vec![(1, 2), (1, 2), (1, 2), (3, 4)]);
    }

    #[test]
    fn unicode_8_categories() {
        let n = BertNormalizer {
            clean_text: true,
            handle_chinese_chars: false,
            strip_accents: Some(true),
            lowercase: false,
        };
        // U+08E2 (Cf since Unicode 9) is kept, U+00AD (Cf) removed; U+0903 (Mc) and U+08D4
        // (Mn since Unicode 9) survive accent stripping.
        assert_eq!(run(&n, "a\u{8E2}\u{AD}b").0, "a\u{8E2}b");
        assert_eq!(run(&n, "a\u{903}\u{8D4}\u{301}").0, "a\u{903}\u{8D4}");
    }
}

#[cfg(test)]
mod plain_text_tests {
    use super::*;
    use crate::utils::test_texts::XorShift;

    /// `rewrite` (the text without alignments) equals the full normalizer's text on
    /// random text mixing ASCII and chars every step changes, for every configuration.
    #[test]
    fn rewrite_equals_the_full_normalizer() {
        const POOL: &[&str] = &[
            "a",
            "B",
            " ",
            "\t",
            "\n",
            "\u{1}",
            "é",
            "e\u{301}",
            "\u{301}",
            "\u{327}\u{300}",
            "\u{345}",
            "中",
            "\u{f900}",
            "ß",
            "İ",
            "Σ",
            "Ǆ",
            "\u{200b}",
            "\u{feff}",
            "Ａ",
            "한",
            "\u{1100}\u{1161}",
            "\u{0e48}",
            "\u{05b0}\u{05b1}",
            "…",
            "😀",
            "Å",
            "\u{2126}",
            "\u{a0}",
            "\u{3000}",
            "Ḗ",
            "ǰ",
            "\u{1e9e}",
            "\u{0}",
            "Привет",
            "ΆΈ",
            "\u{93f}",
        ];
        let mut rng = XorShift(0x2545_f491_4f6c_dd1du64);
        for bits in 0..24u32 {
            let n = BertNormalizer {
                clean_text: bits & 1 != 0,
                handle_chinese_chars: bits & 2 != 0,
                lowercase: bits & 4 != 0,
                strip_accents: match bits >> 3 {
                    0 => None,
                    1 => Some(true),
                    _ => Some(false),
                },
            };
            for round in 0..300 {
                let mut text = String::new();
                for _ in 0..1 + round % 25 {
                    text.push_str(POOL[rng.below(POOL.len())]);
                }
                let mut full = NormalizedString::from(text.as_str());
                n.normalize(&mut full).unwrap();
                let plain = n.rewrite(&text).unwrap().unwrap_or_else(|| text.clone());
                assert_eq!(plain, full.get(), "{n:?} on {text:?}");
                // Char by char with spans: the same text, each byte aligned as the full
                // normalizer aligns it (when no char needs the full normalizer).
                let (mut out, mut spans) = (Vec::new(), Vec::new());
                let whole = n.rewrite_spans(&text, &mut out, |start, len, k| {
                    spans.extend(std::iter::repeat_n((start, start + len), k));
                });
                if whole {
                    assert_eq!(out, full.get().as_bytes(), "{n:?} on {text:?}");
                    assert_eq!(spans, full.alignments(), "{n:?} on {text:?}");
                }
            }
        }
    }
}
