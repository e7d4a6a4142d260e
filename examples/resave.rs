//! Loads a tokenizer.json and writes it back out as subtok serializes it.
//!
//! ```sh
//! cargo run --release --example resave -- IN.json OUT.json
//! ```

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [input, output] = args.as_slice() else {
        return Err("usage: resave IN.json OUT.json".into());
    };
    let tokenizer = subtok::Tokenizer::from_file(input)?;
    tokenizer.save(output, true)?;
    let reloaded = subtok::Tokenizer::from_file(output)?;
    let sample = "Hello, world! Ünïcödé 漢字 🤗";
    assert_eq!(
        tokenizer.encode(sample, true)?,
        reloaded.encode(sample, true)?,
        "the saved file encodes differently"
    );
    Ok(())
}
