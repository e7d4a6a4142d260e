//! Byte-wise scanners for the GPT-2, cl100k-family and CLIP split patterns.
//!
//! The patterns are alternations over four classes of chars: letters (`\p{L}`), numbers
//! (`\p{N}`), whitespace (`\s`) and the rest, taken from [`super::char_classes`]. The
//! scanners walk the text once, left to right, and yield each match as a byte range; the
//! matches tile the text (CLIP's leave out the whitespace between them). ASCII bytes are classified through a 256-entry table without
//! decoding chars; a byte of 0x80 or more marks a multi-byte char, which alone is decoded
//! and classified by the full Unicode tables. Runs of one class are scanned byte by byte
//! while the bytes stay ASCII.
//!
//! The alternatives and their leftmost-first resolution are documented on [`Gpt2Scan`],
//! [`Cl100kScan`] and [`ClipScan`]; a unit test in `split.rs` checks them against the regex
//! engine.
//!
//! Measured reason: the previous scanners decoded every char and called a per-char
//! classifier through several layers, and took a quarter of the gpt2 ids path.

use super::block::{Block, Pattern};
use super::char_classes::{bmp_classes, classes, LETTER, NUMBER, PUNCTUATION, WHITESPACE};

/// Class codes of the scanners.
pub(crate) const L: u8 = 0;
/// `\p{N}`.
pub(crate) const N: u8 = 1;
/// `\s`.
pub(crate) const S: u8 = 2;
/// Anything else.
pub(crate) const O: u8 = 3;
/// A byte of a multi-byte char (never equal to a class code).
const X: u8 = 4;

/// Class code of every byte: ASCII classes, [`X`] for bytes of multi-byte chars.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [X; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = match b as u8 {
            b'a'..=b'z' | b'A'..=b'Z' => L,
            b'0'..=b'9' => N,
            b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ' => S,
            _ => O,
        };
        b += 1;
    }
    t
};

/// Class code of `c` (any char).
#[inline]
pub(crate) fn class_of(c: char) -> u8 {
    if (c as u32) < 128 {
        return BYTE_CLASS[c as usize];
    }
    let k = classes(c);
    if k & LETTER != 0 {
        L
    } else if k & NUMBER != 0 {
        N
    } else if k & WHITESPACE != 0 {
        S
    } else {
        O
    }
}

/// Class code and byte length of the char starting at byte `i` of `s` (`i < s.len()`, on
/// a char boundary).
#[inline(always)]
fn class_at(s: &str, i: usize) -> (u8, usize) {
    let bytes = s.as_bytes();
    match bytes.get(i) {
        Some(&b) if b < 0x80 => (BYTE_CLASS[usize::from(b)], 1),
        Some(&b) => multi_byte_class(bytes, i, b),
        None => (X, 0),
    }
}

/// Class code of each combination of the [`classes`] bits `LETTER | NUMBER | WHITESPACE`,
/// in [`class_of`]'s order of precedence.
static CODE_OF_BITS: [u8; 8] = {
    let mut t = [O; 8];
    let mut k = 0;
    while k < 8 {
        t[k] = if k as u8 & LETTER != 0 {
            L
        } else if k as u8 & NUMBER != 0 {
            N
        } else if k as u8 & WHITESPACE != 0 {
            S
        } else {
            O
        };
        k += 1;
    }
    t
};

