//! Post-processors: the last pipeline stage, which adds special tokens, sets type ids and
//! sequence ids, and combines the encodings of a pair into one.
//!
//! Every processor works in two stages, as the reference does:
//! 1. [`PostProcessor::process`] gives each input encoding its sequence id (also on its
//!    overflowing windows) and type ids equal to its index (0, then 1 for the pair);
//! 2. [`Processor::process_encodings`] turns that list into a list of parts (possibly with
//!    special tokens), and the parts are concatenated with [`Encoding::merge`], which also
//!    combines their overflowing windows.
//!
//! [`Sequence`] chains the second stage of several processors. [`post_process`] is the whole
//! step as the tokenizer runs it for one input: truncation (leaving room for the special
//! tokens), the processor (or the default merge), then padding of this one encoding.

pub mod bert;
pub mod byte_level;
pub mod roberta;
pub mod template;

pub use bert::BertProcessing;
pub use byte_level::ByteLevel;
pub use roberta::RobertaProcessing;
pub use template::TemplateProcessing;

use crate::utils::padding::{pad_encodings, PaddingParams};
use crate::utils::truncation::{truncate_encodings, TruncationParams};
use crate::{Encoding, PostProcessor, Result};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// The list stage of a post-processor (see the module documentation).
pub trait Processor {
    /// How many tokens processing adds for a single sequence or a pair.
    fn added(&self, is_pair: bool) -> usize;
    /// Turns the prepared input encodings into the parts to concatenate.
    fn process_encodings(
        &self,
        encodings: Vec<Encoding>,
        add_special_tokens: bool,
    ) -> Result<Vec<Encoding>>;
}

impl<P: Processor> PostProcessor for P {
    fn added_tokens(&self, is_pair: bool) -> usize {
        self.added(is_pair)
    }

    fn process(
        &self,
        encoding: Encoding,
        pair: Option<Encoding>,
        add_special_tokens: bool,
    ) -> Result<Encoding> {
        let mut encodings = Vec::with_capacity(2);
        encodings.push(encoding);
        encodings.extend(pair);
        for (i, e) in encodings.iter_mut().enumerate() {
            e.set_sequence_id(i);
            for o in e.get_overflowing_mut() {
                o.set_sequence_id(i);
            }
            e.fill_type_ids(i as u32);
        }
        let parts = self.process_encodings(encodings, add_special_tokens)?;
        Ok(Encoding::merge(parts, false))
    }
}

/// Runs several processors one after the other on the list of parts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sequence {
    /// The processors, in order.
    pub processors: Vec<PostProcessorWrapper>,
}

impl Processor for Sequence {
    fn added(&self, is_pair: bool) -> usize {
        self.processors.iter().map(|p| p.added(is_pair)).sum()
    }

    fn process_encodings(
        &self,
        mut encodings: Vec<Encoding>,
        add_special_tokens: bool,
    ) -> Result<Vec<Encoding>> {
        for p in &self.processors {
            encodings = p.process_encodings(encodings, add_special_tokens)?;
        }
        Ok(encodings)
    }
}

/// Any post-processor of a `tokenizer.json` (its `post_processor` section).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type")]
pub enum PostProcessorWrapper {
    /// Template of special tokens and sequences.
    TemplateProcessing(TemplateProcessing),
    /// `[CLS] A [SEP] B [SEP]`.
    BertProcessing(BertProcessing),
    /// `<s> A </s> </s> B </s>` with byte-level offset trimming.
    RobertaProcessing(RobertaProcessing),
    /// Byte-level offset trimming only.
    ByteLevel(ByteLevel),
    /// Several processors in a row.
    Sequence(Sequence),
}

crate::utils::tagged::tagged_deserialize!(
    PostProcessorWrapper,
    "a post-processor: an object with a `type`",
    TemplateProcessing,
    BertProcessing,
    RobertaProcessing,
    ByteLevel,
    Sequence,
);

impl Processor for PostProcessorWrapper {
    fn added(&self, is_pair: bool) -> usize {
        match self {
            PostProcessorWrapper::TemplateProcessing(p) => p.added(is_pair),
            PostProcessorWrapper::BertProcessing(p) => p.added(is_pair),
            PostProcessorWrapper::RobertaProcessing(p) => p.added(is_pair),
            PostProcessorWrapper::ByteLevel(p) => p.added(is_pair),
            PostProcessorWrapper::Sequence(p) => p.added(is_pair),
        }
    }

    fn process_encodings(
        &self,
        encodings: Vec<Encoding>,
        add_special_tokens: bool,
    ) -> Result<Vec<Encoding>> {
        match self {
            PostProcessorWrapper::TemplateProcessing(p) => {
                p.process_encodings(encodings, add_special_tokens)
            }
            PostProcessorWrapper::BertProcessing(p) => {
                p.process_encodings(encodings, add_special_tokens)
            }
            PostProcessorWrapper::RobertaProcessing(p) => {
                p.process_encodings(encodings, add_special_tokens)
            }
            PostProcessorWrapper::ByteLevel(p) => {
                p.process_encodings(encodings, add_special_tokens)
            }
            PostProcessorWrapper::Sequence(p) => p.process_encodings(encodings, add_special_tokens),
        }
    }
}

