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
//! The fast full-`Encoding` path uses the same plan through [`StrPlan::for_each_range`]:
//! the same cuts, with each piece reported as a byte range of the text plus a flag telling
//! whether the finishing step puts a prefix (space or replacement char) in front of it,
//! instead of the rewritten text (it builds the model input with an alignment itself).
//!
//! Measured reason: on English prose the full path spends most of its time in alignment
//! bookkeeping of `slice`/`transform`; skipping it is what lets the ids path run at hundreds
//! of MB/s.
//!
//! Other cutting steps (`Split` on any literal or regular expression, `Punctuation`,
//! `Digits`) cut with the very functions the full path uses on each piece
//! (`piece_ranges`, over the same matchers and `split_matches`), so their pieces are the
//! same by construction. A `ByteLevel` step followed by other steps (Falcon) is a cutter
//! that spells each of its pieces in the byte-level alphabet before the next steps cut it;
//! such a plan has no ranges in the original text. The ids path caches the ids of each of
//! that step's pieces (*units*, about a word) rather than those of the final pieces, and
//! the fast full path takes each unit as a range of the text
//! ([`StrPlan::for_each_unit_range`]) and its pieces as ranges of its spelling
//! ([`StrPlan::unit_piece_ranges`]). Measured reason (ids path, English, instructions
//! per 64 KiB, all three went through the full `encode` before): falcon-7b 136 → 4.6
//! million, chatglm3-6b (a literal `Split`) 50 → 4.0, clip-vit (an inverted `Split` regex)
//! 128 → 30 (with its regular-expression `Replace` rewritten as a string).
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

use super::char_classes::{is_numeric, is_punctuation};
use super::digits::Digits;
use super::metaspace::PrependScheme;
use super::punctuation::Punctuation;
use super::scan::{BertPieces, Cl100kScan, ClipScan, Gpt2Scan, NonSpaceRuns};
use super::split::Split;
use super::whitespace::word_runs;
use super::PreTokenizerWrapper;
use crate::utils::byte_level::spell_into;
use crate::Result;

/// What receives the pieces of a [`StrPlan`], in order.
pub(crate) trait PieceSink {
    /// Takes the next piece.
    fn piece(&mut self, piece: &str) -> Result<()>;

    /// Takes the next piece, which is `prefix` (the plan's Metaspace replacement) followed
    /// by `rest` (no space or replacement char inside); `scratch` is working memory. A
    /// sink that can look the piece up by `rest` alone does so without building it.
    #[inline(always)]
    fn prefixed(&mut self, prefix: &str, rest: &str, scratch: &mut String) -> Result<()> {
        scratch.clear();
        scratch.push_str(prefix);
        scratch.push_str(rest);
        self.piece(scratch)
    }
}

impl<F: FnMut(&str) -> Result<()> + ?Sized> PieceSink for F {
    #[inline(always)]
    fn piece(&mut self, piece: &str) -> Result<()> {
        self(piece)
    }
}

/// A step that cuts text into pieces (all but [`Cutter::ByteLevel`] only cut).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Cutter {
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
    /// CLIP's inverted `Split` (the pattern's matches are the pieces, whitespace is left
    /// out).
    Clip,
    /// Any other `Split` (a literal or a regular expression): the index of its copy in
    /// `StrPlan::splits`, which cuts with the same matcher and behavior as the full path.
    Split(usize),
    /// `Punctuation`.
    Punctuation(Punctuation),
    /// `Digits`.
    Digits(Digits),
    /// `ByteLevel` followed by other steps: its leading space and GPT-2 cut, then the
    /// byte-level spelling of each piece, which the next steps cut further (Falcon). A plan
    /// with this step has no ranges in the original text ([`StrPlan::has_ranges`]).
    ByteLevel { prefix_space: bool, regex: bool },
}

impl Cutter {
    /// Whether this is one of the scanners or whitespace splits, which cut at every space
    /// between ASCII graphic chars (see [`StrPlan::splits_before_spaces`]).
    fn cuts_at_spaces(self) -> bool {
        matches!(
            self,
            Cutter::Gpt2
                | Cutter::Cl100k(_)
                | Cutter::Bert
                | Cutter::WhitespaceSplit
                | Cutter::Whitespace
        )
    }
}

