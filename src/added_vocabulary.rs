//! Added tokens: strings matched in the raw input *before* the model runs, so that special
//! markers (`<|endoftext|>`, `[CLS]`) and user-added words always become single tokens.
//!
//! Matching follows the reference exactly:
//! 1. tokens with `normalized: false` are searched in the raw text (leftmost-longest);
//! 2. each remaining piece is normalized, and tokens with `normalized: true` are searched in
//!    the normalized piece, their patterns being their own normalized content.
//!
//! Flags: `single_word` rejects a match touching a word char on either side; `lstrip` /
//! `rstrip` swallow the whitespace around the match into the token's span; `special` tokens
//! can be skipped when decoding.

use crate::normalizer::{NormalizedString, Range};
use crate::normalizers::NormalizerWrapper;
use crate::pre_tokenizer::{PreTokenizedString, Split};
use crate::{Model, Normalizer, Offsets, Result, Token};
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, Match, MatchKind, StartKind};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// A token added on top of the model's vocabulary.
///
/// In tokenizer.json every field is required, as the reference requires them.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AddedToken {
    /// The token's text.
    pub content: String,
    /// Only match when not touching a word character on either side.
    pub single_word: bool,
    /// Include the whitespace on the left of a match.
    pub lstrip: bool,
    /// Include the whitespace on the right of a match.
    pub rstrip: bool,
    /// Match against the normalized text (true) or the raw input (false).
    pub normalized: bool,
    /// Special tokens can be skipped when decoding.
    pub special: bool,
}

impl Default for AddedToken {
    fn default() -> Self {
        AddedToken {
            content: String::new(),
            single_word: false,
            lstrip: false,
            rstrip: false,
            normalized: true,
            special: false,
        }
    }
}

impl AddedToken {
    /// A token with `content`; special tokens are not normalized by default.
    pub fn from(content: impl Into<String>, special: bool) -> Self {
        AddedToken {
            content: content.into(),
            normalized: !special,
            special,
            ..Default::default()
        }
    }
}

/// An added token with its id, as stored in tokenizer.json's `added_tokens`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AddedTokenWithId {
    /// The token's id.
    pub id: u32,
    /// The token.
    #[serde(flatten)]
    pub token: AddedToken,
}

/// The fields of an `added_tokens` entry, read in place so that an error names its field.
#[derive(Deserialize)]
struct AddedTokenWithIdJson {
    id: u32,
    content: String,
    single_word: bool,
    lstrip: bool,
    rstrip: bool,
    normalized: bool,
    special: bool,
}

impl<'de> Deserialize<'de> for AddedTokenWithId {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        struct EntryVisitor;
        impl<'de> serde::de::Visitor<'de> for EntryVisitor {
            type Value = AddedTokenWithId;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an added token object with `id` and `content`")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<AddedTokenWithId, A::Error> {
                let j = AddedTokenWithIdJson::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )?;
                Ok(AddedTokenWithId {
                    id: j.id,
                    token: AddedToken {
                        content: j.content,
                        single_word: j.single_word,
                        lstrip: j.lstrip,
                        rstrip: j.rstrip,
                        normalized: j.normalized,
                        special: j.special,
                    },
                })
            }
        }
        // A map only, as with the flattened form the reference reads.
        d.deserialize_map(EntryVisitor)
    }
}

#[derive(Debug, Clone)]
struct MatchingSet {
    automaton: Option<AhoCorasick>,
    ids: Vec<u32>,
    /// Where a SIMD byte search can find the candidates before the automaton looks (see
    /// [`Landmark`]), when the patterns have such a byte.
    landmark: Option<Landmark>,
}

/// A byte offset at which every pattern has one of at most three ASCII punctuation bytes
/// (the `<` of `<s>`, `▁<s>` and `<|endoftext|>`, the `[` of `[CLS]`): a match can only start
/// that far before one of them, so a SIMD byte search finds the candidates and the automaton
/// runs anchored at each. Punctuation is rare in text; letters and `▁` are not, so patterns
/// without such a byte keep the automaton's own search. Measured reason: on llama2's
/// normalized English (patterns `▁<s>`, `▁</s>`, `▁<unk>`; no `<` anywhere) the
/// automaton's own prefilter stopped at every `s` and took a tenth of the full encode.
#[derive(Debug, Clone)]
struct Landmark {
    offset: usize,
    bytes: Vec<u8>,
}

