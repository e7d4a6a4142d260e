//! `TemplateProcessing`: builds the final encoding from a template of pieces, each either an
//! input sequence (`$A` / `$B`, with the type id to give its tokens) or a named special token
//! (one or several ids/tokens, with a type id).
//!
//! In `tokenizer.json` a template is a list of pieces
//! `{"SpecialToken": {"id": "[CLS]", "type_id": 0}}` / `{"Sequence": {"id": "A", "type_id": 0}}`;
//! the compact string form `"[CLS]:0 $A:0 [SEP]:0"` (pieces separated by single spaces,
//! `$`, `$A`, `$B` or `$<type_id>` for sequences, `:<type_id>` optional) is accepted as well,
//! as are lists of such strings. Templates are always written back in the list form.
//!
//! At load every special token a template names must be defined in `special_tokens` (with as
//! many ids as tokens); the pieces are then compiled into steps, special tokens into ready
//! encodings, so processing only copies. Processing walks the template: a sequence piece sets
//! the type ids and sequence id of that input and emits it, a special piece emits its tokens
//! (only when special tokens are requested); the caller merges the emitted parts in order,
//! which also combines their overflowing windows.

use crate::processors::Processor;
use crate::{Encoding, Error, Result};
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::fmt;

/// Which input a [`Piece::Sequence`] stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Sequence {
    /// The first input.
    A,
    /// The second input of a pair.
    B,
}

impl Sequence {
    /// Index of this input among the encodings given to the processor.
    fn index(self) -> usize {
        match self {
            Sequence::A => 0,
            Sequence::B => 1,
        }
    }
}

/// One element of a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Piece {
    /// An input sequence, whose tokens all get `type_id`.
    Sequence {
        /// Which input.
        id: Sequence,
        /// Type id of its tokens.
        type_id: u32,
    },
    /// A special token defined in `special_tokens`.
    SpecialToken {
        /// Name of the special token (key of `special_tokens`).
        id: String,
        /// Type id of its tokens.
        type_id: u32,
    },
}

impl Piece {
    /// Parses the compact form: `$`, `$A`, `$B`, `$<type_id>` or a special token name,
    /// optionally followed by `:<type_id>`.
    pub fn parse(s: &str) -> std::result::Result<Piece, String> {
        let err = || {
            format!(
                "cannot read template piece \"{s}\": expected `$A`, `$B`, `$<type_id>` or a \
                 special token name, optionally followed by `:<type_id>`"
            )
        };
        let mut parts = s.split(':');
        let name = parts.next().unwrap_or("");
        let explicit_type = match (parts.next(), parts.next()) {
            (None, _) => None,
            (Some(t), None) => Some(t.parse::<u32>().map_err(|_| err())?),
            (Some(_), Some(_)) => return Err(err()),
        };
        let piece = match name.strip_prefix('$') {
            Some(rest) => {
                let (id, type_id) = match rest {
                    "" | "A" | "a" => (Sequence::A, 0),
                    "B" | "b" => (Sequence::B, 0),
                    n => (Sequence::A, n.parse::<u32>().map_err(|_| err())?),
                };
                Piece::Sequence {
                    id,
                    type_id: explicit_type.unwrap_or(type_id),
                }
            }
            None => Piece::SpecialToken {
                id: name.to_owned(),
                type_id: explicit_type.unwrap_or(0),
            },
        };
        Ok(piece)
    }
}

/// The map form of a piece, as written in `tokenizer.json`.
#[derive(Deserialize)]
enum PieceMap {
    Sequence { id: Sequence, type_id: u32 },
    SpecialToken { id: String, type_id: u32 },
}

impl<'de> Deserialize<'de> for Piece {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct PieceVisitor;
        impl<'de> Visitor<'de> for PieceVisitor {
            type Value = Piece;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a template piece: {\"Sequence\": {..}}, {\"SpecialToken\": {..}} or a string like \"$A:0\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Piece, E> {
                Piece::parse(v).map_err(E::custom)
            }
            fn visit_map<M: MapAccess<'de>>(self, map: M) -> std::result::Result<Piece, M::Error> {
                let p = PieceMap::deserialize(de::value::MapAccessDeserializer::new(map))?;
                Ok(match p {
                    PieceMap::Sequence { id, type_id } => Piece::Sequence { id, type_id },
                    PieceMap::SpecialToken { id, type_id } => Piece::SpecialToken { id, type_id },
                })
            }
        }
        d.deserialize_any(PieceVisitor)
    }
}