/// [`class_at`] for the multi-byte char led by `b0` at byte `i`: its code point is
/// assembled from the bytes directly (the text is valid UTF-8 and `i` a char boundary, so
/// no check is repeated) and classified through the BMP table; four-byte chars take
/// [`class_of`]. A byte that cannot lead a char (only on a misplaced `i`) counts as one
/// byte of class [`O`], as before. Measured reason: decoding through `str::chars` and
/// building a `char` per multi-byte char was most of the scan on multilingual text.
#[inline(always)]
fn multi_byte_class(bytes: &[u8], i: usize, b0: u8) -> (u8, usize) {
    let cont = |k: usize| u32::from(bytes.get(i + k).copied().unwrap_or(0) & 0x3F);
    let (u, len) = match b0 {
        0xC0..=0xDF => ((u32::from(b0 & 0x1F) << 6) | cont(1), 2),
        0xE0..=0xEF => ((u32::from(b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2), 3),
        0xF0..=0xF7 => {
            let u = (u32::from(b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
            return (char::from_u32(u).map_or(O, class_of), 4);
        }
        _ => return (O, 1),
    };
    (CODE_OF_BITS[usize::from(bmp_classes(u) & 7)], len)
}

/// The high bit of every byte.
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` (eight text bytes, little-endian) that is an ASCII
/// letter. No byte sum carries into the next byte, as every operand byte is below 0x80.
#[inline(always)]
fn letter_bits(x: u64) -> u64 {
    let y = (x & !HIGH) | 0x2020_2020_2020_2020;
    let ge_a = y + 0x1F1F_1F1F_1F1F_1F1F;
    let gt_z = y + 0x0505_0505_0505_0505;
    ge_a & !gt_z & !x & HIGH
}

/// The high bit of each byte of `x` that is an ASCII digit.
#[inline(always)]
fn digit_bits(x: u64) -> u64 {
    let y = x & !HIGH;
    let ge_0 = y + 0x5050_5050_5050_5050;
    let gt_9 = y + 0x4646_4646_4646_4646;
    ge_0 & !gt_9 & !x & HIGH
}

/// End of the run of chars of class `k` starting at byte `i` of `s`.
#[inline(always)]
fn run_end(s: &str, mut i: usize, k: u8) -> usize {
    let bytes = s.as_bytes();
    loop {
        // Eight bytes at a time for letters and digits, the long runs.
        if k == L || k == N {
            while let Some(chunk) = bytes.get(i..).and_then(|r| r.first_chunk::<8>()) {
                let x = u64::from_le_bytes(*chunk);
                let ok = if k == L {
                    letter_bits(x)
                } else {
                    digit_bits(x)
                };
                let stop = !ok & HIGH;
                if stop != 0 {
                    i += (stop.trailing_zeros() / 8) as usize;
                    break;
                }
                i += 8;
            }
        }
        while let Some(&b) = bytes.get(i) {
            if BYTE_CLASS[usize::from(b)] != k {
                break;
            }
            i += 1;
        }
        // Multi-byte chars, one after another while they continue the run (a script
        // without spaces is a long run of them); back to the ASCII steps at an ASCII byte
        // of the run's class.
        loop {
            match bytes.get(i) {
                Some(&b) if b >= 0x80 => {
                    let (c, len) = multi_byte_class(bytes, i, b);
                    if c != k {
                        return i;
                    }
                    i += len;
                }
                Some(&b) if BYTE_CLASS[usize::from(b)] == k => break,
                _ => return i,
            }
        }
    }
}

/// End of the whitespace run starting at `i`, and the start of its last char.
#[inline(never)]
fn space_run(s: &str, i: usize) -> (usize, usize) {
    let bytes = s.as_bytes();
    let (mut j, mut last) = (i, i);
    loop {
        match bytes.get(j) {
            Some(&b) if b < 0x80 => {
                if BYTE_CLASS[usize::from(b)] != S {
                    return (j, last);
                }
                last = j;
                j += 1;
            }
            Some(_) => {
                let (c, len) = class_at(s, j);
                if c != S {
                    return (j, last);
                }
                last = j;
                j += len;
            }
            None => return (j, last),
        }
    }
}

/// A match found by a scanner's quick step: its byte range, and its bytes packed as a
/// piece-cache key (in order, zero padded to 16 bytes, the length in the last byte).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Quick {
    /// Start of the match.
    pub(crate) start: usize,
    /// End of the match (at most 15 bytes past its start).
    pub(crate) end: usize,
    /// Bytes 0..8 of the key.
    pub(crate) k0: u64,
    /// Bytes 8..16 of the key.
    pub(crate) k1: u64,
}

/// A scanner whose common matches have a quick step that also packs them as cache keys.
pub(crate) trait QuickScan: Iterator<Item = (usize, usize)> {
    /// The next match when the quick step settles it (the scan moves past it), else `None`
    /// with the scan unmoved, for [`Iterator::next`] to take.
    fn quick(&mut self) -> Option<Quick>;

    /// Hands each match the quick step settles to `f`, in order, until the quick step
    /// stops (the scan then stands where [`Self::quick`] returned `None`) or `f` fails.
    #[inline(always)]
    fn quick_each<E>(&mut self, mut f: impl FnMut(Quick) -> Result<(), E>) -> Result<(), E> {
        while let Some(q) = self.quick() {
            f(q)?;
        }
        Ok(())
    }
}

/// Sixteen text bytes, as bytes and as two little-endian words.
#[derive(Clone, Copy)]
struct Window {
    bytes: [u8; 16],
    lo: u64,
    hi: u64,
}

/// Keeps the first `n` bytes of a word (index `n`, 0..=8).
static KEEP: [u64; 9] = {
    let mut t = [0u64; 9];
    let mut n = 1;
    while n < 9 {
        t[n] = u64::MAX >> (64 - 8 * n);
        n += 1;
    }
    t
};

impl Window {
    /// The sixteen bytes at `i`, when the text has that many.
    #[inline(always)]
    fn at(bytes: &[u8], i: usize) -> Option<Window> {
        let bytes = *bytes.get(i..)?.first_chunk::<16>()?;
        let (lo, hi) = bytes.split_at(8);
        let word = |h: &[u8]| h.first_chunk::<8>().map_or(0, |c| u64::from_le_bytes(*c));
        Some(Window {
            bytes,
            lo: word(lo),
            hi: word(hi),
        })
    }

    /// Byte `j` (< 16; 0 past the window).
    #[inline(always)]
    fn byte(&self, j: u32) -> u8 {
        self.bytes.get(j as usize).copied().unwrap_or(0)
    }

    /// The [`Quick`] of the window's first `len` bytes (1..=15), which start at `start`.
    #[inline(always)]
    fn key(&self, start: usize, len: u32) -> Quick {
        // Without a branch on the length: which word a piece ends in is data, and a
        // mispredicted branch per piece cost more than the two table loads.
        let keep = |n: u32| KEEP.get(n as usize).copied().unwrap_or(u64::MAX);
        let (k0, k1) = (
            self.lo & keep(len.min(8)),
            self.hi & keep(len.saturating_sub(8)),
        );
        Quick {
            start,
            end: start + len as usize,
            k0,
            k1: k1 | (u64::from(len) << 56),
        }
    }
}

/// The matches of the GPT-2 pattern
/// `'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+` over a text,
/// as byte ranges, in order: a contraction; else an optional space and a run of one
/// non-whitespace class; else a whitespace run, all of it at the end of the text, all but
/// its last char when that leaves at least one, else its one char.
pub(crate) struct Gpt2Scan<'s> {
    s: &'s str,
    i: usize,
    block: Block,
}

impl<'s> Gpt2Scan<'s> {
    /// A scan of `s`.
    pub(crate) fn new(s: &'s str) -> Self {
        Self::at(s, 0)
    }

    /// A scan of `s` from byte `i` (a match start).
    pub(crate) fn at(s: &'s str, i: usize) -> Self {
        Gpt2Scan {
            s,
            i,
            block: Block::new(Pattern::Gpt2),
        }
    }
}

impl QuickScan for Gpt2Scan<'_> {
    /// The next match when the 64-byte [`Block`] settles it without decoding chars: it
    /// ends at the block's next GPT-2 cut, at most 15 bytes on, and the classes of its
    /// bytes, of the byte after it and of the one after that are known (ASCII, the letters
    /// `À`..`ſ` and U+0400..U+047F, the punctuation U+2010..U+2027: the cut before a byte reads its
    /// neighbours; a char of another script may continue a run or be whitespace). The
    /// scan moves past it. `None` (the scan unmoved) for anything else: a `'` at the
    /// start (a contraction may begin there), other multi-byte chars, longer matches, the
    /// text's last match. Unit tests
    /// check it against [`Iterator::next`] at every position of random texts, and whole
    /// scans that mix both.
    #[inline(always)]
    fn quick(&mut self) -> Option<Quick> {
        let off = self.block.offset(self.s.as_bytes(), self.i)?;
        let b = &self.block;
        // `off` is at most `REACH`, so the shift is below 64.
        let after = b.starts >> ((off + 1) & 63);
        let q = settle(b, self.i, off, 1 + after.trailing_zeros() as usize)?;
        self.i = q.end;
        Some(q)
    }
}

/// The [`Quick`] of the `len` bytes at offset `off` of `b` (text position `start`), when a
/// quick step may trust it: at most 15 bytes, the classes of its bytes and of the two after
/// it known, and not starting at a `'` (which may begin a contraction).
#[inline(always)]
fn settle(b: &Block, start: usize, off: usize, len: usize) -> Option<Quick> {
    if len > 15 || !b.known_with_two_after(off, len) || b.byte(off) == b'\'' {
        return None;
    }
    let (k0, k1) = b.key(off, len);
    Some(Quick {
        start,
        end: start + len,
        k0,
        k1,
    })
}

impl Iterator for Gpt2Scan<'_> {
    type Item = (usize, usize);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, usize)> {
        let (s, i) = (self.s, self.i);
        let bytes = s.as_bytes();
        let b = *bytes.get(i)?;
        let end = 'end: {
            if b == b'\'' {
                match (bytes.get(i + 1), bytes.get(i + 2)) {
                    (Some(b's' | b't' | b'm' | b'd'), _) => break 'end i + 2,
                    (Some(b'r' | b'v'), Some(b'e')) | (Some(b'l'), Some(b'l')) => break 'end i + 3,
                    _ => {}
                }
            }
            let (k, len) = class_at(s, i);
            if b == b' ' {
                let (k2, len2) = class_at(s, i + 1);
                if k2 != S && k2 != X {
                    break 'end run_end(s, i + 1 + len2, k2);
                }
            }
            if k != S {
                break 'end run_end(s, i + len, k);
            }
            let (end, last) = space_run(s, i);
            if end == bytes.len() || last == i {
                end
            } else {
                last
            }
        };
        self.i = end;
        Some((i, end))
    }
}

