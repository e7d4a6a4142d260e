//! Compiled decoding: a per-id table of decoded bytes, so that `Tokenizer::decode` becomes a
//! loop that appends byte slices instead of building a `String` per token and running the
//! decoder chain over them.
//!
//! # What is compiled
//!
//! The decoder (a `Sequence` is flattened first; nested sequences apply their decoders in
//! the same order) is recognised as one of these shapes:
//!
//! - **no decoder**: the token strings joined by one space. The table holds each token's
//!   bytes; a space goes between kept tokens.
//! - **`CTC` alone**: consecutive equal token strings collapse into one, then each token is
//!   rewritten on its own (pad removed, cleanup, delimiter to space) and empty results vanish,
//!   which leaves the concatenation unchanged. The table holds each token's rewritten bytes
//!   plus a key per id (the smallest id with the same string), so the collapse compares keys.
//! - **a chain** `pre* [ByteFallback post*] [terminal tail*]`, where `pre` and `post` are
//!   one-to-one per-token decoders (`Replace`, `Strip`, `Metaspace`, `WordPiece`,
//!   `BPEDecoder`) and the terminal is `Fuse` or `ByteLevel` (or nothing: the chain ends
//!   and its tokens are concatenated). This covers `ByteLevel` (GPT-2 family),
//!   `Replace + ByteFallback + Fuse + Strip` (Llama 2 family), `ByteFallback + Fuse`,
//!   `Metaspace` (T5), `WordPiece` (BERT), `BPEDecoder` and their combinations.
//!
//! Anything else (a second `ByteFallback`, `CTC` inside a sequence, …) gets no plan and
//! decoding keeps the general path.
//!
//! # Why the result equals the general path
//!
//! Every per-token transformation is computed by the decoders' own `decode_chain`, never by
//! a copy of their logic: a one-to-one decoder's output for a token depends only on the
//! token's string and on whether it is the first (`Metaspace`, `WordPiece`) or last
//! (`BPEDecoder`) element of the list, so calling `decode_chain` on the token surrounded by
//! empty placeholder strings that set those two facts gives exactly the element the full
//! list would produce (the placeholders never influence other elements). The table stores,
//! for every id, the result for a middle position; the first and the last kept token are
//! recomputed per call with their real position when the chain depends on it.
//!
//! `ByteFallback` turns each maximal run of `<0xXX>` tokens into one string when the run is
//! valid UTF-8, and into one U+FFFD per byte otherwise. The table marks ids whose
//! pre-transformed string is a byte token (with its value); decoding collects such runs and
//! rebuilds exactly those elements, then passes them through the `post` decoders with their
//! positions in the list `ByteFallback` produces: a text token keeps its first/last status
//! (every element before or after it produces at least one element), a run's first element
//! is first when the run starts the kept ids, and its last element is last when the run ends
//! them.
//!
//! `Fuse` concatenates and `ByteLevel` concatenates the alphabet bytes of every element (or
//! the element's own UTF-8 bytes when a char lies outside the alphabet) and decodes the whole
//! as lossy UTF-8; both therefore reduce to appending per-element bytes and converting once
//! at the end, with U+FFFD exactly where the lossy conversion of the whole puts them. The
//! decoders after the terminal see a single string, so they run unchanged on it.
//!
//! Ids absent from the vocabulary are skipped and special tokens are skipped on request,
//! with the same tests as the general path (precomputed per id). The table covers the
//! model's vocabulary size and the added ids; an id beyond it that still has a token (a model
//! with gaps in its ids) sends the call to the general path. Input with no kept id, and any
//! error met on the way, return `None` so the caller runs the general path, which then
//! yields the same text or the same error.

use std::collections::HashMap;

use super::byte_fallback::byte_token_value;
use super::DecoderWrapper;
use crate::{Decoder, Error, Model, Result, Tokenizer};

/// Id has no token: skipped.
const ABSENT: u16 = 1;
/// Id is a special token: skipped when asked to.
const SPECIAL: u16 = 2;
/// Id is a `<0xXX>` byte token once the `pre` decoders ran; its value is in the high byte.
const BYTE: u16 = 4;
/// Computing the id's bytes failed: the general path must run (and report the error).
const FAIL: u16 = 8;

