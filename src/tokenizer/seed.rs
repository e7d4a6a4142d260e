//! The vocabulary seed of the ids path's piece cache, for byte-level BPE.
//!
//! Running text is mostly vocabulary words, and a word a thread meets for the first time
//! (every word of a corpus job at first, most words of a stream of new documents) is a
//! cache miss: a back-table probe, then the model's merge loop and an insert. The seed is
//! a read-only table, built once per tokenizer and shared by its threads, of the result of
//! every short token's bytes: a first-seen word that is a token costs one probe of it.
//!
//! Contents: every vocabulary token whose byte-level spelling stands for 1 to
//! [`SEED_KEY_BYTES`] bytes of valid UTF-8 (pieces are text, so no other key is asked for),
//! run through exactly the call a cache miss makes on those bytes
//! ([`crate::models::ModelWrapper::byte_level_ids`]); the tokens whose result is one id
//! (nearly all: a token's own bytes merge back into it unless the merges never build it)
//! are kept, keyed by the piece's packed bytes ([`crate::utils::packed_key`]). A slot is
//! 16 bytes: the first 8 bytes of the key, the next 3 with the length, and the id; an
//! open-addressing table behind a 128 KiB filter ([`crate::utils::short_key_table`]).
//!
//! Invariants: a hit gives what the model gives for the piece (the value is the model's
//! answer for the same bytes), so the seed never changes a result, only skips work; it is
//! used only by byte-level plans, whose cache keys are the piece's own bytes, and only
//! when the model is deterministic.
//!
//! When: a thread's cache of the tokenizer builds it after sending [`SEED_AFTER`] pieces
//! to the model, so a short job never pays for it; the build takes one model call per
//! token it considers (12 to 26 ms for gpt2, llama3, qwen2.5 and cl100k). Other threads
//! do not wait for it: they go on without the seed until it is there.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::OnceLock;

use crate::models::ModelWrapper;
use crate::utils::byte_level::unspell_into;
use crate::utils::packed_key::SHORT_KEY_BYTES;
use crate::utils::short_key_table::ShortKeyTable;

/// Pieces a thread's cache sends to the model before it builds the seed.
pub(super) const SEED_AFTER: usize = 2048;

/// Tokens with ids below this are seeded. In the byte-level files the ids follow the merges,
/// which were learnt most frequent first, so these are the common words; the cap bounds
/// the build (one model call a token) and the table (at most 65,536 slots, 1 MiB) for the
/// largest vocabularies.
const SEED_IDS: u32 = 48 << 10;

/// Longest piece (bytes) in the seed: what a 16-byte slot holds beside the id.
pub(super) const SEED_KEY_BYTES: usize = SHORT_KEY_BYTES;

/// A tokenizer's seed: built at most once, shared by its clones.
#[derive(Default)]
pub(crate) struct PieceSeed {
    table: OnceLock<Option<SeedTable>>,
    /// Set by the thread that builds the table.
    building: AtomicBool,
}

impl std::fmt::Debug for PieceSeed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.table.get() {
            Some(Some(t)) => write!(f, "PieceSeed({} pieces)", t.0.len()),
            Some(None) => f.write_str("PieceSeed(none)"),
            None => f.write_str("PieceSeed(not built)"),
        }
    }
}

impl PieceSeed {
    /// The table, if it is built and the model has one.
    #[inline]
    pub(super) fn get(&self) -> Option<&SeedTable> {
        self.table.get().and_then(Option::as_ref)
    }

    /// The table, built now by this thread unless another thread is building it (then
    /// `None`, as when the model has no token to seed).
    pub(super) fn get_or_build(&self, model: &ModelWrapper) -> Option<&SeedTable> {
        if let Some(built) = self.table.get() {
            return built.as_ref();
        }
        if self.building.swap(true, Ordering::AcqRel) {
            return None;
        }
        self.table.get_or_init(|| SeedTable::build(model)).as_ref()
    }
}

/// The seeded pieces (see the module docs), behind a filter.
pub(super) struct SeedTable(ShortKeyTable);

