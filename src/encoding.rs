//! [`Encoding`]: the result of encoding one input (or a pair): ids, tokens, offsets, type
//! ids, masks, word ids and overflowing windows.
//!
//! All per-token vectors (`ids`, `type_ids`, `tokens`, `words`, `offsets`,
//! `special_tokens_mask`, `attention_mask`) always have the same length. `sequence_ranges`
//! maps a sequence index (0 for the first input, 1 for the pair) to the token positions that
//! came from it; an empty map means "one sequence covering every token" (this is how the
//! sequence ids of an unprocessed single input are reported).
//!
//! The operations follow the reference library exactly:
//! - [`Encoding::merge_with`] appends another encoding and combines the overflowing windows of
//!   both sides (each of ours with the other one and with each of its windows, then ourselves
//!   with each of its windows), so a template applied piece by piece keeps every window.
//! - [`Encoding::truncate`] cuts the tokens into windows of `max_len` tokens that overlap by
//!   `stride` tokens, walking right-to-left for [`TruncationDirection::Left`]; the first window
//!   is kept, the others become `overflowing`, and sequence ranges are dropped.
//! - [`Encoding::pad`] pads the overflowing windows and then itself, shifting the sequence
//!   ranges when padding on the left.

use crate::utils::padding::PaddingDirection;
use crate::utils::truncation::TruncationDirection;
use crate::{Offsets, Result, Token};
use std::collections::HashMap;
use std::ops::Range;

/// The result of encoding a sequence or a pair of sequences.
///
/// Offsets are byte offsets into the input the token came from (the first or the second
/// sequence of a pair); the tokenizer converts them to char offsets for output.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Encoding {
    pub(crate) ids: Vec<u32>,
    pub(crate) type_ids: Vec<u32>,
    pub(crate) tokens: Vec<String>,
    pub(crate) words: Vec<Option<u32>>,
    pub(crate) offsets: Vec<Offsets>,
    pub(crate) special_tokens_mask: Vec<u32>,
    pub(crate) attention_mask: Vec<u32>,
    pub(crate) overflowing: Vec<Encoding>,
    /// Sequence index -> range of token positions belonging to it.
    pub(crate) sequence_ranges: HashMap<usize, Range<usize>>,
}

impl Encoding {
    /// Builds an encoding from all its parts. The per-token vectors must have equal lengths.
    #[allow(clippy::too_many_arguments)]
    pub fn new(
        ids: Vec<u32>,
        type_ids: Vec<u32>,
        tokens: Vec<String>,
        words: Vec<Option<u32>>,
        offsets: Vec<Offsets>,
        special_tokens_mask: Vec<u32>,
        attention_mask: Vec<u32>,
        overflowing: Vec<Encoding>,
        sequence_ranges: HashMap<usize, Range<usize>>,
    ) -> Self {
        Encoding {
            ids,
            type_ids,
            tokens,
            words,
            offsets,
            special_tokens_mask,
            attention_mask,
            overflowing,
            sequence_ranges,
        }
    }

    /// An empty encoding with room for `len` tokens.
    pub fn with_capacity(len: usize) -> Self {
        Encoding {
            ids: Vec::with_capacity(len),
            type_ids: Vec::with_capacity(len),
            tokens: Vec::with_capacity(len),
            words: Vec::with_capacity(len),
            offsets: Vec::with_capacity(len),
            special_tokens_mask: Vec::with_capacity(len),
            attention_mask: Vec::with_capacity(len),
            overflowing: Vec::new(),
            sequence_ranges: HashMap::new(),
        }
    }

    /// An encoding of model tokens, all with `type_id`, no word ids.
    pub fn from_tokens(tokens: Vec<Token>, type_id: u32) -> Self {
        let mut enc = Encoding::with_capacity(tokens.len());
        for t in tokens {
            enc.push_token(t.id, t.value, t.offsets, None, type_id);
        }
        enc
    }