/// A template: its pieces in order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Template(pub Vec<Piece>);

impl Template {
    /// Parses the compact form, pieces separated by single spaces.
    pub fn parse(s: &str) -> std::result::Result<Template, String> {
        s.split(' ')
            .map(Piece::parse)
            .collect::<std::result::Result<_, _>>()
            .map(Template)
    }
}

impl<'de> Deserialize<'de> for Template {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct TemplateVisitor;
        impl<'de> Visitor<'de> for TemplateVisitor {
            type Value = Template;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a template: a list of pieces or a string like \"[CLS] $A [SEP]\"")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> std::result::Result<Template, E> {
                Template::parse(v).map_err(E::custom)
            }
            fn visit_seq<S: SeqAccess<'de>>(
                self,
                mut seq: S,
            ) -> std::result::Result<Template, S::Error> {
                let mut pieces = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(p) = seq.next_element::<Piece>()? {
                    pieces.push(p);
                }
                Ok(Template(pieces))
            }
        }
        d.deserialize_any(TemplateVisitor)
    }
}

/// A named special token: one or several ids with their token strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpecialToken {
    /// Name of the special token.
    pub id: String,
    /// Its ids, in order.
    pub ids: Vec<u32>,
    /// Its token strings, one per id.
    pub tokens: Vec<String>,
}

/// One compiled template step.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    /// Emit input `index` with all type ids set to `type_id`; `last_use` when no later step
    /// emits the same input (it can then be moved instead of copied).
    Input {
        index: usize,
        type_id: u32,
        last_use: bool,
    },
    /// Emit this ready-made special-token encoding.
    Special(Box<Encoding>),
}

/// The JSON shape of [`TemplateProcessing`].
#[derive(Serialize, Deserialize)]
struct TemplateProcessingJson {
    single: Template,
    pair: Template,
    special_tokens: BTreeMap<String, SpecialToken>,
}

/// Adds special tokens around one or two sequences following a template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "TemplateProcessingJson", into = "TemplateProcessingJson")]
pub struct TemplateProcessing {
    single: Template,
    pair: Template,
    special_tokens: BTreeMap<String, SpecialToken>,
    /// The compiled single template, or why it cannot be applied (the reference loads such
    /// a template and only fails when it is used).
    single_steps: std::result::Result<Vec<Step>, String>,
    /// The compiled pair template, or why it cannot be applied.
    pair_steps: std::result::Result<Vec<Step>, String>,
    added_single: usize,
    added_pair: usize,
}

impl From<TemplateProcessing> for TemplateProcessingJson {
    fn from(t: TemplateProcessing) -> Self {
        TemplateProcessingJson {
            single: t.single,
            pair: t.pair,
            special_tokens: t.special_tokens,
        }
    }
}

impl From<TemplateProcessingJson> for TemplateProcessing {
    fn from(j: TemplateProcessingJson) -> Self {
        TemplateProcessing::new_lenient(j.single, j.pair, j.special_tokens)
    }
}

/// How many tokens `template` adds, counting undefined special tokens as none (what the
/// reference reports for such a template).
fn count_added(template: &Template, special_tokens: &BTreeMap<String, SpecialToken>) -> usize {
    template
        .0
        .iter()
        .map(|piece| match piece {
            Piece::SpecialToken { id, .. } => special_tokens.get(id).map_or(0, |t| t.ids.len()),
            Piece::Sequence { .. } => 0,
        })
        .sum()
}