/// The matches of CLIP's pattern
/// `<\|startoftext\|>|<\|endoftext\|>|'s|'t|'re|'ve|'m|'ll|'d|[\p{L}]+|[\p{N}]|[^\s\p{L}\p{N}]+`
/// over a text, as byte ranges, in order. They do not tile the text: every non-whitespace
/// char starts a match or is inside one, so what lies between matches is whitespace.
/// At each match start, the alternatives in order: one of the two literals, a contraction
/// (case-sensitive), a run of letters, one number char, a run of chars that are neither
/// whitespace, letters nor numbers (so a literal or a `'` inside such a run stays in it,
/// as the regex engine, which resumes after a match, leaves it).
pub(crate) struct ClipScan<'s> {
    s: &'s str,
    i: usize,
}

impl<'s> ClipScan<'s> {
    /// A scan of `s`.
    pub(crate) fn new(s: &'s str) -> Self {
        ClipScan { s, i: 0 }
    }
}

impl Iterator for ClipScan<'_> {
    type Item = (usize, usize);

    #[inline]
    fn next(&mut self) -> Option<(usize, usize)> {
        const LITERALS: [&[u8]; 2] = [b"<|startoftext|>", b"<|endoftext|>"];
        let (s, bytes) = (self.s, self.s.as_bytes());
        'next: loop {
            let i = self.i;
            let b = *bytes.get(i)?;
            let end = 'end: {
                if b == b'<' {
                    let rest = bytes.get(i..).unwrap_or_default();
                    if let Some(lit) = LITERALS.iter().find(|l| rest.starts_with(l)) {
                        break 'end i + lit.len();
                    }
                }
                if b == b'\'' {
                    match (bytes.get(i + 1), bytes.get(i + 2)) {
                        (Some(b's' | b't' | b'm' | b'd'), _) => break 'end i + 2,
                        (Some(b'r' | b'v'), Some(b'e')) | (Some(b'l'), Some(b'l')) => {
                            break 'end i + 3
                        }
                        _ => {}
                    }
                }
                let (k, len) = class_at(s, i);
                match k {
                    S => {
                        self.i = i + len.max(1);
                        continue 'next;
                    }
                    N => i + len,
                    _ => run_end(s, i + len.max(1), k),
                }
            };
            self.i = end;
            return Some((i, end));
        }
    }
}

