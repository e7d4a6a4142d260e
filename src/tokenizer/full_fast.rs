//! The fast path of [`Tokenizer::encode`]: the same [`Encoding`] (ids, tokens, offsets,
//! word ids, type ids, masks) as the general pipeline, without a [`NormalizedString`] per
//! piece.
//!
//! It replaces one step of the general path, the encoding of one input string before the
//! post-processor (`Tokenizer::encode_str`), rather than the whole of `encode`: pairs,
//! pre-tokenized words, char offsets, the post-processor, truncation with overflow and
//! padding then run the shared code on its result, so they are exact by construction and
//! all of them get the speed-up.
//!
//! # Algorithm
//! 1. Added tokens matched in the raw input cut the text into segments (as in the general
//!    path, each token is one word whose offsets are its byte range).
//! 2. Each segment is normalized into text plus an *alignment* ([`Aligned`]):
//!    - [`Aligned::Same`]: the normalized text has exactly the original's char boundaries and
//!      each char is aligned to the original char at the same position: no normalizer;
//!      Unicode forms on text that passes their quick check, `Lowercase` on unchanged or
//!      ASCII text, `Precompiled` when the charsmap replaces nothing, and `BertNormalizer`
//!      when nothing is removed and every non-ASCII char is a non-decomposing starter that
//!      no step changes (each of these normalizers then leaves the text alone or rewrites
//!      it with a change marker `0` per char, i.e. every char keeps its own range);
//!    - [`Aligned::Table`]: an explicit original range per normalized byte, built by string
//!      operations for `Prepend` (every prepended byte takes the first char's range),
//!      `Replace` of a literal or of `\s+` (every byte of a replacement takes the range of
//!      the last matched char; CLIP's `\s+` took the general normalizer, a third of
//!      clip-vit's full path) and
//!      `Precompiled` (see `precompiled_table`), or, for any other case, taken from a
//!      [`NormalizedString`] run through the real normalizer (exact by construction).
//!      `Sequence` chains the rules above, step by step.
//!
//!    Why this is exact: every normalizer edit goes through `transform_range`, which gives each
//!    new char the alignment entry of a source char at a non-decreasing position, so entries
//!    stay monotone; slicing then never clamps, and the original range of any normalized byte
//!    range `[a, b)` of a later piece is `(entry(a).start, entry(b - 1).end)` plus the
//!    segment's position, which is what the general path computes piece by piece.
//! 3. Added tokens matched in normalized text cut it again.
//! 4. The pre-tokenizer runs as the ids path's plan of cuts over the text ([`StrPlan`]:
//!    GPT-2 / cl100k scanners, BERT, whitespace, then optionally `ByteLevel` or `Metaspace`
//!    with the `always`/`never` scheme), which yields each piece as a byte range of the
//!    normalized text and a flag telling whether a prefix (space or `▁`) was put in
//!    front. A byte-level or Metaspace piece's model input is a function of its text and the
//!    flag; each model byte comes from one char of the piece (the prefix from the piece's
//!    first char), which is the alignment the general path gives those chars.
//!
//!    A plan whose `ByteLevel` step is followed by more cuts (Falcon: `Punctuation`,
//!    `ByteLevel`, `Digits`, a `Split` regex) cuts the text into *units* (the pieces of
//!    the `ByteLevel` step, byte ranges of the text with a flag for its leading space);
//!    each unit's byte-level spelling is cut by the later steps, and each of those pieces
//!    is one word whose model input is a range of the spelling. Each spelled byte comes
//!    from one byte of the unit and is aligned to that byte's char (the leading space to
//!    the unit's first char), as the `ByteLevel` pre-tokenizer aligns it, so a token maps
//!    back through the unit like a token of any other piece. A unit is cached as a whole
//!    under its own text, its tokens marked where a new word starts (`Run::spelled_unit`).
//!    Measured reason: falcon-7b's full encodings took the general path at 1.8–3.3 MB/s.
//! 5. Each piece's tokens come from a per-thread cache keyed by (flag, piece text), holding
//!    per token its id, its byte range inside the piece widened to whole chars, and whether
//!    its string is the vocabulary's (otherwise the string itself is kept). On a miss the
//!    model tokenizes the piece and the model's offsets are mapped back through the piece's
//!    byte map. A token's offsets are then the alignment of its range (step 2).
//! 6. Each piece is one word, numbered in order with the added tokens.
//!
//! Llama-style tokenizers (no pre-tokenizer, `Prepend("▁")` then `Replace(" ", "▁")`, a BPE
//! model that cuts its input at `▁`) skip steps 2–4 on a segment where no added token can
//! match after normalization: the model's parts are found in the original text (a part
//! starts at each space or `▁` that follows another char), and each part's model input is
//! made as Metaspace makes a piece's (spaces replaced, a `▁` in front of the first part,
//! aligned to its first char), so no normalized text or alignment is built
//! (`super::marker`). The whole segment is one word, as it is one piece in step 4.
//!
//! Anything not covered returns `None` and the caller runs the general path: pre-tokenizers
//! outside the plan (and `Metaspace` with the `first` scheme, which depends on original
//! offsets), non-deterministic models (BPE dropout), empty input, alignments from the
//! general normalizer that contain chars aligned to nothing, tokens with empty or
//! out-of-range offsets, and any error (so errors are the general path's own).
//!
//! Measured reason: the general path spends most of its time building, slicing and
//! rewriting per-byte alignment vectors for every piece, and running the model on every
//! piece; English prose repeats a small set of words, so the cache skips the model for most
//! pieces and offsets are plain additions.
//!
//! The cache has the same lifetime rules as the ids path's (`super::thread_cache`): one per
//! tokenizer instance per thread (clones share it, as the normalizer, pre-tokenizer and
//! model never change after load), a few per thread, no lock shared between threads,
//! bounded entries and piece length.

use std::borrow::Cow;
use std::cell::RefCell;
use std::rc::Rc;

use super::marker::{marker_style, MarkerStyle, Parts};
use super::thread_cache::{with_cache, Caches, Reusable};
use super::Tokenizer;
use crate::encoding::{Encoding, TokenRows};
use crate::models::bpe::MARKER;
use crate::models::hash::FastMap;
use crate::normalizer::NormalizedString;
use crate::normalizers::unicode::{already_normalized, ascii_prefix_len, may_decompose, Form};
use crate::normalizers::{NormalizerWrapper, Precompiled};
use crate::pre_tokenizers::fast::{Cutter, Finish, StrPlan};
use crate::pre_tokenizers::scan::{
    BertPieces, Cl100kScan, Gpt2Scan, NonSpaceRuns, Quick, QuickScan,
};
use crate::utils::byte_level::BYTE_TO_CHAR;
use crate::utils::prefetch::prefetch;
use crate::{Error, Normalizer, Offsets};

/// Most pieces one generation of a cache holds (see [`FullCache`]; the ids path's bound,
/// for the same reason).
const MAX_ENTRIES: usize = 1 << 18;
/// Longest piece (bytes) that is cached (the ids path's limit, for the same reason: runs
/// of CJK or Thai text are single pieces of Llama-style files).
const MAX_PIECE_BYTES: usize = 4096;
/// Most bytes of tokens one generation holds (their entries, strings and the keys of long
/// pieces): a bound whatever the pieces and the vocabulary (a piece of 4 KiB can have a
/// thousand tokens and more, a token string any length).
const MAX_BYTES: usize = 32 << 20;

/// Why the fast path stopped: the general path must run instead.
struct Fallback;

impl From<Error> for Fallback {
    fn from(_: Error) -> Self {
        Fallback
    }
}

type Step<T = ()> = std::result::Result<T, Fallback>;

// ---------------------------------------------------------------------------------------
// Model input of a piece
// ---------------------------------------------------------------------------------------

/// The model input of a piece (`src`, the piece; `first`, the char a prefix stands for)
/// under the finishing step `finish` and, for every byte of it, the byte range in the
/// piece of the char it comes from.
///
/// Returns `true`, leaving `text` and `map` empty, when the model input is `src` itself
/// (every byte its own, as for a plain finish or printable ASCII under byte-level): the
/// range of a byte is then its char's in `src` ([`char_span`]). For a multi-megabyte piece
/// the map was 8 bytes per byte of memory written once and read once.
fn model_input(
    finish: Finish,
    src: &str,
    first: (usize, usize),
    prefixed: bool,
    text: &mut String,
    map: &mut Vec<(u32, u32)>,
) -> bool {
    text.clear();
    map.clear();
    let span = |start: usize, c: char| (start as u32, (start + c.len_utf8()) as u32);
    let first = (first.0 as u32, first.1 as u32);
    match finish {
        Finish::Plain => return true,
        Finish::ByteLevel { .. } => {
            if !prefixed
                && src
                    .bytes()
                    .all(|b| b.is_ascii() && BYTE_TO_CHAR[usize::from(b)] as u32 == u32::from(b))
            {
                return true;
            }
            text.reserve(2 * src.len() + 2);
            map.reserve(2 * src.len() + 2);
            if prefixed {
                let c = BYTE_TO_CHAR[usize::from(b' ')];
                text.push(c);
                map.extend(std::iter::repeat_n(first, c.len_utf8()));
            }
            for (i, ch) in src.char_indices() {
                let mut buf = [0u8; 4];
                for &b in ch.encode_utf8(&mut buf).as_bytes() {
                    let c = BYTE_TO_CHAR[usize::from(b)];
                    text.push(c);
                    map.extend(std::iter::repeat_n(span(i, ch), c.len_utf8()));
                }
            }
        }
        Finish::Metaspace { replacement, .. } => {
            if !prefixed && !src.contains(' ') {
                return true;
            }
            let spaces = src.bytes().filter(|&b| b == b' ').count();
            let len = src.len() + (spaces + 1) * replacement.len_utf8();
            text.reserve(len);
            map.reserve(len);
            if prefixed {
                text.push(replacement);
                map.extend(std::iter::repeat_n(first, replacement.len_utf8()));
            }
            for (i, ch) in src.char_indices() {
                let c = if ch == ' ' { replacement } else { ch };
                text.push(c);
                map.extend(std::iter::repeat_n(span(i, ch), c.len_utf8()));
            }
        }
    }
    false
}

