//! The vocabulary of a byte-level BPE model keyed by raw bytes, for `ignore_merges`.
//!
//! With `ignore_merges`, a word that is itself a token is that token. On the byte-level
//! ids path the word arrives as raw bytes, and asking the vocabulary meant spelling it in
//! the byte alphabet, hashing the string and comparing it with the token's own heap
//! string. This table holds every token whose spelling maps back to 1 to 11 raw bytes,
//! keyed by those bytes packed into 12 bytes ([`crate::utils::packed_key::short_k1`]), its
//! id in the same 16-byte slot: one probe of an open-addressing table
//! ([`crate::utils::short_key_table`]; 4 MiB for Llama 3's 128,000 tokens). Longer words
//! take the spelled lookup.
//!
//! Invariant: the byte alphabet spells each byte string one way, and a token with a char
//! outside that alphabet is no byte string's spelling, so for raw bytes of 1 to 11 bytes
//! the table holds an id exactly when `vocab[spell(raw)]` exists, and the same id.
//! Measured reason: on steady cold walks through llama3 (each document seen once) the
//! spelled lookup (string hash, probe, compare) took about a fifth of the time.

use crate::utils::byte_level::unspell_into;
use crate::utils::packed_key::SHORT_KEY_BYTES;
use crate::utils::short_key_table::ShortKeyTable;

/// The tokens of 1 to 11 raw bytes (see the module docs).
#[derive(Clone, Default)]
pub(super) struct ByteVocab(ShortKeyTable);

impl ByteVocab {
    /// The table of the tokens of `vocab` that spell 1 to 11 raw bytes.
    pub fn new<'a>(vocab: impl Iterator<Item = (&'a str, u32)>) -> Self {
        let mut entries: Vec<(Vec<u8>, u32)> = Vec::new();
        for (token, id) in vocab {
            let mut raw = Vec::new();
            if token.len() <= 2 * SHORT_KEY_BYTES && unspell_into(token, &mut raw) {
                entries.push((raw, id));
            }
        }
        // Distinct tokens have distinct bytes, so no key comes twice.
        ByteVocab(ShortKeyTable::build(
            entries.iter().map(|(raw, id)| (raw.as_slice(), *id)),
            false,
        ))
    }

    /// `Some(id)` of the token spelling `raw`, `Some(None)` when no token does, and
    /// `None` when `raw` is empty or longer than 11 bytes (the table cannot tell).
    #[inline]
    pub fn get(&self, raw: &[u8]) -> Option<Option<u32>> {
        self.0.get(raw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::utils::byte_level::bytes_to_chars;

    /// Agrees with the spelled lookup on every short byte string of a small vocabulary,
    /// including tokens outside the byte alphabet and tokens too long for a key.
    #[test]
    fn agrees_with_the_spelled_vocabulary() {
        let mut vocab: Vec<(String, u32)> = (0..=255u8)
            .map(|b| (bytes_to_chars(&[b]), u32::from(b)))
            .collect();
        let words: [&[u8]; 8] = [
            b" the",
            b"eleven_byte",
            b"twelve_bytes",
            b"hello",
            "é".as_bytes(),
            b"\n\n",
            b"exactly15bytes!",
            b"sixteen bytes!!!",
        ];
        for (i, w) in words.iter().enumerate() {
            vocab.push((bytes_to_chars(w), 1000 + i as u32));
        }
        vocab.push(("<|endoftext|>".to_string(), 5000));
        vocab.push(("naïve".to_string(), 5001));
        let table = ByteVocab::new(vocab.iter().map(|(t, id)| (t.as_str(), *id)));
        let spelled: std::collections::HashMap<&str, u32> =
            vocab.iter().map(|(t, id)| (t.as_str(), *id)).collect();
        let mut probes: Vec<Vec<u8>> = words.iter().map(|w| w.to_vec()).collect();
        probes.extend((0..=255u8).map(|b| vec![b]));
        probes.extend([
            b"the".to_vec(),
            b"hell".to_vec(),
            b"<|endoftext|>".to_vec(),
            vec![],
        ]);
        for raw in probes {
            let expected = spelled.get(bytes_to_chars(&raw).as_str()).copied();
            match table.get(&raw) {
                Some(got) => assert_eq!(got, expected, "{raw:?}"),
                None => assert!(raw.is_empty() || raw.len() > SHORT_KEY_BYTES, "{raw:?}"),
            }
        }
        assert_eq!(ByteVocab::default().get(b"a"), Some(None));
    }
}
