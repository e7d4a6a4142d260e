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

mod token_strings;

use token_strings::TokenStrings;

/// The tokens of one encoding being made on the fast path, one row each (id, word,
/// offsets, end of its string in `text`), turned into an [`Encoding`]'s columns at the end.
///
/// Measured reason: appending each token to the encoding's five columns was a fifth of
/// the full path's instructions (each push reloads its vector's length and capacity once
/// the previous one stored through a pointer); a row is one push and one string copy, and
/// the columns are then filled in one sequential pass each, at their exact sizes. A
/// thread keeps its rows from one encoding to the next (no allocation per document).
#[derive(Default)]
pub(crate) struct TokenRows {
    rows: Vec<TokenRow>,
    text: Vec<u8>,
}

#[derive(Clone, Copy)]
struct TokenRow {
    id: u32,
    word: u32,
    offsets: Offsets,
    end: usize,
}

impl TokenRows {
    /// Forgets every token, keeping the memory up to [`Self::KEPT_ROWS`] rows and
    /// [`Self::KEPT_TEXT`] bytes of strings (a thread that once encoded a document of
    /// millions of tokens does not hold its rows for good).
    pub(crate) fn clear(&mut self) {
        if self.rows.capacity() > Self::KEPT_ROWS || self.text.capacity() > Self::KEPT_TEXT {
            *self = TokenRows::default();
        }
        self.rows.clear();
        self.text.clear();
    }

    /// Rows kept from one encoding to the next (2 MiB).
    const KEPT_ROWS: usize = 1 << 16;
    /// Bytes of token strings kept from one encoding to the next.
    const KEPT_TEXT: usize = 1 << 20;

    /// Appends a token of word `word`; `token` is the token string's bytes, cut from a
    /// `str` at char boundaries.
    #[inline(always)]
    pub(crate) fn push(&mut self, id: u32, token: &[u8], offsets: Offsets, word: u32) {
        self.text.extend_from_slice(token);
        let end = self.text.len();
        self.rows.push(TokenRow {
            id,
            word,
            offsets,
            end,
        });
    }

    /// [`Self::push`] with the token string in the first `len` bytes of `padded` (the
    /// whole array copied and cut back: a few moves where a copy of `len` bytes calls
    /// `memcpy`).
    #[inline(always)]
    pub(crate) fn push_padded<const N: usize>(
        &mut self,
        id: u32,
        padded: &[u8; N],
        len: usize,
        offsets: Offsets,
        word: u32,
    ) {
        let end = self.text.len() + len.min(N);
        self.text.extend_from_slice(padded);
        self.text.truncate(end);
        self.rows.push(TokenRow {
            id,
            word,
            offsets,
            end,
        });
    }

    /// Appends the tokens of one piece, all of word `word`: their strings are `strings`,
    /// one after the other, and each token is `(id, offsets, end)` with `end` the end of
    /// its string within `strings`. One copy of the strings and one growth of the rows per
    /// piece, where [`Self::push`] checks both vectors' room per token.
    #[inline]
    pub(crate) fn push_piece(
        &mut self,
        strings: &[u8],
        tokens: impl Iterator<Item = (u32, Offsets, usize)>,
        word: u32,
    ) {
        let base = self.text.len();
        self.text.extend_from_slice(strings);
        self.rows.extend(tokens.map(|(id, offsets, end)| TokenRow {
            id,
            word,
            offsets,
            end: base + end,
        }));
    }

    /// The encoding of these tokens: all of type `type_id`, not special, attended.
    pub(crate) fn to_encoding(&self, type_id: u32) -> Encoding {
        let rows = &self.rows;
        let n = rows.len();
        Encoding {
            ids: rows.iter().map(|r| r.id).collect(),
            type_ids: vec![type_id; n],
            tokens: TokenStrings::from_parts(
                self.text.clone(),
                rows.iter().map(|r| r.end).collect(),
            ),
            words: rows.iter().map(|r| Some(r.word)).collect(),
            offsets: rows.iter().map(|r| r.offsets).collect(),
            special_tokens_mask: vec![0; n],
            attention_mask: vec![1; n],
            overflowing: Vec::new(),
            sequence_ranges: HashMap::new(),
        }
    }
}