    /// Appends one regular (non-special, attended) token.
    pub(crate) fn push_token(
        &mut self,
        id: u32,
        token: String,
        offsets: Offsets,
        word: Option<u32>,
        type_id: u32,
    ) {
        self.ids.push(id);
        self.tokens.push(token);
        self.offsets.push(offsets);
        self.words.push(word);
        self.type_ids.push(type_id);
        self.special_tokens_mask.push(0);
        self.attention_mask.push(1);
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.ids.len()
    }

    /// Whether there are no tokens.
    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Token ids.
    pub fn get_ids(&self) -> &[u32] {
        &self.ids
    }

    /// Type (segment) ids.
    pub fn get_type_ids(&self) -> &[u32] {
        &self.type_ids
    }

    /// Replaces the type ids (must have one per token).
    pub fn set_type_ids(&mut self, type_ids: Vec<u32>) {
        self.type_ids = type_ids;
    }

    /// Token strings.
    pub fn get_tokens(&self) -> &[String] {
        &self.tokens
    }

    /// Word index of each token (`None` for special tokens and padding).
    pub fn get_word_ids(&self) -> &[Option<u32>] {
        &self.words
    }

    /// Mutable word indices.
    pub fn get_word_ids_mut(&mut self) -> &mut [Option<u32>] {
        &mut self.words
    }

    /// Byte offsets of each token in its input.
    pub fn get_offsets(&self) -> &[Offsets] {
        &self.offsets
    }

    /// Mutable offsets (e.g. to convert them to char offsets).
    pub fn get_offsets_mut(&mut self) -> &mut [Offsets] {
        &mut self.offsets
    }

    /// 1 for special tokens (added by the post-processor, or padding), else 0.
    pub fn get_special_tokens_mask(&self) -> &[u32] {
        &self.special_tokens_mask
    }

    /// 1 for real tokens, 0 for padding.
    pub fn get_attention_mask(&self) -> &[u32] {
        &self.attention_mask
    }

    /// Windows cut off by truncation.
    pub fn get_overflowing(&self) -> &[Encoding] {
        &self.overflowing
    }

    /// Mutable access to the overflowing windows.
    pub fn get_overflowing_mut(&mut self) -> &mut Vec<Encoding> {
        &mut self.overflowing
    }

    /// Replaces the overflowing windows.
    pub fn set_overflowing(&mut self, overflowing: Vec<Encoding>) {
        self.overflowing = overflowing;
    }

    /// Removes and returns the overflowing windows.
    pub fn take_overflowing(&mut self) -> Vec<Encoding> {
        std::mem::take(&mut self.overflowing)
    }

    /// Sequence index -> token positions of that sequence (empty: a single sequence).
    pub fn sequence_ranges(&self) -> &HashMap<usize, Range<usize>> {
        &self.sequence_ranges
    }

    /// Marks every current token as belonging to sequence `sequence_id`.
    pub fn set_sequence_id(&mut self, sequence_id: usize) {
        self.sequence_ranges.insert(sequence_id, 0..self.len());
    }

    /// Number of sequences combined in this encoding (at least 1).
    pub fn n_sequences(&self) -> usize {
        self.sequence_ranges.len().max(1)
    }

    /// Token positions of sequence `sequence_id` (all tokens when it is not recorded).
    pub fn sequence_range(&self, sequence_id: usize) -> Range<usize> {
        self.sequence_ranges
            .get(&sequence_id)
            .cloned()
            .unwrap_or(0..self.len())
    }

    /// Which sequence (0 or 1) each token belongs to (`None` for special tokens/padding).
    ///
    /// Sequences `0..n_sequences()` are looked up in order; one that is not recorded covers
    /// every token, so an encoding without ranges reports sequence 0 everywhere.
    pub fn get_sequence_ids(&self) -> Vec<Option<usize>> {
        let len = self.len();
        let mut seq = vec![None; len];
        for id in 0..self.n_sequences() {
            let range = self.sequence_range(id);
            let end = range.end.min(len);
            if let Some(slots) = seq.get_mut(range.start.min(end)..end) {
                slots.iter_mut().for_each(|s| *s = Some(id));
            }
        }
        seq
    }