/// What happens to each piece after the cuts.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Finish {
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
    /// The `Split` steps of [`Cutter::Split`].
    splits: Vec<Split>,
    finish: Finish,
    /// The Metaspace replacement char, encoded (empty for other finishing steps).
    replacement: String,
}

impl StrPlan {
    /// The plan of `pre_tokenizer` (`None`: no pre-tokenizer), if it has one.
    pub(crate) fn from_pre_tokenizer(pre_tokenizer: Option<&PreTokenizerWrapper>) -> Option<Self> {
        let mut plan = StrPlan {
            cutters: Vec::new(),
            splits: Vec::new(),
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
            let c = cutter(step, &mut plan.splits)?;
            plan.cutters.push(c);
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
            other => {
                let c = cutter(other, &mut plan.splits)?;
                plan.cutters.push(c);
            }
        }
        Some(plan)
    }

    /// Calls `f` on every *unit* of `s`, when the plan has a [`Cutter::ByteLevel`] step:
    /// each piece of that step's cut before the byte-level spelling (with its leading space
    /// when it adds one), which [`Self::unit_pieces`] takes on; nothing for a plan without
    /// such a step ([`Self::has_units`]). The pieces of a unit depend on its text alone, so
    /// a caller may keep the ids of a unit instead of those of its pieces.
    pub(crate) fn for_each_unit<F>(&self, s: &str, f: &mut F) -> Result<()>
    where
        F: FnMut(&str) -> Result<()>,
    {
        let Some(at) = self.unit_step() else {
            return Ok(());
        };
        match (self.cutters.get(..at), self.cutters.get(at)) {
            (Some(before), Some(&step)) => self.cut(before, s, 0, &mut Units { step, f }),
            _ => Ok(()),
        }
    }

    /// The pieces of `unit` (see [`Self::for_each_unit`]) to `sink`: its byte-level
    /// spelling cut by the steps after the [`Cutter::ByteLevel`] one, then finished.
    /// `scratch` is working memory.
    pub(crate) fn unit_pieces<S>(
        &self,
        unit: &str,
        scratch: &mut String,
        sink: &mut S,
    ) -> Result<()>
    where
        S: PieceSink + ?Sized,
    {
        let after = self
            .unit_step()
            .and_then(|at| self.cutters.get(at + 1..))
            .unwrap_or_default();
        let mut spelled = String::with_capacity(unit.len() * 2);
        spell_into(unit.as_bytes(), &mut spelled);
        self.cut(after, &spelled, 0, &mut Finishing { scratch, sink })
    }

    /// Calls `f(start, end, spaced)` for every unit of `s` (see [`Self::for_each_unit`]) as
    /// its byte range in `s` shifted by `base`; `spaced` tells whether the unit is that
    /// range with a space in front (the step's leading space, which takes the place of
    /// nothing in `s`). Nothing for a plan without units.
    pub(crate) fn for_each_unit_range<E, F>(
        &self,
        s: &str,
        base: usize,
        scratch: &mut String,
        f: &mut F,
    ) -> std::result::Result<(), E>
    where
        E: From<crate::Error>,
        F: FnMut(usize, usize, bool) -> std::result::Result<(), E> + ?Sized,
    {
        let Some(at) = self.unit_step() else {
            return Ok(());
        };
        match (self.cutters.get(..at), self.cutters.get(at)) {
            (Some(before), Some(&step)) => {
                self.cut(before, s, base, &mut UnitRanges { step, scratch, f })
            }
            _ => Ok(()),
        }
    }

    /// Whether the fast full path can take the plan's units: it has some, and its
    /// finishing step hands pieces over as they are, so that each piece of a unit is a
    /// range of the unit's byte-level spelling ([`Self::unit_piece_ranges`]).
    pub(crate) fn has_unit_ranges(&self) -> bool {
        self.has_units() && matches!(self.finish, Finish::Plain)
    }

    /// Calls `f(start, end, prefixed)` for every piece of a unit, given its byte-level
    /// spelling `spelled`, as a range of `spelled` (see [`Self::for_each_range`]; with
    /// [`Self::has_unit_ranges`], `prefixed` is always false).
    pub(crate) fn unit_piece_ranges<E, F>(
        &self,
        spelled: &str,
        scratch: &mut String,
        f: &mut F,
    ) -> std::result::Result<(), E>
    where
        E: From<crate::Error>,
        F: FnMut(usize, usize, bool) -> std::result::Result<(), E> + ?Sized,
    {
        let after = self
            .unit_step()
            .and_then(|at| self.cutters.get(at + 1..))
            .unwrap_or_default();
        self.cut(after, spelled, 0, &mut Ranges { scratch, f })
    }

