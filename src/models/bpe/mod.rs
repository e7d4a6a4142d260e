//! Byte-Pair Encoding (`"type": "BPE"`).
//!
//! Loading: `vocab` maps tokens to ids; `merges` lists pairs in rank order, either as
//! `"left right"` strings (split on single spaces into exactly two parts) or as
//! `["left", "right"]` pairs. Merge `i` turns the pair `(id(left), id(right))` into
//! `id(left + right[len(prefix)..])`, where `prefix` is the `continuing_subword_prefix` (so
//! `a` + `##b` → `ab`); every one of the three tokens must be in the vocabulary. When a pair
//! is listed twice, its last rank wins. `dropout` must lie in `[0, 1]`.
//!
//! Tokenizing a word:
//! 1. with `ignore_merges` (and no active dropout), a word that is itself in the vocabulary
//!    is returned as one token;
//! 2. each character becomes a symbol: the character, preceded by the
//!    `continuing_subword_prefix` unless it is first and followed by the `end_of_word_suffix`
//!    if it is last, looked up in the vocabulary. An unknown one becomes, with
//!    `byte_fallback`, one `<0xXX>` symbol (of length 1) per byte of that decorated string
//!    when all of them exist; otherwise the unknown token (consecutive unknowns fused into one
//!    when `fuse_unk`; an unknown symbol is held back until the next known character or the
//!    end of the word, exactly as the reference does); without `unk_token` it is dropped;
//! 3. merges are applied by rank (see the `word` module);
//! 4. token offsets accumulate the symbols' byte lengths.
//!
//! # Independent parts
//!
//! A speed-up that never changes a result. SentencePiece-style files
//! (no pre-tokenizer, so a whole document is one word) mark word starts with `▁`, and
//! their merges never join a symbol that does not end in `▁` to one that starts with `▁`.
//! Then no token can cover a boundary "non-`▁` character, then `▁`": merges on one side
//! never see the other, and applying them by rank to the whole word gives the same tokens
//! as applying them to each part alone. The model checks that property at load, over
//! every merge, and cuts words before such `▁` only when it holds, and also only when
//! symbols are plain characters (no continuing-subword prefix or end-of-word suffix), the
//! word is not looked up whole first (`ignore_merges`), no two tokens share an id (merges
//! are keyed on ids) and `▁` itself is in the vocabulary. The tokenizer's ids path caches
//! parts like pieces, which turns a document-long word into cache hits.

mod byte_vocab;
mod merges;
mod preformed;
mod word;

use std::collections::HashMap;

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

use super::hash::FastMap;
use super::push_token;
use super::raw::{optional, RawModel};
use super::vocab::{to_std_map, IdTable, OrderedVocab};
use crate::utils::byte_level::{spell_into, BYTE_TO_CHAR};
use crate::{Error, Model, Result, Token};
use byte_vocab::ByteVocab;
use merges::MergeMap;
use preformed::{LazyPreformed, PreformedChars};
use word::{pair_key, Word, MAX_WORD_BYTES};

/// Settings of a [`Bpe`] model, with the reference's defaults.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct BpeConfig {
    /// Probability of skipping each merge (BPE-dropout); `None` or `0.0` disables it.
    pub dropout: Option<f32>,
    /// Token used for characters missing from the vocabulary; `None` drops them.
    pub unk_token: Option<String>,
    /// Prefix added to every character but the first of a word before lookup.
    pub continuing_subword_prefix: Option<String>,
    /// Suffix added to the last character of a word before lookup.
    pub end_of_word_suffix: Option<String>,
    /// Fuse consecutive unknown characters into one unknown token.
    pub fuse_unk: bool,
    /// Turn unknown characters into `<0xXX>` byte tokens when the vocabulary has them.
    pub byte_fallback: bool,
    /// Return a word that is in the vocabulary as one token without merging.
    pub ignore_merges: bool,
}