/// The byte range of `s` from the start of the char holding byte `lo` to the end of the
/// char holding byte `hi - 1` (`lo < hi <= s.len()`): what a model-input map gives for the
/// bytes `lo..hi` when the model input is the piece itself.
#[inline]
fn char_span(s: &str, lo: usize, hi: usize) -> Option<(u32, u32)> {
    let mut lo = lo;
    while !s.is_char_boundary(lo) {
        lo = lo.checked_sub(1)?;
    }
    if hi > s.len() {
        return None;
    }
    let mut hi = hi;
    while !s.is_char_boundary(hi) {
        hi += 1;
    }
    Some((lo as u32, hi as u32))
}

// ---------------------------------------------------------------------------------------
// Normalization with alignment
// ---------------------------------------------------------------------------------------

/// The original byte range (relative to the segment) of one normalized byte. Segments
/// longer than `u32::MAX` bytes take the general path; a table entry is 8 bytes, not 16 (on
/// a multi-megabyte segment the table is the largest buffer the full path allocates).
type Span = (u32, u32);

/// `start..end` as a [`Span`] (both fit: see [`normalize_aligned`]).
#[inline]
fn span_of(start: usize, end: usize) -> Span {
    (start as u32, end as u32)
}

/// Appends the [`Aligned::Same`] entries of the bytes `lo..hi` of `t` (char boundaries,
/// `hi <= t.len()`): every byte its own span first (a loop the compiler vectorizes), then
/// the bytes of each non-ASCII char get the char's whole span (ASCII stretches skipped a
/// word at a time).
fn push_same(out: &mut Vec<Span>, t: &str, lo: usize, hi: usize) {
    let base = out.len();
    out.extend((lo..hi).map(|i| span_of(i, i + 1)));
    let bytes = t.as_bytes().get(lo..hi).unwrap_or_default();
    let mut at = 0;
    loop {
        let start = at + ascii_prefix_len(bytes.get(at..).unwrap_or_default());
        if start >= bytes.len() {
            break;
        }
        let len = t
            .get(lo + start..)
            .and_then(|r| r.chars().next())
            .map_or(1, char::len_utf8);
        if let Some(bytes_of_char) = out.get_mut(base + start..base + start + len) {
            bytes_of_char.fill(span_of(lo + start, lo + start + len));
        }
        at = start + len;
    }
}

/// A normalized segment and its alignment to the original segment; see the module docs.
enum Aligned<'a> {
    /// Same char boundaries as the original, each char aligned to the char at its position.
    Same(Cow<'a, str>),
    /// The original range (relative to the segment) of every normalized byte.
    Table(String, Vec<Span>),
}

impl Aligned<'_> {
    fn text(&self) -> &str {
        match self {
            Aligned::Same(t) => t,
            Aligned::Table(t, _) => t,
        }
    }

    /// Original offsets of the normalized bytes `lo..hi` (whole chars), shifted by `shift`.
    #[inline]
    fn offsets(&self, shift: usize, lo: usize, hi: usize) -> Step<Offsets> {
        match self {
            Aligned::Same(_) => Ok((shift + lo, shift + hi)),
            Aligned::Table(_, table) => {
                let first = table.get(lo).ok_or(Fallback)?;
                let last = hi
                    .checked_sub(1)
                    .and_then(|i| table.get(i))
                    .ok_or(Fallback)?;
                Ok((shift + first.0 as usize, shift + last.1 as usize))
            }
        }
    }

    /// The table of this alignment (built for [`Aligned::Same`]).
    fn into_table(self) -> (String, Vec<Span>) {
        match self {
            Aligned::Same(t) => {
                let mut table = Vec::with_capacity(t.len());
                push_same(&mut table, &t, 0, t.len());
                (t.into_owned(), table)
            }
            Aligned::Table(t, table) => (t, table),
        }
    }

    /// The alignment entry of normalized byte `i` (within the text).
    fn entry(&self, i: usize) -> Step<Span> {
        match self {
            Aligned::Same(t) => {
                let start = (0..=i)
                    .rev()
                    .find(|&k| t.is_char_boundary(k))
                    .ok_or(Fallback)?;
                let len = t
                    .get(start..)
                    .and_then(|r| r.chars().next())
                    .ok_or(Fallback)?
                    .len_utf8();
                Ok(span_of(start, start + len))
            }
            Aligned::Table(_, table) => table.get(i).copied().ok_or(Fallback),
        }
    }

    /// Appends the entries of the normalized bytes `lo..hi` (char boundaries) to `out`.
    fn push_entries(&self, out: &mut Vec<Span>, lo: usize, hi: usize) -> Step {
        match self {
            Aligned::Same(t) => {
                if hi > t.len() || lo > hi {
                    return Err(Fallback);
                }
                push_same(out, t, lo, hi);
            }
            Aligned::Table(_, table) => out.extend_from_slice(table.get(lo..hi).ok_or(Fallback)?),
        }
        Ok(())
    }

    fn with_text(self, text: String) -> Self {
        match self {
            Aligned::Same(_) => Aligned::Same(Cow::Owned(text)),
            Aligned::Table(_, table) => Aligned::Table(text, table),
        }
    }
}

/// Normalizes one segment with its alignment.
fn normalize_aligned<'a>(
    normalizer: Option<&NormalizerWrapper>,
    seg: &'a str,
) -> Step<Aligned<'a>> {
    let Some(n) = normalizer else {
        return Ok(Aligned::Same(Cow::Borrowed(seg)));
    };
    if u32::try_from(seg.len()).is_err() {
        return Err(Fallback);
    }
    if let Some(aligned) = apply(n, Aligned::Same(Cow::Borrowed(seg)))? {
        return Ok(aligned);
    }
    if n.is_char_local() && !seg.is_ascii() {
        return normalize_chunked(n, seg);
    }
    general_aligned(n, seg)
}

/// Any normalizer on `seg`: its own alignment, exact by construction.
fn general_aligned(n: &NormalizerWrapper, seg: &str) -> Step<Aligned<'static>> {
    let mut ns = NormalizedString::from(seg);
    n.normalize(&mut ns)?;
    // Chars aligned to nothing change how later whole-text rewrites address the text.
    if ns.alignments().iter().any(|&(s, e)| s == e) {
        return Err(Fallback);
    }
    let (text, table) = ns.into_normalized_parts();
    let table = table.into_iter().map(|(s, e)| span_of(s, e)).collect();
    Ok(Aligned::Table(text, table))
}

/// A [char-local](NormalizerWrapper::is_char_local) normalizer on mostly-ASCII text, chunk
/// by chunk: every chunk starts at an ASCII char (or the segment start), and each run of
/// non-ASCII chars goes with the ASCII char before it through the general normalizer, while
/// the ASCII stretches between take the string-only rules of [`apply`].
///
/// Why this is exact: the text is the concatenation of the chunks' texts because each
/// char is rewritten on its own, and Unicode composition and canonical reordering never
/// reach across the start of an ASCII char (a starter that is never the second char of a
/// composition). An alignment entry depends on the chars before it only for a char
/// inserted after another (it takes the previous char's range), and the rewrites insert
/// chars only after a char of the same chunk. The full-path tests compare this with the
/// general path on every corpus document, and a unit test on random mixed text.
/// Measured reason: one curly quote in a document sent the whole document through the
/// general normalizer (BERT uncased on English: most of the encode time).
fn normalize_chunked(n: &NormalizerWrapper, seg: &str) -> Step<Aligned<'static>> {
    /// Shortest ASCII stretch between two non-ASCII runs that ends a chunk.
    const MIN_ASCII_GAP: usize = 24;
    let bytes = seg.as_bytes();
    let mut text = String::with_capacity(seg.len() + seg.len() / 8);
    let mut table: Vec<Span> = Vec::with_capacity(text.capacity());
    let mut push = |a: usize, (t, tab): (String, Vec<Span>)| {
        let a = a as u32;
        text.push_str(&t);
        table.extend(tab.into_iter().map(|(s, e)| (s + a, e + a)));
    };
    let mut chunk = |a: usize, b: usize| -> Step {
        let piece = seg.get(a..b).ok_or(Fallback)?;
        if let Some(aligned) = apply(n, Aligned::Same(Cow::Borrowed(piece)))? {
            push(a, aligned.into_table());
            return Ok(());
        }
        // Some char needs the general normalizer: again, one chunk per ASCII char and the
        // non-ASCII run after it, so that only the chunks that need it go through it (on
        // text with ASCII bytes scattered everywhere the whole segment was one chunk).
        let bytes = piece.as_bytes();
        let mut from = 0;
        while from < bytes.len() {
            let rest = bytes.get(from + 1..).unwrap_or_default();
            let to = rest
                .iter()
                .position(u8::is_ascii)
                .map_or(bytes.len(), |i| from + 1 + i);
            let sub = piece.get(from..to).ok_or(Fallback)?;
            let aligned = match apply(n, Aligned::Same(Cow::Borrowed(sub)))? {
                Some(aligned) => aligned,
                None => general_aligned(n, sub)?,
            };
            push(a + from, aligned.into_table());
            from = to;
        }
        Ok(())
    };
    let mut pos = 0;
    while pos < bytes.len() {
        let rest = bytes.get(pos..).ok_or(Fallback)?;
        let wide = rest
            .iter()
            .position(|b| !b.is_ascii())
            .map_or(bytes.len(), |i| pos + i);
        if wide == bytes.len() {
            chunk(pos, wide)?;
            break;
        }
        // The ASCII char before the run goes with it.
        let start = if wide > pos { wide - 1 } else { wide };
        if start > pos {
            chunk(pos, start)?;
        }
        // The run ends at an ASCII char followed by enough ASCII bytes (short ASCII gaps,
        // such as the spaces of non-Latin text, stay in the chunk: fewer, longer chunks).
        let mut end = wide;
        loop {
            let after = bytes.get(end..).ok_or(Fallback)?;
            end = after
                .iter()
                .position(u8::is_ascii)
                .map_or(bytes.len(), |i| end + i);
            let gap = bytes.get(end..).unwrap_or_default();
            match gap.iter().take(MIN_ASCII_GAP).position(|b| !b.is_ascii()) {
                Some(i) => end += i,
                None => break,
            }
        }
        chunk(start, end)?;
        pos = end;
    }
    Ok(Aligned::Table(text, table))
}