    /// Whether the plan has units (see [`Self::for_each_unit`]).
    pub(crate) fn has_units(&self) -> bool {
        self.unit_step().is_some()
    }

    /// The index of the first [`Cutter::ByteLevel`] step.
    fn unit_step(&self) -> Option<usize> {
        self.cutters
            .iter()
            .position(|c| matches!(c, Cutter::ByteLevel { .. }))
    }

    /// Whether the pieces are ranges of the text (no step before the last rewrites it):
    /// what [`Self::for_each_range`] and [`Self::finish_ranges`] need.
    pub(crate) fn has_ranges(&self) -> bool {
        !self.has_units()
    }

    /// Whether every piece ends before a space that follows an ASCII graphic character and
    /// precedes one, and a piece starts at that space, whatever the rest of the text: true
    /// when some step cuts (every cutter splits around such spaces, and none of their
    /// pieces extends over one), or when Metaspace splits before each `▁`. A byte-level or
    /// Metaspace prefix goes only to pieces not starting with a space or `▁`.
    pub(crate) fn splits_before_spaces(&self) -> bool {
        let cutters = &self.cutters;
        (!cutters.is_empty() && cutters.iter().all(|c| c.cuts_at_spaces()))
            || (cutters.is_empty()
                && matches!(
                    self.finish,
                    Finish::ByteLevel { regex: true, .. } | Finish::Metaspace { split: true, .. }
                ))
    }

    /// The one scan that cuts the text, when the plan is a single GPT-2 or cl100k-family
    /// scan whose pieces go on as they are to a byte-level model (gpt2, llama3, qwen2.5,
    /// cl100k), or a `BertPreTokenizer` whose pieces go to the model as they are (bert):
    /// the ids path then runs the scan's quick step ([`super::scan::QuickScan`]).
    pub(crate) fn quick_scan(&self) -> Option<Cutter> {
        match (self.cutters.as_slice(), self.finish) {
            ([Cutter::Bert], Finish::Plain) => Some(Cutter::Bert),
            (
                [],
                Finish::ByteLevel {
                    prefix_space: false,
                    regex: true,
                },
            ) => Some(Cutter::Gpt2),
            (
                [c @ (Cutter::Gpt2 | Cutter::Cl100k(_))],
                Finish::ByteLevel {
                    prefix_space: false,
                    regex: false,
                },
            ) => Some(*c),
            _ => None,
        }
    }

    /// `Some(prefixed)` when the plan is a `WhitespaceSplit` whose pieces go to a
    /// Metaspace step with a non-ASCII replacement (t5): a run of non-whitespace chars
    /// without a byte equal to the replacement's first (as the quick step of
    /// `NonSpaceRuns::with_wide_quick` finds them) is then one piece as it is, after the
    /// replacement ([`Self::replacement`]) when `prefixed`.
    pub(crate) fn quick_metaspace(&self) -> Option<bool> {
        match (self.cutters.as_slice(), self.finish) {
            (
                [Cutter::WhitespaceSplit],
                Finish::Metaspace {
                    replacement,
                    prepend,
                    ..
                },
            ) if !replacement.is_ascii() => Some(prepend),
            _ => None,
        }
    }

    /// The Metaspace replacement char, encoded (empty for other finishing steps).
    pub(crate) fn replacement(&self) -> &str {
        &self.replacement
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
        self.cut(&self.cutters, s, 0, &mut Finishing { scratch, sink: f })
    }

    /// Calls `f(start, end, prefixed)` for every non-empty piece of `s`, in order, with its
    /// byte range in `s` shifted by `base`, *before* the finishing step rewrites it:
    /// `prefixed` tells whether that step puts a prefix (space or replacement char) in
    /// front of the piece. The piece's model input is a function of its text, the flag and
    /// [`StrPlan::finish_kind`]. `scratch` is working memory. Only for a plan that
    /// [has ranges](Self::has_ranges).
    pub(crate) fn for_each_range<E, F>(
        &self,
        s: &str,
        base: usize,
        scratch: &mut String,
        f: &mut F,
    ) -> std::result::Result<(), E>
    where
        E: From<crate::Error>,
        F: FnMut(usize, usize, bool) -> std::result::Result<(), E> + ?Sized,
    {
        debug_assert!(self.has_ranges());
        self.cut(&self.cutters, s, base, &mut Ranges { scratch, f })
    }