/// A BPE model.
#[derive(Clone)]
pub struct Bpe {
    vocab: FastMap<String, u32>,
    vocab_r: IdTable,
    /// `pair_key(left, right)` → `(rank, new id)`.
    merges: MergeMap,
    config: BpeConfig,
    /// Id of `config.unk_token`, when it is in the vocabulary.
    unk_id: Option<u32>,
    /// Ids of `<0x00>`..`<0xFF>`, when present.
    byte_ids: Box<[Option<u32>; 256]>,
    /// Whether words may be cut into [independent parts](self#independent-parts) before
    /// `▁` (ignoring dropout, which is checked when tokenizing).
    marker_parts: bool,
    /// Above every merge rank, when no two tokens share an id (so a merge's new id
    /// identifies its pair): enables the faster merge loops of the `word` module.
    rank_limit: Option<u32>,
    /// Id of the one-character token of each code point ([`NO_ID`] when absent): a
    /// word's first symbols are found without hashing.
    char_ids: CharIds,
    /// The id of each byte's char in the byte-level alphabet ([`BYTE_TO_CHAR`]), when no
    /// char is decorated (a prefix or suffix): then a byte-level piece's symbols come
    /// straight from its raw bytes. [`NO_ID`] for a byte whose char has no token.
    byte_char_ids: Option<Box<[u32; 256]>>,
    /// The bytes whose char has no token, when some have none (several published files
    /// leave out a dozen control bytes): a word with one of them takes the spelled path,
    /// where an unknown char becomes the unknown token, fallback bytes or nothing.
    absent_bytes: Option<Box<[bool; 256]>>,
    /// Multi-byte chars a byte-level word may start from as one symbol (see the
    /// `preformed` module), when `byte_char_ids` is set, ids are unique and some qualify.
    /// Built on demand, when text with many such chars comes (see that module).
    preformed: LazyPreformed,
    /// With `ignore_merges` and `byte_char_ids`: the tokens by raw bytes (see the
    /// `byte_vocab` module), the whole-word lookup of the byte-level ids path.
    byte_vocab: Option<ByteVocab>,
}

thread_local! {
    /// The byte-level ids path's word, reused between words of a thread.
    static WORD: std::cell::RefCell<Word> = std::cell::RefCell::new(Word::default());
}

/// Symbols of capacity the reused word keeps between words (2 MiB of symbols).
const KEPT_WORD_SYMBOLS: usize = 1 << 17;

/// Code points per page of [`CharIds`].
const CHAR_PAGE: usize = 256;

/// The id of each code point's one-character token ([`NO_ID`] when it has none), in pages
/// of [`CHAR_PAGE`] code points; a page is stored only when one of its chars has a token,
/// and page 0 of `pages` is the empty one every other page index points to. Measured
/// reason: a table of the first 2,048 code points left every CJK, Thai or Devanagari char
/// to a string-hash lookup of the vocabulary, 41 % of llama2's ids path on the
/// multilingual corpus.
#[derive(Clone)]
struct CharIds {
    /// Index in `pages` of each page of code points.
    page_of: Box<[u16]>,
    pages: Vec<[u32; CHAR_PAGE]>,
}

impl CharIds {
    /// The table of the one-character tokens of `vocab`.
    fn new<'a>(vocab: impl IntoIterator<Item = (&'a str, u32)>) -> Self {
        let mut table = CharIds {
            page_of: vec![0; (char::MAX as usize >> 8) + 1].into_boxed_slice(),
            pages: vec![[NO_ID; CHAR_PAGE]],
        };
        for (token, id) in vocab {
            let mut chars = token.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                continue;
            };
            let cp = c as usize;
            let Some(index) = table.page_of.get_mut(cp / CHAR_PAGE) else {
                continue;
            };
            if *index == 0 {
                // At most 4,352 pages: the index fits in `u16`.
                *index = table.pages.len() as u16;
                table.pages.push([NO_ID; CHAR_PAGE]);
            }
            let page = usize::from(*index);
            if let Some(slot) = table
                .pages
                .get_mut(page)
                .and_then(|p| p.get_mut(cp % CHAR_PAGE))
            {
                *slot = id;
            }
        }
        table
    }

    /// The id of `c`'s one-character token, or [`NO_ID`].
    #[inline(always)]
    fn get(&self, c: char) -> u32 {
        let cp = c as usize;
        let page = self.page_of.get(cp / CHAR_PAGE).copied().unwrap_or(0);
        self.pages
            .get(usize::from(page))
            .and_then(|p| p.get(cp % CHAR_PAGE))
            .copied()
            .unwrap_or(NO_ID)
    }
}
/// Marks a character without a one-character token.
const NO_ID: u32 = u32::MAX;

