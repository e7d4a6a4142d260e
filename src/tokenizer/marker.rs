//! Llama-style tokenizers, tokenized from the original text.
//!
//! A tokenizer is *Llama-style* when it has no pre-tokenizer, its normalizer is
//! `Replace(" ", "▁")`, after `Prepend("▁")` or alone, and its model is a BPE that cuts its
//! input into independent parts at `▁` (`Bpe::independent_parts`: a part starts at each `▁`
//! that follows a char that is not one). Llama 2, Mistral, Baichuan and Yi ship such files.
//!
//! The normalized text is then the original with each space spelled `▁` (and one `▁` in
//! front), and every other char unchanged at its place, so the model's parts can be found
//! in the original text: a part starts at each space or `▁` that follows a char that is
//! neither ([`for_each_part`]). A part's model input is its text with spaces replaced and,
//! for the first part of a prefixed segment, a `▁` in front: a function of the part's text
//! and one flag, which is how the ids and full paths already cache Metaspace pieces. No
//! normalized text (and, for offsets, no alignment table) is built.
//!
//! Added tokens matched in normalized text would cut the normalized text where they match.
//! Their patterns are normalized too (`▁<s>` for `<s>`), but every char of a pattern that is
//! not `▁` must appear at its place in the original text; a segment that contains the
//! longest such run of every pattern is normalized as usual ([`MarkerStyle::applies`]).
//!
//! Measured reason: on llama2 English, building the two normalizers' alignment took 40 %
//! of the full path, and the normalization and the part search 70 % of the ids path.

use super::Tokenizer;
use crate::models::bpe::MARKER;
use crate::normalizers::NormalizerWrapper;
use crate::pre_tokenizers::block::either_mask;

/// How a tokenizer is Llama-style (see the module docs).
#[derive(Debug)]
pub(super) struct MarkerStyle {
    /// Whether the normalizer puts a `▁` in front of each segment.
    prefixed: bool,
    /// For each added token matched in normalized text, the longest run of its pattern
    /// without `▁`, which a match needs in the original text.
    cores: Vec<String>,
}

/// Most added tokens matched in normalized text for which segments are searched (one
/// search each); a tokenizer with more is not treated as Llama-style.
const MAX_CORES: usize = 8;

impl MarkerStyle {
    /// `Some(prefixed)` when `segment` can be tokenized from its original text: no added
    /// token can match in its normalized text.
    pub(super) fn applies(&self, segment: &str) -> Option<bool> {
        let found = |core: &String| memchr::memmem::find(segment.as_bytes(), core.as_bytes());
        self.cores
            .iter()
            .all(|c| found(c).is_none())
            .then_some(self.prefixed)
    }
}

/// The [`MarkerStyle`] of `tok`, if it is Llama-style.
pub(super) fn marker_style(tok: &Tokenizer) -> Option<MarkerStyle> {
    if tok.pre_tokenizer.is_some() || tok.model.independent_parts("").is_none() {
        return None;
    }
    let marker = MARKER.to_string();
    let is_replace = |n: &NormalizerWrapper| {
        matches!(n, NormalizerWrapper::Replace(r)
            if r.non_empty_literal() == Some(" ") && r.content() == marker)
    };
    let prefixed = match tok.normalizer.as_ref()? {
        NormalizerWrapper::Sequence(seq) => match seq.normalizers.as_slice() {
            [NormalizerWrapper::Prepend(p), r] if p.prepend == marker && is_replace(r) => true,
            [r] if is_replace(r) => false,
            _ => return None,
        },
        r if is_replace(r) => false,
        _ => return None,
    };
    let patterns = tok.added_vocabulary.normalized_patterns();
    if patterns.len() > MAX_CORES {
        return None;
    }
    let mut cores = Vec::with_capacity(patterns.len());
    for p in patterns {
        let core = p.split(MARKER).max_by_key(|run| run.len())?;
        if core.is_empty() {
            return None;
        }
        cores.push(core.to_owned());
    }
    Some(MarkerStyle { prefixed, cores })
}

/// Calls `f(start, end)` for the byte range of each part of `segment` in order (see the
/// module docs); the parts tile the segment. An empty segment has no part.
#[inline]
pub(super) fn for_each_part<E>(
    segment: &str,
    mut f: impl FnMut(usize, usize) -> Result<(), E>,
) -> Result<(), E> {
    for (a, b) in Parts::new(segment) {
        f(a, b)?;
    }
    Ok(())
}

/// The byte ranges of the parts of a segment, in order (see [`for_each_part`]).
///
/// Candidates are spaces and the lead byte of `▁` (which never occurs inside another
/// char), taken from a mask of 64 bytes at a time. A `▁`'s other two bytes are not
/// candidates, so every candidate is at or after `i`. An iterator (rather than only a
/// callback) lets a caller keep its whole loop body inline.
pub(super) struct Parts<'a> {
    bytes: &'a [u8],
    /// Base of the 64 bytes of `mask`.
    base: usize,
    /// Candidates of the bytes from `base` not read yet.
    mask: u64,
    /// Start of the part being read.
    start: usize,
    /// End of the last space or `▁` read.
    i: usize,
    /// Whether the text read ends in spaces and `▁`s.
    after_marker: bool,
}

