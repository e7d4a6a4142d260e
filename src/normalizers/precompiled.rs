//! `Precompiled`: SentencePiece's compiled normalization rules (`precompiled_charsmap`).
//!
//! The charsmap (base64 in JSON) is `[trie size in bytes: u32 LE][trie: u32 LE units]
//! [replacement strings, each ended by NUL]`. The trie is a Darts double array mapping byte
//! strings to offsets into the replacement strings. Each unit packs: bits 0–7 the label,
//! bit 8 "has a leaf", bit 9 the offset scale (`<< 8`), bits 10– the offset; a leaf unit's
//! low 31 bits are the value.
//!
//! Normalization follows the reference exactly, quirks included. The text is cut into
//! extended grapheme clusters. A cluster shorter than 6 bytes is looked up as a whole; on a
//! hit it is replaced. Otherwise each of its chars is looked up alone and replaced on a hit.
//! A lookup walks the trie along the key's bytes and takes the FIRST (shortest) prefix that
//! has a value, and then the whole key is replaced by that value's string. Change markers:
//! a key of `k` chars replaced by `m` chars gives `m` chars marked `0`; if `m > k` the last
//! `m - k` of them are marked inserted (`+1`); if `m < k` the last pushed marker (the last
//! new char, or when `m == 0` the char before the key, if any) absorbs the `k - m` removals.
//!
//! Loading validates the layout (sizes, UTF-8 of the strings, a non-empty trie), so a
//! missing, empty or truncated charsmap is a load error. A trie whose walk leaves the array
//! or points outside the strings is reported as an error when normalizing, never a panic.

use serde::{Deserialize, Serialize};
use unicode_segmentation::UnicodeSegmentation;

use super::transform_whole;
use crate::{Error, NormalizedString, Normalizer, Result};

/// Whether `c` is a char of ASCII (but CR), of a common letter block or of the common
/// punctuation whose grapheme-break property is "Other" or "Control" (not an extender,
/// spacing mark, prepended mark, Hangul jamo or regional indicator): a grapheme boundary
/// lies before and after it unless the next char extends it. The unit test checks every char of these ranges against the
/// segmentation itself.
#[inline]
fn breaks_around(c: char) -> bool {
    bit(&BREAKS_AROUND, c as usize)
}

/// Bit `u` of a set of Basic Multilingual Plane chars (`false` past the plane).
#[inline(always)]
fn bit(set: &[u64; 1024], u: usize) -> bool {
    set.get(u / 64)
        .is_some_and(|word| word >> (u % 64) & 1 != 0)
}

/// Whether each of the 8 bytes of `w` is a space or an ASCII graphic char (0x20..=0x7E):
/// none is below 0x20 (the subtraction sets its top bit), none is 0x7F (the addition
/// sets it) and none is 0x80 or more. A borrow or carry across bytes comes only from a
/// byte that fails anyway.
#[inline(always)]
fn all_graphic(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let low = w.wrapping_sub(0x20 * ONES);
    let del = w.wrapping_add(ONES);
    (low | del | w) & (0x80 * ONES) == 0
}

/// The code point and length of the char of two or three bytes at `j` of `bytes` (a char
/// boundary of a `str`, not ASCII); `None` for a char of four bytes (past the Basic
/// Multilingual Plane) or at the end.
#[inline(always)]
fn bmp_char_at(bytes: &[u8], j: usize) -> Option<(usize, usize)> {
    let b0 = usize::from(*bytes.get(j)?);
    let b1 = usize::from(*bytes.get(j + 1)?) & 0x3F;
    if b0 < 0xE0 {
        return Some(((b0 & 0x1F) << 6 | b1, 2));
    }
    if b0 < 0xF0 {
        let b2 = usize::from(*bytes.get(j + 2)?) & 0x3F;
        return Some(((b0 & 0x0F) << 12 | b1 << 6 | b2, 3));
    }
    None
}