/// Whether `s` is in `form` by the quick check (the test the Unicode normalizers make
/// before leaving the text as it is, made as they make it: past ASCII eight bytes at a
/// time, runs of starters from a bit table). Measured reason: through the crate's quick
/// check of every char, it was a third of qwen2.5's full encodings of multilingual text.
fn quick_normalized(n: &NormalizerWrapper, s: &str) -> bool {
    let form = match n {
        NormalizerWrapper::NFC(_) => Form::Nfc,
        NormalizerWrapper::NFD(_) => Form::Nfd,
        NormalizerWrapper::NFKC(_) => Form::Nfkc,
        NormalizerWrapper::NFKD(_) => Form::Nfkd,
        _ => return false,
    };
    s.is_ascii() || already_normalized(s, form)
}

/// Applies `n` to `cur` with string operations, when its alignment effect is known (see
/// the module docs); `None` otherwise.
fn apply<'a>(n: &NormalizerWrapper, cur: Aligned<'a>) -> Step<Option<Aligned<'a>>> {
    Ok(Some(match n {
        // Text in the form already: left as is.
        NormalizerWrapper::NFC(_)
        | NormalizerWrapper::NFD(_)
        | NormalizerWrapper::NFKC(_)
        | NormalizerWrapper::NFKD(_) => {
            if !quick_normalized(n, cur.text()) {
                return Ok(None);
            }
            cur
        }
        // Lowercasing: unchanged text is left as is; ASCII maps char for char, and so does
        // other text whose every char lowercases to one char of as many bytes (each keeps
        // its bytes' alignment). Measured reason: English prose with a curly quote and a
        // capital took the general normalizer (clip-vit's full path).
        NormalizerWrapper::Lowercase(_) => {
            let s = cur.text();
            if s.is_ascii() {
                if !s.bytes().any(|b| b.is_ascii_uppercase()) {
                    return Ok(Some(cur));
                }
                let lower = s.to_ascii_lowercase();
                cur.with_text(lower)
            } else {
                let mut lower = String::with_capacity(s.len());
                for c in s.chars() {
                    let mut l = c.to_lowercase();
                    match (l.next(), l.next()) {
                        (Some(x), None) if x.len_utf8() == c.len_utf8() => lower.push(x),
                        _ => return Ok(None),
                    }
                }
                if lower == s {
                    cur
                } else {
                    cur.with_text(lower)
                }
            }
        }
        // No removed chars, and every non-ASCII char a starter that no step changes: every
        // step maps char for char (ASCII to ASCII), and NFD leaves the text as it is.
        // Otherwise, on text without an alignment yet, char by char when it is short or
        // mostly non-ASCII (long mostly-ASCII text is cut into chunks first, see
        // `normalize_chunked`, which comes back here for each chunk).
        NormalizerWrapper::BertNormalizer(b) => {
            let s = cur.text();
            let mut buf = [0u8; 4];
            let mut simple = true;
            let strip = b.strips_accents();
            // The non-ASCII chars, found past runs of ASCII bytes read eight at a time.
            let mut i = 0;
            loop {
                i += ascii_prefix_len(s.as_bytes().get(i..).unwrap_or_default());
                let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
                    break;
                };
                // `rewrite` leaves a char it keeps as it is; it only runs (building its
                // tables) on the others.
                if may_decompose(c)
                    || (!b.keeps_char(c, strip) && b.rewrite(c.encode_utf8(&mut buf))?.is_some())
                {
                    simple = false;
                    break;
                }
                i += c.len_utf8();
            }
            if simple {
                match b.rewrite(s)? {
                    None => return Ok(Some(cur)),
                    Some(out) if out.len() == s.len() => return Ok(Some(cur.with_text(out))),
                    Some(_) => {}
                }
            }
            let wide = s.bytes().filter(|b| !b.is_ascii()).count();
            if !matches!(cur, Aligned::Same(_)) || (s.len() > 64 && wide * 4 < s.len()) {
                return Ok(None);
            }
            match bert_table(b, s) {
                Some(aligned) => aligned,
                None => return Ok(None),
            }
        }
        // Nothing the charsmap changes: left as is.
        NormalizerWrapper::Precompiled(p) => match precompiled_table(p, cur)? {
            Some(next) => next,
            None => return Ok(None),
        },
        NormalizerWrapper::Prepend(p) if !p.prepend.is_empty() => {
            if cur.text().is_empty() {
                return Ok(Some(cur));
            }
            let first = cur.entry(0)?;
            let n = p.prepend.len();
            match cur {
                Aligned::Same(t) => {
                    let mut text = String::with_capacity(n + t.len());
                    text.push_str(&p.prepend);
                    text.push_str(&t);
                    let mut table = Vec::with_capacity(text.len());
                    table.extend(std::iter::repeat_n(first, n));
                    push_same(&mut table, &t, 0, t.len());
                    Aligned::Table(text, table)
                }
                // In place: a copy within the buffers rather than new ones (on a
                // multi-megabyte segment, fresh pages cost more than the copy).
                Aligned::Table(mut text, mut table) => {
                    text.insert_str(0, &p.prepend);
                    table.splice(0..0, std::iter::repeat_n(first, n));
                    Aligned::Table(text, table)
                }
            }
        }
        NormalizerWrapper::Replace(r) => {
            // A literal, or `\s+` (CLIP), whose matches are never empty either: every
            // byte of the content takes the range of the match's last char in both.
            // A run that is the content already is left as it is (its content byte would
            // take its own range).
            let (lit, runs) = match (r.non_empty_literal(), r.whitespace_matches(cur.text())) {
                (Some(lit), _) if !cur.text().contains(lit) => return Ok(Some(cur)),
                (Some(lit), _) => (lit, None),
                (None, Some(mut runs)) => {
                    let text = cur.text();
                    runs.retain(|&(a, b)| text.get(a..b) != Some(r.content()));
                    if runs.is_empty() {
                        return Ok(Some(cur));
                    }
                    // `lit` only sizes the buffers below: a run is one byte or more.
                    (" ", Some(runs))
                }
                (None, None) => return Ok(None),
            };
            let content = r.content();
            let text = cur.text();
            // Room for one replacement in every four bytes, more only when needed.
            let grow = content.len().saturating_sub(lit.len()) * (text.len() / 4 + 1);
            let mut new_text = String::with_capacity(text.len() + grow);
            let mut new_table = Vec::with_capacity(new_text.capacity());
            let mut last = 0;
            let mut replace = |i: usize, end: usize| -> Step {
                new_text.push_str(text.get(last..i).ok_or(Fallback)?);
                cur.push_entries(&mut new_table, last, i)?;
                let entry = cur.entry(end - 1)?;
                new_text.push_str(content);
                new_table.extend(std::iter::repeat_n(entry, content.len()));
                last = end;
                Ok(())
            };
            // A one-char literal (a space, mostly) is found by a char search (memchr).
            let mut chars = lit.chars();
            match (runs, chars.next(), chars.next()) {
                (Some(runs), _, _) => {
                    for (i, end) in runs {
                        replace(i, end)?;
                    }
                }
                (None, Some(c), None) => {
                    for (i, _) in text.match_indices(c) {
                        replace(i, i + lit.len())?;
                    }
                }
                (None, _, _) => {
                    for (i, _) in text.match_indices(lit) {
                        replace(i, i + lit.len())?;
                    }
                }
            }
            new_text.push_str(text.get(last..).ok_or(Fallback)?);
            cur.push_entries(&mut new_table, last, text.len())?;
            Aligned::Table(new_text, new_table)
        }
        NormalizerWrapper::Sequence(seq) => {
            let mut cur = cur;
            for step in &seq.normalizers {
                match apply(step, cur)? {
                    Some(next) => cur = next,
                    None => return Ok(None),
                }
            }
            cur
        }
        _ => return Ok(None),
    }))
}

/// `BertNormalizer` on text without an alignment yet, char by char: every char it makes
/// of a source char is aligned to that char (see `BertNormalizer::rewrite_char`); `None`
/// when some char needs the full normalizer.
fn bert_table(b: &crate::normalizers::BertNormalizer, s: &str) -> Option<Aligned<'static>> {
    let mut out = Vec::with_capacity(s.len() + s.len() / 4);
    let mut table = Vec::with_capacity(out.capacity());
    let done = b.rewrite_spans(s, &mut out, |start, len, n| {
        table.extend(std::iter::repeat_n(span_of(start, start + len), n));
    });
    if !done {
        return None;
    }
    Some(Aligned::Table(String::from_utf8(out).ok()?, table))
}