/// The matches of a cl100k-family pattern (`\p{N}{1,n}` for numbers) over a text, as byte
/// ranges, in order. Its alternatives, leftmost-first:
/// 1. `(?i:'s|'t|'re|'ve|'m|'ll|'d)`: case-insensitive, and `ſ` folds to `s`;
/// 2. `[^\r\n\p{L}\p{N}]?\p{L}+`: letters, optionally led by one char that is neither a line
///    break, a letter nor a number;
/// 3. `\p{N}{1,n}`;
/// 4. ` ?[^\s\p{L}\p{N}]+[\r\n]*`: symbols, optionally led by a space, then line breaks;
/// 5. `\s*[\r\n]+`: whitespace up to and including its last line break;
/// 6. `\s+(?!\S)`: whitespace to the end of the text, or all but its last char;
/// 7. `\s+`.
pub(crate) struct Cl100kScan<'s> {
    s: &'s str,
    i: usize,
    max_digits: usize,
    block: Block,
}

impl<'s> Cl100kScan<'s> {
    /// A scan of `s` with at most `max_digits` numbers per match.
    pub(crate) fn new(s: &'s str, max_digits: usize) -> Self {
        Self::at(s, 0, max_digits)
    }

    /// A scan of `s` from byte `i` (a match start).
    pub(crate) fn at(s: &'s str, i: usize, max_digits: usize) -> Self {
        Cl100kScan {
            s,
            i,
            max_digits: max_digits.max(1),
            block: Block::new(Pattern::Cl100k),
        }
    }
}

impl QuickScan for Cl100kScan<'_> {
    /// The next match when the 64-byte [`Block`] settles it without decoding chars: a run
    /// of digits, cut every `max_digits`, or a match that ends at the block's next
    /// cl100k cut; at most 15 bytes, and the classes of its bytes, of the byte after it and
    /// of the one after that known (as [`Gpt2Scan::quick`]). The scan moves past it. `None`
    /// (the scan unmoved) for anything else: a `'` at the start, other multi-byte chars,
    /// longer matches, the text's last match. Measured reason: the 16-byte window that
    /// classified each match's bytes in turn mispredicted a branch about once a match on
    /// source code (20,000 times on 64 KiB of it); with the block, llama3 ids of 64 KiB of
    /// code went from 306 to 382 MB/s and of English from 345 to 360 (one thread, warm,
    /// the same run).
    #[inline(always)]
    fn quick(&mut self) -> Option<Quick> {
        let off = self.block.offset(self.s.as_bytes(), self.i)?;
        let b = &self.block;
        // `off` is at most `REACH`, so the shifts are below 64.
        let len = if (b.digits >> (off & 63)) & 1 == 1 {
            let run = (!(b.digits >> (off & 63))).trailing_zeros() as usize;
            run.min(self.max_digits)
        } else {
            1 + (b.starts >> ((off + 1) & 63)).trailing_zeros() as usize
        };
        let q = settle(b, self.i, off, len)?;
        self.i = q.end;
        Some(q)
    }
}

impl Iterator for Cl100kScan<'_> {
    type Item = (usize, usize);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, usize)> {
        let (s, i) = (self.s, self.i);
        let bytes = s.as_bytes();
        let b = *bytes.get(i)?;
        let end = 'end: {
            if b == b'\'' {
                match (bytes.get(i + 1), bytes.get(i + 2)) {
                    (Some(b's' | b'S' | b't' | b'T' | b'm' | b'M' | b'd' | b'D'), _) => {
                        break 'end i + 2
                    }
                    // `ſ` (U+017F).
                    (Some(0xC5), Some(0xBF)) => break 'end i + 3,
                    (Some(b'r' | b'R' | b'v' | b'V'), Some(b'e' | b'E'))
                    | (Some(b'l' | b'L'), Some(b'l' | b'L')) => break 'end i + 3,
                    _ => {}
                }
            }
            let (k, len) = class_at(s, i);
            match k {
                L => break 'end run_end(s, i + len, L),
                N => {
                    let mut j = i + len;
                    for _ in 1..self.max_digits {
                        let (k2, len2) = class_at(s, j);
                        if k2 != N {
                            break;
                        }
                        j += len2;
                    }
                    break 'end j;
                }
                _ => {}
            }
            let (next, next_len) = class_at(s, i + len);
            if next == L && b != b'\r' && b != b'\n' {
                break 'end run_end(s, i + len + next_len, L);
            }
            let symbols_from = if k == O {
                Some(i)
            } else if b == b' ' && next == O {
                Some(i + 1)
            } else {
                None
            };
            if let Some(from) = symbols_from {
                let mut end = run_end(s, from, O);
                while matches!(bytes.get(end), Some(b'\r' | b'\n')) {
                    end += 1;
                }
                break 'end end;
            }
            // A whitespace run.
            let (end, last) = space_run(s, i);
            if let Some(p) = bytes
                .get(i..end)
                .and_then(|run| run.iter().rposition(|&c| c == b'\r' || c == b'\n'))
            {
                break 'end i + p + 1;
            }
            if end == bytes.len() || last == i {
                end
            } else {
                last
            }
        };
        self.i = end;
        Some((i, end))
    }
}

