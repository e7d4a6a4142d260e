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
//!
//! The cutters are iterators ([`super::scan`]) and the piece callback is generic, so the
//! last cutter, the finishing step and the caller's per-piece work compile into one loop;
//! a Metaspace piece with neither a space nor the replacement char inside (every piece
//! of a whitespace split) is one piece and skips the char-by-char rewrite. Measured
//! reason: range vectors, a dynamic call per piece and the rewrite cost t5-small ~90
//! instructions per byte (209 → 118 with the Precompiled change) and bert 107 → 73.
//! The finishing steps that pass pieces on unchanged are inlined into the cutter's loop.
//! Measured reason: a call per piece cost llama3/qwen2.5 ~8 instructions per byte. The
//! ids path passes a [`PieceSink`] whose per-piece work is forced inline (a closure was
//! left out of line): gpt2 47 → 41 instructions per byte.

use super::metaspace::PrependScheme;
use super::scan::{BertPieces, Cl100kScan, Gpt2Scan, NonSpaceRuns};
use super::whitespace::word_runs;
use super::PreTokenizerWrapper;
use crate::Result;

/// What receives the pieces of a [`StrPlan`], in order.
pub(crate) trait PieceSink {
    /// Takes the next piece.
    fn piece(&mut self, piece: &str) -> Result<()>;
}

impl<F: FnMut(&str) -> Result<()> + ?Sized> PieceSink for F {
    #[inline(always)]
    fn piece(&mut self, piece: &str) -> Result<()> {
        self(piece)
    }
}

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
    /// The Metaspace replacement char, encoded (empty for other finishing steps).
    replacement: String,
}

impl StrPlan {
    /// The plan of `pre_tokenizer` (`None`: no pre-tokenizer), if it has one.
    pub(crate) fn from_pre_tokenizer(pre_tokenizer: Option<&PreTokenizerWrapper>) -> Option<Self> {
        let mut plan = StrPlan {
            cutters: Vec::new(),
            finish: Finish::Plain,
            replacement: String::new(),
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
                plan.replacement = m.replacement().to_string();
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
    /// Any `FnMut(&str) -> Result<()>` closure is a [`PieceSink`].
    pub(crate) fn for_each_piece<S>(&self, s: &str, scratch: &mut String, f: &mut S) -> Result<()>
    where
        S: PieceSink + ?Sized,
    {
        self.cut(&self.cutters, s, scratch, f)
    }

    fn cut<F>(&self, cutters: &[Cutter], s: &str, scratch: &mut String, f: &mut F) -> Result<()>
    where
        F: PieceSink + ?Sized,
    {
        if s.is_empty() {
            return Ok(());
        }
        let Some((first, rest)) = cutters.split_first() else {
            return self.finish(s, scratch, f);
        };
        if rest.is_empty() {
            // The last cutter hands its pieces straight to the finishing step.
            return match *first {
                Cutter::Gpt2 => self.finish_all(s, Gpt2Scan::new(s), scratch, f),
                Cutter::Cl100k(n) => self.finish_all(s, Cl100kScan::new(s, n), scratch, f),
                Cutter::Bert => self.finish_all(s, BertPieces::new(s), scratch, f),
                Cutter::WhitespaceSplit => self.finish_all(s, NonSpaceRuns::new(s), scratch, f),
                Cutter::Whitespace => self.finish_all(s, word_runs(s).into_iter(), scratch, f),
            };
        }
        let mut each = |ranges: &mut dyn Iterator<Item = (usize, usize)>| -> Result<()> {
            for (a, b) in ranges {
                if let Some(piece) = s.get(a..b) {
                    self.cut(rest, piece, scratch, f)?;
                }
            }
            Ok(())
        };
        match *first {
            Cutter::Gpt2 => each(&mut Gpt2Scan::new(s)),
            Cutter::Cl100k(n) => each(&mut Cl100kScan::new(s, n)),
            Cutter::Bert => each(&mut BertPieces::new(s)),
            Cutter::WhitespaceSplit => each(&mut NonSpaceRuns::new(s)),
            Cutter::Whitespace => each(&mut word_runs(s).into_iter()),
        }
    }

    /// Runs the finishing step on each range of `s`.
    #[inline(always)]
    fn finish_all<F>(
        &self,
        s: &str,
        ranges: impl Iterator<Item = (usize, usize)>,
        scratch: &mut String,
        f: &mut F,
    ) -> Result<()>
    where
        F: PieceSink + ?Sized,
    {
        for (a, b) in ranges {
            if let Some(piece) = s.get(a..b) {
                self.finish(piece, scratch, f)?;
            }
        }
        Ok(())
    }

    /// The finishing step on one piece; the steps that hand the piece over unchanged are
    /// inlined into the cutter's loop.
    #[inline(always)]
    fn finish<F>(&self, s: &str, scratch: &mut String, f: &mut F) -> Result<()>
    where
        F: PieceSink + ?Sized,
    {
        match self.finish {
            Finish::Plain
            | Finish::ByteLevel {
                prefix_space: false,
                regex: false,
            } => f.piece(s),
            _ => self.finish_other(s, scratch, f),
        }
    }

    fn finish_other<F>(&self, s: &str, scratch: &mut String, f: &mut F) -> Result<()>
    where
        F: PieceSink + ?Sized,
    {
        match self.finish {
            Finish::Plain => f.piece(s),
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
                    return f.piece(text);
                }
                for (a, b) in Gpt2Scan::new(text) {
                    if let Some(piece) = text.get(a..b) {
                        f.piece(piece)?;
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
                let rep = self.replacement.as_str();
                if prepend && !s.starts_with(rep) && !s.starts_with(' ') {
                    scratch.push_str(rep);
                }
                // Common case (pieces of a whitespace split): no space and no replacement
                // char inside (no byte equal to its first), so the rewritten piece is one
                // piece.
                let first = rep.as_bytes().first().copied().unwrap_or(b' ');
                if !s.bytes().any(|b| b == b' ' || b == first) {
                    if scratch.is_empty() {
                        return f.piece(s);
                    }
                    scratch.push_str(s);
                    return f.piece(scratch);
                }
                for c in s.chars() {
                    scratch.push(if c == ' ' { replacement } else { c });
                }
                let text = &*scratch;
                if !split {
                    return f.piece(text);
                }
                let mut start = 0;
                for (i, _) in text.match_indices(replacement) {
                    if i > start {
                        f.piece(&text[start..i])?;
                    }
                    start = i;
                }
                if start < text.len() {
                    f.piece(&text[start..])?;
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