/// `Precompiled` with its alignment, `None` when the general normalizer must run.
///
/// The text is walked as the normalizer walks it: whole graphemes of under 6 bytes that the
/// charsmap knows, else char by char (runs of chars the charsmap leaves alone, each a
/// grapheme of its own, are copied at once, see `Precompiled::plain_end`). A replacement of `n` chars for a key of `k` chars gives its char `i` the
/// range of key char `min(i, min(k, n) - 1)` (the first `min(k, n)` chars replace key chars
/// one for one, the others are inserted after the last of those, extra key chars are
/// dropped), which is the normalizer's change markers read through `transform_range`. An
/// empty replacement is left to the general normalizer. Nothing replaced: left as is.
///
/// The text up to the first change is found first and copied at once (text the charsmap
/// leaves alone, most text under most charsmaps, costs no new buffers).
fn precompiled_table<'a>(p: &Precompiled, cur: Aligned<'a>) -> Step<Option<Aligned<'a>>> {
    let (text, table): (&str, Option<&[Span]>) = match &cur {
        Aligned::Same(t) => (t, None),
        Aligned::Table(t, tab) => (t, Some(tab)),
    };
    let Some(first) = first_change(p, text)? else {
        return Ok(Some(cur));
    };
    let entry = |i: usize, len: usize| -> Step<Span> {
        match table {
            None => Ok(span_of(i, i + len)),
            Some(t) => t.get(i).copied().ok_or(Fallback),
        }
    };
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut tab = Vec::with_capacity(out.capacity());
    // The unchanged prefix, with the entries the walk below gives unchanged chars: each
    // byte of a char takes the entry of the char's first byte.
    let prefix = text.get(..first).ok_or(Fallback)?;
    out.push_str(prefix);
    if table.is_none() {
        push_same(&mut tab, prefix, 0, first);
    } else {
        for (k, c) in prefix.char_indices() {
            tab.extend(std::iter::repeat_n(entry(k, 1)?, c.len_utf8()));
        }
    }
    let mut keys: Vec<Span> = Vec::new();
    let mut modified = false;
    let bytes = text.as_bytes();
    let mut i = first;
    while i < bytes.len() {
        // A run of chars the charsmap leaves alone, each a grapheme of its own, copied
        // with its entries at once: each byte of a char takes the entry of its first byte.
        let end = p.plain_end(bytes, i);
        if end > i {
            out.push_str(text.get(i..end).ok_or(Fallback)?);
            match table {
                None => push_same(&mut tab, text, i, end),
                Some(t) => {
                    let entries = t.get(i..end).ok_or(Fallback)?;
                    let run = bytes.get(i..end).ok_or(Fallback)?;
                    for (&e, &b) in entries.iter().zip(run) {
                        let e = match tab.last() {
                            Some(&lead) if b & 0xC0 == 0x80 => lead,
                            _ => e,
                        };
                        tab.push(e);
                    }
                }
            }
            i = end;
            continue;
        }
        let rest = text.get(i..).ok_or(Fallback)?;
        let Some(grapheme) = crate::normalizers::precompiled::next_grapheme(rest) else {
            break;
        };
        let start = i;
        i += grapheme.len();
        if grapheme.len() < 6 {
            if let Some(rep) = p.transform(grapheme)? {
                modified = true;
                keys.clear();
                for (k, c) in grapheme.char_indices() {
                    keys.push(entry(start + k, c.len_utf8())?);
                }
                if !push_replacement(rep, &keys, &mut out, &mut tab) {
                    return Ok(None);
                }
                continue;
            }
        }
        let mut buf = [0u8; 4];
        for (k, c) in grapheme.char_indices() {
            let e = entry(start + k, c.len_utf8())?;
            match p.transform(c.encode_utf8(&mut buf))? {
                Some(rep) => {
                    modified = true;
                    if !push_replacement(rep, &[e], &mut out, &mut tab) {
                        return Ok(None);
                    }
                }
                None => {
                    out.push(c);
                    tab.extend(std::iter::repeat_n(e, c.len_utf8()));
                }
            }
        }
    }
    if !modified {
        return Ok(Some(cur));
    }
    Ok(Some(Aligned::Table(out, tab)))
}

/// Where the walk of [`precompiled_table`] meets the first grapheme or char the charsmap
/// changes (a position the walk visits), `None` when it changes nothing.
fn first_change(p: &Precompiled, text: &str) -> Step<Option<usize>> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let end = p.plain_end(bytes, i);
        if end > i {
            i = end;
            continue;
        }
        let rest = text.get(i..).ok_or(Fallback)?;
        let Some(grapheme) = crate::normalizers::precompiled::next_grapheme(rest) else {
            break;
        };
        if grapheme.len() < 6 && p.transform(grapheme)?.is_some() {
            return Ok(Some(i));
        }
        let mut buf = [0u8; 4];
        for c in grapheme.chars() {
            if p.transform(c.encode_utf8(&mut buf))?.is_some() {
                return Ok(Some(i));
            }
        }
        i += grapheme.len();
    }
    Ok(None)
}

/// Appends `rep`, standing for key chars aligned to `keys`, with its alignment (see
/// [`precompiled_table`]); `false` for an empty replacement.
fn push_replacement(rep: &str, keys: &[Span], out: &mut String, tab: &mut Vec<Span>) -> bool {
    let m = keys.len().min(rep.chars().count());
    if m == 0 {
        return false;
    }
    for (i, c) in rep.chars().enumerate() {
        let Some(&entry) = keys.get(i.min(m - 1)) else {
            return false;
        };
        out.push(c);
        tab.extend(std::iter::repeat_n(entry, c.len_utf8()));
    }
    true
}

// ---------------------------------------------------------------------------------------
// Piece cache
// ---------------------------------------------------------------------------------------

/// One cached token: id, byte range in its piece (whole chars), and its string
/// (`text[at..at + len]` of the cache).
#[derive(Clone, Copy)]
struct CachedToken {
    id: u32,
    lo: u32,
    hi: u32,
    at: u32,
    len: u32,
}

/// Cache key tag of a piece that the finishing step puts a prefix in front of.
const TAG_PREFIXED: u8 = 1;
/// Cache key tag of a whole unit of a plan with units, keyed by its text before the
/// byte-level spelling (with [`TAG_PREFIXED`] when a space is put in front of it), apart
/// from the spelled pieces, whose text could be the same.
const TAG_UNIT: u8 = 2;
/// Set in [`CachedToken::hi`] of a unit's token that starts a new word (see
/// `Run::spelled_unit`).
const WORD_START: u32 = 1 << 31;

/// A piece of at most 15 bytes with its key tag ([`TAG_PREFIXED`], [`TAG_UNIT`]), packed
/// as the ids path packs pieces (length in the top byte of the second word, the tag above
/// it).
#[derive(Clone, Copy, PartialEq, Eq)]
struct ShortKey(u64, u64);

impl std::hash::Hash for ShortKey {
    #[inline]
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(self.0);
        state.write_u64(self.1);
    }
}

impl ShortKey {
    #[inline]
    fn new(piece: &[u8], tag: u8) -> Option<Self> {
        if piece.is_empty() || piece.len() > 15 {
            return None;
        }
        let (k0, k1) = crate::utils::packed_key::pack(piece);
        Some(ShortKey(k0, k1 | (u64::from(tag & 3) << 60)))
    }

    /// Slot of this key in the front table.
    #[inline]
    fn front_slot(self) -> usize {
        crate::utils::packed_key::hash_key(self.0, self.1) as usize & (FRONT_SLOTS - 1)
    }
}

/// Slots of the direct-mapped front table of short pieces (64 bytes each: 2 MiB, handed on
/// to the next tokenizer's cache when this one leaves the thread's list). Measured against
/// 8,192 slots (full encodings, warm, one thread, builds alternated): gpt2 English 173 →
/// 201 MB/s, 256 KiB of English 159 → 190; llama3 168 → 191 and 151 → 175. Before the
/// tables were handed on, this size made the allocator's heap grow past 4 GiB when caches
/// were made and dropped for many tokenizers in turn.
const FRONT_SLOTS: usize = 1 << 15;

/// Longest token string kept inside a front slot.
const INLINE_TEXT: usize = 24;

/// A front-table entry: a short key (`ShortKey(0, 0)` in an empty slot: a real key has a
/// non-zero length byte) and its tokens' position in [`FullCache::tokens`]; a piece of one
/// token whose string has at most [`INLINE_TEXT`] bytes also has that token here (`one`),
/// so that a hit reads one cache line. Measured reason: reading the token list and the
/// string from the arenas cost two dependent cache misses per piece.
#[derive(Clone, Copy)]
#[repr(C, align(64))]
struct FrontSlot {
    key: ShortKey,
    tokens: u64,
    id: u32,
    lo: u32,
    hi: u32,
    /// Length of `text`, or `u32::MAX` when the token is not kept here.
    one: u32,
    text: [u8; INLINE_TEXT],
}

impl FrontSlot {
    const EMPTY: FrontSlot = FrontSlot {
        key: ShortKey(0, 0),
        tokens: 0,
        id: 0,
        lo: 0,
        hi: 0,
        one: u32::MAX,
        text: [0; INLINE_TEXT],
    };
}

/// One tokenizer's cache in one thread, with its plan and working memory.
struct FullCache {
    /// The plan of the tokenizer's pre-tokenizer (computed on first use).
    plan: Option<Option<Rc<StrPlan>>>,
    /// How the tokenizer is Llama-style, if it is (computed on first use).
    marker: Option<Option<Rc<MarkerStyle>>>,
    /// Direct-mapped copy of recently used short entries of the current generation (the
    /// hot words stay in L2). A fixed-size array, so that a masked index needs no bounds
    /// check (gpt2 English full encodings 3.55 → 3.43 million instructions a 64 KiB pass).
    front: Box<[FrontSlot; FRONT_SLOTS]>,
    /// The generation pieces are added to, and the one before (as the ids path's cache:
    /// when the current one is full, it becomes the previous one and a new one starts; a
    /// piece found in the previous one is copied into the current one).
    cur: FullGeneration,
    prev: FullGeneration,
    /// Working memory: the tokens of a piece found in the previous generation.
    moved: PieceTokens,
    /// Working memory: the long key, the prefixed text, the model input and its byte map.
    key: Vec<u8>,
    /// Working memory: the piece ranges of a unit's spelling.
    unit_ranges: Vec<(usize, usize)>,
    scratch: String,
    model_text: String,
    map: Vec<(u32, u32)>,
    /// The tokens of the piece being cached, as the model gave them.
    fresh: PieceTokens,
    /// Working memory: the tokens of the encoding being made.
    rows: TokenRows,
}

/// The cached pieces of one generation of a [`FullCache`].
#[derive(Default)]
struct FullGeneration {
    short: FastMap<ShortKey, u64>,
    long: FastMap<Box<[u8]>, u64>,
    /// Bytes of `tokens`, `text` and the keys in `long`.
    bytes: usize,
    tokens: Vec<CachedToken>,
    /// The strings of the cached tokens, one after the other (next to each other for one
    /// piece: measured, looking them up in the vocabulary cost a cache miss per token).
    text: String,
}

impl FullGeneration {
    /// Copies the tokens of the entry `v` into `out`.
    fn entry(&self, v: u64, out: &mut PieceTokens) {
        out.clear();
        for t in self.tokens.get(token_range(v)).unwrap_or_default() {
            let (at, len) = (t.at as usize, t.len as usize);
            out.push(
                t.id,
                t.lo,
                t.hi,
                self.text.get(at..at + len).unwrap_or_default(),
            );
        }
    }

