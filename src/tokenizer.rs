//! [`Tokenizer`]: loads a tokenizer.json and runs the pipeline
//! added tokens → normalizer → pre-tokenizer → model → post-processor (and the decoder back).

use crate::added_vocabulary::{AddedToken, AddedTokenWithId, AddedVocabulary};
use crate::decoders::plan::DecodePlan;
use crate::decoders::DecoderWrapper;
use crate::encoding::Encoding;
use crate::models::ModelWrapper;
use crate::normalizers::NormalizerWrapper;
use crate::pre_tokenizers::PreTokenizerWrapper;
use crate::processors::PostProcessorWrapper;
use crate::utils::padding::{pad_encodings, PaddingParams};
use crate::utils::truncation::TruncationParams;
use crate::{Decoder, Error, Model, PreTokenizer, Result};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::HashMap;
use std::path::Path;

mod full_fast;
mod ids;
mod long_input;
mod marker;
mod seed;
mod thread_cache;

/// One input sequence: raw text, or text already split into words.
#[derive(Debug, Clone)]
pub enum InputSequence<'s> {
    /// Raw text.
    Raw(Cow<'s, str>),
    /// Words; each is encoded on its own and token offsets are relative to the word.
    PreTokenized(Cow<'s, [String]>),
}

impl<'s> From<&'s str> for InputSequence<'s> {
    fn from(s: &'s str) -> Self {
        InputSequence::Raw(Cow::Borrowed(s))
    }
}
impl<'s> From<&'s String> for InputSequence<'s> {
    fn from(s: &'s String) -> Self {
        InputSequence::Raw(Cow::Borrowed(s.as_str()))
    }
}
impl From<String> for InputSequence<'_> {
    fn from(s: String) -> Self {
        InputSequence::Raw(Cow::Owned(s))
    }
}
impl<'s> From<&'s [String]> for InputSequence<'s> {
    fn from(s: &'s [String]) -> Self {
        InputSequence::PreTokenized(Cow::Borrowed(s))
    }
}
impl From<Vec<String>> for InputSequence<'_> {
    fn from(s: Vec<String>) -> Self {
        InputSequence::PreTokenized(Cow::Owned(s))
    }
}
impl From<&[&str]> for InputSequence<'_> {
    fn from(s: &[&str]) -> Self {
        InputSequence::PreTokenized(Cow::Owned(s.iter().map(|w| (*w).to_owned()).collect()))
    }
}
impl From<Vec<&str>> for InputSequence<'_> {
    fn from(s: Vec<&str>) -> Self {
        InputSequence::from(s.as_slice())
    }
}

/// What to encode: one sequence or a pair.
#[derive(Debug, Clone)]
pub enum EncodeInput<'s> {
    /// One sequence.
    Single(InputSequence<'s>),
    /// A pair of sequences (e.g. question and context).
    Dual(InputSequence<'s>, InputSequence<'s>),
}

impl<'s, I: Into<InputSequence<'s>>> From<I> for EncodeInput<'s> {
    fn from(input: I) -> Self {
        EncodeInput::Single(input.into())
    }
}

impl<'s, I1, I2> From<(I1, I2)> for EncodeInput<'s>
where
    I1: Into<InputSequence<'s>>,
    I2: Into<InputSequence<'s>>,
{
    fn from((a, b): (I1, I2)) -> Self {
        EncodeInput::Dual(a.into(), b.into())
    }
}

/// Byte or char offsets in the produced encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OffsetType {
    Byte,
    Char,
}