/// Zero bytes after the table, so that any entry can be copied as a fixed-size block.
const PAD: usize = 16;

/// Largest id table built for added ids, relative to the number of tokens (guards against
/// very sparse id spaces; ids beyond the table still decode exactly, through the general
/// path).
const MAX_SPARSITY: usize = 4;

/// How the final per-element strings become the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Terminal {
    /// Elements concatenated (`Fuse`, or the end of the chain).
    Concat,
    /// `ByteLevel`: alphabet bytes concatenated, then lossy UTF-8.
    ByteLevel,
}

/// The recognised decoder shape.
#[derive(Clone)]
enum Shape {
    /// No decoder: tokens joined with one space.
    Join,
    /// `CTC` alone; `keys[id]` identifies the token string of `id`.
    Ctc {
        /// Smallest id with the same token string, per id.
        keys: Vec<u32>,
    },
    /// `pre* [ByteFallback post*] [terminal tail*]`.
    Chain {
        pre: Vec<DecoderWrapper>,
        byte_fallback: bool,
        post: Vec<DecoderWrapper>,
        terminal: Terminal,
        tail: Vec<DecoderWrapper>,
        /// Some decoder in `pre`/`post` treats the first element differently.
        first_dep: bool,
        /// Some decoder in `pre`/`post` treats the last element differently.
        last_dep: bool,
    },
}

/// Decoded bytes of every id, and how to assemble them (see the module documentation).
#[derive(Clone)]
pub(crate) struct DecodePlan {
    shape: Shape,
    /// Bytes of every id, back to back, then `PAD` zero bytes (see [`DecodePlan::push`]).
    bytes: Vec<u8>,
    /// `bytes[offsets[id]..offsets[id + 1]]` belongs to `id`; `offsets.len() == ids + 1`.
    offsets: Vec<u32>,
    /// Flags per id (`ABSENT`, `SPECIAL`, `BYTE`, `FAIL`), byte value in the high byte.
    meta: Vec<u16>,
}

impl std::fmt::Debug for DecodePlan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let shape = match &self.shape {
            Shape::Join => "Join",
            Shape::Ctc { .. } => "Ctc",
            Shape::Chain { .. } => "Chain",
        };
        f.debug_struct("DecodePlan")
            .field("shape", &shape)
            .field("ids", &self.meta.len())
            .field("bytes", &self.bytes.len())
            .finish()
    }
}

/// One element after the `pre` decoders (and `post`, for text).
enum Element {
    /// A byte token for `ByteFallback`.
    Byte(u8),
    /// Any other token, after the `post` decoders.
    Text(String),
}

/// Decoders whose output for an element depends on it being first / last in the list.
fn position_deps(d: &DecoderWrapper) -> (bool, bool) {
    match d {
        DecoderWrapper::Metaspace(_) | DecoderWrapper::WordPiece(_) => (true, false),
        DecoderWrapper::BPEDecoder(_) => (false, true),
        _ => (false, false),
    }
}

/// Runs the one-to-one decoder `d` on `token` as the element of a list in which it is
/// first and/or last, by surrounding it with empty placeholders where it is not.
fn apply_stage(d: &DecoderWrapper, token: String, first: bool, last: bool) -> Result<String> {
    let (first_dep, last_dep) = position_deps(d);
    let lead = first_dep && !first;
    let trail = last_dep && !last;
    let mut list = Vec::with_capacity(3);
    if lead {
        list.push(String::new());
    }
    list.push(token);
    if trail {
        list.push(String::new());
    }
    let len = list.len();
    let out = d.decode_chain(list)?;
    if out.len() != len {
        return Err(Error::decode(
            "decode plan: a decoder changed the token count",
        ));
    }
    out.into_iter()
        .nth(usize::from(lead))
        .ok_or_else(|| Error::decode("decode plan: missing element"))
}

fn flatten<'d>(d: &'d DecoderWrapper, out: &mut Vec<&'d DecoderWrapper>) {
    match d {
        DecoderWrapper::Sequence(s) => s.get_decoders().iter().for_each(|d| flatten(d, out)),
        _ => out.push(d),
    }
}