    /// [`Self::for_each_range`] for `s`, one piece the cutters made: its finishing step
    /// only.
    pub(crate) fn finish_ranges<E, F>(
        &self,
        s: &str,
        base: usize,
        scratch: &mut String,
        f: &mut F,
    ) -> std::result::Result<(), E>
    where
        F: FnMut(usize, usize, bool) -> std::result::Result<(), E> + ?Sized,
    {
        if s.is_empty() {
            return Ok(());
        }
        Ranges { scratch, f }.leaf(self, s, base)
    }

    /// What the finishing step does to each piece.
    pub(crate) fn finish_kind(&self) -> Finish {
        self.finish
    }

    /// Runs `cutters` over `s` (at `base` in the whole text) and hands each piece to `leaf`.
    /// After a [`Cutter::ByteLevel`], pieces are byte-level text and `base` means nothing.
    fn cut<E, L>(&self, cutters: &[Cutter], s: &str, base: usize, leaf: &mut L) -> Res<E>
    where
        E: From<crate::Error>,
        L: Leaf<E> + ?Sized,
    {
        if s.is_empty() {
            return Ok(());
        }
        let Some((first, rest)) = cutters.split_first() else {
            return leaf.leaf(self, s, base);
        };
        if rest.is_empty() {
            // The last cutter hands its pieces straight to the leaf.
            return match *first {
                Cutter::Gpt2 => self.leaf_all(s, base, Gpt2Scan::new(s), leaf),
                Cutter::Cl100k(n) => self.leaf_all(s, base, Cl100kScan::new(s, n), leaf),
                Cutter::Bert => self.leaf_all(s, base, BertPieces::new(s), leaf),
                Cutter::WhitespaceSplit => self.leaf_all(s, base, NonSpaceRuns::new(s), leaf),
                Cutter::Whitespace => self.leaf_all(s, base, word_runs(s).into_iter(), leaf),
                Cutter::Clip => self.leaf_all(s, base, ClipScan::new(s), leaf),
                Cutter::ByteLevel { .. } => self.cut_byte_level(*first, rest, s, leaf),
                other => match self.general_ranges(other, s)? {
                    Some(ranges) => {
                        let kept = ranges.into_iter().filter(|(a, b)| a < b);
                        self.leaf_all(s, base, kept, leaf)
                    }
                    None => leaf.leaf(self, s, base),
                },
            };
        }
        let mut each = |ranges: &mut dyn Iterator<Item = (usize, usize)>| -> Res<E> {
            for (a, b) in ranges {
                if let Some(piece) = s.get(a..b) {
                    self.cut(rest, piece, base + a, leaf)?;
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
            Cutter::Clip => each(&mut ClipScan::new(s)),
            Cutter::ByteLevel { .. } => self.cut_byte_level(*first, rest, s, leaf),
            other => match self.general_ranges(other, s)? {
                Some(ranges) => each(&mut ranges.into_iter()),
                None => self.cut(rest, s, base, leaf),
            },
        }
    }

    /// The ranges of `Split`, `Punctuation` and `Digits`, from the same functions as the
    /// full path's cuts (empty ones included), or `None` when `s` stays one piece: it has
    /// no punctuation or numeric char (the shortcut the full path takes too).
    fn general_ranges(&self, cutter: Cutter, s: &str) -> Result<Option<Vec<(usize, usize)>>> {
        match cutter {
            Cutter::Split(i) => match self.splits.get(i) {
                Some(split) => split.piece_ranges(s).map(Some),
                None => Ok(None),
            },
            Cutter::Punctuation(_) if !s.chars().any(is_punctuation) => Ok(None),
            Cutter::Punctuation(p) => p.piece_ranges(s).map(Some),
            Cutter::Digits(_) if !s.chars().any(is_numeric) => Ok(None),
            Cutter::Digits(d) => d.piece_ranges(s).map(Some),
            _ => Ok(None),
        }
    }

    /// [`Cutter::ByteLevel`] on `s`, then `rest` on each of its pieces, spelled in the
    /// byte-level alphabet (as the `ByteLevel` pre-tokenizer: leading space, GPT-2 cut, then
    /// each char rewritten).
    fn cut_byte_level<E, L>(&self, step: Cutter, rest: &[Cutter], s: &str, leaf: &mut L) -> Res<E>
    where
        E: From<crate::Error>,
        L: Leaf<E> + ?Sized,
    {
        let mut spelled = String::new();
        byte_level_cut(step, s, &mut |piece: &str| -> Res<E> {
            spell_into(piece.as_bytes(), &mut spelled);
            self.cut(rest, &spelled, 0, leaf)
        })
    }

    /// Hands each range of `s` to `leaf`.
    #[inline(always)]
    fn leaf_all<E, L>(
        &self,
        s: &str,
        base: usize,
        ranges: impl Iterator<Item = (usize, usize)>,
        leaf: &mut L,
    ) -> Res<E>
    where
        L: Leaf<E> + ?Sized,
    {
        for (a, b) in ranges {
            if let Some(piece) = s.get(a..b) {
                leaf.leaf(self, piece, base + a)?;
            }
        }
        Ok(())
    }

    /// The finishing step on one piece; the steps that hand the piece over unchanged are
    /// inlined into the cutter's loop.
    #[inline(always)]
    pub(crate) fn finish<F>(&self, s: &str, scratch: &mut String, f: &mut F) -> Result<()>
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
                let rep = self.replacement.as_str();
                let prefix = prepend && !s.starts_with(rep) && !s.starts_with(' ');
                // Common case (pieces of a whitespace split): no space and no replacement
                // char inside (no byte equal to its first), so the rewritten piece is one
                // piece.
                let first = rep.as_bytes().first().copied().unwrap_or(b' ');
                if !s.bytes().any(|b| b == b' ' || b == first) {
                    return if prefix {
                        f.prefixed(rep, s, scratch)
                    } else {
                        f.piece(s)
                    };
                }
                scratch.clear();
                if prefix {
                    scratch.push_str(rep);
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

/// The result of the cutting and finishing steps (`E`: the caller's error).
type Res<E> = std::result::Result<(), E>;

/// What the cutters hand each piece to, with its position in the whole text.
trait Leaf<E> {
    /// Takes the next piece, `base` its position.
    fn leaf(&mut self, plan: &StrPlan, piece: &str, base: usize) -> Res<E>;
}

/// The leaf of [`StrPlan::for_each_piece`]: the finishing step, then the sink.
struct Finishing<'a, S: ?Sized> {
    scratch: &'a mut String,
    sink: &'a mut S,
}

impl<S: PieceSink + ?Sized> Leaf<crate::Error> for Finishing<'_, S> {
    #[inline(always)]
    fn leaf(&mut self, plan: &StrPlan, piece: &str, _base: usize) -> Result<()> {
        plan.finish(piece, self.scratch, self.sink)
    }
}

/// The leaf of [`StrPlan::for_each_unit`]: the cut of a [`Cutter::ByteLevel`] step, without
/// its spelling.
struct Units<'a, F: ?Sized> {
    step: Cutter,
    f: &'a mut F,
}

impl<F> Leaf<crate::Error> for Units<'_, F>
where
    F: FnMut(&str) -> Result<()> + ?Sized,
{
    fn leaf(&mut self, _plan: &StrPlan, s: &str, _base: usize) -> Result<()> {
        byte_level_cut(self.step, s, &mut *self.f)
    }
}

/// The leaf of [`StrPlan::for_each_unit_range`]: the cut of a [`Cutter::ByteLevel`] step,
/// as ranges with the leading-space flag.
struct UnitRanges<'a, F: ?Sized> {
    step: Cutter,
    scratch: &'a mut String,
    f: &'a mut F,
}