impl PostProcessorWrapper {
    /// For a single sequence: the ids put before and after it, when processing only wraps
    /// it that way (every processor but a [`Sequence`] of several wrapping processors).
    /// `None` when the result is not such a wrapping.
    pub(crate) fn single_affixes(&self, add_special_tokens: bool) -> Option<(Vec<u32>, Vec<u32>)> {
        let (prefix, suffix) = match self {
            PostProcessorWrapper::ByteLevel(_) => (Vec::new(), Vec::new()),
            PostProcessorWrapper::BertProcessing(p) => (vec![p.cls.1], vec![p.sep.1]),
            PostProcessorWrapper::RobertaProcessing(p) => (vec![p.cls.1], vec![p.sep.1]),
            PostProcessorWrapper::TemplateProcessing(t) => t.single_affixes()?,
            PostProcessorWrapper::Sequence(seq) => {
                // Byte-level steps keep the parts as they are; one wrapping step is allowed.
                let mut wrapping = seq
                    .processors
                    .iter()
                    .filter(|p| !matches!(p, PostProcessorWrapper::ByteLevel(_)));
                return match (wrapping.next(), wrapping.next()) {
                    (None, _) => Some((Vec::new(), Vec::new())),
                    (Some(p), None) => p.single_affixes(add_special_tokens),
                    _ => None,
                };
            }
        };
        if add_special_tokens {
            Some((prefix, suffix))
        } else {
            Some((Vec::new(), Vec::new()))
        }
    }
}

/// What the tokenizer does without a post-processor: a pair is concatenated after giving its
/// two parts sequence ids 0 and 1; a single encoding is returned as it is.
pub fn default_process(encoding: Encoding, pair: Option<Encoding>) -> Encoding {
    match pair {
        None => encoding,
        Some(mut pair) => {
            let mut encoding = encoding;
            encoding.set_sequence_id(0);
            pair.set_sequence_id(1);
            encoding.merge_with(pair, false);
            encoding
        }
    }
}

/// The post-processing step of encoding one input (`pair` for a pair of sequences).
///
/// 1. Truncation, when configured. When special tokens are requested and the processor adds
///    some, they are subtracted from `max_length` first; if that would go below zero the
///    budget wraps around and nothing is truncated (the reference's behaviour).
/// 2. The processor, or [`default_process`] without one.
/// 3. Padding of this encoding alone, when configured (a batch is padded again as a whole
///    with [`pad_encodings`]).
///
/// `encoding` must carry type id 0 and `pair` type id 1 on their tokens.
pub fn post_process(
    processor: Option<&PostProcessorWrapper>,
    truncation: Option<&TruncationParams>,
    padding: Option<&PaddingParams>,
    encoding: Encoding,
    pair: Option<Encoding>,
    add_special_tokens: bool,
) -> Result<Encoding> {
    let (encoding, pair) = match truncation {
        Some(params) => {
            let added = processor.map_or(0, |p| p.added(pair.is_some()));
            if add_special_tokens && added > 0 {
                let reduced = TruncationParams {
                    max_length: params.max_length.wrapping_sub(added),
                    ..params.clone()
                };
                truncate_encodings(encoding, pair, &reduced)?
            } else {
                truncate_encodings(encoding, pair, params)?
            }
        }
        None => (encoding, pair),
    };

    let processed = match processor {
        Some(p) => p.process(encoding, pair, add_special_tokens)?,
        None => default_process(encoding, pair),
    };

    match padding {
        Some(params) => {
            let mut one = [processed];
            pad_encodings(&mut one, params)?;
            let [processed] = one;
            Ok(processed)
        }
        None => Ok(processed),
    }
}

/// Copies `enc` between an optional `prefix` token and a `suffix` token (both special:
/// offsets `(0, 0)`, no word, special mask 1), recording `seq_id` over the copied tokens.
/// Type ids are `prefix_type`, those of `enc`, `suffix_type`, or all 0 with `zero_types`.
/// Overflowing windows are not copied.
pub(crate) fn surround(
    enc: &Encoding,
    prefix: Option<&(String, u32)>,
    suffix: &(String, u32),
    (prefix_type, suffix_type): (u32, u32),
    zero_types: bool,
    seq_id: usize,
) -> Encoding {
    let n = enc.len();
    let total = n + 1 + usize::from(prefix.is_some());
    let mut out = Encoding::with_capacity(total);
    let start = usize::from(prefix.is_some());
    let push_special = |out: &mut Encoding, tok: &(String, u32), type_id: u32| {
        out.ids.push(tok.1);
        out.type_ids.push(if zero_types { 0 } else { type_id });
        out.tokens.push(&tok.0);
        out.words.push(None);
        out.offsets.push((0, 0));
        out.special_tokens_mask.push(1);
        out.attention_mask.push(1);
    };
    if let Some(p) = prefix {
        push_special(&mut out, p, prefix_type);
    }
    out.ids.extend_from_slice(&enc.ids);
    if zero_types {
        out.type_ids.extend(std::iter::repeat_n(0, n));
    } else {
        out.type_ids.extend_from_slice(&enc.type_ids);
    }
    out.tokens.extend_from(&enc.tokens);
    out.words.extend_from_slice(&enc.words);
    out.offsets.extend_from_slice(&enc.offsets);
    out.special_tokens_mask.extend(std::iter::repeat_n(0, n));
    out.attention_mask.extend(std::iter::repeat_n(1, n));
    push_special(&mut out, suffix, suffix_type);
    out.sequence_ranges = HashMap::from([(seq_id, start..start + n)]);
    out
}

#[cfg(test)]
mod tests;