/// The bytes of `▁`.
const M: &[u8] = "\u{2581}".as_bytes();

impl<'a> Parts<'a> {
    #[inline]
    pub(super) fn new(segment: &'a str) -> Self {
        let bytes = segment.as_bytes();
        let mask = if bytes.is_empty() {
            0
        } else {
            candidates(bytes, 0, M[0])
        };
        Parts {
            bytes,
            base: 0,
            mask,
            start: 0,
            i: 0,
            after_marker: true,
        }
    }
}

impl Iterator for Parts<'_> {
    type Item = (usize, usize);

    #[inline(always)]
    fn next(&mut self) -> Option<(usize, usize)> {
        let bytes = self.bytes;
        loop {
            while self.mask != 0 {
                let at = self.base + self.mask.trailing_zeros() as usize;
                self.mask &= self.mask - 1;
                if at > self.i {
                    self.after_marker = false;
                }
                let len = if bytes.get(at) == Some(&b' ') {
                    1
                } else if bytes.get(at..at + M.len()) == Some(M) {
                    M.len()
                } else {
                    // Another char with the same lead byte.
                    self.after_marker = false;
                    self.i = at + 1;
                    continue;
                };
                let cut = !self.after_marker;
                self.after_marker = true;
                self.i = at + len;
                if cut {
                    let part = (self.start, at);
                    self.start = at;
                    return Some(part);
                }
            }
            self.base += 64;
            if self.base >= bytes.len() {
                break;
            }
            self.mask = candidates(bytes, self.base, M[0]);
        }
        if self.start < bytes.len() {
            let part = (self.start, bytes.len());
            self.start = bytes.len();
            return Some(part);
        }
        None
    }
}

/// Bit `j` set where `bytes[base + j]` is a space or `lead` (bytes past the end are not).
/// Measured reason: finding the next candidate eight bytes at a time from each part's end
/// took 30 % of llama2's ids path on English; a mask of 64 bytes is built once and read
/// with one `trailing_zeros` a part.
#[inline(always)]
fn candidates(bytes: &[u8], base: usize, lead: u8) -> u64 {
    let rest = bytes.get(base..).unwrap_or_default();
    let chunk = match rest.first_chunk::<64>() {
        Some(chunk) => *chunk,
        None => {
            let mut chunk = [0u8; 64];
            if let Some(head) = chunk.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            chunk
        }
    };
    // The zeros padding a short rest are neither a space nor `lead` (a lead byte).
    either_mask(&chunk, b' ', lead)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::utils::test_texts::XorShift;

    /// The parts of the normalized text as the model cuts them, mapped back to the
    /// original: each normalized char comes from one original char (a prefix from none).
    fn parts_through_the_model(segment: &str, bpe: &crate::models::bpe::Bpe) -> Vec<String> {
        let normalized: String = std::iter::once('\u{2581}')
            .chain(
                segment
                    .chars()
                    .map(|c| if c == ' ' { '\u{2581}' } else { c }),
            )
            .collect();
        let mut ends = Vec::new();
        let mut bytes_of = vec![0usize];
        for c in segment.chars() {
            let last = *bytes_of.last().unwrap();
            bytes_of.push(last + c.len_utf8());
        }
        // Normalized byte offset of each original char boundary (the prefix is 3 bytes).
        let mut norm_of = std::collections::HashMap::new();
        let mut at = 3;
        for (k, c) in segment.chars().enumerate() {
            norm_of.insert(at, bytes_of[k]);
            at += if c == ' ' { 3 } else { c.len_utf8() };
        }
        for (start, part) in bpe.independent_parts(&normalized).unwrap() {
            let end = start + part.len();
            ends.push(norm_of.get(&end).copied().unwrap_or(segment.len()));
        }
        let mut out = Vec::new();
        let mut from = 0;
        for end in ends {
            out.push(segment[from..end].to_owned());
            from = end;
        }
        out
    }

    #[test]
    fn parts_match_the_model_on_the_normalized_text() {
        let vocab = [("\u{2581}".to_owned(), 0), ("a".to_owned(), 1)].into();
        let no_merges: &[(&str, &str)] = &[];
        let bpe = crate::models::bpe::Bpe::new(vocab, no_merges, Default::default()).unwrap();
        let pool = [
            "a",
            "é",
            " ",
            "  ",
            "\u{2581}",
            "\u{2581}\u{2581}",
            "中",
            "\n",
            "\t",
            "—",
            "\u{2580}",
            "abcdefghij",
        ];
        let mut rng = XorShift(0x2545_F491_4F6C_DD1Du64);
        let mut next = || rng.next_u64();
        for _ in 0..5000 {
            let mut text = String::new();
            // Up to 60 items: texts that cross several 64-byte blocks.
            for _ in 0..next() % 61 {
                text.push_str(pool[(next() % pool.len() as u64) as usize]);
            }
            if text.is_empty() {
                continue; // segments are never empty
            }
            let mut parts = Vec::new();
            for_each_part(&text, |a, b| {
                parts.push(text[a..b].to_owned());
                Ok::<(), ()>(())
            })
            .unwrap();
            assert_eq!(parts, parts_through_the_model(&text, &bpe), "{text:?}");
        }
    }
}