impl<E, F> Leaf<E> for UnitRanges<'_, F>
where
    F: FnMut(usize, usize, bool) -> Res<E> + ?Sized,
{
    fn leaf(&mut self, _plan: &StrPlan, s: &str, base: usize) -> Res<E> {
        match self.step {
            Cutter::ByteLevel {
                prefix_space,
                regex,
            } => byte_level_ranges(prefix_space, regex, s, base, self.scratch, self.f),
            _ => (self.f)(base, base + s.len(), false),
        }
    }
}

/// The cut of a `ByteLevel` step (leading space, GPT-2 pattern) on `s`, at `base` in the
/// whole text, as `f(start, end, spaced)`: each piece's byte range, and whether it is that
/// range with the step's leading space in front (which takes the place of nothing in `s`).
fn byte_level_ranges<E, F>(
    prefix_space: bool,
    regex: bool,
    s: &str,
    base: usize,
    scratch: &mut String,
    f: &mut F,
) -> Res<E>
where
    F: FnMut(usize, usize, bool) -> Res<E> + ?Sized,
{
    let spaced = prefix_space && !s.starts_with(' ');
    if !regex {
        return f(base, base + s.len(), spaced);
    }
    let text = if spaced {
        scratch.clear();
        scratch.push(' ');
        scratch.push_str(s);
        &*scratch
    } else {
        s
    };
    // With a space in front, byte `v` of the cut text is byte `v - 1` of the piece.
    let shift = usize::from(spaced);
    for (a, b) in Gpt2Scan::new(text) {
        f(
            base + a.saturating_sub(shift),
            base + b - shift,
            spaced && a == 0,
        )?;
    }
    Ok(())
}