impl Landmark {
    fn find(patterns: &[String]) -> Option<Landmark> {
        let shortest = patterns.iter().map(String::len).min()?;
        (0..shortest).find_map(|offset| {
            let mut bytes: Vec<u8> = Vec::new();
            for p in patterns {
                let b = *p.as_bytes().get(offset)?;
                if !b.is_ascii_punctuation() {
                    return None;
                }
                if !bytes.contains(&b) {
                    bytes.push(b);
                }
            }
            (bytes.len() <= 3).then_some(Landmark { offset, bytes })
        })
    }
}

impl MatchingSet {
    fn build(patterns: &[String], ids: Vec<u32>) -> Result<Self> {
        if patterns.is_empty() {
            return Ok(MatchingSet {
                automaton: None,
                ids,
                landmark: None,
            });
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(patterns)
            .map_err(|e| crate::Error::config(format!("added tokens: {e}")))?;
        Ok(MatchingSet {
            automaton: Some(automaton),
            ids,
            landmark: Landmark::find(patterns),
        })
    }

    /// The next leftmost-longest match starting at or after `from` (what the automaton's
    /// unanchored search gives).
    fn next_match(&self, automaton: &AhoCorasick, s: &str, from: usize) -> Option<Match> {
        let unanchored = || automaton.find(Input::new(s).range(from..));
        let Some(landmark) = &self.landmark else {
            return unanchored();
        };
        let bytes = s.as_bytes();
        let mut at = from.checked_add(landmark.offset)?;
        loop {
            let rest = bytes.get(at..)?;
            let found = match landmark.bytes.as_slice() {
                [a] => memchr::memchr(*a, rest),
                [a, b] => memchr::memchr2(*a, *b, rest),
                [a, b, c] => memchr::memchr3(*a, *b, *c, rest),
                _ => return unanchored(),
            }?;
            let pos = at + found;
            // `pos >= from + offset`, so the candidate starts at or after `from`.
            let start = pos - landmark.offset;
            let input = Input::new(s).range(start..).anchored(Anchored::Yes);
            match automaton.try_find(input) {
                Ok(Some(m)) => return Some(m),
                Ok(None) => at = pos + 1,
                Err(_) => return unanchored(),
            }
        }
    }
}

/// The added tokens of a tokenizer and the automata that find them.
#[derive(Debug, Clone)]
pub struct AddedVocabulary {
    map: HashMap<String, u32>,
    map_r: HashMap<u32, AddedToken>,
    /// The largest id in `map` (its ids are only ever added, never changed).
    max_id: Option<u32>,
    added_tokens: Vec<AddedToken>,
    special_tokens: Vec<AddedToken>,
    special_set: HashSet<String>,
    /// Normalized form of `normalized: true` tokens whose normalization changes them; this is
    /// the form `id_to_token` and decoding use (the reference does the same).
    normalized_cache: HashMap<u32, String>,
    split_raw: MatchingSet,
    split_normalized: MatchingSet,
    /// The patterns of `split_normalized`: the normalized contents.
    normalized_patterns: Vec<String>,
}

impl Default for AddedVocabulary {
    fn default() -> Self {
        AddedVocabulary {
            map: HashMap::new(),
            map_r: HashMap::new(),
            max_id: None,
            added_tokens: Vec::new(),
            special_tokens: Vec::new(),
            special_set: HashSet::new(),
            normalized_cache: HashMap::new(),
            split_raw: MatchingSet {
                automaton: None,
                ids: Vec::new(),
                landmark: None,
            },
            split_normalized: MatchingSet {
                automaton: None,
                ids: Vec::new(),
                landmark: None,
            },
            normalized_patterns: Vec::new(),
        }
    }
}

static WORD_CHAR: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"^\w$").expect("constant pattern"));

