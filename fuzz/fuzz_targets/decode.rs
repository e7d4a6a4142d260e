//! Arbitrary id sequences (many outside the vocabulary) through `decode`, `decode_batch` and
//! the streaming decoder of several real tokenizers: text or an error, never a panic.
#![no_main]

mod common;

use std::sync::OnceLock;

use common::Reader;
use libfuzzer_sys::fuzz_target;
use subtok::Tokenizer;

fn tokenizers() -> &'static [Tokenizer] {
    static TOKS: OnceLock<Vec<Tokenizer>> = OnceLock::new();
    TOKS.get_or_init(|| common::tokenizers(4_000_000))
}

fuzz_target!(|data: &[u8]| {
    let toks = tokenizers();
    if toks.is_empty() {
        return;
    }
    let mut r = Reader::new(data);
    let tok = &toks[r.below(toks.len())];
    let flags = r.byte();
    let vocab = tok.get_vocab_size(true).max(1) as u32;
    let mut ids = Vec::new();
    while !r.is_empty() && ids.len() < 512 {
        let raw = r.u32();
        // Mostly ids in range (where interesting decoding happens), some far outside.
        ids.push(if raw & 0xF0 != 0 {
            raw % (vocab + 4)
        } else {
            raw
        });
    }
    let skip = flags & 1 != 0;
    let _ = tok.decode(&ids, skip);
    let _ = tok.decode_batch(&[&ids, &ids[..ids.len() / 2]], skip);
    let mut stream = tok.decode_stream(skip);
    for &id in &ids {
        if stream.step(id).is_err() {
            break;
        }
    }
});