/// A tokenizer loaded from a tokenizer.json: immutable, `Send + Sync`, cheap to share.
///
/// ```
/// use subtok::Tokenizer;
/// let json = r#"{"version": "1.0", "model": {"type": "WordLevel",
///     "vocab": {"[UNK]": 0, "hello": 1, "world": 2}, "unk_token": "[UNK]"},
///     "pre_tokenizer": {"type": "Whitespace"}}"#;
/// let tokenizer: Tokenizer = json.parse()?;
/// let encoding = tokenizer.encode("hello big world", true)?;
/// assert_eq!(encoding.get_ids(), &[1, 0, 2]);
/// assert_eq!(encoding.get_offsets(), &[(0, 5), (6, 9), (10, 15)]);
/// # Ok::<(), subtok::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Tokenizer {
    normalizer: Option<NormalizerWrapper>,
    pre_tokenizer: Option<PreTokenizerWrapper>,
    model: ModelWrapper,
    post_processor: Option<PostProcessorWrapper>,
    decoder: Option<DecoderWrapper>,
    added_vocabulary: AddedVocabulary,
    truncation: Option<TruncationParams>,
    padding: Option<PaddingParams>,
    /// Identifies this tokenizer's per-thread piece caches (see the `ids` module).
    cache_key: thread_cache::CacheKey,
    /// The ids path's vocabulary seed (see the `seed` module), shared by clones: it
    /// depends on the model alone, which never changes after load.
    piece_seed: std::sync::Arc<seed::PieceSeed>,
    /// Largest input (bytes, both sequences together) one encode call accepts.
    max_input_bytes: Option<usize>,
    /// Compiled decoder, built on the first decode (`None` inside: the general path decodes).
    decode_plan: std::sync::OnceLock<Option<DecodePlan>>,
}

/// Default of [`Tokenizer::with_max_input_bytes`]: 1 GiB per call.
pub const DEFAULT_MAX_INPUT_BYTES: usize = 1 << 30;

/// tokenizer.json as read from disk.
///
/// Read the way the reference reads it: every field is optional, a repeated field replaces
/// the earlier value, `version` must be a string, and the root must be an object. Unknown
/// fields are refused (the reference cannot load them either), with a message naming them.
#[derive(Default)]
struct TokenizerJson {
    truncation: Option<TruncationParams>,
    padding: Option<PaddingParams>,
    added_tokens: Option<Vec<AddedTokenWithId>>,
    normalizer: Option<NormalizerWrapper>,
    pre_tokenizer: Option<PreTokenizerWrapper>,
    post_processor: Option<PostProcessorWrapper>,
    decoder: Option<DecoderWrapper>,
    model: Option<ModelWrapper>,
}

/// The fields of tokenizer.json, in the reference's order.
const TOKENIZER_FIELDS: &[&str] = &[
    "version",
    "truncation",
    "padding",
    "added_tokens",
    "normalizer",
    "pre_tokenizer",
    "post_processor",
    "decoder",
    "model",
];

impl<'de> Deserialize<'de> for TokenizerJson {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = TokenizerJson;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a tokenizer.json object with a `model` field")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> std::result::Result<TokenizerJson, A::Error> {
                let mut t = TokenizerJson::default();
                while let Some(key) = map.next_key::<Cow<'de, str>>()? {
                    match key.as_ref() {
                        "version" => {
                            let v: String = map.next_value()?;
                            if v != "1.0" {
                                return Err(serde::de::Error::custom(format!(
                                    "unknown tokenizer version `{v}`, expected `1.0`"
                                )));
                            }
                        }
                        "truncation" => t.truncation = map.next_value()?,
                        "padding" => t.padding = map.next_value()?,
                        "added_tokens" => t.added_tokens = map.next_value()?,
                        "normalizer" => t.normalizer = map.next_value()?,
                        "pre_tokenizer" => t.pre_tokenizer = map.next_value()?,
                        "post_processor" => t.post_processor = map.next_value()?,
                        "decoder" => t.decoder = map.next_value()?,
                        "model" => {
                            t.model = map.next_value()?;
                            if t.model.is_none() {
                                return Err(serde::de::Error::custom(
                                    "`model` is null; expected a model object with a `type` \
                                     (BPE, WordPiece, WordLevel or Unigram)",
                                ));
                            }
                        }
                        other => {
                            return Err(serde::de::Error::unknown_field(other, TOKENIZER_FIELDS))
                        }
                    }
                }
                if t.model.is_none() {
                    return Err(serde::de::Error::custom(
                        "missing field `model`; expected a model object with a `type` \
                         (BPE, WordPiece, WordLevel or Unigram)",
                    ));
                }
                Ok(t)
            }
        }
        d.deserialize_struct("Tokenizer", TOKENIZER_FIELDS, Visitor)
    }
}