fn is_word_char(c: char) -> bool {
    let mut buf = [0u8; 4];
    WORD_CHAR.is_match(c.encode_utf8(&mut buf))
}

impl AddedVocabulary {
    /// Builds the vocabulary from tokenizer.json's `added_tokens`, assigning ids exactly as
    /// the reference does when it loads a file (tokens are added one by one).
    pub fn from_tokens(
        tokens: &[AddedTokenWithId],
        model: &impl Model,
        normalizer: Option<&NormalizerWrapper>,
    ) -> Result<Self> {
        let mut vocab = AddedVocabulary::default();
        for t in tokens {
            vocab.add_one(&t.token, model);
        }
        vocab.refresh(model, normalizer)?;
        Ok(vocab)
    }

    /// Adds tokens (special or not) and rebuilds the matchers; returns how many were added.
    pub fn add_tokens(
        &mut self,
        tokens: &[AddedToken],
        model: &impl Model,
        normalizer: Option<&NormalizerWrapper>,
    ) -> Result<usize> {
        let added = tokens.iter().filter(|t| self.add_one(t, model)).count();
        self.refresh(model, normalizer)?;
        Ok(added)
    }

    fn add_one(&mut self, token: &AddedToken, model: &impl Model) -> bool {
        if token.special && !token.content.is_empty() && !self.special_set.contains(&token.content)
        {
            self.special_tokens.push(token.clone());
            self.special_set.insert(token.content.clone());
        }
        // The reference skips a token equal to any token already added, scanning them all.
        // The one place such a token can be is the id its content already has: `map` gives
        // a content its id once (`token_to_id` looks there first), and `map_r` entries are
        // only ever written at that id (possibly overwritten there by another content).
        let already = || {
            self.map
                .get(&token.content)
                .and_then(|id| self.map_r.get(id))
                .is_some_and(|t| t == token)
        };
        if token.content.is_empty() || already() {
            return false;
        }
        let id = match self.token_to_id(&token.content, model) {
            Some(id) => id,
            None => {
                let size = model.get_vocab_size() as u32;
                match self.max_id {
                    Some(max) if max >= size || size == 0 => max.saturating_add(1),
                    _ => size,
                }
            }
        };
        self.max_id = self.max_id.max(Some(id));
        self.map.insert(token.content.clone(), id);
        self.map_r.insert(id, token.clone());
        if !self.special_set.contains(&token.content) {
            self.added_tokens.push(token.clone());
        }
        true
    }

    fn refresh(
        &mut self,
        model: &impl Model,
        normalizer: Option<&NormalizerWrapper>,
    ) -> Result<()> {
        self.normalized_cache.clear();
        if let Some(n) = normalizer {
            for (id, token) in &self.map_r {
                if token.normalized {
                    let mut s = NormalizedString::from(token.content.as_str());
                    n.normalize(&mut s)?;
                    if s.get() != token.content {
                        self.normalized_cache.insert(*id, s.get().to_owned());
                    }
                }
            }
        }
        let mut raw = (Vec::new(), Vec::new());
        let mut norm = (Vec::new(), Vec::new());
        for token in self.special_tokens.iter().chain(self.added_tokens.iter()) {
            let Some(id) = self.token_to_id(&token.content, model) else {
                continue;
            };
            if token.normalized {
                let mut content = NormalizedString::from(token.content.as_str());
                if let Some(n) = normalizer {
                    n.normalize(&mut content)?;
                }
                norm.0.push(content.get().to_owned());
                norm.1.push(id);
            } else {
                raw.0.push(token.content.clone());
                raw.1.push(id);
            }
        }
        self.split_raw = MatchingSet::build(&raw.0, raw.1)?;
        self.split_normalized = MatchingSet::build(&norm.0, norm.1)?;
        self.normalized_patterns = norm.0;
        Ok(())
    }