/// The ranges of [`breaks_around`].
const BREAKS_AROUND_RANGES: [(u32, u32); 22] = [
    (0x0000, 0x000C), // ASCII controls and LF (controls break on both sides)
    (0x000E, 0x007F), // the rest of ASCII but CR (which joins a following LF)
    (0x00C0, 0x024F), // Latin-1 letters, Latin Extended-A and -B
    (0x0388, 0x03FF), // Greek
    (0x0400, 0x0482), // Cyrillic, without its combining marks
    (0x048A, 0x052F),
    (0x05D0, 0x05EA), // Hebrew letters
    (0x0621, 0x064A), // Arabic letters
    (0x0531, 0x0556), // Armenian letters
    (0x0561, 0x0587),
    (0x0E01, 0x0E30), // Thai consonants (and the vowel SARA A)
    (0x10D0, 0x10FA), // Georgian letters
    (0x3000, 0x3003), // ideographic space, comma and full stop
    (0x30FC, 0x30FE), // the Katakana-Hiragana prolonged sound mark and iteration marks
    (0xFF01, 0xFF5E), // fullwidth ASCII
    (0x3041, 0x3096), // Hiragana
    (0x30A1, 0x30FA), // Katakana
    (0x3400, 0x4DBF), // CJK ideographs
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7A3), // Hangul syllables (two of them never join)
    (0x2010, 0x2027), // dashes, quotes, bullets, ellipsis, line and paragraph separators
    (0x2030, 0x205E), // per mille to the four-dot punctuation
];

/// [`BREAKS_AROUND_RANGES`] as one bit per char of the Basic Multilingual Plane (8 KiB,
/// built at compile time). Measured reason: the chain of range comparisons was a sixth of
/// t5-small's ids path on multilingual text.
static BREAKS_AROUND: [u64; 1024] = {
    let mut bits = [0u64; 1024];
    let mut r = 0;
    while r < BREAKS_AROUND_RANGES.len() {
        let (first, last) = BREAKS_AROUND_RANGES[r];
        let mut u = first as usize;
        while u <= last as usize {
            bits[u / 64] |= 1 << (u % 64);
            u += 1;
        }
        r += 1;
    }
    bits
};

/// The extended grapheme cluster at the start of `rest` (as `rest.graphemes(true)` gives
/// it), without the segmentation machinery when its first char is a plain letter (see
/// [`breaks_around`]) followed by the end, an ASCII char or another plain letter. Measured
/// reason: grapheme segmentation was a fifth of t5-small's ids time on multilingual text.
#[inline]
pub(crate) fn next_grapheme(rest: &str) -> Option<&str> {
    let mut chars = rest.chars();
    let first = chars.next()?;
    if breaks_around(first)
        && chars
            .next()
            .is_none_or(|n| n.is_ascii() || breaks_around(n))
    {
        return rest.get(..first.len_utf8());
    }
    rest.graphemes(true).next()
}

/// SentencePiece precompiled normalizer (`{"type": "Precompiled", "precompiled_charsmap":
/// "<base64>"}`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "PrecompiledJson", into = "PrecompiledJson")]
pub struct Precompiled {
    /// The charsmap as given (kept to serialize it back).
    charsmap: Vec<u8>,
    /// The double-array units.
    trie: Vec<u32>,
    /// The NUL-separated replacement strings.
    normalized: String,
    /// `true` for an ASCII byte other than CR whose char alone has no replacement
    /// (computed at load; `false` for bytes of 0x80 and more).
    ascii_plain: [bool; 256],
    /// The chars past ASCII of [`breaks_around`] that the charsmap leaves alone, one bit
    /// per char of the Basic Multilingual Plane (computed at load, 8 KiB).
    plain: Box<[u64; 1024]>,
    /// Whether the space and every ASCII graphic char are left alone
    /// ([`Self::keeps_ascii_graphic`], computed at load).
    graphic_plain: bool,
    /// What each ASCII char alone becomes (computed at load).
    ascii_rep: Vec<AsciiRep>,
}

/// What an ASCII char alone becomes.
#[derive(Debug, Clone, PartialEq, Eq)]
enum AsciiRep {
    /// Itself (no replacement).
    Itself,
    /// This replacement.
    By(String),
    /// Not known: the trie lookup failed, so it is repeated (and reported) when met.
    Unknown,
}