/// Recognises a chain `pre* [ByteFallback post*] [terminal tail*]`.
fn chain_shape(decoder: &DecoderWrapper) -> Option<Shape> {
    let mut flat = Vec::new();
    flatten(decoder, &mut flat);
    let (mut pre, mut post, mut tail) = (Vec::new(), Vec::new(), Vec::new());
    let mut byte_fallback = false;
    let mut terminal = None;
    let (mut first_dep, mut last_dep) = (false, false);
    for d in flat {
        if terminal.is_some() {
            tail.push(d.clone());
            continue;
        }
        match d {
            DecoderWrapper::Replace(_)
            | DecoderWrapper::Strip(_)
            | DecoderWrapper::Metaspace(_)
            | DecoderWrapper::WordPiece(_)
            | DecoderWrapper::BPEDecoder(_) => {
                let (f, l) = position_deps(d);
                first_dep |= f;
                last_dep |= l;
                if byte_fallback {
                    post.push(d.clone());
                } else {
                    pre.push(d.clone());
                }
            }
            DecoderWrapper::ByteFallback(_) if !byte_fallback => byte_fallback = true,
            DecoderWrapper::Fuse(_) => terminal = Some(Terminal::Concat),
            DecoderWrapper::ByteLevel(_) => terminal = Some(Terminal::ByteLevel),
            _ => return None,
        }
    }
    Some(Shape::Chain {
        pre,
        byte_fallback,
        post,
        terminal: terminal.unwrap_or(Terminal::Concat),
        tail,
        first_dep,
        last_dep,
    })
}

/// Number of table entries: the model's vocabulary size, or one past the largest added id.
/// Ids beyond it are looked up when met (see [`DecodePlan::decode`]), so a model whose ids
/// exceed its size stays exact.
fn id_space(tok: &Tokenizer) -> usize {
    let added = tok.get_added_vocabulary().get_added_tokens_decoder();
    let max_added = added.keys().copied().max().map_or(0, |m| m as usize + 1);
    let vocab = tok.get_model().get_vocab_size();
    vocab.max(max_added.min(MAX_SPARSITY * (vocab + added.len()) + 4096))
}

impl Shape {
    /// Runs `pre`, byte detection and `post` on `token` at the given position.
    fn element(&self, token: String, first: bool, last: bool) -> Result<Element> {
        let Shape::Chain {
            pre,
            byte_fallback,
            post,
            ..
        } = self
        else {
            return Ok(Element::Text(token));
        };
        let mut s = token;
        for d in pre {
            s = apply_stage(d, s, first, last)?;
        }
        if *byte_fallback {
            if let Some(b) = byte_token_value(&s) {
                return Ok(Element::Byte(b));
            }
        }
        for d in post {
            s = apply_stage(d, s, first, last)?;
        }
        Ok(Element::Text(s))
    }

    fn terminal(&self) -> Terminal {
        match self {
            Shape::Chain { terminal, .. } => *terminal,
            _ => Terminal::Concat,
        }
    }

    /// Appends the output bytes of a final element.
    fn push_text(&self, s: &str, out: &mut Vec<u8>) {
        match self.terminal() {
            Terminal::Concat => out.extend_from_slice(s.as_bytes()),
            Terminal::ByteLevel => super::byte_level::push_token_bytes(s, out),
        }
    }

    /// Appends the elements `ByteFallback` makes of the byte run `run`, after the `post`
    /// decoders; `first` / `last`: the run starts / ends the kept ids.
    fn flush_run(
        &self,
        run: &mut Vec<u8>,
        first: bool,
        last: bool,
        out: &mut Vec<u8>,
    ) -> Result<()> {
        if run.is_empty() {
            return Ok(());
        }
        let post: &[DecoderWrapper] = match self {
            Shape::Chain { post, .. } => post,
            _ => &[],
        };
        let elements: Vec<String> = match std::str::from_utf8(run) {
            Ok(s) => vec![s.to_owned()],
            Err(_) => vec!["\u{FFFD}".to_owned(); run.len()],
        };
        let k = elements.len();
        for (j, mut s) in elements.into_iter().enumerate() {
            for d in post {
                s = apply_stage(d, s, first && j == 0, last && j + 1 == k)?;
            }
            self.push_text(&s, out);
        }
        run.clear();
        Ok(())
    }
}