/// The SentencePiece word-start marker.
pub(crate) const MARKER: char = '\u{2581}';
/// [`MARKER`] as UTF-8.
const MARKER_UTF8: &str = "\u{2581}";

impl std::fmt::Debug for Bpe {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bpe")
            .field("vocab_size", &self.vocab.len())
            .field("merges", &self.merges.len())
            .field("config", &self.config)
            .finish()
    }
}

impl Bpe {
    /// Builds a model from a vocabulary, merges in rank order, and settings.
    pub fn new<S: AsRef<str>>(
        vocab: HashMap<String, u32>,
        merges: &[(S, S)],
        config: BpeConfig,
    ) -> Result<Self> {
        let vocab: FastMap<String, u32> = vocab.into_iter().collect();
        let pairs = merges.iter().map(|(a, b)| Ok((a.as_ref(), b.as_ref())));
        check_config(&config).map_err(Error::Config)?;
        let (table, crosses) =
            merge_table(&vocab, pairs, merges.len(), &config).map_err(Error::Config)?;
        Ok(Self::assemble(vocab, table, config, crosses))
    }

    /// The model's settings.
    pub fn config(&self) -> &BpeConfig {
        &self.config
    }

    /// `merge_crosses_marker`: some merge joins a symbol not ending in `▁` to one starting
    /// with `▁`.
    fn assemble(
        vocab: FastMap<String, u32>,
        mut merges: MergeMap,
        config: BpeConfig,
        merge_crosses_marker: bool,
    ) -> Self {
        let unk_id = config
            .unk_token
            .as_ref()
            .and_then(|unk| vocab.get(unk).copied());
        let mut byte_ids = Box::new([None; 256]);
        if config.byte_fallback {
            for (byte, slot) in byte_ids.iter_mut().enumerate() {
                *slot = vocab.get(&format!("<0x{byte:02X}>")).copied();
            }
        }
        let vocab_r = IdTable::from_vocab(&vocab);
        let distinct_ids = vocab
            .values()
            .collect::<std::collections::HashSet<_>>()
            .len();
        let unique_ids = distinct_ids == vocab.len();
        let rank_limit = merges
            .iter()
            .map(|(_, (rank, _))| rank.saturating_add(1))
            .max()
            .unwrap_or(0);
        // No char is decorated with a continuing-subword prefix or an end-of-word suffix.
        let undecorated = config
            .continuing_subword_prefix
            .as_deref()
            .is_none_or(str::is_empty)
            && config
                .end_of_word_suffix
                .as_deref()
                .is_none_or(str::is_empty);
        let marker_parts = !merge_crosses_marker
            && !config.ignore_merges
            && undecorated
            && unique_ids
            && vocab.contains_key(MARKER.encode_utf8(&mut [0; 4]) as &str);
        let char_ids = CharIds::new(vocab.iter().map(|(token, &id)| (token.as_ref(), id)));
        let mut byte_char_ids = Box::new([NO_ID; 256]);
        for (slot, c) in byte_char_ids.iter_mut().zip(BYTE_TO_CHAR) {
            *slot = char_ids.get(c);
        }
        let absent_bytes = byte_char_ids
            .contains(&NO_ID)
            .then(|| Box::new(byte_char_ids.map(|id| id == NO_ID)));
        let byte_char_ids = undecorated.then_some(byte_char_ids);
        let byte_vocab = (config.ignore_merges && byte_char_ids.is_some())
            .then(|| ByteVocab::new(vocab.iter().map(|(token, &id)| (token.as_str(), id))));
        merges.build_filter();
        Bpe {
            preformed: LazyPreformed::default(),
            char_ids,
            byte_char_ids,
            absent_bytes,
            vocab_r,
            vocab,
            merges,
            config,
            unk_id,
            byte_ids,
            marker_parts,
            rank_limit: unique_ids.then_some(rank_limit),
            byte_vocab,
        }
    }