/// Compiles `template` (named `field` in messages) against `special_tokens`; also returns
/// how many tokens it adds.
fn compile(
    field: &str,
    template: &Template,
    special_tokens: &BTreeMap<String, SpecialToken>,
) -> std::result::Result<(Vec<Step>, usize), String> {
    let mut steps = Vec::with_capacity(template.0.len());
    let mut added = 0;
    for (pos, piece) in template.0.iter().enumerate() {
        match piece {
            Piece::Sequence { id, type_id } => {
                let index = id.index();
                let last_use = !template.0[pos + 1..].iter().any(
                    |p| matches!(p, Piece::Sequence { id: other, .. } if other.index() == index),
                );
                steps.push(Step::Input {
                    index,
                    type_id: *type_id,
                    last_use,
                });
            }
            Piece::SpecialToken { id, type_id } => {
                let tok = special_tokens.get(id).ok_or_else(|| {
                    let known: Vec<&str> = special_tokens.keys().map(String::as_str).collect();
                    format!(
                        "TemplateProcessing `{field}` uses the special token `{id}`, which is not \
                         defined in `special_tokens` (defined: {known:?})"
                    )
                })?;
                if tok.ids.len() != tok.tokens.len() {
                    return Err(format!(
                        "TemplateProcessing special token `{id}` has {} ids but {} tokens; \
                         expected one token per id",
                        tok.ids.len(),
                        tok.tokens.len()
                    ));
                }
                let n = tok.ids.len();
                added += n;
                steps.push(Step::Special(Box::new(Encoding::new(
                    tok.ids.clone(),
                    vec![*type_id; n],
                    tok.tokens.clone(),
                    vec![None; n],
                    vec![(0, 0); n],
                    vec![1; n],
                    vec![1; n],
                    Vec::new(),
                    HashMap::new(),
                ))));
            }
        }
    }
    Ok((steps, added))
}

impl TemplateProcessing {
    /// Builds the processor, checking that every special token the templates use is defined
    /// and has as many token strings as ids.
    pub fn new(
        single: Template,
        pair: Template,
        special_tokens: BTreeMap<String, SpecialToken>,
    ) -> std::result::Result<Self, String> {
        let (single_steps, added_single) = compile("single", &single, &special_tokens)?;
        let (pair_steps, added_pair) = compile("pair", &pair, &special_tokens)?;
        Ok(TemplateProcessing {
            single,
            pair,
            special_tokens,
            single_steps: Ok(single_steps),
            pair_steps: Ok(pair_steps),
            added_single,
            added_pair,
        })
    }

    /// Like [`new`](Self::new) but, as the reference does when loading a file, accepts
    /// templates using undefined or inconsistent special tokens: applying such a template
    /// is then an [`Error::Encode`] naming the token.
    pub fn new_lenient(
        single: Template,
        pair: Template,
        special_tokens: BTreeMap<String, SpecialToken>,
    ) -> Self {
        let added_single = count_added(&single, &special_tokens);
        let added_pair = count_added(&pair, &special_tokens);
        let single_steps = compile("single", &single, &special_tokens).map(|(steps, _)| steps);
        let pair_steps = compile("pair", &pair, &special_tokens).map(|(steps, _)| steps);
        TemplateProcessing {
            single,
            pair,
            special_tokens,
            single_steps,
            pair_steps,
            added_single,
            added_pair,
        }
    }

    /// The special-token ids before and after the sequence in the single template, when
    /// that template uses `$A` exactly once (and never `$B`).
    pub(crate) fn single_affixes(&self) -> Option<(Vec<u32>, Vec<u32>)> {
        let mut prefix = Vec::new();
        let mut suffix = Vec::new();
        let mut seen = false;
        // A template that failed to compile falls back to the full path, which reports it.
        for step in self.single_steps.as_ref().ok()? {
            match step {
                Step::Input { index: 0, .. } if !seen => seen = true,
                Step::Input { .. } => return None,
                Step::Special(enc) => {
                    let target = if seen { &mut suffix } else { &mut prefix };
                    target.extend_from_slice(enc.get_ids());
                }
            }
        }
        seen.then_some((prefix, suffix))
    }

    /// The template for a single sequence.
    pub fn single(&self) -> &Template {
        &self.single
    }

    /// The template for a pair.
    pub fn pair(&self) -> &Template {
        &self.pair
    }