/// tokenizer.json as written, in the reference's field order.
#[derive(Serialize)]
struct TokenizerJsonOut<'a> {
    version: &'static str,
    truncation: &'a Option<TruncationParams>,
    padding: &'a Option<PaddingParams>,
    added_tokens: Vec<AddedTokenWithId>,
    normalizer: &'a Option<NormalizerWrapper>,
    pre_tokenizer: &'a Option<PreTokenizerWrapper>,
    post_processor: &'a Option<PostProcessorWrapper>,
    decoder: &'a Option<DecoderWrapper>,
    model: &'a ModelWrapper,
}

/// Turns a serde error into an [`Error::Json`] with path, line and column.
fn json_error(e: serde_path_to_error::Error<serde_json::Error>) -> Error {
    let mut path = e.path().to_string();
    // Deeply nested files give paths of many kilobytes: keep both ends.
    if path.len() > 240 {
        let cut = |mut i: usize, forward: bool| {
            while !path.is_char_boundary(i) {
                i = if forward { i + 1 } else { i - 1 };
            }
            i
        };
        let (head, tail) = (cut(100, false), cut(path.len() - 100, true));
        path = format!("{}…{}", &path[..head], &path[tail..]);
    }
    let inner = e.into_inner();
    let (line, column) = (inner.line(), inner.column());
    let mut message = inner.to_string();
    let suffix = format!(" at line {line} column {column}");
    if let Some(stripped) = message.strip_suffix(&suffix) {
        message = stripped.to_owned();
    }
    Error::Json {
        path,
        line,
        column,
        message,
    }
}

impl std::str::FromStr for Tokenizer {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Tokenizer::from_bytes(s.as_bytes())
    }
}