    /// Builds the model from a `model` section (the `type` field is handled by the caller).
    /// On error the section is left intact.
    pub(crate) fn from_raw(raw: &mut RawModel) -> std::result::Result<Self, String> {
        let config = BpeConfig {
            dropout: optional(&raw.dropout, "dropout")?,
            unk_token: optional(&raw.unk_token, "unk_token")?,
            continuing_subword_prefix: optional(
                &raw.continuing_subword_prefix,
                "continuing_subword_prefix",
            )?,
            end_of_word_suffix: optional(&raw.end_of_word_suffix, "end_of_word_suffix")?,
            fuse_unk: optional(&raw.fuse_unk, "fuse_unk")?.unwrap_or(false),
            byte_fallback: optional(&raw.byte_fallback, "byte_fallback")?.unwrap_or(false),
            ignore_merges: optional(&raw.ignore_merges, "ignore_merges")?.unwrap_or(false),
        };
        let (Some(_), Some(merges)) = (&raw.vocab, &raw.merges) else {
            return Err("Missing vocab/merges: BPE needs both `vocab` and `merges`".into());
        };
        check_config(&config)?;
        let (table, crosses) =
            merge_table(raw.vocab_map()?, merges.pairs()?, merges.len(), &config)?;
        let vocab = raw.take_vocab_map()?;
        Ok(Self::assemble(vocab, table, config, crosses))
    }

    /// The initial symbols of `w`: one per character, byte or fused unknown run.
    fn initial_word(&self, w: &str) -> Result<Word> {
        let mut word = Word::with_capacity(w.len());
        let mut pending_unk: Option<(u32, usize)> = None;
        // An empty prefix or suffix (as most byte-level files set them) changes no piece:
        // treated as none, so that every char goes through the char table.
        let prefix = self
            .config
            .continuing_subword_prefix
            .as_deref()
            .filter(|p| !p.is_empty());
        let suffix = self
            .config
            .end_of_word_suffix
            .as_deref()
            .filter(|s| !s.is_empty());
        let decorates = prefix.is_some() || suffix.is_some();
        let mut decorated = String::new();
        for (start, c) in w.char_indices() {
            // The common case first: an undecorated char with an id, no unknown run open.
            if !decorates && pending_unk.is_none() {
                let id = self.char_ids.get(c);
                if id != NO_ID {
                    word.push(id, c.len_utf8());
                    continue;
                }
            }
            let end = start + c.len_utf8();
            let plain = w.get(start..end).unwrap_or_default();
            let with_prefix = start != 0 && prefix.is_some();
            let with_suffix = end == w.len() && suffix.is_some();
            let piece = if with_prefix || with_suffix {
                decorated.clear();
                if with_prefix {
                    decorated.push_str(prefix.unwrap_or_default());
                }
                decorated.push_str(plain);
                if with_suffix {
                    decorated.push_str(suffix.unwrap_or_default());
                }
                decorated.as_str()
            } else {
                plain
            };

            let known = if with_prefix || with_suffix {
                self.vocab.get(piece).copied()
            } else {
                Some(self.char_ids.get(c)).filter(|&id| id != NO_ID)
            };
            if let Some(id) = known {
                if let Some((unk_id, unk_len)) = pending_unk.take() {
                    word.push(unk_id, unk_len);
                }
                word.push(id, end - start);
                continue;
            }
            if self.config.byte_fallback
                && piece
                    .bytes()
                    .all(|b| self.byte_ids[usize::from(b)].is_some())
            {
                for id in piece.bytes().filter_map(|b| self.byte_ids[usize::from(b)]) {
                    word.push(id, 1);
                }
                continue;
            }
            if let Some(unk) = &self.config.unk_token {
                let unk_id = self.unk_id.ok_or_else(|| {
                    Error::encode(format!("Unk token `{unk}` not found in the vocabulary"))
                })?;
                pending_unk = match pending_unk {
                    Some((id, len)) if self.config.fuse_unk => Some((id, len + end - start)),
                    Some((id, len)) => {
                        word.push(id, len);
                        Some((unk_id, end - start))
                    }
                    None => Some((unk_id, end - start)),
                };
            }
        }
        if let Some((unk_id, unk_len)) = pending_unk {
            word.push(unk_id, unk_len);
        }
        Ok(word)
    }