/// JSON form of [`Precompiled`].
#[derive(Serialize, Deserialize)]
struct PrecompiledJson {
    precompiled_charsmap: String,
}

impl TryFrom<PrecompiledJson> for Precompiled {
    type Error = String;

    fn try_from(json: PrecompiledJson) -> std::result::Result<Self, String> {
        let bytes = base64_decode(&json.precompiled_charsmap)
            .map_err(|e| format!("field `precompiled_charsmap`: {e}; expected base64"))?;
        Precompiled::from_bytes(&bytes).map_err(|e| format!("field `precompiled_charsmap`: {e}"))
    }
}

impl From<Precompiled> for PrecompiledJson {
    fn from(p: Precompiled) -> Self {
        PrecompiledJson {
            precompiled_charsmap: base64_encode(&p.charsmap),
        }
    }
}

#[inline]
fn has_leaf(unit: u32) -> bool {
    (unit >> 8) & 1 == 1
}

#[inline]
fn value(unit: u32) -> u32 {
    unit & 0x7FFF_FFFF
}

#[inline]
fn label(unit: u32) -> u32 {
    unit & 0x8000_00FF
}

#[inline]
fn offset(unit: u32) -> usize {
    ((unit >> 10) as usize) << ((unit & (1 << 9)) >> 6)
}

impl Precompiled {
    /// Parses a raw (decoded) charsmap.
    pub fn from_bytes(charsmap: &[u8]) -> std::result::Result<Self, String> {
        let (size, rest) = match charsmap.split_first_chunk::<4>() {
            Some((size, rest)) => (u32::from_le_bytes(*size) as usize, rest),
            None => {
                return Err(format!(
                    "charsmap of {} bytes is too short; expected at least 4 (the trie size)",
                    charsmap.len()
                ))
            }
        };
        let units = size / 4;
        let trie_bytes = units * 4;
        if rest.len() < trie_bytes {
            return Err(format!(
                "truncated charsmap: the trie needs {trie_bytes} bytes but only {} follow",
                rest.len()
            ));
        }
        if units == 0 {
            return Err("the trie is empty; expected at least one unit".to_owned());
        }
        let (trie_blob, strings) = rest.split_at(trie_bytes);
        let trie = trie_blob
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let normalized = String::from_utf8(strings.to_vec())
            .map_err(|e| format!("the replacement strings are not UTF-8 ({e})"))?;
        let mut p = Precompiled {
            charsmap: charsmap.to_vec(),
            trie,
            normalized,
            ascii_plain: [false; 256],
            plain: crate::utils::boxed_array(0),
            graphic_plain: false,
            ascii_rep: Vec::with_capacity(128),
        };
        for b in 0u8..128 {
            let key = [b];
            let key = std::str::from_utf8(&key).unwrap_or_default();
            let rep = match p.transform(key) {
                Ok(None) => AsciiRep::Itself,
                Ok(Some(rep)) => AsciiRep::By(rep.to_owned()),
                Err(_) => AsciiRep::Unknown,
            };
            p.ascii_plain[usize::from(b)] = rep == AsciiRep::Itself && b != b'\r';
            p.ascii_rep.push(rep);
        }
        p.graphic_plain = p.keeps_ascii_graphic();
        let mut buf = [0u8; 4];
        for u in 0x80..0x1_0000u32 {
            let Some(c) = char::from_u32(u).filter(|&c| breaks_around(c)) else {
                continue;
            };
            if let Ok(None) = p.transform(c.encode_utf8(&mut buf)) {
                if let Some(word) = p.plain.get_mut(u as usize / 64) {
                    *word |= 1 << (u % 64);
                }
            }
        }
        Ok(p)
    }

    /// Whether the space and every ASCII graphic char, each a grapheme of its own, are left
    /// unchanged.
    pub(crate) fn keeps_ascii_graphic(&self) -> bool {
        (b' '..=b'~').all(|b| self.ascii_plain.get(usize::from(b)) == Some(&true))
    }