/// Whether byte `b` is ASCII whitespace, by the reference's classes (a byte of 0x80 or
/// more is not; its char is classified separately).
#[inline(always)]
fn ascii_space(b: u8) -> bool {
    BYTE_CLASS[usize::from(b)] == S
}

/// Class bits (see [`super::char_classes`]) of the char at byte `i` of `s`, and its length.
#[inline]
fn classes_at(s: &str, i: usize) -> (u8, usize) {
    match s.get(i..).and_then(|r| r.chars().next()) {
        Some(c) => (classes(c), c.len_utf8()),
        None => (0, 1),
    }
}

/// The maximal runs of non-whitespace chars of a text (`WhitespaceSplit`), as byte ranges.
pub(crate) struct NonSpaceRuns<'s> {
    s: &'s str,
    i: usize,
    /// The bytes that end a run of the quick step: [`ASCII_RUN_STOPS`], or
    /// [`WIDE_RUN_STOPS`] (see [`Self::with_wide_quick`]).
    stops: &'static [bool; 256],
}

/// Whether `b` may lead a multi-byte whitespace char: U+0085 and U+00A0 (`C2`), U+1680
/// (`E1`), U+2000..U+205F (`E2`) and U+3000 (`E3`). A char led by any other byte is not
/// whitespace (the unit test checks every char).
#[inline(always)]
const fn may_lead_space(b: u8) -> bool {
    matches!(b, 0xC2 | 0xE1..=0xE3)
}

/// The bytes that end a run of [`NonSpaceRuns::quick`]: ASCII whitespace and every byte
/// of a multi-byte char.
static ASCII_RUN_STOPS: [bool; 256] = run_stops(false);

/// [`ASCII_RUN_STOPS`] but the bytes of multi-byte chars that are not whitespace: ASCII
/// whitespace and the bytes that [may lead whitespace](may_lead_space).
static WIDE_RUN_STOPS: [bool; 256] = run_stops(true);

const fn run_stops(wide: bool) -> [bool; 256] {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        t[b] = if byte < 0x80 {
            byte.is_ascii_whitespace() || byte == 0x0B
        } else {
            !wide || may_lead_space(byte)
        };
        b += 1;
    }
    t
}

impl<'s> NonSpaceRuns<'s> {
    /// The runs of `s`.
    pub(crate) fn new(s: &'s str) -> Self {
        NonSpaceRuns {
            s,
            i: 0,
            stops: &ASCII_RUN_STOPS,
        }
    }

    /// The runs of `s`, whose quick step also takes runs with multi-byte chars that are
    /// not whitespace, when the first byte of `replacement` (a Metaspace step's, where
    /// that step would cut or rewrite) is one of the bytes that [may lead
    /// whitespace](may_lead_space) (as `▁`'s is), so that it ends a quick run anyway.
    /// Measured reason: on t5-small's multilingual text the words of other scripts each
    /// took the scan's exact step and the finishing step.
    pub(crate) fn with_wide_quick(s: &'s str, replacement: &str) -> Self {
        let wide = replacement
            .as_bytes()
            .first()
            .is_some_and(|&b| may_lead_space(b));
        NonSpaceRuns {
            s,
            i: 0,
            stops: if wide {
                &WIDE_RUN_STOPS
            } else {
                &ASCII_RUN_STOPS
            },
        }
    }

    /// Byte length of the whitespace char at `i`, or 0 when the char there is not one.
    #[inline(always)]
    fn space_len(&self, i: usize) -> usize {
        match self.s.as_bytes().get(i) {
            Some(&b) if b < 0x80 => usize::from(ascii_space(b)),
            Some(_) => match classes_at(self.s, i) {
                (k, len) if k & WHITESPACE != 0 => len,
                _ => 0,
            },
            None => 0,
        }
    }
}

impl QuickScan for NonSpaceRuns<'_> {
    /// The next run when, after ASCII whitespace, a 16-byte window shows all of it: ASCII
    /// non-whitespace bytes (1 to 15; with [`Self::with_wide_quick`], also the bytes of
    /// multi-byte chars whose lead byte cannot lead whitespace, hence not the Metaspace
    /// replacement's either) that an ASCII whitespace byte ends; the scan moves past it. `None` (the scan unmoved) for
    /// anything else: another multi-byte char in or after the run (it may continue it, or
    /// be whitespace), the text's last 15 bytes.
    #[inline(always)]
    fn quick(&mut self) -> Option<Quick> {
        let bytes = self.s.as_bytes();
        let mut i = self.i;
        while bytes.get(i).is_some_and(|&b| ascii_space(b)) {
            i += 1;
        }
        let w = Window::at(bytes, i)?;
        let mut len = 0;
        while let Some(&b) = w.bytes.get(len) {
            if self.stops[usize::from(b)] {
                break;
            }
            len += 1;
        }
        // Only ASCII whitespace ends the run here (`len` is 16 past the window).
        if len == 0 || w.bytes.get(len).is_none_or(|&b| b >= 0x80) {
            return None;
        }
        let q = w.key(i, len as u32);
        self.i = q.end;
        Some(q)
    }
}

impl Iterator for NonSpaceRuns<'_> {
    type Item = (usize, usize);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, usize)> {
        let bytes = self.s.as_bytes();
        let mut i = self.i;
        while i < bytes.len() {
            let len = self.space_len(i);
            if len == 0 {
                break;
            }
            i += len;
        }
        if i >= bytes.len() {
            self.i = i;
            return None;
        }
        let start = i;
        loop {
            while let Some(&b) = bytes.get(i) {
                if b >= 0x80 || ascii_space(b) {
                    break;
                }
                i += 1;
            }
            match bytes.get(i) {
                Some(&b) if b >= 0x80 && self.space_len(i) == 0 => {
                    i += classes_at(self.s, i).1;
                }
                _ => break,
            }
        }
        self.i = i;
        Some((start, i))
    }
}