impl DecodePlan {
    /// Compiles the decoder of `tok` over its whole id space; `None` when the decoder is not
    /// one of the recognised shapes (or the id space is too sparse for a table).
    pub(crate) fn build(tok: &Tokenizer) -> Option<DecodePlan> {
        let shape = match tok.get_decoder() {
            None => Shape::Join,
            Some(DecoderWrapper::CTC(_)) => Shape::Ctc { keys: Vec::new() },
            Some(d) => chain_shape(d)?,
        };
        let n = id_space(tok);
        let added = tok.get_added_vocabulary();
        let mut bytes = Vec::new();
        let mut offsets = Vec::with_capacity(n + 1);
        let mut meta = Vec::with_capacity(n);
        let mut keys = Vec::new();
        let mut first_of: HashMap<String, u32> = HashMap::new();
        offsets.push(0u32);
        for id in 0..n {
            let id = u32::try_from(id).ok()?;
            let Some(token) = tok.id_to_token(id) else {
                meta.push(ABSENT);
                offsets.push(*offsets.last()?);
                keys.push(id);
                continue;
            };
            let mut flags = if added.is_special_token(&token) {
                SPECIAL
            } else {
                0
            };
            match (&shape, tok.get_decoder()) {
                (Shape::Join, _) => bytes.extend_from_slice(token.as_bytes()),
                (Shape::Ctc { .. }, Some(d)) => {
                    keys.push(*first_of.entry(token.clone()).or_insert(id));
                    match d.decode_chain(vec![token]) {
                        Ok(v) => v.iter().for_each(|s| bytes.extend_from_slice(s.as_bytes())),
                        Err(_) => flags |= FAIL,
                    }
                }
                _ => match shape.element(token, false, false) {
                    Ok(Element::Byte(b)) => flags |= BYTE | (u16::from(b) << 8),
                    Ok(Element::Text(s)) => shape.push_text(&s, &mut bytes),
                    Err(_) => flags |= FAIL,
                },
            }
            meta.push(flags);
            offsets.push(u32::try_from(bytes.len()).ok()?);
        }
        bytes.extend_from_slice(&[0; PAD]);
        let shape = match shape {
            Shape::Ctc { .. } => Shape::Ctc { keys },
            s => s,
        };
        Some(DecodePlan {
            shape,
            bytes,
            offsets,
            meta,
        })
    }

    /// Flags of `id` if it is decoded (present, and not a skipped special token).
    #[inline]
    fn kept(&self, id: u32, skip_special_tokens: bool) -> Option<u16> {
        let m = *self.meta.get(id as usize)?;
        let drop = ABSENT | if skip_special_tokens { SPECIAL } else { 0 };
        (m & drop == 0).then_some(m)
    }

    /// Appends the bytes of `id`. Entries of up to `PAD` bytes are copied as one fixed-size
    /// block (the table is padded for this) and the excess cut off again: much cheaper than a
    /// variable-length copy for the short entries that make up nearly all tokens.
    #[inline]
    fn push(&self, id: u32, out: &mut Vec<u8>) {
        let i = id as usize;
        let (Some(&a), Some(&b)) = (self.offsets.get(i), self.offsets.get(i + 1)) else {
            return;
        };
        let (a, b) = (a as usize, b as usize);
        let len = b.saturating_sub(a);
        if len <= PAD {
            let block: Option<&[u8; PAD]> =
                self.bytes.get(a..a + PAD).and_then(|s| s.try_into().ok());
            if let Some(block) = block {
                let end = out.len() + len;
                out.extend_from_slice(block);
                out.truncate(end);
                return;
            }
        }
        out.extend_from_slice(self.bytes.get(a..b).unwrap_or_default());
    }