    /// Normalizes `s` as [`Normalizer::normalize`] does, text only; `None` when unchanged.
    ///
    /// An ASCII char followed by an ASCII char (or the end) is a grapheme of its own (CR LF
    /// being the one exception), so such chars whose replacement is known at load to be
    /// none are copied without a trie walk (in the runs of [`Self::plain_end`], which also
    /// take the plain letters the charsmap leaves alone), and the others get the
    /// replacement found at load; every other grapheme goes through the same lookups as
    /// the full path. Measured
    /// reason: grapheme segmentation dominated the normalizer on English prose; then line
    /// breaks (mapped to spaces by T5's charsmap, one every ~50 bytes of prose) still took
    /// the grapheme path, and an unchanged text was copied: t5-small normalizer 62 → ~6
    /// instructions per byte.
    pub(crate) fn rewrite(&self, s: &str) -> Result<Option<String>> {
        let bytes = s.as_bytes();
        let start = self.plain_end(bytes, 0);
        if start == bytes.len() {
            return Ok(None);
        }
        let mut out = String::with_capacity(s.len() + s.len() / 8);
        out.push_str(s.get(..start).unwrap_or_default());
        let mut modified = false;
        let mut i = start;
        while i < bytes.len() {
            let end = self.plain_end(bytes, i);
            if end > i {
                out.push_str(s.get(i..end).unwrap_or_default());
                i = end;
                continue;
            }
            let b = bytes[i];
            if b < 0x80 && b != b'\r' && bytes.get(i + 1).is_none_or(|&n| n < 0x80) {
                // An ASCII char that is its own grapheme, with a known replacement.
                match self.ascii_rep.get(usize::from(b)) {
                    Some(AsciiRep::By(rep)) => {
                        modified = true;
                        out.push_str(rep);
                        i += 1;
                        continue;
                    }
                    Some(AsciiRep::Itself) => {
                        out.push(char::from(b));
                        i += 1;
                        continue;
                    }
                    _ => {}
                }
            }
            let rest = s.get(i..).unwrap_or_default();
            let Some(grapheme) = next_grapheme(rest) else {
                break;
            };
            i += grapheme.len();
            if grapheme.len() < 6 {
                if let Some(rep) = self.transform(grapheme)? {
                    modified = true;
                    out.push_str(rep);
                    continue;
                }
                if grapheme.chars().nth(1).is_none() {
                    // One char: its own lookup was the one just made.
                    out.push_str(grapheme);
                    continue;
                }
            }
            let mut buf = [0u8; 4];
            for c in grapheme.chars() {
                match self.transform(c.encode_utf8(&mut buf))? {
                    Some(rep) => {
                        modified = true;
                        out.push_str(rep);
                    }
                    None => out.push(c),
                }
            }
        }
        Ok(modified.then_some(out))
    }

    /// End of the run from `i` (a grapheme boundary) of chars that are graphemes of their
    /// own and have no replacement: ASCII chars but CR that the charsmap leaves alone, and
    /// chars of [`breaks_around`] that it leaves alone, but the last one only when the char
    /// after the run (if any) is ASCII or of [`breaks_around`] (not, say, a combining mark
    /// that would join it). Each char of the run is then a grapheme whose own lookup finds
    /// nothing, which is what the normalizer's walk would find. Measured reason: on
    /// t5-small's multilingual text the walk of one grapheme and its trie lookups, char by
    /// char, was half of the ids path.
    #[inline]
    pub(crate) fn plain_end(&self, bytes: &[u8], i: usize) -> usize {
        // `last`: where the last char taken starts.
        let (mut j, mut last) = (i, i);
        // Graphic ASCII 8 bytes at a time from the start only: an attempt after each
        // letter of another script would cost more than it saves.
        if self.graphic_plain {
            while let Some(chunk) = bytes.get(j..).and_then(|r| r.first_chunk::<8>()) {
                if !all_graphic(u64::from_le_bytes(*chunk)) {
                    break;
                }
                j += 8;
            }
            if j > i {
                last = j - 1;
            }
        }
        loop {
            let ascii_from = j;
            while let Some(&b) = bytes.get(j) {
                if !self.ascii_plain[usize::from(b)] {
                    break;
                }
                j += 1;
            }
            if j > ascii_from {
                last = j - 1;
            }
            match bytes.get(j) {
                Some(&b) if b >= 0x80 => {}
                _ => return j,
            }
            match bmp_char_at(bytes, j) {
                Some((u, len)) if bit(&self.plain, u) => {
                    last = j;
                    j += len;
                }
                next => {
                    let apart = next.is_some_and(|(u, _)| bit(&BREAKS_AROUND, u));
                    return if apart { j } else { last };
                }
            }
        }
    }