    fn clear(&mut self) {
        self.short.clear();
        self.long.clear();
        self.bytes = 0;
        self.tokens.clear();
        self.text.clear();
    }
}

/// The tokens of one piece: `(id, lo, hi)` and their strings one after the other.
#[derive(Default)]
struct PieceTokens {
    tokens: Vec<(u32, u32, u32)>,
    text: String,
    ends: Vec<usize>,
}

impl PieceTokens {
    fn clear(&mut self) {
        self.tokens.clear();
        self.text.clear();
        self.ends.clear();
    }

    fn push(&mut self, id: u32, lo: u32, hi: u32, value: &str) {
        self.tokens.push((id, lo, hi));
        self.text.push_str(value);
        self.ends.push(self.text.len());
    }

    /// `(id, lo, hi, value)` of each token.
    fn entries(&self) -> Vec<(u32, u32, u32, &str)> {
        let mut start = 0;
        self.tokens
            .iter()
            .zip(&self.ends)
            .map(|(&(id, lo, hi), &end)| {
                let value = self.text.get(start..end).unwrap_or_default();
                start = end;
                (id, lo, hi, value)
            })
            .collect()
    }
}

impl FullCache {
    /// The positions in the current generation's `tokens` of the cached tokens of a piece.
    #[inline]
    fn get(&mut self, piece: &str, tag: u8) -> Option<std::ops::Range<usize>> {
        let v = match ShortKey::new(piece.as_bytes(), tag) {
            Some(key) => {
                let at = key.front_slot();
                match self.front.get(at) {
                    Some(slot) if slot.key == key => slot.tokens,
                    _ => {
                        let v = match self.cur.short.get(&key) {
                            Some(&v) => v,
                            None => {
                                let v = *self.prev.short.get(&key)?;
                                self.move_forward(piece, tag, v)?
                            }
                        };
                        self.promote(at, key, v);
                        v
                    }
                }
            }
            None => {
                self.key.clear();
                self.key.push(tag);
                self.key.extend_from_slice(piece.as_bytes());
                match self.cur.long.get(self.key.as_slice()) {
                    Some(&v) => v,
                    None => {
                        let v = *self.prev.long.get(self.key.as_slice())?;
                        self.move_forward(piece, tag, v)?
                    }
                }
            }
        };
        Some(token_range(v))
    }

    /// Copies the entry `v` of the previous generation, the tokens of `piece`, into the
    /// current one; returns its entry there.
    #[cold]
    fn move_forward(&mut self, piece: &str, tag: u8, v: u64) -> Option<u64> {
        let mut moved = std::mem::take(&mut self.moved);
        self.prev.entry(v, &mut moved);
        let v = self.insert(piece, tag, &moved.entries());
        self.moved = moved;
        v
    }

    /// Puts a short piece's entry into front slot `at`.
    fn promote(&mut self, at: usize, key: ShortKey, v: u64) {
        let mut slot = FrontSlot {
            key,
            tokens: v,
            ..FrontSlot::EMPTY
        };
        if v & 0xFFFF_FFFF == 1 {
            if let Some(t) = self.cur.tokens.get((v >> 32) as usize) {
                let (at, len) = (t.at as usize, t.len as usize);
                if let (Some(src), Some(dst)) = (
                    self.cur.text.as_bytes().get(at..at + len),
                    slot.text.get_mut(..len),
                ) {
                    dst.copy_from_slice(src);
                    (slot.id, slot.lo, slot.hi, slot.one) = (t.id, t.lo, t.hi, t.len);
                }
            }
        }
        if let Some(s) = self.front.get_mut(at) {
            *s = slot;
        }
    }

    /// The front slot of a short piece of one token, when it has the token (`one` is then
    /// the length of the token's string in `text`).
    #[inline(always)]
    fn front_one(&self, piece: &str, tag: u8) -> Option<&FrontSlot> {
        let key = ShortKey::new(piece.as_bytes(), tag)?;
        let slot = self.front.get(key.front_slot())?;
        (slot.key == key && slot.one as usize <= INLINE_TEXT).then_some(slot)
    }

    /// Caches the tokens of a piece: `(id, lo, hi, string)` each, in a new generation when
    /// the current one is full. Returns the piece's entry (`None`: the piece alone is over
    /// the bound, and is not cached).
    fn insert(&mut self, piece: &str, tag: u8, tokens: &[(u32, u32, u32, &str)]) -> Option<u64> {
        let short = ShortKey::new(piece.as_bytes(), tag);
        let key_bytes = if short.is_none() { piece.len() + 1 } else { 0 };
        let cost = key_bytes
            + std::mem::size_of::<CachedToken>() * tokens.len()
            + tokens.iter().map(|t| t.3.len()).sum::<usize>();
        if cost > MAX_BYTES {
            return None;
        }
        let cur = &self.cur;
        if cur.short.len() + cur.long.len() >= MAX_ENTRIES || cur.bytes + cost > MAX_BYTES {
            // The front table's entries are positions in the current generation.
            std::mem::swap(&mut self.cur, &mut self.prev);
            self.cur.clear();
            self.front.fill(FrontSlot::EMPTY);
        }
        let cur = &mut self.cur;
        cur.bytes += cost;
        let start = cur.tokens.len() as u64;
        for &(id, lo, hi, value) in tokens {
            let at = cur.text.len() as u32;
            cur.text.push_str(value);
            cur.tokens.push(CachedToken {
                id,
                lo,
                hi,
                at,
                len: value.len() as u32,
            });
        }
        let v = (start << 32) | tokens.len() as u64;
        match short {
            Some(key) => {
                cur.short.insert(key, v);
            }
            None => {
                let mut key = Vec::with_capacity(piece.len() + 1);
                key.push(tag);
                key.extend_from_slice(piece.as_bytes());
                cur.long.insert(key.into_boxed_slice(), v);
            }
        }
        Some(v)
    }
}

/// The positions in [`FullCache::tokens`] that an entry value (start, count) stands for.
#[inline]
fn token_range(v: u64) -> std::ops::Range<usize> {
    let (start, len) = ((v >> 32) as usize, (v & 0xFFFF_FFFF) as usize);
    start..start + len
}

/// Appends the one token a front slot keeps, of the piece at `start`, as a token of word
/// `word`.
#[inline(always)]
fn push_front_one(
    enc: &mut TokenRows,
    sg: Segment<'_>,
    start: usize,
    slot: &FrontSlot,
    word: u32,
) -> Step {
    let offsets = sg.offsets(start + slot.lo as usize, start + slot.hi as usize)?;
    enc.push_padded(slot.id, &slot.text, slot.one as usize, offsets, word);
    Ok(())
}

impl Default for FullCache {
    fn default() -> Self {
        FullCache {
            plan: None,
            marker: None,
            front: crate::utils::boxed_array(FrontSlot::EMPTY),
            cur: FullGeneration::default(),
            prev: FullGeneration::default(),
            moved: PieceTokens::default(),
            key: Vec::new(),
            unit_ranges: Vec::new(),
            scratch: String::new(),
            model_text: String::new(),
            map: Vec::new(),
            fresh: PieceTokens::default(),
            rows: TokenRows::default(),
        }
    }
}

impl Reusable for FullCache {
    /// Keeps the front table (a fixed size), emptied; everything else starts anew.
    fn reset(&mut self) {
        let FullCache {
            plan,
            marker,
            front,
            cur,
            prev,
            moved,
            key,
            unit_ranges,
            scratch,
            model_text,
            map,
            fresh,
            rows,
        } = self;
        front.fill(FrontSlot::EMPTY);
        *plan = None;
        *marker = None;
        *cur = FullGeneration::default();
        *prev = FullGeneration::default();
        *moved = PieceTokens::default();
        *key = Vec::new();
        *unit_ranges = Vec::new();
        *scratch = String::new();
        *model_text = String::new();
        *map = Vec::new();
        *fresh = PieceTokens::default();
        *rows = TokenRows::default();
    }
}

thread_local! {
    static CACHES: Caches<FullCache> = const { RefCell::new(Vec::new()) };
}

// ---------------------------------------------------------------------------------------
// Encoding
// ---------------------------------------------------------------------------------------

/// The encoding of one input string before post-processing, as the general path builds it
/// (`word_idx`: the word index of every token, for pre-tokenized input), or `None` when the
/// fast path does not apply (see the module docs).
pub(super) fn encode_str_fast(
    tok: &Tokenizer,
    text: &str,
    word_idx: Option<u32>,
    type_id: u32,
) -> Option<crate::Result<Encoding>> {
    if text.is_empty() || !tok.model.is_deterministic() {
        return None;
    }
    with_cache(&CACHES, &tok.cache_key, |cache| {
        let plan = cache
            .plan
            .get_or_insert_with(|| {
                StrPlan::from_pre_tokenizer(tok.pre_tokenizer.as_ref())
                    .filter(|plan| plan.has_ranges() || plan.has_unit_ranges())
                    .map(Rc::new)
            })
            .clone()?;
        let marker = cache
            .marker
            .get_or_insert_with(|| marker_style(tok).map(Rc::new))
            .clone();
        let enc = std::mem::take(&mut cache.rows);
        let mut run = Run {
            tok,
            plan: &plan,
            finish: plan.finish_kind(),
            marker,
            cache,
            enc,
            word: 0,
            word_idx,
        };
        let done = run.encode(text);
        let Run { cache, mut enc, .. } = run;
        let encoding = done.is_ok().then(|| enc.to_encoding(type_id));
        enc.clear();
        cache.rows = enc;
        Some(Ok(encoding?))
    })
}

/// A normalized segment being tokenized: its text, alignment and original position.
#[derive(Clone, Copy)]
struct Segment<'s> {
    norm: &'s str,
    aligned: &'s Aligned<'s>,
    shift: usize,
}

impl Segment<'_> {
    /// Original offsets of the normalized bytes `lo..hi` (whole chars).
    #[inline]
    fn offsets(&self, lo: usize, hi: usize) -> Step<Offsets> {
        self.aligned.offsets(self.shift, lo, hi)
    }
}

