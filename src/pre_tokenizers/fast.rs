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
use super::metaspace::PrependScheme;
use super::scan::{Cl100kScan, Gpt2Scan};
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

    /// Whether the pieces are handed over unmapped for a byte-level model input.
    pub(crate) fn byte_level(&self) -> bool {
        matches!(self.finish, Finish::ByteLevel { .. })
    }

    /// Calls `f` on every non-empty piece of `s`, in order; `scratch` is working memory.
    pub(crate) fn for_each_piece<F>(&self, s: &str, scratch: &mut String, f: &mut F) -> Result<()>
    where
        F: FnMut(&str) -> Result<()> + ?Sized,
    {
        self.cut(&self.cutters, s, scratch, f)
    }

    fn cut<F>(&self, cutters: &[Cutter], s: &str, scratch: &mut String, f: &mut F) -> Result<()>
    where
        F: FnMut(&str) -> Result<()> + ?Sized,
    {
        if s.is_empty() {
            return Ok(());
        }
        let Some((first, rest)) = cutters.split_first() else {
            return self.finish(s, scratch, f);
        };
        let mut each = |ranges: &mut dyn Iterator<Item = (usize, usize)>| -> Result<()> {
            for (a, b) in ranges {
                if let Some(piece) = s.get(a..b) {
                    self.cut(rest, piece, scratch, f)?;
                }
            }
            Ok(())
        };
        match *first {
            // The common last cutters run without a dynamic call per piece.
            Cutter::Gpt2 if rest.is_empty() => {
                for (a, b) in Gpt2Scan::new(s) {
                    if let Some(piece) = s.get(a..b) {
                        self.finish(piece, scratch, f)?;
                    }
                }
                Ok(())
            }
            Cutter::Cl100k(n) if rest.is_empty() => {
                for (a, b) in Cl100kScan::new(s, n) {
                    if let Some(piece) = s.get(a..b) {
                        self.finish(piece, scratch, f)?;
                    }
                }
                Ok(())
            }
            Cutter::Gpt2 => each(&mut Gpt2Scan::new(s)),
            Cutter::Cl100k(n) => each(&mut Cl100kScan::new(s, n)),
            Cutter::Bert => each(&mut bert_pieces(s).into_iter()),
            Cutter::WhitespaceSplit => each(&mut non_whitespace_runs(s).into_iter()),
            Cutter::Whitespace => each(&mut word_runs(s).into_iter()),
        }
    }

    #[inline]
    fn finish<F>(&self, s: &str, scratch: &mut String, f: &mut F) -> Result<()>
    where
        F: FnMut(&str) -> Result<()> + ?Sized,
    {
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
                for (a, b) in Gpt2Scan::new(text) {
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