    /// The string of a token the merges produced.
    fn value(&self, id: u32) -> Result<&str> {
        self.vocab_r
            .get(id)
            .ok_or_else(|| Error::encode(format!("BPE produced id {id}, which has no token")))
    }
}

/// Checks the settings that are validated at load.
fn check_config(config: &BpeConfig) -> std::result::Result<(), String> {
    match config.dropout {
        Some(p) if !(0.0..=1.0).contains(&p) => Err(format!(
            "`dropout` is {p}: Dropout should be between 0 and 1, inclusive"
        )),
        _ => Ok(()),
    }
}

/// Resolves merges (in rank order) to `pair_key(left, right)` → `(rank, new id)`, and
/// tells whether some merge joins a left token not ending in `▁` to a right token
/// starting with `▁`.
type MergeTable = (MergeMap, bool);

fn merge_table<'a>(
    vocab: &FastMap<String, u32>,
    merges: impl Iterator<Item = std::result::Result<(&'a str, &'a str), String>>,
    merge_count: usize,
    config: &BpeConfig,
) -> std::result::Result<MergeTable, String> {
    let prefix_len = config
        .continuing_subword_prefix
        .as_ref()
        .map_or(0, String::len);
    let mut table = MergeMap::with_capacity(merge_count);
    let mut joined = String::new();
    let mut crosses = false;
    for (rank, pair) in merges.enumerate() {
        let (left, right) = pair?;
        crosses |= right.starts_with(MARKER) && !left.ends_with(MARKER);
        let id_of = |token: &str| {
            vocab
                .get(token)
                .copied()
                .ok_or_else(|| format!("`merges[{rank}]`: Token `{token}` out of vocabulary"))
        };
        let left_id = id_of(left)?;
        let right_id = id_of(right)?;
        let rest = right.get(prefix_len..).ok_or_else(|| {
            format!(
                "`merges[{rank}]`: token `{right}` cannot be stripped of the \
                 {prefix_len}-byte continuing_subword_prefix"
            )
        })?;
        joined.clear();
        joined.push_str(left);
        joined.push_str(rest);
        let new_id = id_of(&joined)?;
        let rank = u32::try_from(rank).map_err(|_| "too many merges".to_string())?;
        table.insert(pair_key(left_id, right_id), (rank, new_id));
    }
    Ok((table, crosses))
}

impl Bpe {
    /// Refuses pieces too long for the symbol list (see [`Model::tokenize`]).
    fn check_length(&self, sequence: &str) -> Result<()> {
        // Byte fallback can emit one symbol per byte of the decorated characters, so bound
        // the decorated size: symbol indices and lengths are 32-bit.
        let decoration = 1
            + self
                .config
                .continuing_subword_prefix
                .as_ref()
                .map_or(0, String::len)
            + self
                .config
                .end_of_word_suffix
                .as_ref()
                .map_or(0, String::len);
        if sequence.len().saturating_mul(decoration) > MAX_WORD_BYTES {
            return Err(Error::encode(format!(
                "BPE cannot tokenize a piece of {} bytes (too long)",
                sequence.len()
            )));
        }
        Ok(())
    }

