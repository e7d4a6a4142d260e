//! String-only pre-tokenization for the ids fast path of the tokenizer.
//!
//! Most published tokenizers use pre-tokenizers that only *cut* the normalized text (GPT-2,
//! cl100k/Qwen2 scanners, BERT, whitespace) followed, at most, by one step that rewrites each
//! piece (byte-level mapping, Metaspace). For those, the pieces the model sees depend on the
//! text alone, so they can be produced as plain `&str` ranges without building a
//! [`crate::NormalizedString`] (and its per-byte alignment vector) per piece.
//!
//! [`StrPlan::from_pre_tokenizer`] recognizes such configurations and returns `None` for any
//! other (the caller then runs the full pipeline). Invariants, each matching the full path:
//! - every cutting step tiles or sub-ranges its input exactly like the corresponding
//!   pre-tokenizer, and empty pieces are dropped (as `PreTokenizedString::split` does);
//! - the final step is applied to each piece separately, in order;
//! - byte-level pieces are handed to the model *unmapped*, with a flag: the model's input is
//!   the byte-level spelling of those bytes (the caller maps on a cache miss only).
//!
//! Measured reason: on English prose the full path spends most of its time in alignment
//! bookkeeping of `slice`/`transform`; skipping it is what lets the ids path run at hundreds
//! of MB/s.

use super::bert::bert_pieces;
use super::byte_level::gpt2_pieces;
use super::metaspace::PrependScheme;
use super::whitespace::{non_whitespace_runs, word_runs};
use super::PreTokenizerWrapper;
use crate::Result;

/// A step that only cuts text into pieces.
#[derive(Debug, Clone, Copy)]
enum Cutter {
    /// The GPT-2 pattern.
    Gpt2,
    /// The cl100k-family pattern with this many digits per number.
    Cl100k(usize),
    /// `BertPreTokenizer`.
    Bert,
    /// `WhitespaceSplit`.
    WhitespaceSplit,
    /// `Whitespace`.
    Whitespace,
}

impl Cutter {
    fn ranges(self, s: &str) -> Vec<(usize, usize)> {
        match self {
            Cutter::Gpt2 => gpt2_pieces(s),
            Cutter::Cl100k(n) => super::split::cl100k_pieces(s, n),
            Cutter::Bert => bert_pieces(s),
            Cutter::WhitespaceSplit => non_whitespace_runs(s),
            Cutter::Whitespace => word_runs(s),
        }
    }
}

/// What happens to each piece after the cuts.
#[derive(Debug, Clone, Copy)]
enum Finish {
    /// The piece goes to the model as is.
    Plain,
    /// `ByteLevel`: optional leading space, optional GPT-2 cut, byte-level spelling.
    ByteLevel { prefix_space: bool, regex: bool },
    /// `Metaspace` with the `always` or `never` scheme.
    Metaspace {
        replacement: char,
        prepend: bool,
        split: bool,
    },
}

/// A pre-tokenizer reduced to string operations; see the module docs.
#[derive(Debug, Clone)]
pub(crate) struct StrPlan {
    cutters: Vec<Cutter>,
    finish: Finish,
}

impl StrPlan {
    /// The plan of `pre_tokenizer` (`None`: no pre-tokenizer), if it has one.
    pub(crate) fn from_pre_tokenizer(pre_tokenizer: Option<&PreTokenizerWrapper>) -> Option<Self> {
        let mut plan = StrPlan {
            cutters: Vec::new(),
            finish: Finish::Plain,
        };
        let Some(pt) = pre_tokenizer else {
            return Some(plan);
        };
        let steps: &[PreTokenizerWrapper] = match pt {
            PreTokenizerWrapper::Sequence(seq) => &seq.pretokenizers,
            other => std::slice::from_ref(other),
        };
        let (last, cutters) = steps.split_last()?;
        for step in cutters {
            plan.cutters.push(cutter(step)?);
        }
        match last {
            PreTokenizerWrapper::ByteLevel(b) => {
                plan.finish = Finish::ByteLevel {
                    prefix_space: b.add_prefix_space,
                    regex: b.use_regex,
                }
            }
            PreTokenizerWrapper::Metaspace(m) => {
                let prepend = match m.prepend_scheme {
                    PrependScheme::Always => true,
                    PrependScheme::Never => false,
                    // Depends on original offsets: not a string-only operation.
                    PrependScheme::First => return None,
                };
                plan.finish = Finish::Metaspace {
                    replacement: m.replacement(),
                    prepend,
                    split: m.split,
                }
            }
            other => plan.cutters.push(cutter(other)?),
        }
        Some(plan)
    }