/// The cut of a [`Cutter::ByteLevel`] step on `s`, as the `ByteLevel` pre-tokenizer cuts:
/// a leading space when it adds one and `s` has none, then the GPT-2 pattern when it uses
/// it; each piece (not yet spelled) goes to `f`.
fn byte_level_cut<E, F>(step: Cutter, s: &str, f: &mut F) -> Res<E>
where
    F: FnMut(&str) -> Res<E> + ?Sized,
{
    let Cutter::ByteLevel {
        prefix_space,
        regex,
    } = step
    else {
        return f(s);
    };
    let spaced;
    let text = if prefix_space && !s.starts_with(' ') {
        spaced = format!(" {s}");
        spaced.as_str()
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

/// The leaf of [`StrPlan::for_each_range`]: the cuts of the finishing step, as ranges with
/// the prefix flag.
struct Ranges<'a, F: ?Sized> {
    scratch: &'a mut String,
    f: &'a mut F,
}

impl<E, F> Leaf<E> for Ranges<'_, F>
where
    F: FnMut(usize, usize, bool) -> Res<E> + ?Sized,
{
    fn leaf(&mut self, plan: &StrPlan, s: &str, base: usize) -> Res<E> {
        let end = base + s.len();
        let f = &mut *self.f;
        match plan.finish {
            Finish::Plain => f(base, end, false),
            Finish::ByteLevel {
                prefix_space,
                regex,
            } => byte_level_ranges(prefix_space, regex, s, base, self.scratch, f),
            Finish::Metaspace {
                replacement,
                prepend,
                split,
            } => {
                let prefixed = prepend && !s.starts_with(replacement) && !s.starts_with(' ');
                if !split {
                    return f(base, end, prefixed);
                }
                let mut start = 0;
                for (i, c) in s.char_indices() {
                    if (c == ' ' || c == replacement) && i > start {
                        f(base + start, base + i, prefixed && start == 0)?;
                        start = i;
                    }
                }
                if start < s.len() {
                    f(base + start, end, prefixed && start == 0)?;
                }
                Ok(())
            }
        }
    }
}

/// The cutting step of `step`, if it is one.
/// A `Split` that is not a scanner is copied into `splits`.
fn cutter(step: &PreTokenizerWrapper, splits: &mut Vec<Split>) -> Option<Cutter> {
    match step {
        PreTokenizerWrapper::BertPreTokenizer(_) => Some(Cutter::Bert),
        PreTokenizerWrapper::WhitespaceSplit(_) => Some(Cutter::WhitespaceSplit),
        PreTokenizerWrapper::Whitespace(_) => Some(Cutter::Whitespace),
        PreTokenizerWrapper::Split(split) if split.keeps_clip_matches() => Some(Cutter::Clip),
        PreTokenizerWrapper::Split(split) => match split.scanner_digits() {
            Some(None) => Some(Cutter::Gpt2),
            Some(Some(n)) => Some(Cutter::Cl100k(n)),
            None => {
                splits.push(split.clone());
                Some(Cutter::Split(splits.len() - 1))
            }
        },
        PreTokenizerWrapper::Punctuation(p) => Some(Cutter::Punctuation(*p)),
        PreTokenizerWrapper::Digits(d) => Some(Cutter::Digits(*d)),
        PreTokenizerWrapper::ByteLevel(b) => Some(Cutter::ByteLevel {
            prefix_space: b.add_prefix_space,
            regex: b.use_regex,
        }),
        _ => None,
    }
}