    /// The active BPE-dropout probability, if any.
    fn active_dropout(&self) -> Option<f32> {
        self.config.dropout.filter(|&p| p != 0.0)
    }

    /// The tokens of the vocabulary with their ids, in no particular order.
    pub(crate) fn tokens(&self) -> impl Iterator<Item = (&str, u32)> + '_ {
        self.vocab.iter().map(|(token, &id)| (token.as_str(), id))
    }

    /// Whether results are deterministic, so that they may be cached (no active dropout).
    pub(crate) fn is_deterministic(&self) -> bool {
        self.active_dropout().is_none()
    }

    /// The [independent parts](self#independent-parts) of `word` with their byte
    /// offsets, when this model cuts words (else `None`): `word` is cut before every `▁`
    /// that follows another character. Tokenizing the parts one by one and concatenating
    /// gives the tokens of the whole word.
    pub fn independent_parts<'w>(&self, word: &'w str) -> Option<IndependentParts<'w>> {
        if !self.marker_parts || self.active_dropout().is_some() {
            return None;
        }
        Some(IndependentParts { word, start: 0 })
    }

    /// Appends the ids of the tokens of `sequence` to `out`: the ids of
    /// [`Model::tokenize`], without building token strings.
    pub fn tokenize_ids(&self, sequence: &str, out: &mut Vec<u32>) -> Result<()> {
        if let Some(parts) = self.independent_parts(sequence) {
            for (_, part) in parts {
                self.word_ids(part, out)?;
            }
            return Ok(());
        }
        self.word_ids(sequence, out)
    }

    /// [`Self::tokenize_ids`] of the byte-level spelling of `raw` (each byte as its char
    /// in [`BYTE_TO_CHAR`]), which is built in `mapped` only when it is needed: for the
    /// whole-word lookup of `ignore_merges`, or when the symbols cannot come straight from
    /// the bytes (see `byte_char_ids`; with dropout or pieces cut at `▁`, the general
    /// path). Measured reason: on a cache miss, spelling the piece and decoding it again
    /// char by char took a fifth of the model's time.
    pub fn byte_level_ids(
        &self,
        raw: &[u8],
        mapped: &mut String,
        out: &mut Vec<u32>,
    ) -> Result<()> {
        let table = match &self.byte_char_ids {
            Some(table)
                if !self.marker_parts
                    && self.active_dropout().is_none()
                    // Every char takes at most two bytes.
                    && raw.len() <= MAX_WORD_BYTES / 2 =>
            {
                table
            }
            _ => {
                spell_into(raw, mapped);
                return self.tokenize_ids(mapped, out);
            }
        };
        if raw.is_empty() {
            return Ok(());
        }
        if let Some(absent) = &self.absent_bytes {
            if raw.iter().any(|&b| absent[usize::from(b)]) {
                spell_into(raw, mapped);
                return self.tokenize_ids(mapped, out);
            }
        }
        if self.config.ignore_merges {
            let found = match self.byte_vocab.as_ref().and_then(|v| v.get(raw)) {
                Some(found) => found,
                None => {
                    spell_into(raw, mapped);
                    self.vocab.get(mapped.as_str()).copied()
                }
            };
            if let Some(id) = found {
                out.push(id);
                return Ok(());
            }
        }
        // One word per thread, reused: a cache miss allocates nothing here.
        WORD.with(|word| {
            let mut word = word.borrow_mut();
            word.clear();
            // Symbol lengths only feed offsets, which this path does not report.
            match self.preformed.get() {
                Some(Some(preformed)) => preformed.push_word(raw, table, &mut word),
                built => {
                    for &b in raw {
                        word.push(table[usize::from(b)], 1);
                    }
                    if built.is_none() && !raw.is_ascii() {
                        self.count_unformed(raw, table);
                    }
                }
            }
            word.merge_all(&self.merges, None, self.rank_limit);
            out.extend(word.tokens().map(|(id, _)| id));
            // A document-long word's symbols are not kept.
            if word.capacity() > KEPT_WORD_SYMBOLS {
                *word = Word::default();
            }
        });
        Ok(())
    }

    /// Builds now the table of multi-byte chars that byte-level words may start from as
    /// one symbol, which the ids path otherwise builds on demand, once text with many
    /// non-ASCII chars has come (a pass over the vocabulary and the merges: about 10 ms
    /// for a 128,000-token vocabulary). Call it to keep that one-off cost out
    /// of the first requests. Returns whether the model uses such a table (a byte-level
    /// vocabulary whose ids are unique, with chars that qualify). Tokens never depend on
    /// it.
    ///
    /// ```
    /// use subtok::models::ModelWrapper;
    /// use subtok::Tokenizer;
    ///
    /// let tokenizer = Tokenizer::from_file("fixtures/tokenizers/bytelevel-bpe.json")?;
    /// if let ModelWrapper::BPE(bpe) = tokenizer.get_model() {
    ///     bpe.build_preformed_chars();
    /// }
    /// let ids = tokenizer.encode_ids("naïve café", false)?;
    /// assert_eq!(ids, tokenizer.encode("naïve café", false)?.get_ids());
    /// # Ok::<(), subtok::Error>(())
    /// ```
    pub fn build_preformed_chars(&self) -> bool {
        match &self.byte_char_ids {
            Some(byte_ids) => self
                .preformed
                .build_now(|| self.build_preformed(byte_ids))
                .is_some(),
            None => false,
        }
    }

    fn build_preformed(&self, byte_ids: &[u32; 256]) -> Option<PreformedChars> {
        self.rank_limit?;
        PreformedChars::build(self.vocab_r.iter(), &self.merges, byte_ids)
    }

    /// Counts the multi-byte chars of `raw`, merged without the pre-formed chars, and
    /// builds those when due (see the `preformed` module).
    #[cold]
    #[inline(never)]
    fn count_unformed(&self, raw: &[u8], byte_ids: &[u32; 256]) {
        let chars = raw.iter().filter(|&&b| b >= 0xC0).count();
        self.preformed
            .count(chars, || self.build_preformed(byte_ids));
    }

    /// [`Self::tokenize_ids`] of one whole word.
    ///
    /// Every id the model emits was read from `vocab` (the chars', the fallback bytes',
    /// the unknown token's and each merge's new id are looked up there when the model is
    /// built), and `vocab_r` holds a token for every id of `vocab`, so unlike
    /// [`Model::tokenize`] this path does not look the tokens up (a cache miss per token
    /// on large vocabularies).
    fn word_ids(&self, sequence: &str, out: &mut Vec<u32>) -> Result<()> {
        self.for_each_token(sequence, |id, _| {
            debug_assert!(self.vocab_r.get(id).is_some(), "id {id} has no token");
            out.push(id);
            Ok(())
        })
    }

    /// Calls `f(id, offsets)` for each token of one whole word, in order: the word itself
    /// with `ignore_merges` when it is in the vocabulary, else its merged symbols.
    #[inline]
    fn for_each_token(
        &self,
        sequence: &str,
        mut f: impl FnMut(u32, (usize, usize)) -> Result<()>,
    ) -> Result<()> {
        if sequence.is_empty() {
            return Ok(());
        }
        self.check_length(sequence)?;
        let dropout = self.active_dropout();
        if dropout.is_none() && self.config.ignore_merges {
            if let Some(&id) = self.vocab.get(sequence) {
                return f(id, (0, sequence.len()));
            }
        }
        let mut word = self.initial_word(sequence)?;
        word.merge_all(&self.merges, dropout, self.rank_limit);
        for (id, offsets) in word.tokens() {
            f(id, offsets)?;
        }
        Ok(())
    }
}