/// The result of encoding a sequence or a pair of sequences.
///
/// Offsets are byte offsets into the input the token came from (the first or the second
/// sequence of a pair); the tokenizer converts them to char offsets for output.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Encoding {
    pub(crate) ids: Vec<u32>,
    pub(crate) type_ids: Vec<u32>,
    pub(crate) tokens: TokenStrings,
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
            tokens: tokens.into_iter().collect(),
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
        Self::with_room(len, len * 4)
    }

    /// An empty encoding with room for `len` tokens whose strings take `text_bytes` bytes.
    pub(crate) fn with_room(len: usize, text_bytes: usize) -> Self {
        Encoding {
            ids: Vec::with_capacity(len),
            type_ids: Vec::with_capacity(len),
            tokens: TokenStrings::with_capacity(len, text_bytes),
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
            enc.push_token(t.id, &t.value, t.offsets, None, type_id);
        }
        enc
    }

    /// Appends one regular (non-special, attended) token.
    pub(crate) fn push_token(
        &mut self,
        id: u32,
        token: &str,
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

    /// Sets every token's type id to `type_id`, reusing the buffer.
    pub(crate) fn fill_type_ids(&mut self, type_id: u32) {
        let len = self.ids.len();
        self.type_ids.clear();
        self.type_ids.resize(len, type_id);
    }

    /// Token strings.
    ///
    /// The strings are stored as one text while encoding; the first call after a change
    /// builds this list (later calls return it as it is).
    pub fn get_tokens(&self) -> &[String] {
        self.tokens.as_strings()
    }

    /// Token strings, borrowed from the encoding's own text: the strings of
    /// [`get_tokens`](Self::get_tokens) without building a `String` for each.
    ///
    /// ```
    /// # fn main() -> subtok::Result<()> {
    /// let tokenizer = subtok::Tokenizer::from_file(concat!(
    ///     env!("CARGO_MANIFEST_DIR"),
    ///     "/fixtures/tokenizers/wordpiece-bert.json"
    /// ))?;
    /// let encoding = tokenizer.encode("Hello there", false)?;
    /// let tokens: Vec<&str> = encoding.iter_tokens().collect();
    /// assert_eq!(tokens, encoding.get_tokens());
    /// # Ok(())
    /// # }
    /// ```
    pub fn iter_tokens(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.tokens.iter()
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
            tokens: self.tokens.slice(start..stop),
            words: self.words[start..stop].to_vec(),
            offsets: self.offsets[start..stop].to_vec(),
            special_tokens_mask: self.special_tokens_mask[start..stop].to_vec(),
            attention_mask: self.attention_mask[start..stop].to_vec(),
            overflowing: Vec::new(),
            sequence_ranges: HashMap::new(),
        }
    }

    /// Whether this is an empty encoding without windows or ranges.
    fn is_blank(&self) -> bool {
        self.ids.is_empty()
            && self.type_ids.is_empty()
            && self.tokens.is_empty()
            && self.words.is_empty()
            && self.offsets.is_empty()
            && self.special_tokens_mask.is_empty()
            && self.attention_mask.is_empty()
            && self.overflowing.is_empty()
            && self.sequence_ranges.is_empty()
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
        if self.is_blank() {
            // Appending to nothing yields `pair` itself (its windows merged with nothing are
            // themselves), so skip the copies.
            *self = pair;
            return;
        }
        if self.overflowing.is_empty() && pair.overflowing.is_empty() && self.len() < pair.len() {
            // The same result built around the longer part: ours moved in front of its
            // tokens within its buffers, rather than all of it copied after ours (a
            // template's `[CLS]` before a long sequence copied the whole encoding).
            let front = std::mem::replace(self, pair);
            self.prepend(front, growing_offsets);
            return;
        }
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
        self.tokens.extend_from(&pair.tokens);
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

    /// Puts `front` (without overflowing windows, as this encoding) before this encoding's
    /// tokens: [`merge_with`](Self::merge_with) of `front` with this encoding, in place.
    fn prepend(&mut self, front: Encoding, growing_offsets: bool) {
        let base = front.len();
        let mut ranges = front.sequence_ranges;
        ranges.extend(
            self.sequence_ranges
                .drain()
                .map(|(id, r)| (id, base + r.start..base + r.end)),
        );
        self.sequence_ranges = ranges;
        if growing_offsets {
            let shift = front.offsets.last().map_or(0, |o| o.1);
            for o in &mut self.offsets {
                *o = (o.0 + shift, o.1 + shift);
            }
        }
        self.ids.splice(0..0, front.ids);
        self.type_ids.splice(0..0, front.type_ids);
        self.tokens.prepend_from(&front.tokens);
        self.words.splice(0..0, front.words);
        self.offsets.splice(0..0, front.offsets);
        self.special_tokens_mask
            .splice(0..0, front.special_tokens_mask);
        self.attention_mask.splice(0..0, front.attention_mask);
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
                self.tokens.prepend_n(n, pad_token);
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
                self.tokens.pad_to(total, pad_token);
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
    v.splice(0..0, std::iter::repeat_n(value, n));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rows give the encoding that pushing each token gives, strings cut back from padded
    /// arrays included; a cleared set of rows starts empty, and one that grew past what is
    /// kept gives its memory back.
    #[test]
    fn token_rows_make_the_pushed_encoding() {
        let mut rows = TokenRows::default();
        let mut pushed = Encoding::default();
        let tokens = [
            (5, "he", (0, 2), 0),
            (9, "llo", (2, 5), 0),
            (2, "ö", (6, 8), 1),
        ];
        for (i, &(id, token, offsets, word)) in tokens.iter().enumerate() {
            if i == 1 {
                let mut padded = [b'#'; 24];
                padded[..token.len()].copy_from_slice(token.as_bytes());
                rows.push_padded(id, &padded, token.len(), offsets, word);
            } else {
                rows.push(id, token.as_bytes(), offsets, word);
            }
            pushed.push_token(id, token, offsets, Some(word), 1);
        }
        let made = rows.to_encoding(1);
        assert_eq!(made, pushed);
        assert_eq!(made.get_tokens(), ["he", "llo", "ö"]);
        rows.clear();
        assert_eq!(rows.to_encoding(0), Encoding::default());
        for i in 0..=TokenRows::KEPT_ROWS as u32 {
            rows.push(i, b"x", (0, 1), i);
        }
        rows.clear();
        assert_eq!(rows.rows.capacity(), 0);
        assert_eq!(rows.text.capacity(), 0);
    }

    /// Windows kept by the reference's `Encoding.truncate(max_len, stride, direction)` on
    /// encodings of `n` one-letter tokens `a b c ...`: `<dir><n>,<max_len>,<stride>=` then the
    /// kept window and each overflowing window (`_` for an empty one).
    const TRUNCATE_WINDOWS: &str = "
r1,0,0=_ a r1,1,0=a r1,2,0=a r1,2,1=a r1,3,0=a r1,3,1=a r1,3,2=a r1,4,0=a r1,4,1=a
r1,4,2=a r1,4,3=a r1,5,0=a r1,5,1=a r1,5,2=a r1,5,3=a r1,5,4=a r2,0,0=_ ab r2,1,0=a b
r2,2,0=ab r2,2,1=ab r2,3,0=ab r2,3,1=ab r2,3,2=ab r2,4,0=ab r2,4,1=ab r2,4,2=ab
r2,4,3=ab r2,5,0=ab r2,5,1=ab r2,5,2=ab r2,5,3=ab r2,5,4=ab r3,0,0=_ abc r3,1,0=a b c
r3,2,0=ab c r3,2,1=ab bc r3,3,0=abc r3,3,1=abc r3,3,2=abc r3,4,0=abc r3,4,1=abc
r3,4,2=abc r3,4,3=abc r3,5,0=abc r3,5,1=abc r3,5,2=abc r3,5,3=abc r3,5,4=abc r4,0,0=_
abcd r4,1,0=a b c d r4,2,0=ab cd r4,2,1=ab bc cd r4,3,0=abc d r4,3,1=abc cd r4,3,2=abc
bcd r4,4,0=abcd r4,4,1=abcd r4,4,2=abcd r4,4,3=abcd r4,5,0=abcd r4,5,1=abcd r4,5,2=abcd
r4,5,3=abcd r4,5,4=abcd r5,0,0=_ abcde r5,1,0=a b c d e r5,2,0=ab cd e r5,2,1=ab bc cd
de r5,3,0=abc de r5,3,1=abc cde r5,3,2=abc bcd cde r5,4,0=abcd e r5,4,1=abcd de
r5,4,2=abcd cde r5,4,3=abcd bcde r5,5,0=abcde r5,5,1=abcde r5,5,2=abcde r5,5,3=abcde
r5,5,4=abcde r6,0,0=_ abcdef r6,1,0=a b c d e f r6,2,0=ab cd ef r6,2,1=ab bc cd de ef
r6,3,0=abc def r6,3,1=abc cde ef r6,3,2=abc bcd cde def r6,4,0=abcd ef r6,4,1=abcd def
r6,4,2=abcd cdef r6,4,3=abcd bcde cdef r6,5,0=abcde f r6,5,1=abcde ef r6,5,2=abcde def
r6,5,3=abcde cdef r6,5,4=abcde bcdef r7,0,0=_ abcdefg r7,1,0=a b c d e f g r7,2,0=ab cd
ef g r7,2,1=ab bc cd de ef fg r7,3,0=abc def g r7,3,1=abc cde efg r7,3,2=abc bcd cde def
efg r7,4,0=abcd efg r7,4,1=abcd defg r7,4,2=abcd cdef efg r7,4,3=abcd bcde cdef defg
r7,5,0=abcde fg r7,5,1=abcde efg r7,5,2=abcde defg r7,5,3=abcde cdefg r7,5,4=abcde bcdef
cdefg r8,0,0=_ abcdefgh r8,1,0=a b c d e f g h r8,2,0=ab cd ef gh r8,2,1=ab bc cd de ef
fg gh r8,3,0=abc def gh r8,3,1=abc cde efg gh r8,3,2=abc bcd cde def efg fgh r8,4,0=abcd
efgh r8,4,1=abcd defg gh r8,4,2=abcd cdef efgh r8,4,3=abcd bcde cdef defg efgh
r8,5,0=abcde fgh r8,5,1=abcde efgh r8,5,2=abcde defgh r8,5,3=abcde cdefg efgh
r8,5,4=abcde bcdef cdefg defgh r9,0,0=_ abcdefghi r9,1,0=a b c d e f g h i r9,2,0=ab cd
ef gh i r9,2,1=ab bc cd de ef fg gh hi r9,3,0=abc def ghi r9,3,1=abc cde efg ghi
r9,3,2=abc bcd cde def efg fgh ghi r9,4,0=abcd efgh i r9,4,1=abcd defg ghi r9,4,2=abcd
cdef efgh ghi r9,4,3=abcd bcde cdef defg efgh fghi r9,5,0=abcde fghi r9,5,1=abcde efghi
r9,5,2=abcde defgh ghi r9,5,3=abcde cdefg efghi r9,5,4=abcde bcdef cdefg defgh efghi
l1,0,0=_ a l1,1,0=a l1,2,0=a l1,2,1=a l1,3,0=a l1,3,1=a l1,3,2=a l1,4,0=a l1,4,1=a
l1,4,2=a l1,4,3=a l1,5,0=a l1,5,1=a l1,5,2=a l1,5,3=a l1,5,4=a l2,0,0=_ ab l2,1,0=b a
l2,2,0=ab l2,2,1=ab l2,3,0=ab l2,3,1=ab l2,3,2=ab l2,4,0=ab l2,4,1=ab l2,4,2=ab
l2,4,3=ab l2,5,0=ab l2,5,1=ab l2,5,2=ab l2,5,3=ab l2,5,4=ab l3,0,0=_ abc l3,1,0=c b a
l3,2,0=bc a l3,2,1=bc ab l3,3,0=abc l3,3,1=abc l3,3,2=abc l3,4,0=abc l3,4,1=abc
l3,4,2=abc l3,4,3=abc l3,5,0=abc l3,5,1=abc l3,5,2=abc l3,5,3=abc l3,5,4=abc l4,0,0=_
abcd l4,1,0=d c b a l4,2,0=cd ab l4,2,1=cd bc ab l4,3,0=bcd a l4,3,1=bcd ab l4,3,2=bcd
abc l4,4,0=abcd l4,4,1=abcd l4,4,2=abcd l4,4,3=abcd l4,5,0=abcd l4,5,1=abcd l4,5,2=abcd
l4,5,3=abcd l4,5,4=abcd l5,0,0=_ abcde l5,1,0=e d c b a l5,2,0=de bc a l5,2,1=de cd bc
ab l5,3,0=cde ab l5,3,1=cde abc l5,3,2=cde bcd abc l5,4,0=bcde a l5,4,1=bcde ab
l5,4,2=bcde abc l5,4,3=bcde abcd l5,5,0=abcde l5,5,1=abcde l5,5,2=abcde l5,5,3=abcde
l5,5,4=abcde l6,0,0=_ abcdef l6,1,0=f e d c b a l6,2,0=ef cd ab l6,2,1=ef de cd bc ab
l6,3,0=def abc l6,3,1=def bcd ab l6,3,2=def cde bcd abc l6,4,0=cdef ab l6,4,1=cdef abc
l6,4,2=cdef abcd l6,4,3=cdef bcde abcd l6,5,0=bcdef a l6,5,1=bcdef ab l6,5,2=bcdef abc
l6,5,3=bcdef abcd l6,5,4=bcdef abcde l7,0,0=_ abcdefg l7,1,0=g f e d c b a l7,2,0=fg de
bc a l7,2,1=fg ef de cd bc ab l7,3,0=efg bcd a l7,3,1=efg cde abc l7,3,2=efg def cde bcd
abc l7,4,0=defg abc l7,4,1=defg abcd l7,4,2=defg bcde abc l7,4,3=defg cdef bcde abcd
l7,5,0=cdefg ab l7,5,1=cdefg abc l7,5,2=cdefg abcd l7,5,3=cdefg abcde l7,5,4=cdefg bcdef
abcde l8,0,0=_ abcdefgh l8,1,0=h g f e d c b a l8,2,0=gh ef cd ab l8,2,1=gh fg ef de cd
bc ab l8,3,0=fgh cde ab l8,3,1=fgh def bcd ab l8,3,2=fgh efg def cde bcd abc l8,4,0=efgh
abcd l8,4,1=efgh bcde ab l8,4,2=efgh cdef abcd l8,4,3=efgh defg cdef bcde abcd
l8,5,0=defgh abc l8,5,1=defgh abcd l8,5,2=defgh abcde l8,5,3=defgh bcdef abcd
l8,5,4=defgh cdefg bcdef abcde l9,0,0=_ abcdefghi l9,1,0=i h g f e d c b a l9,2,0=hi fg
de bc a l9,2,1=hi gh fg ef de cd bc ab l9,3,0=ghi def abc l9,3,1=ghi efg cde abc
l9,3,2=ghi fgh efg def cde bcd abc l9,4,0=fghi bcde a l9,4,1=fghi cdef abc l9,4,2=fghi
defg bcde abc l9,4,3=fghi efgh defg cdef bcde abcd l9,5,0=efghi abcd l9,5,1=efghi abcde
l9,5,2=efghi bcdef abc l9,5,3=efghi cdefg abcde l9,5,4=efghi defgh cdefg bcdef abcde";

    fn letters(n: usize) -> Encoding {
        let mut e = Encoding::with_capacity(n);
        for (i, c) in "abcdefghi".chars().take(n).enumerate() {
            e.push_token(
                i as u32,
                &c.to_string(),
                (2 * i, 2 * i + 1),
                Some(i as u32),
                0,
            );
        }
        e
    }

    fn windows(e: &Encoding) -> String {
        std::iter::once(e)
            .chain(e.get_overflowing())
            .map(|w| {
                if w.is_empty() {
                    "_".to_string()
                } else {
                    w.get_tokens().concat()
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn truncate_windows_match_reference() {
        let text = TRUNCATE_WINDOWS
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        // Entries are separated by the start of the next `<dir><n>,` key.
        let mut entries: Vec<String> = Vec::new();
        for part in text.split(' ') {
            if part.contains('=') {
                entries.push(part.to_string());
            } else if let Some(last) = entries.last_mut() {
                last.push(' ');
                last.push_str(part);
            }
        }
        assert_eq!(entries.len(), 288);
        for entry in entries {
            let (key, expect) = entry.split_once('=').unwrap();
            let dir = if key.starts_with('r') {
                TruncationDirection::Right
            } else {
                TruncationDirection::Left
            };
            let nums: Vec<usize> = key[1..].split(',').map(|x| x.parse().unwrap()).collect();
            let mut e = letters(nums[0]);
            e.set_sequence_id(0);
            e.truncate(nums[1], nums[2], dir).unwrap();
            assert_eq!(windows(&e), expect, "{key}");
            if nums[1] > 0 && nums[1] < nums[0] {
                assert!(e.sequence_ranges().is_empty(), "{key}");
            }
        }
    }

    #[test]
    fn truncate_keeps_token_fields() {
        let mut e = letters(5);
        e.truncate(4, 2, TruncationDirection::Right).unwrap();
        assert_eq!(e.get_offsets(), &[(0, 1), (2, 3), (4, 5), (6, 7)]);
        assert_eq!(
            e.get_overflowing()[0].get_word_ids(),
            &[Some(2), Some(3), Some(4)]
        );
        assert_eq!(
            e.get_overflowing()[0].get_offsets(),
            &[(4, 5), (6, 7), (8, 9)]
        );
        assert!(matches!(
            letters(5).truncate(3, 3, TruncationDirection::Left),
            Err(crate::Error::Truncation(_))
        ));
        // Nothing to do: no error even with a large stride.
        assert!(letters(2).truncate(3, 7, TruncationDirection::Left).is_ok());
    }

    #[test]
    fn merge_offsets_and_ranges() {
        let mut a = letters(2);
        a.set_sequence_id(0);
        let mut b = letters(3);
        b.set_sequence_id(1);
        let mut grown = a.clone();
        grown.merge_with(b.clone(), true);
        assert_eq!(
            grown.get_offsets(),
            &[(0, 1), (2, 3), (3, 4), (5, 6), (7, 8)]
        );
        let merged = Encoding::merge([a, b], false);
        assert_eq!(
            merged.get_offsets(),
            &[(0, 1), (2, 3), (0, 1), (2, 3), (4, 5)]
        );
        assert_eq!(
            merged.get_sequence_ids(),
            vec![Some(0), Some(0), Some(1), Some(1), Some(1)]
        );
        assert_eq!(merged.token_to_sequence(3), Some(1));
    }

    /// Merging builds around the longer part (in place) or appends to the first: either
    /// way every field is the concatenation.
    #[test]
    fn merge_either_way_concatenates() {
        for (n, m) in [(1, 4), (4, 1), (2, 2), (3, 5)] {
            for growing in [false, true] {
                let mut a = letters(n);
                a.set_type_ids(vec![0; n]);
                a.set_sequence_id(0);
                let mut b = letters(m);
                b.set_type_ids(vec![1; m]);
                b.special_tokens_mask[0] = 1;
                b.set_sequence_id(1);
                let merged = Encoding::merge([a.clone(), b.clone()], growing);
                let cat = |f: fn(&Encoding) -> Vec<String>| [f(&a), f(&b)].concat();
                assert_eq!(merged.get_tokens(), cat(|e| e.get_tokens().to_vec()));
                assert_eq!(merged.get_ids(), [a.get_ids(), b.get_ids()].concat());
                assert_eq!(merged.get_type_ids(), [vec![0; n], vec![1; m]].concat());
                assert_eq!(
                    merged.get_word_ids(),
                    [a.get_word_ids(), b.get_word_ids()].concat()
                );
                assert_eq!(
                    merged.get_special_tokens_mask(),
                    [a.get_special_tokens_mask(), b.get_special_tokens_mask()].concat()
                );
                assert_eq!(
                    merged.get_attention_mask(),
                    [a.get_attention_mask(), b.get_attention_mask()].concat()
                );
                let shift = if growing { 2 * n - 1 } else { 0 };
                let shifted: Vec<Offsets> = b
                    .get_offsets()
                    .iter()
                    .map(|&(s, e)| (s + shift, e + shift))
                    .collect();
                assert_eq!(merged.get_offsets(), [a.get_offsets(), &shifted].concat());
                assert_eq!(
                    merged.get_sequence_ids(),
                    [vec![Some(0); n], vec![Some(1); m]].concat()
                );
            }
        }
    }

    #[test]
    fn sequence_ids_like_reference() {
        // No ranges: one sequence over everything, padding included.
        let mut e = letters(2);
        e.pad(3, 0, 0, "[PAD]", PaddingDirection::Right);
        assert_eq!(e.get_sequence_ids(), vec![Some(0); 3]);
        // Only sequence 1 recorded: sequence 0 is looked up first and covers everything.
        let mut e = letters(2);
        e.set_sequence_id(1);
        assert_eq!(e.get_sequence_ids(), vec![Some(0), Some(0)]);
    }
}