    /// Index of the sequence containing token `token`, if any.
    pub fn token_to_sequence(&self, token: usize) -> Option<usize> {
        if token > self.len() {
            None
        } else if self.sequence_ranges.is_empty() {
            Some(0)
        } else {
            self.sequence_ranges
                .iter()
                .find(|(_, r)| r.contains(&token))
                .map(|(id, _)| *id)
        }
    }

    /// Copies tokens `start..stop` into a new encoding without overflowing or ranges.
    /// The caller guarantees `start <= stop <= len` and consistent vector lengths.
    fn window(&self, start: usize, stop: usize) -> Encoding {
        Encoding {
            ids: self.ids[start..stop].to_vec(),
            type_ids: self.type_ids[start..stop].to_vec(),
            tokens: self.tokens[start..stop].to_vec(),
            words: self.words[start..stop].to_vec(),
            offsets: self.offsets[start..stop].to_vec(),
            special_tokens_mask: self.special_tokens_mask[start..stop].to_vec(),
            attention_mask: self.attention_mask[start..stop].to_vec(),
            overflowing: Vec::new(),
            sequence_ranges: HashMap::new(),
        }
    }

    /// Whether every per-token vector has the length of `ids`.
    fn is_consistent(&self) -> bool {
        let n = self.ids.len();
        self.type_ids.len() == n
            && self.tokens.len() == n
            && self.words.len() == n
            && self.offsets.len() == n
            && self.special_tokens_mask.len() == n
            && self.attention_mask.len() == n
    }

    /// Truncates to at most `max_len` tokens; the rest goes to `overflowing` as windows of
    /// `max_len` tokens, consecutive windows sharing `stride` tokens.
    ///
    /// With `max_len == 0` the whole encoding moves into `overflowing`. Fails when
    /// `stride >= max_len` (there would be no progress between windows).
    pub fn truncate(
        &mut self,
        max_len: usize,
        stride: usize,
        direction: TruncationDirection,
    ) -> Result<()> {
        let len = self.ids.len();
        if max_len >= len {
            return Ok(());
        }
        if max_len == 0 {
            let whole = std::mem::replace(self, Encoding::with_capacity(0));
            self.overflowing.push(whole);
            return Ok(());
        }
        if stride >= max_len {
            return Err(crate::Error::Truncation(format!(
                "`stride` ({stride}) must be strictly less than `max_len={max_len}` (the maximum \
                 length minus the special tokens the post-processor adds)"
            )));
        }
        if !self.is_consistent() {
            return Err(crate::Error::Truncation(
                "cannot truncate an encoding whose per-token vectors differ in length".into(),
            ));
        }

        let step = max_len - stride;
        let mut windows: Vec<(usize, usize)> = Vec::with_capacity(len / step + 1);
        match direction {
            TruncationDirection::Right => {
                // Windows start every `step` tokens; the last one reaches the end.
                let mut start = 0;
                loop {
                    let stop = (start + max_len).min(len);
                    windows.push((start, stop));
                    if stop == len {
                        break;
                    }
                    start += step;
                }
            }
            TruncationDirection::Left => {
                // Windows end every `step` tokens from the end; the last one starts at 0.
                let mut stop = len;
                loop {
                    let start = stop.saturating_sub(max_len);
                    windows.push((start, stop));
                    if start == 0 || stop <= step {
                        break;
                    }
                    stop -= step;
                }
            }
        }

        let mut iter = windows.into_iter();
        let mut first = match iter.next() {
            Some((start, stop)) => self.window(start, stop),
            None => return Ok(()),
        };
        first.overflowing = iter.map(|(s, e)| self.window(s, e)).collect();
        *self = first;
        Ok(())
    }

    /// Concatenates `encodings` in order (see [`Encoding::merge_with`]).
    pub fn merge<I: IntoIterator<Item = Encoding>>(encodings: I, growing_offsets: bool) -> Self {
        let mut merged = Encoding::default();
        for e in encodings {
            merged.merge_with(e, growing_offsets);
        }
        merged
    }