impl Tokenizer {
    /// Loads a tokenizer.json file.
    pub fn from_file(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })?;
        Tokenizer::from_bytes(&bytes)
    }

    /// Loads a tokenizer from the bytes of a tokenizer.json.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self> {
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let json: TokenizerJson = serde_path_to_error::deserialize(&mut de).map_err(json_error)?;
        de.end().map_err(|e| Error::Json {
            path: ".".into(),
            line: e.line(),
            column: e.column(),
            message: "trailing characters after the tokenizer object; expected the end of the file"
                .into(),
        })?;
        let model = json.model.ok_or_else(|| Error::Json {
            path: "model".into(),
            line: 0,
            column: 0,
            message: "missing field `model`".into(),
        })?;
        let added_vocabulary = AddedVocabulary::from_tokens(
            json.added_tokens.as_deref().unwrap_or(&[]),
            &model,
            json.normalizer.as_ref(),
        )?;
        Ok(Tokenizer {
            normalizer: json.normalizer,
            pre_tokenizer: json.pre_tokenizer,
            model,
            post_processor: json.post_processor,
            decoder: json.decoder,
            added_vocabulary,
            truncation: json.truncation,
            padding: json.padding,
            cache_key: thread_cache::CacheKey::default(),
            piece_seed: Default::default(),
            max_input_bytes: Some(DEFAULT_MAX_INPUT_BYTES),
            decode_plan: std::sync::OnceLock::new(),
        })
    }

    /// Serializes to tokenizer.json; the reference library loads the result back.
    pub fn to_string(&self, pretty: bool) -> Result<String> {
        let out = TokenizerJsonOut {
            version: "1.0",
            truncation: &self.truncation,
            padding: &self.padding,
            added_tokens: self.added_vocabulary.tokens_with_ids(),
            normalizer: &self.normalizer,
            pre_tokenizer: &self.pre_tokenizer,
            post_processor: &self.post_processor,
            decoder: &self.decoder,
            model: &self.model,
        };
        let r = if pretty {
            serde_json::to_string_pretty(&out)
        } else {
            serde_json::to_string(&out)
        };
        r.map_err(|e| Error::config(format!("cannot serialize tokenizer: {e}")))
    }

    /// Writes tokenizer.json to `path`.
    pub fn save(&self, path: impl AsRef<Path>, pretty: bool) -> Result<()> {
        let path = path.as_ref();
        let s = self.to_string(pretty)?;
        std::fs::write(path, s).map_err(|source| Error::Io {
            path: path.display().to_string(),
            source,
        })
    }

    /// The normalizer, if any.
    pub fn get_normalizer(&self) -> Option<&NormalizerWrapper> {
        self.normalizer.as_ref()
    }
    /// The pre-tokenizer, if any.
    pub fn get_pre_tokenizer(&self) -> Option<&PreTokenizerWrapper> {
        self.pre_tokenizer.as_ref()
    }
    /// The model.
    pub fn get_model(&self) -> &ModelWrapper {
        &self.model
    }
    /// The post-processor, if any.
    pub fn get_post_processor(&self) -> Option<&PostProcessorWrapper> {
        self.post_processor.as_ref()
    }
    /// The decoder, if any.
    pub fn get_decoder(&self) -> Option<&DecoderWrapper> {
        self.decoder.as_ref()
    }
    /// The added tokens.
    pub fn get_added_vocabulary(&self) -> &AddedVocabulary {
        &self.added_vocabulary
    }
    /// Truncation settings.
    pub fn get_truncation(&self) -> Option<&TruncationParams> {
        self.truncation.as_ref()
    }
    /// Padding settings.
    pub fn get_padding(&self) -> Option<&PaddingParams> {
        self.padding.as_ref()
    }

    /// Sets (or clears) truncation.
    pub fn with_truncation(&mut self, truncation: Option<TruncationParams>) -> Result<&mut Self> {
        self.truncation = truncation;
        Ok(self)
    }

    /// Sets (or clears, with `None`) the largest input one encode call accepts, in bytes of
    /// text (both sequences of a pair, or all pre-tokenized words, together); larger inputs
    /// get an [`Error::Encode`] instead of exhausting memory. Defaults to
    /// [`DEFAULT_MAX_INPUT_BYTES`]; batches apply it to each input.
    pub fn with_max_input_bytes(&mut self, max: Option<usize>) -> &mut Self {
        self.max_input_bytes = max;
        self
    }

    /// The largest input one encode call accepts (see [`with_max_input_bytes`](Self::with_max_input_bytes)).
    pub fn get_max_input_bytes(&self) -> Option<usize> {
        self.max_input_bytes
    }

    /// Sets (or clears) padding.
    pub fn with_padding(&mut self, padding: Option<PaddingParams>) -> &mut Self {
        self.padding = padding;
        self
    }

    /// Adds tokens (special or not) after loading; returns how many were new.
    pub fn add_tokens(&mut self, tokens: &[AddedToken]) -> Result<usize> {
        let mut vocab = std::mem::take(&mut self.added_vocabulary);
        let r = vocab.add_tokens(tokens, &self.model, self.normalizer.as_ref());
        self.added_vocabulary = vocab;
        self.decode_plan = std::sync::OnceLock::new();
        // The per-thread caches keep what they derived from the added tokens (how a
        // Llama-style file skips normalization): this instance starts with new ones.
        self.cache_key = thread_cache::CacheKey::default();
        r
    }

    /// Vocabulary size, optionally counting added tokens that the model lacks.
    pub fn get_vocab_size(&self, with_added_tokens: bool) -> usize {
        let base = self.model.get_vocab_size();
        if !with_added_tokens {
            return base;
        }
        base + self
            .added_vocabulary
            .get_vocab()
            .keys()
            .filter(|k| self.model.token_to_id(k).is_none())
            .count()
    }

    /// The whole vocabulary (model and, optionally, added tokens).
    pub fn get_vocab(&self, with_added_tokens: bool) -> HashMap<String, u32> {
        let mut v = self.model.get_vocab();
        if with_added_tokens {
            for (k, id) in self.added_vocabulary.get_vocab() {
                v.insert(k.clone(), *id);
            }
        }
        v
    }

    /// Id of `token` (added tokens first, then the model).
    pub fn token_to_id(&self, token: &str) -> Option<u32> {
        self.added_vocabulary.token_to_id(token, &self.model)
    }

    /// Token string of `id` (added tokens first, then the model).
    pub fn id_to_token(&self, id: u32) -> Option<String> {
        self.added_vocabulary
            .simple_id_to_token(id)
            .map(str::to_owned)
            .or_else(|| self.model.id_to_token(id))
    }

    fn encode_str(
        &self,
        text: &str,
        word_idx: Option<u32>,
        type_id: u32,
        offset_type: OffsetType,
        fast: bool,
    ) -> Result<Encoding> {
        let fast = if fast {
            full_fast::encode_str_fast(self, text, word_idx, type_id)
        } else {
            None
        };
        let mut encoding = match fast {
            Some(encoding) => encoding?,
            None => self.encode_str_general(text, word_idx, type_id)?,
        };
        if offset_type == OffsetType::Char {
            let conv = CharOffsets::new(text);
            for o in encoding.offsets.iter_mut() {
                *o = conv.convert(*o);
            }
        }
        Ok(encoding)
    }

    /// The general path of `encode_str`, with full alignment tracking.
    fn encode_str_general(
        &self,
        text: &str,
        word_idx: Option<u32>,
        type_id: u32,
    ) -> Result<Encoding> {
        let mut pretok = self
            .added_vocabulary
            .extract_and_normalize(self.normalizer.as_ref(), text)?;
        if let Some(pt) = &self.pre_tokenizer {
            pt.pre_tokenize(&mut pretok)?;
        }
        pretok.tokenize(|n| self.model.tokenize(n.get()))?;
        pretok.into_encoding(word_idx, type_id)
    }

    fn encode_sequence(
        &self,
        seq: &InputSequence<'_>,
        type_id: u32,
        offset_type: OffsetType,
        fast: bool,
    ) -> Result<Encoding> {
        match seq {
            InputSequence::Raw(s) => self.encode_str(s, None, type_id, offset_type, fast),
            InputSequence::PreTokenized(words) => {
                let encodings = words
                    .iter()
                    .enumerate()
                    .map(|(i, w)| self.encode_str(w, Some(i as u32), type_id, offset_type, fast))
                    .collect::<Result<Vec<_>>>()?;
                Ok(Encoding::merge(encodings, false))
            }
        }
    }

    fn encode_impl<'s>(
        &self,
        input: EncodeInput<'s>,
        add_special_tokens: bool,
        offset_type: OffsetType,
        fast: bool,
    ) -> Result<Encoding> {
        let (first, pair) = match &input {
            EncodeInput::Single(a) => (a, None),
            EncodeInput::Dual(a, b) => (a, Some(b)),
        };
        let size = |seq: &InputSequence<'_>| match seq {
            InputSequence::Raw(s) => s.len(),
            InputSequence::PreTokenized(w) => w.iter().map(String::len).sum(),
        };
        self.check_input_size(size(first) + pair.map_or(0, size))?;
        let encoding = self.encode_sequence(first, 0, offset_type, fast)?;
        let pair = pair
            .map(|p| self.encode_sequence(p, 1, offset_type, fast))
            .transpose()?;
        crate::processors::post_process(
            self.post_processor.as_ref(),
            self.truncation.as_ref(),
            self.padding.as_ref(),
            encoding,
            pair,
            add_special_tokens,
        )
    }

    /// Encodes a sequence, a pair or pre-tokenized words; offsets are bytes.
    pub fn encode<'s>(
        &self,
        input: impl Into<EncodeInput<'s>>,
        add_special_tokens: bool,
    ) -> Result<Encoding> {
        self.encode_impl(input.into(), add_special_tokens, OffsetType::Byte, true)
    }

    /// Whether a long text given to [`encode_ids`](Self::encode_ids) is cut into chunks
    /// encoded on the rayon pool (with at least two threads); the tests use it to show that
    /// the parallel path is the one they compare.
    #[doc(hidden)]
    pub fn splits_long_inputs(&self) -> bool {
        long_input::cut_mode(self).is_some()
    }

    /// [`encode`](Self::encode) through the general path only (full alignment tracking for
    /// every piece, no fast path): the reference the fast path is tested against.
    #[doc(hidden)]
    pub fn encode_general<'s>(
        &self,
        input: impl Into<EncodeInput<'s>>,
        add_special_tokens: bool,
    ) -> Result<Encoding> {
        self.encode_impl(input.into(), add_special_tokens, OffsetType::Byte, false)
    }

    /// Like [`encode`](Self::encode), with offsets in chars (Unicode scalar values).
    pub fn encode_char_offsets<'s>(
        &self,
        input: impl Into<EncodeInput<'s>>,
        add_special_tokens: bool,
    ) -> Result<Encoding> {
        self.encode_impl(input.into(), add_special_tokens, OffsetType::Char, true)
    }

    fn encode_batch_impl<'s, E>(
        &self,
        inputs: Vec<E>,
        add_special_tokens: bool,
        offset_type: OffsetType,
    ) -> Result<Vec<Encoding>>
    where
        E: Into<EncodeInput<'s>> + Send,
    {
        let mut encodings = inputs
            .into_par_iter()
            .map(|i| self.encode_impl(i.into(), add_special_tokens, offset_type, true))
            .collect::<Result<Vec<_>>>()?;
        if let Some(padding) = &self.padding {
            pad_encodings(&mut encodings, padding)?;
        }
        Ok(encodings)
    }

    /// Encodes many inputs in parallel (order kept; results equal sequential `encode`).
    pub fn encode_batch<'s, E>(
        &self,
        inputs: Vec<E>,
        add_special_tokens: bool,
    ) -> Result<Vec<Encoding>>
    where
        E: Into<EncodeInput<'s>> + Send,
    {
        self.encode_batch_impl(inputs, add_special_tokens, OffsetType::Byte)
    }

    /// Like [`encode_batch`](Self::encode_batch), with char offsets.
    pub fn encode_batch_char_offsets<'s, E>(
        &self,
        inputs: Vec<E>,
        add_special_tokens: bool,
    ) -> Result<Vec<Encoding>>
    where
        E: Into<EncodeInput<'s>> + Send,
    {
        self.encode_batch_impl(inputs, add_special_tokens, OffsetType::Char)
    }

    /// Refuses inputs beyond [`with_max_input_bytes`](Self::with_max_input_bytes).
    fn check_input_size(&self, total: usize) -> Result<()> {
        match self.max_input_bytes {
            Some(max) if total > max => Err(Error::encode(format!(
                "the input has {total} bytes, more than the limit of {max} bytes per call \
                 (see `Tokenizer::with_max_input_bytes`)"
            ))),
            _ => Ok(()),
        }
    }

    /// The ids of [`encode`](Self::encode) for any input, without building the
    /// [`Encoding`] when possible: a single raw text goes through
    /// [`encode_ids_into`](Self::encode_ids_into); pairs and pre-tokenized input go through
    /// `encode`.
    pub fn encode_ids<'s>(
        &self,
        input: impl Into<EncodeInput<'s>>,
        add_special_tokens: bool,
    ) -> Result<Vec<u32>> {
        match input.into() {
            EncodeInput::Single(InputSequence::Raw(text)) => {
                let mut out = Vec::with_capacity(text.len() / 3 + 4);
                self.encode_ids_into(&text, add_special_tokens, &mut out)?;
                Ok(out)
            }
            other => Ok(self.encode(other, add_special_tokens)?.get_ids().to_vec()),
        }
    }

    /// Writes the ids of `encode(text)` into `out` (cleared first), reusing its memory.
    ///
    /// No alignment, offset or token string is built when the pipeline allows it (see
    /// the `ids` module docs); otherwise this runs `encode`. A text of 256 KiB or more is
    /// cut into chunks encoded on the rayon pool when the configuration makes the cuts
    /// exact (most byte-level BPE, WordPiece, SentencePiece-style and T5-style files).
    /// Results are always equal to `encode(text, add_special_tokens)?.get_ids()`.
    pub fn encode_ids_into(
        &self,
        text: &str,
        add_special_tokens: bool,
        out: &mut Vec<u32>,
    ) -> Result<()> {
        out.clear();
        self.check_input_size(text.len())?;
        if text.len() >= long_input::PARALLEL_MIN_BYTES {
            if let Some(result) =
                long_input::encode_ids_parallel(self, text, add_special_tokens, out)
            {
                return result;
            }
        }
        if let Some(result) = ids::encode_ids_fast(self, text, add_special_tokens, out) {
            if result.is_err() {
                out.clear();
            }
            return result;
        }
        // The fast path may have written some ids before finding it does not apply.
        out.clear();
        let encoding = self.encode(text, add_special_tokens)?;
        out.extend_from_slice(encoding.get_ids());
        Ok(())
    }

    /// The ids of many texts, encoded in parallel; order kept, results equal to
    /// [`encode_ids`](Self::encode_ids) one by one (with padding, the batch is padded as
    /// [`encode_batch`](Self::encode_batch) does).
    pub fn encode_batch_ids<S: AsRef<str> + Sync>(
        &self,
        texts: &[S],
        add_special_tokens: bool,
    ) -> Result<Vec<Vec<u32>>> {
        if let Some(params) = &self.padding {
            // Each text's ids on the fast path, then the batch padded as a whole; any text
            // the fast path does not take (or an error) sends the batch to `encode_batch`.
            let fast: Option<Vec<Vec<u32>>> = texts
                .par_iter()
                .map(|t| {
                    let text = t.as_ref();
                    self.check_input_size(text.len()).ok()?;
                    let mut out = Vec::with_capacity(text.len() / 3 + 4);
                    ids::encode_ids_unpadded(self, text, add_special_tokens, &mut out)?
                        .ok()
                        .map(|()| out)
                })
                .collect();
            if let Some(mut batch) = fast {
                if crate::utils::padding::pad_ids(&mut batch, params) {
                    return Ok(batch);
                }
            }
            let inputs: Vec<&str> = texts.iter().map(AsRef::as_ref).collect();
            return Ok(self
                .encode_batch(inputs, add_special_tokens)?
                .into_iter()
                .map(|e| e.get_ids().to_vec())
                .collect());
        }
        texts
            .par_iter()
            .map(|t| {
                let text = t.as_ref();
                let mut out = Vec::with_capacity(text.len() / 3 + 4);
                self.encode_ids_into(text, add_special_tokens, &mut out)?;
                Ok(out)
            })
            .collect()
    }

    /// Decodes ids into text; unknown ids are skipped, as the reference does.
    pub fn decode(&self, ids: &[u32], skip_special_tokens: bool) -> Result<String> {
        let plan = self.decode_plan.get_or_init(|| DecodePlan::build(self));
        if let Some(text) = plan
            .as_ref()
            .and_then(|p| p.decode(self, ids, skip_special_tokens))
        {
            return Ok(text);
        }
        self.decode_general(ids, skip_special_tokens)
    }

    /// [`decode`](Self::decode) through the general path only (token strings through the
    /// decoder chain, no compiled plan): the reference the compiled plan is tested against.
    #[doc(hidden)]
    pub fn decode_general(&self, ids: &[u32], skip_special_tokens: bool) -> Result<String> {
        let tokens: Vec<String> = ids
            .iter()
            .filter_map(|&id| {
                let token = self.id_to_token(id)?;
                if skip_special_tokens && self.added_vocabulary.is_special_token(&token) {
                    None
                } else {
                    Some(token)
                }
            })
            .collect();
        match &self.decoder {
            Some(d) => d.decode(tokens),
            None => Ok(tokens.join(" ")),
        }
    }

    /// Decodes many id sequences in parallel.
    pub fn decode_batch(
        &self,
        sequences: &[&[u32]],
        skip_special_tokens: bool,
    ) -> Result<Vec<String>> {
        sequences
            .par_iter()
            .map(|ids| self.decode(ids, skip_special_tokens))
            .collect()
    }

    /// A streaming decoder: feed ids one at a time, get text as soon as it is complete.
    pub fn decode_stream(&self, skip_special_tokens: bool) -> DecodeStream<'_> {
        DecodeStream {
            tokenizer: self,
            skip_special_tokens,
            ids: Vec::new(),
            prefix: String::new(),
            prefix_index: 0,
        }
    }
}