/// Iterator over `(start, part)` from [`Bpe::independent_parts`].
#[derive(Debug, Clone)]
pub struct IndependentParts<'w> {
    word: &'w str,
    start: usize,
}

impl<'w> Iterator for IndependentParts<'w> {
    type Item = (usize, &'w str);

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.word.get(self.start..).filter(|r| !r.is_empty())?;
        // The first marker after a char that is not a marker: found by looking at the
        // marker's lead byte (a lead byte only starts a char), not by decoding every char.
        const M: &[u8] = MARKER_UTF8.as_bytes();
        let bytes = rest.as_bytes();
        let mut end = rest.len();
        for (i, &b) in bytes.iter().enumerate().skip(1) {
            if b == M[0]
                && bytes.get(i..i + M.len()) == Some(M)
                && (i < M.len() || bytes.get(i - M.len()..i) != Some(M))
            {
                end = i;
                break;
            }
        }
        let start = self.start;
        self.start += end;
        Some((start, rest.get(..end)?))
    }
}

impl Bpe {
    /// [`Model::tokenize`] with each token handed to `f(id, offsets, value)` in order
    /// instead of collected: no `String` per token.
    pub(crate) fn tokenize_with(
        &self,
        sequence: &str,
        mut f: impl FnMut(u32, (usize, usize), &str) -> Result<()>,
    ) -> Result<()> {
        let mut word = |base: usize, part: &str| {
            self.for_each_token(part, |id, (start, end)| {
                f(id, (base + start, base + end), self.value(id)?)
            })
        };
        match self.independent_parts(sequence) {
            Some(parts) => parts
                .into_iter()
                .try_for_each(|(start, part)| word(start, part)),
            None => word(0, sequence),
        }
    }
}