    /// Decodes `ids` as `tok.decode` does; `None` when the general path must run instead
    /// (no id kept, or an error on the way).
    pub(crate) fn decode(
        &self,
        tok: &Tokenizer,
        ids: &[u32],
        skip_special_tokens: bool,
    ) -> Option<String> {
        if ids
            .iter()
            .any(|&id| id as usize >= self.meta.len() && tok.id_to_token(id).is_some())
        {
            return None;
        }
        let first_pos = ids
            .iter()
            .position(|&id| self.kept(id, skip_special_tokens).is_some())?;
        let last_pos = ids
            .iter()
            .rposition(|&id| self.kept(id, skip_special_tokens).is_some())?;
        let ids = ids.get(first_pos..=last_pos)?;
        let last_pos = last_pos - first_pos;
        let mut out = Vec::with_capacity(ids.len() * 6 + 16);
        match &self.shape {
            Shape::Join => {
                let mut started = false;
                for &id in ids {
                    let Some(m) = self.kept(id, skip_special_tokens) else {
                        continue;
                    };
                    if m & FAIL != 0 {
                        return None;
                    }
                    if started {
                        out.push(b' ');
                    }
                    started = true;
                    self.push(id, &mut out);
                }
                String::from_utf8(out).ok()
            }
            Shape::Ctc { keys } => {
                let mut prev = None;
                for &id in ids {
                    let Some(m) = self.kept(id, skip_special_tokens) else {
                        continue;
                    };
                    if m & FAIL != 0 {
                        return None;
                    }
                    let key = keys.get(id as usize).copied();
                    if key == prev {
                        continue;
                    }
                    prev = key;
                    self.push(id, &mut out);
                }
                String::from_utf8(out).ok()
            }
            Shape::Chain {
                terminal,
                tail,
                first_dep,
                last_dep,
                ..
            } => {
                let mut run = Vec::new();
                let mut run_first = false;
                for (pos, &id) in ids.iter().enumerate() {
                    let Some(m) = self.kept(id, skip_special_tokens) else {
                        continue;
                    };
                    let (first, last) = (pos == 0, pos == last_pos);
                    let element = if (first && *first_dep) || (last && *last_dep) {
                        let token = tok.id_to_token(id)?;
                        match self.shape.element(token, first, last).ok()? {
                            Element::Byte(b) => Some(b),
                            Element::Text(s) => {
                                self.shape
                                    .flush_run(&mut run, run_first, false, &mut out)
                                    .ok()?;
                                self.shape.push_text(&s, &mut out);
                                None
                            }
                        }
                    } else if m & (BYTE | FAIL) == 0 {
                        if !run.is_empty() {
                            self.shape
                                .flush_run(&mut run, run_first, false, &mut out)
                                .ok()?;
                        }
                        self.push(id, &mut out);
                        None
                    } else if m & FAIL != 0 {
                        return None;
                    } else {
                        Some((m >> 8) as u8)
                    };
                    if let Some(b) = element {
                        if run.is_empty() {
                            run_first = first;
                        }
                        run.push(b);
                    }
                }
                self.shape
                    .flush_run(&mut run, run_first, true, &mut out)
                    .ok()?;
                let text = match terminal {
                    Terminal::Concat => String::from_utf8(out).ok()?,
                    Terminal::ByteLevel => match String::from_utf8(out) {
                        Ok(s) => s,
                        Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
                    },
                };
                if tail.is_empty() {
                    return Some(text);
                }
                let mut list = vec![text];
                for d in tail {
                    list = d.decode_chain(list).ok()?;
                }
                if list.len() == 1 {
                    list.pop()
                } else {
                    Some(list.concat())
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LLAMA: &str = r#"{"type":"Sequence","decoders":[{"type":"Replace","pattern":{"String":"▁"},"content":" "},{"type":"ByteFallback"},{"type":"Fuse"},{"type":"Strip","content":" ","start":1,"stop":0}]}"#;

    fn tokenizer(decoder: &str) -> Tokenizer {
        format!(
            r###"{{"version":"1.0","added_tokens":[{{"id":10,"content":"<s>","single_word":false,
            "lstrip":false,"rstrip":false,"normalized":false,"special":true}}],
            "model":{{"type":"WordLevel","vocab":{{"<unk>":0,"▁Hello":1,"▁":2,"<0xE4>":3,
            "<0xB8>":4,"<0xAD>":5,"!":6,"<0xFF>":7,"##lo":8,"▁wor":9}},"unk_token":"<unk>"}},
            "decoder":{decoder}}}"###
        )
        .parse()
        .unwrap()
    }

    /// `(ids, decode(skip_special_tokens=False), decode(skip_special_tokens=True))`, from
    /// the reference on the same tokenizer.
    fn check(decoder: &str, cases: &[(&[u32], &str, &str)]) {
        let tok = tokenizer(decoder);
        let plan = DecodePlan::build(&tok).unwrap();
        for &(ids, keep, skip) in cases {
            for (flag, expected) in [(false, keep), (true, skip)] {
                let got = plan
                    .decode(&tok, ids, flag)
                    .or_else(|| tok.decode_general(ids, flag).ok());
                assert_eq!(got.as_deref(), Some(expected), "{decoder} {ids:?} {flag}");
            }
        }
    }

    #[test]
    fn llama_chain() {
        check(
            LLAMA,
            &[
                (
                    &[10, 1, 2, 3, 4, 5, 6, 7],
                    "<s> Hello 中!\u{FFFD}",
                    "Hello 中!\u{FFFD}",
                ),
                (&[3, 4, 5], "中", "中"),
                (&[3, 4], "\u{FFFD}\u{FFFD}", "\u{FFFD}\u{FFFD}"),
                (
                    &[2, 1, 99, 7, 7],
                    " Hello\u{FFFD}\u{FFFD}",
                    " Hello\u{FFFD}\u{FFFD}",
                ),
                (&[10], "<s>", ""),
            ],
        );
    }

    #[test]
    fn metaspace_wordpiece_bytelevel_and_none() {
        let ids: &[u32] = &[10, 1, 2, 3, 4, 5, 6, 7];
        check(
            r#"{"type":"Metaspace","replacement":"▁","prepend_scheme":"always","split":true}"#,
            &[
                (
                    ids,
                    "<s> Hello <0xE4><0xB8><0xAD>!<0xFF>",
                    "Hello <0xE4><0xB8><0xAD>!<0xFF>",
                ),
                (
                    &[2, 1, 99, 7, 7],
                    " Hello<0xFF><0xFF>",
                    " Hello<0xFF><0xFF>",
                ),
            ],
        );
        check(
            r###"{"type":"WordPiece","prefix":"##","cleanup":true}"###,
            &[
                (
                    ids,
                    "<s> ▁Hello ▁ <0xE4> <0xB8> <0xAD>! <0xFF>",
                    "▁Hello ▁ <0xE4> <0xB8> <0xAD>! <0xFF>",
                ),
                (
                    &[2, 1, 99, 7, 7],
                    "▁ ▁Hello <0xFF> <0xFF>",
                    "▁ ▁Hello <0xFF> <0xFF>",
                ),
            ],
        );
        check(
            r#"{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":true,"use_regex":true}"#,
            &[(
                ids,
                "<s>▁Hello▁<0xE4><0xB8><0xAD>!<0xFF>",
                "▁Hello▁<0xE4><0xB8><0xAD>!<0xFF>",
            )],
        );
        check(
            "null",
            &[
                (
                    ids,
                    "<s> ▁Hello ▁ <0xE4> <0xB8> <0xAD> ! <0xFF>",
                    "▁Hello ▁ <0xE4> <0xB8> <0xAD> ! <0xFF>",
                ),
                (&[10], "<s>", ""),
            ],
        );
    }

    #[test]
    fn refused_shapes() {
        let shape = |json: &str| chain_shape(&serde_json::from_str(json).unwrap()).is_some();
        assert!(shape(LLAMA));
        assert!(!shape(
            r#"{"type":"Sequence","decoders":[{"type":"ByteFallback"},{"type":"ByteFallback"}]}"#
        ));
        assert!(!shape(
            r#"{"type":"Sequence","decoders":[{"type":"CTC","pad_token":"<pad>","word_delimiter_token":"|","cleanup":true}]}"#
        ));
    }
}