/// Incremental decoding, step for step like the reference's `DecodeStream`: each step
/// returns the new text, or `None` while the text so far ends in an incomplete character.
#[derive(Debug, Clone)]
pub struct DecodeStream<'t> {
    tokenizer: &'t Tokenizer,
    skip_special_tokens: bool,
    ids: Vec<u32>,
    prefix: String,
    prefix_index: usize,
}

impl DecodeStream<'_> {
    /// Feeds one id.
    pub fn step(&mut self, id: u32) -> Result<Option<String>> {
        let tok = self.tokenizer;
        if self.prefix.is_empty() && !self.ids.is_empty() {
            let new_prefix = tok.decode(&self.ids, self.skip_special_tokens)?;
            if !new_prefix.ends_with('\u{FFFD}') {
                self.prefix = new_prefix;
                self.prefix_index = self.ids.len();
            }
        }
        self.ids.push(id);
        let string = tok.decode(&self.ids, self.skip_special_tokens)?;
        if string.len() > self.prefix.len() && !string.ends_with('\u{FFFD}') {
            let Some(new_text) = string.strip_prefix(self.prefix.as_str()) else {
                return Err(Error::decode(
                    "stream decoding: the decoded text no longer starts with the previous text",
                ));
            };
            let new_text = new_text.to_owned();
            let new_prefix_index = self.ids.len() - self.prefix_index;
            self.ids.drain(..self.prefix_index);
            self.prefix = tok.decode(&self.ids, self.skip_special_tokens)?;
            self.prefix_index = new_prefix_index;
            Ok(Some(new_text))
        } else {
            Ok(None)
        }
    }
}

/// Byte → char offset conversion for one input string.
struct CharOffsets {
    /// For each byte position, the index of the char containing it; `None` when all ASCII.
    map: Option<Vec<usize>>,
}

impl CharOffsets {
    fn new(s: &str) -> Self {
        if s.is_ascii() {
            return CharOffsets { map: None };
        }
        let mut map = Vec::with_capacity(s.len());
        for (i, c) in s.chars().enumerate() {
            map.extend(std::iter::repeat_n(i, c.len_utf8()));
        }
        CharOffsets { map: Some(map) }
    }

    /// Mirrors the reference: the end maps through the char before it when it is the end of
    /// the string; offsets that cannot be mapped are left as they are.
    fn convert(&self, (start, end): (usize, usize)) -> (usize, usize) {
        let Some(map) = &self.map else {
            return (start, end);
        };
        match (map.get(start), map.get(end)) {
            (Some(&s), Some(&e)) => (s, e),
            (Some(&s), None) => {
                let last = end
                    .checked_sub(1)
                    .and_then(|i| map.get(i))
                    .copied()
                    .unwrap_or(s + 1);
                (s, last + 1)
            }
            _ => (start, end),
        }
    }
}