    /// Whether every piece ends before a space that follows an ASCII graphic character and
    /// precedes one, and a piece starts at that space, whatever the rest of the text: true
    /// when some step cuts (every cutter splits around such spaces, and none of their
    /// pieces extends over one), or when Metaspace splits before each `▁`. A byte-level or
    /// Metaspace prefix goes only to pieces not starting with a space or `▁`.
    pub(crate) fn splits_before_spaces(&self) -> bool {
        !self.cutters.is_empty()
            || matches!(
                self.finish,
                Finish::ByteLevel { regex: true, .. } | Finish::Metaspace { split: true, .. }
            )
    }

    /// Whether the pieces are handed over unmapped for a byte-level model input.
    pub(crate) fn byte_level(&self) -> bool {
        matches!(self.finish, Finish::ByteLevel { .. })
    }

    /// Calls `f` on every non-empty piece of `s`, in order; `scratch` is working memory.
    pub(crate) fn for_each_piece(
        &self,
        s: &str,
        scratch: &mut String,
        f: &mut dyn FnMut(&str) -> Result<()>,
    ) -> Result<()> {
        self.cut(&self.cutters, s, scratch, f)
    }

    fn cut(
        &self,
        cutters: &[Cutter],
        s: &str,
        scratch: &mut String,
        f: &mut dyn FnMut(&str) -> Result<()>,
    ) -> Result<()> {
        if s.is_empty() {
            return Ok(());
        }
        let Some((first, rest)) = cutters.split_first() else {
            return self.finish(s, scratch, f);
        };
        for (a, b) in first.ranges(s) {
            if let Some(piece) = s.get(a..b) {
                self.cut(rest, piece, scratch, f)?;
            }
        }
        Ok(())
    }

    fn finish(
        &self,
        s: &str,
        scratch: &mut String,
        f: &mut dyn FnMut(&str) -> Result<()>,
    ) -> Result<()> {
        match self.finish {
            Finish::Plain => f(s),
            Finish::ByteLevel {
                prefix_space,
                regex,
            } => {
                let text = if prefix_space && !s.starts_with(' ') {
                    scratch.clear();
                    scratch.push(' ');
                    scratch.push_str(s);
                    &*scratch
                } else {
                    s
                };
                if !regex {
                    return f(text);
                }
                for (a, b) in gpt2_pieces(text) {
                    if let Some(piece) = text.get(a..b) {
                        f(piece)?;
                    }
                }
                Ok(())
            }
            Finish::Metaspace {
                replacement,
                prepend,
                split,
            } => {
                scratch.clear();
                if prepend && !s.starts_with(replacement) && !s.starts_with(' ') {
                    scratch.push(replacement);
                }
                for c in s.chars() {
                    scratch.push(if c == ' ' { replacement } else { c });
                }
                let text = &*scratch;
                if !split {
                    return f(text);
                }
                let mut start = 0;
                for (i, _) in text.match_indices(replacement) {
                    if i > start {
                        f(&text[start..i])?;
                    }
                    start = i;
                }
                if start < text.len() {
                    f(&text[start..])?;
                }
                Ok(())
            }
        }
    }
}

/// The cutting step of `step`, if it is one.
fn cutter(step: &PreTokenizerWrapper) -> Option<Cutter> {
    match step {
        PreTokenizerWrapper::BertPreTokenizer(_) => Some(Cutter::Bert),
        PreTokenizerWrapper::WhitespaceSplit(_) => Some(Cutter::WhitespaceSplit),
        PreTokenizerWrapper::Whitespace(_) => Some(Cutter::Whitespace),
        PreTokenizerWrapper::Split(split) => match split.scanner_digits()? {
            None => Some(Cutter::Gpt2),
            Some(n) => Some(Cutter::Cl100k(n)),
        },
        _ => None,
    }
}