    /// Number of added tokens.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// Whether there are no added tokens.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Added token contents and their ids.
    pub fn get_vocab(&self) -> &HashMap<String, u32> {
        &self.map
    }

    /// Added tokens by id.
    pub fn get_added_tokens_decoder(&self) -> &HashMap<u32, AddedToken> {
        &self.map_r
    }

    /// The added tokens with their ids, sorted by id (as tokenizer.json stores them).
    pub fn tokens_with_ids(&self) -> Vec<AddedTokenWithId> {
        let mut v: Vec<AddedTokenWithId> = self
            .map_r
            .iter()
            .map(|(id, t)| AddedTokenWithId {
                id: *id,
                token: t.clone(),
            })
            .collect();
        v.sort_by_key(|t| t.id);
        v
    }

    /// Id of `token`: added tokens first, then the model.
    pub fn token_to_id(&self, token: &str, model: &impl Model) -> Option<u32> {
        self.map
            .get(token)
            .copied()
            .or_else(|| model.token_to_id(token))
    }

    /// The string of the added token `id`, if it is one: its normalized form for tokens
    /// matched after normalization, else its content.
    pub fn simple_id_to_token(&self, id: u32) -> Option<&str> {
        let token = self.map_r.get(&id)?;
        Some(
            self.normalized_cache
                .get(&id)
                .map_or(token.content.as_str(), String::as_str),
        )
    }

    /// Whether `token` is a special token.
    pub fn is_special_token(&self, token: &str) -> bool {
        self.special_set.contains(token)
    }

    fn find_matches(&self, sentence: &str, set: &MatchingSet) -> Vec<(Option<u32>, Offsets)> {
        let Some(automaton) = &set.automaton else {
            return vec![(None, (0, sentence.len()))];
        };
        if sentence.is_empty() {
            return vec![(None, (0, 0))];
        }
        let mut start_offset = 0;
        let mut splits = Vec::new();
        let mut from = 0;
        while from <= sentence.len() {
            let Some(m) = set.next_match(automaton, sentence, from) else {
                break;
            };
            // Patterns are not empty when the byte search is used; an empty match (only
            // through the automaton's own search) moves on by one byte, as its iterator does.
            from = if m.end() > m.start() {
                m.end()
            } else {
                m.end() + 1
            };
            let (mut start, mut stop) = (m.start(), m.end());
            let Some(&id) = set.ids.get(m.pattern().as_usize()) else {
                continue;
            };
            let Some(token) = self.map_r.get(&id) else {
                continue;
            };
            if token.single_word {
                let start_space = start == 0
                    || !sentence[..start]
                        .chars()
                        .next_back()
                        .is_some_and(is_word_char);
                let stop_space = stop == sentence.len()
                    || !sentence[stop..].chars().next().is_some_and(is_word_char);
                if !start_space || !stop_space {
                    continue;
                }
            }
            if token.lstrip {
                let new_start = sentence[..start].trim_end().len();
                start = new_start.max(start_offset);
            }
            if token.rstrip {
                let rest = &sentence[stop..];
                stop += rest.len() - rest.trim_start().len();
            }
            if start_offset < start {
                splits.push((None, (start_offset, start)));
            }
            splits.push((Some(id), (start, stop)));
            start_offset = stop;
        }
        if start_offset != sentence.len() {
            splits.push((None, (start_offset, sentence.len())));
        }
        splits
    }

    /// The added-token matches of `s` for the ids fast path: `(Some(id), range)` for a
    /// token, `(None, range)` for the text between tokens (tiling `s`). `normalized`
    /// selects the tokens matched after normalization, otherwise those matched in the raw
    /// input.
    pub(crate) fn split_ranges(&self, s: &str, normalized: bool) -> Vec<(Option<u32>, Offsets)> {
        let set = if normalized {
            &self.split_normalized
        } else {
            &self.split_raw
        };
        self.find_matches(s, set)
    }

    /// The patterns searched in normalized text (the normalized contents of the tokens
    /// with `normalized: true`).
    pub(crate) fn normalized_patterns(&self) -> &[String] {
        &self.normalized_patterns
    }