    fn unit(&self, pos: usize) -> Result<u32> {
        self.trie.get(pos).copied().ok_or_else(|| {
            Error::encode(format!(
                "corrupt precompiled_charsmap: trie position {pos} is outside its {} units",
                self.trie.len()
            ))
        })
    }

    /// The replacement of `key` (its first prefix that has one), if any.
    pub fn transform(&self, key: &str) -> Result<Option<&str>> {
        let mut pos = offset(self.unit(0)?);
        for &b in key.as_bytes() {
            if b == 0 {
                break;
            }
            pos ^= b as usize;
            let unit = self.unit(pos)?;
            if label(unit) != b as u32 {
                return Ok(None);
            }
            pos ^= offset(unit);
            if has_leaf(unit) {
                let start = value(self.unit(pos)?) as usize;
                return self.replacement(start).map(Some);
            }
        }
        Ok(None)
    }

    fn replacement(&self, start: usize) -> Result<&str> {
        let tail = self.normalized.as_bytes().get(start..).ok_or_else(|| {
            Error::encode(format!(
                "corrupt precompiled_charsmap: string offset {start} is past the end ({})",
                self.normalized.len()
            ))
        })?;
        let len = tail.iter().position(|&b| b == 0).unwrap_or(tail.len());
        self.normalized.get(start..start + len).ok_or_else(|| {
            Error::encode(format!(
                "corrupt precompiled_charsmap: string offset {start} is inside a char"
            ))
        })
    }
}

/// Appends `replacement` (standing for `key_chars` chars) with its change markers.
fn push_replacement(out: &mut Vec<(char, isize)>, replacement: &str, key_chars: usize) {
    let new_chars = replacement.chars().count();
    let first_inserted = key_chars.min(new_chars);
    for (i, c) in replacement.chars().enumerate() {
        out.push((c, isize::from(i >= first_inserted)));
    }
    if new_chars < key_chars {
        if let Some(last) = out.last_mut() {
            last.1 -= (key_chars - new_chars) as isize;
        }
    }
}

impl Normalizer for Precompiled {
    fn normalize(&self, normalized: &mut NormalizedString) -> Result<()> {
        let text = normalized.get();
        let mut changes: Vec<(char, isize)> = Vec::with_capacity(text.len());
        let mut modified = false;
        for grapheme in text.graphemes(true) {
            if grapheme.len() < 6 {
                if let Some(rep) = self.transform(grapheme)? {
                    modified = true;
                    push_replacement(&mut changes, rep, grapheme.chars().count());
                    continue;
                }
            }
            let mut buf = [0u8; 4];
            for c in grapheme.chars() {
                match self.transform(c.encode_utf8(&mut buf))? {
                    Some(rep) => {
                        modified = true;
                        push_replacement(&mut changes, rep, 1);
                    }
                    None => changes.push((c, 0)),
                }
            }
        }
        if !modified {
            return Ok(());
        }
        transform_whole(normalized, changes, 0)
    }
}