/// The pieces of `BertPreTokenizer` over a text, as byte ranges: runs of chars that are
/// neither whitespace nor punctuation, and each punctuation char alone.
pub(crate) struct BertPieces<'s> {
    s: &'s str,
    i: usize,
}

impl<'s> BertPieces<'s> {
    /// The pieces of `s`.
    pub(crate) fn new(s: &'s str) -> Self {
        BertPieces { s, i: 0 }
    }
}

/// Per byte: 1 whitespace, 2 punctuation, 0 other ASCII, 3 a byte of a multi-byte char.
static BERT_CLASS: [u8; 256] = {
    let mut t = [3u8; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = if BYTE_CLASS[b] == S {
            1
        } else if matches!(b as u8, b'!'..=b'/' | b':'..=b'@' | b'['..=b'`' | b'{'..=b'~') {
            2
        } else {
            0
        };
        b += 1;
    }
    t
};

impl QuickScan for BertPieces<'_> {
    /// The next piece when a 16-byte window settles it without decoding chars: after at
    /// most one whitespace byte, one ASCII punctuation char, or a run of ASCII letters and
    /// digits that an ASCII whitespace or punctuation byte ends (within 15 bytes); the scan
    /// moves past it. `None` (the scan unmoved) for anything else: runs of whitespace,
    /// other chars in a word (controls, multi-byte chars), longer words, the text's end.
    /// Unit tests check it as [`Gpt2Scan::quick`]. Measured reason: on code, where a
    /// piece is often one symbol, the cut and the cache key of each piece were most of
    /// bert's ids path.
    #[inline(always)]
    fn quick(&mut self) -> Option<Quick> {
        let bytes = self.s.as_bytes();
        let skip = usize::from(BERT_CLASS[usize::from(*bytes.get(self.i)?)] == 1);
        let w = Window::at(bytes, self.i + skip)?;
        let len = match BERT_CLASS[usize::from(w.bytes[0])] {
            2 => 1,
            0 => {
                let alnum = |x: u64| letter_bits(x) | digit_bits(x);
                let stop_lo = !alnum(w.lo) & HIGH;
                let end = if stop_lo != 0 {
                    stop_lo.trailing_zeros() / 8
                } else {
                    let stop_hi = !alnum(w.hi) & HIGH;
                    if stop_hi == 0 {
                        return None;
                    }
                    8 + stop_hi.trailing_zeros() / 8
                };
                // The run must end at whitespace or punctuation (a control char continues
                // the word, a multi-byte char may), and hold at least one byte.
                if end == 0 || !matches!(BERT_CLASS[usize::from(w.byte(end))], 1 | 2) {
                    return None;
                }
                end
            }
            _ => return None,
        };
        let q = w.key(self.i + skip, len);
        self.i = q.end;
        Some(q)
    }
}