    /// Whether no added token is matched in the raw input or in normalized text.
    pub(crate) fn matches_nothing(&self, normalized: bool) -> bool {
        if normalized {
            self.split_normalized.automaton.is_none()
        } else {
            self.split_raw.automaton.is_none()
        }
    }

    fn split_with_indices(&self, sentence: NormalizedString, set: &MatchingSet) -> Vec<Split> {
        if set.automaton.is_none() {
            return vec![Split::from(sentence)];
        }
        self.find_matches(sentence.get(), set)
            .into_iter()
            .filter_map(|(id, (s, e))| {
                let slice = sentence.slice(Range::Normalized(s..e))?;
                let tokens = id.map(|id| {
                    let value = slice.get().to_owned();
                    let len = value.len();
                    vec![Token::new(id, value, (0, len))]
                });
                Some(Split {
                    normalized: slice,
                    tokens,
                })
            })
            .collect()
    }

    /// Finds added tokens in `sequence` and normalizes the rest.
    pub fn extract_and_normalize(
        &self,
        normalizer: Option<&NormalizerWrapper>,
        sequence: &str,
    ) -> Result<PreTokenizedString> {
        let mut pretokenized = PreTokenizedString::from(sequence);
        if self.split_raw.automaton.is_some() {
            self.split_pieces(&mut pretokenized, None, &self.split_raw)?;
        }
        self.split_pieces(&mut pretokenized, normalizer, &self.split_normalized)?;
        Ok(pretokenized)
    }

    fn split_pieces(
        &self,
        pretokenized: &mut PreTokenizedString,
        normalizer: Option<&NormalizerWrapper>,
        set: &MatchingSet,
    ) -> Result<()> {
        let original = pretokenized.get_original().to_owned();
        let splits = std::mem::take(pretokenized.splits_mut());
        let mut out = Vec::with_capacity(splits.len());
        for split in splits {
            if split.tokens.is_some() {
                out.push(split);
                continue;
            }
            let mut n = split.normalized;
            if let Some(norm) = normalizer {
                norm.normalize(&mut n)?;
            }
            out.extend(
                self.split_with_indices(n, set)
                    .into_iter()
                    .filter(|s| !s.normalized.is_empty()),
            );
        }
        *pretokenized = PreTokenizedString::from_splits(original, out);
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::utils::test_texts::XorShift;

    /// The byte-search path gives the automaton's own leftmost-longest matches, on random
    /// pattern sets (with and without landmark bytes, ASCII and not) over random text.
    #[test]
    fn byte_search_matches_equal_the_automaton_s() {
        const ALPHABET: &[&str] = &["<", "s", ">", "/", "a", "é", "▁", "[", "]", "|"];
        let mut rng = XorShift(0x9e37_79b9_u64);
        let mut next = move |n: usize| rng.below(n);
        let mut searched = 0;
        for _ in 0..2000 {
            let patterns: Vec<String> = (0..1 + next(5))
                .map(|_| {
                    (0..1 + next(4))
                        .map(|_| ALPHABET[next(ALPHABET.len())])
                        .collect()
                })
                .collect();
            let ids = (0..patterns.len() as u32).collect();
            let set = MatchingSet::build(&patterns, ids).unwrap();
            let automaton = set.automaton.as_ref().unwrap();
            searched += usize::from(set.landmark.is_some());
            for _ in 0..5 {
                let text: String = (0..next(40))
                    .map(|_| ALPHABET[next(ALPHABET.len())])
                    .collect();
                let expected: Vec<(usize, usize, usize)> = automaton
                    .find_iter(&text)
                    .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                    .collect();
                let mut got = Vec::new();
                let mut from = 0;
                while let Some(m) = set.next_match(automaton, &text, from) {
                    got.push((m.start(), m.end(), m.pattern().as_usize()));
                    from = m.end();
                }
                assert_eq!(got, expected, "{patterns:?} in {text:?}");
            }
        }
        assert!(searched > 300, "{searched}");
    }
}