    /// The special tokens, by name.
    pub fn special_tokens(&self) -> &BTreeMap<String, SpecialToken> {
        &self.special_tokens
    }
}

impl Processor for TemplateProcessing {
    fn added(&self, is_pair: bool) -> usize {
        if is_pair {
            self.added_pair
        } else {
            self.added_single
        }
    }

    fn process_encodings(
        &self,
        mut encodings: Vec<Encoding>,
        add_special_tokens: bool,
    ) -> Result<Vec<Encoding>> {
        let steps = match encodings.len() {
            1 => &self.single_steps,
            2 => &self.pair_steps,
            n => {
                return Err(Error::encode(format!(
                    "TemplateProcessing expects 1 or 2 sequences, got {n}"
                )))
            }
        };
        let steps = steps.as_ref().map_err(Error::encode)?;
        let given = encodings.len();
        let mut out = Vec::with_capacity(steps.len());
        for step in steps {
            match step {
                Step::Input {
                    index,
                    type_id,
                    last_use,
                } => {
                    let enc = encodings.get_mut(*index).ok_or_else(|| {
                        Error::encode(format!(
                            "the template uses sequence {} but only {} sequence(s) were given",
                            if *index == 0 { "$A" } else { "$B" },
                            given
                        ))
                    })?;
                    enc.fill_type_ids(*type_id);
                    enc.set_sequence_id(*index);
                    out.push(if *last_use {
                        std::mem::take(enc)
                    } else {
                        enc.clone()
                    });
                }
                Step::Special(special) => {
                    if add_special_tokens {
                        out.push(Encoding::clone(special));
                    }
                }
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::processors::PostProcessorWrapper;
    use crate::PostProcessor;

    const BERT_LIST: &str = r#"{"type":"TemplateProcessing","single":[{"SpecialToken":{"id":"[CLS]","type_id":0}},{"Sequence":{"id":"A","type_id":0}},{"SpecialToken":{"id":"[SEP]","type_id":0}}],"pair":[{"SpecialToken":{"id":"[CLS]","type_id":0}},{"Sequence":{"id":"A","type_id":0}},{"SpecialToken":{"id":"[SEP]","type_id":0}},{"Sequence":{"id":"B","type_id":1}},{"SpecialToken":{"id":"[SEP]","type_id":1}}],"special_tokens":{"[CLS]":{"id":"[CLS]","ids":[101],"tokens":["[CLS]"]},"[SEP]":{"id":"[SEP]","ids":[102],"tokens":["[SEP]"]}}}"#;

    fn load(json: &str) -> std::result::Result<PostProcessorWrapper, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    #[test]
    fn piece_parsing() {
        let seq = |id, type_id| Piece::Sequence { id, type_id };
        assert_eq!(Piece::parse("$"), Ok(seq(Sequence::A, 0)));
        assert_eq!(Piece::parse("$B"), Ok(seq(Sequence::B, 0)));
        assert_eq!(Piece::parse("$b:2"), Ok(seq(Sequence::B, 2)));
        assert_eq!(Piece::parse("$1"), Ok(seq(Sequence::A, 1)));
        assert_eq!(Piece::parse("$:1"), Ok(seq(Sequence::A, 1)));
        assert_eq!(
            Piece::parse("[SEP]:1"),
            Ok(Piece::SpecialToken {
                id: "[SEP]".into(),
                type_id: 1
            })
        );
        for bad in ["$C:1", "$A:", "$A:x", "a:1:2", "$-1"] {
            assert!(Piece::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn string_and_list_forms_are_equivalent() {
        let list = load(BERT_LIST).unwrap();
        let text = load(r#"{"type":"TemplateProcessing","single":"[CLS] $A [SEP]","pair":["[CLS]:0","$A:0","[SEP]:0","$B:1","[SEP]:1"],"special_tokens":{"[SEP]":{"id":"[SEP]","ids":[102],"tokens":["[SEP]"]},"[CLS]":{"id":"[CLS]","ids":[101],"tokens":["[CLS]"]}}}"#).unwrap();
        assert_eq!(list, text);
        // Written back in the list form, special tokens sorted by name, as the reference does.
        assert_eq!(serde_json::to_string(&text).unwrap(), BERT_LIST);
        assert_eq!(list.added_tokens(false), 2);
        assert_eq!(list.added_tokens(true), 3);
    }

    #[test]
    fn load_errors() {
        let missing = BERT_LIST.replace(
            r#"{"SpecialToken":{"id":"[SEP]","type_id":1}}"#,
            r#"{"SpecialToken":{"id":"[EOS]","type_id":1}}"#,
        );
        // Like the reference, a template naming an undefined special token (or one with
        // more ids than tokens) loads; using it is an error (the reference panics).
        let enc = || Encoding::from_tokens(vec![crate::Token::new(5, "a".into(), (0, 1))], 0);
        let missing = load(&missing).unwrap();
        assert_eq!(missing.added_tokens(true), 2);
        assert!(missing.process(enc(), None, true).is_ok());
        let err = missing
            .process(enc(), Some(enc()), true)
            .unwrap_err()
            .to_string();
        assert!(err.contains("`[EOS]`") && err.contains("pair"), "{err}");
        let uneven = BERT_LIST.replace(r#""ids":[101]"#, r#""ids":[101,7]"#);
        let uneven = load(&uneven).unwrap();
        let err = uneven.process(enc(), None, true).unwrap_err().to_string();
        assert!(err.contains("2 ids but 1 tokens"), "{err}");
        let no_pair = r#"{"type":"TemplateProcessing","single":"$A","special_tokens":{}}"#;
        assert!(load(no_pair).unwrap_err().contains("pair"));
        let no_type_id = r#"{"type":"TemplateProcessing","single":[{"Sequence":{"id":"A"}}],"pair":[],"special_tokens":{}}"#;
        assert!(load(no_type_id).is_err());
        let bad_piece =
            r#"{"type":"TemplateProcessing","single":"$C","pair":"$A $B","special_tokens":{}}"#;
        assert!(load(bad_piece).unwrap_err().contains("$C"));
        // Unused special tokens are not checked, unknown fields are ignored.
        let unused = r#"{"type":"TemplateProcessing","single":"$A","pair":"$A $B","special_tokens":{"x":{"id":"x","ids":[1,2],"tokens":[]}},"extra":1}"#;
        assert!(load(unused).is_ok());
    }

    #[test]
    fn missing_sequence_is_an_error_not_a_panic() {
        let p = load(
            r#"{"type":"TemplateProcessing","single":"$B","pair":"$A $B","special_tokens":{}}"#,
        )
        .unwrap();
        let enc = Encoding::from_tokens(vec![crate::Token::new(4, "a".into(), (0, 1))], 0);
        assert!(matches!(p.process(enc, None, true), Err(Error::Encode(_))));
    }

    #[test]
    fn multi_id_special_tokens() {
        let p = load(r#"{"type":"TemplateProcessing","single":"<bos> $A <eos>:2","pair":"<bos> $A $B:1","special_tokens":{"<bos>":{"id":"<bos>","ids":[1,3],"tokens":["<s>","<x>"]},"<eos>":{"id":"<eos>","ids":[2],"tokens":["</s>"]}}}"#).unwrap();
        assert_eq!((p.added_tokens(false), p.added_tokens(true)), (3, 2));
        let enc = Encoding::from_tokens(vec![crate::Token::new(4, "a".into(), (0, 1))], 0);
        let out = p.process(enc, None, true).unwrap();
        assert_eq!(out.get_ids(), &[1, 3, 4, 2]);
        assert_eq!(out.get_tokens(), &["<s>", "<x>", "a", "</s>"]);
        assert_eq!(out.get_type_ids(), &[0, 0, 0, 2]);
        assert_eq!(out.get_special_tokens_mask(), &[1, 1, 0, 1]);
        assert_eq!(out.get_offsets(), &[(0, 0), (0, 0), (0, 1), (0, 0)]);
        assert_eq!(out.get_sequence_ids(), vec![None, None, Some(0), None]);
    }
}