    /// Appends `pair` to this encoding.
    ///
    /// With `growing_offsets`, the offsets of `pair` are shifted by the end offset of our last
    /// token (the tokenizer itself never asks for it: the second sequence of a pair and the
    /// words of pre-tokenized input keep offsets relative to their own text). The overflowing
    /// windows become: for each of ours, it merged with `pair` and then with each window of
    /// `pair`; then ourselves merged with each window of `pair`.
    pub fn merge_with(&mut self, pair: Encoding, growing_offsets: bool) {
        let mut overflowings = Vec::new();
        if !self.overflowing.is_empty() || !pair.overflowing.is_empty() {
            for ours in &self.overflowing {
                let mut merged = ours.clone();
                merged.merge_with(pair.clone(), growing_offsets);
                overflowings.push(merged);
                for theirs in &pair.overflowing {
                    let mut merged = ours.clone();
                    merged.merge_with(theirs.clone(), growing_offsets);
                    overflowings.push(merged);
                }
            }
            for theirs in &pair.overflowing {
                let mut merged = self.clone();
                merged.merge_with(theirs.clone(), growing_offsets);
                overflowings.push(merged);
            }
        }

        let base = self.len();
        self.sequence_ranges.extend(
            pair.sequence_ranges
                .into_iter()
                .map(|(id, r)| (id, base + r.start..base + r.end)),
        );
        self.ids.extend(pair.ids);
        self.type_ids.extend(pair.type_ids);
        self.tokens.extend(pair.tokens);
        self.words.extend(pair.words);
        let shift = if growing_offsets {
            self.offsets.last().map_or(0, |o| o.1)
        } else {
            0
        };
        self.offsets.extend(
            pair.offsets
                .into_iter()
                .map(|(s, e)| (s + shift, e + shift)),
        );
        self.special_tokens_mask.extend(pair.special_tokens_mask);
        self.attention_mask.extend(pair.attention_mask);
        self.overflowing = overflowings;
    }

    /// Pads the overflowing windows, then this encoding, to `target_length` tokens with
    /// `pad_id`/`pad_type_id`/`pad_token` (offsets `(0, 0)`, no word, special mask 1,
    /// attention 0). Encodings already long enough are left as they are.
    pub fn pad(
        &mut self,
        target_length: usize,
        pad_id: u32,
        pad_type_id: u32,
        pad_token: &str,
        direction: PaddingDirection,
    ) {
        for o in &mut self.overflowing {
            o.pad(target_length, pad_id, pad_type_id, pad_token, direction);
        }
        let len = self.ids.len();
        if len >= target_length {
            return;
        }
        let n = target_length - len;
        match direction {
            PaddingDirection::Left => {
                prepend(&mut self.ids, n, pad_id);
                prepend(&mut self.type_ids, n, pad_type_id);
                prepend(&mut self.tokens, n, pad_token.to_owned());
                prepend(&mut self.words, n, None);
                prepend(&mut self.attention_mask, n, 0);
                prepend(&mut self.special_tokens_mask, n, 1);
                prepend(&mut self.offsets, n, (0, 0));
                for r in self.sequence_ranges.values_mut() {
                    *r = r.start + n..r.end + n;
                }
            }
            PaddingDirection::Right => {
                let total = len + n;
                self.ids.resize(total, pad_id);
                self.type_ids.resize(total, pad_type_id);
                self.tokens.resize(total, pad_token.to_owned());
                self.words.resize(total, None);
                self.attention_mask.resize(total, 0);
                self.special_tokens_mask.resize(total, 1);
                self.offsets.resize(total, (0, 0));
            }
        }
    }
}

/// Inserts `n` copies of `value` at the front of `v`.
fn prepend<T: Clone>(v: &mut Vec<T>, n: usize, value: T) {
    v.splice(0..0, std::iter::repeat(value).take(n));
}