impl Iterator for BertPieces<'_> {
    type Item = (usize, usize);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, usize)> {
        let (s, bytes) = (self.s, self.s.as_bytes());
        let mut i = self.i;
        // Skip whitespace; stop at a punctuation char (a piece alone) or a word start.
        let start = loop {
            let b = *bytes.get(i)?;
            match BERT_CLASS[usize::from(b)] {
                0 => break i,
                1 => i += 1,
                2 => {
                    self.i = i + 1;
                    return Some((i, i + 1));
                }
                _ => {
                    let (k, len) = classes_at(s, i);
                    if k & PUNCTUATION != 0 {
                        self.i = i + len;
                        return Some((i, i + len));
                    }
                    if k & WHITESPACE == 0 {
                        break i;
                    }
                    i += len;
                }
            }
        };
        loop {
            while let Some(&b) = bytes.get(i) {
                if BERT_CLASS[usize::from(b)] != 0 {
                    break;
                }
                i += 1;
            }
            match bytes.get(i) {
                Some(&b) if b >= 0x80 => {
                    let (k, len) = classes_at(s, i);
                    if k & (WHITESPACE | PUNCTUATION) != 0 {
                        break;
                    }
                    i += len;
                }
                _ => break,
            }
        }
        self.i = i;
        Some((start, i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::utils::test_texts::XorShift;

    #[test]
    fn byte_classes_match_unicode_classes() {
        for c in (0u8..128).map(char::from) {
            let k = classes(c);
            let want = if k & LETTER != 0 {
                L
            } else if k & NUMBER != 0 {
                N
            } else if k & WHITESPACE != 0 {
                S
            } else {
                O
            };
            assert_eq!(BYTE_CLASS[c as usize], want, "{c:?}");
        }
    }

    /// Every char, placed after a letter and before one: the class and length read from its
    /// bytes are those of the decoded char; bytes that cannot lead a char count as one
    /// byte of class O.
    #[test]
    fn class_at_agrees_with_decoding_every_char() {
        let mut s = String::new();
        for c in (0..=0x10_FFFF).filter_map(char::from_u32) {
            s.clear();
            s.push('a');
            s.push(c);
            s.push('b');
            assert_eq!(class_at(&s, 1), (class_of(c), c.len_utf8()), "{c:?}");
        }
        for b in (0x80u8..0xC0).chain(0xF8..=0xFF) {
            assert_eq!(multi_byte_class(&[b, 0x80, 0x80, 0x80], 0, b), (O, 1));
        }
        // A truncated sequence reads zero continuation bits and keeps its length.
        assert_eq!(multi_byte_class(&[0xE4], 0, 0xE4).1, 3);
    }

    fn pieces(s: &str, it: impl Iterator<Item = (usize, usize)>) -> Vec<&str> {
        it.map(|(a, b)| &s[a..b]).collect()
    }

    #[test]
    fn word_masks() {
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b'a', b, b'0', b, 0xC3, b, b'Z', b]);
            let l = letter_bits(x);
            let d = digit_bits(x);
            for j in [1, 3, 5, 7] {
                assert_eq!(l >> (8 * j + 7) & 1 == 1, b.is_ascii_alphabetic(), "{b}");
                assert_eq!(d >> (8 * j + 7) & 1 == 1, b.is_ascii_digit(), "{b}");
            }
            let even = 0x0080_0080_0080_0080;
            assert_eq!(l & even, 0x0080_0000_0000_0080);
            assert_eq!(d & even, 0x0080_0000);
        }
    }

    fn naive_bert(s: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        for (i, c) in s.char_indices() {
            let k = classes(c);
            if k & (WHITESPACE | PUNCTUATION) != 0 {
                if let Some(st) = start.take() {
                    out.push((st, i));
                }
                if k & PUNCTUATION != 0 {
                    out.push((i, i + c.len_utf8()));
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(st) = start {
            out.push((st, s.len()));
        }
        out
    }

    fn naive_ws(s: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        for (i, c) in s.char_indices() {
            if classes(c) & WHITESPACE != 0 {
                if let Some(st) = start.take() {
                    out.push((st, i));
                }
            } else if start.is_none() {
                start = Some(i);
            }
        }
        if let Some(st) = start {
            out.push((st, s.len()));
        }
        out
    }

    #[test]
    fn bert_and_whitespace_runs_match_the_char_scanners() {
        let texts = [
            "Hello, world!  It's 3.5\u{a0}km — “quoted” é\u{301}x\u{3000}y\tz\n",
            "  a",
            "",
            "!!",
            "日本語、テスト。",
        ];
        for s in texts {
            assert_eq!(
                BertPieces::new(s).collect::<Vec<_>>(),
                naive_bert(s),
                "{s:?}"
            );
            assert_eq!(
                NonSpaceRuns::new(s).collect::<Vec<_>>(),
                naive_ws(s),
                "{s:?}"
            );
        }
        for c in (0u8..128).map(char::from) {
            let k = classes(c);
            let want = if k & WHITESPACE != 0 {
                1
            } else if k & PUNCTUATION != 0 {
                2
            } else {
                0
            };
            assert_eq!(BERT_CLASS[c as usize], want, "{c:?}");
        }
    }

    /// Random texts mixing the shapes the quick steps take and those they leave.
    fn random_texts() -> Vec<String> {
        let atoms = [
            "a",
            "Zq",
            "hello",
            "xy",
            "0",
            "12",
            "7",
            " ",
            "  ",
            "\t",
            "\r",
            "\n",
            "'",
            "'s",
            "'Re",
            "'ll",
            ".",
            ",",
            "!?",
            "(",
            "$",
            "-",
            "é",
            "’",
            "٣",
            "日本",
            "\u{a0}",
            "ſ",
            "\u{3000}",
            "a\u{301}",
            "--",
            "...",
            "_",
            "\x0B",
            "“",
            "”",
            "—",
            "‘",
            "…",
            "×",
            "÷",
            "Ünï",
            "ÿ",
            "\u{2028}",
            "\u{200b}",
            "\u{2010}",
            "\u{2027}",
            "\u{2030}",
            "¿",
            "\x01",
            "a1b2",
            "{",
            "::",
            "Привет",
            " ёж",
            "ѿ",
            "ł",
            "Ľud",
            "Ǆ",
            "ж'",
            "\u{482}",
            "\u{483}",
            "\u{2581}",
            "\u{1680}",
            "\u{85}",
        ];
        let mut rng = XorShift(0x9e37_79b9_7f4a_7c15u64);
        let mut next = move || rng.next_u64();
        (0..6500)
            .map(|_| {
                let n = (next() % 40) as usize;
                (0..n)
                    .map(|_| atoms[(next() % atoms.len() as u64) as usize])
                    .collect()
            })
            .collect()
    }

    /// Checks a quick step against the scan's `next` at every char boundary of `s`.
    fn check_quick<Sc: QuickScan>(s: &str, make: impl Fn(usize) -> Sc) -> usize {
        let mut hits = 0;
        for i in (0..s.len()).filter(|&i| s.is_char_boundary(i)) {
            let mut quick = make(i);
            let Some(q) = quick.quick() else {
                continue;
            };
            hits += 1;
            let want = make(i).next();
            assert_eq!(Some((q.start, q.end)), want, "{s:?} at {i}");
            let piece = &s.as_bytes()[q.start..q.end];
            let mut key = [0u8; 16];
            key[..piece.len()].copy_from_slice(piece);
            key[15] = piece.len() as u8;
            assert_eq!(
                (q.k0, q.k1),
                (
                    u64::from_le_bytes(key[..8].try_into().unwrap()),
                    u64::from_le_bytes(key[8..].try_into().unwrap())
                ),
                "{s:?} at {i}"
            );
            assert_eq!(quick.next(), make(q.end).next(), "{s:?} after {i}");
        }
        hits
    }

    #[test]
    fn quick_steps_match_the_scans() {
        let mut hits = [0; 3];
        for s in random_texts() {
            hits[0] += check_quick(&s, |i| Gpt2Scan::at(&s, i));
            for (h, n) in hits[1..].iter_mut().zip([3, 1]) {
                *h += check_quick(&s, |i| Cl100kScan::at(&s, i, n));
            }
        }
        // The quick steps take a good share of the positions.
        assert!(hits.iter().all(|&h| h > 20_000), "{hits:?}");
        let mut runs = 0;
        let mut bert = 0;
        let mut wide = 0;
        for s in random_texts() {
            runs += check_quick(&s, |i| NonSpaceRuns {
                s: &s,
                i,
                stops: &ASCII_RUN_STOPS,
            });
            bert += check_quick(&s, |i| BertPieces { s: &s, i });
            wide += check_quick(&s, |i| NonSpaceRuns {
                s: &s,
                i,
                stops: &WIDE_RUN_STOPS,
            });
            // A quick run never holds the stop byte.
            let mut scan = NonSpaceRuns::with_wide_quick(&s, "\u{2581}");
            loop {
                if let Some(q) = scan.quick() {
                    assert!(!s.as_bytes()[q.start..q.end].contains(&0xE2), "{s:?}");
                } else if scan.next().is_none() {
                    break;
                }
            }
        }
        assert!(runs > 10_000, "{runs}");
        assert!(bert > 10_000, "{bert}");
        assert!(wide > runs, "{wide} {runs}");
    }

    #[test]
    fn run_stops_are_the_ascii_whitespace() {
        for b in 0..0x80u8 {
            assert_eq!(ASCII_RUN_STOPS[usize::from(b)], ascii_space(b), "{b:#x}");
            assert_eq!(WIDE_RUN_STOPS[usize::from(b)], ascii_space(b), "{b:#x}");
        }
    }

    #[test]
    fn only_the_space_leads_lead_multibyte_whitespace() {
        for c in (0x80..=0x10FFFFu32).filter_map(char::from_u32) {
            if classes(c) & WHITESPACE != 0 {
                let mut buf = [0u8; 4];
                let lead = c.encode_utf8(&mut buf).as_bytes()[0];
                assert!(may_lead_space(lead), "{c:?}");
            }
        }
    }

    /// Walks `scan` as the encoders do (the quick step, else `next`) and checks every
    /// match and key against a plain `next` walk of `plain`.
    fn check_walk<Sc: QuickScan>(
        s: &str,
        mut scan: Sc,
        plain: impl Iterator<Item = (usize, usize)>,
    ) -> usize {
        let mut got = Vec::new();
        let mut quick = 0;
        loop {
            if let Some(q) = scan.quick() {
                let piece = &s.as_bytes()[q.start..q.end];
                let mut key = [0u8; 16];
                key[..piece.len()].copy_from_slice(piece);
                key[15] = piece.len() as u8;
                assert_eq!(q.k0, u64::from_le_bytes(key[..8].try_into().unwrap()));
                assert_eq!(q.k1, u64::from_le_bytes(key[8..].try_into().unwrap()));
                got.push((q.start, q.end));
                quick += 1;
                continue;
            }
            match scan.next() {
                Some(m) => got.push(m),
                None => break,
            }
        }
        assert_eq!(got, plain.collect::<Vec<_>>(), "{s:?}");
        quick
    }

    #[test]
    fn quick_walks_match_the_scans() {
        // Long texts, so that the quick steps move their 64-byte blocks many times.
        let texts = random_texts();
        let mut quick = 0;
        for (k, group) in texts.chunks(12).enumerate() {
            let s: String = group.concat();
            quick += check_walk(&s, Gpt2Scan::new(&s), Gpt2Scan::new(&s));
            let n = [1, 3, 5][k % 3];
            quick += check_walk(&s, Cl100kScan::new(&s, n), Cl100kScan::new(&s, n));
            quick += check_walk(&s, BertPieces::new(&s), BertPieces::new(&s));
        }
        assert!(quick > 30_000, "{quick}");
    }

    #[test]
    fn gpt2_examples() {
        let s = "Hello  world's 123\u{a0}é\n\n x";
        assert_eq!(
            pieces(s, Gpt2Scan::new(s)),
            ["Hello", " ", " world", "'s", " 123", "\u{a0}", "é", "\n\n", " x"]
        );
    }

    /// A line break after whitespace of unknown class, or past the block's end, moves the
    /// end of a whitespace match that starts far before it.
    #[test]
    fn cl100k_quick_steps_see_far_line_breaks() {
        let long = format!("x\n{}\ny", " ".repeat(70));
        let texts = [
            "\n  \u{3000}\n x",
            "a \u{a0}\n\tb",
            "\n \u{2028}\n x",
            ";\n \u{3000}\n x",
            long.as_str(),
        ];
        for s in texts {
            for n in [1, 3] {
                check_quick(s, |i| Cl100kScan::at(s, i, n));
                check_walk(s, Cl100kScan::new(s, n), Cl100kScan::new(s, n));
            }
        }
    }

    #[test]
    fn cl100k_examples() {
        let s = "I'M  done:\r\n  12345 ok";
        assert_eq!(
            pieces(s, Cl100kScan::new(s, 3)),
            ["I", "'M", " ", " done", ":\r\n", " ", " ", "123", "45", " ok"]
        );
    }
}
