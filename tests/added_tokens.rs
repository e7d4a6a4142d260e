//! Adding tokens at run time: which additions count, and the ids they get, as the reference
//! library gives them (values checked against `tokenizers` 0.23.3 on the same fixture).

use std::path::Path;

use subtok::added_vocabulary::AddedToken;
use subtok::Tokenizer;

fn token(content: &str, single_word: bool) -> AddedToken {
    AddedToken {
        single_word,
        ..AddedToken::from(content, false)
    }
}

#[test]
fn equal_tokens_are_skipped_and_ids_follow_the_largest() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/tokenizers/bytelevel-bpe.json");
    let mut tok = Tokenizer::from_file(path).unwrap();
    assert_eq!(tok.get_vocab_size(false), 1000);
    let counts = [
        tok.add_tokens(&[token("hello_new", false)]).unwrap(),
        // Equal in every field: skipped.
        tok.add_tokens(&[token("hello_new", false)]).unwrap(),
        // Same content, other flags: counted, same id, the flags replaced.
        tok.add_tokens(&[token("hello_new", true)]).unwrap(),
        // Twice in one call: counted once.
        tok.add_tokens(&[token("second_new", false), token("second_new", false)])
            .unwrap(),
        tok.add_tokens(&[AddedToken::from("hello_new", true)])
            .unwrap(),
    ];
    assert_eq!(counts, [1, 0, 1, 1, 1]);
    assert_eq!(tok.token_to_id("hello_new"), Some(1000));
    assert_eq!(tok.token_to_id("second_new"), Some(1001));
    let decoder = tok.get_added_vocabulary().get_added_tokens_decoder();
    assert!(decoder[&1000].special);
    assert!(!decoder[&1000].single_word);
    assert!(!decoder[&1001].single_word);
    // A thousand more: each gets the next id (a quadratic scan once made this slow).
    let many: Vec<AddedToken> = (0..1000)
        .map(|i| token(&format!("extra_{i}"), false))
        .collect();
    assert_eq!(tok.add_tokens(&many).unwrap(), 1000);
    assert_eq!(tok.token_to_id("extra_0"), Some(1002));
    assert_eq!(tok.token_to_id("extra_999"), Some(2001));
    assert_eq!(tok.get_vocab_size(true), 2002);
}

/// Adding a token matched after normalization to a Llama-style file that has already
/// encoded text (whose fast paths find the model's parts in the original text unless an
/// added token could match) must split on the new token from then on.
#[test]
fn tokens_added_after_encoding_are_matched() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/tokenizers/sp-bpe-bytefallback.json");
    let mut tok = Tokenizer::from_file(&path).unwrap();
    let text = "a fox and a dog";
    let before = tok.encode(text, false).unwrap();
    assert_eq!(before, tok.encode_general(text, false).unwrap());
    assert_eq!(tok.encode_ids(text, false).unwrap(), before.get_ids());
    assert_eq!(
        tok.add_tokens(&[AddedToken::from("fox", false)]).unwrap(),
        1
    );
    let id = tok.token_to_id("fox").unwrap();
    let after = tok.encode(text, false).unwrap();
    assert_eq!(after, tok.encode_general(text, false).unwrap());
    assert!(after.get_ids().contains(&id), "{:?}", after.get_ids());
    assert_eq!(tok.encode_ids(text, false).unwrap(), after.get_ids());
}