/// The state of one fast encoding.
struct Run<'r> {
    tok: &'r Tokenizer,
    plan: &'r StrPlan,
    /// The finishing step that makes a piece's model input: the plan's, or Metaspace's
    /// for a segment of a Llama-style tokenizer taken from its original text.
    finish: Finish,
    /// How the tokenizer is Llama-style, if it is.
    marker: Option<Rc<MarkerStyle>>,
    cache: &'r mut FullCache,
    /// The tokens so far (the thread's rows, handed back when the run ends).
    enc: TokenRows,
    /// Index of the next word.
    word: u32,
    word_idx: Option<u32>,
}

impl Run<'_> {
    /// Appends one token of the current word.
    #[inline]
    fn push(&mut self, id: u32, value: &str, offsets: Offsets) {
        let word = self.word_idx.unwrap_or(self.word);
        self.enc.push(id, value.as_bytes(), offsets, word);
    }

    fn encode(&mut self, text: &str) -> Step {
        let added = &self.tok.added_vocabulary;
        let segments = if added.matches_nothing(false) {
            vec![(None, (0, text.len()))]
        } else {
            added.split_ranges(text, false)
        };
        for (id, (a, b)) in segments {
            if a >= b {
                continue;
            }
            let seg = text.get(a..b).ok_or(Fallback)?;
            if let Some(id) = id {
                self.push(id, seg, (a, b));
                self.word += 1;
                continue;
            }
            if let Some(prefixed) = self.marker.as_ref().and_then(|m| m.applies(seg)) {
                // The model input of a part: as Metaspace makes a piece's.
                let aligned = Aligned::Same(Cow::Borrowed(seg));
                let sg = Segment {
                    norm: seg,
                    aligned: &aligned,
                    shift: a,
                };
                self.finish = Finish::Metaspace {
                    replacement: MARKER,
                    prepend: false,
                    split: false,
                };
                let result = self.marker_parts(sg, prefixed);
                self.finish = self.plan.finish_kind();
                result?;
                continue;
            }
            let aligned = normalize_aligned(self.tok.normalizer.as_ref(), seg)?;
            let norm = aligned.text();
            if norm.is_empty() {
                continue;
            }
            let sg = Segment {
                norm,
                aligned: &aligned,
                shift: a,
            };
            if added.matches_nothing(true) {
                self.pieces(sg, 0, norm.len())?;
                continue;
            }
            for (id, (x, y)) in added.split_ranges(norm, true) {
                if x >= y {
                    continue;
                }
                match id {
                    Some(id) => {
                        let value = norm.get(x..y).ok_or(Fallback)?;
                        let offsets = sg.offsets(x, y)?;
                        self.push(id, value, offsets);
                        self.word += 1;
                    }
                    None => self.pieces(sg, x, y)?,
                }
            }
        }
        Ok(())
    }

    /// Tokenizes the pieces of `sg.norm[x..y]`.
    fn pieces(&mut self, sg: Segment<'_>, x: usize, y: usize) -> Step {
        let part = sg.norm.get(x..y).ok_or(Fallback)?;
        let plan = self.plan;
        if plan.has_unit_ranges() {
            return self.unit_pieces(sg, x, part);
        }
        match plan.quick_scan() {
            Some(Cutter::Gpt2) => {
                return self.quick_pieces::<true>(sg, x, Gpt2Scan::new(part), None)
            }
            Some(Cutter::Cl100k(n)) => {
                return self.quick_pieces::<true>(sg, x, Cl100kScan::new(part, n), None)
            }
            Some(Cutter::Bert) => {
                return self.quick_pieces::<false>(sg, x, BertPieces::new(part), None)
            }
            _ => {}
        }
        if let Some(prefixed) = plan.quick_metaspace() {
            let scan = NonSpaceRuns::with_wide_quick(part, plan.replacement());
            return self.quick_pieces::<false>(sg, x, scan, Some(prefixed));
        }
        let mut scratch = std::mem::take(&mut self.cache.scratch);
        let result = plan.for_each_range(part, x, &mut scratch, &mut |start, end, prefixed| {
            self.piece(sg, start, end, prefixed)
        });
        self.cache.scratch = scratch;
        result
    }

    /// [`Self::pieces`] for a plan with units (a `ByteLevel` step followed by more cuts,
    /// as Falcon's): each unit is spelled in the byte-level alphabet, each spelled byte
    /// aligned as the byte of the unit it spells (a leading space as the unit's first
    /// char), and its pieces are tokenized as ranges of that spelling.
    ///
    /// Why this is exact: the `ByteLevel` pre-tokenizer rewrites each char of a unit as
    /// the chars of its bytes, every one of them aligned to the char it comes from (the
    /// leading space it adds to the char it is put before), and the later steps only cut
    /// the spelled text, so the original range of a spelled range `[a, b)` is
    /// `(entry(a).start, entry(b - 1).end)` over that alignment, as for any other piece.
    fn unit_pieces(&mut self, sg: Segment<'_>, x: usize, part: &str) -> Step {
        let plan = self.plan;
        let mut scratch = std::mem::take(&mut self.cache.scratch);
        let result = plan.for_each_unit_range(part, x, &mut scratch, &mut |start, end, spaced| {
            self.spelled_unit(sg, start, end, spaced)
        });
        self.cache.scratch = scratch;
        result
    }

    /// Tokenizes the pieces of the unit `sg.norm[start..end]` (with a space in front
    /// when `spaced`); see [`Self::unit_pieces`]. The unit's tokens are cached under its
    /// own text ([`TAG_UNIT`]), each piece after the first marked where its first token
    /// starts a new word ([`WORD_START`]), so that a hit skips the spelling and the cuts.
    fn spelled_unit(&mut self, sg: Segment<'_>, start: usize, end: usize, spaced: bool) -> Step {
        let unit = sg.norm.get(start..end).ok_or(Fallback)?;
        let tag = TAG_UNIT | (u8::from(spaced) * TAG_PREFIXED);
        let cacheable = !unit.is_empty() && unit.len() <= MAX_PIECE_BYTES;
        if cacheable {
            if let Some(slot) = self.cache.front_one(unit, tag) {
                let word = self.word_idx.unwrap_or(self.word);
                push_front_one(&mut self.enc, sg, start, slot, word)?;
                self.word += 1;
                return Ok(());
            }
            if let Some(hit) = self.cache.get(unit, tag) {
                return self.push_cached_words(sg, start, hit);
            }
        }
        // The first char of the unit (what a leading space is aligned to).
        let rest = sg.norm.get(start..).ok_or(Fallback)?;
        let first = rest.chars().next().map_or((0, 0), |c| (0, c.len_utf8()));
        let mut model_text = std::mem::take(&mut self.cache.model_text);
        let mut map = std::mem::take(&mut self.cache.map);
        let mut ranges = std::mem::take(&mut self.cache.unit_ranges);
        let mut fresh = std::mem::take(&mut self.cache.fresh);
        let byte_level = Finish::ByteLevel {
            prefix_space: false,
            regex: false,
        };
        let same = model_input(byte_level, unit, first, spaced, &mut model_text, &mut map);
        let spelled = if same { unit } else { model_text.as_str() };
        let spans = (!same).then_some(map.as_slice());
        let result = self.unit_tokens(sg, start, spelled, spans, &mut ranges, &mut fresh);
        if let (Ok(true), true) = (&result, cacheable) {
            self.cache.insert(unit, tag, &fresh.entries());
        }
        self.cache.model_text = model_text;
        self.cache.map = map;
        self.cache.unit_ranges = ranges;
        self.cache.fresh = fresh;
        result.map(|_| ())
    }

    /// The tokens of the unit at `start` whose byte-level spelling is `spelled` (its byte
    /// `i` spells the unit's bytes `map[i]`, whole chars; `None`: the spelling is the unit
    /// itself): each piece of the spelling is one word. The tokens go to the encoding and
    /// to `fresh`; returns whether every piece had a token (a piece without one leaves no
    /// mark in `fresh`, so the unit is then not cached).
    fn unit_tokens(
        &mut self,
        sg: Segment<'_>,
        start: usize,
        spelled: &str,
        map: Option<&[(u32, u32)]>,
        ranges: &mut Vec<(usize, usize)>,
        fresh: &mut PieceTokens,
    ) -> Step<bool> {
        ranges.clear();
        fresh.clear();
        // The finishing step hands pieces over as they are: no scratch is needed.
        self.plan
            .unit_piece_ranges(spelled, &mut String::new(), &mut |a, b, _| {
                ranges.push((a, b));
                Ok::<(), Fallback>(())
            })?;
        let mut all_had_tokens = true;
        for (i, &(a, b)) in ranges.iter().enumerate() {
            let piece = spelled.get(a..b).ok_or(Fallback)?;
            if self.tok.model.independent_parts(piece).is_some() {
                return Err(Fallback);
            }
            let word = self.word_idx.unwrap_or(self.word);
            let mut mark = if i > 0 { WORD_START } else { 0 };
            let before = fresh.tokens.len();
            let (tok, enc) = (self.tok, &mut self.enc);
            tok.model.tokenize_with(piece, |id, (ts, te), value| {
                let (ts, te) = (a + ts, a + te);
                let span = (ts < te)
                    .then(|| match map {
                        Some(map) => Some((map.get(ts)?.0, map.get(te - 1)?.1)),
                        None => char_span(spelled, ts, te),
                    })
                    .flatten();
                let offsets = span
                    .and_then(|(lo, hi)| sg.offsets(start + lo as usize, start + hi as usize).ok());
                let (Some((lo, hi)), Some(offsets)) = (span, offsets) else {
                    return Err(Error::encode("no fast path for this piece"));
                };
                enc.push(id, value.as_bytes(), offsets, word);
                fresh.push(id, lo, hi | std::mem::take(&mut mark), value);
                Ok(())
            })?;
            all_had_tokens &= fresh.tokens.len() > before;
            self.word += 1;
        }
        Ok(all_had_tokens)
    }

    /// Appends the cached tokens `hit` of the unit at `start`, a new word where a token
    /// is marked [`WORD_START`] and after the last.
    fn push_cached_words(
        &mut self,
        sg: Segment<'_>,
        start: usize,
        hit: std::ops::Range<usize>,
    ) -> Step {
        let tokens = self.cache.cur.tokens.get(hit).ok_or(Fallback)?;
        let text = self.cache.cur.text.as_bytes();
        for t in tokens {
            if t.hi & WORD_START != 0 {
                self.word += 1;
            }
            let word = self.word_idx.unwrap_or(self.word);
            let hi = t.hi & !WORD_START;
            let offsets = sg.offsets(start + t.lo as usize, start + hi as usize)?;
            let (at, len) = (t.at as usize, t.len as usize);
            let value = text.get(at..at + len).ok_or(Fallback)?;
            self.enc.push(t.id, value, offsets, word);
        }
        self.word += 1;
        Ok(())
    }

    /// [`Self::pieces`] for a plan with a quick scan (the text from `x` on), as the ids path
    /// does it: the quick step hands over each common piece already packed as a cache key,
    /// and a front slot holding its one token is used at once. `metaspace` is
    /// `Some(prefixed)` for a `WhitespaceSplit` plan with a Metaspace step
    /// ([`StrPlan::quick_metaspace`]): a quick piece then has the replacement in front when
    /// `prefixed`, and any other piece goes through the plan; `None` for a GPT-2 or
    /// cl100k-family scan, whose pieces are all as they are.
    ///
    /// With `AHEAD` (the GPT-2 and cl100k-family scans), each quick piece waits for the
    /// next to be scanned and its front slot prefetched, as on the ids path. Measured (full
    /// encodings, builds alternated, best of 3): gpt2 English 165 → 170 MB/s, 256 KiB of
    /// English 149 → 156, of code 131 → 134; llama3 English 177 → 196, 256 KiB of code 170
    /// → 203; qwen2.5 English 159 → 174. BERT's and the Metaspace pieces showed no change
    /// beyond the machine's noise and go one at a time.
    fn quick_pieces<const AHEAD: bool>(
        &mut self,
        sg: Segment<'_>,
        x: usize,
        mut scan: impl QuickScan,
        metaspace: Option<bool>,
    ) -> Step {
        let prefixed = metaspace == Some(true);
        let flag = u64::from(prefixed) << 60;
        // A quick piece with its key and front slot.
        let mut held: Option<(Quick, ShortKey, usize)> = None;
        loop {
            // The quick piece to take now: with `AHEAD`, the one held back while the next
            // one's front slot is prefetched (and the held one when the quick step stops).
            let now = match scan.quick() {
                Some(q) => {
                    let key = ShortKey(q.k0, q.k1 | flag);
                    let at = key.front_slot();
                    if AHEAD {
                        prefetch(self.cache.front.as_slice(), at);
                        match held.replace((q, key, at)) {
                            Some(p) => Some(p),
                            None => continue,
                        }
                    } else {
                        Some((q, key, at))
                    }
                }
                None => held.take(),
            };
            let (a, b) = match now {
                Some((q, key, at)) => {
                    match self.cache.front.get(at) {
                        Some(slot) if slot.key == key => {
                            let start = x + q.start;
                            if slot.one as usize <= INLINE_TEXT {
                                let word = self.word_idx.unwrap_or(self.word);
                                push_front_one(&mut self.enc, sg, start, slot, word)?;
                            } else {
                                // Several tokens (or a long one): from the token list.
                                self.push_cached(sg, start, token_range(slot.tokens))?;
                            }
                            self.word += 1;
                            continue;
                        }
                        // Not in the front table: the key is at hand for the rest of the
                        // cache (the piece path would pack it and miss the front again).
                        _ => match self.cache.cur.short.get(&key) {
                            Some(&v) => {
                                self.cache.promote(at, key, v);
                                self.push_cached(sg, x + q.start, token_range(v))?;
                                self.word += 1;
                                continue;
                            }
                            None => (q.start, q.end),
                        },
                    }
                }
                None => match scan.next() {
                    Some((a, b)) if metaspace.is_some() => {
                        let sub = sg.norm.get(x + a..x + b).ok_or(Fallback)?;
                        let mut scratch = std::mem::take(&mut self.cache.scratch);
                        let result =
                            self.plan
                                .finish_ranges(sub, x + a, &mut scratch, &mut |s, e, p| {
                                    self.piece(sg, s, e, p)
                                });
                        self.cache.scratch = scratch;
                        result?;
                        continue;
                    }
                    Some(range) => range,
                    None => return Ok(()),
                },
            };
            self.piece(sg, x + a, x + b, prefixed)?;
        }
    }

    /// Tokenizes the piece `sg.norm[start..end]` (one word), part by part where the model
    /// cuts its input into independent parts (SentencePiece-style BPE, whose pieces are
    /// whole documents: the parts are cached like pieces).
    fn piece(&mut self, sg: Segment<'_>, start: usize, end: usize, prefixed: bool) -> Step {
        let src = sg.norm.get(start..end).ok_or(Fallback)?;
        let parts = match self.plan.finish_kind() {
            // The model's input is the piece itself.
            Finish::Plain if !prefixed => self.tok.model.independent_parts(src),
            _ => None,
        };
        match parts {
            Some(parts) => {
                for (at, part) in parts {
                    let a = start + at;
                    self.unit(sg, a, a + part.len(), false)?;
                }
            }
            None => self.unit(sg, start, end, prefixed)?,
        }
        self.word += 1;
        Ok(())
    }

    /// Appends the tokens of `sg.norm[start..end]` (all of a piece or an independent part
    /// of it) to the current word. The common case, a short piece of one token in the
    /// front table, is inlined into the scanning loop; the rest is [`Self::unit_rest`].
    #[inline(always)]
    fn unit(&mut self, sg: Segment<'_>, start: usize, end: usize, prefixed: bool) -> Step {
        let key = sg
            .norm
            .get(start..end)
            .and_then(|src| ShortKey::new(src.as_bytes(), u8::from(prefixed) * TAG_PREFIXED));
        self.unit_keyed(sg, start, end, prefixed, key)
    }

    /// [`Self::unit`] with the piece's short key (`None`: the piece is not short) already
    /// made. A front slot holding the key is used at once, its one token or its token list
    /// (so that a piece of several tokens is looked up once, not again in the cache).
    #[inline(always)]
    fn unit_keyed(
        &mut self,
        sg: Segment<'_>,
        start: usize,
        end: usize,
        prefixed: bool,
        key: Option<ShortKey>,
    ) -> Step {
        if let Some(key) = key {
            if let Some(slot) = self.cache.front.get(key.front_slot()) {
                if slot.key == key {
                    if slot.one as usize <= INLINE_TEXT {
                        let word = self.word_idx.unwrap_or(self.word);
                        return push_front_one(&mut self.enc, sg, start, slot, word);
                    }
                    return self.push_cached(sg, start, token_range(slot.tokens));
                }
            }
        }
        self.unit_rest(sg, start, end, prefixed)
    }

    /// [`Self::unit`] past the front table: the rest of the cache, then the model.
    #[inline(never)]
    fn unit_rest(&mut self, sg: Segment<'_>, start: usize, end: usize, prefixed: bool) -> Step {
        let src = sg.norm.get(start..end).ok_or(Fallback)?;
        let cacheable = !src.is_empty() && src.len() <= MAX_PIECE_BYTES;
        if cacheable {
            if let Some(hit) = self.cache.get(src, u8::from(prefixed) * TAG_PREFIXED) {
                return self.push_cached(sg, start, hit);
            }
        }
        // The first char of the piece (what a prefix is aligned to).
        let rest = sg.norm.get(start..).ok_or(Fallback)?;
        let first = rest.chars().next().map_or((0, 0), |c| (0, c.len_utf8()));
        let mut model_text = std::mem::take(&mut self.cache.model_text);
        let mut map = std::mem::take(&mut self.cache.map);
        let same = model_input(self.finish, src, first, prefixed, &mut model_text, &mut map);
        let cache_as = cacheable.then_some(src);
        let result = if same {
            self.model_tokens(
                sg,
                src,
                None,
                cache_as,
                u8::from(prefixed) * TAG_PREFIXED,
                start,
            )
        } else {
            self.model_tokens(
                sg,
                &model_text,
                Some(&map),
                cache_as,
                u8::from(prefixed) * TAG_PREFIXED,
                start,
            )
        };
        self.cache.model_text = model_text;
        self.cache.map = map;
        result
    }

    /// Tokenizes a segment of a Llama-style tokenizer from its original text (see
    /// [`super::marker`]): each part's model input is made as Metaspace makes a piece's (the
    /// first part prefixed when `prefixed`, its `▁` aligned to the first char), so the part
    /// is cached and mapped back like one. The segment is one word, as the whole normalized
    /// segment is one piece.
    ///
    /// Each part waits for the next to be cut and its front slot prefetched, as the quick
    /// pieces of a GPT-2 scan do ([`Self::quick_pieces`]). Measured reason: the front
    /// slot's load was half of this loop's time; llama2 full encodings of 64 KiB, builds
    /// alternated: English 64–93 → 86–113 MB/s, code 70–92 → 97–105.
    fn marker_parts(&mut self, sg: Segment<'_>, prefixed: bool) -> Step {
        // A part with its key.
        let mut held: Option<(usize, usize, Option<ShortKey>)> = None;
        for (start, end) in Parts::new(sg.norm) {
            let first = prefixed && start == 0;
            let key = sg
                .norm
                .get(start..end)
                .and_then(|src| ShortKey::new(src.as_bytes(), u8::from(first) * TAG_PREFIXED));
            if let Some(key) = key {
                prefetch(self.cache.front.as_slice(), key.front_slot());
            }
            if let Some((a, b, key)) = held.replace((start, end, key)) {
                self.unit_keyed(sg, a, b, prefixed && a == 0, key)?;
            }
        }
        if let Some((a, b, key)) = held {
            self.unit_keyed(sg, a, b, prefixed && a == 0, key)?;
        }
        self.word += 1;
        Ok(())
    }

    /// Appends the cached tokens `hit` of the piece at `start` to the current word.
    /// A piece's strings lie one after the other in the generation's text (as
    /// [`FullCache::insert`] writes them), so they are copied as one block; where the
    /// segment keeps the original's char boundaries the offsets are the cached ones
    /// shifted, and the rows are written in one pass. Measured reason: per token, the
    /// rows' and the strings' room checks, the alignment's match and a 16-byte string copy
    /// took a third of gpt2's full encodings of multilingual text.
    fn push_cached(&mut self, sg: Segment<'_>, start: usize, hit: std::ops::Range<usize>) -> Step {
        let word = self.word_idx.unwrap_or(self.word);
        let tokens = self.cache.cur.tokens.get(hit).ok_or(Fallback)?;
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            return Ok(());
        };
        let base = first.at as usize;
        let strings = (self.cache.cur.text.as_bytes())
            .get(base..last.at as usize + last.len as usize)
            .ok_or(Fallback)?;
        if let Aligned::Same(_) = sg.aligned {
            let shift = sg.shift + start;
            let rows = tokens.iter().map(|t| {
                let offsets = (shift + t.lo as usize, shift + t.hi as usize);
                // `at` is at least `base`: the piece's strings were written in order.
                (t.id, offsets, (t.at + t.len) as usize - base)
            });
            self.enc.push_piece(strings, rows, word);
            return Ok(());
        }
        for t in tokens {
            let offsets = sg.offsets(start + t.lo as usize, start + t.hi as usize)?;
            let (at, len) = (t.at as usize - base, t.len as usize);
            let value = strings.get(at..at + len).ok_or(Fallback)?;
            self.enc.push(t.id, value, offsets, word);
        }
        Ok(())
    }

    /// Runs the model on a piece's input and appends its tokens (and caches them as the
    /// tokens of the piece `cache_as`).
    fn model_tokens(
        &mut self,
        sg: Segment<'_>,
        model_text: &str,
        map: Option<&[(u32, u32)]>,
        cache_as: Option<&str>,
        tag: u8,
        start: usize,
    ) -> Step {
        // Tokens go straight into the encoding (a fallback part-way drops the encoding
        // anyway); those of a piece to cache are also kept in `fresh` until it is cached.
        let mut fresh = std::mem::take(&mut self.cache.fresh);
        fresh.clear();
        let (tok, enc, kept) = (self.tok, &mut self.enc, &mut fresh);
        let word = self.word_idx.unwrap_or(self.word);
        let result = tok.model.tokenize_with(model_text, |id, (ts, te), value| {
            let span = (ts < te)
                .then(|| match map {
                    Some(map) => Some((map.get(ts)?.0, map.get(te - 1)?.1)),
                    None => char_span(model_text, ts, te),
                })
                .flatten();
            let offsets =
                span.and_then(|(lo, hi)| sg.offsets(start + lo as usize, start + hi as usize).ok());
            let (Some((lo, hi)), Some(offsets)) = (span, offsets) else {
                return Err(Error::encode("no fast path for this piece"));
            };
            enc.push(id, value.as_bytes(), offsets, word);
            if cache_as.is_some() {
                kept.push(id, lo, hi, value);
            }
            Ok(())
        });
        if result.is_ok() {
            if let Some(src) = cache_as {
                self.cache.insert(src, tag, &fresh.entries());
            }
        }
        self.cache.fresh = fresh;
        Ok(result?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::utils::test_texts::XorShift;

    /// A full cache starts a new generation: the pieces that came last are all found, with
    /// their tokens, the ones found in the previous generation copied forward.
    #[test]
    fn a_full_cache_learns_new_pieces() {
        let mut cache = FullCache::default();
        for i in 0..MAX_ENTRIES + 10 {
            let p = format!("p{i}");
            assert!(cache
                .insert(&p, 0, &[(i as u32, 0, 1, p.as_str())])
                .is_some());
        }
        assert_eq!(
            (cache.prev.short.len(), cache.cur.short.len()),
            (MAX_ENTRIES, 10)
        );
        for i in (10..MAX_ENTRIES + 10).rev() {
            let p = format!("p{i}");
            let hit = cache.get(&p, 0).unwrap_or_else(|| panic!("{p}"));
            let t = cache.cur.tokens[hit][0];
            let text = &cache.cur.text[t.at as usize..(t.at + t.len) as usize];
            assert_eq!((t.id, text), (i as u32, p.as_str()));
        }
        // A piece over the bound on its own is not cached (and does not empty the cache).
        let big = "x".repeat(MAX_BYTES);
        assert_eq!(cache.insert("big", 0, &[(1, 0, 1, big.as_str())]), None);
        assert!(cache.get("p20", 0).is_some());
    }

    /// Random text mixing ASCII (with controls and whitespace) and chars that each
    /// normalizer rewrites: accents precomposed and combining, CJK, compatibility forms,
    /// chars whose lowercase is longer, format chars, Hangul jamo.
    fn mixed_text(rng: &mut XorShift, len: usize) -> String {
        const POOL: &[&str] = &[
            "a",
            "B",
            "z",
            "Q",
            " ",
            " ",
            "\t",
            "\n",
            "\r",
            "\u{1}",
            "\u{7f}",
            ".",
            "'",
            "9",
            "é",
            "e\u{301}",
            "\u{301}",
            "\u{327}\u{300}",
            "\u{345}",
            "中",
            "文",
            "ß",
            "İ",
            "Σ",
            "\u{200b}",
            "\u{feff}",
            "Ａ",
            "ﬁ",
            "한",
            "\u{1100}\u{1161}",
            "\u{11a8}",
            "…",
            "’",
            "😀",
            "ǅ",
            "Å",
            "\u{2126}",
            "\u{0}",
            "the quick brown fox jumps over a dog ",
        ];
        let mut s = String::new();
        for _ in 0..len {
            s.push_str(POOL[rng.below(POOL.len())]);
        }
        s
    }

    /// A piece passed to the model as it is: only when its model input would be the piece
    /// itself, and `char_span` then gives what the map of a plain piece gives.
    #[test]
    fn model_input_as_is_and_char_spans() {
        let mut rng = XorShift(0x5eed_u64);
        let byte_level = Finish::ByteLevel {
            prefix_space: false,
            regex: true,
        };
        let metaspace = Finish::Metaspace {
            replacement: '\u{2581}',
            prepend: false,
            split: true,
        };
        let mut as_is = [0; 3];
        for round in 0..600 {
            let mut src = mixed_text(&mut rng, 12);
            if round % 2 == 0 {
                src.retain(|c| c.is_ascii_graphic());
            }
            let (mut text, mut map) = (String::new(), Vec::new());
            for (k, finish) in [Finish::Plain, byte_level, metaspace]
                .into_iter()
                .enumerate()
            {
                if model_input(finish, &src, (0, 1), false, &mut text, &mut map) {
                    as_is[k] += 1;
                    let spelled: String = match finish {
                        Finish::Plain => src.clone(),
                        Finish::ByteLevel { .. } => {
                            src.bytes().map(|b| BYTE_TO_CHAR[usize::from(b)]).collect()
                        }
                        Finish::Metaspace { replacement, .. } => {
                            src.replace(' ', &replacement.to_string())
                        }
                    };
                    assert_eq!(spelled, src, "{finish:?}");
                } else {
                    assert_eq!(map.len(), text.len());
                }
            }
            let plain: Vec<(u32, u32)> = src
                .char_indices()
                .flat_map(|(i, c)| {
                    std::iter::repeat_n((i as u32, (i + c.len_utf8()) as u32), c.len_utf8())
                })
                .collect();
            for lo in 0..src.len() {
                for hi in lo + 1..=src.len() {
                    let mapped = (plain[lo].0, plain[hi - 1].1);
                    assert_eq!(char_span(&src, lo, hi), Some(mapped), "{src:?} {lo}..{hi}");
                }
            }
            assert_eq!(char_span(&src, 0, src.len() + 1), None);
        }
        // Every finish took the piece as is on some inputs and not on others.
        assert_eq!(as_is[0], 600);
        assert!(as_is[1] > 0 && as_is[1] < 600 && as_is[2] > 0 && as_is[2] < 600);
    }

    #[test]
    fn chunked_normalization_equals_the_general_one() {
        let configs = [
            r#"{"type":"BertNormalizer","clean_text":true,"handle_chinese_chars":true,"strip_accents":null,"lowercase":true}"#,
            r#"{"type":"BertNormalizer","clean_text":true,"handle_chinese_chars":true,"strip_accents":false,"lowercase":false}"#,
            r#"{"type":"BertNormalizer","clean_text":false,"handle_chinese_chars":false,"strip_accents":true,"lowercase":false}"#,
            r#"{"type":"NFC"}"#,
            r#"{"type":"NFKC"}"#,
            r#"{"type":"Sequence","normalizers":[{"type":"NFD"},{"type":"Lowercase"},{"type":"StripAccents"}]}"#,
            r#"{"type":"Sequence","normalizers":[{"type":"NFKD"},{"type":"StripAccents"},{"type":"NFC"}]}"#,
        ];
        let mut rng = XorShift(0x9e37_79b9_7f4a_7c15u64);
        let mut compared = 0;
        for config in configs {
            let n: NormalizerWrapper = serde_json::from_str(config).unwrap();
            assert!(n.is_char_local());
            for round in 0..400 {
                let text = mixed_text(&mut rng, 1 + round % 40);
                let general = general_aligned(&n, &text).ok().map(Aligned::into_table);
                let chunked = normalize_chunked(&n, &text).ok().map(Aligned::into_table);
                compared += usize::from(general.is_some());
                let direct = normalize_aligned(Some(&n), &text)
                    .ok()
                    .map(Aligned::into_table);
                assert!(
                    general.is_none() || general == direct,
                    "{config} on {text:?}:\n general {general:?}\n direct {direct:?}"
                );
                assert!(
                    general == chunked,
                    "{config} on {text:?}:\n general {general:?}\n chunked {chunked:?}"
                );
            }
        }
        // Most texts have a table to compare (not only fallbacks on both sides).
        assert!(compared > 1500, "{compared}");
    }
}