const BASE64_ALPHABET: &[u8; 64] =
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with `=` padding.
fn base64_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(BASE64_ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Decodes standard base64. Padding is optional but, when present, must complete the last
/// 4-char group; unused trailing bits must be zero; nothing else (not even whitespace) may
/// appear.
fn base64_decode(text: &str) -> std::result::Result<Vec<u8>, String> {
    let data = text.trim_end_matches('=');
    let padding = text.len() - data.len();
    if padding > 2 || (padding > 0 && text.len() % 4 != 0) {
        return Err(format!("bad padding at the end of {} chars", text.len()));
    }
    if data.len() % 4 == 1 {
        return Err(format!(
            "{} chars cannot end a base64 group",
            data.len() % 4
        ));
    }
    let mut out = Vec::with_capacity(data.len() * 3 / 4);
    let mut acc = 0u32;
    let mut bits = 0u32;
    for (i, b) in data.bytes().enumerate() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' => 62,
            b'/' => 63,
            _ => return Err(format!("invalid byte {b} at offset {i}")),
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    if acc != 0 {
        return Err("non-zero trailing bits in the last symbol".to_owned());
    }
    Ok(out)
}

#[cfg(test)]
mod tests {

    #[test]
    fn next_grapheme_matches_the_segmentation() {
        use unicode_segmentation::UnicodeSegmentation;
        let lone: Vec<char> = (0..=0x10FFFFu32)
            .filter_map(char::from_u32)
            .filter(|&c| breaks_around(c))
            .collect();
        assert!(lone.len() > 30_000);
        let in_ranges = |c: char| {
            BREAKS_AROUND_RANGES
                .iter()
                .any(|&(a, b)| (a..=b).contains(&(c as u32)))
        };
        assert!(lone.iter().all(|&c| in_ranges(c)));
        assert_eq!(
            lone.len(),
            (0..=0x10FFFFu32)
                .filter_map(char::from_u32)
                .filter(|&c| in_ranges(c))
                .count()
        );
        for &c in &lone {
            for s in [
                format!("a{c}"),
                format!("{c}a"),
                format!("{c}{c}"),
                format!("{c}中"),
            ] {
                let want: Vec<&str> = s.graphemes(true).collect();
                assert_eq!(want.len(), 2, "{:?} is not two graphemes", s);
            }
            // Followed by a combining mark, a zero-width joiner or a spacing mark: one
            // cluster, found by the slow path.
            for next in ['\u{301}', '\u{200D}', '\u{93F}'] {
                let s = format!("{c}{next}");
                assert_eq!(next_grapheme(&s), s.graphemes(true).next());
            }
            let s = format!("{c}b");
            assert_eq!(next_grapheme(&s), s.graphemes(true).next());
        }
    }
    use super::super::test_util::{char_spans, conformance_normalizer, Spans};
    use super::*;
    use crate::normalizers::NormalizerWrapper;

    #[test]
    fn t5_charsmap_alignments() {
        // t5-small's charsmap, from the conformance suite when it is there. Expected
        // values from the reference (encode offsets, in chars).
        let Some(n) = conformance_normalizer("t5-small") else {
            return;
        };
        let cases: &[(&str, &str, Spans)] = &[
            ("ﬁx", "fix", &[(0, 1), (0, 1), (1, 2)]),
            ("a①b", "a1b", &[(0, 1), (1, 2), (2, 3)]),
            ("ＡＢＣ", "ABC", &[(0, 1), (1, 2), (2, 3)]),
            ("™!", "TM!", &[(0, 1), (0, 1), (1, 2)]),
            ("x…y", "x...y", &[(0, 1), (1, 2), (1, 2), (1, 2), (2, 3)]),
            ("a\u{200B}b", "a b", &[(0, 1), (1, 2), (2, 3)]),
            (
                "e\u{301}t\u{3000}s",
                "ét s",
                &[(0, 1), (2, 3), (3, 4), (4, 5)],
            ),
            ("ｶﾞ", "\u{30AB}\u{3099}", &[(0, 1), (1, 2)]),
            ("👍🏽 ok", "👍🏽 ok", &[(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]),
            // A removal folds into the char before; with none, the next char takes its place.
            ("a\u{1E}b", "ab", &[(0, 1), (2, 3)]),
            ("\u{1E}b", "b", &[(0, 1)]),
        ];
        for (input, text, spans) in cases {
            let (t, s) = char_spans(&n, input);
            assert_eq!((t.as_str(), s.as_slice()), (*text, *spans), "{input:?}");
        }
    }

    #[test]
    fn rewrite_equals_normalize_on_mixed_scripts() {
        let Some(NormalizerWrapper::Precompiled(p)) = conformance_normalizer("t5-small") else {
            return;
        };
        // Plain and replaced chars of several scripts, with the chars that join the one
        // before them (combining marks, a spacing mark, a zero-width joiner, an emoji
        // modifier, Hangul vowel and trailing jamo) and CR LF.
        let pool = [
            "a",
            "Z",
            " ",
            "\r",
            "\n",
            "\t",
            ".",
            "中",
            "日",
            "я",
            "Ж",
            "é",
            "ع",
            "ש",
            "α",
            "한",
            "ｶ",
            "①",
            "ﬁ",
            "…",
            "\u{3000}",
            "\u{200B}",
            "\u{301}",
            "\u{64B}",
            "\u{93F}",
            "\u{200D}",
            "\u{1F3FD}",
            "\u{1161}",
            "\u{11A8}",
            "\u{1100}",
            "👍",
            "क",
            "ก",
            "\u{E33}",
            "ー",
            "Ａ",
            "plain text",
            "abcdefgh",
            "a\u{1}b",
        ];
        let mut rng = crate::utils::test_texts::XorShift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let len = rng.next_u64() % 12;
            let text: String = (0..len)
                .map(|_| pool[(rng.next_u64() % pool.len() as u64) as usize])
                .collect();
            let mut n = NormalizedString::from(text.as_str());
            p.normalize(&mut n).unwrap();
            let fast = p.rewrite(&text).unwrap();
            assert_eq!(fast.as_deref().unwrap_or(&text), n.get(), "{text:?}");
        }
    }

    #[test]
    fn all_graphic_checks_each_byte() {
        let graphic = |w: u64| w.to_le_bytes().iter().all(|b| (0x20..=0x7E).contains(b));
        let mut rng = crate::utils::test_texts::XorShift(0x2545_F491_4F6C_DD1D);
        for at in 0..8 {
            for b in 0..=255u64 {
                let w = ((0x41 * 0x0101_0101_0101_0101) & !(0xFF << (8 * at))) | b << (8 * at);
                assert_eq!(all_graphic(w), graphic(w), "{w:#x}");
                let r = rng.next_u64();
                assert_eq!(all_graphic(r), graphic(r), "{r:#x}");
                let r = r & 0x7F7F_7F7F_7F7F_7F7F | 0x2020_2020_2020_2020;
                assert_eq!(all_graphic(r), graphic(r), "{r:#x}");
            }
        }
    }

    #[test]
    fn base64_round_trip() {
        for bytes in [
            &b""[..],
            b"f",
            b"fo",
            b"foo",
            b"foob",
            b"fooba",
            b"foobar",
            &[0xFF, 0xEF],
        ] {
            let e = base64_encode(bytes);
            assert_eq!(base64_decode(&e).unwrap(), bytes);
            assert_eq!(base64_decode(e.trim_end_matches('=')).unwrap(), bytes);
        }
        assert_eq!(base64_encode(b"foobar"), "Zm9vYmFy");
        assert_eq!(base64_encode(b"fo"), "Zm8=");
        for bad in ["Zm8==", "Z", "Zm9=", "Zm 8=", "Zm8=Zm8=", "Zm_8", "Z==="] {
            assert!(base64_decode(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn bad_charsmaps_are_load_errors() {
        for json in [
            r#"{}"#,
            r#"{"precompiled_charsmap":null}"#,
            r#"{"precompiled_charsmap":""}"#,
            r#"{"precompiled_charsmap":"AAAA"}"#,
            r#"{"precompiled_charsmap":"CAAAAAAAAAA="}"#,
            r#"{"precompiled_charsmap":"!!"}"#,
        ] {
            assert!(serde_json::from_str::<Precompiled>(json).is_err(), "{json}");
        }
    }

    #[test]
    fn corrupt_trie_is_an_error_not_a_panic() {
        // One all-zero unit: every walk leaves the array.
        let p: Precompiled =
            serde_json::from_str(r#"{"precompiled_charsmap":"BAAAAAAAAAA="}"#).unwrap();
        let mut n = NormalizedString::from("abc");
        assert!(p.normalize(&mut n).is_err());
        assert_eq!(
            serde_json::to_string(&p).unwrap(),
            r#"{"precompiled_charsmap":"BAAAAAAAAAA="}"#
        );
    }
}