impl SeedTable {
    fn build(model: &ModelWrapper) -> Option<SeedTable> {
        let tokens = model.bpe_tokens()?;
        let mut entries: Vec<(Vec<u8>, u32)> = Vec::new();
        let (mut ids, mut mapped) = (Vec::new(), String::new());
        for (token, id) in tokens {
            let mut raw = Vec::new();
            if id >= SEED_IDS
                || token.len() > 2 * SEED_KEY_BYTES
                || !unspell_into(token, &mut raw)
                || !(1..=SEED_KEY_BYTES).contains(&raw.len())
                || std::str::from_utf8(&raw).is_err()
            {
                continue;
            }
            ids.clear();
            if model.byte_level_ids(&raw, &mut mapped, &mut ids).is_err() {
                continue;
            }
            if let [result] = ids[..] {
                entries.push((raw, result));
            }
        }
        if entries.is_empty() {
            return None;
        }
        // Distinct tokens have distinct bytes: no key comes twice.
        Some(SeedTable(ShortKeyTable::build(
            entries.iter().map(|(raw, id)| (raw.as_slice(), *id)),
            true,
        )))
    }

    /// The id of the piece packed as `(k0, k1)`, when the seed holds it.
    #[inline]
    pub(super) fn get(&self, k0: u64, k1: u64) -> Option<u32> {
        self.0.get_packed(k0, k1).flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::utils::packed_key::pack;
    use crate::utils::test_texts::XorShift;
    use crate::Tokenizer;

    fn fixture() -> Tokenizer {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/tokenizers/bytelevel-bpe.json"
        );
        Tokenizer::from_file(path).expect("fixture loads")
    }

    /// Every token short enough is in the seed exactly when the model gives it one id,
    /// with that id; longer keys and other bytes are not.
    #[test]
    fn seed_holds_what_the_model_gives() {
        let tok = fixture();
        let seed = PieceSeed::default();
        let table = seed
            .get_or_build(&tok.model)
            .expect("a byte-level BPE has a seed");
        assert!(seed.get().is_some());
        let (mut raw, mut ids, mut mapped) = (Vec::new(), Vec::new(), String::new());
        let mut seeded = 0;
        for (token, _) in tok.model.bpe_tokens().expect("BPE") {
            raw.clear();
            if !unspell_into(token, &mut raw) || std::str::from_utf8(&raw).is_err() {
                continue;
            }
            let (k0, k1) = if raw.len() <= 15 {
                pack(&raw)
            } else {
                continue;
            };
            ids.clear();
            tok.model
                .byte_level_ids(&raw, &mut mapped, &mut ids)
                .unwrap();
            let want = match ids[..] {
                [id] if raw.len() <= SEED_KEY_BYTES => Some(id),
                _ => None,
            };
            assert_eq!(table.get(k0, k1), want, "{token:?}");
            seeded += usize::from(want.is_some());
        }
        assert_eq!(seeded, table.0.len());
        assert!(seeded > 500, "{seeded}");
        for word in ["zzqx", "\u{e9}\u{e9}\u{e9}", " qqqqqqqq"] {
            let (k0, k1) = pack(word.as_bytes());
            assert_eq!(table.get(k0, k1), None, "{word:?}");
        }
    }

    /// While one thread builds the seed, another asking for it goes on without it.
    #[test]
    fn a_second_builder_does_not_wait() {
        let tok = fixture();
        let seed = PieceSeed::default();
        seed.building.store(true, Ordering::Release);
        assert!(seed.get_or_build(&tok.model).is_none());
        assert!(seed.get().is_none());
        assert_eq!(format!("{seed:?}"), "PieceSeed(not built)");
    }

    /// A thread that sends more than `SEED_AFTER` pieces to the model builds the seed and
    /// uses it; the ids stay those of the full encoding.
    #[test]
    fn ids_with_the_seed_equal_the_full_encoding() {
        let tok = fixture();
        let mut rng = XorShift(0x2545_f491_4f6c_dd1d_u64);
        let mut word = || {
            let x = rng.next_u64();
            let len = 2 + (x % 8) as usize;
            (0..len)
                .map(|i| char::from(b'a' + ((x >> (8 + 5 * i)) % 26) as u8))
                .collect::<String>()
        };
        let docs: Vec<String> = (0..60)
            .map(|_| (0..120).map(|_| word()).collect::<Vec<_>>().join(" "))
            .collect();
        std::thread::spawn(move || {
            let mut out = Vec::new();
            for (i, doc) in docs.iter().enumerate() {
                out.clear();
                tok.encode_ids_into(doc, false, &mut out).unwrap();
                assert_eq!(
                    out,
                    tok.encode(doc.as_str(), false).unwrap().get_ids(),
                    "doc {i}"
                );
            }
            assert!(tok.piece_seed.get().is_some(), "the seed was built");
        })
        .join()
        .unwrap();
    }
}
