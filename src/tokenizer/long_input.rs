//! One long text on several threads, for the ids path.
//!
//! A text of at least [`PARALLEL_MIN_BYTES`] is cut into chunks that are encoded on the
//! rayon pool and concatenated. The cuts are placed where the whole pipeline would cut
//! anyway, so the ids are exactly those of one sequential call:
//!
//! - a cut is a byte position `i` with `text[i] == ' '` between two ASCII graphic
//!   characters (`!`..=`~`), the first of them after an ASCII char (or at the start),
//!   outside every added-token match of the raw text (found once over the whole text, so a
//!   chunk never holds a match the whole text does not have);
//! - the normalizer maps characters one by one without looking at the text's ends
//!   (Unicode forms, lowercasing, `BertNormalizer`, `StripAccents`, or a sequence of them):
//!   ASCII graphic characters stay ASCII graphic, a space stays a space, and no composition
//!   crosses a space (it is a starter that composes with nothing before it), so normalizing
//!   the chunks gives the chunks of the normalized text. `Precompiled` qualifies when its
//!   charsmap leaves the space and the ASCII graphic characters alone: it rewrites grapheme
//!   clusters one by one, and around a cut the char before the space, the space and the
//!   char after it start clusters (none of them extends a cluster, and the char before the
//!   first is ASCII, never a prepended mark), so no cluster crosses the cut, the two chars
//!   before it are left alone and the rest is rewritten the same in the chunk;
//! - the pre-tokenizer plan ends every piece before such a space and starts a piece at it
//!   ([`StrPlan::splits_before_spaces`]): the GPT-2, cl100k and Qwen scanners, BERT and
//!   whitespace splitting, and Metaspace with `split` after them or alone. A byte-level or
//!   Metaspace prefix is only added to a piece that does not start with a space (or `▁`),
//!   which chunks after the first never are;
//! - added tokens matched in normalized text neither strip whitespace (`lstrip`,
//!   `rstrip`) nor depend on their neighbours (`single_word`), and contain no whitespace or
//!   only whitespace (runs of spaces in GPT-NeoX-style files): such a token can match
//!   around a cut only as the cut space itself, as its neighbours are not whitespace, and
//!   the chunk after the cut starts with that space.
//!
//! Each chunk then yields the same pieces as that stretch of the whole text, and the model
//! sees the same pieces.
//!
//! SentencePiece-style BPE files (Llama 2, Mistral) are cut at the same points another way.
//! Their normalizer is `Prepend("▁")` then `Replace(" ", "▁")` (possibly with the
//! character-local normalizers above, or without the `Prepend`), there is no
//! pre-tokenizer, and the model cuts every document-long word into independent parts
//! before each `▁` that follows another character
//! ([`crate::models::ModelWrapper::independent_parts`]). The whole text
//! normalizes to `▁` followed by the chunks' texts with spaces replaced, so the first chunk
//! is encoded as a text and the others as continuations, without the prepended `▁`
//! ([`ids::encode_ids_fast_from`]); each cut space becomes a `▁` after an ASCII graphic
//! character, where the model cuts anyway. Added tokens matched in normalized text must
//! not contain `▁` either.
//!
//! Anything else (truncation, padding, other normalizers such as a `Replace` by a regex or
//! a `Precompiled` charsmap that rewrites ASCII, pre-tokenizers outside the plans) keeps the
//! sequential path.
//! Measured reason: with a 2-thread pool one multi-megabyte document otherwise uses a single
//! core.

use rayon::prelude::*;

use super::{ids, Tokenizer};
use crate::models::bpe::MARKER;
use crate::normalizers::NormalizerWrapper;
use crate::pre_tokenizers::fast::StrPlan;
use crate::Result;

/// Shortest text split across threads.
pub(super) const PARALLEL_MIN_BYTES: usize = 256 << 10;
/// Shortest chunk (bytes).
const MIN_CHUNK_BYTES: usize = 64 << 10;
/// Chunks per pool thread (for load balance).
const CHUNKS_PER_THREAD: usize = 4;

/// The ids of `text` encoded in chunks on the rayon pool, or `None` when the text is short,
/// the pool has one thread, or the configuration does not allow exact cuts.
pub(super) fn encode_ids_parallel(
    tok: &Tokenizer,
    text: &str,
    add_special_tokens: bool,
    out: &mut Vec<u32>,
) -> Option<Result<()>> {
    let threads = rayon::current_num_threads();
    if text.len() < PARALLEL_MIN_BYTES || threads < 2 {
        return None;
    }
    let mode = cut_mode(tok)?;
    let (prefix, suffix) = match &tok.post_processor {
        Some(p) => p.single_affixes(add_special_tokens)?,
        None => (Vec::new(), Vec::new()),
    };
    let chunk_bytes = (text.len() / (threads * CHUNKS_PER_THREAD)).max(MIN_CHUNK_BYTES);
    let chunks = chunks(tok, text, chunk_bytes);
    if chunks.len() < 2 {
        return None;
    }
    let parts: Vec<Option<Result<Vec<u32>>>> = chunks
        .par_iter()
        .enumerate()
        .map(|(i, chunk)| {
            let mut ids = Vec::with_capacity(chunk.len() / 3);
            let continued = mode == CutMode::Continued && i > 0;
            ids::encode_ids_fast_from(tok, chunk, false, continued, &mut ids)
                .map(|r| r.map(|()| ids))
        })
        .collect();
    let mut result = Vec::with_capacity(text.len() / 3);
    result.extend_from_slice(&prefix);
    for part in parts {
        match part? {
            Ok(ids) => result.extend_from_slice(&ids),
            Err(e) => return Some(Err(e)),
        }
    }
    result.extend_from_slice(&suffix);
    *out = result;
    Some(Ok(()))
}