impl Model for Bpe {
    fn tokenize(&self, sequence: &str) -> Result<Vec<Token>> {
        let mut tokens = Vec::new();
        self.tokenize_with(sequence, push_token(&mut tokens))?;
        Ok(tokens)
    }

    fn token_to_id(&self, token: &str) -> Option<u32> {
        self.vocab.get(token).copied()
    }

    fn id_to_token(&self, id: u32) -> Option<String> {
        self.vocab_r.get(id).map(str::to_owned)
    }

    fn get_vocab_size(&self) -> usize {
        self.vocab.len()
    }

    fn get_vocab(&self) -> HashMap<String, u32> {
        to_std_map(&self.vocab)
    }
}

/// Merges as `[["left", "right"], ...]` in rank order.
struct OrderedMerges<'a>(&'a Bpe);

impl Serialize for OrderedMerges<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let mut ranked: Vec<(u32, u64)> = self
            .0
            .merges
            .iter()
            .map(|(pair, (rank, _))| (rank, pair))
            .collect();
        ranked.sort_unstable();
        let mut seq = serializer.serialize_seq(Some(ranked.len()))?;
        for (_, pair) in ranked {
            let token = |id: u64| {
                self.0.vocab_r.get(id as u32).ok_or_else(|| {
                    serde::ser::Error::custom(format!("merge uses id {id}, which has no token"))
                })
            };
            seq.serialize_element(&(token(pair >> 32)?, token(pair & 0xffff_ffff)?))?;
        }
        seq.end()
    }
}

impl Serialize for Bpe {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        let c = &self.config;
        let mut model = serializer.serialize_struct("BPE", 10)?;
        model.serialize_field("type", "BPE")?;
        model.serialize_field("dropout", &c.dropout)?;
        model.serialize_field("unk_token", &c.unk_token)?;
        model.serialize_field("continuing_subword_prefix", &c.continuing_subword_prefix)?;
        model.serialize_field("end_of_word_suffix", &c.end_of_word_suffix)?;
        model.serialize_field("fuse_unk", &c.fuse_unk)?;
        model.serialize_field("byte_fallback", &c.byte_fallback)?;
        model.serialize_field("ignore_merges", &c.ignore_merges)?;
        model.serialize_field("vocab", &OrderedVocab(&self.vocab))?;
        model.serialize_field("merges", &OrderedMerges(self))?;
        model.end()
    }
}

#[cfg(test)]
mod tests;