/// How the chunks of a long text are encoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CutMode {
    /// Each chunk as a text of its own.
    Separate,
    /// The first chunk as a text, the others as its continuations (the SentencePiece-style
    /// files of the module docs).
    Continued,
}

/// Whether the configuration allows the cuts of the module docs, and how chunks are then
/// encoded.
pub(super) fn cut_mode(tok: &Tokenizer) -> Option<CutMode> {
    if tok.truncation.is_some() || tok.padding.is_some() {
        return None;
    }
    let continued = marker_cuts(tok);
    let added_ok = tok.added_vocabulary.tokens_with_ids().iter().all(|t| {
        let t = &t.token;
        let mixed_whitespace = t.content.chars().any(char::is_whitespace)
            && !t.content.chars().all(char::is_whitespace);
        !t.normalized
            || !(t.lstrip
                || t.rstrip
                || t.single_word
                || mixed_whitespace
                || continued && t.content.contains(MARKER))
    });
    if !added_ok {
        return None;
    }
    if continued {
        return Some(CutMode::Continued);
    }
    if !tok.normalizer.as_ref().is_none_or(char_local) {
        return None;
    }
    match StrPlan::from_pre_tokenizer(tok.pre_tokenizer.as_ref()) {
        Some(plan) if plan.splits_before_spaces() => Some(CutMode::Separate),
        _ => None,
    }
}

/// Whether this is a SentencePiece-style file of the module docs: no pre-tokenizer, a
/// model that cuts words before `▁`, and a normalizer that replaces each space by `▁` and
/// otherwise maps characters one by one, after a leading `Prepend` or without one.
fn marker_cuts(tok: &Tokenizer) -> bool {
    let rest = match &tok.normalizer {
        Some(n) => match (n.after_leading_prepend(), n) {
            (Some(rest), _) => rest,
            (None, NormalizerWrapper::Sequence(seq)) => seq.normalizers.as_slice(),
            (None, n) => std::slice::from_ref(n),
        },
        None => return false,
    };
    let replaces_spaces = |n: &NormalizerWrapper| match n {
        NormalizerWrapper::Replace(r) => {
            r.non_empty_literal() == Some(" ") && r.content().chars().eq([MARKER])
        }
        _ => false,
    };
    tok.pre_tokenizer.is_none()
        && tok.model.independent_parts("").is_some()
        && rest.iter().any(replaces_spaces)
        && rest.iter().all(|n| replaces_spaces(n) || char_local(n))
}

/// Normalizers that map characters one by one, with nothing special at the text's ends
/// ([`NormalizerWrapper::is_char_local`]), and `Precompiled` under the condition of the
/// module docs, alone or in a sequence with them.
fn char_local(n: &NormalizerWrapper) -> bool {
    match n {
        NormalizerWrapper::Precompiled(p) => p.keeps_ascii_graphic(),
        NormalizerWrapper::Sequence(seq) => seq.normalizers.iter().all(char_local),
        other => other.is_char_local(),
    }
}

/// Cuts `text` into chunks of about `chunk_bytes` at the cut points of the module docs.
fn chunks<'t>(tok: &Tokenizer, text: &'t str, chunk_bytes: usize) -> Vec<&'t str> {
    let added = &tok.added_vocabulary;
    // Raw added-token matches, as ranges that no cut may fall inside.
    let matches: Vec<(usize, usize)> = if added.matches_nothing(false) {
        Vec::new()
    } else {
        added
            .split_ranges(text, false)
            .into_iter()
            .filter_map(|(id, range)| id.map(|_| range))
            .collect()
    };
    let bytes = text.as_bytes();
    let graphic = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_graphic);
    let after_ascii = |i: usize| i == 0 || bytes.get(i - 1).is_some_and(u8::is_ascii);
    let mut cuts = Vec::new();
    let mut match_at = 0;
    let mut from = chunk_bytes;
    while from < bytes.len() {
        let cut = (from..bytes.len()).take(chunk_bytes).find(|&i| {
            bytes.get(i) == Some(&b' ')
                && graphic(i.wrapping_sub(1))
                && graphic(i + 1)
                && after_ascii(i - 1)
        });
        let Some(cut) = cut else {
            from += chunk_bytes;
            continue;
        };
        while matches.get(match_at).is_some_and(|&(_, end)| end <= cut) {
            match_at += 1;
        }
        let inside = matches
            .get(match_at)
            .is_some_and(|&(start, end)| start < cut && cut < end);
        if inside {
            from = cut + 1;
            continue;
        }
        cuts.push(cut);
        from = cut + chunk_bytes;
    }
    let mut chunks = Vec::with_capacity(cuts.len() + 1);
    let mut start = 0;
    for cut in cuts {
        if let Some(chunk) = text.get(start..cut) {
            chunks.push(chunk);
            start = cut;
        }
    }
    if let Some(rest) = text.get(start..) {
        chunks.push(rest);
    }
    chunks
}
